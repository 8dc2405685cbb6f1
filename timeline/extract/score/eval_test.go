package score_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/dateline/dateline/timeline/extract/evaldata"
	"github.com/dateline/dateline/timeline/extract/score"
	"github.com/dateline/dateline/timeline/extract/timex"
)

// The bars of the extraction issue, measured on the shared evaluation
// data. They guard against regressions; the same measures are taken on
// held-out articles the repository never sees.
func TestDevArticlesMeetTheBars(t *testing.T) {
	dir := evaldata.Dir(t, "dev")
	golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if len(golds) == 0 {
		t.Fatalf("no gold files in %s", dir)
	}
	var total score.ArticleCounts
	for _, path := range golds {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		g, err := score.ParseGold(data)
		if err != nil {
			t.Fatal(err)
		}
		input, err := os.ReadFile(filepath.Join(dir, g.Article))
		if err != nil {
			t.Fatal(err)
		}
		res, err := extract.Article(t.Context(), string(input), extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", g.Article, err)
		}
		for _, e := range res.Events {
			for _, m := range e.Mentions {
				if string(input[m.Start:m.End]) != m.Quote {
					t.Errorf("%s: quote is not at its offsets", g.Article)
				}
			}
		}
		c, _ := score.CompareArticle(g, res.Published, res.Events)
		if c.PublishedFound == 0 {
			t.Errorf("%s: publication date %q, gold %s", g.Article, res.Published.Value(), g.DCT)
		}
		total.Add(c)
	}
	t.Logf("dev: publication %d/%d, recall %.1f%%, precision %.1f%%, F1 %.1f",
		total.PublishedFound, total.Articles, total.Recall(), total.Precision(), total.F1())
	if total.Recall() < 90 {
		t.Errorf("required-event recall %.1f%% < 90%%", total.Recall())
	}
	if total.Precision() < 80 {
		t.Errorf("precision %.1f%% < 80%%", total.Precision())
	}
}

// The canonical article: the call on the morning of 3 July 2025 between
// Trump and Putin, the US strike of 21 June and the Israeli one of 13
// June; nothing from the caption's "Wednesday" or the "sixth known call".
func TestCanonicalArticle(t *testing.T) {
	dir := evaldata.Dir(t, "dev")
	input, err := os.ReadFile(filepath.Join(dir, "2025-07-03-trump-putin-call-nyt.txt"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := extract.Article(t.Context(), string(input), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Published.Value() != "2025-07-03" {
		t.Fatalf("published %s", res.Published.Value())
	}
	want := []struct {
		date   string
		kind   timeline.Kind
		actors []string
	}{
		{"2025-07-03TMO", timeline.KindCall, []string{"Trump", "Putin"}},
		{"2025-06-21", timeline.KindStrike, []string{"Iran"}},
		{"2025-06-13", timeline.KindStrike, []string{"Israel", "Iran"}},
	}
	for _, w := range want {
		found := false
		for _, e := range res.Events {
			if e.Date.Value() == w.date && e.Kind == w.kind && actorsInclude(e, w.actors) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing %s %s %v", w.date, w.kind, w.actors)
		}
	}
	for _, e := range res.Events {
		if e.Date.Value() == "2025-07-02" {
			t.Errorf("the caption's Wednesday made an event: %+v", e)
		}
		if e.Kind == timeline.KindCall && e.Date.Value() != "2025-07-03TMO" {
			t.Errorf("a call other than Thursday's: %s", e.Date.Value())
		}
	}
}

func actorsInclude(e timeline.Event, names []string) bool {
	for _, n := range names {
		ok := false
		for _, a := range e.Actors {
			if a.Name == n || strings.HasSuffix(a.Name, " "+n) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// TempEval-3 Task A on the training documents: value F1 above the best
// published system (HeidelTime: 79.24 TimeBank, 72.95 AQUAINT) and relaxed
// extent F1 of at least 90.
func TestTempEvalBars(t *testing.T) {
	root := evaldata.Dir(t, "tempeval3-train")
	bars := map[string]float64{"TimeBank": 79.24, "AQUAINT": 72.95}
	for part, bar := range bars {
		files, _ := filepath.Glob(filepath.Join(root, part, "*.tml"))
		if len(files) == 0 {
			t.Fatalf("no TimeML files in %s", part)
		}
		var c score.TimexCounts
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := score.ParseTimeML(string(data))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			dct, _ := time.Parse("2006-01-02", doc.DCT[:10])
			var sys []score.Span
			for _, x := range timex.Find(doc.Text, dct) {
				sys = append(sys, score.Span{Start: x.Start, End: x.End, Type: string(x.Type), Value: x.Value})
			}
			dc, _ := score.CompareTimex(doc.Gold, sys)
			c.Add(dc)
		}
		t.Logf("%s: relaxed F1 %.2f, strict F1 %.2f, value F1 %.2f, type F1 %.2f",
			part, c.F1(c.Relaxed), c.F1(c.Strict), c.F1(c.Value), c.F1(c.Type))
		if v := c.F1(c.Value); v <= bar {
			t.Errorf("%s value F1 %.2f, not above %.2f", part, v, bar)
		}
		if r := c.F1(c.Relaxed); r < 90 {
			t.Errorf("%s relaxed F1 %.2f < 90", part, r)
		}
	}
}
