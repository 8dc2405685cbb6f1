package timex

import "github.com/dateline/dateline/timeline"

// Type is a TIMEX3 type.
type Type string

// The TIMEX3 types.
const (
	TypeDate     Type = "DATE"
	TypeTime     Type = "TIME"
	TypeDuration Type = "DURATION"
	TypeSet      Type = "SET"
)

// relKind says what a relative expression is counted from.
type relKind uint8

const (
	relNone      relKind = iota
	relDeictic           // from the publication date: "yesterday", "last week", "two years ago"
	relAnaphoric         // from the last date of the narrative: "two days later", "the following day"
	relTense             // a bare weekday, month or month-day: the tense of the clause picks the direction
)

// qref is a reference to a fiscal quarter named by the story rather than
// by number: "the quarter", "the year-ago period".
type qref uint8

const (
	qrefNone       qref = iota
	qrefLatest          // "the quarter", "the latest quarter": the one being reported
	qrefYearAgo         // "the year-ago quarter", "year-earlier": the same quarter a year before
	qrefSameInYear      // "the 1988 period": the reported quarter in another year
)

// expr is what the grammar understood of an expression, before resolution
// against a reference date. Zero fields are unknown.
type expr struct {
	typ Type

	year, month, day int
	decade           int // 199 for the 1990s
	century          int // 19 for the twentieth century
	quarter, half    int
	season           timeline.Season
	weekday          int // ISO, Monday = 1
	weekend          bool
	part             timeline.PartOfDay
	hour, minute     int
	clock            bool
	minutes          bool // the clock time gave minutes ("6:31", not "9 a.m.")
	zone             zone // the clock time's zone, when the text gives it

	rel   relKind
	unit  unit // for relative shifts and durations
	n     int  // shift (-1 last, +1 next, 0 this) or duration amount
	vague bool // "a few", "several": the amount is unknown
	// yearShift applies to a month-day given with "last year"/"next year".
	yearShift    int
	hasYearShift bool

	ref string // PRESENT_REF, PAST_REF, FUTURE_REF
	dur string // DURATION or SET value
	mod string // TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN
	fyQ bool   // a financial quarter that counts back from the publication date
	ago bool   // "two years ago": a shift backwards by n units
	// sameQuarter: "a year earlier" after a quarter was mentioned means
	// that quarter a year before (financial news).
	sameQuarter bool
	qref        qref
	past        bool   // known to be in the past whatever the clause's tense
	holiday     string // a key of holidays
}
