package export_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
	"github.com/dateline/dateline/timeline/export/exporttest"
)

// FuzzICal: whatever an event's text says (any bytes, line breaks,
// escapes, long words in any script), the calendar keeps the byte rules:
// CRLF line ends, lines folded at 75 octets never inside a character, and
// the SUMMARY unfolds and unescapes back to the title.
func FuzzICal(f *testing.F) {
	f.Add("Trump and Putin speak by phone", "Donald Trump", "a\r\nb\nc\\d; e, f", "https://example.com/a?b=c;d", "2025-07-03TMO", "Дateline «тест»")
	f.Add(strings.Repeat("🙏🏽", 40), "Organisation of the Petroleum Exporting Countries", "", "", "2025-06", "")
	f.Add("x\x00y", "\r", "\\n", "javascript:alert(1)", "2025-W25", strings.Repeat("aЖ€🙏", 30))
	f.Add("BEGIN:VEVENT", "END:VCALENDAR", "\r\nEND:VEVENT\r\n", "", "2025", ";;;")
	f.Fuzz(func(t *testing.T, title, actor, summary, url, date, calName string) {
		d, err := timeline.ParseDate(date)
		if err != nil {
			d, _ = timeline.ParseDate("2025-06-21")
		}
		e := timeline.Event{ID: 7, Kind: timeline.KindMeeting, Date: d, Title: title, Summary: summary,
			SourceURL: url, Status: timeline.StatusReported, Confidence: 1}
		if actor != "" {
			e.Actors = []timeline.Actor{{Name: actor}}
		}
		var buf bytes.Buffer
		w := export.NewICal(&buf, export.Options{Title: calName})
		if err := w.WriteEvent(e); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		ics := buf.Bytes()
		for _, s := range []string{title, actor, summary, url, calName} {
			if !utf8.ValidString(s) {
				return // invalid text has no right answer, only no panic
			}
		}
		for _, p := range exporttest.CheckICalBytes(ics) {
			t.Fatal(p)
		}
		if w.Skipped() > 0 {
			return
		}
		lines := strings.Split(strings.ReplaceAll(string(ics), "\r\n ", ""), "\r\n")
		begins := 0
		for _, line := range lines {
			if line == "BEGIN:VEVENT" {
				begins++
			}
		}
		if begins != 1 {
			t.Fatalf("%d VEVENTs for one event: text broke out of its property", begins)
		}
	})
}

// FuzzReadJSON: any file given to the JSON importer is read without a
// panic, and everything it returns as good passes the store's validation,
// with every mention's quote at its place in its article.
func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`{"format":"dateline","version":1,"articles":[],"events":[]}`))
	f.Add([]byte(`{"format":"dateline","version":1,"articles":[{"id":1,"body":"Leaders met.","sha256":""}],` +
		`"events":[{"id":1,"kind":"meeting","date":"2025-06-21","title":"Leaders meet","status":"reported","confidence":1,` +
		`"actors":[{"name":"Iran"}],"mentions":[{"article_id":1,"quote":"Leaders met","start":0,"end":11}]}]}`))
	f.Add([]byte(`{"format":"dateline","version":1,"events":[{"kind":"war","date":"2025-02-30","title":""}]}`))
	f.Add([]byte(`{"format":"dateline","version":1,"events":[{"kind":"call","date":"2025-13-01","title":"'; DROP TABLE events; --"}]}`))
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte("\xff\xfe\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		imp, bad, err := export.ReadJSON(bytes.NewReader(data))
		if err != nil {
			return
		}
		checkImport(t, imp, bad)
	})
}

// FuzzReadTimelineJSCSV: the same for TimelineJS spreadsheets saved as
// CSV.
func FuzzReadTimelineJSCSV(f *testing.F) {
	header := "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
	f.Add([]byte(header + "2025,6,21,,,,,,,US strikes Iran,Three sites,,,,,,strike,\n"))
	f.Add([]byte(header + "2025,2,30,,,,,,,Impossible day,,,,,,,call,\n2025,13,1,,,,,,,Month 13,,,,,,,call,\n"))
	f.Add([]byte(header + ",,,,,,,,,Title slide,,,,,,title,,\n2025,,,,,,,,,\"quoted, \"\"comma\"\"\",<b>html</b><script>x</script>,,,,,,meeting,\n"))
	f.Add([]byte("\xef\xbb\xbf" + header + "2025,6,21,25:99,,,,,,Bad time,,,,,,,call,\n"))
	f.Add([]byte("not,a,timeline\n1,2\n\"unclosed\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		imp, bad, err := export.ReadTimelineJSCSV(bytes.NewReader(data), export.TimelineJSOptions{DefaultKind: timeline.KindStatement})
		if err != nil {
			return
		}
		checkImport(t, imp, bad)
	})
}

func checkImport(t *testing.T, imp export.Import, bad []export.RowError) {
	t.Helper()
	given := map[*timeline.Article]bool{}
	for i, a := range imp.Articles {
		if err := a.Validate(); err != nil {
			t.Fatalf("article %d passed as good but is invalid: %v", i, err)
		}
		given[a] = true
	}
	for i, e := range imp.Events {
		if err := e.Validate(); err != nil {
			t.Fatalf("event %d passed as good but is invalid: %v", i, err)
		}
		for _, m := range e.Mentions {
			a := m.Article
			if a == nil || !given[a] || m.Start < 0 || m.End > len(a.Body) || m.Start > m.End || a.Body[m.Start:m.End] != m.Quote {
				t.Fatalf("event %d has a mention that is not in its article: %+v", i, m)
			}
		}
	}
	for _, b := range bad {
		if b.Row == "" || b.Message == "" {
			t.Fatalf("a bad row without a place or a reason: %+v", b)
		}
	}
}
