package store_test

import (
	"context"
	"testing"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/dateline/dateline/timeline/extract/synthetic"
)

// extracted is a synthetic corpus read by the extractor: the articles and
// events an ingest would save.
type extracted struct {
	articles []timeline.Article
	events   [][]timeline.Event
	total    int
}

func extractCorpus(b *testing.B, n int) extracted {
	b.Helper()
	var x extracted
	for i := range n {
		text, _ := synthetic.Article(42, i)
		res, err := extract.Article(b.Context(), text, extract.Options{})
		if err != nil {
			b.Fatalf("article %d: %v", i, err)
		}
		x.articles = append(x.articles, timeline.Article{Title: res.Title, Published: res.Published,
			PublishedSource: res.PublishedSource, Body: text})
		x.events = append(x.events, res.Events)
		x.total += len(res.Events)
	}
	return x
}

// copies gives fresh copies of the corpus, since saving sets ids.
func (x extracted) copies() ([]*timeline.Article, [][]timeline.Event) {
	articles := make([]*timeline.Article, len(x.articles))
	events := make([][]timeline.Event, len(x.events))
	for i := range x.articles {
		a := x.articles[i]
		articles[i] = &a
		events[i] = make([]timeline.Event, len(x.events[i]))
		for j, e := range x.events[i] {
			e.Actors = append([]timeline.Actor(nil), e.Actors...)
			e.Mentions = append([]timeline.Mention(nil), e.Mentions...)
			events[i][j] = e
		}
	}
	return articles, events
}

// BenchmarkSaveArticles stores the events of 1,000 extracted articles
// into an empty database, row by row (SaveArticle: a transaction per
// article and statements per event, actor and mention) and in batches of
// 100 articles (SaveArticles, as ingest does). Both merge occurrences by
// the same rule. The batch run reports its event rate as a multiple of
// the row-by-row rate measured in the same run (x-row-by-row). The same
// events imported (Import, as "dateline import" does) report theirs as a
// multiple of the batches' (x-batch).
func BenchmarkSaveArticles(b *testing.B) {
	ctx := context.Background()
	corpus := extractCorpus(b, 1_000)
	var rowRate, batchRate float64
	run := func(name string, save func(*store.Store, []*timeline.Article, [][]timeline.Event) error) {
		b.Run(name, func(b *testing.B) {
			var elapsed float64
			for range b.N {
				b.StopTimer()
				st := storetest.New(b)
				articles, events := corpus.copies()
				b.StartTimer()
				start := b.Elapsed()
				if err := save(st, articles, events); err != nil {
					b.Fatal(err)
				}
				elapsed += (b.Elapsed() - start).Seconds()
			}
			rate := float64(corpus.total*b.N) / elapsed
			b.ReportMetric(rate, "events/s")
			b.ReportMetric(float64(len(corpus.articles)*b.N)/elapsed, "articles/s")
			switch {
			case rowRate == 0:
				rowRate = rate
			case batchRate == 0:
				batchRate = rate
				b.ReportMetric(rate/rowRate, "x-row-by-row")
			default:
				b.ReportMetric(rate/batchRate, "x-batch")
			}
		})
	}
	run("row-by-row", func(st *store.Store, articles []*timeline.Article, events [][]timeline.Event) error {
		for i, a := range articles {
			if _, err := st.SaveArticle(ctx, a, events[i]); err != nil {
				return err
			}
		}
		return nil
	})
	run("batch-100", func(st *store.Store, articles []*timeline.Article, events [][]timeline.Event) error {
		for i := 0; i < len(articles); i += 100 {
			j := min(i+100, len(articles))
			if _, err := st.SaveArticles(ctx, articles[i:j], events[i:j]); err != nil {
				return err
			}
		}
		return nil
	})
	// Import, as "dateline import" of a JSON export does it: the same
	// articles and events, every mention naming its article, in one
	// transaction; events are added, not merged.
	run("import", func(st *store.Store, articles []*timeline.Article, events [][]timeline.Event) error {
		var all []timeline.Event
		for i, es := range events {
			for _, e := range es {
				for k := range e.Mentions {
					e.Mentions[k].Article = articles[i]
				}
				all = append(all, e)
			}
		}
		_, err := st.Import(ctx, articles, all)
		return err
	})
}
