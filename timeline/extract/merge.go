package extract

import (
	"sort"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/lexicon"
)

// The article's candidates become its events: news of one country and
// articles not about diplomacy are silenced, dates of the day's news
// settled, general words given their kind, and the mentions of one
// occurrence merged.

// assemble merges the candidates of the article into events. Events whose
// parties hold no office the article tells are kept only in an article
// about diplomacy: one whose sentences name states, bodies of state,
// organisations, armed groups or people in office at least minPolitical
// times.
func (a *analysis) assemble() []timeline.Event {
	a.refine()
	a.settle()
	for i := range a.cands {
		a.cands[i].event.Title = a.titleOf(a.cands[i].title)
	}
	if a.politicalMentions < min(minPolitical, a.bodySentences) {
		kept := a.cands[:0]
		for _, c := range a.cands {
			if !c.weak {
				kept = append(kept, c)
			}
		}
		a.cands = kept
	}
	if a.domestic() {
		// what the people of one country say to and about each other (a
		// police report, a campaign, a budget) is not diplomacy; an
		// attack, a protest or a change of leadership is news anywhere
		kept := a.cands[:0]
		for _, c := range a.cands {
			if k := c.event.Kind; k == timeline.KindStrike || k == timeline.KindProtest || k == timeline.KindLeadership {
				kept = append(kept, c)
			}
		}
		a.cands = kept
	}
	return merge(a.cands)
}

// domestic reports whether an article is the news of one country: it
// names one state at least three times as often as all others together,
// which it names at most twice, no international body or region, and no
// one in office whose country it does not tell ("President Donald Trump"
// may be the other party).
func (a *analysis) domestic() bool {
	if a.abroad {
		return false
	}
	for _, x := range a.people.all {
		if x.standing == lexicon.State && x.country == "" {
			return false
		}
	}
	top, all := 0, 0
	for _, n := range a.countries {
		top, all = max(top, n), all+n
	}
	others := all - top
	return others <= 2 && top >= 3*max(others, 1)
}

// settle gives an event dated only by the day of the news the date the
// article tells later: "Cho and Iwaya have held talks, the ministry said
// Friday. ... The two held a meeting in Lima on Thursday." The later
// mention must be of the same kind, share a person and fall in the week
// before.
func (a *analysis) settle() {
	for i := range a.cands {
		c := &a.cands[i]
		if !c.presumed {
			continue
		}
		day := c.event.Date.Start()
		for _, x := range a.cands {
			d := x.event.Date
			if x.presumed || d.Precision() < timeline.PrecisionDay || !sharesPerson(x.event.Actors, c.event.Actors) ||
				timeline.OccurrenceKinds(x.event.Kind)[0] != timeline.OccurrenceKinds(c.event.Kind)[0] {
				continue
			}
			if gap := day.Sub(d.Start()); gap > 0 && gap <= 7*24*time.Hour {
				c.event.Date = d
				break
			}
		}
	}
}

// minPolitical is how many mentions of political parties make an article
// one about diplomacy.
const minPolitical = 4

// refine gives an event named by a general word the kind the article
// gives it elsewhere: "a conversation between the leaders on Thursday"
// was a call when the article says the two spoke by phone.
func (a *analysis) refine() {
	for _, k := range timeline.Kinds {
		ki := a.lx.Kind(k)
		if len(ki.Refines) == 0 {
			continue
		}
		for i := range a.cands {
			c := &a.cands[i]
			if c.event.Kind == k || !contains(ki.Refines, c.trigger) || c.placed {
				continue // talks at a place were held in person
			}
			refined := k == timeline.KindCall && !c.placed && apart(c.event.Actors)
			// "Biden spoke to Netanyahu on Saturday night": leaders of
			// two countries who speak with no place named do so by phone
			for _, h := range a.hints {
				refined = refined || h.kind == k && sharesPerson(h.actors, c.event.Actors)
			}
			for j := range a.cands {
				x := a.cands[j].event
				refined = refined || x.Kind == k && sharesPerson(x.Actors, c.event.Actors) && timeline.SameOccurrence(x, withKind(c.event, k))
			}
			if refined {
				c.event.Kind = k
				c.title = titleParts{kind: k, source: c.event.Actors[:1], target: c.event.Actors[1:]}
			}
		}
	}
}

