package views

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline"
)

// An event's mention leads to its place in the article, which shows the
// article as a reader sees it with its events' sentences marked.
func TestAMentionLeadsToItsPlaceInTheArticle(t *testing.T) {
	s := newSite(t)
	s.addArticles("grain-corridor.txt")
	href, _ := s.get("/?kind=strike").find(`[data-testid=event-title]`).Attr("href")
	ev := s.get(href)
	if strings.Contains(ev.text("main"), "Bytes") {
		t.Errorf("the event page speaks of bytes: %q", ev.text(`[data-testid=mention]`))
	}
	link, ok := ev.find(`[data-testid=mention-in-article]`).Attr("href")
	if !ok {
		t.Fatal("no link to the article")
	}
	page := s.get(link)
	if page.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d", link, page.StatusCode)
	}
	anchor := link[strings.Index(link, "#")+1:]
	mark := page.find("#" + anchor).Next()
	if goquery := mark.Text(); !strings.HasPrefix(goquery, "Russia struck the port of Odesa on March 2") {
		t.Errorf("the link lands on %q", goquery)
	}
	if got := page.text(`[data-testid=article-title]`); got != "Turkey and Ukraine Extend Grain Corridor Deal" {
		t.Errorf("title = %q", got)
	}
	// one marked sentence for each event the article gave (each told in
	// one sentence of its own)
	if n, events := page.find(`[data-testid=article-mark]`).Length(), s.get("/").find(`[data-testid=event-title]`).Length(); n != events || n == 0 {
		t.Errorf("%d sentences marked, want one for each of the %d events", n, events)
	}
	if !strings.Contains(page.text(`[data-testid=article-text]`), "met in Ankara") {
		t.Errorf("the article's text is not shown: %q", page.text(`[data-testid=article-text]`))
	}
	if p := s.get("/articles/999999"); p.StatusCode != http.StatusNotFound {
		t.Errorf("a missing article: %d", p.StatusCode)
	}
}

