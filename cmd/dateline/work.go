package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/fetch"
	"github.com/dateline/dateline/store/work"
	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5/pgxpool"
)

// workCmd works the job queue only (polling feeds, fetching and reading
// their articles), for machines that add workers to the ones serve runs.
// Any number of them share one database; each job is worked once.
func workCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("work", "work [--workers N] [--database-url URL] [--max-article-size 2MiB]", e)
	workers := workersFlag(fs, e)
	dbURL := databaseFlag(fs, e)
	wait := fs.Duration("db-wait", 30*time.Second, "how long to keep trying to reach the database at start")
	maxArticle := maxArticleFlag(fs, e)
	if err := parse(fs, args, false); err != nil {
		return err
	}
	maxBytes, err := articleLimit(*maxArticle, "work")
	if err != nil {
		return err
	}
	if *workers < 1 {
		return usageError{"work: --workers must be at least 1"}
	}
	cfg, err := databaseConfig(*dbURL)
	if err != nil {
		return err
	}
	poolFor(cfg, *dbURL, *workers)
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	st, err := store.OpenRetrying(ctx, cfg, *wait, log, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	q, err := startQueue(ctx, st, *workers, maxBytes, e, log)
	if err != nil {
		return err
	}
	log.Info("working", "workers", *workers, "private_addresses", e.getenv("DATELINE_FETCH_PRIVATE") == "1")
	<-ctx.Done()
	log.Info("stopping: finishing the jobs in hand")
	if err := stopQueue(ctx, q); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

// workersFlag adds --workers, the jobs worked at once.
func workersFlag(fs *flag.FlagSet, e env) *int {
	n := work.DefaultWorkers
	if v := e.getenv("DATELINE_WORKERS"); v != "" {
		fmt.Sscan(v, &n)
	}
	return fs.Int("workers", n, "background jobs (feed polls, article fetches) worked at once (env DATELINE_WORKERS)")
}

// maxArticleFlag adds --max-article-size.
func maxArticleFlag(fs *flag.FlagSet, e env) *string {
	return fs.String("max-article-size", envDefault(e, "DATELINE_MAX_ARTICLE_SIZE", "2MiB"),
		fmt.Sprintf("largest article taken, in bytes or with KiB/MiB, at most %dMiB (env DATELINE_MAX_ARTICLE_SIZE)", timeline.ArticleBytesCeiling>>20))
}

// articleLimit reads a --max-article-size.
func articleLimit(s, cmd string) (int, error) {
	n, err := parseSize(s)
	switch {
	case err != nil:
		return 0, usageError{cmd + ": --max-article-size: " + err.Error()}
	case n < 1<<10 || n > timeline.ArticleBytesCeiling:
		return 0, usageError{fmt.Sprintf("%s: --max-article-size must be between 1KiB and %dMiB", cmd, timeline.ArticleBytesCeiling>>20)}
	}
	return n, nil
}

// fetchOptions are the fetching rules of this process: public addresses
// only, unless DATELINE_FETCH_PRIVATE=1.
func fetchOptions(e env, maxBytes int) fetch.Options {
	opts := fetch.Options{MaxBytes: maxBytes}
	if e.getenv("DATELINE_FETCH_PRIVATE") == "1" {
		opts.Allow = fetch.AllowAll
	}
	return opts
}

// startQueue starts working the job queue with workers at once (none: it
// only enqueues).
func startQueue(ctx context.Context, st *store.Store, workers, maxBytes int, e env, log *slog.Logger) (*work.Queue, error) {
	q, err := work.New(st, work.Options{Workers: workers, Fetch: fetchOptions(e, maxBytes), MaxArticleBytes: maxBytes, Log: log})
	if err != nil {
		return nil, err
	}
	return q, q.Start(ctx)
}

// stopQueue lets the jobs in hand finish, for at most 30 s; those cut
// short are worked again later, by this or another process.
func stopQueue(ctx context.Context, q *work.Queue) error {
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	return q.Stop(stopCtx)
}

// poolFor makes room in the pool for the workers and the queue's own
// connections (River listens on one and elects a leader on another),
// unless the database URL sets the pool's size.
func poolFor(cfg *pgxpool.Config, url string, workers int) {
	if workers > 0 && !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = max(cfg.MaxConns, int32(workers)+6)
	}
}
