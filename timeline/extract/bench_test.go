package extract

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline/extract/synthetic"
	"github.com/olebedev/when"
	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

// whenRules are the rules when.EN runs.
var whenRules = append(append([]rules.Rule{}, en.All...), common.All...)

// whenAllMatches is the plain way to find every date with olebedev/when:
// Parse returns only the first match, so parse again after it, to the end
// of the text. When Parse finds a match it cannot apply it returns
// nothing, so the loop skips past the earliest raw match and goes on. It
// is the baseline the extractor is measured against.
func whenAllMatches(text string, ref time.Time) int {
	n := 0
	for rest := text; rest != ""; {
		r, err := when.EN.Parse(rest, ref)
		next := -1
		if err == nil && r != nil {
			n++
			next = r.Index + len(r.Text)
		} else {
			for _, rule := range whenRules {
				if m := rule.Find(rest); m != nil && (next < 0 || m.Right < next) {
					next = m.Right
				}
			}
		}
		if next <= 0 {
			if next < 0 {
				break
			}
			next = 1
		}
		if next >= len(rest) {
			break
		}
		rest = rest[next:]
	}
	return n
}

var (
	corpusOnce sync.Map // size -> string
	baseline   sync.Map // "when": bytes per second of the when loop; "1MiB": seconds per 1 MiB run
)

func corpus(size int) string {
	if c, ok := corpusOnce.Load(size); ok {
		return c.(string)
	}
	c := synthetic.Corpus(42, size)
	corpusOnce.Store(size, c)
	return c
}

// articles splits a corpus at its article boundaries (the blank line
// pairs the generator puts between articles).
func articles(corpus string) []string {
	var out []string
	for _, a := range strings.Split(corpus, "\n\n\n\n") {
		if strings.TrimSpace(a) != "" {
			out = append(out, a)
		}
	}
	return out
}

// BenchmarkExtract measures the whole extractor (cleaning, publication
// date, dates, events) over one text of 1 MiB and of 4 MiB, and the when
// all-matches loop over the same 1 MiB, article by article. (Over the
// whole text as one string the loop is quadratic: when-loop-whole shows it
// on 64 KiB.) The dateline runs report their speed as a multiple of the
// when loop's (x-when), and the 4 MiB run its time as a multiple of the
// 1 MiB run's (x-1MiB-time), all measured in the same run.
func BenchmarkExtract(b *testing.B) {
	ref := time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC)
	one := corpus(1 << 20)
	b.Run("when-loop/1MiB", func(b *testing.B) {
		arts := articles(one)
		b.SetBytes(int64(len(one)))
		start := time.Now()
		for b.Loop() {
			for _, a := range arts {
				whenAllMatches(a, ref)
			}
		}
		baseline.Store("when", float64(len(one))*float64(b.N)/time.Since(start).Seconds())
	})
	b.Run("when-loop-whole/64KiB", func(b *testing.B) {
		text := corpus(64 << 10)
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			whenAllMatches(text, ref)
		}
	})
	for _, size := range []int{1 << 20, 4 << 20} {
		text := corpus(size)
		b.Run(fmt.Sprintf("dateline/%dMiB", size>>20), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			start := time.Now()
			for b.Loop() {
				if _, err := Article(b.Context(), text, Options{MaxBytes: len(text)}); err != nil {
					b.Fatal(err)
				}
			}
			perOp := time.Since(start).Seconds() / float64(b.N)
			speed := float64(len(text)) / perOp
			if base, ok := baseline.Load("when"); ok {
				b.ReportMetric(speed/base.(float64), "x-when")
			}
			// the cost of four times the text, in times the cost of one:
			// 4 when it grows linearly
			if size == 1<<20 {
				baseline.Store("1MiB", perOp)
			} else if one, ok := baseline.Load("1MiB"); ok {
				b.ReportMetric(perOp/one.(float64), "x-1MiB-time")
			}
		})
	}
}

// BenchmarkRunOn measures text with no sentence ends, which is cut into
// pieces of at most maxSentenceWords words (TestRunOnTextIsCut): 86 KB
// should cost twice what 43 KB cost, reported as x-43KB-time.
func BenchmarkRunOn(b *testing.B) {
	words := strings.Fields("the talks between the leaders went on and on while officials in the capital said nothing")
	for _, size := range []int{43_000, 86_000} {
		var t strings.Builder
		for i := 0; t.Len() < size; i++ {
			t.WriteString(words[i%len(words)])
			t.WriteByte(' ')
		}
		text := t.String()
		b.Run(fmt.Sprintf("%dKB", size/1000), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			start := time.Now()
			for b.Loop() {
				if _, err := Article(b.Context(), text, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			perOp := time.Since(start).Seconds() / float64(b.N)
			if size == 43_000 {
				baseline.Store("43KB", perOp)
			} else if one, ok := baseline.Load("43KB"); ok {
				b.ReportMetric(perOp/one.(float64), "x-43KB-time")
			}
		})
	}
}
