package timeline

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a date is known. Precisions are ordered from
// coarse to fine, so a smaller value knows less.
type Precision uint8

// The precisions a date can have. A part of the day ("morning") is a day
// precision date with a PartOfDay, because the contract other tools read
// reports "2025-07-03TMO" as precision "day".
const (
	PrecisionYear Precision = iota + 1
	PrecisionSeason
	PrecisionQuarter
	PrecisionMonth
	PrecisionWeek
	PrecisionDay
	PrecisionMinute
)

var precisionNames = [...]string{
	PrecisionYear:    "year",
	PrecisionSeason:  "season",
	PrecisionQuarter: "quarter",
	PrecisionMonth:   "month",
	PrecisionWeek:    "week",
	PrecisionDay:     "day",
	PrecisionMinute:  "minute",
}

// String returns the precision's name as used in JSON and the database.
func (p Precision) String() string {
	if int(p) < len(precisionNames) && precisionNames[p] != "" {
		return precisionNames[p]
	}
	return "unknown"
}

// ParsePrecision is the inverse of Precision.String.
func ParsePrecision(s string) (Precision, error) {
	for p, name := range precisionNames {
		if name != "" && name == s {
			return Precision(p), nil
		}
	}
	return 0, fmt.Errorf("unknown precision %q", s)
}

// PartOfDay is a TIMEX3 part of the day; the zero value means none.
type PartOfDay string

// The parts of the day TIMEX3 values carry after a "T".
const (
	Morning   PartOfDay = "MO"
	Afternoon PartOfDay = "AF"
	Evening   PartOfDay = "EV"
	Night     PartOfDay = "NI"
)

// partHours is the span of each part of the day, in hours from midnight.
// They only decide sorting and interval filters, so they are conventions,
// not claims. Each stays inside its day, so "Thursday night" is found by a
// filter for Thursday; and it starts where its span starts, so "morning"
// sorts after a 03:00 event.
var partHours = map[PartOfDay][2]int{
	Morning:   {5, 12},
	Afternoon: {12, 17},
	Evening:   {17, 21},
	Night:     {21, 24},
}

var partNames = map[PartOfDay]string{
	Morning: "morning", Afternoon: "afternoon", Evening: "evening", Night: "night",
}

// Season is a TIMEX3 season code.
type Season string

// The seasons, meteorological and northern-hemisphere: news rarely says
// otherwise. Winter is the one that begins in December of its year.
const (
	Spring Season = "SP"
	Summer Season = "SU"
	Fall   Season = "FA"
	Winter Season = "WI"
)

var seasonStart = map[Season]time.Month{Spring: time.March, Summer: time.June, Fall: time.September, Winter: time.December}

var seasonNames = map[Season]string{Spring: "spring", Summer: "summer", Fall: "autumn", Winter: "winter"}

// Date is a point in history known to some precision: a TIMEX3-style value
// ("2025", "2025-06", "2025-06-21TMO", "2025-W25", "2025-SU") together with
// the interval [Start, End) it covers. The zero Date is "no date".
//
// The fields are unexported so that every Date is valid: build one with
// ParseDate or the constructors.
type Date struct {
	start     time.Time // first instant covered, UTC
	precision Precision
	part      PartOfDay // only for PrecisionDay
	approx    bool
}

// ErrInvalidDate is wrapped by every date parsing and construction error.
var ErrInvalidDate = errors.New("invalid date")

func dateErr(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalidDate}, args...)...)
}

const minYear, maxYear = 0, 9999

func checkYear(y int) error {
	if y < minYear || y > maxYear {
		return dateErr("year %d is outside 0000-9999", y)
	}
	return nil
}

// YearDate is the whole of year y.
func YearDate(y int) (Date, error) {
	if err := checkYear(y); err != nil {
		return Date{}, err
	}
	return Date{start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), precision: PrecisionYear}, nil
}

// MonthDate is month m of year y.
func MonthDate(y int, m time.Month) (Date, error) {
	if err := checkYear(y); err != nil {
		return Date{}, err
	}
	if m < time.January || m > time.December {
		return Date{}, dateErr("month %d does not exist", int(m))
	}
	return Date{start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), precision: PrecisionMonth}, nil
}

// DayDate is one calendar day. Impossible days (30 February) are errors,
// never normalised into the next month.
func DayDate(y int, m time.Month, d int) (Date, error) {
	md, err := MonthDate(y, m)
	if err != nil {
		return Date{}, err
	}
	if d < 1 || d > daysIn(y, m) {
		return Date{}, dateErr("%s has no day %d", m, d)
	}
	return Date{start: md.start.AddDate(0, 0, d-1), precision: PrecisionDay}, nil
}

// PartOfDayDate is a part of one calendar day ("the morning of 3 July").
func PartOfDayDate(y int, m time.Month, d int, p PartOfDay) (Date, error) {
	dd, err := DayDate(y, m, d)
	if err != nil {
		return Date{}, err
	}
	h, ok := partHours[p]
	if !ok {
		return Date{}, dateErr("unknown part of day %q", p)
	}
	dd.start = dd.start.Add(time.Duration(h[0]) * time.Hour)
	dd.part = p
	return dd, nil
}

