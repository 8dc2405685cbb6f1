package timex

import "github.com/dateline/dateline/timeline"

// combine joins neighbouring expressions that name one time: a clock time
// and its day ("9 a.m. Tuesday", "Friday at 6 p.m."), and a date with a
// relative year ("4 April last year"). It reuses ms.
func (p *parser) combine(ms []match) []match {
	out := ms[:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if k+1 < len(ms) {
			if merged, ok := p.join(m, ms[k+1]); ok {
				out = append(out, merged)
				k++
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// gap is the words between two matches.
type gap struct {
	p    *parser
	i, j int
}

// only reports whether the gap is at most two words, each one of allowed.
func (g gap) only(allowed ...string) bool {
	if g.j-g.i > 2 {
		return false
	}
	for k := g.i; k < g.j; k++ {
		if !g.p.is(k, allowed...) {
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
	gap := gap{p, a.end, b.start}
	switch {
	case a.e.clock && isDay(b.e) && gap.only(",", "on"):
		e := b.e
		e.hour, e.minute, e.minutes, e.clock, e.typ, e.part, e.zone = a.e.hour, a.e.minute, a.e.minutes, true, TypeTime, "", a.e.zone
		return match{start: a.start, end: b.end, resume: b.resume, e: e}, true
	case isDay(a.e) && b.e.clock && gap.only(",", "at"):
		e := a.e
		e.hour, e.minute, e.minutes, e.clock, e.typ, e.part, e.zone = b.e.hour, b.e.minute, b.e.minutes, true, TypeTime, "", b.e.zone
		return match{start: a.start, end: b.end, resume: b.resume, e: e}, true
	case a.e.part != "" && (a.e.rel == relAnaphoric || a.e.rel == relDeictic && a.e.unit == uDay && a.e.n == 0) &&
		a.e.day == 0 && a.e.weekday == 0 && isDay(b.e) && b.e.part == "" && gap.only("on", ","):
		// "mid-afternoon yesterday", "the morning of" handled elsewhere
		e := b.e
		e.part, e.typ, e.mod = a.e.part, TypeTime, a.e.mod
		return match{start: a.start, end: b.end, e: e}, true
	case isDay(a.e) && a.e.part == "" && (b.e.part == timeline.Dawn || b.e.part == timeline.EarlyHours) &&
		b.e.rel == relAnaphoric && b.e.day == 0 && b.e.weekday == 0 && gap.only(",", "at", "before", "by"):
		// "Saturday at dawn", "Saturday before dawn"
		e := a.e
		e.part, e.typ = b.e.part, TypeTime
		return match{start: a.start, end: b.end, e: e}, true
	case (a.e.day > 0 || a.e.month > 0) && a.e.year == 0 && b.e.rel == relDeictic && b.e.unit == uYear &&
		b.e.typ == TypeDate && b.e.mod == "" && gap.only(","):
		e := a.e
		e.rel, e.unit, e.hasYearShift, e.yearShift = relDeictic, uYear, true, b.e.n
		return match{start: a.start, end: b.end, e: e}, true
	}
	return match{}, false
}