func TestParagraphsMarkTheQuotes(t *testing.T) {
	body := "First paragraph, no event.\n\nLeaders met on Monday. They spoke again on Tuesday.\nA second line."
	meet := strings.Index(body, "Leaders met")
	spoke := strings.Index(body, "They spoke")
	mentions := []timeline.Mention{
		{EventID: 1, Start: meet, End: spoke - 1},
		{EventID: 2, Start: meet + len("Leaders "), End: spoke + len("They spoke")},
	}
	paras := paragraphs(body, mentions)
	if len(paras) != 2 {
		t.Fatalf("%d paragraphs", len(paras))
	}
	var got []string
	for _, r := range paras[1] {
		got = append(got, fmt.Sprintf("%q%v%v%v", r.Text, r.Events, r.Ends, r.Anchors))
	}
	want := []string{
		fmt.Sprintf(`"Leaders "[1][][at-%d]`, meet),
		fmt.Sprintf(`"met on Monday."[1 2][1][at-%d]`, meet+len("Leaders ")),
		`" They spoke"[2][2][]`,
		`" again on Tuesday.\nA second line."[][][]`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("runs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	page := `<html><body><p>Intro.</p><p>Talks in 2024&ndash;2025 <a href="/x">ended</a>.</p></body></html>`
	start := strings.Index(page, "Talks")
	end := strings.Index(page, "ended</a>") + len("ended</a>")
	html := paragraphs(page, []timeline.Mention{{EventID: 3, Start: start, End: end}})
	if len(html) != 2 || html[1][0].Text != "Talks in 2024–2025 ended" || html[1][1].Text != "." {
		t.Errorf("a web page's paragraphs: %+v", html)
	}
}

// The timeline pages fifty events at a time, oldest first: the latest are
// a jump away, and the whole selection prints from one page.
func TestTheLatestEventsAndThePrintView(t *testing.T) {
	s := newSite(t)
	for i := range 7 {
		s.create(handEvent(t, timeline.KindMeeting, fmt.Sprintf("2025-06-%02d", 10+i), fmt.Sprintf("Event %d", i), "Envoy"))
	}
	s.create(handEvent(t, timeline.KindCall, "2025-06-30", "A call", "Other"))
	first := s.get("/?limit=3&actor=Envoy")
	href, ok := first.find(`[data-testid=latest]`).Attr("href")
	if !ok {
		t.Fatal("no jump to the latest events")
	}
	latest := s.get(href)
	if got := texts(latest.find(`[data-testid=event-title]`)); !slices.Equal(got, []string{"Event 4", "Event 5", "Event 6"}) {
		t.Errorf("the latest events: %v", got)
	}
	if latest.find(`[data-testid=next]`).Length() != 0 || latest.find(`[data-testid=latest]`).Length() != 0 {
		t.Error("the last page links further on")
	}
	prev, _ := latest.find(`[data-testid=prev]`).Attr("href")
	if got := texts(s.get(prev).find(`[data-testid=event-title]`)); !slices.Equal(got, []string{"Event 1", "Event 2", "Event 3"}) {
		t.Errorf("before the latest: %v", got)
	}
	if s.get("/?order=newest&limit=3").find(`[data-testid=latest]`).Length() != 0 {
		t.Error("newest first offers a jump to the latest")
	}

	printURL, _ := first.find(`[data-testid=print-view]`).Attr("href")
	printed := s.get(printURL)
	if got := texts(printed.find(`[data-testid=event-title]`)); len(got) != 7 || got[0] != "Event 0" || got[6] != "Event 6" {
		t.Errorf("the print view shows %v", got)
	}
	if got := printed.text(`[data-testid=print-headline]`); got != "Envoy" {
		t.Errorf("headline = %q", got)
	}
	if got := printed.text(`[data-testid=print-count]`); got != "7 events, from Dateline." {
		t.Errorf("count = %q", got)
	}
}

func TestThePrintViewIsBounded(t *testing.T) {
	s := newSite(t)
	for i := range 3 {
		s.create(handEvent(t, timeline.KindMeeting, fmt.Sprintf("2025-06-%02d", 10+i), fmt.Sprintf("Event %d", i), "Envoy"))
	}
	defer func(n int) { maxPrintEventsForTest(n) }(maxPrintEventsForTest(2))
	printed := s.get("/print")
	if n := printed.find(`[data-testid=event]`).Length(); n != 2 || !strings.Contains(printed.text(`[data-testid=print-count]`), "The first 2 events") {
		t.Errorf("%d events, %q", n, printed.text(`[data-testid=print-count]`))
	}
}

// A date range typed wrong comes back next to its field, with the other
// filters kept; one typed as people write dates is read so.
func TestFilterDatesAreReadAndTheirProblemsShownInPlace(t *testing.T) {
	s := newSite(t)
	s.create(handEvent(t, timeline.KindStrike, "2025-06-13", "Israel strikes Iran", "Israel", "Iran"))
	s.create(handEvent(t, timeline.KindCall, "2025-07-03", "Trump and Putin speak", "Donald Trump"))

	june := s.get("/?" + url.Values{"from": {"June 2025"}, "to": {"June 30, 2025"}}.Encode())
	if got := texts(june.find(`[data-testid=event-title]`)); !slices.Equal(got, []string{"Israel strikes Iran"}) {
		t.Errorf("June 2025: %v", got)
	}
	if v, _ := june.find(`[data-testid=filter-from]`).Attr("value"); v != "June 2025" {
		t.Errorf("the field shows %q, not what was typed", v)
	}
	if got := june.text(`[data-testid=filter-to-reading]`); !strings.Contains(got, "30 June 2025") {
		t.Errorf("reading = %q", got)
	}

	tests := []struct {
		name        string
		query       url.Values
		field, says string
	}{
		{"not a date", url.Values{"from": {"the day after never"}, "actor": {"Iran"}, "kind": {"strike"}}, "from", "is not a date"},
		{"reversed", url.Values{"from": {"July 2025"}, "to": {"June 2025"}, "actor": {"Iran"}, "kind": {"strike"}}, "to", "June 2025 is before July 2025, where the range starts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := s.get("/?" + tt.query.Encode())
			if p.StatusCode != http.StatusBadRequest {
				t.Errorf("status %d", p.StatusCode)
			}
			if got := p.text(`[data-testid=error-` + tt.field + `]`); !strings.Contains(got, tt.says) {
				t.Errorf("next to %s: %q", tt.field, got)
			}
			if strings.Contains(p.text("main"), "invalid:") {
				t.Errorf("a programmer's message: %q", p.text("main"))
			}
			form := formValues(p.doc, `[data-testid=filters]`)
			if !slices.Contains(form["actor"], "Iran") || !slices.Contains(form["kind"], "strike") || form.Get(tt.field) != tt.query.Get(tt.field) {
				t.Errorf("the form lost the filters: %v", form)
			}
			if _, open := p.find(`[data-testid=filter-panel]`).Attr("open"); !open {
				t.Error("the filters are folded over their problem")
			}
			if p.find(`[data-testid=event]`).Length() != 0 {
				t.Error("events shown under a broken filter")
			}
		})
	}
}

// "06/07/2025" reads month first, and says so, and what to write for the
// other date; a review of a page in British English reads it day first.
func TestAmbiguousNumericDatesAreFlagged(t *testing.T) {
	ref := time.Date(2025, 7, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text     string
		dayFirst bool
		value    string
		note     string
	}{
		{"06/07/2025", false, "2025-06-07", "“06/07/2025” is read month first (as in the United States): 7 June 2025. If you meant 6 July 2025, write it so, or as 2025-07-06."},
		{"06/07/2025", true, "2025-07-06", "“06/07/2025” is read day first (as the article's page writes dates): 6 July 2025. If you meant 7 June 2025, write it so, or as 2025-06-07."},
		{"6/7/25", false, "2025-06-07", "If you meant 6 July 2025"},
		{"13/07/2025", false, "2025-07-13", ""},
		{"07/07/2025", false, "2025-07-07", ""},
		{"06.07.2025", false, "2025-07-06", ""},
		{"June 7, 2025", false, "2025-06-07", ""},
	}
	for _, tt := range tests {
		r := readTyped(tt.text, ref, tt.dayFirst)
		if r.Error != "" || r.Date.Value() != tt.value || !strings.Contains(r.Note, tt.note) || (tt.note == "") != (r.Note == "") {
			t.Errorf("%q (day first %v) = %s, %q, %q; want %s, %q", tt.text, tt.dayFirst, r.Date.Value(), r.Note, r.Error, tt.value, tt.note)
		}
	}
	for lang, want := range map[string]bool{"en-GB": true, "fr": true, "de-DE": true, "en-US": false, "en": false, "": false, "en_us": false} {
		if got := dayFirstLanguage(lang); got != want {
			t.Errorf("dayFirstLanguage(%q) = %v", lang, got)
		}
	}

	s := newSite(t)
	p := s.get("/dates/parse?q=" + url.QueryEscape("06/07/2025"))
	if got := p.text(`[data-testid=date-note]`); !strings.Contains(got, "If you meant 6 July 2025") {
		t.Errorf("the preview's note = %q", got)
	}
	tl := s.get("/?" + url.Values{"from": {"06/07/2025"}}.Encode())
	if got := tl.text(`[data-testid=filter-from-reading]`); !strings.Contains(got, "If you meant 6 July 2025") {
		t.Errorf("the filter's note = %q", got)
	}
}

// Words run together where templ joined elements: a space before "·
// reported by", none before a full stop.
func TestSmallWording(t *testing.T) {
	s := newSite(t)
	s.addArticles("grain-corridor.txt", "odesa-port.txt")
	tl := s.get("/?kind=strike")
	if got := tl.text(`[data-testid=event-source]`); !strings.Contains(got, "2024 · reported by 2 sources") {
		t.Errorf("source line = %q", got)
	}
	href, _ := tl.find(`[data-testid=event-title]`).Attr("href")
	del := s.get(href + "/delete")
	lead := strings.Join(strings.Fields(del.text(".lead")), " ")
	if !strings.Contains(lead, "the articles stay. This cannot be undone.") || strings.Contains(lead, " .") {
		t.Errorf("delete page: %q", lead)
	}
}

// maxPrintEventsForTest sets maxPrintEvents and returns the old value.
func maxPrintEventsForTest(n int) int {
	old := maxPrintEvents
	maxPrintEvents = n
	return old
}

// A year with one event stands out from an empty one even beside a year
// of hundreds: heights grow with the square root of the count, from a
// fifth of the strip.
func TestTheStripShowsWhereEventsAre(t *testing.T) {
	year := func(y, n int) timeline.MonthCount {
		return timeline.MonthCount{Month: time.Date(y, time.March, 1, 0, 0, 0, 0, time.UTC), Events: n}
	}
	o := buildOverview([]timeline.MonthCount{year(2014, 1), year(2019, 25), year(2025, 400)}, timeline.Filter{})
	if o.Unit != "year" || len(o.Bars) != 3 {
		t.Fatalf("%s strip of %d bars", o.Unit, len(o.Bars))
	}
	one, some, most := o.Bars[0].Height, o.Bars[1].Height, o.Bars[2].Height
	if one < overviewHeight/5 || !(one < some && some < most) || most != overviewHeight-2 {
		t.Errorf("heights %.1f, %.1f, %.1f of %.0f", one, some, most, overviewHeight)
	}
	for _, b := range o.Bars {
		if b.Y+b.Height != overviewHeight {
			t.Errorf("a bar does not stand on the axis: %+v", b)
		}
	}
}

// addArticles pastes each test article and accepts what the review
// proposes.
func (s *site) addArticles(names ...string) {
	s.t.Helper()
	for _, name := range names {
		review := s.paste(string(article(s.t, name)), "")
		s.follow(s.post("/articles/accept", formValues(review.doc, `[data-testid=review-form]`), nil))
	}
}
