package export_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
	"github.com/dateline/dateline/timeline/export/exporttest"
)

// A quote from a web page is stored as the page has it, references and
// tags included, so that its offsets hold. Exports for readers show it as
// a reader sees it; JSON, which dateline import checks against the body,
// keeps it exact.
func TestQuotesFromWebPagesAreReadableInExports(t *testing.T) {
	body := `<html><body><p>The talks of 2024&ndash;2025 <a href="/x">ended</a> on 3 July 2025.</p></body></html>`
	start := strings.Index(body, "The talks")
	end := strings.Index(body, "2025.</p>") + len("2025.")
	a := &timeline.Article{ID: 1, Title: "Talks end", Publisher: "Wire", URL: "https://example.org/talks", Body: body,
		Published: exporttest.Date(t, "2025-07-03")}
	e := timeline.Event{ID: 1, Kind: timeline.KindMeeting, Date: exporttest.Date(t, "2025-07-03"), Title: "Talks end",
		Status: timeline.StatusReported, Origin: timeline.ByExtractor, Confidence: 0.9,
		Mentions: []timeline.Mention{{ArticleID: 1, Quote: body[start:end], Start: start, End: end, Article: a}}}
	const readable = "The talks of 2024–2025 ended on 3 July 2025."
	for _, f := range export.Formats {
		t.Run(f.Name, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := export.NewWriter(f.Name, &buf, export.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if aw, ok := w.(export.ArticleWriter); ok {
				if err := aw.WriteArticle(*a); err != nil {
					t.Fatal(err)
				}
			}
			writeAll(t, w, []timeline.Event{e})
			// iCalendar folds long lines: unfold before looking.
			out := strings.ReplaceAll(buf.String(), "\r\n ", "")
			if f.Name == "json" {
				if !strings.Contains(out, `"quote":"The talks of 2024\u0026ndash;2025 \u003ca href=\"/x\"\u003eended\u003c/a\u003e on 3 July 2025."`) &&
					!strings.Contains(out, `"quote":"The talks of 2024&ndash;2025 <a href=\"/x\">ended</a> on 3 July 2025."`) {
					t.Errorf("JSON does not keep the quote exactly:\n%s", out)
				}
				return
			}
			if strings.Contains(out, "&ndash;") || strings.Contains(out, "/x") {
				t.Errorf("the page's markup reaches the export:\n%s", out)
			}
			if !strings.Contains(out, readable) {
				t.Errorf("no %q in:\n%s", readable, out)
			}
		})
	}
}

func TestHeadlineNamesTheFilterInAPhrase(t *testing.T) {
	d := func(v string) timeline.Date { return exporttest.Date(t, v) }
	tests := []struct {
		name string
		f    timeline.Filter
		want string
	}{
		{"everything", timeline.Filter{}, "Diplomatic events"},
		{"an actor, a kind and a year", timeline.Filter{Actors: []string{"Iran"}, Kinds: []timeline.Kind{timeline.KindStrike}, From: d("2025"), To: d("2025")}, "Iran, strikes, 2025"},
		{"kinds alone start with a capital", timeline.Filter{Kinds: []timeline.Kind{timeline.KindCall, timeline.KindMeeting, timeline.KindVisit}}, "Calls, meetings and visits"},
		{"a search", timeline.Filter{Text: "nuclear", Actors: []string{"Iran", "Israel"}}, "Iran, Israel, “nuclear”"},
		{"a range", timeline.Filter{From: d("2025-06"), To: d("2025-07")}, "June 2025 to July 2025"},
		{"from a date", timeline.Filter{Kinds: []timeline.Kind{timeline.KindAid}, From: d("2024")}, "Aid, from 2024"},
		{"until a date", timeline.Filter{To: d("2025-06-21")}, "Until 21 June 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := export.Headline(tt.f); got != tt.want {
				t.Errorf("Headline = %q, want %q", got, tt.want)
			}
		})
	}
}

// The TimelineJS title slide is headed by the filter, the calendar named
// by it.
func TestExportOptionsComeFromTheFilter(t *testing.T) {
	f := timeline.Filter{Actors: []string{"Iran"}, Kinds: []timeline.Kind{timeline.KindStrike}}
	var buf bytes.Buffer
	writeAll(t, export.NewTimelineJS(&buf, export.OptionsFor(f)), nil)
	if !strings.Contains(buf.String(), `"headline":"Iran, strikes"`) {
		t.Errorf("title slide: %s", buf.String())
	}
	buf.Reset()
	writeAll(t, export.NewICal(&buf, export.OptionsFor(f)), nil)
	if !strings.Contains(buf.String(), "X-WR-CALNAME:Dateline: Strike · Iran") {
		t.Errorf("calendar: %s", buf.String())
	}
}
