package feed_test

import (
	"net/url"
	"testing"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline/feed"
)

// FuzzParse: whatever a server sends, Parse returns a feed or an error,
// never a panic, and every item it returns has an absolute http(s)
// address and valid UTF-8 text.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		`<rss version="2.0"><channel><title>T</title><item><link>/a</link><guid>g</guid><pubDate>Thu, 03 Jul 2025 18:31:00 EDT</pubDate></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><link rel="alternate" href="b.html"/><updated>2025-07-03T10:00:00Z</updated></entry></feed>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item rdf:about="https://x.example/a"><link>https://x.example/a</link></item></rdf:RDF>`,
		`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":1,"url":"c"}]}`,
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Z\xfcrich</title></channel></rss>",
		`<!DOCTYPE html><html></html>`,
		`<rss><channel><item><link>javascript:alert(1)</link></item>`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		parsed, err := feed.Parse(data, "https://news.example.org/feeds/world.xml")
		if err != nil {
			return
		}
		for _, it := range parsed.Items {
			u, err := url.Parse(it.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Errorf("item address %q is not an absolute http(s) address", it.URL)
			}
			if !utf8.ValidString(it.Title) || !utf8.ValidString(it.Key()) {
				t.Errorf("item %q has invalid UTF-8", it.URL)
			}
		}
		if len(parsed.Items) > feed.MaxItems {
			t.Errorf("%d items, more than MaxItems", len(parsed.Items))
		}
	})
}
