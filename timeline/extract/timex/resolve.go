package timex

import (
	"fmt"
	"time"

	"github.com/dateline/dateline/timeline"
)

// resolver turns expressions into TIMEX3 values, counting deictic
// expressions from the publication date and anaphoric ones from the last
// date of the narrative.
type resolver struct {
	dct time.Time // zero when the publication date is unknown
	// from is what a weekday, month or season without a year is counted
	// from: the publication date, or the moment a plan was told of
	// ("on Tuesday he said he would travel on Friday").
	from    time.Time
	lastDay time.Time // the last day-precise date mentioned (starts at dct)
	last    time.Time // the start of the last date of any precision mentioned
	lastQ   [2]int    // the last quarter mentioned: year, quarter
	// dateline returns the zone of the story's dateline, "" if none
	dateline func() string
}

// ahead reports whether the story's dateline is a place whose clock runs
// three hours or more ahead of UTC: a wire story dated by its desk in the
// evening tells of that place's next day.
func (r *resolver) ahead() bool {
	if r.dateline == nil {
		return false
	}
	name := r.dateline()
	if name == "" {
		return false
	}
	loc := location(name)
	if loc == nil {
		return false
	}
	_, off := r.dct.In(loc).Zone()
	return off >= 3*3600
}

// day is the midnight that starts the day of t, a wall clock read as UTC.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// resolve returns the value and, when the value is a calendar date, the
// date. A value is "" when the expression needs a reference it lacks.
func (r *resolver) resolve(e *expr, t tense) (string, timeline.Date) {
	v, d := r.value(e, t)
	if !d.IsZero() {
		r.last = d.Start()
		if d.Precision() >= timeline.PrecisionDay {
			r.lastDay = day(d.Start())
		}
	}
	return v, d
}

func (r *resolver) value(e *expr, t tense) (string, timeline.Date) {
	switch {
	case e.ref != "":
		return e.ref, timeline.Date{}
	case e.qref != qrefNone:
		return r.quarterRef(e)
	case e.weekend:
		return r.weekend(e, t)
	case e.typ == TypeDuration || e.typ == TypeSet:
		return e.dur, timeline.Date{}
	case e.century > 0:
		return fmt.Sprintf("%02d", e.century), timeline.Date{}
	case e.decade > 0:
		return fmt.Sprintf("%03d", e.decade), timeline.Date{}
	}
	if e.clock && e.rel == relNone && e.year == 0 && e.day == 0 && e.weekday == 0 {
		// a bare clock time is on the day the story is at
		if r.lastDay.IsZero() {
			return "", timeline.Date{}
		}
		return dateOf(e, r.lastDay)
	}
	if e.holiday != "" {
		return r.holiday(e, t)
	}
	switch e.rel {
	case relNone:
		return r.absolute(e)
	case relTense:
		return r.byTense(e, t)
	case relDeictic:
		if r.dct.IsZero() {
			return "", timeline.Date{}
		}
		return r.shift(e, r.dct, t)
	case relAnaphoric:
		anchor := r.lastDay
		if anchor.IsZero() {
			return "", timeline.Date{}
		}
		return r.anaphoric(e, anchor)
	}
	return "", timeline.Date{}
}

// absolute handles dates that carry their own year.
func (r *resolver) absolute(e *expr) (string, timeline.Date) {
	switch {
	case e.quarter > 0:
		if e.year == 0 {
			return r.fiscal(e)
		}
		r.lastQ = [2]int{e.year, e.quarter}
		d, _ := timeline.QuarterDate(e.year, e.quarter)
		return d.Value(), d
	case e.half > 0:
		if e.year == 0 {
			return r.fiscal(e)
		}
		return fmt.Sprintf("%04d-H%d", e.year, e.half), timeline.Date{}
	case e.season != "":
		d, err := timeline.SeasonDate(e.year, e.season)
		if err != nil {
			return "", timeline.Date{}
		}
		return d.Value(), d
	}
	return calendar(e, e.year, e.month, e.day)
}

