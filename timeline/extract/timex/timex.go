// Package timex finds temporal expressions in news text and resolves them
// to TIMEX3 values: "June 21" in an article of 3 July 2025 is 2025-06-21,
// "Thursday morning" is 2025-07-03TMO, "two days later" counts from the
// last date of the story, "would travel on Monday" looks forward, "15:35
// Indian time" keeps its zone.
//
// One scan (the shared tokenizer, text.AppendLexemes, looking every word
// up in this package's lexicon as it reads it) names every word; the words that
// name time anchor candidates, and the grammar runs only from the chains
// of modifiers before them, trying only the rules that can start with
// each word (scan.go). Clock times are read with olebedev/when; the rest
// is this package's grammar and a resolution layer for news.
package timex

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/text"
)

// Timex is one temporal expression found in a text.
type Timex struct {
	Start, End int    // byte offsets in the text
	Text       string // text[Start:End]
	Type       Type
	// Value is the TIMEX3 value ("2025-06-21", "P3Y", "PRESENT_REF"), as
	// TempEval writes it: a clock time without its zone, the early hours
	// as night; empty when the expression needs a reference date that is
	// unknown.
	Value string
	Mod   string // TIMEX3 mod: START, MID, END, APPROX, ...
	// Date is the calendar date the value names, when it names one
	// (DATE and TIME expressions with a year); zero otherwise. It may say
	// more than Value: a clock time's zone, the early hours, dawn.
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
	// FromPast reports a forward look from a moment in the past: a plan
	// told of ("would travel to Moscow on Monday", "was to take place in
	// October"), which may or may not have come about.
	FromPast bool
}

// Find returns the temporal expressions of s in order. dct is the
// document creation (publication) date; when it is zero, relative
// expressions are found but left without a value.
//
// A long text is read a stretch of about chunkBytes at a time, each cut
// at a paragraph break (which ends every clause and sentence, so no
// expression or tense spans it), so that its tokens stay in a buffer of
// a fixed size and the cost grows linearly with the text.
func Find(s string, dct time.Time) []Timex {
	b := buffers.Get().(*buffer)
	defer b.put()
	d := newReader(s, dct)
	for lo := 0; lo < len(s); {
		hi := paragraphEnd(s, lo+chunkBytes)
		b.toks = text.AppendLexemes(b.toks[:0], s[lo:hi], lexicon)
		if lo > 0 && len(b.toks) > 0 {
			b.toks[0].Flags |= text.FlagBreak // the paragraph break the cut falls in
		}
		d.read(s[lo:hi], lo, b.toks, b)
		lo = hi
	}
	return d.out
}

// chunkBytes is about how much text Find tokenizes at a time.
const chunkBytes = 32 << 10

// paragraphEnd returns the end of the first blank line at or after byte
// i of s, or len(s).
func paragraphEnd(s string, i int) int {
	for i < len(s) {
		k := strings.IndexByte(s[i:], '\n')
		if k < 0 {
			break
		}
		j := i + k + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
			j++
		}
		if j < len(s) && s[j] == '\n' {
			return j + 1
		}
		i = j
	}
	return len(s)
}

// FindTokens is Find on a text already split by text.Tokenize, for a
// caller that reads the same tokens for other purposes.
func FindTokens(s string, toks []text.Token, dct time.Time) []Timex {
	b := buffers.Get().(*buffer)
	defer b.put()
	lx := make([]text.Lexeme, len(toks))
	for i, t := range toks {
		lx[i] = text.Lexeme{Start: int32(t.Start), End: int32(t.End), Num: int32(t.Num), Kind: t.Kind,
			Flags: flag(t.Space, text.FlagSpace) | flag(t.Break, text.FlagBreak) | flag(t.Upper, text.FlagUpper) |
				flag(t.Ordinal, text.FlagOrdinal)}
		if t.Kind == text.Alpha {
			lx[i].Word = lexicon.ID(t.Low)
		}
	}
	d := newReader(s, dct)
	d.read(s, 0, lx, b)
	return d.out
}

func flag(on bool, f text.Flags) text.Flags {
	if on {
		return f
	}
	return 0
}

// buffer is the memory one search reuses from text to text: the tokens
// (for Find), their classes and the matches.
type buffer struct {
	toks   []text.Lexeme
	cls    []uint32
	starts []int32
	ms     []match
}

