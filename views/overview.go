package views

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/dateline/dateline/timeline"
)

// Overview is the strip above the timeline: how many events each month
// (or year, over long spans) holds, each bar a link to that range.
type Overview struct {
	Bars []Bar
	// Unit is "month" or "year"; First and Last label the ends of the axis.
	Unit        string
	First, Last string
	// Caption says what the strip shows, in words; About is set when the
	// counts are estimated from a sample (a search too large to count).
	Caption string
	About   bool
	// WholeURL is the timeline without its date range, when it has one.
	WholeURL string
}

// Bar is one bucket of the strip, in the SVG's coordinates (a 1000 by
// overviewHeight box).
type Bar struct {
	X, Width, Y, Height float64
	Label               string // "June 2025: 12 events"
	URL                 string
	// Selected is a bar inside the page's date range.
	Selected bool
}

const (
	overviewWidth  = 1000.0
	overviewHeight = 60.0
	// minMonths is the shortest axis: a month or two alone would be a
	// block, not an overview.
	minMonths = 12
	// maxMonthBars is the longest span shown month by month; longer spans
	// are shown by year, so that bars stay wide enough to point at.
	maxMonthBars = 36
)

// overviewFilter is the filter the strip counts: the page's, but for its
// date range, which the strip shows in its context.
func overviewFilter(f timeline.Filter) timeline.Filter {
	f.From, f.To, f.After, f.Limit = timeline.Date{}, timeline.Date{}, timeline.Cursor{}, 0
	return f
}

// buildOverview lays out counts (of overviewFilter(f)) as bars along a
// time axis: the span of the events, or the page's date range with some
// context around it. Bars link to the timeline of their month or year with
// the other filters kept; those inside the date range are marked.
func buildOverview(counts []timeline.MonthCount, f timeline.Filter) Overview {
	var o Overview
	ranged := !f.From.IsZero() || !f.To.IsZero()
	if ranged {
		o.WholeURL = pageURL(overviewFilter(f))
	}
	if len(counts) == 0 {
		return o
	}
	for _, c := range counts {
		o.About = o.About || c.About
	}
	first, last := counts[0].Month, counts[len(counts)-1].Month
	from, to := f.Range()
	if !from.IsZero() {
		first = monthOf(from)
	}
	if !to.IsZero() {
		last = monthOf(to.Add(-time.Nanosecond))
	}
	if last.Before(first) {
		last = first
	}
	if n := monthsBetween(first, last) + 1; n < minMonths {
		pad := minMonths - n
		first, last = first.AddDate(0, -pad/2, 0), last.AddDate(0, pad-pad/2, 0)
	}

	type bucket struct {
		slot  int
		date  timeline.Date
		count int
	}
	var buckets []bucket
	var slots int
	if monthsBetween(first, last) < maxMonthBars {
		o.Unit = "month"
		slots = monthsBetween(first, last) + 1
		for _, c := range counts {
			if c.Month.Before(first) || c.Month.After(last) {
				continue
			}
			d, _ := timeline.MonthDate(c.Month.Year(), c.Month.Month())
			buckets = append(buckets, bucket{monthsBetween(first, c.Month), d, c.Events})
		}
		o.First, o.Last = monthLabel(first), monthLabel(last)
	} else {
		o.Unit = "year"
		slots = last.Year() - first.Year() + 1
		for _, c := range counts {
			if c.Month.Year() < first.Year() || c.Month.Year() > last.Year() {
				continue
			}
			slot := c.Month.Year() - first.Year()
			if n := len(buckets); n > 0 && buckets[n-1].slot == slot {
				buckets[n-1].count += c.Events
				continue
			}
			d, _ := timeline.YearDate(c.Month.Year())
			buckets = append(buckets, bucket{slot, d, c.Events})
		}
		o.First, o.Last = strconv.Itoa(first.Year()), strconv.Itoa(last.Year())
	}
	most := 0
	for _, b := range buckets {
		most = max(most, b.count)
	}
	slot := overviewWidth / float64(slots)
	for _, b := range buckets {
		h := barHeight(b.count, most)
		label := plural(b.count, "event", "events")
		if o.About {
			label = "about " + label
		}
		g := f
		g.From, g.To, g.After = b.date, b.date, timeline.Cursor{}
		o.Bars = append(o.Bars, Bar{
			X: float64(b.slot)*slot + slot*0.1, Width: slot * 0.8,
			Y: overviewHeight - h, Height: h,
			Label:    fmt.Sprintf("%s: %s", b.date.String(), label),
			URL:      pageURL(g),
			Selected: ranged && b.date.Within(from, to),
		})
	}
	o.Caption = fmt.Sprintf("Events per %s, %s to %s", o.Unit, o.First, o.Last)
	if o.About {
		// too many to count for the page: estimated from a fixed sample
		// of the events (store.MonthCounts)
		o.Caption = fmt.Sprintf("About how many events per %s, %s to %s (estimated from a sample: too many to count)",
			o.Unit, o.First, o.Last)
	}
	return o
}

// minBarHeight is the height of a bar of one event, in the strip's units:
// a fifth of the strip, so that a year with a single event stands out
// from an empty one beside a year of hundreds.
const minBarHeight = overviewHeight / 5

// barHeight is the height of a bar of count events, the tallest holding
// most. Heights grow with the square root of the count: linear bars left
// every bar but the busiest a sliver.
func barHeight(count, most int) float64 {
	if most <= 1 {
		return overviewHeight - 2
	}
	share := math.Sqrt(float64(count-1) / float64(most-1))
	return minBarHeight + (overviewHeight-2-minBarHeight)*share
}

func monthOf(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }

func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}

func monthLabel(t time.Time) string { return fmt.Sprintf("%s %04d", t.Month().String()[:3], t.Year()) }

// coord formats an SVG coordinate compactly.
func coord(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