// calendar builds the value of a date from its parts, with the part of
// day or clock time of e.
func calendar(e *expr, y, m, d int) (string, timeline.Date) {
	var (
		date timeline.Date
		err  error
	)
	switch {
	case y == 0:
		return "", timeline.Date{}
	case m == 0:
		date, err = timeline.YearDate(y)
	case d == 0:
		date, err = timeline.MonthDate(y, time.Month(m))
	case e.clock && e.hour < 24:
		date, err = timeline.MinuteDate(y, time.Month(m), d, e.hour, e.minute)
		if off, ok := e.zone.offsetAt(date.Start()); ok && err == nil {
			date, err = date.WithOffset(off)
		}
	case e.part != "":
		date, err = timeline.PartOfDayDate(y, time.Month(m), d, e.part)
	default:
		date, err = timeline.DayDate(y, time.Month(m), d)
	}
	if err != nil {
		return "", timeline.Date{} // "February 30": not a date
	}
	v := date.TIMEX()
	if e.clock && e.hour == 24 && d > 0 { // midnight: the end of the day
		return v + "T24", date
	}
	if e.clock && !e.minutes {
		v = v[:len(v)-3] // "9 a.m." is T09, not T09:00
	}
	return v, date
}

func dateOf(e *expr, t time.Time) (string, timeline.Date) {
	y, m, d := t.Date()
	return calendar(e, y, int(m), d)
}

// addDays moves a day (a wall clock read as UTC, which has no daylight
// saving) by n days.
func addDays(t time.Time, n int) time.Time {
	return t.Add(time.Duration(n) * 24 * time.Hour)
}

// holiday places a named day: in its year if given; else the last one
// ("last Christmas"), the next one, or the one the tense points to.
func (r *resolver) holiday(e *expr, t tense) (string, timeline.Date) {
	at := holidays[e.holiday]
	if e.year != 0 {
		return dateOf(e, at(e.year))
	}
	if r.dct.IsZero() {
		return "", timeline.Date{}
	}
	var best time.Time
	for y := r.dct.Year() - 1; y <= r.dct.Year()+1; y++ {
		c := at(y)
		switch {
		case e.rel == relDeictic && e.n < 0 && !c.Before(r.dct),
			e.rel == relDeictic && e.n > 0 && !c.After(r.dct),
			e.rel == relTense && t == tensePast && c.After(r.dct),
			e.rel == relTense && t == tenseFuture && c.Before(r.dct):
			continue
		}
		if best.IsZero() || absDays(c, r.dct) < absDays(best, r.dct) {
			best = c
		}
	}
	return dateOf(e, best)
}

// quarterRef resolves a quarter the story names without a number: the
// last quarter it mentioned, or else the last one completed before the
// publication date.
func (r *resolver) quarterRef(e *expr) (string, timeline.Date) {
	y, q := r.lastQ[0], r.lastQ[1]
	if y == 0 {
		if r.dct.IsZero() {
			return "", timeline.Date{}
		}
		y, q = r.dct.Year(), (int(r.dct.Month())-1)/3
		if q == 0 {
			y, q = y-1, 4
		}
	}
	switch e.qref {
	case qrefYearAgo:
		y--
	case qrefSameInYear:
		y = e.year
	case qrefLatest:
		y += e.yearShift
	}
	d, _ := timeline.QuarterDate(y, q)
	if e.qref == qrefLatest && e.yearShift == 0 {
		r.lastQ = [2]int{y, q}
	}
	return d.Value(), d
}

// weekend resolves "the weekend": the last one in a past clause, the next
// one in a future clause.
func (r *resolver) weekend(e *expr, t tense) (string, timeline.Date) {
	if r.dct.IsZero() {
		return "", timeline.Date{}
	}
	d := r.dct
	wd := isoWeekday(d)
	switch {
	case t == tenseFuture && wd < 6:
	case wd >= 6:
	default:
		d = addDays(d, -7)
	}
	y, w := d.ISOWeek()
	return fmt.Sprintf("%04d-W%02d-WE", y, w), timeline.Date{}
}