// MinuteDate is a day with a known clock time, to the minute. The time is
// kept as the wall clock the source gave; its location is dropped.
func MinuteDate(y int, m time.Month, d, hour, minute int) (Date, error) {
	dd, err := DayDate(y, m, d)
	if err != nil {
		return Date{}, err
	}
	if hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return Date{}, dateErr("%02d:%02d is not a time of day", hour, minute)
	}
	dd.start = dd.start.Add(time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute)
	dd.precision = PrecisionMinute
	return dd, nil
}

// WeekDate is ISO 8601 week w of ISO year y (weeks start on Monday).
func WeekDate(y, w int) (Date, error) {
	if err := checkYear(y); err != nil {
		return Date{}, err
	}
	// Week 1 is the week with 4 January in it.
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	start := monday.AddDate(0, 0, 7*(w-1))
	if w < 1 || w > 53 {
		return Date{}, dateErr("week %d does not exist", w)
	}
	if iy, iw := start.ISOWeek(); iy != y || iw != w {
		return Date{}, dateErr("%d has no week %d", y, w)
	}
	return Date{start: start, precision: PrecisionWeek}, nil
}

// SeasonDate is season s of year y.
func SeasonDate(y int, s Season) (Date, error) {
	if err := checkYear(y); err != nil {
		return Date{}, err
	}
	m, ok := seasonStart[s]
	if !ok {
		return Date{}, dateErr("unknown season %q", s)
	}
	return Date{start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), precision: PrecisionSeason}, nil
}

// QuarterDate is quarter q (1-4) of year y.
func QuarterDate(y, q int) (Date, error) {
	if err := checkYear(y); err != nil {
		return Date{}, err
	}
	if q < 1 || q > 4 {
		return Date{}, dateErr("quarter %d does not exist", q)
	}
	return Date{start: time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC), precision: PrecisionQuarter}, nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ParseDate parses a TIMEX3-style value: "2025", "2025-SU", "2025-Q2",
// "2025-06", "2025-W25", "2025-06-21", "2025-06-21TMO", "2025-06-21T18:31".
// A leading "~" marks the date as approximate.
func ParseDate(value string) (Date, error) {
	s := value
	approx := strings.HasPrefix(s, "~")
	s = strings.TrimPrefix(s, "~")
	d, err := parseValue(s)
	if err != nil {
		return Date{}, err
	}
	d.approx = approx
	return d, nil
}

func parseValue(s string) (Date, error) {
	if len(s) < 4 {
		return Date{}, dateErr("%q is not a date value", s)
	}
	y, err := digits(s[:4])
	if err != nil {
		return Date{}, dateErr("%q does not start with a four-digit year", s)
	}
	rest := s[4:]
	switch {
	case rest == "":
		return YearDate(y)
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'Q':
		q, err := digits(rest[2:])
		if err != nil {
			return Date{}, dateErr("%q has a bad quarter", s)
		}
		return QuarterDate(y, q)
	case len(rest) == 4 && rest[0] == '-' && rest[1] == 'W':
		w, err := digits(rest[2:])
		if err != nil {
			return Date{}, dateErr("%q has a bad week", s)
		}
		return WeekDate(y, w)
	case len(rest) == 3 && rest[0] == '-' && seasonStart[Season(rest[1:])] != 0:
		return SeasonDate(y, Season(rest[1:]))
	case len(rest) == 3 && rest[0] == '-':
		m, err := digits(rest[1:])
		if err != nil {
			return Date{}, dateErr("%q has a bad month", s)
		}
		return MonthDate(y, time.Month(m))
	case len(rest) >= 6 && rest[0] == '-' && rest[3] == '-':
		m, err1 := digits(rest[1:3])
		d, err2 := digits(rest[4:6])
		if err1 != nil || err2 != nil {
			return Date{}, dateErr("%q is not YYYY-MM-DD", s)
		}
		tail := rest[6:]
		switch {
		case tail == "":
			return DayDate(y, time.Month(m), d)
		case len(tail) == 3 && tail[0] == 'T' && partHours[PartOfDay(tail[1:])] != [2]int{}:
			return PartOfDayDate(y, time.Month(m), d, PartOfDay(tail[1:]))
		case len(tail) == 6 && tail[0] == 'T' && tail[3] == ':':
			h, err1 := digits(tail[1:3])
			mi, err2 := digits(tail[4:6])
			if err1 != nil || err2 != nil {
				return Date{}, dateErr("%q has a bad time", s)
			}
			return MinuteDate(y, time.Month(m), d, h, mi)
		}
	}
	return Date{}, dateErr("%q is not a date value", s)
}

// digits parses a run of ASCII digits; strconv.Atoi would take signs.
func digits(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, errors.New("not a digit")
		}
	}
	return strconv.Atoi(s)
}

// IsZero reports whether d is the zero Date (no date).
func (d Date) IsZero() bool { return d.precision == 0 }

// Precision returns how much of the date is known.
func (d Date) Precision() Precision { return d.precision }

// PartOfDay returns the part of the day, if the date names one.
func (d Date) PartOfDay() PartOfDay { return d.part }

