package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/dateline/dateline/timeline/ingest"
)

// memory is a Saver that keeps articles by hash, as the store does. Its
// refuse, when set, decides first whether a call fails.
type memory struct {
	mu     sync.Mutex
	stored map[[32]byte]string // hash: title
	calls  int
	refuse func(call int, titles []string) error
	// lookup, when set, is ExistingArticles' error.
	lookup error
	// live counts the saves whose context had not ended.
	live int
}

func (m *memory) SaveArticles(ctx context.Context, articles []*timeline.Article, events [][]timeline.Event) ([]bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	if ctx.Err() == nil {
		m.live++
	}
	titles := make([]string, len(articles))
	for i, a := range articles {
		titles[i] = a.Title
	}
	if m.refuse != nil {
		if err := m.refuse(m.calls, titles); err != nil {
			return nil, err
		}
	}
	if m.stored == nil {
		m.stored = map[[32]byte]string{}
	}
	dups := make([]bool, len(articles))
	for i, a := range articles {
		h := timeline.ArticleHash(a.Body)
		_, dups[i] = m.stored[h]
		m.stored[h] = a.Title
	}
	return dups, nil
}

func (m *memory) ExistingArticles(ctx context.Context, hashes [][32]byte) (map[[32]byte]bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.lookup != nil {
		return nil, m.lookup
	}
	found := map[[32]byte]bool{}
	for _, h := range hashes {
		if _, ok := m.stored[h]; ok {
			found[h] = true
		}
	}
	return found, nil
}

// titles returns the titles stored, sorted.
func (m *memory) titles() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ts []string
	for _, t := range m.stored {
		ts = append(ts, t)
	}
	slices.Sort(ts)
	return ts
}

// quick stands in for the extractor: the article's first line is its
// title, and it finds one event, dated by the publication date given.
func quick(ctx context.Context, input string, opts extract.Options) (extract.Result, error) {
	if input == "" {
		return extract.Result{}, extract.ErrEmpty
	}
	title, _, _ := strings.Cut(input, "\n")
	return extract.Result{Title: title, Published: opts.Published, Events: []timeline.Event{{Title: title}}}, nil
}

// sources yields an article per name, its text the name, except "empty",
// which has none; a name starting with "!" is yielded with an error
// instead.
func sources(names ...string) iter.Seq2[ingest.Source, error] {
	return func(yield func(ingest.Source, error) bool) {
		for _, n := range names {
			if rest, bad := strings.CutPrefix(n, "!"); bad {
				if !yield(ingest.Source{Name: rest}, fmt.Errorf("open %s: permission denied", rest)) {
					return
				}
				continue
			}
			text := n
			if n == "empty" {
				text = ""
			}
			if !yield(ingest.Source{Name: n, Text: text}, nil) {
				return
			}
		}
	}
}

