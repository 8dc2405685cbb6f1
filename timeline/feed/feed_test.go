package feed_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline/feed"
)

const base = "https://news.example.org/world/feed.xml"

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseReadsEachKindOfFeed(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		title string
		items []feed.Item
	}{
		{
			name: "RSS 2.0",
			doc: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>World&nbsp;News</title>
  <atom:link href="https://news.example.org/world/feed.xml" rel="self"/>
  <item>
    <title><![CDATA[Leaders speak by phone]]></title>
    <media:title>A photo caption</media:title>
    <link>https://news.example.org/2025/07/03/call.html</link>
    <guid isPermaLink="false">call-2025-07-03</guid>
    <pubDate>Thu, 03 Jul 2025 18:31:00 EDT</pubDate>
  </item>
  <item>
    <title>Relative link, no guid</title>
    <link>/2025/07/02/summit.html#top</link>
    <pubDate>Wed, 2 Jul 2025 09:00:00 +0200</pubDate>
  </item>
  <item><title>No link at all: nothing to fetch</title><guid>x</guid></item>
</channel>
</rss>`,
			title: "World News",
			items: []feed.Item{
				{ID: "call-2025-07-03", URL: "https://news.example.org/2025/07/03/call.html", Title: "Leaders speak by phone", Published: date("2025-07-03T22:31:00Z")},
				{URL: "https://news.example.org/2025/07/02/summit.html", Title: "Relative link, no guid", Published: date("2025-07-02T07:00:00Z")},
			},
		},
		{
			name: "RSS 1.0 (RDF) with dc:date",
			doc: `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example.org/"><title>Wire</title></channel>
  <item rdf:about="https://news.example.org/a">
    <title>Sanctions announced</title>
    <link>https://news.example.org/a</link>
    <dc:date>2024-03-14T08:00:00Z</dc:date>
  </item>
</rdf:RDF>`,
			title: "Wire",
			items: []feed.Item{{ID: "https://news.example.org/a", URL: "https://news.example.org/a", Title: "Sanctions announced", Published: date("2024-03-14T08:00:00Z")}},
		},
		{
			name: "Atom",
			doc: `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Diplomacy</title>
  <link rel="self" href="https://news.example.org/atom"/>
  <entry>
    <id>tag:news.example.org,2025:visit</id>
    <title>State visit begins</title>
    <link rel="enclosure" href="https://cdn.example.org/photo.jpg"/>
    <link rel="alternate" type="application/json" href="https://news.example.org/visit.json"/>
    <link rel="alternate" type="text/html" href="visit.html"/>
    <published>2025-06-21T18:31:00+02:00</published>
    <updated>2025-06-22T08:00:00Z</updated>
  </entry>
  <entry>
    <id>tag:news.example.org,2025:updated-only</id>
    <title>Only updated</title>
    <link href="https://news.example.org/updated.html"/>
    <updated>2025-06-22T08:00:00Z</updated>
  </entry>
</feed>`,
			title: "Diplomacy",
			items: []feed.Item{
				{ID: "tag:news.example.org,2025:visit", URL: "https://news.example.org/world/visit.html", Title: "State visit begins", Published: date("2025-06-21T16:31:00Z")},
				{ID: "tag:news.example.org,2025:updated-only", URL: "https://news.example.org/updated.html", Title: "Only updated", Published: date("2025-06-22T08:00:00Z")},
			},
		},
		{
			name: "JSON Feed 1.1, with a numeric id and an external address",
			doc: `{"version": "https://jsonfeed.org/version/1.1", "title": "Briefing",
  "items": [
    {"id": "1", "url": "https://news.example.org/1", "title": "Talks resume", "date_published": "2025-07-01T10:00:00Z"},
    {"id": 2, "external_url": "https://other.example.net/2", "title": "Aid pledged", "content_text": "…"},
    {"id": "3", "content_text": "no address"}
  ]}`,
			title: "Briefing",
			items: []feed.Item{
				{ID: "1", URL: "https://news.example.org/1", Title: "Talks resume", Published: date("2025-07-01T10:00:00Z")},
				{ID: "2", URL: "https://other.example.net/2", Title: "Aid pledged"},
			},
		},
		{
			name: "ISO-8859-1, as the declaration says",
			doc: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Z\xfcrich</title>" +
				"<item><title>Gespr\xe4che in Z\xfcrich</title><link>https://news.example.org/z</link></item></channel></rss>",
			title: "Zürich",
			items: []feed.Item{{URL: "https://news.example.org/z", Title: "Gespräche in Zürich"}},
		},
		{
			name:  "links to other schemes are left out",
			doc:   `<rss><channel><item><link>javascript:alert(1)</link></item><item><link>mailto:desk@example.org</link></item></channel></rss>`,
			items: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := feed.Parse([]byte(tt.doc), base)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.title {
				t.Errorf("title = %q, want %q", f.Title, tt.title)
			}
			if len(f.Items) != len(tt.items) {
				t.Fatalf("%d items, want %d: %+v", len(f.Items), len(tt.items), f.Items)
			}
			for i, want := range tt.items {
				got := f.Items[i]
				if got.ID != want.ID || got.URL != want.URL || got.Title != want.Title || !got.Published.Equal(want.Published) {
					t.Errorf("item %d = %+v\n want %+v", i, got, want)
				}
			}
		})
	}
}

func TestItemKeyIsItsIDElseItsAddress(t *testing.T) {
	if k := (feed.Item{ID: "g1", URL: "https://x.example/a"}).Key(); k != "g1" {
		t.Errorf("key = %q", k)
	}
	if k := (feed.Item{URL: "https://x.example/a"}).Key(); k != "https://x.example/a" {
		t.Errorf("key = %q", k)
	}
}

func TestParseSaysWhatIsNotAFeed(t *testing.T) {
	tests := []struct {
		name, doc, says string
	}{
		{"an HTML page", "<!DOCTYPE html>\n<html><head><title>Home</title></head><body>news</body></html>", "it is a web page (HTML)"},
		{"plain text", "Page not found", "neither XML nor JSON"},
		{"an empty answer", "  \n", "empty"},
		{"another kind of XML", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`, "another kind (<svg>)"},
		{"XML cut off", `<rss><channel><title>World</title><item><title>A`, "not well-formed XML"},
		{"JSON of another kind", `{"error": "rate limited"}`, "not a JSON Feed"},
		{"broken JSON", `{"version": "https://jsonfeed.org/version/1", `, "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := feed.Parse([]byte(tt.doc), base)
			if !errors.Is(err, feed.ErrNotFeed) || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("err = %v; want ErrNotFeed saying %q", err, tt.says)
			}
		})
	}
}

