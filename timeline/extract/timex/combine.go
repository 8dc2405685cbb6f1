package timex

// combine joins neighbouring expressions that name one time: a clock time
// and its day ("9 a.m. Tuesday", "Friday at 6 p.m."), and a date with a
// relative year ("4 April last year").
func (p *parser) combine(ms []match) []match {
	out := ms[:0:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if k+1 < len(ms) {
			n := ms[k+1]
			if merged, ok := p.join(m, n); ok {
				out = append(out, merged)
				k++
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// between returns the lower-cased tokens between two matches.
func (p *parser) between(a, b match) []string {
	var words []string
	for i := a.end; i < b.start; i++ {
		words = append(words, p.toks[i].Low)
	}
	return words
}

func onlyWords(ws []string, allowed ...string) bool {
	if len(ws) > 2 {
		return false
	}
	for _, w := range ws {
		ok := false
		for _, a := range allowed {
			if w == a {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func isDay(e expr) bool {
	return (e.day > 0 || e.weekday > 0 || (e.rel == relDeictic && e.unit == uDay) ||
		(e.rel == relDeictic && e.unit == "WD")) && !e.clock && e.typ != TypeDuration && e.typ != TypeSet
}

func (p *parser) join(a, b match) (match, bool) {
	gap := p.between(a, b)
	switch {
	case a.e.clock && isDay(b.e) && onlyWords(gap, ",", "on"):
		e := b.e
		e.hour, e.minute, e.minutes, e.clock, e.typ, e.part = a.e.hour, a.e.minute, a.e.minutes, true, TypeTime, ""
		return match{start: a.start, end: b.end, e: e}, true
	case isDay(a.e) && b.e.clock && onlyWords(gap, ",", "at"):
		e := a.e
		e.hour, e.minute, e.minutes, e.clock, e.typ, e.part = b.e.hour, b.e.minute, b.e.minutes, true, TypeTime, ""
		return match{start: a.start, end: b.end, e: e}, true
	case a.e.part != "" && (a.e.rel == relAnaphoric || a.e.rel == relDeictic && a.e.unit == uDay && a.e.n == 0) &&
		a.e.day == 0 && a.e.weekday == 0 && isDay(b.e) && b.e.part == "" && onlyWords(gap, "on", ","):
		// "mid-afternoon yesterday", "the morning of" handled elsewhere
		e := b.e
		e.part, e.typ, e.mod = a.e.part, TypeTime, a.e.mod
		return match{start: a.start, end: b.end, e: e}, true
	case (a.e.day > 0 || a.e.month > 0) && a.e.year == 0 && b.e.rel == relDeictic && b.e.unit == uYear &&
		b.e.typ == TypeDate && b.e.mod == "" && onlyWords(gap, ","):
		e := a.e
		e.rel, e.unit, e.hasYearShift, e.yearShift = relDeictic, uYear, true, b.e.n
		return match{start: a.start, end: b.end, e: e}, true
	}
	return match{}, false
}
