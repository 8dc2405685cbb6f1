package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
)

func eachEvent(t *testing.T, s *store.Store, f timeline.Filter) []timeline.Event {
	t.Helper()
	var out []timeline.Event
	if err := s.EachEvent(context.Background(), f, func(e timeline.Event) error {
		out = append(out, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestEachEventSelectsLikeThePagesButAllAtOnce(t *testing.T) {
	s := storetest.New(t)
	create(t, s,
		event(t, timeline.KindStrike, "2025-06-13", "Israel strikes Iran", "Israel", "Iran"),
		event(t, timeline.KindStrike, "2025-06-21", "US strikes Iran", "United States", "Iran"),
		event(t, timeline.KindCall, "2025-07-03TMO", "Trump and Putin speak", "United States", "Russia"),
		event(t, timeline.KindLeadership, "2025", "Trump returns to office", "United States"),
	)
	tests := []struct {
		name   string
		filter timeline.Filter
		want   []string
	}{
		{"everything, oldest first, limit and cursor ignored",
			timeline.Filter{Limit: 1, After: timeline.Cursor{ID: 999, Start: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)}},
			[]string{"Trump returns to office", "Israel strikes Iran", "US strikes Iran", "Trump and Putin speak"}},
		{"newest first", timeline.Filter{Order: timeline.NewestFirst},
			[]string{"Trump and Putin speak", "US strikes Iran", "Israel strikes Iran", "Trump returns to office"}},
		{"the page filters apply", timeline.Filter{Kinds: []timeline.Kind{timeline.KindStrike}, Actors: []string{"united states"}},
			[]string{"US strikes Iran"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := titles(eachEvent(t, s, tt.filter)); !slices.Equal(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestEachEventCarriesMentionsAndTheirArticles(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	a, events := article(t)
	if _, err := s.SaveArticle(ctx, &a, events); err != nil {
		t.Fatal(err)
	}
	got := eachEvent(t, s, timeline.Filter{Kinds: []timeline.Kind{timeline.KindCall}})
	if len(got) != 1 || len(got[0].Mentions) != 1 {
		t.Fatalf("events = %+v", got)
	}
	e, m := got[0], got[0].Mentions[0]
	if e.Sources != 1 || !slices.Equal(e.ActorNames(), []string{"Donald Trump", "Vladimir Putin"}) {
		t.Errorf("event = %+v", e)
	}
	if m.Quote != events[0].Mentions[0].Quote || m.Start != 0 || m.End != 51 || m.ExtractorVersion != "test" || m.ArticleID != a.ID {
		t.Errorf("mention = %+v", m)
	}
	if m.Article.URL != a.URL || m.Article.Title != a.Title || m.Article.Published != a.Published ||
		m.Article.PublishedSource != "dateline" || m.Article.Body != "" {
		t.Errorf("mention's article = %+v (the body is left out)", m.Article)
	}
}

func TestEachEventStopsOnTheCallersError(t *testing.T) {
	s := storetest.New(t)
	create(t, s, event(t, timeline.KindCall, "2025", "a"), event(t, timeline.KindCall, "2026", "b"))
	stop := errors.New("client went away")
	calls := 0
	err := s.EachEvent(context.Background(), timeline.Filter{}, func(timeline.Event) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("error = %v after %d calls; want the caller's own error after 1", err, calls)
	}
}

func TestExportGivesArticlesBeforeTheirEvents(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	a, events := article(t)
	if _, err := s.SaveArticle(ctx, &a, events); err != nil {
		t.Fatal(err)
	}
	create(t, s, event(t, timeline.KindProtest, "2025-05", "A protest typed in by hand"))
	tests := []struct {
		name     string
		filter   timeline.Filter
		articles int
		events   int
	}{
		{"every article cited", timeline.Filter{}, 1, 3},
		{"articles of the selected events only", timeline.Filter{Kinds: []timeline.Kind{timeline.KindProtest}}, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seq []string
			err := s.Export(ctx, tt.filter, func(got timeline.Article) error {
				if got.Body != a.Body || got.ID != a.ID {
					t.Errorf("article = %+v", got)
				}
				seq = append(seq, "article")
				return nil
			}, func(timeline.Event) error {
				seq = append(seq, "event")
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := append(slices.Repeat([]string{"article"}, tt.articles), slices.Repeat([]string{"event"}, tt.events)...)
			if !slices.Equal(seq, want) {
				t.Errorf("order = %v, want %v", seq, want)
			}
		})
	}
}

// Every change an export could show changes the version, deletions too,
// and reading changes nothing.
func TestVersionChangesWithEveryChange(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	version := func() timeline.Version {
		t.Helper()
		v, err := s.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	e := event(t, timeline.KindCall, "2025-07-03", "Call", "Donald Trump")
	a, events := article(t)
	steps := []struct {
		name   string
		change func() error
	}{
		{"create an event", func() error { return s.CreateEvent(ctx, &e) }},
		{"edit it", func() error { e.Title = "Call, edited"; return s.UpdateEvent(ctx, &e) }},
		{"change only its actors", func() error {
			e.Actors = []timeline.Actor{{Name: "Vladimir Putin"}}
			return s.UpdateEvent(ctx, &e)
		}},
		{"save an article with events", func() error { _, err := s.SaveArticle(ctx, &a, events); return err }},
		{"delete an event", func() error { return s.DeleteEvent(ctx, e.ID) }},
	}
	before := version()
	for _, step := range steps {
		if err := step.change(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		after := version()
		if after.Changes <= before.Changes {
			t.Errorf("%s: version went from %d to %d", step.name, before.Changes, after.Changes)
		}
		if after.ChangedAt.Before(before.ChangedAt) || after.AsOf.Before(after.ChangedAt) {
			t.Errorf("%s: changed at %v after %v, read at %v", step.name, after.ChangedAt, before.ChangedAt, after.AsOf)
		}
		before = after
	}
	eachEvent(t, s, timeline.Filter{})
	if _, err := s.Events(ctx, timeline.Filter{}); err != nil {
		t.Fatal(err)
	}
	if v := version(); v.Changes != before.Changes {
		t.Errorf("reading changed the version from %d to %d", before.Changes, v.Changes)
	}
	// One transaction of many rows is one change.
	_, events = article(t)
	a2 := timeline.Article{Body: "Another article entirely."}
	for i := range events {
		events[i].Mentions = nil
	}
	if _, err := s.SaveArticle(ctx, &a2, events); err != nil {
		t.Fatal(err)
	}
	if v := version(); v.Changes != before.Changes+1 {
		t.Errorf("one transaction moved the version by %d", v.Changes-before.Changes)
	}
}

func TestCountEventsCountsWhatACalendarCannotHold(t *testing.T) {
	s := storetest.New(t)
	create(t, s,
		event(t, timeline.KindStatement, "0000-03", "Year 0"),
		event(t, timeline.KindStatement, "0001-01-01", "Year 1"),
		event(t, timeline.KindStatement, "9999-12-31", "Last day"),
		event(t, timeline.KindStatement, "9999-12-31T23:59", "Last minute"),
		event(t, timeline.KindCall, "2025-06-21", "Today"),
	)
	tests := []struct {
		filter        timeline.Filter
		total, cannot int
	}{
		{timeline.Filter{}, 5, 2},
		{timeline.Filter{Kinds: []timeline.Kind{timeline.KindCall}}, 1, 0},
	}
	for _, tt := range tests {
		total, cannot, err := s.CountEvents(context.Background(), tt.filter)
		if err != nil || total != tt.total || cannot != tt.cannot {
			t.Errorf("CountEvents(%+v) = %d, %d, %v; want %d, %d", tt.filter, total, cannot, err, tt.total, tt.cannot)
		}
	}
}
