package store_test

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/dateline/dateline/store/files"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/dateline/dateline/timeline/extract/evaldata"
	"github.com/dateline/dateline/timeline/extract/synthetic"
	"github.com/dateline/dateline/timeline/ingest"
)

// writeCorpus writes n synthetic articles as .txt files, as a newsroom's
// archive would hold them.
func writeCorpus(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	for i := range n {
		text, _ := synthetic.Article(42, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkIngest ingests 10,000 synthetic articles end to end (files
// read, events extracted on every core, saved in batches into an empty
// database) and, as its baseline in the same run, only extracts the same
// files on as many cores, before and after. x-extract-only is ingest's
// article rate as a multiple of extraction's before: 1 means the database
// costs nothing. The synthetic articles are short and dense: about twelve
// events in 1.5 KB, where real news gives three or four in 3 KB
// (BenchmarkIngestNews), so the database weighs most here.
func BenchmarkIngest(b *testing.B) {
	const n = 10_000
	paths := []string{writeCorpus(b, n)}
	benchIngest(b, n, func() iter.Seq2[ingest.Source, error] {
		return files.Articles(paths, timeline.MaxArticleBytes)
	})
}

// BenchmarkIngestNews is BenchmarkIngest on the real articles of the
// shared dev and news sets, read at run time (never copied into the
// repository), each with its publication date. Each is ingested as it is
// and moved back by one to newsCopies-1 years (every year in its text and
// its publication date, printed above it as pages print it): a repeated
// text would be skipped as stored, and the same story on other days gives
// the database the work of other events, as an archive's years would.
func BenchmarkIngestNews(b *testing.B) {
	arts := evaldata.Articles(b, "dev", "news")
	var sources []ingest.Source
	for k := range newsCopies {
		for _, a := range arts {
			pub := a.Published.AddDate(-k, 0, 0)
			published, err := timeline.DayDate(pub.Year(), pub.Month(), pub.Day())
			if err != nil {
				b.Fatal(err)
			}
			sources = append(sources, ingest.Source{
				Name: fmt.Sprintf("%s-%d", a.Name, k),
				Text: pub.Format("January 2, 2006") + "\n\n" +
					yearPattern.ReplaceAllStringFunc(a.Text, func(y string) string { return strconv.Itoa(atoi(y) - k) }),
				Published: published,
			})
		}
	}
	benchIngest(b, len(sources), func() iter.Seq2[ingest.Source, error] {
		return func(yield func(ingest.Source, error) bool) {
			for _, src := range sources {
				if !yield(src, nil) {
					return
				}
			}
		}
	})
}

// newsCopies is how many times BenchmarkIngestNews ingests each article,
// each time on other days: 45 articles make 2,025.
const newsCopies = 45

// yearPattern finds the years a copy moves: four digits from 1900 to 2099.
var yearPattern = regexp.MustCompile(`\b(19|20)\d\d\b`)

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// benchIngest runs extraction alone, ingest into an empty database, and
// extraction alone again, on the n articles sources gives.
func benchIngest(b *testing.B, n int, sources func() iter.Seq2[ingest.Source, error]) {
	var extractRate float64
	extractOnly := func(b *testing.B) {
		for b.Loop() {
			jobs := make(chan ingest.Source)
			var wg sync.WaitGroup
			for range runtime.GOMAXPROCS(0) {
				wg.Go(func() {
					for src := range jobs {
						opts := extract.Options{Published: src.Published}
						if _, err := extract.Article(b.Context(), src.Text, opts); err != nil {
							b.Error(err)
						}
					}
				})
			}
			for src, err := range sources() {
				if err != nil {
					b.Fatal(err)
				}
				jobs <- src
			}
			close(jobs)
			wg.Wait()
		}
		extractRate = float64(n) * float64(b.N) / b.Elapsed().Seconds()
		b.ReportMetric(extractRate, "articles/s")
	}
	b.Run("extract-only", extractOnly)
	b.Run("ingest", func(b *testing.B) {
		var elapsed time.Duration
		var events int
		for range b.N {
			b.StopTimer()
			st := storetest.New(b)
			b.StartTimer()
			start := time.Now()
			sum, err := ingest.Run(context.Background(), st, sources(), n, ingest.Options{})
			elapsed += time.Since(start)
			if err != nil || sum.Saved != n {
				b.Fatalf("%+v, %v", sum, err)
			}
			events += sum.Events
		}
		rate := float64(n) * float64(b.N) / elapsed.Seconds()
		b.ReportMetric(rate, "articles/s")
		b.ReportMetric(float64(events)/elapsed.Seconds(), "events/s")
		b.ReportMetric(float64(events)/float64(n*b.N), "events/article")
		if extractRate > 0 {
			b.ReportMetric(rate/extractRate, "x-extract-only")
		}
	})
	// The baseline again: on a machine others share, the load can change
	// between the runs, and the report compares ingest with both.
	b.Run("extract-only-after", extractOnly)
}
