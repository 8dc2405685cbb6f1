// Package evaldata finds the shared evaluation data (../shared/eval next
// to the repository) for tests. The data is not part of the repository:
// where it is absent, tests skip with a message, unless
// DATELINE_TEST_EVAL_REQUIRED=1 (set by CI) makes that a failure.
package evaldata

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// Dir returns the directory sub of the shared evaluation data
// ("dev", "tempeval3-train"), or skips or fails the test.
func Dir(t testing.TB, sub string) string {
	t.Helper()
	root, err := Root()
	if err == nil {
		dir := filepath.Join(root, sub)
		if _, err = os.Stat(dir); err == nil {
			return dir
		}
	}
	if os.Getenv("DATELINE_TEST_EVAL_REQUIRED") == "1" {
		t.Fatalf("the shared evaluation data is required (DATELINE_TEST_EVAL_REQUIRED=1): %v", err)
	}
	t.Skipf("no shared evaluation data (../shared/eval next to the repository, or DATELINE_SHARED_DIR): %v", err)
	return ""
}

// Root locates shared/eval: $DATELINE_SHARED_DIR/eval if set, else
// ../shared/eval beside the repository root (the directory with go.mod).
func Root() (string, error) {
	if d := os.Getenv("DATELINE_SHARED_DIR"); d != "" {
		return filepath.Abs(filepath.Join(d, "eval"))
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared", "eval"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("repository root (go.mod) not found")
		}
		dir = parent
	}
}

// Article is a plain-text article of the shared sets, as its gold file
// describes it.
type Article struct {
	Name      string // file name, in its set's directory
	Text      string
	Published time.Time // the gold file's dct: the publication date
	// Given says the text has no date line of its own: the evaluation
	// gives extraction the date.
	Given bool
}

// Articles reads the plain-text articles of the sets ("dev", "news") with
// their gold files' dates, set after set, each in name order. Saved web
// pages are left out: benchmarks comparing with other parsers would make
// them read markup. It skips or fails the test as Dir does.
func Articles(t testing.TB, sets ...string) []Article {
	t.Helper()
	var out []Article
	for _, set := range sets {
		dir := Dir(t, set)
		golds, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(golds)
		for _, path := range golds {
			var g struct {
				Article        string `json:"article"`
				DCT            string `json:"dct"`
				PublishedGiven bool   `json:"published_given"`
			}
			data, err := os.ReadFile(path)
			if err == nil {
				err = json.Unmarshal(data, &g)
			}
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if !strings.HasSuffix(g.Article, ".txt") {
				continue
			}
			published, err := time.Parse(time.DateOnly, g.DCT)
			if err != nil {
				t.Fatalf("%s: dct: %v", path, err)
			}
			text, err := os.ReadFile(filepath.Join(dir, g.Article))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, Article{Name: g.Article, Text: string(text), Published: published, Given: g.PublishedGiven})
		}
	}
	if len(out) == 0 {
		t.Fatalf("no plain-text articles in the shared sets %v", sets)
	}
	return out
}
