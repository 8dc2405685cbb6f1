package extract

import (
	"strings"
	"testing"

	"github.com/dateline/dateline/timeline"
)

// reading is what the pipeline read in one sentence, for the stages'
// tests.
type reading struct {
	a      *analysis
	s      *sentence
	p      *parsed
	frames []eframe
}

// readText runs the pipeline over text published on the given day and
// returns the reading of every body sentence.
func readText(t *testing.T, text, published string) []reading {
	t.Helper()
	var pub timeline.Date
	if published != "" {
		pub = day(t, published)
	}
	d, res, err := prepare(t.Context(), text, Options{Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	a := newAnalysis(d, res.Published)
	var out []reading
	a.observe = func(s *sentence, p *parsed, frames []eframe) {
		// a sentence's chunks and clauses live only until the next
		// sentence is read: keep copies
		kept := &parsed{ch: append([]chunk(nil), p.ch...), cl: append([]clause(nil), p.cl...)}
		out = append(out, reading{a, s, kept, append([]eframe(nil), frames...)})
	}
	if err := a.run(t.Context()); err != nil {
		t.Fatal(err)
	}
	return out
}

// readSentence reads text as one sentence of an article published on 3
// July 2025 (a Thursday).
func readSentence(t *testing.T, text string) reading {
	t.Helper()
	rs := readText(t, text, "2025-07-03")
	if len(rs) != 1 {
		t.Fatalf("%q read as %d sentences", text, len(rs))
	}
	return rs[0]
}

// mention returns the sentence's last mention whose words are text, or
// nil.
func (r reading) mention(text string) *mention {
	var found *mention
	for i := range r.s.mentions {
		if r.text(r.s.mentions[i].i, r.s.mentions[i].j) == text {
			found = &r.s.mentions[i]
		}
	}
	return found
}

// words returns the text of words [i, j).
func (r reading) text(i, j int) string { return r.a.span(i, j) }

// chunksOf returns the text of chunks.
func (r reading) chunksOf(cs []int) string {
	var parts []string
	for _, k := range cs {
		parts = append(parts, r.text(r.p.ch[k].i, r.p.ch[k].j))
	}
	return strings.Join(parts, " | ")
}

// clauseWithVerb returns the clause whose verb group holds the word verb.
func (r reading) clauseWithVerb(t *testing.T, verb string) *clause {
	t.Helper()
	for i := range r.p.cl {
		c := &r.p.cl[i]
		if c.vp >= 0 && strings.Contains(r.text(r.p.ch[c.vp].i, r.p.ch[c.vp].j), verb) {
			return c
		}
	}
	t.Fatalf("no clause with the verb %q", verb)
	return nil
}

// frameOf returns the frame triggered by the word trigger.
func (r reading) frameOf(t *testing.T, trigger string) *eframe {
	t.Helper()
	for i := range r.frames {
		if r.a.words[r.frames[i].trigger].Text == trigger {
			return &r.frames[i]
		}
	}
	t.Fatalf("no frame triggered by %q; frames: %v", trigger, r.frameWords())
	return nil
}

func (r reading) frameWords() []string {
	var out []string
	for _, f := range r.frames {
		out = append(out, r.a.words[f.trigger].Text+":"+string(f.kind))
	}
	return out
}

// actorNames returns the names of the actors some mentions stand for.
func (r reading) actorNames(ms []int) []string {
	var out []string
	for _, x := range r.a.actorsOf(r.s, ms, nil) {
		out = append(out, x.Name)
	}
	return out
}

func hasName(names []string, want string) bool {
	for _, n := range names {
		if n == want || strings.HasSuffix(n, " "+want) {
			return true
		}
	}
	return false
}
