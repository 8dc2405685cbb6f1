package extract

import (
	"sort"

	"github.com/dateline/dateline/timeline"
)

// sameOccurrence reports whether two candidates describe one real event:
// the same kind (a visit and a meeting count as one), the same day, and a
// shared actor.
func sameOccurrence(a, b timeline.Event) bool {
	if kindClass(a.Kind) != kindClass(b.Kind) || dayValue(a.Date) != dayValue(b.Date) {
		return false
	}
	keys := map[string]bool{}
	for _, x := range a.Actors {
		keys[timeline.ActorKey(x.Name)] = true
	}
	for _, x := range b.Actors {
		if keys[timeline.ActorKey(x.Name)] {
			return true
		}
	}
	return false
}

func kindClass(k timeline.Kind) timeline.Kind {
	if k == timeline.KindVisit {
		return timeline.KindMeeting
	}
	return k
}

// dayValue is the date without part of day or clock time.
func dayValue(d timeline.Date) string {
	v := d.TIMEX()
	if len(v) > 10 && d.Precision() >= timeline.PrecisionDay {
		return v[:10]
	}
	return v
}

// merge joins candidates that describe one real event, keeping every
// mention as evidence, the finer date, the union of actors, the highest
// confidence and the title of the most confident mention.
func merge(cands []candidate) []timeline.Event {
	var out []timeline.Event
	for _, c := range cands {
		e := c.event
		merged := false
		for k := range out {
			if !sameOccurrence(out[k], e) {
				continue
			}
			m := &out[k]
			if e.Date.Rank() > m.Date.Rank() {
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
			merged = true
			break
		}
		if !merged {
			out = append(out, e)
		}
	}
	for k := range out {
		// corroboration: an event reported twice is likelier real
		if n := len(out[k].Mentions); n > 1 {
			out[k].Confidence = min(0.95, out[k].Confidence+0.05*float64(n-1))
		}
		if len(out[k].Actors) > timeline.MaxActors {
			out[k].Actors = out[k].Actors[:timeline.MaxActors]
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return timeline.Compare(out[i].Date, out[j].Date) < 0 })
	return out
}

func hasActor(as []timeline.Actor, a timeline.Actor) bool {
	for _, x := range as {
		if timeline.ActorKey(x.Name) == timeline.ActorKey(a.Name) {
			return true
		}
	}
	return false
}
