package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
)

func TestSearchCoversTitlesActorsSummariesAndQuotes(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	e := event(t, timeline.KindMeeting, "2025-05-16", "Delegations meet", "Türkiye", "Ukraine")
	e.Summary = "Prisoner exchange agreed."
	hand := create(t, s, e)[0]
	newReport(t, "Talks", "2025-05-17").
		says("Negotiators gathered in Istanbul's Dolmabahçe palace.", timeline.KindMeeting, "2025-05-15", "Talks in Istanbul", "Russia", "Ukraine").
		save(s)

	tests := []struct {
		name, q string
		want    []string
	}{
		{"a title word", "delegations", []string{"Delegations meet"}},
		{"an actor name", "Türkiye", []string{"Delegations meet"}},
		{"the summary, stemmed", "prisoners", []string{"Delegations meet"}},
		{"a word only in the quote", "palace", []string{"Talks in Istanbul"}},
		{"words from different fields together", "istanbul russia", []string{"Talks in Istanbul"}},
		{"an actor both share", "ukraine", []string{"Talks in Istanbul", "Delegations meet"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Events(ctx, timeline.Filter{Text: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			if got := titles(p.Events); !slices.Equal(got, tt.want) {
				t.Errorf("search %q = %v, want %v", tt.q, got, tt.want)
			}
		})
	}

	// The document follows edits of the event and of its actors.
	hand.Title = "Envoys confer"
	hand.Actors = []timeline.Actor{{Name: "Vatican"}}
	if err := s.UpdateEvent(ctx, &hand); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{"delegations": nil, "türkiye": nil, "envoys": {"Envoys confer"}, "vatican": {"Envoys confer"}} {
		p, err := s.Events(ctx, timeline.Filter{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if got := titles(p.Events); !slices.Equal(got, want) {
			t.Errorf("after the edit, search %q = %v, want %v", q, got, want)
		}
	}
}

func TestEventsCarryTheirLeadMentionAndSources(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	later := newReport(t, "Later report", "2025-07-05").
		says("Trump and Putin talked on July 3.", timeline.KindCall, "2025-07-03", "Call", "Trump", "Putin")
	later.save(s)
	earlier := newReport(t, "Same-day report", "2025-07-03").
		says("Trump and Putin spoke this morning.", timeline.KindCall, "2025-07-03TMO", "Call", "Putin")
	earlier.save(s)
	create(t, s, event(t, timeline.KindStatement, "2025-07-04", "Typed by hand", "Trump"))

	p, err := s.Events(ctx, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Events) != 2 {
		t.Fatalf("%d events, want 2", len(p.Events))
	}
	call := p.Events[0]
	if call.Sources != 2 || len(call.Mentions) != 1 {
		t.Fatalf("call: %d sources, %d mentions; want 2 sources and the lead mention", call.Sources, len(call.Mentions))
	}
	m := call.Mentions[0]
	if m.Quote != "Trump and Putin spoke this morning." || m.Article == nil ||
		m.Article.Title != "Same-day report" || m.Article.Published.Value() != "2025-07-03" || m.Article.Publisher != "Example News" {
		t.Errorf("lead mention = %q from %+v; want the earliest published article's", m.Quote, m.Article)
	}
	if hand := p.Events[1]; hand.Mentions != nil || hand.Sources != 0 {
		t.Errorf("hand-made event: %d mentions, %d sources; want none", len(hand.Mentions), hand.Sources)
	}
}

func TestArticleByBodyAndArticleEvents(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	r := newReport(t, "Known", "2025-07-03").
		says("Israel struck Iran on June 13.", timeline.KindStrike, "2025-06-13", "Israel strikes Iran", "Israel", "Iran").
		says("Trump called Putin on Thursday.", timeline.KindCall, "2025-07-03", "Trump calls Putin", "Trump", "Putin")
	r.save(s)

	a, err := s.ArticleByBody(ctx, "\r\n"+strings.ReplaceAll(r.article.Body, "\n", "\r\n")+"\n")
	if err != nil || a.ID != r.article.ID || a.Title != "Known" || a.Published.Value() != "2025-07-03" {
		t.Errorf("ArticleByBody = %+v, %v; want article %d", a, err, r.article.ID)
	}
	if _, err := s.ArticleByBody(ctx, "never seen"); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("unknown body: %v, want ErrNotFound", err)
	}
	events, err := s.ArticleEvents(ctx, r.article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(events); !slices.Equal(got, []string{"Israel strikes Iran", "Trump calls Putin"}) {
		t.Errorf("ArticleEvents = %v", got)
	}
}

// TestSyntheticTimeline checks, on 20,000 made-up events, what only shows
// with many events: the two ways of filtering by actor, and the query
// plans of the timeline page.
func TestSyntheticTimeline(t *testing.T) {
	ctx := context.Background()
	cfg := storetest.Config(t)
	syn := storetest.LoadSynthetic(t, cfg, 20_000)
	s, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	// Actor filters name an actor's events by id when it has few, and
	// test each event when it has many; both select the same events.
	t.Run("actor filters select an actor's events, however many", func(t *testing.T) {
		for _, actor := range []string{syn.Common, syn.Actor, syn.Rare, "Nobody At All"} {
			all := allPages(t, s, timeline.Filter{Actors: []string{actor}, Limit: 500})
			total, _, err := s.CountEvents(ctx, timeline.Filter{Actors: []string{actor}})
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != total {
				t.Errorf("%s: pages hold %d events, the count says %d", actor, len(all), total)
			}
			for _, e := range all {
				if !slices.ContainsFunc(e.Actors, func(a timeline.Actor) bool { return timeline.ActorKey(a.Name) == timeline.ActorKey(actor) }) {
					t.Fatalf("%s: event %d has actors %v", actor, e.ID, e.ActorNames())
				}
			}
			if actor != "Nobody At All" && total == 0 {
				t.Errorf("%s: no events; the synthetic data should have some", actor)
			}
		}
	})

	// The plans, not the timings, are what a test can hold steady: the
	// page reads the timeline index in order and stops after one page.
	deep := allPages(t, s, timeline.Filter{Limit: 500})[18_000]
	plans := []struct {
		name   string
		filter timeline.Filter
		want   []string
		sorted bool // read in order from the index: nothing to sort
	}{
		{"first page: the timeline index, in order", timeline.Filter{}, []string{"Index Scan using events_chrono on events e"}, true},
		{"newest first: the same index, backwards", timeline.Filter{Order: timeline.NewestFirst}, []string{"Index Scan Backward using events_chrono on events e"}, true},
		{"a deep page starts inside the index", timeline.Filter{After: timeline.CursorAt(deep)}, []string{
			"Index Scan using events_chrono on events e", "Index Cond: (ROW(date_start, date_rank, id) > ROW("}, true},
		{"a date range bounds the index scan", timeline.Filter{From: date(t, "2010-03"), To: date(t, "2010-03")}, []string{
			"Index Cond: ((date_start >= ", "AND (date_start < "}, false},
		{"one actor's events come in order from event_actors", timeline.Filter{Actors: []string{syn.Common}}, []string{"using event_actors_timeline on event_actors fa"}, true},
		{"however few they are", timeline.Filter{Actors: []string{syn.Rare}, After: timeline.CursorAt(deep)}, []string{
			"using event_actors_timeline on event_actors fa", "Index Cond: ((actor_id = "}, true},
		{"a rare word is looked up in the search index", timeline.Filter{Text: "unheard-of-word"}, []string{"Bitmap Index Scan on events_search"}, false},
	}
	for _, tt := range plans {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := s.ExplainEvents(ctx, tt.filter, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.want {
				if !strings.Contains(plan, want) {
					t.Errorf("plan lacks %q:\n%s", want, plan)
				}
			}
			if strings.Contains(plan, "Seq Scan on events") {
				t.Errorf("plan reads every event:\n%s", plan)
			}
			if tt.sorted && strings.Contains(plan, "Sort Key: e.date_start") {
				t.Errorf("plan sorts what the index gives in order:\n%s", plan)
			}
		})
	}
	// Words, kinds and several actors become one tsquery over the search
	// document, which carries kinds and actors as lexemes: it selects what
	// the plain conditions select.
	t.Run("words, kinds and actors in one search select what each selects", func(t *testing.T) {
		for _, f := range []timeline.Filter{
			{Text: syn.Word, Kinds: []timeline.Kind{timeline.KindStrike, timeline.KindCall}, Actors: []string{syn.Actor, syn.Rare}},
			{Text: syn.Word, Actors: []string{syn.Common}},
			{Kinds: []timeline.Kind{timeline.KindMeeting}, Actors: []string{syn.Actor, syn.Rare}},
			// an actor of few events: read in order from event_actors
			{Text: syn.Word, Kinds: []timeline.Kind{timeline.KindStrike, timeline.KindCall}, Actors: []string{syn.Actor}},
		} {
			kinds := "true"
			if len(f.Kinds) > 0 {
				kinds = fmt.Sprintf("kind IN ('%s')", strings.Join(strings.Fields(fmt.Sprint(f.Kinds)[1:len(fmt.Sprint(f.Kinds))-1]), "','"))
			}
			words := "true"
			if f.Text != "" {
				words = "search @@ to_tsquery('english', '" + f.Text + "')"
			}
			want := query(t, cfg, `SELECT count(*) FROM events e WHERE `+kinds+` AND `+words+`
				AND EXISTS (SELECT FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
				            WHERE ea.event_id = e.id AND a.name IN ('`+strings.Join(f.Actors, "','")+`'))`)[0]
			f.Limit = 500
			got := allPages(t, s, f)
			if fmt.Sprint(len(got)) != want || want == "0" {
				t.Errorf("%+v: %d events, plain conditions select %s", f, len(got), want)
			}
			plan, err := s.ExplainEvents(ctx, f, false)
			if err != nil {
				t.Fatal(err)
			}
			few := len(f.Actors) == 1 && f.Actors[0] != syn.Common
			switch {
			case few && !strings.Contains(plan, "Index Only Scan using event_actors_timeline on event_actors fa"):
				t.Errorf("%+v: the plan does not read the actor's events in order:\n%s", f, plan)
			case !few && (strings.Contains(plan, "event_actors_timeline") || strings.Contains(plan, "actor_id = ANY") || strings.Contains(plan, "kind = ANY")):
				t.Errorf("%+v: the plan reads more than the search index:\n%s", f, plan)
			}
		}
	})

	t.Run("an overview too large to count is estimated from a sample, and says so", func(t *testing.T) {
		common := timeline.Filter{Actors: []string{syn.Common, syn.Actor}}
		counts, err := s.MonthCounts(ctx, common)
		if err != nil {
			t.Fatal(err)
		}
		total, _, err := s.CountEvents(ctx, common)
		if err != nil {
			t.Fatal(err)
		}
		if sum := estimated(t, counts); sum < total*4/5 || sum > total*6/5 {
			t.Errorf("estimated %d events in all, counted %d", sum, total)
		}

		// a small selection is counted exactly
		few := timeline.Filter{Text: syn.Word, Kinds: []timeline.Kind{timeline.KindStrike}}
		counts, err = s.MonthCounts(ctx, few)
		if err != nil {
			t.Fatal(err)
		}
		byMonth := map[time.Time]int{}
		few.Limit = 500
		for _, e := range allPages(t, s, few) {
			start := timeline.CursorAt(e).Start
			byMonth[time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)]++
		}
		for _, c := range counts {
			if c.About || byMonth[c.Month] != c.Events {
				t.Errorf("%v; the pages hold %d that month", c, byMonth[c.Month])
			}
			delete(byMonth, c.Month)
		}
		if len(counts) == 0 || len(byMonth) > 0 {
			t.Errorf("%d months counted; months left out: %v", len(counts), byMonth)
		}
	})

	t.Run("an actor's page by kind reads the kinds from the actor's index", func(t *testing.T) {
		plan, err := s.ExplainEvents(ctx, timeline.Filter{Actors: []string{syn.Actor}, Kinds: []timeline.Kind{timeline.KindStrike}}, false)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(plan, "Index Only Scan using event_actors_timeline on event_actors fa") || strings.Contains(plan, "e.kind") {
			t.Errorf("plan:\n%s", plan)
		}
	})

	for _, f := range []timeline.Filter{{}, {Actors: []string{syn.Common}}, {Actors: []string{syn.Common}, Kinds: []timeline.Kind{timeline.KindAid}}} {
		t.Run(fmt.Sprintf("the overview of %v reads no events", f.Actors), func(t *testing.T) {
			plan, err := s.ExplainMonthCounts(ctx, f, false)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(plan, "on events") {
				t.Errorf("plan reads the events:\n%s", plan)
			}
		})
	}
}

// An actor's events are read in the order of their copy of the event's
// date in event_actors: it follows the event's date however it changes.
func TestActorPagesFollowChangedDates(t *testing.T) {
	ctx := context.Background()
	cfg, s := storetest.Open(t)
	events := create(t, s,
		event(t, timeline.KindCall, "2025-07-01", "first", "Envoy"),
		event(t, timeline.KindCall, "2025-07-02", "second", "Envoy"),
		event(t, timeline.KindCall, "2025-07-03", "third", "Envoy", "Other"),
	)
	order := func() []string {
		t.Helper()
		return titles(allPages(t, s, timeline.Filter{Actors: []string{"envoy"}, Limit: 1}))
	}
	moved := events[0]
	moved.Date = date(t, "2025-07-05")
	if err := s.UpdateEvent(ctx, &moved); err != nil {
		t.Fatal(err)
	}
	if got := order(); !slices.Equal(got, []string{"second", "third", "first"}) {
		t.Errorf("after an edit: %v", got)
	}
	// Written by other means than the store, too.
	exec(t, cfg, `UPDATE events SET date_start = '2025-06-30', date_end = '2025-07-01', date_value = '2025-06-30' WHERE title = 'third'`)
	if got := order(); !slices.Equal(got, []string{"third", "second", "first"}) {
		t.Errorf("after an update in SQL: %v", got)
	}
	counts, err := s.MonthCounts(ctx, timeline.Filter{Actors: []string{"Envoy"}})
	if err != nil || len(counts) != 2 || counts[0].Events != 1 || counts[1].Events != 2 {
		t.Errorf("overview of the actor = %v, %v; want June 1, July 2", counts, err)
	}
}
