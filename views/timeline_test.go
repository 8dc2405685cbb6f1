package views

import (
	"bytes"
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
	"github.com/dateline/dateline/timeline"
)

func renderDoc(t *testing.T, c templ.Component) *goquery.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func texts(sel *goquery.Selection) []string {
	return sel.Map(func(_ int, s *goquery.Selection) string { return s.Text() })
}

func mustDate(t *testing.T, v string) timeline.Date {
	t.Helper()
	d, err := timeline.ParseDate(v)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestTimelinePageShowsDatesHonestlyAndGroupsByMonth(t *testing.T) {
	events := []timeline.Event{
		{ID: 1, Kind: timeline.KindLeadership, Date: mustDate(t, "2025"), Title: "A year only", Status: timeline.StatusReported},
		{ID: 2, Kind: timeline.KindStrike, Date: mustDate(t, "2025-06"), Title: "A month only", Status: timeline.StatusReported},
		{ID: 3, Kind: timeline.KindStrike, Date: mustDate(t, "2025-06-21"), Title: "A day", Status: timeline.StatusReported,
			Actors: []timeline.Actor{{Name: "United States"}, {Name: "Iran"}}},
		{ID: 4, Kind: timeline.KindCall, Date: mustDate(t, "2025-07-03TMO"), Title: "A morning", Status: timeline.StatusPlanned},
		{ID: 5, Kind: timeline.KindStrike, Date: mustDate(t, "2025-07-05TEH"), Title: "Early hours", Status: timeline.StatusReported},
		{ID: 6, Kind: timeline.KindCall, Date: mustDate(t, "2025-07-05T15:35+05:30"), Title: "A time in Delhi", Status: timeline.StatusReported},
		{ID: 7, Kind: timeline.KindCall, Date: mustDate(t, "2025-07-05T18:31"), Title: "A time in no zone", Status: timeline.StatusReported},
	}
	doc := renderDoc(t, TimelinePage(TimelineModel{Years: groupByYear(groupByMonth(events))}))

	if got := texts(doc.Find(`[data-testid=year] > h2`)); !slices.Equal(got, []string{"2025"}) {
		t.Errorf("year headings = %v", got)
	}
	if got := texts(doc.Find(`[data-testid=group] h3`)); !slices.Equal(got, []string{"2025, month unknown", "June 2025", "July 2025"}) {
		t.Errorf("month headings = %v", got)
	}
	want := []string{"2025", "June 2025", "21 June 2025", "morning of 3 July 2025", "early hours of 5 July 2025",
		"5 July 2025, 15:35 UTC+05:30", "5 July 2025, 18:31 (zone unknown)"}
	if got := texts(doc.Find(`[data-testid=event-date]`)); !slices.Equal(got, want) {
		t.Errorf("dates = %v, want %v", got, want)
	}
	if v, _ := doc.Find(`[data-testid=event-date]`).Eq(3).Attr("datetime"); v != "2025-07-03TMO" {
		t.Errorf("machine-readable date = %q", v)
	}
	// a time with its zone is a global date and time to HTML
	if v, _ := doc.Find(`[data-testid=event-date]`).Eq(5).Attr("datetime"); v != "2025-07-05T15:35+05:30" {
		t.Errorf("machine-readable zoned time = %q", v)
	}
	actors := doc.Find(`[data-testid=event-actor]`)
	if got := texts(actors); !slices.Equal(got, []string{"United States", "Iran"}) {
		t.Errorf("actors = %v", got)
	}
	if href, _ := actors.First().Attr("href"); href != "/?actor=United+States" {
		t.Errorf("actor link = %q, want a filter link", href)
	}
	if got := doc.Find(`[data-kind=call] [data-testid=status-marker]`).Text(); got != "Planned" {
		t.Errorf("planned event marker = %q", got)
	}
	if doc.Find(`[data-testid=empty]`).Length() != 0 {
		t.Error("empty state shown with events")
	}
}

func TestTimelinePageEmptyStates(t *testing.T) {
	doc := renderDoc(t, TimelinePage(TimelineModel{FirstPage: true}))
	if got := doc.Find(`[data-testid=empty]`).Text(); !bytes.Contains([]byte(got), []byte("No events yet")) {
		t.Errorf("empty timeline says %q", got)
	}
	doc = renderDoc(t, TimelinePage(TimelineModel{Filter: timeline.Filter{Text: "nothing"}}))
	if got := doc.Find(`[data-testid=empty]`).Text(); !bytes.Contains([]byte(got), []byte("No events match")) {
		t.Errorf("empty filtered timeline says %q", got)
	}
	if v, _ := doc.Find(`[data-testid=filter-q]`).Attr("value"); v != "nothing" {
		t.Errorf("search box lost the query: %q", v)
	}
}

func TestTimelinePageEscapesText(t *testing.T) {
	events := []timeline.Event{{ID: 1, Kind: timeline.KindStatement, Date: mustDate(t, "2025"),
		Title: `<script>alert(1)</script>`, Status: timeline.StatusReported}}
	doc := renderDoc(t, TimelinePage(TimelineModel{Years: groupByYear(groupByMonth(events))}))
	if doc.Find("main script").Length() != 0 {
		t.Fatal("a title became a script element")
	}
	if got := doc.Find(`[data-testid=event-title]`).Text(); got != `<script>alert(1)</script>` {
		t.Errorf("title = %q, want the text shown as text", got)
	}
}

func TestParseFilter(t *testing.T) {
	f, _, err := parseFilter(map[string][]string{
		"q": {"nuclear"}, "kind": {"strike", "call", ""}, "actor": {"Iran"},
		"from": {"2025-06"}, "to": {"2025-07-03"}, "order": {"newest"}, "limit": {"20"},
	}, thursday)
	if err != nil {
		t.Fatal(err)
	}
	if f.Text != "nuclear" || !slices.Equal(f.Kinds, []timeline.Kind{"strike", "call"}) ||
		!slices.Equal(f.Actors, []string{"Iran"}) || f.From.Value() != "2025-06" ||
		f.To.Value() != "2025-07-03" || f.Order != timeline.NewestFirst || f.Limit != 20 {
		t.Errorf("filter = %+v", f)
	}
	for name, q := range map[string]map[string][]string{
		"unknown kind":       {"kind": {"war"}},
		"damaged cursor":     {"after": {"!!"}},
		"negative page size": {"limit": {"-1"}},
	} {
		if _, _, err := parseFilter(q, thursday); err == nil || timeline.FieldErrors(err) != nil {
			t.Errorf("%s: %v, want a bad request", name, err)
		}
	}
}

// The date range takes dates as every other date field does, and says
// what is wrong with one next to its field.
func TestTheDateRangeReadsDatesAsPeopleWriteThem(t *testing.T) {
	tests := []struct {
		name, from, to string
		wantFrom       string // the filter's value
		wantTo         string
		errField       string
		says           string
	}{
		{"values", "2025-06", "2025-07-03", "2025-06", "2025-07-03", "", ""},
		{"words", "June 2025", "July 3, 2025", "2025-06", "2025-07-03", "", ""},
		{"relative to today", "last week", "", "2025-W27", "", "", ""}, // thursday is 10 July 2025
		{"a season", "spring 2024", "2025", "2024-SP", "2025", "", ""},
		{"a date that is not one", "2025-02-30", "", "", "", "from", "is not a date"},
		{"words that are not a date", "", "soonish", "", "", "to", "is not a date"},
		{"a range that ends first", "July 2025", "June 2025", "", "", "to", "June 2025 is before July 2025, where the range starts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, dates, err := parseFilter(url.Values{"from": {tt.from}, "to": {tt.to}}, thursday)
			if tt.errField != "" {
				v := timeline.FieldErrors(err)
				if v == nil || !strings.Contains(v.Field(tt.errField), tt.says) {
					t.Fatalf("error %v, want %s: %q", err, tt.errField, tt.says)
				}
				return
			}
			if err != nil || f.From.Value() != tt.wantFrom || f.To.Value() != tt.wantTo {
				t.Errorf("from %q to %q, %v; want %q to %q", f.From.Value(), f.To.Value(), err, tt.wantFrom, tt.wantTo)
			}
			if dates.From != tt.from || dates.To != tt.to {
				t.Errorf("typed %q and %q, kept %q and %q", tt.from, tt.to, dates.From, dates.To)
			}
		})
	}
}
