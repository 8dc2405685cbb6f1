package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/dateline/dateline/timeline/extract/evaldata"
	"github.com/dateline/dateline/timeline/extract/timex"
	"github.com/olebedev/when"
	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

// article is a real news article of the shared evaluation sets, with its
// publication date.
type article struct {
	Text string `json:"text"`
	Ref  string `json:"ref"` // the publication date, YYYY-MM-DD
	// given says the text has no date line of its own: extraction is
	// given the date, as the evaluation does.
	given bool
}

// realArticles reads the plain-text articles of the shared dev and news
// sets (read at run time, never copied into the repository), each with
// the date its gold file gives, and repeats them in order until they
// hold size bytes. It skips the benchmark when the shared data is absent.
func realArticles(b *testing.B, size int) ([]article, int) {
	b.Helper()
	var one []article
	for _, a := range evaldata.Articles(b, "dev", "news") {
		one = append(one, article{Text: a.Text, Ref: a.Published.Format(time.DateOnly), given: a.Given})
	}
	var out []article
	total := 0
	for i := 0; total < size; i++ {
		a := one[i%len(one)]
		out, total = append(out, a), total+len(a.Text)
	}
	return out, total
}

// whenRules are the rules when.EN runs.
var whenRules = append(append([]rules.Rule{}, en.All...), common.All...)

// whenLoop finds every date of text with olebedev/when the plain way:
// Parse gives the first match, so parse again after it to the end. Where
// Parse finds a match it cannot apply it gives nothing: the loop then
// moves past the earliest raw match of any rule.
func whenLoop(text string, ref time.Time) int {
	found := 0
	for rest := text; rest != ""; {
		next := -1
		if r, err := when.EN.Parse(rest, ref); err == nil && r != nil {
			found, next = found+1, r.Index+len(r.Text)
		} else {
			for _, rule := range whenRules {
				if m := rule.Find(rest); m != nil && (next < 0 || m.Right < next) {
					next = m.Right
				}
			}
		}
		switch {
		case next < 0, next >= len(rest):
			return found
		case next == 0:
			next = 1
		}
		rest = rest[next:]
	}
	return found
}

// chronoDir is where make bench installed chrono-node
// ($DATELINE_CHRONO_DIR), or "" when it did not.
func chronoDir() string {
	dir := os.Getenv("DATELINE_CHRONO_DIR")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "chrono-node")); dir == "" || err != nil {
		return ""
	}
	return dir
}

// chronoSpeed runs chrono-node on the articles, each on its own with its
// date as reference, and returns its bytes per second, timed inside node.
func chronoSpeed(b *testing.B, dir string, arts []article, runs int) float64 {
	b.Helper()
	script, err := filepath.Abs("chrono.mjs")
	if err != nil {
		b.Fatal(err)
	}
	input, err := json.Marshal(map[string]any{"runs": runs, "articles": arts})
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command("node", script)
	cmd.Dir, cmd.Stdin = dir, bytes.NewReader(input)
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("chrono-node: %v", err)
	}
	var res struct {
		Bytes   float64 `json:"bytes"`
		Seconds float64 `json:"seconds"`
	}
	if err := json.Unmarshal(out, &res); err != nil || res.Seconds <= 0 {
		b.Fatalf("chrono-node said %q: %v", out, err)
	}
	return res.Bytes / res.Seconds
}

// BenchmarkRealArticles measures extraction on real news: the plain-text
// articles of the shared dev and news sets, repeated to 1 MiB, article by
// article with each one's publication date. Dateline's whole extractor
// (extract.Article) and its date finder alone (timex.Find) are compared
// with two baselines measured in the same run on the same articles: the
// olebedev/when all-matches loop (x-when) and chrono-node 2.10, the
// JavaScript date parser, run by node on each article (x-chrono; skipped
// unless make bench installed it, see DATELINE_CHRONO_DIR).
func BenchmarkRealArticles(b *testing.B) {
	arts, size := realArticles(b, 1<<20)
	refs := make([]time.Time, len(arts))
	opts := make([]extract.Options, len(arts))
	for i, a := range arts {
		d, err := timeline.ParseDate(a.Ref)
		if err != nil {
			b.Fatalf("article %d: date %q: %v", i, a.Ref, err)
		}
		refs[i] = d.Start()
		if a.given {
			opts[i].Published = d
		}
	}
	speeds := map[string]float64{}
	measure := func(name string, each func(i int)) {
		b.Run(name+"/1MiB", func(b *testing.B) {
			b.SetBytes(int64(size))
			start := time.Now()
			for b.Loop() {
				for i := range arts {
					each(i)
				}
			}
			speed := float64(size) * float64(b.N) / time.Since(start).Seconds()
			speeds[name] = speed
			for _, base := range []string{"when", "chrono"} {
				if v := speeds[base]; v > 0 && name != base {
					b.ReportMetric(speed/v, "x-"+base)
				}
			}
		})
	}
	measure("when", func(i int) { whenLoop(arts[i].Text, refs[i]) })
	b.Run("chrono/1MiB", func(b *testing.B) {
		dir := chronoDir()
		if dir == "" {
			b.Skip("chrono-node is not installed: make bench installs it (DATELINE_CHRONO_DIR)")
		}
		for b.Loop() {
			speeds["chrono"] = chronoSpeed(b, dir, arts, 3)
		}
		b.ReportMetric(speeds["chrono"]/1e6, "MB/s")
	})
	measure("timex", func(i int) { timex.Find(arts[i].Text, refs[i]) })
	measure("dateline", func(i int) {
		if _, err := extract.Article(b.Context(), arts[i].Text, opts[i]); err != nil {
			b.Fatalf("article %d: %v", i, err)
		}
	})
}
