package extract

import (
	"sort"
	"strings"

	"github.com/dateline/dateline/timeline"
)

// sameOccurrence reports whether two candidates describe one real event:
// the rule the store applies across articles (timeline.SameOccurrence),
// and, inside one sentence, one event given at two precisions ("a Sept. 5
// truce signed ... last year").
func sameOccurrence(a, b *candidate) bool {
	if timeline.SameOccurrence(a.event, b.event) {
		return true
	}
	if a.sentence != b.sentence || timeline.OccurrenceKinds(a.event.Kind)[0] != timeline.OccurrenceKinds(b.event.Kind)[0] ||
		!(contains(a.event.Date, b.event.Date) || contains(b.event.Date, a.event.Date)) {
		return false
	}
	return timeline.SameOccurrence(a.event, withDate(b.event, a.event.Date))
}

func withDate(e timeline.Event, d timeline.Date) timeline.Event {
	e.Date = d
	return e
}

// contains reports whether date a covers the whole of date b.
func contains(a, b timeline.Date) bool {
	return !b.Start().Before(a.Start()) && !b.End().After(a.End())
}

// merge joins candidates that describe one real event, keeping every
// mention as evidence, the finer date, the union of actors, the highest
// confidence and the title of the most confident mention. Candidates are
// compared only with those of the same kind and day, or of the same
// sentence, so merging stays linear in the length of the article.
func merge(cands []candidate) []timeline.Event {
	var out []candidate
	byDay := map[string][]int{} // kind class + day -> indexes in out
	bySentence := map[int][]int{}
	for i := range cands {
		c := &cands[i]
		key := string(timeline.OccurrenceKinds(c.event.Kind)[0]) + " " + timeline.OccurrenceDay(c.event.Date)
		target := -1
		for _, k := range append(byDay[key], bySentence[c.sentence]...) {
			if sameOccurrence(&out[k], c) {
				target = k
				break
			}
		}
		if target < 0 {
			out = append(out, *c)
			byDay[key] = append(byDay[key], len(out)-1)
			bySentence[c.sentence] = append(bySentence[c.sentence], len(out)-1)
			continue
		}
		m, e := &out[target].event, c.event
		if e.Date.Precision() > m.Date.Precision() || e.Date.Precision() == m.Date.Precision() && e.Date.Rank() > m.Date.Rank() {
			m.Date = e.Date
		}
		for _, a := range e.Actors {
			if !hasActor(m.Actors, a) {
				m.Actors = append(m.Actors, a)
			}
		}
		if e.Confidence > m.Confidence {
			m.Title, m.Kind = e.Title, e.Kind
			m.Confidence = e.Confidence
		}
		if e.Status == timeline.StatusReported {
			m.Status = timeline.StatusReported
		}
		m.Mentions = append(m.Mentions, e.Mentions...)
		out[target].weak = out[target].weak && c.weak
	}
	events := make([]timeline.Event, len(out))
	for k, c := range out {
		e := c.event
		// corroboration: an event reported twice is likelier real
		if n := len(e.Mentions); n > 1 {
			e.Confidence = min(0.95, e.Confidence+0.05*float64(n-1))
		}
		if len(e.Actors) > timeline.MaxActors {
			e.Actors = e.Actors[:timeline.MaxActors]
		}
		events[k] = e
	}
	sort.SliceStable(events, func(i, j int) bool { return timeline.Compare(events[i].Date, events[j].Date) < 0 })
	return events
}

// hasActor reports whether as names a. Names within an article are
// canonical already, so case is the only difference to ignore.
func hasActor(as []timeline.Actor, a timeline.Actor) bool {
	for _, x := range as {
		if strings.EqualFold(x.Name, a.Name) {
			return true
		}
	}
	return false
}
