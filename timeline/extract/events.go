package extract

import (
	"sort"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/timex"
)

// candidate is an event found in one sentence, before merging.
type candidate struct {
	event timeline.Event
	order int // position in the article, for stable output
}

// narrative is the body of the article as one text, for date resolution:
// "two days later" counts from the last date of the story, so the story
// must be read in one piece, without headlines and captions.
type narrative struct {
	text   string
	starts []int // per body block: offset in text
	blocks []int // per body block: index in document.blocks
}

func (d *document) narrative() narrative {
	var n narrative
	var b strings.Builder
	for i, bl := range d.blocks {
		if bl.kind != blockBody {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		n.starts = append(n.starts, b.Len())
		n.blocks = append(n.blocks, i)
		b.WriteString(bl.text)
	}
	n.text = b.String()
	return n
}

// events reads the body sentences for dated events.
func (d *document) events(dct time.Time, published timeline.Date) []timeline.Event {
	n := d.narrative()
	tx := timex.Find(n.text, dct)
	// dated expressions per body block, in document offsets
	type dated struct {
		start, end int // document text offsets
		date       timeline.Date
	}
	byBlock := map[int][]dated{}
	for _, t := range tx {
		if t.Date.IsZero() || (t.Type != timex.TypeDate && t.Type != timex.TypeTime) {
			continue
		}
		k := sort.SearchInts(n.starts, t.Start+1) - 1
		if k < 0 {
			continue
		}
		bi := n.blocks[k]
		off := d.blocks[bi].start - n.starts[k]
		byBlock[bi] = append(byBlock[bi], dated{t.Start + off, t.End + off, t.Date})
	}

	reg := newPeople()
	// first pass: learn full names, so "Merkel" early on is "Angela Merkel"
	for _, bi := range n.blocks {
		for _, s := range d.sentences(bi) {
			findActors(words(d.text, s.start, s.end), reg, true)
		}
	}
	hints := callHints(d, n)
	var cands []candidate
	var recent []timeline.Actor // actors of the story so far, for "the leaders"
	for _, bi := range n.blocks {
		for _, s := range d.sentences(bi) {
			ws := words(d.text, s.start, s.end)
			ms := findActors(ws, reg, false)
			var times []dated
			for _, t := range byBlock[bi] {
				if t.start >= s.start && t.end <= s.end {
					times = append(times, t)
				}
			}
			if len(times) > 0 {
				trigs := findTriggers(ws)
				for _, p := range pair(ws, trigs, times, func(t dated) (int, int) { return t.start, t.end }) {
					t, when := trigs[p.trigger], times[p.time]
					kind := t.kind
					if t.lemma == "conversation" && hints {
						kind = timeline.KindCall
					}
					actors, fallback := eventActors(ws, ms, t, spanOf(ws, when.start, when.end), recent)
					if len(actors) == 0 {
						continue
					}
					future := !published.IsZero() && !when.date.Start().Before(published.End())
					status := modality(ws, t, future)
					quote, qs, qe := d.quote(s.start, s.end)
					e := timeline.Event{
						Kind: kind, Date: when.date, Actors: actors, Status: status,
						Confidence: confidence(t, p.score, when.date, status, fallback, len(actors)),
						Origin:     timeline.ByExtractor,
						Title:      makeTitle(kind, t, ws, actors, status),
						Mentions:   []timeline.Mention{{Quote: quote, Start: qs, End: qe, ExtractorVersion: Version}},
					}
					cands = append(cands, candidate{event: e, order: len(cands)})
				}
			}
			if people := personsOf(ms); len(people) > 0 {
				recent = people
			} else if len(ms) > 0 && len(recent) == 0 {
				recent = actorsOf(ms)
			}
		}
	}
	return merge(cands)
}

// callHints reports whether the story is about a phone call, so that "a
// conversation between the leaders" is read as the call.
func callHints(d *document, n narrative) bool {
	low := strings.ToLower(n.text)
	return strings.Contains(low, "phone") || strings.Contains(low, "telephone")
}

// spanOf returns the word indexes covering document offsets [start, end).
func spanOf(ws []word, start, end int) [2]int {
	i, j := -1, -1
	for k, w := range ws {
		if w.end > start && w.start < end {
			if i < 0 {
				i = k
			}
			j = k + 1
		}
	}
	if i < 0 {
		return [2]int{0, 0}
	}
	return [2]int{i, j}
}

type pairing struct {
	trigger, time int
	score         float64
}

// maxScore is the farthest a date may be from the event word it dates.
const maxScore = 14

// pair attaches each dated expression to the event word it most likely
// dates: the nearest, counting words between them, with a cost for each
// comma crossed and for plain reporting verbs. Each date gives at most one
// event; an event verb without a date of its own takes the nearest date of
// its sentence when no other event word is nearer to that date.
func pair[T any](ws []word, trigs []trigger, times []T, span func(T) (int, int)) []pairing {
	var out []pairing
	used := map[int]bool{}
	spans := make([][2]int, len(times))
	for ti, t := range times {
		a, b := span(t)
		spans[ti] = spanOf(ws, a, b)
	}
	for ti := range times {
		best, bestScore := -1, float64(maxScore)+0.5
		for gi, g := range trigs {
			if g.i >= spans[ti][0] && g.i < spans[ti][1] {
				continue // the event word is part of the date ("Election Day")
			}
			sc := distance(ws, g, spans[ti])
			if sc < bestScore {
				best, bestScore = gi, sc
			}
		}
		if best >= 0 {
			out = append(out, pairing{best, ti, bestScore})
			used[best] = true
		}
	}
	// coordinated event verbs share the date of their clause: "met on
	// Tuesday ... and signed a joint statement"
	for gi, g := range trigs {
		if used[gi] || !g.verb || g.kind == timeline.KindStatement {
			continue
		}
		bestT, bestScore := -1, float64(2*maxScore)
		for ti := range times {
			sc := distance(ws, g, spans[ti])
			if sc < bestScore {
				bestT, bestScore = ti, sc
			}
		}
		if bestT < 0 {
			continue
		}
		closer := false
		for _, p := range out {
			if p.time == bestT && trigs[p.trigger].kind == g.kind {
				closer = true // same kind already dated there
			}
		}
		if !closer && bestScore <= float64(2*maxScore) {
			out = append(out, pairing{gi, bestT, bestScore + 4})
		}
	}
	return out
}

// distance is the cost of reading date span s as the date of trigger g.
func distance(ws []word, g trigger, s [2]int) float64 {
	var from, to int
	if g.j <= s[0] {
		from, to = g.j, s[0]
	} else {
		from, to = s[1], g.i
	}
	if to < from {
		return 0
	}
	sc := float64(to - from)
	for k := from; k < to; k++ {
		switch ws[k].text {
		case ",", "—", "(", ")":
			sc += 3
		case ";", ":":
			sc += 10
		}
		switch ws[k].low {
		case "which", "who", "whom", "where", "while", "although", "because":
			sc += 2
		}
	}
	if g.reporting() {
		sc += 1.5
	}
	if !g.verb {
		sc += 0.5
	}
	return sc
}

// eventActors picks the actors of an event from the sentence: those near
// the event word and its date, the subject first. A plural anaphor ("the
// leaders") or a sentence without actors takes the story's recent ones.
func eventActors(ws []word, ms []mention, t trigger, date [2]int, recent []timeline.Actor) ([]timeline.Actor, bool) {
	lo, hi := min(t.i, date[0])-12, max(t.j, date[1])+10
	var out []timeline.Actor
	seen := map[string]bool{}
	persons := map[string]bool{}
	for _, m := range ms {
		if m.actor.Kind == timeline.ActorPerson {
			persons[m.actor.Name] = true
		}
	}
	for _, m := range ms {
		if m.j <= lo || m.i >= hi || m.nation {
			continue
		}
		key := timeline.ActorKey(m.actor.Name)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, m.actor)
	}
	if len(out) == 0 || hasPluralAnaphor(ws) && len(out) < 2 {
		for _, a := range recent {
			if !seen[timeline.ActorKey(a.Name)] {
				out = append(out, a)
				seen[timeline.ActorKey(a.Name)] = true
			}
		}
		return out, true
	}
	return out, false
}

