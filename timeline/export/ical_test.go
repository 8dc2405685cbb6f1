package export_test

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
	"github.com/dateline/dateline/timeline/export/exporttest"
)

func writeICal(t *testing.T, opts export.Options, events ...timeline.Event) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	w := export.NewICal(&buf, opts)
	for _, e := range events {
		if err := w.WriteEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), w.Skipped()
}

// unfold undoes folding and splits the content lines.
func unfold(ics []byte) []string {
	s := strings.ReplaceAll(string(ics), "\r\n ", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

// vevent returns the unfolded content lines of the VEVENT with uid.
func vevent(t *testing.T, ics []byte, uid string) map[string]string {
	t.Helper()
	props := map[string]string{}
	in := false
	for _, line := range unfold(ics) {
		switch {
		case line == "BEGIN:VEVENT":
			in, props = true, map[string]string{}
		case line == "END:VEVENT":
			if props["UID"] == uid {
				return props
			}
			in = false
		case in:
			name, value, _ := strings.Cut(line, ":")
			props[name] = value
		}
	}
	t.Fatalf("no VEVENT with UID %s", uid)
	return nil
}

func TestICalFollowsTheByteRules(t *testing.T) {
	_, events := exporttest.Tricky(t)
	ics, _ := writeICal(t, export.Options{Title: "Дateline, «тест»; 🙏🏽 " + strings.Repeat("long name ", 10)}, events...)
	for _, p := range exporttest.CheckICalBytes(ics) {
		t.Error(p)
	}
	// The checker itself catches what it should.
	for _, bad := range []string{"A:b\nC:d\r\n", "A:" + strings.Repeat("x", 74) + "\r\n", "A:\xd0\r\n \x9f\r\n", "A:b"} {
		if len(exporttest.CheckICalBytes([]byte(bad))) == 0 {
			t.Errorf("CheckICalBytes(%q) found nothing wrong", bad)
		}
	}
}

func TestICalFoldsBetweenCharacters(t *testing.T) {
	tests := []struct {
		name, title string
	}{
		{"ASCII", strings.Repeat("abcdefghij", 30)},
		{"Cyrillic, two octets each", strings.Repeat("Лавров", 40)},
		{"Arabic, two octets each", strings.Repeat("المفاوضات", 30)},
		{"emoji, four octets each", strings.Repeat("🙏", 70)},
		{"emoji sequences", strings.Repeat("🇺🇦👩🏾‍🚀", 20)},
		{"mixed widths at every offset", strings.Repeat("aЖ€🙏", 40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for shift := range 4 { // move the fold points across characters
				title := strings.Repeat("x", shift) + tt.title
				e := timeline.Event{ID: 1, Kind: timeline.KindCall, Date: exporttest.Date(t, "2025-06-21"),
					Title: title, Status: timeline.StatusReported}
				ics, _ := writeICal(t, export.Options{}, e)
				for _, p := range exporttest.CheckICalBytes(ics) {
					t.Errorf("shift %d: %s", shift, p)
				}
				if got := vevent(t, ics, "event-1@dateline")["SUMMARY"]; got != title {
					t.Errorf("shift %d: unfolded SUMMARY = %q, want %q", shift, got, title)
				}
			}
		})
	}
}

func TestICalEscapesText(t *testing.T) {
	tests := []struct {
		name, title, want string
	}{
		{"comma", "Fordow, Natanz", `Fordow\, Natanz`},
		{"semicolon", "talks; no deal", `talks\; no deal`},
		{"backslash", `C:\law`, `C:\\law`},
		{"colon and quotes stay", `Iran: "no"`, `Iran: "no"`},
		{"emoji stay", "🇺🇦 thanks", "🇺🇦 thanks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := timeline.Event{ID: 1, Kind: timeline.KindCall, Date: exporttest.Date(t, "2025-06-21"),
				Title: tt.title, Status: timeline.StatusReported}
			ics, _ := writeICal(t, export.Options{}, e)
			if got := vevent(t, ics, "event-1@dateline")["SUMMARY"]; got != tt.want {
				t.Errorf("SUMMARY:%s, want SUMMARY:%s", got, tt.want)
			}
		})
	}
	e := timeline.Event{ID: 1, Kind: timeline.KindCall, Date: exporttest.Date(t, "2025-06-21"), Title: "t",
		Summary: "a\r\nb\nc\\d", Status: timeline.StatusReported}
	ics, _ := writeICal(t, export.Options{}, e)
	if got := vevent(t, ics, "event-1@dateline")["DESCRIPTION"]; !strings.HasPrefix(got, `a\nb\nc\\d\n\nWhen:`) {
		t.Errorf("line breaks: DESCRIPTION:%s", got)
	}
}

