package timex

import "time"

// holidays are the named days news dates things by. Each maps a year to
// the day; movable feasts are computed.
var holidays = map[string]func(y int) time.Time{
	"christmas day":    fixed(12, 25),
	"christmas":        fixed(12, 25),
	"christmas eve":    fixed(12, 24),
	"boxing day":       fixed(12, 26),
	"new year's day":   fixed(1, 1),
	"new year's eve":   fixed(12, 31),
	"new year's":       fixed(1, 1),
	"valentine's day":  fixed(2, 14),
	"halloween":        fixed(10, 31),
	"independence day": fixed(7, 4),
	"bastille day":     fixed(7, 14),
	"thanksgiving":     nthWeekday(11, 4, 4),
	"thanksgiving day": nthWeekday(11, 4, 4),
	"labor day":        nthWeekday(9, 1, 1),
	"memorial day":     lastWeekday(5, 1),
	"easter":           easter,
	"easter sunday":    easter,
	"easter day":       easter,
	"good friday":      func(y int) time.Time { return easter(y).AddDate(0, 0, -2) },
	"easter monday":    func(y int) time.Time { return easter(y).AddDate(0, 0, 1) },
}

func fixed(m time.Month, d int) func(int) time.Time {
	return func(y int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
}

// nthWeekday is the n-th weekday wd (ISO) of month m.
func nthWeekday(m time.Month, wd, n int) func(int) time.Time {
	return func(y int) time.Time {
		first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		diff := (wd - isoWeekday(first) + 7) % 7
		return first.AddDate(0, 0, diff+7*(n-1))
	}
}

// lastWeekday is the last weekday wd (ISO) of month m.
func lastWeekday(m time.Month, wd int) func(int) time.Time {
	return func(y int) time.Time {
		last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
		diff := (isoWeekday(last) - wd + 7) % 7
		return last.AddDate(0, 0, -diff)
	}
}

// easter is Western Easter Sunday (the anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// holiday: "Christmas", "New Year's Day", "last Thanksgiving", "Easter
// 2024". Names must be capitalised.
func (p *parser) holiday(i int, out *match) bool {
	j := i
	n, shifted := 0, false
	if p.is(j, "last", "next", "this") {
		n = map[string]int{"last": -1, "next": 1, "this": 0}[p.low(j)]
		shifted = true
		j++
	}
	if !p.tok(j).Upper() {
		return false
	}
	best, end := "", 0
	name := ""
	for k := j; k < j+3 && k < len(p.toks); k++ {
		if k > j && p.low(k) != "'s" {
			name += " "
		}
		name += p.low(k)
		if _, ok := holidays[name]; ok {
			best, end = name, k+1
		}
	}
	if best == "" {
		return false
	}
	e := expr{typ: TypeDate, holiday: best, rel: relTense}
	if shifted {
		e.rel, e.n = relDeictic, n
	}
	if y, k, ok := p.yearNumber(end); ok {
		e.year, e.rel, end = y, relNone, k
	}
	*out = match{end: end, e: e}
	return true
}
