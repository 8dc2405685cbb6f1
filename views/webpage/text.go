// Package webpage reads what the pages need from an article given as a
// web page: its visible text, each character mapped back to the page's
// bytes, to show a quote in its paragraph without the markup around it;
// and its metadata, for the article's title and publisher.
//
// Extraction (timeline/extract) reads pages too, for events; this package
// only serves the display, and never changes what is stored: quotes stay
// byte ranges of the page.
package webpage

import (
	"html"
	"strings"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// IsHTML reports whether input is a web page (or a piece of one) rather
// than text: it starts as a document does, or holds a fair number of
// closing tags near its start.
func IsHTML(input string) bool {
	head := strings.ToLower(strings.TrimSpace(input[:min(len(input), 1024)]))
	for _, start := range []string{"<!doctype html", "<html", "<?xml"} {
		if strings.HasPrefix(head, start) && (start != "<?xml" || strings.Contains(head, "<html")) {
			return true
		}
	}
	window := input[:min(len(input), 4096)]
	return strings.Count(window, "</") >= 5 && strings.Contains(strings.ToLower(window), "<p")
}

// Text is the visible text of a page: white space folded, character
// references decoded, each block (paragraph, heading, list item) on a line
// of its own.
type Text struct {
	text string
	// at[i] is the offset in the page of the byte text[i] came from;
	// at[len(text)] is the page's length. Page offsets fit in 32 bits:
	// articles are bounded far below that.
	at []int32
}

// String is the visible text.
func (t *Text) String() string { return t.text }

// hidden holds the elements whose content no reader sees.
var hidden = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Iframe: true, atom.Object: true, atom.Select: true, atom.Textarea: true, atom.Button: true,
	atom.Title: true, atom.Head: true,
}

// separates holds the elements that start a new block of text.
var separates = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Br: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Nav: true, atom.Main: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Figure: true, atom.Figcaption: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true,
	atom.Dd: true, atom.Dt: true, atom.Form: true, atom.Body: true,
}

// Read reads the visible text of page.
func Read(page string) *Text {
	r := reader{t: &Text{at: make([]int32, 0, len(page)/2)}}
	z := nethtml.NewTokenizer(strings.NewReader(page))
	offset, hiddenDepth := 0, 0
	for {
		tt := z.Next()
		raw := z.Raw()
		at := offset
		offset += len(raw)
		switch tt {
		case nethtml.ErrorToken:
			r.t.text = r.b.String()
			r.t.at = append(r.t.at, int32(len(page)))
			return r.t
		case nethtml.StartTagToken, nethtml.EndTagToken, nethtml.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if hidden[a] {
				switch {
				case tt == nethtml.StartTagToken:
					hiddenDepth++
				case tt == nethtml.EndTagToken && hiddenDepth > 0:
					hiddenDepth--
				}
				continue
			}
			if separates[a] {
				r.breakBlock(at)
			}
		case nethtml.TextToken:
			if hiddenDepth == 0 {
				r.text(string(raw), at)
			}
		}
	}
}

// reader builds a Text, folding white space as it goes.
type reader struct {
	t *Text
	b strings.Builder
	// space is a pending separator: a space within a block, a line
	// break between blocks, written only when text follows.
	space    byte
	spaceAt  int
	anything bool // text written yet
}

func (r *reader) breakBlock(at int) {
	if r.anything {
		r.space, r.spaceAt = '\n', at
	}
}

func (r *reader) white(at int) {
	if r.anything && r.space == 0 {
		r.space, r.spaceAt = ' ', at
	}
}

// write adds s, which stands for the page's bytes from at.
func (r *reader) write(s string, at int) {
	if r.space != 0 {
		r.b.WriteByte(r.space)
		r.t.at = append(r.t.at, int32(r.spaceAt))
		r.space = 0
	}
	r.anything = true
	r.b.WriteString(s)
	for range len(s) {
		r.t.at = append(r.t.at, int32(at))
	}
}

// text adds a raw text token found at offset at of the page.
func (r *reader) text(raw string, at int) {
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case isSpace(c):
			r.white(at + i)
			i++
		case c == '&':
			n := referenceLen(raw[i:])
			if n == 0 {
				r.write("&", at+i)
				i++
				continue
			}
			if dec := html.UnescapeString(raw[i : i+n]); strings.TrimSpace(dec) == "" {
				r.white(at + i) // &nbsp;
			} else {
				r.write(dec, at+i)
			}
			i += n
		default:
			_, size := utf8.DecodeRuneInString(raw[i:])
			r.write(raw[i:i+size], at+i)
			i += size
		}
	}
}

// referenceLen is the length of the character reference s starts with
// ("&ndash;", "&#8211;"), or 0.
func referenceLen(s string) int {
	end := strings.IndexByte(s[:min(len(s), 33)], ';')
	if end < 2 || html.UnescapeString(s[:end+1]) == s[:end+1] {
		return 0
	}
	return end + 1
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

// Span is the part of the text that the page's bytes [start, end) show.
func (t *Text) Span(start, end int) (from, to int) {
	return t.index(start), t.index(end)
}

// index is the first position of the text whose byte comes from offset
// off of the page or later.
func (t *Text) index(off int) int {
	lo, hi := 0, len(t.text)
	for lo < hi {
		mid := (lo + hi) / 2
		if int(t.at[mid]) < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// Context is what a reader sees of the page's bytes [start, end): the
// quote, and up to n bytes of its block on either side, cut at words ("…"
// where the block goes on). ok is false when the range shows no text.
func (t *Text) Context(start, end, n int) (before, quote, after string, ok bool) {
	from, to := t.Span(start, end)
	quote = strings.TrimSpace(t.text[from:to])
	if quote == "" {
		return "", "", "", false
	}
	blockStart := strings.LastIndexByte(t.text[:from], '\n') + 1
	blockEnd := len(t.text)
	if i := strings.IndexByte(t.text[to:], '\n'); i >= 0 {
		blockEnd = to + i
	}
	return cutBefore(t.text[blockStart:from], n), quote, cutAfter(t.text[to:blockEnd], n), true
}

// cutBefore keeps the last n bytes or so of s, from a word's start.
func cutBefore(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	if i := strings.IndexByte(s, ' '); i >= 0 && i < len(s)-1 {
		return "…" + s[i+1:]
	}
	return "…" + strings.TrimLeftFunc(s, func(r rune) bool { return r == utf8.RuneError })
}

// cutAfter keeps the first n bytes or so of s, to a word's end.
func cutAfter(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		return s[:i] + "…"
	}
	return strings.ToValidUTF8(s, "") + "…"
}
