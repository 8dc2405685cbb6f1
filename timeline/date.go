package timeline

import (
	"errors"
	"fmt"
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

// PartOfDay is a part of the day; the zero value means none.
type PartOfDay string

// The parts of the day values carry after a "T": TIMEX3's four, and two
// of Dateline's own for the hours before the morning, which news dates
// attacks by ("in the early hours of Saturday", "at dawn").
const (
	EarlyHours PartOfDay = "EH"
	Dawn       PartOfDay = "DN"
	Morning    PartOfDay = "MO"
	Afternoon  PartOfDay = "AF"
	Evening    PartOfDay = "EV"
	Night      PartOfDay = "NI"
)

// partHours is the span of each part of the day, in hours from midnight.
// They only decide sorting and interval filters, so they are conventions,
// not claims. Each stays inside its day, so "Thursday night" is found by a
// filter for Thursday (and "the early hours of Saturday" by one for
// Saturday); and each starts where its span starts, so the parts sort in
// the order of the day (early hours, dawn, morning, afternoon, evening,
// night) and "morning" sorts after a 03:00 event.
var partHours = map[PartOfDay][2]int{
	EarlyHours: {0, 5},
	Dawn:       {4, 7},
	Morning:    {5, 12},
	Afternoon:  {12, 17},
	Evening:    {17, 21},
	Night:      {21, 24},
}

var partNames = map[PartOfDay]string{
	EarlyHours: "early hours", Dawn: "dawn", Morning: "morning", Afternoon: "afternoon", Evening: "evening",
	Night: "night",
}

// timexParts are the TIMEX3 parts of the day Dateline's own stand for:
// TIMEX3 knows no early hours and no dawn.
var timexParts = map[PartOfDay]PartOfDay{EarlyHours: Night, Dawn: Morning}

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
// ParseDate or the constructors. datevalue.go reads and writes the value.
type Date struct {
	start     time.Time // first instant covered, as a wall clock read as UTC
	precision Precision
	part      PartOfDay // only for PrecisionDay
	approx    bool
	// zoned says a clock time (PrecisionMinute) is known with its offset
	// from UTC, in minutes east; without one the time is floating: the
	// wall clock the source gave, in a zone it did not say.
	zoned  bool
	offset int16
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
	return Date{start: dayStart(y, 1, 1), precision: PrecisionYear}, nil
}

// MonthDate is month m of year y.
func MonthDate(y int, m time.Month) (Date, error) {
	if err := checkYear(y); err != nil {
		return Date{}, err
	}
	if m < time.January || m > time.December {
		return Date{}, dateErr("month %d does not exist", int(m))
	}
	return Date{start: dayStart(y, m, 1), precision: PrecisionMonth}, nil
}

// DayDate is one calendar day. Impossible days (30 February) are errors,
// never normalised into the next month.
func DayDate(y int, m time.Month, d int) (Date, error) {
	if err := checkYear(y); err != nil {
		return Date{}, err
	}
	if m < time.January || m > time.December {
		return Date{}, dateErr("month %d does not exist", int(m))
	}
	if d < 1 || d > daysIn(y, m) {
		return Date{}, dateErr("%s has no day %d", m, d)
	}
	return Date{start: dayStart(y, m, d), precision: PrecisionDay}, nil
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

// MinuteDate is a day with a known clock time, to the minute, in no
// known zone: a floating time, the wall clock the source gave (see
// WithOffset for a time whose zone is known).
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

// MaxOffset is the largest offset from UTC a zone has (UTC+14, UTC-12
// in practice), in minutes.
const MaxOffset = 14 * 60

// WithOffset returns the clock time d with its zone's offset from UTC,
// in minutes east ("15:35 Indian time" is 15:35 at +330). The date keeps
// its wall clock: it sorts, and is found by day, where it happened. Only a
// clock time can have an offset.
func (d Date) WithOffset(minutes int) (Date, error) {
	if d.precision != PrecisionMinute {
		return Date{}, dateErr("only a clock time has a time zone, not %s", d.Value())
	}
	if minutes < -MaxOffset || minutes > MaxOffset {
		return Date{}, dateErr("UTC offset %+d minutes is outside -14:00 to +14:00", minutes)
	}
	d.zoned, d.offset = true, int16(minutes)
	return d, nil
}

// Offset returns the offset from UTC in minutes east, and whether the
// zone is known; a floating time, and every date coarser than a minute,
// has none.
func (d Date) Offset() (minutes int, ok bool) { return int(d.offset), d.zoned }

// Instant returns the moment a clock time with a known zone names, in
// UTC; ok is false for every other date.
func (d Date) Instant() (t time.Time, ok bool) {
	if !d.zoned {
		return time.Time{}, false
	}
	return d.start.Add(-time.Duration(d.offset) * time.Minute), true
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
	return Date{start: dayStart(y, m, 1), precision: PrecisionSeason}, nil
}

// QuarterDate is quarter q (1-4) of year y.
func QuarterDate(y, q int) (Date, error) {
	if err := checkYear(y); err != nil {
		return Date{}, err
	}
	if q < 1 || q > 4 {
		return Date{}, dateErr("quarter %d does not exist", q)
	}
	return Date{start: dayStart(y, time.Month(3*(q-1)+1), 1), precision: PrecisionQuarter}, nil
}

// dayStart is midnight UTC of a valid day: time.Date's value, reckoned
// without its normalising (the date grammar makes a date for every
// expression it reads).
func dayStart(y int, m time.Month, d int) time.Time {
	// days from 1970-01-01 to the day, in the proleptic Gregorian calendar
	// (H. Hinnant's days_from_civil)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (int(m) + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := era*146097 + doe - 719468
	return time.Unix(int64(days)*86400, 0).UTC()
}

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
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

// String is the date as a reader should see it, claiming no more than is
// known: "2025", "June 2025", "21 June 2025", "morning of 3 July 2025",
// "week of 16 June 2025", "summer 2025", "about 21 June 2025". A clock
// time says its zone, or that it has none: "21 June 2025, 15:35 UTC+05:30",
// "21 June 2025, 18:31 (zone unknown)".
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
		out = dayString(s) + ", " + s.Format("15:04") + " " + d.Zone()
	}
	if d.approx {
		out = "about " + out
	}
	return out
}

// Zone says the zone of a clock time as a reader sees it: "UTC",
// "UTC+05:30", "UTC-04:00", or "(zone unknown)" for a floating time; ""
// for a date without a clock time.
func (d Date) Zone() string {
	switch {
	case d.precision != PrecisionMinute:
		return ""
	case !d.zoned:
		return "(zone unknown)"
	case d.offset == 0:
		return "UTC"
	}
	return "UTC" + formatOffset(int(d.offset))
}

func dayString(t time.Time) string {
	return fmt.Sprintf("%d %s %04d", t.Day(), t.Month(), t.Year())
}