var buffers = sync.Pool{New: func() any { return new(buffer) }}

// maxPooledTokens bounds the buffers kept for reuse, so that one huge text
// read by FindTokens does not stay in memory through its tokens.
const maxPooledTokens = 1 << 16

func (b *buffer) put() {
	if cap(b.toks) > maxPooledTokens {
		b.toks = nil
	}
	if cap(b.cls) > maxPooledTokens {
		b.cls, b.starts = nil, nil
	}
	if cap(b.ms) > maxPooledTokens/8 {
		b.ms = nil
	}
	buffers.Put(b)
}

// reader reads one document, a stretch of text at a time: the story's
// dates so far (for "two days later"), and the place of its dateline (for
// "local time"), carry from one stretch to the next.
type reader struct {
	r    resolver
	text string // the whole document
	// dateline is the zone of the dateline's place, "" if none, once
	// read (datelineRead): only "local time" needs it.
	dateline     string
	datelineRead bool
	out          []Timex
}

func newReader(text string, dct time.Time) *reader {
	d := &reader{text: text}
	d.r.dateline = d.datelineZone
	if !dct.IsZero() {
		d.r.dct = day(dct)
		d.r.lastDay = d.r.dct
	}
	return d
}

// datelineZone returns the zone of the place of the document's dateline,
// read from its head the first time it is asked for.
func (d *reader) datelineZone() string {
	if !d.datelineRead {
		head := d.text[:paragraphEnd(d.text, min(len(d.text), headBytes))]
		toks := text.AppendLexemes(nil, head, lexicon)
		cls, _ := classify(head, toks, nil, nil)
		p := parser{text: head, toks: toks, cls: cls}
		d.dateline, d.datelineRead = p.datelinePlace(), true
	}
	return d.dateline
}

// headBytes is about how much of a document's head a dateline is looked
// for in.
const headBytes = 2 << 10

// read finds the expressions of toks, the tokens of s, a stretch of the
// document that starts at its byte base.
func (d *reader) read(s string, base int, toks []text.Lexeme, b *buffer) {
	b.cls, b.starts = classify(s, toks, b.cls, b.starts)
	p := parser{text: s, toks: toks, cls: b.cls, starts: b.starts, doc: d}
	ms := p.parseAll(b.ms[:0])
	defer func() { b.ms = ms[:0] }()
	d.out = slices.Grow(d.out, len(ms))
	r := &d.r
	// told is the date of the sentence so far at which a plan was told
	// of ("he said on Tuesday"), from which the plan looks forward
	var told timeline.Date
	toldStart, toldEnd := 0, 0
	for _, m := range ms {
		rd := p.tenseAround(m.start, m.end)
		if m.e.past {
			rd = reading{tense: tensePast}
		}
		r.from = r.dct
		if rd.fromPast && !told.IsZero() && !p.sentenceBreak(toldEnd, m.start) && told.Start().Before(r.dct) &&
			p.reportedBetween(toldStart, m.start) &&
			(told.Precision() >= timeline.PrecisionDay || m.e.weekday == 0 && told.Precision() >= timeline.PrecisionMonth) {
			r.from = day(told.Start())
		}
		v, date := r.resolve(&m.e, rd.tense)
		if !date.IsZero() {
			told, toldStart, toldEnd = date, m.start, m.end
		}
		start, end := int(p.toks[m.start].Start), int(p.toks[m.end-1].End)
		typ := m.e.typ
		if typ == TypeTime && !m.e.clock && m.e.part == "" {
			typ = TypeDate
		}
		d.out = append(d.out, Timex{
			Start: base + start, End: base + end, Text: s[start:end], Type: typ, Value: v, Mod: m.e.mod,
			Date: date, Relative: m.e.rel != relNone, Vague: m.e.vague || p.bareArticlePart(m),
			Future: rd.tense == tenseFuture, FromPast: rd.tense == tenseFuture && rd.fromPast,
		})
	}
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

// bareArticlePart reports "the morning", "the night", "the early hours":
// a part of some day the story does not name.
func (p *parser) bareArticlePart(m match) bool {
	return m.e.part != "" && m.e.rel == relAnaphoric && m.e.day == 0 && m.e.weekday == 0 &&
		m.end-m.start <= 3 && p.low(m.start) == "the"
}
