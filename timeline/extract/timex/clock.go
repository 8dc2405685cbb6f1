package timex

import (
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/en"
)

// clockParser is when's engine with only its clock-time rules: they read
// "6:31 p.m.", "9 a.m." and "21:40" well. when's date rules are replaced
// by this package's grammar, which handles what they get wrong in news
// (years after dates, day-first dates, past-tense weekdays, ranges).
var clockParser = func() *when.Parser {
	p := when.New(&rules.Options{Distance: 1, MatchByOrder: true})
	p.Add(en.HourMinute(rules.Override), en.Hour(rules.Override))
	return p
}()

// clockOf reads the hour and minute of a clock expression such as
// "6:31 p.m." with when. The grammar has already decided that s is a time.
func clockOf(s string) (hour, minute int, ok bool) {
	ref := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	r, err := clockParser.Parse(s, ref)
	if err != nil || r == nil {
		return 0, 0, false
	}
	return r.Time.Hour(), r.Time.Minute(), true
}
