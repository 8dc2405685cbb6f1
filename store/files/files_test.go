package files_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/store/files"
	"github.com/dateline/dateline/timeline"
)

var articles = filepath.Join("..", "..", "testdata", "articles")

func TestArticlesReadsTextHTMLAndJSONLines(t *testing.T) {
	feed := filepath.Join(t.TempDir(), "feed.jsonl")
	lines := []string{
		`{"text":"Leaders met on Monday.","url":"https://example.com/a","published":"2025-07-03"}`,
		``,
		`not json`,
		`{"text":"Talks ended.","published":"July 2025"}`,
	}
	if err := os.WriteFile(feed, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var names, bad []string
	for src, err := range files.Articles([]string{articles, feed}, timeline.MaxArticleBytes) {
		if err != nil {
			bad = append(bad, src.Name)
			continue
		}
		names = append(names, filepath.Base(src.Name))
		if strings.HasSuffix(src.Name, ":1") && (src.URL != "https://example.com/a" || src.Published.Value() != "2025-07-03") {
			t.Errorf("line 1 = %+v", src)
		}
	}
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
	if len(names) != n+1 {
		t.Errorf("read %v, want the %d test articles and 1 good line", names, n)
	}
	if len(bad) != 2 || !strings.HasSuffix(bad[0], "feed.jsonl:3") || !strings.HasSuffix(bad[1], "feed.jsonl:4") {
		t.Errorf("bad lines = %v, want lines 3 (not JSON) and 4 (a month is not a day)", bad)
	}
	if c := files.Count([]string{articles, feed}); c != n+3 {
		t.Errorf("Count = %d, want %d (the files and 3 non-empty lines)", c, n+3)
	}
}

// A file that cannot be read, or is too large, is yielded with its error
// and the others go on.
func TestArticlesReportsWhatCannotBeRead(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("word ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	small := filepath.Join(dir, "small.txt")
	if err := os.WriteFile(small, []byte("Leaders met."), 0o644); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"missing.txt": "no such file or directory",
		"big.txt":     "larger than 100 bytes",
		"small.txt":   "",
	}
	n := 0
	for src, err := range files.Articles([]string{filepath.Join(dir, "missing.txt"), big, small}, 100) {
		n++
		name := filepath.Base(src.Name)
		switch w, ok := want[name]; {
		case !ok:
			t.Errorf("unexpected source %q", src.Name)
		case w == "" && err != nil:
			t.Errorf("%s: %v, want it read", name, err)
		case w != "" && (err == nil || !strings.Contains(err.Error(), w)):
			t.Errorf("%s: %v, want an error saying %q", name, err, w)
		}
	}
	if n != len(want) {
		t.Errorf("%d sources, want %d", n, len(want))
	}
}
