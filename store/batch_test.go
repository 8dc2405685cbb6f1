package store_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5/pgxpool"
)

// oneReport is an article of one sentence reporting one event.
func oneReport(t *testing.T, body string, kind timeline.Kind, value string, actors ...string) (*timeline.Article, []timeline.Event) {
	t.Helper()
	a := &timeline.Article{Title: body[:10], Published: date(t, "2025-07-03"), PublishedSource: "given", Body: body}
	e := event(t, kind, value, body, actors...)
	e.Origin, e.Confidence = timeline.ByExtractor, 0.7
	e.Mentions = []timeline.Mention{{Quote: body, Start: 0, End: len(body)}}
	return a, []timeline.Event{e}
}

func saveBatch(t *testing.T, s *store.Store, pairs ...any) []bool {
	t.Helper()
	var articles []*timeline.Article
	var events [][]timeline.Event
	for i := 0; i < len(pairs); i += 2 {
		articles = append(articles, pairs[i].(*timeline.Article))
		events = append(events, pairs[i+1].([]timeline.Event))
	}
	dups, err := s.SaveArticles(context.Background(), articles, events)
	if err != nil {
		t.Fatal(err)
	}
	return dups
}

func TestSaveArticlesStoresABatch(t *testing.T) {
	s := storetest.New(t)
	a1, e1 := oneReport(t, "Russia and China signed a treaty.", timeline.KindAgreement, "2025-06-01", "Russia", "China")
	a2, e2 := oneReport(t, "Iran struck Israel overnight.", timeline.KindStrike, "2025-06-02", "Iran", "Israel")
	dups := saveBatch(t, s, a1, e1, a2, e2)
	if !slices.Equal(dups, []bool{false, false}) || a1.ID == 0 || a2.ID == 0 || e1[0].ID == 0 || e2[0].ID == 0 {
		t.Fatalf("dups %v, ids %d %d %d %d", dups, a1.ID, a2.ID, e1[0].ID, e2[0].ID)
	}
	got, err := s.Event(context.Background(), e2[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Iran struck Israel overnight." || !slices.Equal(got.ActorNames(), []string{"Iran", "Israel"}) ||
		got.Sources != 1 || len(got.Mentions) != 1 || got.Mentions[0].Article.ID != a2.ID {
		t.Errorf("stored event = %+v", got)
	}
	page, err := s.Events(context.Background(), timeline.Filter{Actors: []string{"israel"}})
	if err != nil || len(page.Events) != 1 {
		t.Errorf("the actor filter finds %d events, %v: the timeline copy of the sort key must be filled", len(page.Events), err)
	}
}

func TestSaveArticlesRecognisesStoredAndRepeatedArticles(t *testing.T) {
	s := storetest.New(t)
	old, oldEvents := oneReport(t, "Iran struck Israel overnight.", timeline.KindStrike, "2025-06-02", "Iran", "Israel")
	saveBatch(t, s, old, oldEvents)

	again, againEvents := oneReport(t, "Iran struck Israel overnight.", timeline.KindStrike, "2025-06-02", "Iran", "Israel")
	a, ae := oneReport(t, "Russia and China signed a treaty.", timeline.KindAgreement, "2025-06-01", "Russia", "China")
	twice, twiceEvents := oneReport(t, "Russia and China signed a treaty.", timeline.KindAgreement, "2025-06-01", "Russia", "China")
	dups := saveBatch(t, s, again, againEvents, a, ae, twice, twiceEvents)
	if !slices.Equal(dups, []bool{true, false, true}) {
		t.Errorf("duplicates = %v, want stored, new, repeated", dups)
	}
	if again.ID != old.ID || twice.ID != a.ID {
		t.Errorf("duplicates carry the stored ids: %d/%d, %d/%d", again.ID, old.ID, twice.ID, a.ID)
	}
	if n := len(allPages(t, s, timeline.Filter{})); n != 2 {
		t.Errorf("%d events, want 2", n)
	}
}

// Reports of one occurrence become one event with several sources, whether
// the first report was stored before or sits earlier in the same batch.
func TestSaveArticlesMergesOccurrences(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	first, fe := oneReport(t, "Trump and Putin spoke by phone.", timeline.KindCall, "2025-07-03", "Donald Trump", "Vladimir Putin")
	saveBatch(t, s, first, fe)

	second, se := oneReport(t, "Putin and Trump held a call on Thursday.", timeline.KindCall, "2025-07-03TMO", "Vladimir Putin", "Donald Trump")
	third, te := oneReport(t, "Xi met Lula in Brasilia.", timeline.KindMeeting, "2025-07-01", "Xi Jinping", "Lula")
	fourth, fo := oneReport(t, "Lula hosted Xi on Tuesday.", timeline.KindVisit, "2025-07-01", "Lula", "Xi Jinping")
	saveBatch(t, s, second, se, third, te, fourth, fo)

	if se[0].ID != fe[0].ID {
		t.Errorf("the second report of the call made event %d, want the stored %d", se[0].ID, fe[0].ID)
	}
	if fo[0].ID != te[0].ID {
		t.Errorf("the visit and the meeting of one day are one occurrence: %d and %d", te[0].ID, fo[0].ID)
	}
	call, err := s.Event(ctx, fe[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if call.Sources != 2 || len(call.Mentions) != 2 {
		t.Errorf("call: %d sources, %d mentions; want 2 and 2", call.Sources, len(call.Mentions))
	}
	if n := len(allPages(t, s, timeline.Filter{})); n != 2 {
		t.Errorf("%d events, want 2", n)
	}
}

func TestSaveArticlesIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	cfg, s := storetest.Open(t)
	exec(t, cfg, `
		CREATE FUNCTION refuse_strikes() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'refused by test'; END $$;
		CREATE TRIGGER refuse_strikes BEFORE INSERT ON events
		FOR EACH ROW WHEN (NEW.kind = 'strike') EXECUTE FUNCTION refuse_strikes();`)
	a1, e1 := oneReport(t, "Russia and China signed a treaty.", timeline.KindAgreement, "2025-06-01", "Russia", "China")
	a2, e2 := oneReport(t, "Iran struck Israel overnight.", timeline.KindStrike, "2025-06-02", "Iran", "Israel")
	if _, err := s.SaveArticles(ctx, []*timeline.Article{a1, a2}, [][]timeline.Event{e1, e2}); err == nil {
		t.Fatal("the batch was saved despite the refusing trigger")
	}
	for _, table := range []string{"articles", "events", "actors", "event_actors", "mentions"} {
		if n := count(t, cfg, table); n != 0 {
			t.Errorf("%s has %d rows after a failed batch", table, n)
		}
	}
	if a1.ID != 0 {
		t.Error("an article of a failed batch kept its id")
	}
}

func TestSaveArticlesNamesTheBadArticle(t *testing.T) {
	s := storetest.New(t)
	good, ge := oneReport(t, "Russia and China signed a treaty.", timeline.KindAgreement, "2025-06-01", "Russia", "China")
	bad, be := oneReport(t, "Iran struck Israel overnight.", timeline.KindStrike, "2025-06-02", "Iran", "Israel")
	be[0].Title = ""
	_, err := s.SaveArticles(context.Background(), []*timeline.Article{good, bad}, [][]timeline.Event{ge, be})
	if v := timeline.FieldErrors(err); v == nil || v.Field("events[0].title") == "" {
		t.Fatalf("error = %v, want a field error for the second article's event", err)
	}
}

// Several ingesters saving batches about the same occurrences at once store
// each occurrence once: the occurrence locks serialise them in one order.
func TestSaveArticlesConcurrentlyMergesAndNeverDeadlocks(t *testing.T) {
	s := storetest.New(t)
	const writers, perBatch = 4, 10
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for w := range writers {
		wg.Go(func() {
			var articles []*timeline.Article
			var events [][]timeline.Event
			for i := range perBatch {
				// each writer reports the same ten occurrences in its own words,
				// in its own order
				k := (i + w*3) % perBatch
				a, e := oneReport(t, fmt.Sprintf("Writer %d: leaders of country %d met on day %d.", w, k, k),
					timeline.KindMeeting, fmt.Sprintf("2025-06-%02d", k+1), fmt.Sprintf("Country %d", k))
				articles, events = append(articles, a), append(events, e)
			}
			_, errs[w] = s.SaveArticles(context.Background(), articles, events)
		})
	}
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", w, err)
		}
	}
	got := allPages(t, s, timeline.Filter{})
	if len(got) != perBatch {
		t.Fatalf("%d events, want %d occurrences stored once", len(got), perBatch)
	}
	for _, e := range got {
		if e.Sources != writers {
			t.Errorf("%s: %d sources, want %d", e.Title, e.Sources, writers)
		}
	}
}

// A batch keeps the derived data (search documents, month counts,
// event_actors' sort keys, the export version) itself rather than through
// the triggers: it must end up exactly as the triggers leave it when the
// same articles are saved one by one.
func TestSaveArticlesKeepsDerivedDataAsTheTriggersDo(t *testing.T) {
	ctx := context.Background()
	var pairs [][2]any
	for i, s := range []struct {
		body, value string
		kind        timeline.Kind
		actors      []string
	}{
		{"Russia and China signed a treaty.", "2025-06-01", timeline.KindAgreement, []string{"Russia", "China"}},
		{"Iran struck Israel overnight.", "2025-06-02TNI", timeline.KindStrike, []string{"Iran", "Israel"}},
		{"Israel hit Iran, the army said.", "2025-06-02", timeline.KindStrike, []string{"Israel", "Iran"}},
		{"Talks resumed in May.", "2025-05", timeline.KindMeeting, []string{"Iran", "United States"}},
		{"Leaders met in 2024.", "2024", timeline.KindMeeting, []string{"France"}},
	} {
		a, e := oneReport(t, s.body, s.kind, s.value, s.actors...)
		a.URL = fmt.Sprintf("https://example.com/%d", i)
		pairs = append(pairs, [2]any{a, e})
	}
	// two events told by one sentence, whose quote a batch reads once
	a, e := oneReport(t, "Chile and Peru met and signed a deal.", timeline.KindMeeting, "2025-04-01", "Chile", "Peru")
	deal := e[0]
	deal.Kind, deal.Title, deal.Mentions = timeline.KindAgreement, "Chile and Peru sign a deal", slices.Clone(e[0].Mentions)
	pairs = append(pairs, [2]any{a, append(e, deal)})
	one, many := storetest.Config(t), storetest.Config(t)
	for _, db := range []struct {
		cfg   *pgxpool.Config
		batch bool
	}{{one, false}, {many, true}} {
		s, err := store.Open(ctx, db.cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var articles []*timeline.Article
		var events [][]timeline.Event
		for _, p := range pairs {
			a := *p[0].(*timeline.Article)
			e := slices.Clone(p[1].([]timeline.Event))
			articles, events = append(articles, &a), append(events, e)
		}
		if db.batch {
			_, err = s.SaveArticles(ctx, articles, events)
		} else {
			for i := range articles {
				if _, err = s.SaveArticle(ctx, articles[i], events[i]); err != nil {
					break
				}
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, check := range []struct{ name, sql string }{
		// actor ids differ between the databases: the documents name
		// actors by key here
		{"search documents", `SELECT e.title, (SELECT string_agg(l, ' ' ORDER BY l) FROM (
				SELECT coalesce('#a ' || a.key, u.lexeme) || coalesce(u.positions::text, '') || coalesce(u.weights::text, '') AS l
				FROM unnest(e.search) u LEFT JOIN actors a ON u.lexeme = '#a' || a.id) d)
			FROM events e ORDER BY title`},
		{"month counts per actor", `SELECT a.key, m.month, m.kind, m.events
			FROM actor_months m JOIN actors a ON a.id = m.actor_id WHERE events > 0 ORDER BY 1, 2, 3`},
		{"month counts", `SELECT month, kind, events FROM event_months WHERE events > 0 ORDER BY 1, 2`},
		{"sort keys", `SELECT e.title, ea.position, ea.event_start = e.date_start AND ea.event_rank = e.date_rank
			FROM event_actors ea JOIN events e ON e.id = ea.event_id ORDER BY 1, 2`},
		{"export version moved", `SELECT n > 0 FROM export_version`},
		{"mentions", `SELECT e.title, m.quote FROM mentions m JOIN events e ON e.id = m.event_id ORDER BY 1, 2`},
	} {
		if a, b := query(t, one, check.sql), query(t, many, check.sql); !slices.Equal(a, b) || len(a) == 0 {
			t.Errorf("%s differ:\none by one: %q\nin a batch: %q", check.name, a, b)
		}
	}
	if got := query(t, many, `SELECT count(*) FROM events WHERE search IS NULL`); got[0] != "0" {
		t.Errorf("%s events without a search document", got[0])
	}
}