func TestFeedDatesInTheirManyForms(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339, "" for none
	}{
		{"Thu, 03 Jul 2025 18:31:00 +0000", "2025-07-03T18:31:00Z"},
		{"Thu, 3 Jul 2025 18:31:00 GMT", "2025-07-03T18:31:00Z"},
		{"Thu, 03 Jul 2025 18:31:00 PDT", "2025-07-04T01:31:00Z"},
		{"Thu, 03 Jul 2025 18:31 EST", "2025-07-03T23:31:00Z"},
		{"03 Jul 2025 18:31:00 +0100", "2025-07-03T17:31:00Z"},
		{"Thu, 03 Jul 25 18:31:00 +0000", "2025-07-03T18:31:00Z"},
		{"  Thu,  03 Jul 2025\n 18:31:00 UT ", "2025-07-03T18:31:00Z"},
		{"2025-07-03T18:31:00Z", "2025-07-03T18:31:00Z"},
		{"2025-07-03T18:31:00.123+02:00", "2025-07-03T16:31:00.123Z"},
		{"2025-07-03T18:31:00", "2025-07-03T18:31:00Z"},
		{"2025-07-03 18:31:00", "2025-07-03T18:31:00Z"},
		{"2025-07-03", "2025-07-03T00:00:00Z"},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		doc := `<rss><channel><item><link>https://x.example/a</link><pubDate>` + tt.in + `</pubDate></item></channel></rss>`
		f, err := feed.Parse([]byte(doc), base)
		if err != nil {
			t.Fatal(err)
		}
		got := f.Items[0].Published
		switch {
		case tt.want == "" && !got.IsZero():
			t.Errorf("%q read as %v, want no date", tt.in, got)
		case tt.want != "" && !got.Equal(date(tt.want)):
			t.Errorf("%q read as %v, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseTakesAtMostMaxItems(t *testing.T) {
	var b strings.Builder
	b.WriteString("<rss><channel>")
	for range feed.MaxItems + 10 {
		b.WriteString("<item><link>https://x.example/a</link></item>")
	}
	b.WriteString("</channel></rss>")
	f, err := feed.Parse([]byte(b.String()), base)
	if err != nil || len(f.Items) != feed.MaxItems {
		t.Errorf("%d items, %v; want %d", len(f.Items), err, feed.MaxItems)
	}
}
