package timex

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFind: never panics; the candidate scan finds what every rule run
// everywhere finds; every expression lies inside the text, its Text is the
// text at its offsets, and its Date, when set, is a valid date that reads
// back from its value.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"on June 21, 2025", "last Thursday morning", "two days later", "the 1990s", "2025-06-21T18:31",
		"noon on Friday", "4 April last year", "the year-ago quarter", "every week", "'60s", "Q3 2024",
		"21.03.2023", "the first half of 2024", "nineteen ninety-six", "Easter 2024", "12/31/99",
		"the early hours of Saturday", "at dawn on Friday", "15:35 Indian time", "10:35 a.m. (0735 GMT)",
		"3 a.m. local time in Kyiv", "14:00 UTC+05:30", "would travel on Monday", "more than a few days",
	} {
		f.Add(s, int64(1751500800))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		sameAsExhaustive(t, text)
		dct := time.Unix(unix%(1<<34), 0).UTC()
		if unix < 0 {
			dct = time.Time{}
		}
		for _, x := range Find(text, dct) {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End || text[x.Start:x.End] != x.Text {
				t.Fatalf("%q at %d-%d is not in the text", x.Text, x.Start, x.End)
			}
			if !utf8.ValidString(text) {
				continue
			}
			if !x.Date.IsZero() && x.Date.End().Before(x.Date.Start()) {
				t.Fatalf("%q: date ends before it starts", x.Text)
			}
		}
	})
}
