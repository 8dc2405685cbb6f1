package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/dateline/dateline/store/ingest"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
)

var articles = filepath.Join("..", "..", "testdata", "articles")

// articleFiles counts the test articles, which other tests add to.
func articleFiles(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir(articles)
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

func TestFilesReadsTextHTMLAndJSONLines(t *testing.T) {
	feed := writeJSONL(t,
		`{"text":"Leaders met on Monday.","url":"https://example.com/a","published":"2025-07-03"}`,
		``,
		`not json`,
		`{"text":"Talks ended.","published":"July 2025"}`,
	)
	var names, bad []string
	for src, err := range ingest.Files([]string{articles, feed}, timeline.MaxArticleBytes) {
		if err != nil {
			bad = append(bad, src.Name)
			continue
		}
		names = append(names, filepath.Base(src.Name))
		if strings.HasSuffix(src.Name, ":1") && (src.URL != "https://example.com/a" || src.Published.Value() != "2025-07-03") {
			t.Errorf("line 1 = %+v", src)
		}
	}
	files := articleFiles(t)
	if len(names) != files+1 {
		t.Errorf("read %v, want the %d test articles and 1 good line", names, files)
	}
	if len(bad) != 2 || !strings.HasSuffix(bad[0], "feed.jsonl:3") || !strings.HasSuffix(bad[1], "feed.jsonl:4") {
		t.Errorf("bad lines = %v, want lines 3 (not JSON) and 4 (a month is not a day)", bad)
	}
	if n := ingest.Count([]string{articles, feed}); n != files+3 {
		t.Errorf("Count = %d, want %d (the files and 3 non-empty lines)", n, files+3)
	}
}

func TestRunSavesOnceAndResumes(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	feed := writeJSONL(t,
		`{"text":"President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Monday.","published":"2025-07-03"}`,
		`{"text":"","published":"2025-07-03"}`,
	)
	paths := []string{articles, feed}
	var reports atomic.Int32
	opts := ingest.Options{Workers: 2, BatchSize: 2, Progress: func(ingest.Progress) { reports.Add(1) }}

	sum, err := ingest.Run(ctx, st, ingest.Files(paths, timeline.MaxArticleBytes), ingest.Count(paths), opts)
	if err != nil {
		t.Fatal(err)
	}
	files := articleFiles(t)
	if sum.Saved != files+1 || sum.Failed != 1 || sum.Duplicates != 0 || sum.Events == 0 || sum.Interrupted {
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

	again, err := ingest.Run(ctx, st, ingest.Files(paths, timeline.MaxArticleBytes), 0, opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Saved != 0 || again.Duplicates != files+1 || again.Failed != 1 {
		t.Errorf("second run: %+v, want every article recognised", again)
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	st := storetest.New(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sum, err := ingest.Run(ctx, st, ingest.Files([]string{articles}, timeline.MaxArticleBytes), articleFiles(t), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.Saved != 0 {
		t.Errorf("cancelled run: %+v", sum)
	}
}
