package timeline

import (
	"html"
	"strings"
)

// Text is the quote as a reader sees it. Quotes are stored exactly as the
// article has them, so that their offsets point into it; from a web page
// that means character references ("&ndash;") and, where a sentence runs
// across a link, tags. Text decodes the references, drops the tags and
// folds white space. Plain-text quotes come back with only their white
// space folded.
func (m Mention) Text() string { return QuoteText(m.Quote) }

// QuoteText is Mention.Text for a quote.
func QuoteText(q string) string {
	if strings.ContainsAny(q, "<&") {
		q = html.UnescapeString(dropTags(q))
	}
	return strings.Join(strings.Fields(q), " ")
}

// dropTags removes what looks like HTML markup: "<" followed by a tag
// name (or "/" and one, or "!" for a comment) up to the next ">". A
// "<" that starts no tag ("a < b") stays.
func dropTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := tagEnd(s[i:])
		if end < 0 {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		// Inline tags (a link) sit inside the text, which has its own
		// spaces; a block tag (a paragraph, a line break) separates.
		if breaksText(s[i : i+end]) {
			b.WriteByte(' ')
		}
		s = s[i+end:]
	}
}

// tagEnd is the length of the tag that s starts with, or -1 when s does
// not start with one.
func tagEnd(s string) int {
	j := 1
	if j < len(s) && (s[j] == '/' || s[j] == '!') {
		j++
	}
	if j >= len(s) || !isASCIILetter(s[j]) && s[j-1] != '!' {
		return -1
	}
	k := strings.IndexAny(s[j:], "<>")
	if k < 0 || s[j+k] == '<' {
		return -1
	}
	return j + k + 1
}

// blockTags are the tags that separate the text around them.
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "td": true, "tr": true, "blockquote": true,
	"section": true, "article": true, "figure": true, "figcaption": true, "aside": true, "hr": true,
}

func breaksText(tag string) bool {
	name := strings.TrimLeft(tag[1:], "/")
	if n := strings.IndexAny(name, " \t\n\r/>"); n >= 0 {
		name = name[:n]
	}
	return blockTags[strings.ToLower(name)]
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
