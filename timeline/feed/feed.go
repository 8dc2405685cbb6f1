// Package feed reads news feeds: RSS 2.0 (and RSS 1.0), Atom and JSON
// Feed, with no I/O but the bytes it is given. It keeps what following a
// feed needs: each item's identity, address, title and date.
//
// It is our own small reader rather than a module: the well-known one
// (mmcdole/gofeed) is served to us only from an unapproved copy, and the
// subset needed here is small enough to own and test.
package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// MaxItems is how many items of one feed are read; the rest are left for
// the next poll (feeds list the newest first).
const MaxItems = 500

// Feed is a parsed feed.
type Feed struct {
	Title string
	Items []Item
}

// Item is one entry of a feed: an article to fetch.
type Item struct {
	// ID is the item's own identifier (RSS guid, Atom id, JSON Feed id),
	// or "" when it has none.
	ID        string
	URL       string // absolute http(s) address of the article
	Title     string
	Published time.Time // zero when the feed gives no date
}

// Key identifies an item within its feed across polls: its ID, else its
// address.
func (it Item) Key() string {
	if it.ID != "" {
		return it.ID
	}
	return it.URL
}

// ErrNotFeed is the error for a document that is not a feed.
var ErrNotFeed = errors.New("not a feed (RSS, Atom or JSON Feed)")

