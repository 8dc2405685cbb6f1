package main

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/fetch"
	"github.com/dateline/dateline/store/files"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/ingest"
)

// ingestCmd extracts and stores articles in bulk: files, directories and
// JSON lines, extraction on every core, batched transactions, stored
// articles skipped (so an interrupted run resumes).
func ingestCmd(ctx context.Context, args []string, e env) error {
	flags := newFlags("ingest", "ingest [--published YYYY-MM-DD] [--workers N] [--writers N] [--batch N] [--article-timeout 1m] [--database-url URL] DIR|FILE|URL...", e)
	published := flags.String("published", "", "publication date for articles that have none of their own")
	workers := flags.Int("workers", 0, "extraction workers (default: one per CPU)")
	writers := flags.Int("writers", 2, "batches saved at once")
	batch := flags.Int("batch", 100, "articles saved per transaction")
	timeout := flags.Duration("article-timeout", ingest.DefaultArticleTimeout, "longest extraction of one article; a slower one fails and the run goes on")
	dbURL := databaseFlag(flags, e)
	if err := parse(flags, args, true); err != nil {
		return err
	}
	if flags.NArg() == 0 {
		return usageError{"ingest: give the files or directories to read (.txt, .html, .jsonl), or web addresses"}
	}
	pub, err := publishedFlag(*published)
	if err != nil {
		return err
	}
	if *timeout <= 0 {
		return usageError{"ingest: --article-timeout must be positive, such as 1m or 30s"}
	}
	cfg, err := databaseConfig(*dbURL)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()

	var paths, urls []string
	for _, arg := range flags.Args() {
		if isAddress(arg) {
			urls = append(urls, arg)
		} else {
			paths = append(paths, arg)
		}
	}
	total := files.Count(paths) + len(urls)
	sources := ingest.Concat(
		files.Articles(paths, timeline.MaxArticleBytes),
		pages(ctx, urls, fetchClient(e, timeline.MaxArticleBytes)),
	)
	bar := newProgress(e.stderr, "ingest", "articles", total)
	show := func(p ingest.Progress) {
		bar.show(p.Saved+p.Duplicates+p.Failed, fmt.Sprintf("%d events, %d stored before, %d failed", p.Events, p.Duplicates, p.Failed))
	}
	sum, err := ingest.Run(ctx, st, sources, total, ingest.Options{
		Workers: *workers, Writers: *writers, BatchSize: *batch, Published: pub, ArticleTimeout: *timeout,
		Progress: show, ProgressEvery: bar.every,
	})
	bar.done()
	fmt.Fprintf(e.stdout, "%d articles saved with %d events; %d already stored; %d failed (%s, %.1f articles/s)\n",
		sum.Saved, sum.Events, sum.Duplicates, sum.Failed, sum.Elapsed.Round(time.Millisecond), rate(sum.Progress))
	for _, f := range sum.Failures {
		fmt.Fprintf(e.stderr, "  %s: %s\n", f.Name, oneLine(f.Err.Error()))
	}
	if n := len(sum.Undated); n > 0 {
		fmt.Fprintf(e.stdout, "%d stored without a publication date: their dates such as \"Thursday\" could not be placed, "+
			"so events may be missing. Give each its date on its page (Articles, without a publication date: /articles?undated=1):\n", n)
		slices.Sort(sum.Undated)
		for i, name := range sum.Undated {
			if i == maxUndatedListed {
				fmt.Fprintf(e.stdout, "  and %d more\n", n-i)
				break
			}
			fmt.Fprintf(e.stdout, "  %s\n", name)
		}
	}
	switch {
	case err != nil:
		return err
	case sum.Interrupted:
		return fmt.Errorf("interrupted after %d of %d articles; run the same command again to resume", sum.Read, total)
	case sum.Failed > 0:
		return fmt.Errorf("%d of %d articles failed", sum.Failed, sum.Read)
	}
	return nil
}

// isAddress reports whether an argument names a web page rather than a
// file.
func isAddress(arg string) bool {
	return strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://")
}

// pages yields the articles at the web addresses, fetched one after
// another (public addresses only, bounded time and size, decoded to
// UTF-8). A page that cannot be fetched is yielded as an error, and the
// others go on. The source is named by its address and keeps the address
// the redirects led to.
func pages(ctx context.Context, urls []string, client *fetch.Client) iter.Seq2[ingest.Source, error] {
	return func(yield func(ingest.Source, error) bool) {
		for _, u := range urls {
			if ctx.Err() != nil {
				return
			}
			page, err := client.Page(ctx, u)
			if !yield(ingest.Source{Name: u, Text: page.Text, URL: page.URL}, err) {
				return
			}
		}
	}
}

// maxUndatedListed is how many undated articles an ingest names.
const maxUndatedListed = 20

func rate(p ingest.Progress) float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Saved+p.Duplicates+p.Failed) / p.Elapsed.Seconds()
}
