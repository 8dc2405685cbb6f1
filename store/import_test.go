package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
)

// importable is an article with two events citing it, as an import file
// describes them: mentions point at the article, sequence and timestamps
// come from elsewhere.
func importable(t *testing.T) ([]*timeline.Article, []timeline.Event) {
	a, events := article(t)
	a.CreatedAt = time.Date(2025, 7, 3, 18, 0, 0, 123456000, time.UTC)
	for i := range events {
		for j := range events[i].Mentions {
			events[i].Mentions[j].Article = &a
		}
		events[i].Sequence = 3 + i
		events[i].CreatedAt = time.Date(2025, 7, 4, 9, 0, 0, 0, time.UTC)
		events[i].UpdatedAt = time.Date(2025, 7, 5, 9, 30, 0, 654321000, time.UTC)
	}
	return []*timeline.Article{&a}, events
}

func TestImportKeepsWhatTheFileSays(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	articles, events := importable(t)
	sum, err := s.Import(ctx, articles, events)
	if err != nil {
		t.Fatal(err)
	}
	if sum != (store.ImportSummary{Articles: 1, Events: 2}) {
		t.Errorf("summary = %+v", sum)
	}
	got := eachEvent(t, s, timeline.Filter{})
	if len(got) != 2 {
		t.Fatalf("%d events", len(got))
	}
	strike := got[0]
	if strike.Sequence != 4 || strike.Origin != timeline.ByExtractor || strike.Confidence != float64(float32(0.8)) ||
		!strike.CreatedAt.Equal(events[1].CreatedAt) || !strike.UpdatedAt.Equal(events[1].UpdatedAt) {
		t.Errorf("imported %+v", strike)
	}
	if len(strike.Mentions) != 1 || strike.Mentions[0].ArticleID != articles[0].ID || strike.Mentions[0].Quote != events[1].Mentions[0].Quote {
		t.Errorf("mentions = %+v", strike.Mentions)
	}
	stored, err := s.Article(ctx, articles[0].ID)
	if err != nil || !stored.CreatedAt.Equal(articles[0].CreatedAt) || stored.Body != articles[0].Body {
		t.Errorf("article = %+v, %v", stored, err)
	}

	// The same file again reuses the article and adds the events again.
	articles, events = importable(t)
	sum, err = s.Import(ctx, articles, events)
	if err != nil || sum != (store.ImportSummary{KnownArticles: 1, Events: 2}) {
		t.Errorf("second import = %+v, %v", sum, err)
	}
}

func TestImportWithoutTimestampsStartsThemNow(t *testing.T) {
	s := storetest.New(t)
	e := event(t, timeline.KindProtest, "2025-05", "Protest")
	before := time.Now().Add(-time.Minute)
	if _, err := s.Import(context.Background(), nil, []timeline.Event{e}); err != nil {
		t.Fatal(err)
	}
	got := eachEvent(t, s, timeline.Filter{})[0]
	if got.CreatedAt.Before(before) || !got.UpdatedAt.Equal(got.CreatedAt) || got.Sequence != 0 {
		t.Errorf("imported %+v", got)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	cfg, s := storetest.Open(t)
	exec(t, cfg, `
		CREATE FUNCTION refuse_strikes() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'refused by test'; END $$;
		CREATE TRIGGER refuse_strikes BEFORE INSERT ON events
		FOR EACH ROW WHEN (NEW.kind = 'strike') EXECUTE FUNCTION refuse_strikes();`)
	articles, events := importable(t)
	if _, err := s.Import(ctx, articles, events); err == nil {
		t.Fatal("Import succeeded despite the refusing trigger")
	}
	if articles[0].ID != 0 || events[0].ID != 0 {
		t.Errorf("ids left after a failed import: article %d, event %d", articles[0].ID, events[0].ID)
	}
	for _, table := range []string{"articles", "events", "actors", "event_actors", "mentions"} {
		if n := count(t, cfg, table); n != 0 {
			t.Errorf("%s has %d rows after a failed import", table, n)
		}
	}
}

func TestImportRefusesInvalidRecords(t *testing.T) {
	stranger := &timeline.Article{Body: "Not in the import."}
	tests := []struct {
		name  string
		spoil func(articles []*timeline.Article, events []timeline.Event)
		field string
	}{
		{"an empty article", func(a []*timeline.Article, _ []timeline.Event) { a[0].Body = " " }, "articles[0].body"},
		{"an event without title", func(_ []*timeline.Article, e []timeline.Event) { e[1].Title = "" }, "events[1].title"},
		{"a quote elsewhere in the article", func(_ []*timeline.Article, e []timeline.Event) { e[0].Mentions[0].Start++ }, "events[0].mentions[0]"},
		{"a mention without article", func(_ []*timeline.Article, e []timeline.Event) { e[0].Mentions[0].Article = nil }, "events[0].mentions[0]"},
		{"a mention of an article not imported", func(_ []*timeline.Article, e []timeline.Event) { e[1].Mentions[0].Article = stranger }, "events[1].mentions[0]"},
	}
	s := storetest.New(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			articles, events := importable(t)
			tt.spoil(articles, events)
			_, err := s.Import(context.Background(), articles, events)
			if v := timeline.FieldErrors(err); v.Field(tt.field) == "" {
				t.Errorf("error = %v, want one for %s", err, tt.field)
			}
		})
	}
	if got := eachEvent(t, s, timeline.Filter{}); len(got) != 0 {
		t.Errorf("refused imports stored %v", titles(got))
	}
}

// A large import is written in batches, with progress after each, and is
// still one transaction.
func TestImportWritesInBatchesWithProgress(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	events := statements(t, 2_500, func(i int) []string { return []string{"Envoy", fmt.Sprintf("Country %d", i%7)} })
	var seen []int
	sum, err := s.ImportProgress(ctx, nil, events, func(p store.ImportSummary) { seen = append(seen, p.Events) })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Events != 2_500 || !slices.Equal(seen, []int{1_000, 2_000, 2_500}) {
		t.Errorf("summary %+v, progress %v", sum, seen)
	}
	total, _, err := s.CountEvents(ctx, timeline.Filter{Actors: []string{"Envoy"}})
	if err != nil || total != 2_500 {
		t.Errorf("%d events of the envoy stored, %v", total, err)
	}
	counts, err := s.MonthCounts(ctx, timeline.Filter{Actors: []string{"country 3"}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range counts {
		n += c.Events
	}
	if n != 357 { // i%7 == 3 for 357 of 2,500
		t.Errorf("counted %d events of country 3 by month, want 357", n)
	}
}
