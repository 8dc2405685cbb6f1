package timex

import "github.com/dateline/dateline/timeline"

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// monthAbbrevs are read as months only in a date-like context (followed by
// a period or a number), so "Mar-a-Lago" and "Jan" the name stay words.
var monthAbbrevs = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// weekdays maps names to ISO weekday numbers (Monday = 1).
var weekdays = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}

var weekdayAbbrevs = map[string]int{
	"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}

var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

// vague quantities: "a few days" is a duration of an unknown number of days.
var vagueNumbers = map[string]bool{
	"few": true, "several": true, "many": true, "some": true, "couple": true, "dozens": true,
	"numerous": true, "hundreds": true, "thousands": true,
}

// unit is a calendar unit, written as in TIMEX3 durations.
type unit string

const (
	uSecond  unit = "S"
	uMinute  unit = "MIN" // written M after T
	uHour    unit = "H"
	uDay     unit = "D"
	uWeek    unit = "W"
	uWeekend unit = "WE"
	uMonth   unit = "M"
	uQuarter unit = "Q"
	uYear    unit = "Y"
	uDecade  unit = "DE"
	uCentury unit = "CE"
)

var units = map[string]unit{
	"second": uSecond, "seconds": uSecond, "minute": uMinute, "minutes": uMinute,
	"hour": uHour, "hours": uHour, "day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek,
	"weekend": uWeekend, "weekends": uWeekend, "fortnight": uWeek, "month": uMonth, "months": uMonth,
	"quarter": uQuarter, "quarters": uQuarter, "year": uYear, "years": uYear, "decade": uDecade,
	"decades": uDecade, "century": uCentury, "centuries": uCentury,
}

// unitly words name sets: "weekly" is every week.
var unitly = map[string]unit{
	"hourly": uHour, "daily": uDay, "nightly": uDay, "weekly": uWeek, "monthly": uMonth,
	"quarterly": uQuarter, "yearly": uYear, "annually": uYear, "annual": uYear,
}

var parts = map[string]timeline.PartOfDay{
	"morning": timeline.Morning, "mornings": timeline.Morning, "afternoon": timeline.Afternoon,
	"afternoons": timeline.Afternoon, "evening": timeline.Evening, "evenings": timeline.Evening,
	"night": timeline.Night, "nights": timeline.Night,
}

var seasons = map[string]timeline.Season{
	"spring": timeline.Spring, "summer": timeline.Summer, "autumn": timeline.Fall,
	"fall": timeline.Fall, "winter": timeline.Winter,
}

// grammarWords are the words the rules compare tokens with that no table
// above holds. Every word the grammar compares must be in the lexicon:
// a capitalised word outside it reads as "" (see parser.low), and a test
// holds the rules' words to this.
var grammarWords = `
	after afterward afterwards also am and article as basis be before being between billion blame but
	c chapter children circa code during ed effect elections feet flight for force from games get gmt
	high into item kg kilometres km local m men meters metres miles million model mw n't needed no not
	number old olympics p page people percent period plus pm pp proposed protests resolution riots room
	route s section ss still talks thousand through throughout thus till time tonnes tons trillion
	until us utc when which while who with women 're 't
`
