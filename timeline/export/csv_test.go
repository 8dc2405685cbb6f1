package export_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
	"github.com/dateline/dateline/timeline/export/exporttest"
)

func writeAll(t *testing.T, w export.EventWriter, events []timeline.Event) {
	t.Helper()
	for _, e := range events {
		if err := w.WriteEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestCSVIsRFC4180AndSpreadsheetFriendly(t *testing.T) {
	_, events := exporttest.Tricky(t)
	var buf bytes.Buffer
	writeAll(t, export.NewCSV(&buf), events)
	out := buf.Bytes()
	if !bytes.HasPrefix(out, []byte("\uFEFFid,date,precision,")) {
		t.Errorf("starts %q, want a UTF-8 byte order mark and the header", out[:20])
	}
	if !utf8.Valid(out) {
		t.Error("not UTF-8")
	}
	// Every record ends in CRLF; LF alone appears only inside quoted cells.
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Error("does not end in CRLF")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\uFEFF"))))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read it: %v", err)
	}
	if !slices.Equal(rows[0], export.CSVHeader) || len(rows) != len(events)+1 {
		t.Fatalf("header %v, %d rows", rows[0], len(rows))
	}
	col := func(row []string, name string) string { return row[slices.Index(export.CSVHeader, name)] }
	tests := []struct {
		row           int // 1 is the first event
		column, value string
	}{
		{1, "date", "2025-07-03TMO"},
		{1, "precision", "day"},
		{1, "date_text", "morning of 3 July 2025"},
		{1, "first_day", "2025-07-03"},
		{1, "last_day", "2025-07-03"},
		{1, "actors", "Donald Trump; Vladimir Putin"},
		{1, "confidence", "0.9"},
		{1, "source_urls", events[0].Mentions[0].Article.URL},
		{1, "sources", "1"},
		{1, "quote", "President Trump said that he had made no progress toward ending the war in Ukraine during a roughly hourlong conversation with President Vladimir V. Putin of Russia on Thursday morning."},
		{1, "article_title", "Trump Says Call With Putin Yields No Progress on Ending Ukraine War"},
		{1, "article_publisher", "The New York Times"},
		{1, "article_published", "2025-07-03"},
		{1, "article_url", events[0].Mentions[0].Article.URL},
		{4, "quote", ""},
		{4, "article_url", ""},
		// encoding/csv reads a quoted CRLF back as LF.
		{4, "summary", "First line, with a comma; and a semicolon.\nSecond line after CRLF.\nThird line \\ with a backslash."},
		{8, "date", "2025-06"},
		{8, "first_day", "2025-06-01"},
		{8, "last_day", "2025-06-30"},
		{8, "summary", `'=HYPERLINK("http://evil")`},
		{9, "title", "'+1 for the new government"},
		{9, "summary", "'@mention -minus"},
		{13, "time", "18:31"},
		{13, "first_day", "2025-06-21"},
		{14, "date", "~2025-06-22"},
		{14, "date_text", "about 22 June 2025"},
	}
	for _, tt := range tests {
		if got := col(rows[tt.row], tt.column); got != tt.value {
			t.Errorf("row %d %s = %q, want %q", tt.row, tt.column, got, tt.value)
		}
	}
}

func TestTimelineJSDatesUseOnlyTheKnownParts(t *testing.T) {
	tests := []struct {
		value   string
		date    string // the start_date object
		display string // the slide's display_date
	}{
		{"2025", `{"year":"2025"}`, ""},
		{"2025-06", `{"year":"2025","month":"6"}`, ""},
		{"2025-06-21", `{"year":"2025","month":"6","day":"21"}`, ""},
		{"2025-06-21T18:31", `{"year":"2025","month":"6","day":"21","hour":"18","minute":"31","display_date":"21 June 2025, 18:31 (zone unknown)"}`,
			"21 June 2025, 18:31 (zone unknown)"},
		{"2025-06-21T00:05", `{"year":"2025","month":"6","day":"21","hour":"0","minute":"5","display_date":"21 June 2025, 00:05 (zone unknown)"}`,
			"21 June 2025, 00:05 (zone unknown)"},
		{"2025-06-21T15:35+05:30", `{"year":"2025","month":"6","day":"21","hour":"15","minute":"35","display_date":"21 June 2025, 15:35 UTC+05:30"}`,
			"21 June 2025, 15:35 UTC+05:30"},
		{"2025-07-03TMO", `{"year":"2025","month":"7","day":"3","display_date":"morning of 3 July 2025"}`, "morning of 3 July 2025"},
		{"~2025-06-22", `{"year":"2025","month":"6","day":"22","display_date":"about 22 June 2025"}`, "about 22 June 2025"},
		{"~2025", `{"year":"2025","display_date":"about 2025"}`, "about 2025"},
		{"2025-SU", `{"year":"2025","month":"6","display_date":"summer 2025"}`, "summer 2025"},
		{"2025-Q3", `{"year":"2025","month":"7","display_date":"Q3 2025"}`, "Q3 2025"},
		{"2025-W01", `{"year":"2024","month":"12","day":"30","display_date":"week of 30 December 2024"}`, "week of 30 December 2024"},
		{"0044-03", `{"year":"44","month":"3"}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			e := timeline.Event{ID: 3, Kind: timeline.KindCall, Date: exporttest.Date(t, tt.value), Title: "T", Status: timeline.StatusReported}
			var buf bytes.Buffer
			writeAll(t, export.NewTimelineJS(&buf, export.Options{}), []timeline.Event{e})
			want := `"start_date":` + tt.date
			if tt.display != "" {
				want += `,"display_date":"` + tt.display + `"`
			}
			if !bytes.Contains(buf.Bytes(), []byte(want+`,"text"`)) {
				t.Errorf("slide %s\nwant %s", buf.Bytes(), want)
			}
		})
	}
}
