package extract

import (
	"github.com/dateline/dateline/timeline"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// blockKind says what a block of an article is for.
type blockKind uint8

const (
	blockBody   blockKind = iota // narrative paragraphs: events come from these
	blockHeader                  // headline, byline, dateline: read for the publication date
	blockJunk                    // paywall prompts, captions, share bars, related links
)

// block is one paragraph or line of an article, as text, with where its
// text came from in the input.
type block struct {
	text  string
	kind  blockKind
	start int // offset of text in document.text
}

// piece maps a run of document text to the input. Exact pieces are byte
// for byte the same; others (decoded HTML entities) map as a whole.
type piece struct {
	text, input int // start offsets
	n, inputN   int // lengths in text and in input
	exact       bool
}

// document is an article reduced to blocks of text, with a map from every
// text offset back to the input, so that quotes point into what the user
// gave.
type document struct {
	input  string
	text   string // the blocks joined by blank lines
	blocks []block
	pieces []piece // sorted by text offset
	title  string
	meta   metadata
}

// metadata is what an HTML page says about itself.
type metadata struct {
	published string // article:published_time or JSON-LD datePublished, as written
	title     string
	siteName  string
}

// builder accumulates text and its map while blocks are assembled.
type builder struct {
	text   strings.Builder
	pieces []piece
	blocks []block
	cur    strings.Builder
	curMap []piece // offsets relative to cur
}

// add appends input[at:at+len(s)] (exact) to the current block.
func (b *builder) addExact(s string, at int) {
	if s == "" {
		return
	}
	b.curMap = append(b.curMap, piece{text: b.cur.Len(), input: at, n: len(s), inputN: len(s), exact: true})
	b.cur.WriteString(s)
}

// addMapped appends text s that stands for input[at:at+inputN].
func (b *builder) addMapped(s string, at, inputN int) {
	if s == "" {
		return
	}
	b.curMap = append(b.curMap, piece{text: b.cur.Len(), input: at, n: len(s), inputN: inputN})
	b.cur.WriteString(s)
}

// endBlock closes the current block, trimming surrounding space.
func (b *builder) endBlock() {
	raw := b.cur.String()
	b.cur.Reset()
	pm := b.curMap
	b.curMap = nil
	lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
	trimmed := strings.TrimSpace(raw)
	if trimmed == "" {
		return
	}
	if b.text.Len() > 0 {
		b.text.WriteString("\n\n")
	}
	start := b.text.Len()
	b.text.WriteString(trimmed)
	end := lead + len(trimmed)
	for _, p := range pm {
		// clip the piece to the trimmed range
		lo, hi := max(p.text, lead), min(p.text+p.n, end)
		if lo >= hi {
			continue
		}
		q := p
		if p.exact {
			q.input += lo - p.text
			q.n, q.inputN = hi-lo, hi-lo
		}
		q.text = start + lo - lead
		b.pieces = append(b.pieces, q)
	}
	b.blocks = append(b.blocks, block{text: trimmed, start: start})
}

func (b *builder) document(input string) *document {
	return &document{input: input, text: b.text.String(), blocks: b.blocks, pieces: b.pieces}
}

// inputRange maps a text range to the input range that produced it.
func (d *document) inputRange(start, end int) (int, int) {
	return d.inputOffset(start, false), d.inputOffset(end, true)
}

func (d *document) inputOffset(off int, isEnd bool) int {
	ps := d.pieces
	i := sort.Search(len(ps), func(i int) bool { return ps[i].text+ps[i].n > off || (isEnd && ps[i].text+ps[i].n >= off) })
	if i == len(ps) {
		if len(ps) == 0 {
			return 0
		}
		last := ps[len(ps)-1]
		return last.input + last.inputN
	}
	p := ps[i]
	if off <= p.text {
		return p.input
	}
	if p.exact {
		return p.input + (off - p.text)
	}
	if isEnd {
		return p.input + p.inputN
	}
	return p.input
}

// quote returns the input bytes behind a text range: exactly what the user
// gave, so the quote is a substring of the input.
func (d *document) quote(start, end int) (string, int, int) {
	a, b := d.inputRange(start, end)
	if a > b {
		a = b
	}
	return d.input[a:b], a, b
}

// fromText splits pasted text into blocks: one per line, except that a
// hard-wrapped paragraph (a line not ending a sentence, followed by one
// starting in lower case) stays one block.
func fromText(input string) *document {
	var b builder
	lines := splitLines(input)
	for i, ln := range lines {
		s := input[ln[0]:ln[1]]
		b.addExact(s, ln[0])
		if strings.TrimSpace(s) == "" {
			b.endBlock()
			continue
		}
		if i+1 < len(lines) && continues(s, input[lines[i+1][0]:lines[i+1][1]]) {
			b.addMapped(" ", ln[1], 0)
			continue
		}
		b.endBlock()
	}
	b.endBlock()
	return b.document(input)
}

// splitLines returns the [start, end) of each line, without line endings.
func splitLines(s string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			end := i
			if end > start && s[end-1] == '\r' {
				end--
			}
			out = append(out, [2]int{start, end})
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// continues reports whether next is the continuation of a hard-wrapped
// line.
func continues(line, next string) bool {
	line, next = strings.TrimSpace(line), strings.TrimSpace(next)
	if line == "" || next == "" || len(line) < 50 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".!?:\"”'’)", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(first)
}

var clockHeader = regexp.MustCompile(`^\d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?( [A-Z]{2,4})?$`)

// liveEntries finds the entries of a live blog: body blocks that follow a
// header that is only a clock time ("17:12 GMT"). They were posted on the
// publication day.
func (d *document) liveEntries(published timeline.Date) map[int]timeline.Date {
	out := map[int]timeline.Date{}
	if published.IsZero() {
		return out
	}
	day, _ := timeline.DayDate(published.Start().Year(), published.Start().Month(), published.Start().Day())
	in := false
	for i, bl := range d.blocks {
		switch {
		case bl.kind != blockBody && len(bl.text) < 40 && clockHeader.MatchString(strings.TrimSpace(bl.text)):
			in = true
		case in && bl.kind == blockBody:
			out[i] = day
		}
	}
	return out
}
