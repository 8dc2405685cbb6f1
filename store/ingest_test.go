package store_test

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/files"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/ingest"
)

// These tests run the ingest pipeline end to end into PostgreSQL: what
// the store promises ingest (one transaction per batch, articles unique by
// hash, occurrences merged across concurrent writers, ErrUnavailable when
// the database goes) holds under real load. The pipeline's own rules are
// tested with a fake saver in timeline/ingest.

var articleDir = filepath.Join("..", "testdata", "articles")

// articleFiles counts the test articles, which other tests add to.
func articleFiles(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir(articleDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext == ".txt" || ext == ".html" {
			n++
		}
	}
	return n
}

func writeJSONL(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "feed.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestIngestSavesOnceAndResumes(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	feed := writeJSONL(t,
		`{"text":"President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Monday.","published":"2025-07-03"}`,
		`{"text":"","published":"2025-07-03"}`,
	)
	paths := []string{articleDir, feed}
	var reports atomic.Int32
	opts := ingest.Options{Workers: 2, BatchSize: 2, Progress: func(ingest.Progress) { reports.Add(1) }}

	sum, err := ingest.Run(ctx, st, files.Articles(paths, timeline.MaxArticleBytes), files.Count(paths), opts)
	if err != nil {
		t.Fatal(err)
	}
	n := articleFiles(t)
	if sum.Saved != n+1 || sum.Failed != 1 || sum.Duplicates != 0 || sum.Events == 0 || sum.Interrupted {
		t.Fatalf("first run: %+v", sum)
	}
	if !strings.Contains(sum.Failures[0].Err.Error(), "empty") {
		t.Errorf("failure = %v, want the empty article's reason", sum.Failures[0].Err)
	}
	if reports.Load() == 0 {
		t.Error("no progress reported")
	}
	page, err := st.Events(ctx, timeline.Filter{Kinds: []timeline.Kind{timeline.KindMeeting}, Actors: []string{"Olaf Scholz"}})
	if err != nil || len(page.Events) != 1 || page.Events[0].Date.Value() != "2025-06-30" {
		t.Errorf("the JSON line's meeting: %+v, %v", page.Events, err)
	}

	again, err := ingest.Run(ctx, st, files.Articles(paths, timeline.MaxArticleBytes), 0, opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Saved != 0 || again.Duplicates != n+1 || again.Failed != 1 {
		t.Errorf("second run: %+v, want every article recognised", again)
	}
}

// Two ingesters given the same files at once, in opposite orders, store
// every article once and every occurrence once: no stored event is the
// same occurrence as another, and each article has the mentions a lone
// ingester gives it.
func TestTwoIngestersStoreEverythingOnce(t *testing.T) {
	ctx := context.Background()
	var lines []string
	for k := range 20 {
		// three wordings of each of twenty meetings, so that the ingesters'
		// batches race for the same occurrences
		for _, f := range []string{
			"President Anna Keller of Germany met Prime Minister Piotr Nowak of Poland in Warsaw on %s for talks number %d.",
			"Germany's Anna Keller and Poland's Piotr Nowak held talks in Warsaw on %s, their meeting number %d.",
			"Piotr Nowak hosted Anna Keller in Warsaw on %s; it was meeting number %d between them.",
		} {
			text := fmt.Sprintf(f, fmt.Sprintf("June %d", 1+k), k)
			lines = append(lines, fmt.Sprintf(`{"text":%q,"published":"2025-07-01"}`, text))
		}
	}
	feed := writeJSONL(t, lines...)

	lone := storetest.New(t)
	if _, err := ingest.Run(ctx, lone, files.Articles([]string{articleDir, feed}, timeline.MaxArticleBytes), 0,
		ingest.Options{Workers: 1, BatchSize: 100}); err != nil {
		t.Fatal(err)
	}
	shared := storetest.New(t)
	var wg sync.WaitGroup
	sums := make([]ingest.Summary, 2)
	errs := make([]error, 2)
	for i, paths := range [][]string{{articleDir, feed}, {feed, articleDir}} {
		wg.Go(func() {
			sums[i], errs[i] = ingest.Run(ctx, shared, files.Articles(paths, timeline.MaxArticleBytes), 0,
				ingest.Options{Workers: 2, BatchSize: 3 + 4*i})
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("ingester %d: %v", i, err)
		}
	}
	want := articleFiles(t) + len(lines)
	if saved := sums[0].Saved + sums[1].Saved; saved != want {
		t.Errorf("the ingesters stored %d and %d articles, want %d in all", sums[0].Saved, sums[1].Saved, want)
	}

	mentions := func(st *store.Store) (map[string]int, []timeline.Event) {
		perArticle := map[string]int{}
		var events []timeline.Event
		err := st.EachEvent(ctx, timeline.Filter{}, func(e timeline.Event) error {
			for _, m := range e.Mentions {
				perArticle[m.Article.Title+" "+m.Quote]++
			}
			events = append(events, e)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return perArticle, events
	}
	loneMentions, loneEvents := mentions(lone)
	sharedMentions, sharedEvents := mentions(shared)
	if !maps.Equal(loneMentions, sharedMentions) {
		t.Errorf("mentions differ: one ingester %d, two at once %d", len(loneMentions), len(sharedMentions))
	}
	if len(loneEvents) < 20 {
		t.Fatalf("a lone ingester found %d events, want at least the twenty meetings", len(loneEvents))
	}
	for i, a := range sharedEvents {
		for _, b := range sharedEvents[i+1:] {
			if timeline.SameOccurrence(a, b) {
				t.Errorf("stored twice: %q (%s) and %q (%s)", a.Title, a.Date, b.Title, b.Date)
			}
		}
	}
	t.Logf("%d events alone, %d with two ingesters", len(loneEvents), len(sharedEvents))
}

// When the database goes away mid-run, the run stops with the error and
// says how far it got, rather than extracting the rest for nothing.
func TestIngestStopsWhenTheDatabaseGoesAway(t *testing.T) {
	ctx := context.Background()
	cfg, st := storetest.Open(t)
	var once sync.Once
	opts := ingest.Options{Workers: 1, BatchSize: 1, ProgressEvery: time.Nanosecond, Progress: func(p ingest.Progress) {
		if p.Saved > 0 {
			once.Do(func() { storetest.Drop(t, cfg.ConnConfig.Database) })
		}
	}}
	sum, err := ingest.Run(ctx, st, files.Articles([]string{articleDir}, timeline.MaxArticleBytes), articleFiles(t), opts)
	if err == nil {
		t.Fatalf("the run went on without its database: %+v", sum)
	}
	if sum.Saved == 0 || sum.Saved >= articleFiles(t) {
		t.Errorf("saved %d of %d articles, want the ones before the database went", sum.Saved, articleFiles(t))
	}
	t.Logf("stopped with: %v", err)
}
