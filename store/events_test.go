package store_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
)

func date(t *testing.T, value string) timeline.Date {
	t.Helper()
	d, err := timeline.ParseDate(value)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func event(t *testing.T, kind timeline.Kind, value, title string, actors ...string) timeline.Event {
	t.Helper()
	e := timeline.Event{
		Kind: kind, Date: date(t, value), Title: title,
		Status: timeline.StatusReported, Confidence: 1, Origin: timeline.ByHand,
	}
	for _, a := range actors {
		e.Actors = append(e.Actors, timeline.Actor{Name: a, Kind: timeline.ActorCountry})
	}
	return e
}

func create(t *testing.T, s *store.Store, events ...timeline.Event) []timeline.Event {
	t.Helper()
	for i := range events {
		if err := s.CreateEvent(context.Background(), &events[i]); err != nil {
			t.Fatalf("create %q: %v", events[i].Title, err)
		}
	}
	return events
}

func titles(events []timeline.Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.Title
	}
	return out
}

func TestEventLifecycle(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	e := event(t, timeline.KindCall, "2025-07-03TMO", "Trump and Putin speak by phone", "Donald Trump", "Vladimir Putin")
	e.Summary = "An hourlong call.\nNo progress."
	create(t, s, e)
	e = create(t, s, e)[0] // a second, identical event is allowed: people merge by hand
	if e.ID == 0 || e.Sequence != 0 || e.CreatedAt.IsZero() {
		t.Fatalf("created event = %+v", e)
	}

	got, err := s.Event(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Date != e.Date || got.Title != e.Title || got.Summary != e.Summary ||
		!slices.Equal(got.ActorNames(), []string{"Donald Trump", "Vladimir Putin"}) {
		t.Errorf("read back %+v, wrote %+v", got, e)
	}

	edit := got
	edit.Title = "Trump and Putin talk"
	edit.Actors = []timeline.Actor{{Name: "Vladimir Putin"}, {Name: "Russia", Kind: timeline.ActorCountry}}
	if err := s.UpdateEvent(ctx, &edit); err != nil {
		t.Fatal(err)
	}
	if edit.Sequence != 1 {
		t.Errorf("sequence after one edit = %d, want 1", edit.Sequence)
	}
	stale := got // still at sequence 0
	stale.Title = "An edit based on an old version"
	if err := s.UpdateEvent(ctx, &stale); !errors.Is(err, timeline.ErrConflict) {
		t.Errorf("stale update error = %v, want ErrConflict", err)
	}
	got, _ = s.Event(ctx, e.ID)
	if got.Title != "Trump and Putin talk" || !slices.Equal(got.ActorNames(), []string{"Vladimir Putin", "Russia"}) {
		t.Errorf("after edit: %q %v", got.Title, got.ActorNames())
	}

	if err := s.DeleteEvent(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Event(ctx, e.ID); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("get deleted event: %v, want ErrNotFound", err)
	}
	if err := s.DeleteEvent(ctx, e.ID); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("delete twice: %v, want ErrNotFound", err)
	}
	missing := edit
	missing.ID = 999_999
	if err := s.UpdateEvent(ctx, &missing); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("update missing: %v, want ErrNotFound", err)
	}
}