// fiscal places a quarter or half without a year: the most recent one
// that has begun by the publication date ("third-quarter profit" in an
// October article is this year's; "the fourth quarter" in January is last
// year's).
func (r *resolver) fiscal(e *expr) (string, timeline.Date) {
	if r.dct.IsZero() {
		if e.quarter > 0 {
			return fmt.Sprintf("XXXX-Q%d", e.quarter), timeline.Date{}
		}
		return fmt.Sprintf("XXXX-H%d", e.half), timeline.Date{}
	}
	y := r.dct.Year()
	cur := (int(r.dct.Month())-1)/3 + 1
	if e.quarter > 0 {
		if e.quarter > cur {
			y--
		}
		r.lastQ = [2]int{y, e.quarter}
		d, _ := timeline.QuarterDate(y, e.quarter)
		return d.Value(), d
	}
	if e.half == 2 && cur <= 2 {
		y--
	}
	return fmt.Sprintf("%04d-H%d", y, e.half), timeline.Date{}
}

// byTense places a weekday, month, month-day or season that has no year:
// news mostly reports the past, so the most recent one on or before the
// publication date, unless the clause looks forward. A month-day takes the
// year that puts it nearest the publication date.
func (r *resolver) byTense(e *expr, t tense) (string, timeline.Date) {
	if r.dct.IsZero() {
		switch {
		case e.weekday > 0 && e.day == 0:
			v := fmt.Sprintf("XXXX-WXX-%d", e.weekday)
			if e.part != "" {
				v += "T" + string(e.part)
			}
			return v, timeline.Date{}
		case e.day > 0:
			return fmt.Sprintf("XXXX-%02d-%02d", e.month, e.day), timeline.Date{}
		case e.month > 0:
			return fmt.Sprintf("XXXX-%02d", e.month), timeline.Date{}
		case e.season != "":
			return "XXXX-" + string(e.season), timeline.Date{}
		}
		return "", timeline.Date{}
	}
	dct := r.from
	switch {
	case e.day > 0:
		// the nearest such day, unless the tense says which side; a
		// past-tense date more than ~10 months back is likelier a future
		// one in a clause whose cue misled us, so the window is bounded
		best := time.Time{}
		for _, y := range []int{dct.Year() - 1, dct.Year(), dct.Year() + 1} {
			c := time.Date(y, time.Month(e.month), e.day, 0, 0, 0, 0, time.UTC)
			if c.Day() != e.day {
				continue // 29 February in a common year
			}
			if t == tensePast && c.After(dct) || t == tenseFuture && c.Before(dct) {
				if absDays(c, dct) > 0 {
					continue
				}
			}
			if absDays(c, dct) > 320 {
				continue
			}
			if best.IsZero() || absDays(c, dct) < absDays(best, dct) {
				best = c
			}
		}
		if best.IsZero() { // nothing on the tense's side: take the nearest
			for _, y := range []int{dct.Year() - 1, dct.Year(), dct.Year() + 1} {
				c := time.Date(y, time.Month(e.month), e.day, 0, 0, 0, 0, time.UTC)
				if c.Day() == e.day && (best.IsZero() || absDays(c, dct) < absDays(best, dct)) {
					best = c
				}
			}
		}
		if best.IsZero() {
			return "", timeline.Date{}
		}
		return dateOf(e, best)
	case e.weekday > 0:
		d := weekdayNear(dct, e.weekday, t, false)
		if t != tenseFuture && dct.Equal(r.dct) && addDays(d, 6).Equal(dct) && r.ahead() {
			// the weekday after the publication date in a story from a
			// place ahead of the desk that dated it ("WELLINGTON, New
			// Zealand (AP) — ... New Zealand said Friday" in a story of
			// Thursday) is that place's today, not six days ago
			d = addDays(dct, 1)
		}
		return dateOf(e, d)
	case e.month > 0:
		y := dct.Year()
		switch t {
		case tenseFuture:
			if e.month < int(dct.Month()) {
				y++
			}
		case tensePast:
			// past, unless that is nearly a year back and the month is
			// about to come: "gave them until mid-November" in late October
			if diff := e.month - int(dct.Month()); diff > 0 && !(diff <= 1 && e.mod != "") {
				y--
			}
		default: // the past, unless the coming one is much nearer
			if diff := e.month - int(dct.Month()); diff > 4 {
				y--
			} else if diff < -8 {
				y++
			}
		}
		return calendar(e, y, e.month, 0)
	case e.season != "":
		return r.seasonNear(e, t, 0)
	}
	return "", timeline.Date{}
}

