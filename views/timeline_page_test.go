package views

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline"
)

func TestTimelineEventShowsItsEvidence(t *testing.T) {
	article := &timeline.Article{ID: 7, Title: "Trump Says Call With Putin Yields No Progress", Publisher: "The Daily Example",
		URL: "https://news.example/call", Published: mustDate(t, "2025-07-03")}
	merged := timeline.Event{ID: 1, Kind: timeline.KindCall, Date: mustDate(t, "2025-07-03TMO"), Title: "Trump and Putin speak",
		Status: timeline.StatusReported, Origin: timeline.ByExtractor, Confidence: 0.9, Sources: 3,
		Actors:   []timeline.Actor{{Name: "Donald Trump"}, {Name: "Vladimir Putin"}},
		Mentions: []timeline.Mention{{Quote: "They spoke on Thursday morning.", Article: article}}}
	weak := timeline.Event{ID: 2, Kind: timeline.KindStatement, Date: mustDate(t, "~2025-07-04"), Title: "A weak finding",
		Status: timeline.StatusReported, Origin: timeline.ByExtractor, Confidence: 0.3, Sources: 1,
		Mentions: []timeline.Mention{{Quote: strings.Repeat("word ", 100), Article: &timeline.Article{URL: "https://www.site.example/a"}}}}
	planned := timeline.Event{ID: 3, Kind: timeline.KindMeeting, Date: mustDate(t, "2025-07"), Title: "Summit",
		Status: timeline.StatusPlanned, Origin: timeline.ByHand, Confidence: 1, SourceURL: "https://gov.example/summit"}
	doc := renderDoc(t, TimelinePage(TimelineModel{Years: groupByYear(groupByMonth([]timeline.Event{planned, merged, weak})),
		Highlight: map[int64]bool{2: true}, HighlightLabel: "New"}))

	call := doc.Find(`[data-testid=event][data-id="1"]`)
	if got := call.Find(`[data-testid=event-quote]`).Text(); got != "They spoke on Thursday morning." {
		t.Errorf("quote = %q", got)
	}
	source := strings.Join(strings.Fields(call.Find(`[data-testid=event-source]`).Text()), " ")
	for _, want := range []string{"Trump Says Call With Putin Yields No Progress", "The Daily Example", "3 July 2025", "reported by 3 sources"} {
		if !strings.Contains(source, want) {
			t.Errorf("source line %q lacks %q", source, want)
		}
	}
	if href, _ := call.Find(`a.article-title`).Attr("href"); href != "https://news.example/call" {
		t.Errorf("article link = %q", href)
	}
	if got := call.Find(`[data-testid=event-kind]`).Text(); got != "Call" {
		t.Errorf("kind badge = %q", got)
	}
	if call.Find(`[data-testid=unconfirmed-marker], [data-testid=status-marker], [data-testid=new-marker]`).Length() != 0 {
		t.Error("a confirmed, reported, old event carries a marker")
	}

	w := doc.Find(`[data-testid=event][data-id="2"]`)
	if got := w.Find(`[data-testid=event-date]`).Text(); got != "about 4 July 2025" {
		t.Errorf("approximate date shown as %q", got)
	}
	if w.Find(`[data-testid=unconfirmed-marker]`).Length() != 1 || w.Find(`[data-testid=new-marker]`).Length() != 1 || !w.HasClass("new") {
		t.Error("a weak, new finding is not marked unconfirmed and new")
	}
	if got := w.Find(`[data-testid=event-quote]`).Text(); len([]rune(got)) > 301 || !strings.HasSuffix(got, "…") {
		t.Errorf("a long quote is not shortened: %d characters", len([]rune(got)))
	}
	if got := w.Find(`[data-testid=event-source]`).Text(); !strings.Contains(got, "Untitled article") || !strings.Contains(got, "site.example") {
		t.Errorf("an untitled article without publisher is cited as %q", got)
	}
	if strings.Contains(w.Find(`[data-testid=event-source]`).Text(), "reported by") {
		t.Error("one source is not \"reported by\" several")
	}

	p := doc.Find(`[data-testid=event][data-id="3"]`)
	if got := p.Find(`[data-testid=status-marker]`).Text(); got != "Planned" {
		t.Errorf("planned marker = %q", got)
	}
	if href, _ := p.Find(`[data-testid=event-source] a`).Attr("href"); href != "https://gov.example/summit" {
		t.Errorf("a hand-made event's source = %q", href)
	}
	if got := texts(doc.Find(`[data-testid=group] h3`)); !slices.Equal(got, []string{"July 2025"}) {
		t.Errorf("groups = %v", got)
	}
}

