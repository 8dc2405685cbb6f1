package extract

import (
	"bytes"
	"io"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// looksLikeHTML reports whether input is a web page rather than text.
func looksLikeHTML(input string) bool {
	head := strings.ToLower(strings.TrimSpace(input[:min(len(input), 1024)]))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.HasPrefix(head, "<?xml") && strings.Contains(head, "<html") {
		return true
	}
	// HTML soup pasted from a page: many tags
	return strings.Count(input[:min(len(input), 4096)], "</") >= 5 &&
		(strings.Contains(head, "<p") || strings.Contains(head, "<div") || strings.Contains(head, "<body"))
}

// blockTags end a block of text: a paragraph break in the page.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Br: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Nav: true, atom.Td: true, atom.Th: true, atom.Tr: true, atom.Table: true, atom.Figure: true,
	atom.Figcaption: true, atom.Blockquote: true, atom.Pre: true, atom.Dd: true, atom.Dt: true,
	atom.Time: false, atom.Main: true, atom.Form: true, atom.Title: true, atom.Hr: true,
}

// skipTags hold no readable text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Iframe: true, atom.Object: true, atom.Select: true, atom.Textarea: true, atom.Button: true,
}

// fromHTML reads a web page: its visible text as blocks mapped back to the
// page's bytes, its metadata, and which blocks readability considers the
// article (the rest is navigation, related links and ads).
func fromHTML(input string) *document {
	var b builder
	z := html.NewTokenizer(strings.NewReader(input))
	offset := 0
	skip := 0
	pagePublished := "" // a <meta name="date"> or <time datetime> the page gives
	var title strings.Builder
	inTitle := false
	for {
		tt := z.Next()
		raw := z.Raw()
		at := offset
		offset += len(raw)
		switch tt {
		case html.ErrorToken:
			b.endBlock()
			d := b.document(input)
			d.title = strings.TrimSpace(title.String())
			d.classifyHTML()
			if d.meta.published == "" {
				d.meta.published = pagePublished
			}
			return d
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if hasAttr && tt != html.EndTagToken && (a == atom.Meta || a == atom.Time) && pagePublished == "" {
				pagePublished = publishedAttr(z, a)
			}
			if skipTags[a] {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if a == atom.Title {
				inTitle = tt == html.StartTagToken
			}
			if blockTags[a] {
				b.endBlock()
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			if inTitle {
				title.WriteString(html.UnescapeString(string(raw)))
				continue
			}
			addHTMLText(&b, string(raw), at)
		}
	}
}

// publishedNames are meta names that carry the publication date.
var publishedNames = map[string]bool{
	"date": true, "pubdate": true, "publishdate": true, "publish-date": true, "publication_date": true,
	"dc.date": true, "dc.date.issued": true, "dcterms.created": true, "dcterms.issued": true,
	"article.published": true, "article:published_time": true, "og:published_time": true,
	"sailthru.date": true, "parsely-pub-date": true, "datepublished": true, "cxenseparse:recs:publishtime": true,
}

// publishedAttr reads a publication date from a <meta> or <time> tag's
// attributes, as an RFC 3339 time or a date; "" if the tag has none.
func publishedAttr(z *html.Tokenizer, a atom.Atom) string {
	var name, content, datetime string
	for {
		k, v, more := z.TagAttr()
		switch strings.ToLower(string(k)) {
		case "name", "property", "itemprop":
			name = strings.ToLower(string(v))
		case "content":
			content = string(v)
		case "datetime":
			datetime = string(v)
		}
		if !more {
			break
		}
	}
	value := content
	if a == atom.Time {
		value = datetime
	} else if !publishedNames[name] {
		return ""
	}
	value = strings.TrimSpace(value)
	if len(value) < 10 {
		return ""
	}
	if t, err := time.Parse(time.RFC3339, value); err == nil {
		return t.Format("2006-01-02T15:04:05-07:00")
	}
	if t, err := time.Parse("2006-01-02", value[:10]); err == nil {
		return t.Format("2006-01-02T15:04:05-07:00")
	}
	return ""
}

// addHTMLText adds a raw text token, decoding entities and folding runs of
// white space into one space, each mapped to the input bytes it stands for.
func addHTMLText(b *builder, raw string, at int) {
	i := 0
	for i < len(raw) {
		c := raw[i]
		switch {
		case c == '&':
			j := strings.IndexByte(raw[i:min(len(raw), i+12)], ';')
			if j > 0 {
				ent := raw[i : i+j+1]
				if dec := html.UnescapeString(ent); dec != ent {
					b.addMapped(dec, at+i, len(ent))
					i += j + 1
					continue
				}
			}
			b.addExact("&", at+i)
			i++
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f':
			j := i
			for j < len(raw) && (raw[j] == ' ' || raw[j] == '\n' || raw[j] == '\t' || raw[j] == '\r' || raw[j] == '\f') {
				j++
			}
			if j-i == 1 && c == ' ' {
				b.addExact(" ", at+i)
			} else {
				b.addMapped(" ", at+i, j-i)
			}
			i = j
		default:
			j := i
			for j < len(raw) && raw[j] != '&' && raw[j] != ' ' && raw[j] != '\n' && raw[j] != '\t' && raw[j] != '\r' && raw[j] != '\f' {
				j++
			}
			b.addExact(raw[i:j], at+i)
			i = j
		}
	}
}

// classifyHTML runs readability over the page and marks the blocks outside
// the article it finds: they can still hold a byline date, never events.
func (d *document) classifyHTML() {
	art, err := readability.FromReader(strings.NewReader(d.input), nil)
	if err == nil {
		if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
			d.meta.published = t.Format("2006-01-02T15:04:05-07:00")
		}
		d.meta.title = art.Title()
		d.meta.siteName = art.SiteName()
	}
	content := ""
	if err == nil && art.Node != nil {
		var buf bytes.Buffer
		collectText(&buf, art.Node)
		content = buf.String()
	}
	for i := range d.blocks {
		bl := &d.blocks[i]
		bl.kind = classify(bl.text)
		if content != "" && bl.kind == blockBody && !strings.Contains(content, normalizeSpace(bl.text)) {
			bl.kind = blockJunk // not part of the article
		}
	}
	if d.meta.title != "" {
		d.title = d.meta.title
	}
}

// collectText writes the normalised text of each block element of the
// readable article, one per line.
func collectText(w io.Writer, n *html.Node) {
	if n.Type == html.ElementNode && blockTags[n.DataAtom] && n.DataAtom != atom.Div {
		io.WriteString(w, normalizeSpace(render.InnerText(n)))
		io.WriteString(w, "\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectText(w, c)
	}
}

func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