func hasPluralAnaphor(ws []word) bool {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.low)
		b.WriteByte(' ')
	}
	s := b.String()
	for _, p := range pluralAnaphora {
		if strings.Contains(s, p+" ") {
			return true
		}
	}
	return false
}

func personsOf(ms []mention) []timeline.Actor {
	var out []timeline.Actor
	seen := map[string]bool{}
	for _, m := range ms {
		if m.actor.Kind == timeline.ActorPerson && !seen[m.actor.Name] {
			seen[m.actor.Name] = true
			out = append(out, m.actor)
		}
	}
	return out
}

func actorsOf(ms []mention) []timeline.Actor {
	var out []timeline.Actor
	seen := map[string]bool{}
	for _, m := range ms {
		if !m.nation && !seen[m.actor.Name] {
			seen[m.actor.Name] = true
			out = append(out, m.actor)
		}
	}
	return out
}

// confidence scores how sure the extractor is: event verbs over nouns,
// dates attached closely, actors named in the sentence, facts over plans.
func confidence(t trigger, score float64, d timeline.Date, status timeline.Status, fallback bool, actors int) float64 {
	c := 0.55
	if t.verb {
		c += 0.1
	}
	c -= 0.02 * score
	if d.Precision() >= timeline.PrecisionDay {
		c += 0.1
	}
	if actors >= 2 {
		c += 0.1
	}
	if fallback {
		c -= 0.15
	}
	if status != timeline.StatusReported {
		c -= 0.1
	}
	if t.kind == timeline.KindStatement {
		c -= 0.05
	}
	return min(0.95, max(0.1, float64(int(c*100+0.5))/100))
}
