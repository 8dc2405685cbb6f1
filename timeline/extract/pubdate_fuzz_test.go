package extract

import (
	"testing"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline"
)

// FuzzPublicationDate: whatever the top of a page or paste says, finding
// the publication date never panics, and what it finds is a valid date
// that reads back from its value, with a known source; and Article
// reports the same date.
func FuzzPublicationDate(f *testing.F) {
	for _, seed := range []string{
		"July 3, 2025Updated 6:31 p.m. ET\n\nLeaders spoke on Thursday.",
		"Published 24 February 2022\nKYIV — Russia invaded.",
		"21.03.2023\nThe talks went on.",
		"Updated 14:05 GMT, Sun 14 April 2024\nIran launched drones.",
		`<html><head><meta property="article:published_time" content="2024-01-02T03:04:05Z"></head><body><p>Text.</p></body></html>`,
		`<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-09-08"}</script></head><body><p>x</p></body></html>`,
		`<html><body><time datetime="2025-02-30">30 February</time><p>Impossible.</p></body></html>`,
		`<meta name="date" content="2025-13-01"><p>Month thirteen.</p>`,
		"By Jane Doe\nFebruary 30, 2025\nNo such day.",
		"Published 99 Smarch 20255\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		if !utf8.ValidString(input) {
			return // Article refuses it before looking for a date
		}
		var d *document
		if looksLikeHTML(input) {
			d = fromHTML(input)
		} else {
			d = fromText(input)
			d.classifyText()
		}
		date, source := d.publication()
		if date.IsZero() {
			if source != "" {
				t.Fatalf("no date, but a source %q", source)
			}
			return
		}
		switch source {
		case SourceMetadata, SourceDateline, SourceUpdated:
		default:
			t.Fatalf("date %s from an unknown source %q", date.Value(), source)
		}
		back, err := timeline.ParseDate(date.Value())
		if err != nil || back != date {
			t.Fatalf("date %q does not read back: %v, %v", date.Value(), back, err)
		}
		if !date.End().After(date.Start()) {
			t.Fatalf("date %q covers no time", date.Value())
		}
	})
}