func day(t *testing.T, value string) timeline.Date {
	t.Helper()
	d, err := timeline.ParseDate(value)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func failed(sum ingest.Summary) []string {
	var names []string
	for _, f := range sum.Failures {
		names = append(names, f.Name+": "+f.Err.Error())
	}
	slices.Sort(names)
	return names
}

var errGone = fmt.Errorf("store: save 2 articles: %w", timeline.ErrUnavailable)

// The rules of a run, each against an in-memory saver.
func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name    string
		stored  []string // articles saved by an earlier run
		sources iter.Seq2[ingest.Source, error]
		refuse  func(call int, titles []string) error
		lookup  error
		// what the run ends with
		wantErr    error
		saved      []string
		duplicates int
		failed     []string
	}{
		{
			name:    "every article is saved, with its events",
			sources: sources("a", "b", "c"),
			saved:   []string{"a", "b", "c"},
		},
		{
			name:       "an article stored before is counted, not saved again",
			stored:     []string{"b"},
			sources:    sources("a", "b", "c"),
			saved:      []string{"a", "b", "c"},
			duplicates: 1,
		},
		{
			name:    "a source that cannot be read fails alone",
			sources: sources("a", "!b", "c"),
			saved:   []string{"a", "c"},
			failed:  []string{"b: open b: permission denied"},
		},
		{
			name:    "an article the extractor refuses fails alone",
			sources: sources("a", "empty", "c"),
			saved:   []string{"a", "c"},
			failed:  []string{"empty: " + extract.ErrEmpty.Error()},
		},
		{
			name:    "a batch refused once is saved article by article",
			sources: sources("a", "b", "c"),
			refuse: func(call int, _ []string) error {
				if call == 1 {
					return errors.New("store: save 3 articles: could not serialize access")
				}
				return nil
			},
			saved: []string{"a", "b", "c"},
		},
		{
			name:    "an article refused for good fails alone",
			sources: sources("a", "b", "c"),
			refuse: func(_ int, titles []string) error {
				if slices.Contains(titles, "b") {
					return errors.New("title too long")
				}
				return nil
			},
			saved:  []string{"a", "c"},
			failed: []string{"b: title too long"},
		},
		{
			name:    "storage gone stops the run",
			sources: sources("a", "b", "c"),
			refuse:  func(int, []string) error { return errGone },
			wantErr: timeline.ErrUnavailable,
		},
		{
			name:    "storage gone while saving article by article stops the run",
			sources: sources("a", "b", "c"),
			refuse: func(call int, _ []string) error {
				if call == 1 {
					return errors.New("refused")
				}
				return errGone
			},
			wantErr: timeline.ErrUnavailable,
		},
		{
			name:    "a lookup of stored articles that fails stops the run",
			sources: sources("a", "b"),
			lookup:  errGone,
			wantErr: timeline.ErrUnavailable,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			m := &memory{}
			opts := ingest.Options{Workers: 2, BatchSize: 10, Extract: quick, Published: day(t, "2025-07-03")}
			if len(tc.stored) > 0 {
				if _, err := ingest.Run(ctx, m, sources(tc.stored...), 0, opts); err != nil {
					t.Fatal(err)
				}
			}
			m.refuse, m.lookup = tc.refuse, tc.lookup
			sum, err := ingest.Run(ctx, m, tc.sources, 3, opts)
			if !errors.Is(err, tc.wantErr) || (err != nil) != (tc.wantErr != nil) {
				t.Fatalf("Run: %v, want %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			if got := m.titles(); !slices.Equal(got, tc.saved) {
				t.Errorf("stored %q, want %q", got, tc.saved)
			}
			if got := failed(sum); !slices.Equal(got, tc.failed) {
				t.Errorf("failures %q, want %q", got, tc.failed)
			}
			wantSaved := len(tc.saved) - len(tc.stored)
			if sum.Saved != wantSaved || sum.Events != wantSaved || sum.Duplicates != tc.duplicates ||
				sum.Failed != len(tc.failed) || sum.Read != 3 || sum.Interrupted {
				t.Errorf("summary %+v, want %d saved with as many events, %d duplicates, %d failed of 3 read",
					sum.Progress, wantSaved, tc.duplicates, len(tc.failed))
			}
		})
	}
}

// An article stored without a publication date, its own or given, is
// named in the summary: its relative dates could not be placed.
func TestRunNamesUndatedArticles(t *testing.T) {
	m := &memory{}
	src := func(yield func(ingest.Source, error) bool) {
		_ = yield(ingest.Source{Name: "dated.txt", Text: "dated", Published: day(t, "2025-07-03")}, nil) &&
			yield(ingest.Source{Name: "undated.txt", Text: "undated"}, nil)
	}
	sum, err := ingest.Run(context.Background(), m, src, 2, ingest.Options{Extract: quick})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sum.Undated, []string{"undated.txt"}) || sum.Saved != 2 {
		t.Errorf("undated %q of %d saved, want undated.txt alone of 2", sum.Undated, sum.Saved)
	}
}

// Per article: a source's own title wins over the one extraction finds,
// a title is cut to what an article may hold, and extraction is given
// the run's publication date and size limit.
func TestRunKeepsWhatTheSourceSays(t *testing.T) {
	m := &memory{}
	long := strings.Repeat("é", timeline.MaxTitleRunes+10)
	src := func(yield func(ingest.Source, error) bool) {
		_ = yield(ingest.Source{Name: "titled", Text: "found title\nbody", Title: "given title"}, nil) &&
			yield(ingest.Source{Name: "long", Text: long + "\nbody"}, nil)
	}
	var given []extract.Options
	var mu sync.Mutex
	ex := func(ctx context.Context, input string, opts extract.Options) (extract.Result, error) {
		mu.Lock()
		given = append(given, opts)
		mu.Unlock()
		return quick(ctx, input, opts)
	}
	opts := ingest.Options{Extract: ex, Published: day(t, "2025-07-03"), MaxBytes: 4096}
	if _, err := ingest.Run(context.Background(), m, src, 2, opts); err != nil {
		t.Fatal(err)
	}
	want := []string{"given title", strings.Repeat("é", timeline.MaxTitleRunes)}
	if got := m.titles(); !slices.Equal(got, want) {
		t.Errorf("titles %q, want the given one and the long one cut", got)
	}
	for _, o := range given {
		if o.Published.Value() != "2025-07-03" || o.MaxBytes != 4096 {
			t.Errorf("extracted with %+v, want the publication date and size limit given", o)
		}
	}
}

