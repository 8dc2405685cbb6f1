package extract

import (
	"strings"
	"testing"

	"github.com/dateline/dateline/timeline"
)

// FuzzArticle: whatever the input, extraction never panics, and every
// event it returns is valid and quotes the input exactly at its offsets,
// so the store accepts it.
func FuzzArticle(f *testing.F) {
	for _, seed := range []string{
		"Leaders met on Thursday.\n\nPublished 3 July 2025",
		"<html><head><meta property=\"article:published_time\" content=\"2024-01-02T03:04:05Z\"></head><body><p>Iran&#39;s forces struck Israel on Monday.</p></body></html>",
		"MOSCOW — President Vladimir V. Putin spoke by phone with Mr. Trump on June 21, 2025, the Kremlin said.",
		"Two days later, they signed an accord. The following Saturday, Russia expelled 23 diplomats.",
		"On 4 April last year; in the 1990s; 2025-13-01; February 30, 2025; 12:75 p.m.; '60 Minutes",
		"\u00a0\u2014 “Quoted” text — with dashes – and ‘quotes’.\r\nNext line\r\n",
		strings.Repeat("a. ", 200),
	} {
		f.Add(seed, "2025-07-03")
	}
	f.Fuzz(func(t *testing.T, input, published string) {
		var opts Options
		if d, err := timeline.ParseDate(published); err == nil && d.Precision() == timeline.PrecisionDay {
			opts.Published = d
		}
		res, err := Article(t.Context(), input, opts)
		if err != nil {
			return
		}
		a := timeline.Article{Body: input}
		for _, e := range res.Events {
			if len(e.Mentions) == 0 {
				t.Fatalf("event without a mention: %+v", e)
			}
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(input) || m.Start > m.End || input[m.Start:m.End] != m.Quote {
					t.Fatalf("mention %d-%d %q is not in the input", m.Start, m.End, m.Quote)
				}
			}
		}
		if len(strings.TrimSpace(input)) > 0 && len(input) <= timeline.MaxArticleBytes {
			if err := a.ValidateWithEvents(res.Events); err != nil && strings.Contains(err.Error(), "events[") {
				t.Fatalf("extracted events the store would refuse: %v", err)
			}
		}
	})
}