// Parse reads a feed fetched from base, against which relative item
// addresses are resolved. Items without an http(s) address are left out.
func Parse(data []byte, base string) (Feed, error) {
	baseURL, err := url.Parse(base)
	if err != nil {
		return Feed{}, fmt.Errorf("the feed's own address: %w", err)
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	var f Feed
	switch {
	case len(trimmed) == 0:
		return Feed{}, fmt.Errorf("%w: the document is empty", ErrNotFeed)
	case trimmed[0] == '{':
		f, err = parseJSON(trimmed)
	case trimmed[0] == '<' || bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		f, err = parseXML(data)
	default:
		return Feed{}, fmt.Errorf("%w: it is neither XML nor JSON", ErrNotFeed)
	}
	if err != nil {
		return Feed{}, err
	}
	items := f.Items[:0]
	for _, it := range f.Items {
		if it.URL = absolute(baseURL, it.URL); it.URL == "" {
			continue
		}
		it.ID, it.Title = strings.TrimSpace(it.ID), strings.Join(strings.Fields(it.Title), " ")
		items = append(items, it)
		if len(items) == MaxItems {
			break
		}
	}
	f.Items = items
	f.Title = strings.Join(strings.Fields(f.Title), " ")
	return f, nil
}

// absolute resolves ref against base, or returns "" when the result is
// not an http(s) address.
func absolute(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	u = base.ResolveReference(u)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// text is an element's character data.
type text struct {
	Text string `xml:",chardata"`
}

// first is the first non-empty text of ts.
func first(ts []text) string {
	for _, t := range ts {
		if s := strings.TrimSpace(t.Text); s != "" {
			return s
		}
	}
	return ""
}

// link is an RSS <link> (text) or an Atom <link> (attributes).
type link struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// articleLink picks the link to the article: RSS's text, else Atom's
// alternate (HTML preferred), else any.
func articleLink(links []link) string {
	for _, l := range links {
		if s := strings.TrimSpace(l.Text); s != "" {
			return s
		}
	}
	best := ""
	for _, l := range links {
		if l.Href == "" || (l.Rel != "" && l.Rel != "alternate") {
			continue
		}
		if l.Type == "" || strings.Contains(l.Type, "html") {
			return l.Href
		}
		if best == "" {
			best = l.Href
		}
	}
	if best == "" {
		for _, l := range links {
			if l.Href != "" && l.Rel != "self" && l.Rel != "enclosure" {
				return l.Href
			}
		}
	}
	return best
}

// Element names match by local name whatever their namespace, so that
// RSS 1.0 (namespaced), RSS 2.0 (not) and extensions (dc:date) read alike;
// repeated names are kept as lists and the first non-empty one is taken,
// since extensions (media:title) follow the element they extend.
type rssItem struct {
	Titles    []text `xml:"title"`
	Links     []link `xml:"link"`
	GUID      string `xml:"guid"`
	About     string `xml:"about,attr"` // RSS 1.0: rdf:about
	PubDates  []text `xml:"pubDate"`
	Dates     []text `xml:"date"` // dc:date
	Published []text `xml:"published"`
}

type rss struct {
	Channel struct {
		Titles []text    `xml:"title"`
		Items  []rssItem `xml:"item"`
	} `xml:"channel"`
	Items []rssItem `xml:"item"` // RSS 1.0 puts items beside the channel
}

type atomEntry struct {
	ID        string `xml:"id"`
	Titles    []text `xml:"title"`
	Links     []link `xml:"link"`
	Published []text `xml:"published"`
	Updated   []text `xml:"updated"`
}

type atom struct {
	Titles  []text      `xml:"title"`
	Entries []atomEntry `xml:"entry"`
}

func parseXML(data []byte) (Feed, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	// Feeds in the wild use HTML entities (&nbsp;) and charsets other
	// than UTF-8; being lenient here loses nothing the reader needs.
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return Feed{}, fmt.Errorf("%w: the document has no elements", ErrNotFeed)
		}
		if err != nil {
			return Feed{}, fmt.Errorf("%w: it is not well-formed XML (%v)", ErrNotFeed, err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(start.Name.Local) {
		case "rss", "rdf":
			var doc rss
			if err := d.DecodeElement(&doc, &start); err != nil {
				return Feed{}, fmt.Errorf("%w: it is not well-formed XML (%v)", ErrNotFeed, err)
			}
			f := Feed{Title: first(doc.Channel.Titles)}
			for _, it := range append(doc.Channel.Items, doc.Items...) {
				id := strings.TrimSpace(it.GUID)
				if id == "" {
					id = it.About
				}
				f.Items = append(f.Items, Item{
					ID: id, URL: articleLink(it.Links), Title: first(it.Titles),
					Published: parseTime(first(it.PubDates), first(it.Dates), first(it.Published)),
				})
			}
			return f, nil
		case "feed":
			var doc atom
			if err := d.DecodeElement(&doc, &start); err != nil {
				return Feed{}, fmt.Errorf("%w: it is not well-formed XML (%v)", ErrNotFeed, err)
			}
			f := Feed{Title: first(doc.Titles)}
			for _, e := range doc.Entries {
				f.Items = append(f.Items, Item{
					ID: e.ID, URL: articleLink(e.Links), Title: first(e.Titles),
					Published: parseTime(first(e.Published), first(e.Updated)),
				})
			}
			return f, nil
		case "html":
			return Feed{}, fmt.Errorf("%w: it is a web page (HTML)", ErrNotFeed)
		default:
			return Feed{}, fmt.Errorf("%w: it is an XML document of another kind (<%s>)", ErrNotFeed, start.Name.Local)
		}
	}
}

type jsonFeed struct {
	Version string `json:"version"`
	Title   string `json:"title"`
	Items   []struct {
		// JSON Feed's id is a string, but numbers are common.
		ID            json.RawMessage `json:"id"`
		URL           string          `json:"url"`
		ExternalURL   string          `json:"external_url"`
		Title         string          `json:"title"`
		DatePublished string          `json:"date_published"`
		DateModified  string          `json:"date_modified"`
	} `json:"items"`
}

func parseJSON(data []byte) (Feed, error) {
	var doc jsonFeed
	if err := json.Unmarshal(data, &doc); err != nil {
		return Feed{}, fmt.Errorf("%w: it is not valid JSON (%v)", ErrNotFeed, err)
	}
	if !strings.HasPrefix(doc.Version, "https://jsonfeed.org/version/") {
		return Feed{}, fmt.Errorf("%w: it is JSON, but not a JSON Feed (no jsonfeed.org version)", ErrNotFeed)
	}
	f := Feed{Title: doc.Title}
	for _, it := range doc.Items {
		var id string
		if err := json.Unmarshal(it.ID, &id); err != nil {
			id = strings.TrimSpace(string(it.ID))
		}
		u := it.URL
		if u == "" {
			u = it.ExternalURL
		}
		f.Items = append(f.Items, Item{ID: id, URL: u, Title: it.Title, Published: parseTime(it.DatePublished, it.DateModified)})
	}
	return f, nil
}

// timeLayouts are the date forms feeds use: RFC 822 and its many
// variations in RSS, RFC 3339 in Atom and JSON Feed, and bare ISO dates.
var timeLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC3339Nano,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon, 2 January 2006 15:04:05 -0700",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02",
}

// zoneOffsets are the named zones RFC 822 allows; Go's parser would give
// all but UTC no offset.
var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
}

// parseTime reads the first of values that is a date, in UTC; zero when
// none is.
func parseTime(values ...string) time.Time {
	for _, v := range values {
		fields := strings.Fields(v)
		if len(fields) == 0 {
			continue
		}
		if off, ok := zoneOffsets[strings.ToUpper(fields[len(fields)-1])]; ok && len(fields) > 1 {
			fields[len(fields)-1] = off
		}
		v = strings.Join(fields, " ")
		for _, layout := range timeLayouts {
			if t, err := time.Parse(layout, v); err == nil {
				return t.UTC()
			}
		}
	}
	return time.Time{}
}