// joinVague joins an event known only to its month or week to the event
// of the same occurrence on a day inside it, both told as done: "the
// bombings this month of U.S. embassies" are the bombings of Aug. 7 the
// article told. Of several, the one sharing most parties takes it, and at
// least two of them (or its one); statements are too many to tell apart.
func joinVague(out []timeline.Event) []timeline.Event {
	joined := make([]bool, len(out))
	for i, e := range out {
		if p := e.Date.Precision(); p != timeline.PrecisionMonth && p != timeline.PrecisionWeek ||
			e.Kind == timeline.KindStatement || e.Status != timeline.StatusReported {
			continue
		}
		best, most := -1, min(2, len(e.Actors))-1
		for j, x := range out {
			if j == i || joined[j] || x.Status != e.Status || x.Date.Precision() < timeline.PrecisionDay ||
				!x.Date.Within(e.Date.Start(), e.Date.End()) || !timeline.SameOccurrence(x, withDate(e, x.Date)) {
				continue
			}
			shared := 0
			for _, y := range e.Actors {
				if hasActor(x.Actors, y) {
					shared++
				}
			}
			if shared > most {
				best, most = j, shared
			}
		}
		if best < 0 {
			continue
		}
		absorb(&out[best], e)
		joined[i] = true
	}
	kept := out[:0]
	for i, e := range out {
		if !joined[i] {
			kept = append(kept, e)
		}
	}
	return kept
}

// absorb gives event m the parties and the mentions of e, another telling
// of the same occurrence.
func absorb(m *timeline.Event, e timeline.Event) {
	for _, x := range e.Actors {
		if !hasActor(m.Actors, x) && len(m.Actors) < timeline.MaxActors {
			m.Actors = append(m.Actors, x)
		}
	}
	m.Mentions = append(m.Mentions, e.Mentions...)
}

func withDate(e timeline.Event, d timeline.Date) timeline.Event {
	e.Date = d
	return e
}

func withKind(e timeline.Event, k timeline.Kind) timeline.Event {
	e.Kind = k
	return e
}

// apart reports whether actors name two people and two countries: people
// of different states.
func apart(as []timeline.Actor) bool {
	people, countries := 0, 0
	for _, x := range as {
		switch x.Kind {
		case timeline.ActorPerson:
			people++
		case timeline.ActorCountry:
			countries++
		}
	}
	return people >= 2 && countries >= 2
}

// sharesPerson reports whether two lists of actors name a person in
// common.
func sharesPerson(x, y []timeline.Actor) bool {
	for _, p := range x {
		if p.Kind == timeline.ActorPerson && hasActor(y, p) {
			return true
		}
	}
	return false
}

// merge joins candidates that describe one real event, keeping every
// mention as evidence, the finer date, the union of actors, the highest
// confidence and the title of the most confident mention. Candidates are
// compared only with those of the same kind and day, so merging stays
// linear in the length of the article.
func merge(cands []candidate) []timeline.Event {
	var out []timeline.Event
	byDay := map[string][]int{} // kind class + day -> indexes in out
	for _, c := range cands {
		e := c.event
		key := string(timeline.OccurrenceKinds(e.Kind)[0]) + " " + timeline.OccurrenceDay(e.Date)
		target := -1
		for _, k := range byDay[key] {
			if timeline.SameOccurrence(out[k], e) {
				target = k
				break
			}
		}
		if target < 0 {
			out = append(out, e)
			byDay[key] = append(byDay[key], len(out)-1)
			continue
		}
		m := &out[target]
		if e.Date.Precision() > m.Date.Precision() || e.Date.Precision() == m.Date.Precision() && e.Date.Rank() > m.Date.Rank() {
			m.Date = e.Date
		}
		absorb(m, e)
		if e.Confidence > m.Confidence {
			m.Title, m.Kind, m.Confidence = e.Title, e.Kind, e.Confidence
		}
		if e.Status == timeline.StatusReported {
			m.Status = timeline.StatusReported
		}
	}
	out = joinVague(out)
	for i := range out {
		// an event reported twice is likelier real
		if n := len(out[i].Mentions); n > 1 {
			out[i].Confidence = min(0.99, out[i].Confidence+0.05*float64(n-1))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return timeline.Compare(out[i].Date, out[j].Date) < 0 })
	return out
}
