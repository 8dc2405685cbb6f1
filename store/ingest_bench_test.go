package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/dateline/dateline/store/files"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
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
// costs nothing.
func BenchmarkIngest(b *testing.B) {
	const n = 10_000
	dir := writeCorpus(b, n)
	paths := []string{dir}
	var extractRate float64
	extractOnly := func(b *testing.B) {
		for b.Loop() {
			jobs := make(chan ingest.Source)
			var wg sync.WaitGroup
			for range runtime.GOMAXPROCS(0) {
				wg.Go(func() {
					for src := range jobs {
						if _, err := extract.Article(b.Context(), src.Text, extract.Options{}); err != nil {
							b.Error(err)
						}
					}
				})
			}
			for src, err := range files.Articles(paths, timeline.MaxArticleBytes) {
				if err != nil {
					b.Fatal(err)
				}
				jobs <- src
			}
			close(jobs)
			wg.Wait()
		}
		extractRate = n * float64(b.N) / b.Elapsed().Seconds()
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
			sum, err := ingest.Run(context.Background(), st, files.Articles(paths, timeline.MaxArticleBytes), n, ingest.Options{})
			elapsed += time.Since(start)
			if err != nil || sum.Saved != n {
				b.Fatalf("%+v, %v", sum, err)
			}
			events += sum.Events
		}
		rate := n * float64(b.N) / elapsed.Seconds()
		b.ReportMetric(rate, "articles/s")
		b.ReportMetric(float64(events)/elapsed.Seconds(), "events/s")
		if extractRate > 0 {
			b.ReportMetric(rate/extractRate, "x-extract-only")
		}
	})
	// The baseline again: on a machine others share, the load can change
	// between the runs, and the report compares ingest with both.
	b.Run("extract-only-after", extractOnly)
}