// An article whose extraction outlasts the time limit fails alone: the
// others are saved and the run ends.
func TestAnArticleOverTheTimeLimitFailsAlone(t *testing.T) {
	// The slow article takes ten seconds unless its context ends first,
	// as extraction does.
	slow := func(ctx context.Context, input string, opts extract.Options) (extract.Result, error) {
		if strings.Contains(input, "forever") {
			select {
			case <-ctx.Done():
				return extract.Result{}, ctx.Err()
			case <-time.After(10 * time.Second):
			}
		}
		return quick(ctx, input, opts)
	}
	m := &memory{}
	sum, err := ingest.Run(context.Background(), m, sources("quick", "forever"), 2,
		ingest.Options{ArticleTimeout: 200 * time.Millisecond, Extract: slow})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Saved != 1 || sum.Failed != 1 || sum.Interrupted || sum.Failures[0].Name != "forever" ||
		!strings.Contains(sum.Failures[0].Err.Error(), "longer than the 200ms allowed") {
		t.Errorf("run: %+v, want the slow article failed for its time and the other saved", sum)
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	m := &memory{}
	sum, err := ingest.Run(ctx, m, sources("a", "b", "c"), 3, ingest.Options{Extract: quick})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.Saved != 0 {
		t.Errorf("cancelled run: %+v", sum)
	}
}

// Cancelled midway, a run stops reading but saves what it has
// extracted, with a context that has not ended, so that nothing done is
// lost; the rerun saves the rest.
func TestRunCancelledMidwaySavesWhatItHolds(t *testing.T) {
	const n = 2000
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("article %d", i)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m := &memory{}
	opts := ingest.Options{Workers: 2, BatchSize: 10, Extract: quick, ProgressEvery: time.Nanosecond,
		Progress: func(p ingest.Progress) {
			if p.Saved > 0 {
				cancel()
			}
		}}
	sum, err := ingest.Run(ctx, m, sources(names...), n, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.Saved == 0 || sum.Saved >= n || sum.Failed != 0 {
		t.Fatalf("cancelled midway: %+v, want some saved and none failed", sum.Progress)
	}
	if m.live != m.calls {
		t.Errorf("%d of %d saves had an ended context", m.calls-m.live, m.calls)
	}
	if got := len(m.titles()); got != sum.Saved {
		t.Errorf("%d stored, the summary says %d", got, sum.Saved)
	}
	again, err := ingest.Run(context.Background(), m, sources(names...), n, ingest.Options{Extract: quick})
	if err != nil || again.Saved+again.Duplicates != n || again.Duplicates != sum.Saved {
		t.Errorf("rerun: %+v, %v; want the rest saved and the first %d skipped", again.Progress, err, sum.Saved)
	}
}

// Progress is reported as the run goes and once at its end, with the
// final counts.
func TestRunReportsProgress(t *testing.T) {
	var mu sync.Mutex
	var reports []ingest.Progress
	opts := ingest.Options{Extract: quick, Published: day(t, "2025-07-03"), ProgressEvery: time.Nanosecond,
		Progress: func(p ingest.Progress) {
			mu.Lock()
			reports = append(reports, p)
			mu.Unlock()
		}}
	sum, err := ingest.Run(context.Background(), &memory{}, sources("a", "!b", "c"), 3, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) < 2 {
		t.Fatalf("%d reports, want some on the way and one at the end", len(reports))
	}
	last := reports[len(reports)-1]
	if last != sum.Progress || last.Total != 3 || last.Saved != 2 || last.Failed != 1 || last.Elapsed <= 0 {
		t.Errorf("last report %+v, want the summary's %+v", last, sum.Progress)
	}
}