func absDays(a, b time.Time) float64 {
	d := a.Sub(b).Hours() / 24
	if d < 0 {
		return -d
	}
	return d
}

// weekdayNear returns the weekday wd nearest ref in the direction of the
// tense: on or before ref in the past, on or after it in the future;
// strict excludes ref itself.
func weekdayNear(ref time.Time, wd int, t tense, strict bool) time.Time {
	cur := isoWeekday(ref)
	if t == tenseFuture {
		diff := (wd - cur + 7) % 7
		if diff == 0 && strict {
			diff = 7
		}
		return addDays(ref, diff)
	}
	diff := (cur - wd + 7) % 7
	if diff == 0 && strict {
		diff = 7
	}
	return addDays(ref, -diff)
}

func isoWeekday(t time.Time) int {
	if wd := int(t.Weekday()); wd != 0 {
		return wd
	}
	return 7
}

// seasonNear places a season relative to the publication date: n = 0 the
// current or nearest by tense, -1 the last one that began before the
// current season, +1 the next one.
func (r *resolver) seasonNear(e *expr, t tense, n int) (string, timeline.Date) {
	dct := r.dct
	starts := []time.Time{}
	for y := dct.Year() - 2; y <= dct.Year()+1; y++ {
		d, _ := timeline.SeasonDate(y, e.season)
		starts = append(starts, d.Start())
	}
	pick := -1
	for i, s := range starts {
		end := s.AddDate(0, 3, 0)
		switch {
		case n == 0 && t == tensePast && !s.After(dct):
			pick = i // the latest that has begun
		case n == 0 && t == tenseFuture && end.After(dct) && pick < 0:
			pick = i // the first that has not ended
		case n == -1 && !end.After(dct):
			pick = i // the latest that has ended
		case n == 1 && s.After(dct) && pick < 0:
			pick = i
		}
	}
	if pick < 0 {
		return "", timeline.Date{}
	}
	d, err := timeline.SeasonDate(starts[pick].Year(), e.season)
	if e.season == timeline.Winter {
		d, err = timeline.SeasonDate(starts[pick].Year(), e.season)
	}
	if err != nil {
		return "", timeline.Date{}
	}
	return d.Value(), d
}

