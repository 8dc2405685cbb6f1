package timex

import (
	"sync"
	"sync/atomic"
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
// News writes few distinct times, and when reads each with regular
// expressions, so what it read is kept.
func clockOf(s string) (hour, minute int, ok bool) {
	if c, found := clocks.Load(s); found {
		c := c.(clock)
		return c.hour, c.minute, c.ok
	}
	ref := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	r, err := clockParser.Parse(s, ref)
	c := clock{ok: err == nil && r != nil}
	if c.ok {
		c.hour, c.minute = r.Time.Hour(), r.Time.Minute()
	}
	if clockCount.Add(1) <= maxClocks {
		clocks.Store(s, c)
	}
	return c.hour, c.minute, c.ok
}

// clock is what when read of a clock expression.
type clock struct {
	hour, minute int
	ok           bool
}

// clocks keeps what when read, by the expression's text, up to maxClocks
// of them.
var (
	clocks     sync.Map
	clockCount atomic.Int64
)

const maxClocks = 1 << 14
