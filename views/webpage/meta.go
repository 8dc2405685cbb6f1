package webpage

import (
	"encoding/json"
	"regexp"
	"strings"
	"unicode"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Meta is what a page says about itself.
type Meta struct {
	// Headline is the article's headline from JSON-LD (NewsArticle and
	// its kin); OGTitle and TwitterTitle the social cards' titles;
	// Headings the page's h1 elements, in order; DocTitle its <title>.
	Headline, OGTitle, TwitterTitle string
	Headings                        []string
	DocTitle                        string
	// Publisher is who publishes the page: og:site_name, else the JSON-LD
	// publisher's name, else application-name.
	Publisher string
	// Lang is the page's language tag (<html lang>, as "en-GB").
	Lang string
}

// ReadMeta reads the metadata of page.
func ReadMeta(page string) Meta {
	var m Meta
	var siteName, ldPublisher, appName string
	z := nethtml.NewTokenizer(strings.NewReader(page))
	var (
		inTitle, inLD bool
		h1Depth       int
		h1, ld        strings.Builder
	)
	for {
		tt := z.Next()
		switch tt {
		case nethtml.ErrorToken:
			m.Publisher = firstOf(siteName, ldPublisher, appName)
			return m
		case nethtml.TextToken:
			switch {
			case inTitle:
				m.DocTitle += string(z.Text())
			case inLD:
				ld.Write(z.Text())
			case h1Depth > 0:
				h1.Write(z.Text())
			}
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken, nethtml.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[strings.ToLower(string(k))] = string(v)
			}
			end := tt == nethtml.EndTagToken
			switch a {
			case atom.Html:
				if !end && m.Lang == "" {
					m.Lang = strings.TrimSpace(attrs["lang"])
				}
			case atom.Title:
				inTitle = !end && m.DocTitle == ""
			case atom.H1:
				if end && h1Depth > 0 {
					h1Depth--
					if h1Depth == 0 {
						if s := fold(h1.String()); s != "" {
							m.Headings = append(m.Headings, s)
						}
						h1.Reset()
					}
				} else if !end {
					h1Depth++
				}
			case atom.Script:
				if end && inLD {
					headline, publisher := readLD(ld.String())
					m.Headline = firstOf(m.Headline, headline)
					ldPublisher = firstOf(ldPublisher, publisher)
					ld.Reset()
				}
				inLD = !end && strings.EqualFold(strings.TrimSpace(attrs["type"]), "application/ld+json")
			case atom.Meta:
				key := strings.ToLower(firstOf(attrs["property"], attrs["name"]))
				content := fold(attrs["content"])
				switch key {
				case "og:title":
					m.OGTitle = firstOf(m.OGTitle, content)
				case "twitter:title":
					m.TwitterTitle = firstOf(m.TwitterTitle, content)
				case "og:site_name":
					siteName = firstOf(siteName, content)
				case "application-name":
					appName = firstOf(appName, content)
				}
			}
		}
	}
}

// readLD finds an article's headline and publisher in a JSON-LD script,
// which may hold one object, a list of them, or a @graph.
func readLD(script string) (headline, publisher string) {
	var doc any
	if json.Unmarshal([]byte(script), &doc) != nil {
		return "", ""
	}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 4 || headline != "" {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				walk(x, depth+1)
			}
		case map[string]any:
			if h, ok := v["headline"].(string); ok && isArticleType(v["@type"]) {
				headline = fold(h)
				publisher = nameOf(v["publisher"])
				return
			}
			walk(v["@graph"], depth+1)
		}
	}
	walk(doc, 0)
	return headline, publisher
}

// isArticleType reports whether a JSON-LD @type (a string or a list) is
// an article of some kind: Article, NewsArticle, ReportageNewsArticle,
// BlogPosting...
func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "Report"
	case []any:
		for _, x := range t {
			if isArticleType(x) {
				return true
			}
		}
	}
	return false
}

// nameOf is the name of a JSON-LD publisher: an object with a name, or a
// plain string.
func nameOf(v any) string {
	switch v := v.(type) {
	case string:
		return fold(v)
	case map[string]any:
		if n, ok := v["name"].(string); ok {
			return fold(n)
		}
	case []any:
		if len(v) > 0 {
			return nameOf(v[0])
		}
	}
	return ""
}

// Title is the article's title: the first of the JSON-LD headline, the
// social cards' titles, the title extraction found, the page's h1
// headings and its <title> that reads as a headline rather than a
// masthead, a breadcrumb or a dateline. A <title> loses the site's name
// after its separator. With none that reads well, extracted stays.
func (m Meta) Title(extracted string) string {
	candidates := []string{m.Headline, m.OGTitle, m.TwitterTitle, extracted}
	candidates = append(candidates, m.Headings...)
	candidates = append(candidates, withoutSiteName(m.DocTitle, m.Publisher))
	for _, c := range candidates {
		c = withoutSiteName(fold(c), m.Publisher)
		if c != "" && !NotAHeadline(c, m.Publisher) {
			return c
		}
	}
	return fold(extracted)
}

// withoutSiteName drops the site's name from a title such as "Leaders
// meet | Example Courier" or "Leaders meet - Example Courier": the part
// after the last separator when it names the publisher, or when the page
// names none, is short.
func withoutSiteName(title, publisher string) string {
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: ", " · "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		site := strings.TrimSpace(title[i+len(sep):])
		if strings.EqualFold(site, publisher) || publisher == "" && len(strings.Fields(site)) <= 4 {
			return withoutSiteName(strings.TrimSpace(title[:i]), publisher)
		}
	}
	return title
}

var (
	// a breadcrumb: "Home > World > Middle East", "News / World / Asia".
	breadcrumb = regexp.MustCompile(`^(?i:home)\s*[>›»/|]|[>›»].*[>›»]|\s/\s.*\s/\s`)
	// a dateline: a place, then a date ("Moscow, 19 March 2014", "GENEVA,
	// June 3, 2025", "Kyiv, 21.03.2023").
	dateline = regexp.MustCompile(`^[\p{L} .'-]{2,40},\s*(\d{1,2}\s+\p{L}+\.?,?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\.?$`)
)

// NotAHeadline reports whether a title candidate is something else the
// page shows at its top: the publisher's name or masthead (a few words in
// capitals, "GULF NEWSWIRE"), a breadcrumb ("Home > World > Middle
// East"), or a dateline ("Moscow, 19 March 2014").
func NotAHeadline(s, publisher string) bool {
	words := strings.Fields(s)
	switch {
	case len(words) == 0:
		return true
	case publisher != "" && strings.EqualFold(s, publisher):
		return true
	case breadcrumb.MatchString(s):
		return true
	case dateline.MatchString(s):
		return true
	case len(words) <= 4 && !strings.ContainsFunc(s, unicode.IsLower) && strings.ContainsFunc(s, unicode.IsUpper):
		return true
	}
	return false
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstOf(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