func TestActorsAreSharedAcrossSpellings(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	create(t, s,
		event(t, timeline.KindStrike, "2025-06-21", "US strikes Iran", "United States", "Iran"),
		event(t, timeline.KindStatement, "2025-06-22", "Iran responds", "IRAN"),
	)
	p, err := s.Events(ctx, timeline.Filter{Actors: []string{"iran"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(p.Events); !slices.Equal(got, []string{"US strikes Iran", "Iran responds"}) {
		t.Errorf("events with iran = %v", got)
	}
	// The first spelling stored is the canonical one.
	if name := p.Events[1].Actors[0].Name; name != "Iran" {
		t.Errorf("actor name = %q, want the first spelling %q", name, "Iran")
	}
}

func TestCreateEventRefusesInvalidEvents(t *testing.T) {
	s := storetest.New(t)
	e := event(t, timeline.KindCall, "2025", "")
	err := s.CreateEvent(context.Background(), &e)
	if timeline.FieldErrors(err).Field("title") == "" {
		t.Fatalf("error = %v, want a field error for title", err)
	}
	if e.ID != 0 {
		t.Error("an invalid event got an id")
	}
}

// The chronology mixes precisions: a date sorts by where it starts, and at
// the same start coarse dates come first, so "2025" heads the year and
// "June 2025" heads June. The parts of a day come in the day's order (the
// early hours and dawn before the morning), and a time with its zone by
// its clock where it happened.
func TestEventsAreChronologicalAcrossPrecisions(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	values := []string{
		"2025-06-21T18:31", "2025-06-21TMO", "2025-06-21", "2025-06", "2025", "2024-12-31",
		"2025-06-22", "2025-W25", "2025-SU", "2026", "2025-06-21TNI", "2025-06-21TAF", "2025-06-21TDN",
		"2025-06-21TEH", "2025-06-21T15:35+05:30",
	}
	for _, v := range values {
		create(t, s, event(t, timeline.KindStatement, v, v))
	}
	want := []string{
		"2024-12-31", "2025", "2025-SU", "2025-06", "2025-W25", "2025-06-21", "2025-06-21TEH", "2025-06-21TDN",
		"2025-06-21TMO", "2025-06-21TAF", "2025-06-21T15:35+05:30", "2025-06-21T18:31", "2025-06-21TNI",
		"2025-06-22", "2026",
	}
	for _, e := range allPages(t, s, timeline.Filter{}) {
		if e.Date.Value() != e.Title {
			t.Errorf("stored %s, read back %s", e.Title, e.Date.Value())
		}
	}
	for _, size := range []int{1, 3, 100} {
		if got := titles(allPages(t, s, timeline.Filter{Limit: size})); !slices.Equal(got, want) {
			t.Errorf("page size %d: %v\nwant %v", size, got, want)
		}
		newest := slices.Clone(want)
		slices.Reverse(newest)
		if got := titles(allPages(t, s, timeline.Filter{Limit: size, Order: timeline.NewestFirst})); !slices.Equal(got, newest) {
			t.Errorf("newest first, page size %d: %v\nwant %v", size, got, newest)
		}
	}
	_ = ctx
}

func allPages(t *testing.T, s *store.Store, f timeline.Filter) []timeline.Event {
	t.Helper()
	var all []timeline.Event
	for range 1000 {
		p, err := s.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Events) > f.PageSize() {
			t.Fatalf("page of %d events, limit %d", len(p.Events), f.PageSize())
		}
		all = append(all, p.Events...)
		if p.Next.IsZero() {
			return all
		}
		f.After = p.Next
	}
	t.Fatal("pagination does not end")
	return nil
}

func TestKeysetPaginationWithTies(t *testing.T) {
	s := storetest.New(t)
	var want []string
	for i := range 7 { // same date: the id breaks the tie
		e := create(t, s, event(t, timeline.KindCall, "2025-06-21", string(rune('a'+i))))[0]
		want = append(want, e.Title)
	}
	if got := titles(allPages(t, s, timeline.Filter{Limit: 2})); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestEventsFilter(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	create(t, s,
		event(t, timeline.KindStrike, "2025-06-13", "Israel begins bombing campaign against Iran", "Israel", "Iran"),
		event(t, timeline.KindStrike, "2025-06-21", "United States bombs Iranian nuclear sites", "United States", "Iran"),
		event(t, timeline.KindCall, "2025-07-03TMO", "Trump and Putin speak by phone", "United States", "Russia"),
		event(t, timeline.KindAgreement, "2025-06", "Ceasefire agreed", "Israel", "Iran"),
		event(t, timeline.KindLeadership, "2025", "Trump returns to office", "United States"),
	)
	tests := []struct {
		name   string
		filter timeline.Filter
		want   []string
	}{
		{"everything, oldest first", timeline.Filter{}, []string{
			"Trump returns to office", "Ceasefire agreed", "Israel begins bombing campaign against Iran",
			"United States bombs Iranian nuclear sites", "Trump and Putin speak by phone"}},
		{"one kind", timeline.Filter{Kinds: []timeline.Kind{timeline.KindStrike}}, []string{
			"Israel begins bombing campaign against Iran", "United States bombs Iranian nuclear sites"}},
		{"several kinds", timeline.Filter{Kinds: []timeline.Kind{timeline.KindCall, timeline.KindLeadership}}, []string{
			"Trump returns to office", "Trump and Putin speak by phone"}},
		{"actor, any case", timeline.Filter{Actors: []string{"united states"}}, []string{
			"Trump returns to office", "United States bombs Iranian nuclear sites", "Trump and Putin speak by phone"}},
		{"any of several actors", timeline.Filter{Actors: []string{"Russia", "Israel"}}, []string{
			"Ceasefire agreed", "Israel begins bombing campaign against Iran", "Trump and Putin speak by phone"}},
		{"full text, stemmed", timeline.Filter{Text: "bomb"}, []string{
			"Israel begins bombing campaign against Iran", "United States bombs Iranian nuclear sites"}},
		{"full text, phrase", timeline.Filter{Text: `"by phone"`}, []string{"Trump and Putin speak by phone"}},
		{"a month holds only what lies inside it", timeline.Filter{From: date(t, "2025-06"), To: date(t, "2025-06")}, []string{
			"Ceasefire agreed", "Israel begins bombing campaign against Iran", "United States bombs Iranian nuclear sites"}},
		{"open-ended range", timeline.Filter{From: date(t, "2025-06-20")}, []string{
			"United States bombs Iranian nuclear sites", "Trump and Putin speak by phone"}},
		{"everything together", timeline.Filter{
			Kinds: []timeline.Kind{timeline.KindStrike}, Actors: []string{"Iran"}, Text: "nuclear",
			From: date(t, "2025"), To: date(t, "2025")}, []string{"United States bombs Iranian nuclear sites"}},
		{"nothing matches", timeline.Filter{Actors: []string{"Atlantis"}}, nil},
		{"SQL in the search is only text", timeline.Filter{Text: "'; DROP TABLE events; --"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Events(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := titles(p.Events); !slices.Equal(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestSaveArticleWithEvents(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	a, events := article(t)
	dup, err := s.SaveArticle(ctx, &a, events)
	if err != nil || dup {
		t.Fatalf("SaveArticle = %v, %v", dup, err)
	}
	got, err := s.Event(ctx, events[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Sources != 1 || len(got.Mentions) != 1 {
		t.Fatalf("sources = %d, mentions = %d; want 1 and 1", got.Sources, len(got.Mentions))
	}
	m := got.Mentions[0]
	if m.Quote != events[0].Mentions[0].Quote || m.Article.Title != a.Title || m.Article.Published != a.Published {
		t.Errorf("mention = %+v, article %+v", m, m.Article)
	}
	stored, err := s.Article(ctx, a.ID)
	if err != nil || stored.Body != a.Body || stored.PublishedSource != "dateline" {
		t.Errorf("article read back = %+v, %v", stored, err)
	}

	// The same text again, pasted with Windows line ends, is recognised.
	again, more := article(t)
	again.Body = "\r\n" + again.Body
	for i := range more {
		more[i].Mentions = nil
	}
	dup, err = s.SaveArticle(ctx, &again, more)
	if err != nil || !dup || again.ID != a.ID {
		t.Errorf("second save = dup %v, id %d (first %d), %v", dup, again.ID, a.ID, err)
	}
	if n := len(allPages(t, s, timeline.Filter{})); n != 2 {
		t.Errorf("%d events after saving the article twice, want 2", n)
	}
}

// An article's mentions come in the order they appear in it, each naming
// its event.
func TestArticleMentions(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	a, events := article(t)
	slices.Reverse(events)
	if _, err := s.SaveArticle(ctx, &a, events); err != nil {
		t.Fatal(err)
	}
	got, err := s.ArticleMentions(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Start != 0 || got[1].Start != 52 || got[0].EventID != events[1].ID || got[1].EventID != events[0].ID ||
		got[0].Quote != a.Body[:51] || got[0].ArticleID != a.ID {
		t.Errorf("mentions = %+v", got)
	}
	if none, err := s.ArticleMentions(ctx, a.ID+1); err != nil || len(none) != 0 {
		t.Errorf("an unknown article's mentions: %v, %v", none, err)
	}
}

func article(t *testing.T) (timeline.Article, []timeline.Event) {
	body := "Trump and Putin spoke by phone on Thursday morning. The US bombed Iran on June 21."
	a := timeline.Article{
		Title: "Trump says call with Putin yields no progress", URL: "https://example.com/call",
		Published: date(t, "2025-07-03"), PublishedSource: "dateline", Body: body,
	}
	call := event(t, timeline.KindCall, "2025-07-03TMO", "Trump and Putin speak by phone", "Donald Trump", "Vladimir Putin")
	call.Mentions = []timeline.Mention{{Quote: body[:51], Start: 0, End: 51, ExtractorVersion: "test"}}
	strike := event(t, timeline.KindStrike, "2025-06-21", "United States bombs Iran", "United States", "Iran")
	strike.Mentions = []timeline.Mention{{Quote: body[52:], Start: 52, End: len(body)}}
	for _, e := range []*timeline.Event{&call, &strike} {
		e.Origin = timeline.ByExtractor
		e.Confidence = 0.8
	}
	return a, []timeline.Event{call, strike}
}

// A failure half-way through saving an article leaves nothing behind: no
// article, no events, no actors.
func TestSaveArticleIsAtomic(t *testing.T) {
	ctx := context.Background()
	cfg, s := storetest.Open(t)
	// A trigger that fails the second event makes the database refuse
	// mid-transaction, after the article and first event were written.
	exec(t, cfg, `
		CREATE FUNCTION refuse_strikes() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'refused by test'; END $$;
		CREATE TRIGGER refuse_strikes BEFORE INSERT ON events
		FOR EACH ROW WHEN (NEW.kind = 'strike') EXECUTE FUNCTION refuse_strikes();`)

	a, events := article(t)
	if _, err := s.SaveArticle(ctx, &a, events); err == nil {
		t.Fatal("SaveArticle succeeded despite the refusing trigger")
	}
	if a.ID != 0 || events[0].ID != 0 {
		t.Errorf("ids left after a failed save: article %d, event %d", a.ID, events[0].ID)
	}
	for _, table := range []string{"articles", "events", "actors", "event_actors", "mentions"} {
		if n := count(t, cfg, table); n != 0 {
			t.Errorf("%s has %d rows after a failed save", table, n)
		}
	}
}

func TestSaveArticleRefusesQuotesOutsideTheBody(t *testing.T) {
	s := storetest.New(t)
	a, events := article(t)
	events[1].Mentions[0].End = len(a.Body) + 10
	_, err := s.SaveArticle(context.Background(), &a, events)
	if timeline.FieldErrors(err).Field("events[1].mentions[0]") == "" {
		t.Fatalf("error = %v, want a field error for events[1].mentions[0]", err)
	}
}

// Two people submitting the same article at the same moment get one article.
func TestSaveArticleConcurrently(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	var wg sync.WaitGroup
	dups := make([]bool, 4)
	errs := make([]error, 4)
	for i := range dups {
		wg.Go(func() {
			a, events := article(t)
			dups[i], errs[i] = s.SaveArticle(ctx, &a, events)
		})
	}
	wg.Wait()
	fresh := 0
	for i := range dups {
		if errs[i] != nil {
			t.Fatalf("save %d: %v", i, errs[i])
		}
		if !dups[i] {
			fresh++
		}
	}
	if fresh != 1 {
		t.Errorf("%d saves stored the article, want exactly 1", fresh)
	}
	if n := len(allPages(t, s, timeline.Filter{})); n != 2 {
		t.Errorf("%d events, want 2", n)
	}
}

// An event may cite up to timeline.MaxQuotesPerArticle quotes of one
// article, each stored with its id; beyond, the article is refused
// before anything is written.
func TestSaveArticleStoresQuotesUpToTheLimit(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	a, events := article(t)
	quotes := func(n int) []timeline.Mention {
		var ms []timeline.Mention
		for i := range n {
			ms = append(ms, timeline.Mention{Quote: a.Body[i : i+5], Start: i, End: i + 5, ExtractorVersion: "test"})
		}
		return ms
	}
	events[0].Mentions = quotes(timeline.MaxQuotesPerArticle + 1)
	if _, err := s.SaveArticle(ctx, &a, events); timeline.FieldErrors(err).Field("events[0].mentions") == "" {
		t.Fatalf("%d quotes of one article: %v, want a field error for events[0].mentions", len(events[0].Mentions), err)
	}
	a, events = article(t)
	events[0].Mentions = quotes(timeline.MaxQuotesPerArticle)
	if _, err := s.SaveArticle(ctx, &a, events); err != nil {
		t.Fatal(err)
	}
	ids := map[int64]bool{}
	for _, m := range events[0].Mentions {
		ids[m.ID] = m.ID != 0
	}
	stored, err := s.Event(ctx, events[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.Mentions) != timeline.MaxQuotesPerArticle || len(ids) != timeline.MaxQuotesPerArticle || ids[0] {
		t.Errorf("%d quotes stored, %d distinct ids given back; want %d", len(stored.Mentions), len(ids), timeline.MaxQuotesPerArticle)
	}
	for _, m := range stored.Mentions {
		if !ids[m.ID] || m.Quote != a.Body[m.Start:m.End] {
			t.Errorf("stored mention %+v is not one given back, or not its quote", m)
		}
	}
}
