package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/evaldata"
)

var testArticle = filepath.Join("..", "..", "testdata", "articles", "wire-summit.txt")

// The JSON of "dateline extract --json" is a contract other tools read:
// these are its fields and their meaning.
func TestExtractJSONContract(t *testing.T) {
	r := dateline(t, "", "extract", "--json", testArticle)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Published       string `json:"published"`
		PublishedSource string `json:"published_source"`
		Events          []struct {
			Date       string   `json:"date"`
			Precision  string   `json:"precision"`
			Kind       string   `json:"kind"`
			Actors     []string `json:"actors"`
			Title      string   `json:"title"`
			Quote      string   `json:"quote"`
			Start      int      `json:"start"`
			End        int      `json:"end"`
			Confidence float64  `json:"confidence"`
			Status     string   `json:"status"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if out.Published != "2024-03-14" || out.PublishedSource != "dateline" {
		t.Errorf("published %q from %q", out.Published, out.PublishedSource)
	}
	if len(out.Events) == 0 {
		t.Fatal("no events")
	}
	input := readTestArticle(t)
	for _, e := range out.Events {
		if _, err := timeline.ParseDate(e.Date); err != nil {
			t.Errorf("date %q: %v", e.Date, err)
		}
		if _, err := timeline.ParsePrecision(e.Precision); err != nil {
			t.Errorf("precision %q: %v", e.Precision, err)
		}
		if !timeline.Kind(e.Kind).Valid() || !timeline.Status(e.Status).Valid() {
			t.Errorf("kind %q status %q", e.Kind, e.Status)
		}
		if input[e.Start:e.End] != e.Quote {
			t.Errorf("quote %q is not bytes %d-%d of the input", e.Quote, e.Start, e.End)
		}
		if e.Confidence <= 0 || e.Confidence > 1 || e.Title == "" || len(e.Actors) == 0 {
			t.Errorf("event %+v", e)
		}
	}
}

func readTestArticle(t *testing.T) string {
	t.Helper()
	b, err := readFileString(testArticle)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExtractReadsStdinAndTakesThePublishedDate(t *testing.T) {
	r := datelineIn(t, "", "Russian and Chinese leaders met on Thursday and signed an accord.", "extract", "--published", "2025-07-03", "--json", "-")
	if r.code != 0 || !strings.Contains(r.stdout, `"date": "2025-07-03"`) || !strings.Contains(r.stdout, `"published_source": "given"`) {
		t.Errorf("exit %d, stdout %s, stderr %s", r.code, r.stdout, r.stderr)
	}
	r = dateline(t, "", "extract", "--published", "July 3", "-")
	if r.code != 2 {
		t.Errorf("a loose --published: exit %d, want 2", r.code)
	}
	r = datelineIn(t, "", "", "extract", "-")
	if r.code != 1 || !strings.Contains(r.stderr, "empty") {
		t.Errorf("empty input: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestTimexJSONContract(t *testing.T) {
	r := datelineIn(t, "", "Talks were held on June 21 and again two days later.", "timex", "--dct", "2025-07-03", "--json", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		DCT     string `json:"dct"`
		Timexes []struct {
			Text  string `json:"text"`
			Start int    `json:"start"`
			End   int    `json:"end"`
			Type  string `json:"type"`
			Value string `json:"value"`
		} `json:"timexes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.DCT != "2025-07-03" || len(out.Timexes) != 2 {
		t.Fatalf("%+v", out)
	}
	if x := out.Timexes[0]; x.Text != "June 21" || x.Start != 19 || x.End != 26 || x.Type != "DATE" || x.Value != "2025-06-21" {
		t.Errorf("first = %+v", x)
	}
	if x := out.Timexes[1]; x.Text != "two days later" || x.Value != "2025-06-23" {
		t.Errorf("second = %+v", x)
	}
}

func TestEvalPrintsTheScores(t *testing.T) {
	dir := evaldata.Dir(t, "dev")
	r := dateline(t, "", "eval", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "required recall") || !strings.Contains(r.stdout, "2025-07-03-trump-putin-call-nyt.txt") {
		t.Errorf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	r = dateline(t, "", "eval", "--timeml", evaldata.Dir(t, "tempeval3-train"))
	if r.code != 0 || !strings.Contains(r.stdout, "TimeBank") || !strings.Contains(r.stdout, "value F1") {
		t.Errorf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if r := dateline(t, "", "eval", t.TempDir()); r.code != 1 || !strings.Contains(r.stderr, "no gold articles") {
		t.Errorf("empty dir: exit %d, %q", r.code, r.stderr)
	}
}

// Ingest stores each article once: the second run recognises them.
func TestIngestStoresArticlesOnce(t *testing.T) {
	url := storetest.URL(t)
	dir := filepath.Join("..", "..", "testdata", "articles")
	files, _ := filepath.Glob(filepath.Join(dir, "*.*"))
	first := dateline(t, url, "ingest", dir)
	if first.code != 0 || !strings.Contains(first.stdout, fmt.Sprintf("%d articles saved", len(files))) {
		t.Fatalf("first ingest: %+v", first)
	}
	second := dateline(t, url, "ingest", dir)
	if second.code != 0 || !strings.Contains(second.stdout, fmt.Sprintf("0 articles saved with 0 events; %d already stored", len(files))) {
		t.Fatalf("second ingest: %+v", second)
	}
	export := dateline(t, url, "export", "--format", "json")
	if !strings.Contains(export.stdout, "Beispiel and Minta meet") {
		t.Errorf("ingested events are not stored:\n%s", export.stdout)
	}
	if r := dateline(t, url, "ingest", filepath.Join(t.TempDir(), "missing.txt")); r.code != 1 {
		t.Errorf("missing file: exit %d", r.code)
	}
}