func TestOverviewStrip(t *testing.T) {
	month := func(y int, m time.Month, n int) timeline.MonthCount {
		return timeline.MonthCount{Month: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Events: n}
	}
	t.Run("a short span is shown by month, each bar a link to its month", func(t *testing.T) {
		f := timeline.Filter{Kinds: []timeline.Kind{timeline.KindStrike}, Text: "iran"}
		o := buildOverview([]timeline.MonthCount{month(2025, 6, 4), month(2025, 7, 1), month(2025, 9, 2)}, f)
		doc := renderDoc(t, overview(o))
		bars := doc.Find(`[data-testid=overview-bar]`)
		if o.Unit != "month" || bars.Length() != 3 {
			t.Fatalf("unit %s, %d bars", o.Unit, bars.Length())
		}
		href, _ := bars.First().Attr("href")
		q, _ := url.ParseQuery(strings.TrimPrefix(href, "/?"))
		if q.Get("from") != "2025-06" || q.Get("to") != "2025-06" || q.Get("kind") != "strike" || q.Get("q") != "iran" {
			t.Errorf("June's bar links to %q; want June with the other filters kept", href)
		}
		if label, _ := bars.First().Attr("aria-label"); label != "June 2025: 4 events" {
			t.Errorf("label = %q", label)
		}
		// The tallest bar fills the strip; August, empty, has no bar but
		// keeps its place.
		if o.Bars[0].Height < o.Bars[1].Height || o.Bars[2].X-o.Bars[1].X < 1.9*(o.Bars[1].X-o.Bars[0].X) {
			t.Errorf("bars = %+v", o.Bars)
		}
		// Four months are drawn on a year's axis, so that bars keep a
		// month's width.
		if got := doc.Find(`figcaption`).Text(); !strings.Contains(got, "Events per month, Feb 2025 to Jan 2026") {
			t.Errorf("caption = %q", got)
		}
	})
	t.Run("counts estimated from a sample say so, on the strip and on each bar", func(t *testing.T) {
		estimated := []timeline.MonthCount{month(2001, 3, 16), month(2025, 6, 48)}
		for i := range estimated {
			estimated[i].About = true
		}
		o := buildOverview(estimated, timeline.Filter{Text: "reactor"})
		doc := renderDoc(t, overview(o))
		if got := doc.Find(`figcaption`).Text(); !strings.Contains(got, "About how many events per year") || !strings.Contains(got, "estimated from a sample") {
			t.Errorf("caption = %q", got)
		}
		if label, _ := doc.Find(`[data-testid=overview-bar]`).First().Attr("aria-label"); label != "2001: about 16 events" {
			t.Errorf("label = %q", label)
		}
	})
	t.Run("a long span is shown by year", func(t *testing.T) {
		o := buildOverview([]timeline.MonthCount{month(2001, 3, 1), month(2001, 5, 2), month(2025, 6, 4)}, timeline.Filter{})
		if o.Unit != "year" || len(o.Bars) != 2 || o.Bars[0].Label != "2001: 3 events" {
			t.Errorf("overview = %+v", o)
		}
		if !strings.Contains(o.Bars[1].URL, "from=2025&to=2025") {
			t.Errorf("2025's bar links to %q", o.Bars[1].URL)
		}
	})
	t.Run("a date range is shown in its context, marked, with a way back", func(t *testing.T) {
		counts := []timeline.MonthCount{month(2020, 1, 9), month(2025, 5, 1), month(2025, 6, 4), month(2025, 7, 2)}
		o := buildOverview(counts, timeline.Filter{From: mustDate(t, "2025-06"), To: mustDate(t, "2025-06"), Actors: []string{"Iran"}})
		if o.WholeURL != "/?actor=Iran" {
			t.Errorf("whole timeline = %q", o.WholeURL)
		}
		var selected []string
		for _, b := range o.Bars {
			if b.Selected {
				selected = append(selected, b.Label)
			}
		}
		if o.Unit != "month" || len(o.Bars) != 3 || !slices.Equal(selected, []string{"June 2025: 4 events"}) {
			t.Errorf("unit %s, bars %+v", o.Unit, o.Bars)
		}
		// A year chosen is shown month by month: the strip zooms in.
		o = buildOverview(counts, timeline.Filter{From: mustDate(t, "2025"), To: mustDate(t, "2025")})
		if o.Unit != "month" || o.First != "Jan 2025" || o.Last != "Dec 2025" || len(o.Bars) != 3 {
			t.Errorf("a year: unit %s, %s to %s, %d bars", o.Unit, o.First, o.Last, len(o.Bars))
		}
	})
	t.Run("nothing to show, no strip", func(t *testing.T) {
		if doc := renderDoc(t, overview(buildOverview(nil, timeline.Filter{}))); doc.Find(`[data-testid=overview]`).Length() != 0 {
			t.Error("an empty strip is drawn")
		}
	})
}