// Approx reports whether the source hedged the date ("around June 21").
func (d Date) Approx() bool { return d.approx }

// WithApprox returns d marked as approximate or not.
func (d Date) WithApprox(approx bool) Date {
	d.approx = approx
	return d
}

// Start is the first instant the date covers.
func (d Date) Start() time.Time { return d.start }

// End is the first instant after the date (the interval is half-open).
func (d Date) End() time.Time {
	s := d.start
	switch d.precision {
	case PrecisionYear:
		return s.AddDate(1, 0, 0)
	case PrecisionSeason, PrecisionQuarter:
		return s.AddDate(0, 3, 0)
	case PrecisionMonth:
		return s.AddDate(0, 1, 0)
	case PrecisionWeek:
		return s.AddDate(0, 0, 7)
	case PrecisionDay:
		if h, ok := partHours[d.part]; ok {
			return s.Add(time.Duration(h[1]-h[0]) * time.Hour)
		}
		return s.AddDate(0, 0, 1)
	case PrecisionMinute:
		return s.Add(time.Minute)
	}
	return s
}

// SortKey is the position of the date in a chronology: first the instant it
// starts, then its rank. Dates starting together sort coarse first, so
// "June 2025" heads the days of June and "2025" heads the whole year: an
// event known only to the month is shown where the month begins, never
// guessed into a day.
func (d Date) SortKey() (time.Time, int) {
	return d.start, d.Rank()
}

// Rank orders precisions at the same start: coarse dates come first.
// Part-of-day dates rank between whole days and clock times.
func (d Date) Rank() int {
	r := 2 * int(d.precision)
	if d.part != "" {
		r++
	}
	return r
}

// Compare orders dates chronologically by SortKey: -1, 0 or +1.
func Compare(a, b Date) int {
	as, ar := a.SortKey()
	bs, br := b.SortKey()
	if c := as.Compare(bs); c != 0 {
		return c
	}
	switch {
	case ar < br:
		return -1
	case ar > br:
		return 1
	}
	return 0
}

// Within reports whether the whole interval of d lies inside [from, to);
// a zero bound is open. A date known only as "2025" is not within June
// 2025: we do not know that it happened then.
func (d Date) Within(from, to time.Time) bool {
	return (from.IsZero() || !d.start.Before(from)) && (to.IsZero() || !d.End().After(to))
}

// Value returns the TIMEX3-style value ("2025-06-21TMO"), prefixed with "~"
// when approximate; ParseDate reads it back.
func (d Date) Value() string {
	if d.IsZero() {
		return ""
	}
	v := d.exactValue()
	if d.approx {
		v = "~" + v
	}
	return v
}

// TIMEX returns the TIMEX3 value without the approximation mark.
func (d Date) TIMEX() string { return d.exactValue() }

func (d Date) exactValue() string {
	s := d.start
	y := fmt.Sprintf("%04d", s.Year())
	switch d.precision {
	case PrecisionYear:
		return y
	case PrecisionSeason:
		for code, m := range seasonStart {
			if m == s.Month() {
				return y + "-" + string(code)
			}
		}
	case PrecisionQuarter:
		return fmt.Sprintf("%s-Q%d", y, (int(s.Month())-1)/3+1)
	case PrecisionMonth:
		return fmt.Sprintf("%s-%02d", y, int(s.Month()))
	case PrecisionWeek:
		iy, iw := s.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", iy, iw)
	case PrecisionDay:
		v := s.Format("2006-01-02")
		if d.part != "" {
			v += "T" + string(d.part)
		}
		return v
	case PrecisionMinute:
		return s.Format("2006-01-02T15:04")
	}
	return ""
}

// String is the date as a reader should see it, claiming no more than is
// known: "2025", "June 2025", "21 June 2025", "morning of 3 July 2025",
// "week of 16 June 2025", "summer 2025", "about 21 June 2025".
func (d Date) String() string {
	if d.IsZero() {
		return "date unknown"
	}
	s := d.start
	var out string
	switch d.precision {
	case PrecisionYear:
		out = fmt.Sprintf("%04d", s.Year())
	case PrecisionSeason:
		for code, m := range seasonStart {
			if m == s.Month() {
				out = fmt.Sprintf("%s %04d", seasonNames[code], s.Year())
			}
		}
	case PrecisionQuarter:
		out = fmt.Sprintf("Q%d %04d", (int(s.Month())-1)/3+1, s.Year())
	case PrecisionMonth:
		out = fmt.Sprintf("%s %04d", s.Month(), s.Year())
	case PrecisionWeek:
		out = "week of " + dayString(s)
	case PrecisionDay:
		out = dayString(s)
		if d.part != "" {
			out = partNames[d.part] + " of " + out
		}
	case PrecisionMinute:
		out = dayString(s) + ", " + s.Format("15:04")
	}
	if d.approx {
		out = "about " + out
	}
	return out
}

func dayString(t time.Time) string {
	return fmt.Sprintf("%d %s %04d", t.Day(), t.Month(), t.Year())
}

// MarshalText implements encoding.TextMarshaler with Value.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.Value()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDate; empty
// text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
