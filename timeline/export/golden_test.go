package export_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/dateline/dateline/timeline/export"
	"github.com/dateline/dateline/timeline/export/exporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenFiles pins every format's output for the tricky events, so that
// a change shows in review as a diff of testdata/tricky.*. Regenerate with
// go test ./timeline/export -run Golden -update.
func TestGoldenFiles(t *testing.T) {
	a, events := exporttest.Tricky(t)
	for _, f := range export.Formats {
		t.Run(f.Name, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := export.NewWriter(f.Name, &buf, export.Options{Title: "Dateline", Description: "Every kind of event and text"})
			if err != nil {
				t.Fatal(err)
			}
			if aw, ok := w.(export.ArticleWriter); ok {
				if err := aw.WriteArticle(*a); err != nil {
					t.Fatal(err)
				}
			}
			writeAll(t, w, events)
			path := filepath.Join("testdata", "tricky"+f.Extension)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("output differs from %s; if the change is meant, run with -update and review the diff", path)
			}
		})
	}
}