func TestICalDates(t *testing.T) {
	tests := []struct {
		name, value string
		status      timeline.Status
		want        map[string]string // properties; "" means absent
	}{
		{"a day is an all-day event with an exclusive end", "2025-06-21", timeline.StatusReported, map[string]string{
			"DTSTART;VALUE=DATE": "20250621", "DTEND;VALUE=DATE": "20250622", "STATUS": "CONFIRMED", "SUMMARY": "Title"}},
		{"the last day of a year ends in the next", "2024-12-31", timeline.StatusReported, map[string]string{
			"DTSTART;VALUE=DATE": "20241231", "DTEND;VALUE=DATE": "20250101"}},
		{"a part of the day is all-day and says which part", "2025-07-03TMO", timeline.StatusReported, map[string]string{
			"DTSTART;VALUE=DATE": "20250703", "DTEND;VALUE=DATE": "20250704", "SUMMARY": "Title (morning)", "STATUS": "CONFIRMED"}},
		{"a time with its zone is an instant in UTC", "2025-06-21T15:35+05:30", timeline.StatusReported, map[string]string{
			"DTSTART": "20250621T100500Z", "DTEND;VALUE=DATE": "", "DTSTART;VALUE=DATE": "", "SUMMARY": "Title"}},
		{"a time west of UTC moves forward", "2025-07-03T18:31-04:00", timeline.StatusReported, map[string]string{
			"DTSTART": "20250703T223100Z"}},
		{"a time with its zone can fall on another day in UTC", "2025-05-10T01:00+03:00", timeline.StatusReported, map[string]string{
			"DTSTART": "20250509T220000Z"}},
		{"a time without a zone floats, never marked UTC, and says so", "2025-06-21T18:31", timeline.StatusReported, map[string]string{
			"DTSTART": "20250621T183100", "DTEND;VALUE=DATE": "", "DTSTART;VALUE=DATE": "",
			"SUMMARY": `Title (local time\, zone unknown)`}},
		{"the early hours are all-day and say so", "2025-05-10TEH", timeline.StatusReported, map[string]string{
			"DTSTART;VALUE=DATE": "20250510", "SUMMARY": "Title (early hours)"}},
		{"a month is tentative on its first day", "2025-06", timeline.StatusReported, map[string]string{
			"DTSTART;VALUE=DATE": "20250601", "DTEND;VALUE=DATE": "20250602", "STATUS": "TENTATIVE",
			"SUMMARY": "Title (exact day unknown)"}},
		{"a year too", "2024", timeline.StatusReported, map[string]string{
			"DTSTART;VALUE=DATE": "20240101", "DTEND;VALUE=DATE": "20240102", "STATUS": "TENTATIVE", "SUMMARY": "Title (exact day unknown)"}},
		{"a season too", "2024-WI", timeline.StatusReported, map[string]string{
			"DTSTART;VALUE=DATE": "20241201", "STATUS": "TENTATIVE", "SUMMARY": "Title (exact day unknown)"}},
		{"a quarter too", "2025-Q2", timeline.StatusReported, map[string]string{"DTSTART;VALUE=DATE": "20250401", "STATUS": "TENTATIVE"}},
		{"a week starts on its Monday", "2025-W01", timeline.StatusReported, map[string]string{
			"DTSTART;VALUE=DATE": "20241230", "STATUS": "TENTATIVE", "SUMMARY": "Title (exact day unknown)"}},
		{"an approximate day is tentative", "~2025-06-21", timeline.StatusReported, map[string]string{
			"DTSTART;VALUE=DATE": "20250621", "STATUS": "TENTATIVE", "SUMMARY": "Title (approximate date)"}},
		{"a planned event is tentative", "2025-08-15", timeline.StatusPlanned, map[string]string{
			"STATUS": "TENTATIVE", "SUMMARY": "Title (planned)"}},
		{"a denied event is cancelled", "2025-08-15", timeline.StatusNegated, map[string]string{
			"STATUS": "CANCELLED", "SUMMARY": "Title (did not happen)"}},
		{"year 1 is the first a calendar holds", "0001-01-01", timeline.StatusReported, map[string]string{
			"DTSTART;VALUE=DATE": "00010101", "DTEND;VALUE=DATE": "00010102"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := timeline.Event{ID: 5, Kind: timeline.KindCall, Date: exporttest.Date(t, tt.value), Title: "Title",
				Status: tt.status, Sequence: 2, UpdatedAt: time.Date(2025, 7, 3, 12, 0, 0, 0, time.FixedZone("EDT", -4*3600))}
			ics, skipped := writeICal(t, export.Options{}, e)
			if skipped != 0 {
				t.Fatalf("skipped %d", skipped)
			}
			props := vevent(t, ics, "event-5@dateline")
			for name, want := range tt.want {
				if got := props[name]; got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			for name, want := range map[string]string{
				"DTSTAMP": "20250703T160000Z", "SEQUENCE": "2", "TRANSP": "TRANSPARENT", "CATEGORIES": "call",
			} {
				if got := props[name]; got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		})
	}
}

func TestICalLeavesOutWhatACalendarCannotHold(t *testing.T) {
	_, events := exporttest.Tricky(t)
	ics, skipped := writeICal(t, export.Options{}, events...)
	if skipped != 2 {
		t.Errorf("skipped %d events, want the 2 of year 0 and 31 December 9999", skipped)
	}
	if n := bytes.Count(ics, []byte("BEGIN:VEVENT")); n != len(events)-2 {
		t.Errorf("%d VEVENTs for %d events", n, len(events))
	}
	for _, text := range []string{"before year 1", "last day a year"} {
		if bytes.Contains(ics, []byte(text)) {
			t.Errorf("the calendar holds %q", text)
		}
	}
	for value, want := range map[string]bool{
		"0000": false, "0000-12-31": false, "0001": true, "9999": true, "9999-12-30": true,
		"9999-12-31": false, "9999-12-31TNI": false, "9999-12-31T23:59": true,
		"0001-01-01T00:30+03:00": false, "0001-01-01T00:30-03:00": true, "9999-12-31T23:59-01:00": false,
	} {
		if got := export.CalendarCanHold(exporttest.Date(t, value)); got != want {
			t.Errorf("CalendarCanHold(%s) = %v, want %v", value, got, want)
		}
	}
}

// An unchanged event is written with the same bytes on every export, so
// the calendar's ETag and subscribers' copies stay valid.
func TestICalIsReproducible(t *testing.T) {
	_, events := exporttest.Tricky(t)
	first, _ := writeICal(t, export.Options{Title: "T"}, events...)
	second, _ := writeICal(t, export.Options{Title: "T"}, events...)
	if !bytes.Equal(first, second) {
		t.Error("two exports of the same events differ")
	}
}

// The calendar is read back by ical.js and libical without a single error,
// and both read the same text, dates and status that were written: the
// escaping and folding survive real parsers.
func TestICalParsesInIcalJSAndLibical(t *testing.T) {
	_, events := exporttest.Tricky(t)
	title := "Dateline · Strikes, calls; \\ 🙏🏽"
	ics, _ := writeICal(t, export.Options{Title: title}, events...)
	icaljs, libical := exporttest.ParseICal(t, ics)

	var want []timeline.Event
	for _, e := range events {
		if export.CalendarCanHold(e.Date) {
			want = append(want, e)
		}
	}
	for name, doc := range map[string]exporttest.ICalDoc{"ical.js": icaljs, "libical": libical} {
		t.Run(name, func(t *testing.T) {
			if v := doc.Calendar.Version; v == nil || *v != "2.0" {
				t.Errorf("VERSION = %v", v)
			}
			for prop, got := range map[string]*string{
				"NAME": doc.Calendar.Name, "X-WR-CALNAME": doc.Calendar.XWRCalName,
				"REFRESH-INTERVAL": doc.Calendar.RefreshInterval, "X-PUBLISHED-TTL": doc.Calendar.XPublishedTTL,
			} {
				if got == nil || *got == "" {
					t.Errorf("%s is missing", prop)
				}
			}
			if got := *doc.Calendar.RefreshInterval; got != "PT6H" {
				t.Errorf("REFRESH-INTERVAL = %s", got)
			}
			if len(doc.Events) != len(want) {
				t.Fatalf("%d events, want %d", len(doc.Events), len(want))
			}
			for i, got := range doc.Events {
				e := want[i]
				if got.UID != fmt.Sprintf("event-%d@dateline", e.ID) {
					t.Errorf("event %d: UID %s", e.ID, got.UID)
				}
				if !strings.HasPrefix(got.Summary, e.Title) {
					t.Errorf("event %d: SUMMARY %q does not start with the title %q", e.ID, got.Summary, e.Title)
				}
				summary := strings.ReplaceAll(strings.TrimSpace(e.Summary), "\r\n", "\n")
				if !strings.HasPrefix(got.Description, summary) {
					t.Errorf("event %d: DESCRIPTION %q does not start with the summary %q", e.ID, got.Description, summary)
				}
				for _, m := range e.Mentions {
					if !strings.Contains(got.Description, m.Quote) || !strings.Contains(got.Description, m.Article.URL) {
						t.Errorf("event %d: DESCRIPTION %q lacks the quote or source", e.ID, got.Description)
					}
				}
				if !strings.Contains(got.Description, e.Date.String()) {
					t.Errorf("event %d: DESCRIPTION does not say %q", e.ID, e.Date.String())
				}
				if got.Sequence != e.Sequence || got.DTStamp != e.UpdatedAt.UTC().Format("20060102T150405Z") {
					t.Errorf("event %d: SEQUENCE %d DTSTAMP %s", e.ID, got.Sequence, got.DTStamp)
				}
				if !reflect.DeepEqual(got.Categories, []string{string(e.Kind)}) || *got.Transp != "TRANSPARENT" {
					t.Errorf("event %d: CATEGORIES %v TRANSP %v", e.ID, got.Categories, *got.Transp)
				}
				start := e.Date.Start()
				if e.Date.Precision() == timeline.PrecisionMinute {
					// a known zone gives the moment in UTC; none, a floating time
					want := start.Format("20060102T150405")
					if at, ok := e.Date.Instant(); ok {
						want = at.Format("20060102T150405Z")
					}
					if got.AllDay || got.DTStart != want || got.End != got.DTStart {
						t.Errorf("event %d: want the instant %s, got %+v", e.ID, want, got)
					}
				} else if !got.AllDay || got.DTStart != start.Format("20060102") ||
					got.DTEnd == nil || *got.DTEnd != start.AddDate(0, 0, 1).Format("20060102") {
					t.Errorf("event %d (%s): want all day %s, got %+v", e.ID, e.Date.Value(), start.Format("20060102"), got)
				}
			}
		})
	}
	if !reflect.DeepEqual(icaljs.Events, libical.Events) {
		for i := range icaljs.Events {
			if !reflect.DeepEqual(icaljs.Events[i], libical.Events[i]) {
				t.Errorf("ical.js and libical disagree:\n%+v\n%+v", icaljs.Events[i], libical.Events[i])
			}
		}
	}
}
