package timeline

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Article is a news article as a user gave it: the body is kept exactly, so
// that every mention's byte offsets point into it.
type Article struct {
	ID        int64
	URL       string
	Title     string
	Publisher string
	// Published is the publication date, the reference for every relative
	// date in the body. Zero when none was found.
	Published Date
	// PublishedSource says where Published came from: one of
	// PublishedSources.
	PublishedSource string
	Body            string
	CreatedAt       time.Time
}

// PublishedSources are where a publication date may come from: the
// values of extract's Source constants ("given", "metadata", "dateline",
// "updated"), those of older exports ("json-ld", "byline"), and "" when
// unknown.
var PublishedSources = []string{"", "given", "metadata", "json-ld", "dateline", "byline", "updated"}

// Hash identifies an article by its content, so that the same article
// submitted twice is recognised. Line endings and surrounding space do not
// count: a paste from Windows is the same article.
func (a *Article) Hash() [32]byte {
	return ArticleHash(a.Body)
}

// ArticleHash is Article.Hash for a body.
func ArticleHash(body string) [32]byte {
	body = strings.ReplaceAll(body, "\r\n", "\n")
	return sha256.Sum256([]byte(strings.TrimSpace(body)))
}

// Validate checks the article and returns a *ValidationError, or nil.
func (a *Article) Validate() error {
	v := &ValidationError{}
	switch {
	case !utf8.ValidString(a.Body):
		v.Add("body", "is not valid UTF-8 text")
	case strings.TrimSpace(a.Body) == "":
		v.Add("body", "the article is empty")
	case len(a.Body) > ArticleBytesCeiling:
		v.Add("body", fmt.Sprintf("the article is larger than %d MiB", ArticleBytesCeiling>>20))
	case strings.IndexByte(a.Body, 0) >= 0:
		v.Add("body", "the article contains NUL bytes")
	}
	checkText(v, "title", a.Title, false, MaxTitleRunes, false)
	checkText(v, "publisher", a.Publisher, false, MaxPublisherRunes, false)
	checkURL(v, "url", a.URL)
	if !slices.Contains(PublishedSources, a.PublishedSource) {
		v.Add("published_source", "must say where the publication date came from: "+strings.Join(PublishedSources[1:], ", ")+", or nothing")
	}
	return v.Err()
}

// ValidateWithEvents checks the article and the events extracted from it:
// every event must be valid and every mention's quote must be exactly the
// bytes of the body it points to. Fields of events are named
// "events[i].field".
func (a *Article) ValidateWithEvents(events []Event) error {
	v := &ValidationError{}
	if err := a.Validate(); err != nil {
		v.Fields = append(v.Fields, FieldErrors(err).Fields...)
	}
	for i := range events {
		prefix := fmt.Sprintf("events[%d].", i)
		if err := events[i].Validate(); err != nil {
			for _, f := range FieldErrors(err).Fields {
				v.Add(prefix+f.Field, f.Message)
			}
		}
		for j, m := range events[i].Mentions {
			if m.Start < 0 || m.End > len(a.Body) || m.Start > m.End || a.Body[m.Start:m.End] != m.Quote {
				v.Add(fmt.Sprintf("%smentions[%d]", prefix, j), "the quote is not at its place in the article")
			}
		}
	}
	return v.Err()
}

// ArticleEntry is a stored article in a list: without its body, with the
// number of events that cite it.
type ArticleEntry struct {
	Article
	Events int
}
