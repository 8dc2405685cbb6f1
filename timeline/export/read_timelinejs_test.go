package export_test

import (
	"os"
	"strings"
	"testing"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
)

func readTemplate(t *testing.T, opts export.TimelineJSOptions) (export.Import, []export.RowError) {
	t.Helper()
	f, err := os.Open("testdata/timelinejs-template.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	imp, bad, err := export.ReadTimelineJSCSV(f, opts)
	if err != nil {
		t.Fatal(err)
	}
	return imp, bad
}

func TestReadTimelineJSCSVTurnsRowsIntoEvents(t *testing.T) {
	imp, _ := readTemplate(t, export.TimelineJSOptions{})
	tests := []struct {
		title, date string
		kind        timeline.Kind
		summary     string
		sourceURL   string
	}{
		{"Israel strikes Iran", "2025-06-13", timeline.KindStrike,
			"Operation Rising Lion begins; nuclear sites hit.\n\nSecond paragraph, with a comma.\n\nUntil 24 June 2025.\n\nSource: Reuters.",
			"https://example.com/rising-lion.jpg"},
		{"Bombers cross into Iranian airspace", "2025-06-21T18:31", timeline.KindStrike, "At a known minute.", ""},
		{"Talks stall", "2025-06", timeline.KindMeeting, "", ""},
		{"Sanctions tightened", "~2025", timeline.KindSanction, "", ""},
		{"An evening statement", "2025-06-22T18:05", timeline.KindStatement, "Line one\nLine two & more", ""},
	}
	if len(imp.Events) != len(tests) {
		t.Fatalf("%d events, want %d: %+v", len(imp.Events), len(tests), imp.Events)
	}
	for i, tt := range tests {
		e := imp.Events[i]
		if e.Title != tt.title || e.Date.Value() != tt.date || e.Kind != tt.kind || e.Summary != tt.summary || e.SourceURL != tt.sourceURL {
			t.Errorf("event %d = %q %s %s %q %q\nwant       %q %s %s %q %q", i,
				e.Title, e.Date.Value(), e.Kind, e.Summary, e.SourceURL, tt.title, tt.date, tt.kind, tt.summary, tt.sourceURL)
		}
		if e.Origin != timeline.ByImport || e.Status != timeline.StatusReported || e.Confidence != 1 {
			t.Errorf("event %d: origin %s status %s confidence %v", i, e.Origin, e.Status, e.Confidence)
		}
	}
	if imp.Skipped != 2 {
		t.Errorf("skipped %d rows, want the title slide and the era", imp.Skipped)
	}
}

func TestReadTimelineJSCSVExplainsEachBadRow(t *testing.T) {
	_, bad := readTemplate(t, export.TimelineJSOptions{})
	want := []struct{ row, says string }{
		{"row 9", "Day: 30 February 2025 does not exist"},
		{"row 10", `Year: "20x5" is not a whole number`},
		{"row 11", "Headline: must not be empty"},
		{"row 12", `Group: "Politics" is not a kind of event (call, meeting,`},
		{"row 14", "the end (23 June 2025) is before the start (24 June 2025)"},
		{"row 15", "Month: empty, but a day or time is given"},
		{"row 16", "Year: -500 is outside the years Dateline stores"},
	}
	if len(bad) != len(want) {
		t.Errorf("%d bad rows, want %d: %v", len(bad), len(want), bad)
	}
	for i := range min(len(bad), len(want)) {
		if bad[i].Row != want[i].row || !strings.Contains(bad[i].Message, want[i].says) {
			t.Errorf("%s: %s\nwant %s saying %q", bad[i].Row, bad[i].Message, want[i].row, want[i].says)
		}
	}
}

func TestReadTimelineJSCSVDefaultKind(t *testing.T) {
	imp, bad := readTemplate(t, export.TimelineJSOptions{DefaultKind: timeline.KindStatement})
	for _, b := range bad {
		if b.Row == "row 12" {
			t.Errorf("with a default kind, row 12 is still bad: %s", b.Message)
		}
	}
	last := imp.Events[len(imp.Events)-1]
	if last.Title != "A group that is no kind" || last.Kind != timeline.KindStatement {
		t.Errorf("last event = %q %s", last.Title, last.Kind)
	}
}

func TestReadTimelineJSCSVReadsWhatSpreadsheetsSave(t *testing.T) {
	tests := []struct {
		name, csv string
		titles    []string
	}{
		{"a byte order mark and odd header case", "\uFEFFyear,MONTH, Headline ,group\n2025,6,Talks,meeting\n", []string{"Talks"}},
		{"trailing empty cells dropped", "Year,Month,Day,Headline,Group,Background\n2025,6,21,Strike,strike\n", []string{"Strike"}},
		{"columns in another order", "Group,Headline,Year\ncall,Call,2025\n", []string{"Call"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			imp, bad, err := export.ReadTimelineJSCSV(strings.NewReader(tt.csv), export.TimelineJSOptions{})
			if err != nil || len(bad) > 0 {
				t.Fatalf("%v %v", bad, err)
			}
			var got []string
			for _, e := range imp.Events {
				got = append(got, e.Title)
			}
			if strings.Join(got, "|") != strings.Join(tt.titles, "|") {
				t.Errorf("events %v, want %v", got, tt.titles)
			}
		})
	}
	for _, doc := range []string{"", "Name,Date\nx,2025\n", "Year,Headline\n2025,\"broken\n"} {
		if _, _, err := export.ReadTimelineJSCSV(strings.NewReader(doc), export.TimelineJSOptions{}); err == nil {
			t.Errorf("ReadTimelineJSCSV(%q) accepted it", doc)
		}
	}
}
