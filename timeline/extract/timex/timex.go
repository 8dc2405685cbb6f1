// Package timex finds temporal expressions in news text and resolves them
// to TIMEX3 values: "June 21" in an article of 3 July 2025 is 2025-06-21,
// "Thursday morning" is 2025-07-03TMO, "two days later" counts from the
// last date of the story. Clock times are read with olebedev/when; the
// rest is this package's grammar and a resolution layer for news.
package timex

import (
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/text"
)

// Timex is one temporal expression found in a text.
type Timex struct {
	Start, End int    // byte offsets in the text
	Text       string // text[Start:End]
	Type       Type
	// Value is the TIMEX3 value ("2025-06-21", "P3Y", "PRESENT_REF");
	// empty when the expression needs a reference date that is unknown.
	Value string
	Mod   string // TIMEX3 mod: START, MID, END, APPROX, ...
	// Date is the calendar date the value names, when it names one
	// (DATE and TIME expressions with a year); zero otherwise.
	Date timeline.Date
	// Relative reports whether the value was counted from the
	// publication date or from the story rather than written out.
	Relative bool
	// Vague marks expressions too loose to date an event by themselves:
	// "the night", "days later".
	Vague bool
	// Future reports whether the clause around the expression looks
	// forward ("will meet on Friday").
	Future bool
}

// Find returns the temporal expressions of s in order. dct is the
// document creation (publication) date; when it is zero, relative
// expressions are found but left without a value.
func Find(s string, dct time.Time) []Timex {
	return FindTokens(s, text.Tokenize(s), dct)
}

// FindTokens is Find on a text already split by text.Tokenize, for a
// caller that reads the same tokens for other purposes.
func FindTokens(s string, toks []text.Token, dct time.Time) []Timex {
	p := parser{text: s, toks: toks}
	ms := p.parseAll()
	r := resolver{}
	if !dct.IsZero() {
		r.dct = day(dct)
		r.lastDay = r.dct
	}
	out := make([]Timex, 0, len(ms))
	for _, m := range ms {
		t := p.tenseAround(m.start, m.end)
		if m.e.past {
			t = tensePast
		}
		v, d := r.resolve(m.e, t)
		start, end := p.toks[m.start].Start, p.toks[m.end-1].End
		typ := m.e.typ
		if typ == TypeTime && !m.e.clock && m.e.part == "" {
			typ = TypeDate
		}
		out = append(out, Timex{
			Start: start, End: end, Text: s[start:end], Type: typ, Value: v, Mod: m.e.mod,
			Date: d, Relative: m.e.rel != relNone, Vague: m.e.vague || p.bareArticlePart(m),
			Future: t == tenseFuture,
		})
	}
	return out
}

// Parse reads one date as a person types it into a form: natural
// language ("June 21, 2025", "last Thursday", "spring 2024") or a TIMEX
// value ("2025-06"), resolved against ref (today).
func Parse(s string, ref time.Time) (timeline.Date, error) {
	s = strings.TrimSpace(s)
	if d, err := timeline.ParseDate(s); err == nil {
		return d, nil
	}
	ts := Find(s, ref)
	for _, t := range ts {
		if !t.Date.IsZero() && len(strings.TrimSpace(s[:t.Start])) <= 3 && strings.TrimSpace(s[t.End:]) == "" {
			return t.Date, nil
		}
	}
	return timeline.Date{}, &ParseError{Input: s}
}

// ParseError says that a string is not a date this package can read.
type ParseError struct{ Input string }

func (e *ParseError) Error() string {
	return "\"" + e.Input + "\" is not a date; try \"June 21, 2025\", \"2025-06\", \"last Thursday\" or \"spring 2024\""
}

// tenseAround decides whether the clause around tokens [i, j) looks
// forward: the nearest tense cue wins, looking a few words either side
// without crossing clause punctuation.
func (p *parser) tenseAround(i, j int) tense {
	const reach = 11
	left, right := 0, 0
	// a date at the head of its sentence ("On Friday, the leaders will
	// meet") takes its tense from the clause after the comma; elsewhere the
	// comma closes the clause
	fronted := i == 0 || p.clauseBreak(i-1) || p.low(i-1) == "on" && (i == 1 || p.clauseBreak(i-2))
	for k, n := i-1, 1; k >= 0 && n <= reach; k, n = k-1, n+1 {
		if p.clauseBreak(k) {
			break
		}
		if c := p.cue(k); c != 0 {
			left = c * (reach + 1 - n)
			break
		}
	}
	for k, n := j, 1; k < len(p.toks) && n <= reach; k, n = k+1, n+1 {
		if p.clauseBreak(k) || p.low(k) == "," && !fronted {
			break
		}
		if c := p.cue(k); c != 0 {
			right = c * (reach + 1 - n)
			break
		}
	}
	// the nearer cue wins; at equal distance the one before the date
	score := left
	if abs(right) > abs(left) {
		score = right
	}
	switch {
	case score > 0:
		return tenseFuture
	case score < 0:
		return tensePast
	}
	return tenseUnknown
}

// bareArticlePart reports "the morning", "the night": a part of some day
// the story does not name.
func (p *parser) bareArticlePart(m match) bool {
	return m.e.part != "" && m.e.rel == relAnaphoric && m.e.day == 0 && m.e.weekday == 0 &&
		m.end-m.start == 2 && p.low(m.start) == "the"
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func (p *parser) clauseBreak(k int) bool {
	t := p.tok(k)
	if t.Break {
		return true
	}
	switch t.Low {
	case ";", ".", "!", "?", "—", "(", ")", ":":
		return true
	}
	return false
}

// cue is +1 for a future cue at k, -1 for a past one, 0 for neither.
func (p *parser) cue(k int) int {
	l := p.low(k)
	if futureCues[l] {
		return 1
	}
	if l == "to" && futureBeforeTo[p.low(k-1)] {
		return 1
	}
	if pastCues[l] || irregularPast[l] {
		return -1
	}
	t := p.tok(k)
	if t.Kind == text.Alpha && len(l) > 4 && strings.HasSuffix(l, "ed") && !t.Upper {
		switch l {
		case "scheduled", "expected", "planned", "proposed", "needed", "intended", "supposed":
			return 0
		}
		if p.is(k-1, "be", "being", "to", "get") {
			return 0 // "will be paid", "to be completed": a participle, not a past tense
		}
		return -1
	}
	return 0
}
