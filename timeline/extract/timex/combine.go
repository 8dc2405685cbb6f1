package timex

import "github.com/dateline/dateline/timeline"

// combine joins neighbouring expressions that name one time: a clock time
// and its day ("9 a.m. Tuesday", "Friday at 6 p.m."), and a date with a
// relative year ("4 April last year"). It reuses ms.
func (p *parser) combine(ms []match) []match {
	n := 0
	for k := 0; k < len(ms); k++ {
		m := &ms[k]
		// joined expressions are at most two words apart
		if k+1 < len(ms) && ms[k+1].start-m.end <= 2 && p.join(m, &ms[k+1]) {
			k++
		}
		if n != k {
			ms[n] = *m
		}
		n++
	}
	return ms[:n]
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

func isDay(e *expr) bool {
	return (e.day > 0 || e.weekday > 0 || (e.rel == relDeictic && e.unit == uDay) ||
		(e.rel == relDeictic && e.unit == "WD")) && !e.clock && e.typ != TypeDuration && e.typ != TypeSet
}

// join reports whether a and b name one time, and if so makes a that
// time, over both.
func (p *parser) join(a, b *match) bool {
	gap := gap{p, a.end, b.start}
	var e expr
	switch {
	case a.e.clock && isDay(&b.e) && gap.only(",", "on"):
		e = b.e
		e.hour, e.minute, e.minutes, e.clock, e.typ, e.part, e.zone = a.e.hour, a.e.minute, a.e.minutes, true, TypeTime, "", a.e.zone
		a.resume = b.resume
	case isDay(&a.e) && b.e.clock && gap.only(",", "at"):
		e = a.e
		e.hour, e.minute, e.minutes, e.clock, e.typ, e.part, e.zone = b.e.hour, b.e.minute, b.e.minutes, true, TypeTime, "", b.e.zone
		a.resume = b.resume
	case a.e.part != "" && (a.e.rel == relAnaphoric || a.e.rel == relDeictic && a.e.unit == uDay && a.e.n == 0) &&
		a.e.day == 0 && a.e.weekday == 0 && isDay(&b.e) && b.e.part == "" && gap.only("on", ","):
		// "mid-afternoon yesterday", "the morning of" handled elsewhere
		e = b.e
		e.part, e.typ, e.mod = a.e.part, TypeTime, a.e.mod
		a.resume = 0
	case isDay(&a.e) && a.e.part == "" && (b.e.part == timeline.Dawn || b.e.part == timeline.EarlyHours) &&
		b.e.rel == relAnaphoric && b.e.day == 0 && b.e.weekday == 0 && gap.only(",", "at", "before", "by"):
		// "Saturday at dawn", "Saturday before dawn"
		e = a.e
		e.part, e.typ = b.e.part, TypeTime
		a.resume = 0
	case (a.e.day > 0 || a.e.month > 0) && a.e.year == 0 && b.e.rel == relDeictic && b.e.unit == uYear &&
		b.e.typ == TypeDate && b.e.mod == "" && gap.only(","):
		e = a.e
		e.rel, e.unit, e.hasYearShift, e.yearShift = relDeictic, uYear, true, b.e.n
		a.resume = 0
	default:
		return false
	}
	a.end, a.e = b.end, e
	return true
}