func TestTimelinePagesBothWays(t *testing.T) {
	s := newSite(t)
	var want []string
	for i := range 7 {
		title := fmt.Sprintf("Event %d", i)
		s.create(handEvent(t, timeline.KindMeeting, fmt.Sprintf("2025-06-%02d", 10+i), title, "Envoy"))
		want = append(want, title)
	}
	titles := func(p response) []string { return texts(p.find(`[data-testid=event-title]`)) }

	var got []string
	p := s.get("/?limit=3")
	if p.find(`[data-testid=prev]`).Length() != 0 {
		t.Error("the first page links to earlier events")
	}
	var pages []response
	for {
		pages = append(pages, p)
		got = append(got, titles(p)...)
		next, ok := p.find(`[data-testid=next]`).Attr("href")
		if !ok {
			break
		}
		p = s.get(next)
	}
	if !slices.Equal(got, want) || len(pages) != 3 {
		t.Fatalf("forwards: %v in %d pages", got, len(pages))
	}
	// And back again, from the last page to the first.
	p = pages[2]
	got = nil
	for range 5 {
		got = append(titles(p), got...)
		prev, ok := p.find(`[data-testid=prev]`).Attr("href")
		if !ok {
			break
		}
		p = s.get(prev)
	}
	if !slices.Equal(got, want) {
		t.Errorf("backwards: %v", got)
	}
	if p.find(`[data-testid=next]`).Length() != 1 {
		t.Error("a page reached backwards has no link forwards")
	}
	if href, _ := pages[1].find(`[data-testid=first]`).Attr("href"); href != "/" {
		t.Errorf("back to the start = %q", href)
	}

	// Newest first, the same events the other way round.
	toggle, _ := s.get("/").find(`[data-testid=order-toggle]`).Attr("href")
	if got := titles(s.get(toggle)); got[0] != "Event 6" || got[len(got)-1] != "Event 0" {
		t.Errorf("newest first: %v", got)
	}
}

func TestTimelineFiltersTravelInTheURL(t *testing.T) {
	s := newSite(t)
	s.create(handEvent(t, timeline.KindStrike, "2025-06-13", "Israel strikes Iran", "Israel", "Iran"))
	s.create(handEvent(t, timeline.KindStrike, "2025-06-21", "US strikes Iran", "United States", "Iran"))
	s.create(handEvent(t, timeline.KindCall, "2025-07-03", "Trump and Putin speak", "Donald Trump", "Vladimir Putin"))

	all := s.get("/")
	href, _ := all.find(`[data-testid=event-actor]:contains("Iran")`).First().Attr("href")
	iran := s.get(href)
	if got := texts(iran.find(`[data-testid=event-title]`)); !slices.Equal(got, []string{"Israel strikes Iran", "US strikes Iran"}) {
		t.Errorf("by actor Iran: %v", got)
	}
	// The filter form keeps Iran and adds a kind; Israel is added as a
	// second actor (either of them).
	form := formValues(iran.doc, `[data-testid=filters]`)
	if !slices.Contains(form["actor"], "Iran") {
		t.Fatalf("the filter form forgot the actor: %v", form)
	}
	form.Add("kind", "strike")
	form.Set("q", "")
	p := s.get("/?" + form.Encode())
	if got := texts(p.find(`[data-testid=event-title]`)); !slices.Equal(got, []string{"Israel strikes Iran", "US strikes Iran"}) {
		t.Errorf("by actor and kind: %v", got)
	}
	if got := p.text(`[data-testid=selection]`); got != "Showing Strike · Iran" {
		t.Errorf("the page says it shows %q", got)
	}
	if _, checked := p.find(`[data-testid=filter-kind-strike]`).Attr("checked"); !checked {
		t.Error("the kind checkbox forgot its filter")
	}
	remove, _ := p.find(`[data-testid=filter-actor-chip] a`).Attr("href")
	if got := texts(s.get(remove).find(`[data-testid=event-title]`)); len(got) != 2 {
		t.Errorf("without the actor, strikes: %v", got)
	}
	if got := texts(s.get("/?q=Putin").find(`[data-testid=event-title]`)); !slices.Equal(got, []string{"Trump and Putin speak"}) {
		t.Errorf("search: %v", got)
	}
	bars := p.find(`[data-testid=overview-bar]`)
	if bars.Length() != 1 {
		t.Errorf("%d overview bars for June's strikes, want 1", bars.Length())
	}
}
