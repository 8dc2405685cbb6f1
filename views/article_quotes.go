package views

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/views/webpage"
)

// sameQuotes reports whether two candidates quote the same words.
func sameQuotes(a, b [][2]int) bool { return slices.Equal(a, b) }

// QuoteInContext is a quote with some of the text around it.
type QuoteInContext struct {
	Before, Quote, After string
}

// showQuotes puts every candidate's quotes in their context: the
// paragraph around them as a reader sees it. A web page is read for its
// text once: its markup and character references never show.
func (m *ReviewModel) showQuotes() {
	inContext := textContext
	if webpage.IsHTML(m.Body) {
		page := webpage.Read(m.Body)
		inContext = func(body string, start, end int) (QuoteInContext, bool) {
			if !validSpan(body, start, end) {
				return QuoteInContext{}, false
			}
			before, quote, after, ok := page.Context(start, end, contextBytes)
			return QuoteInContext{Before: before, Quote: quote, After: after}, ok
		}
	}
	for i := range m.Candidates {
		c := &m.Candidates[i]
		c.Quotes = nil
		for _, sp := range c.Spans {
			if q, ok := inContext(m.Body, sp[0], sp[1]); ok {
				c.Quotes = append(c.Quotes, q)
			}
		}
	}
}

// contextBytes is about how much text around a quote the review shows.
const contextBytes = 160

// textContext is body[start:end] of a text article with up to
// contextBytes on each side, cut at whole words, and white space folded so
// that line breaks of the paste do not break the display.
func textContext(body string, start, end int) (QuoteInContext, bool) {
	if !validSpan(body, start, end) {
		return QuoteInContext{}, false
	}
	from := max(0, start-contextBytes)
	for from > 0 && !utf8.RuneStart(body[from]) {
		from++
	}
	before := body[from:start]
	if from > 0 {
		if i := strings.IndexAny(before, " \n"); i >= 0 && i < len(before)-1 {
			before = "…" + before[i+1:]
		}
	}
	to := min(len(body), end+contextBytes)
	for to < len(body) && !utf8.RuneStart(body[to]) {
		to--
	}
	after := body[end:to]
	if to < len(body) {
		if i := strings.LastIndexAny(after, " \n"); i > 0 {
			after = after[:i] + "…"
		}
	}
	fold := func(s string) string {
		out := strings.Join(strings.Fields(s), " ")
		if s != "" && strings.TrimSpace(s[len(s)-1:]) == "" && out != "" {
			out += " "
		}
		if s != "" && strings.TrimSpace(s[:1]) == "" && out != "" {
			out = " " + out
		}
		return out
	}
	return QuoteInContext{Before: fold(before), Quote: fold(body[start:end]), After: fold(after)}, true
}

// validSpan reports whether [start, end) is a range of whole characters in
// body.
func validSpan(body string, start, end int) bool {
	return 0 <= start && start < end && end <= len(body) &&
		utf8.RuneStart(body[start]) && (end == len(body) || utf8.RuneStart(body[end])) &&
		utf8.ValidString(body[start:end])
}