// shift resolves an expression counted from ref (the publication date).
func (r *resolver) shift(e *expr, ref time.Time, t tense) (string, timeline.Date) {
	ref = day(ref)
	if e.hasYearShift {
		y := ref.Year() + e.yearShift
		if e.quarter > 0 {
			d, _ := timeline.QuarterDate(y, e.quarter)
			r.lastQ = [2]int{y, e.quarter}
			return d.Value(), d
		}
		if e.half > 0 {
			return fmt.Sprintf("%04d-H%d", y, e.half), timeline.Date{}
		}
		return calendar(e, y, e.month, e.day)
	}
	if e.season != "" {
		if e.n == 0 {
			y := ref.Year()
			if e.season == timeline.Winter && ref.Month() <= time.February {
				y-- // "this winter" in January began last December
			}
			d, err := timeline.SeasonDate(y, e.season)
			if err != nil {
				return "", timeline.Date{}
			}
			return d.Value(), d
		}
		return r.seasonNear(e, t, e.n)
	}
	switch e.unit {
	case "WD":
		var d time.Time
		switch e.n {
		case -1:
			d = weekdayNear(ref, e.weekday, tensePast, true)
		case 1:
			d = weekdayNear(ref, e.weekday, tenseFuture, true)
		default: // "this Friday": the one of this week
			d = addDays(ref, e.weekday-isoWeekday(ref))
		}
		return dateOf(e, d)
	case "MO":
		y := ref.Year()
		switch {
		case e.n < 0 && e.month >= int(ref.Month()):
			y--
		case e.n > 0 && e.month <= int(ref.Month()):
			y++
		}
		return calendar(e, y, e.month, 0)
	case uDay, uHour, uMinute, uSecond:
		if e.vague && e.unit == uDay {
			return "", timeline.Date{}
		}
		n := e.n
		if e.unit != uDay {
			n = 0 // "three hours ago": today
		}
		return dateOf(e, addDays(ref, n))
	case uWeek, uWeekend:
		if e.vague {
			return "", timeline.Date{}
		}
		d := addDays(ref, 7*e.n)
		y, w := d.ISOWeek()
		date, err := timeline.WeekDate(y, w)
		if err != nil {
			return "", timeline.Date{}
		}
		if e.unit == uWeekend {
			return fmt.Sprintf("%04d-W%02d-WE", y, w), timeline.Date{}
		}
		return date.Value(), date
	case uMonth:
		d := time.Date(ref.Year(), ref.Month()+time.Month(e.n), 1, 0, 0, 0, 0, time.UTC)
		return calendar(&expr{}, d.Year(), int(d.Month()), 0)
	case uQuarter:
		q := (int(ref.Month())-1)/3 + e.n
		y := ref.Year()
		for q < 0 {
			q += 4
			y--
		}
		for q > 3 {
			q -= 4
			y++
		}
		d, _ := timeline.QuarterDate(y, q+1)
		r.lastQ = [2]int{y, q + 1}
		return d.Value(), d
	case uYear:
		if e.sameQuarter && r.lastQ[0] != 0 {
			d, _ := timeline.QuarterDate(r.lastQ[0]+e.n, r.lastQ[1])
			return d.Value(), d
		}
		if e.vague {
			return "", timeline.Date{}
		}
		return calendar(&expr{}, ref.Year()+e.n, 0, 0)
	case uDecade:
		return fmt.Sprintf("%03d", ref.Year()/10+e.n), timeline.Date{}
	case uCentury:
		return fmt.Sprintf("%02d", ref.Year()/100+e.n), timeline.Date{}
	}
	return "", timeline.Date{}
}

// anaphoric resolves an expression counted from the last date of the
// narrative: "two days later", "the following day", "that evening".
func (r *resolver) anaphoric(e *expr, anchor time.Time) (string, timeline.Date) {
	if e.vague {
		if e.unit == uHour || e.unit == uMinute {
			return dateOf(&expr{}, anchor) // "hours later": the same day
		}
		return "", timeline.Date{}
	}
	switch e.unit {
	case "WD": // "the following Saturday"
		t := tensePast
		if e.n > 0 {
			t = tenseFuture
		}
		return dateOf(e, weekdayNear(anchor, e.weekday, t, true))
	case uDay:
		return dateOf(e, addDays(anchor, e.n))
	case uHour, uMinute, uSecond:
		return dateOf(&expr{part: e.part}, anchor)
	case uWeek:
		return dateOf(e, addDays(anchor, 7*e.n))
	case uWeekend:
		return "", timeline.Date{}
	case uMonth:
		if !r.last.IsZero() {
			anchor = r.last
		}
		d := time.Date(anchor.Year(), anchor.Month()+time.Month(e.n), 1, 0, 0, 0, 0, time.UTC)
		return calendar(&expr{}, d.Year(), int(d.Month()), 0)
	case uQuarter:
		return "", timeline.Date{}
	case uYear:
		if !r.last.IsZero() {
			anchor = r.last
		}
		if e.sameQuarter && r.lastQ[0] != 0 {
			// "up from $2 million a year earlier": the same quarter a year before
			d, _ := timeline.QuarterDate(r.lastQ[0]+e.n, r.lastQ[1])
			return d.Value(), d
		}
		return calendar(&expr{}, anchor.Year()+e.n, 0, 0)
	}
	return "", timeline.Date{}
}
