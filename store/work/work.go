// Package work follows the news in the background: it polls feeds, fetches
// each new item's article and reads its events, as jobs in a River queue
// on Dateline's own PostgreSQL database. Jobs are enqueued in the same
// transaction as the rows they concern, retried with backoff, and unique
// where doing one twice would be waste; any number of processes, on any
// number of machines, work the same queue, each job in one of them.
package work

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/fetch"
	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"
)

// Defaults of Options.
const (
	DefaultWorkers     = 4
	DefaultMaxAttempts = 4
	DefaultRetryBase   = 30 * time.Second
	DefaultSweepEvery  = time.Minute
	// MaxFeedBytes bounds a feed document; full-text feeds are larger
	// than one article.
	MaxFeedBytes = 16 << 20
)

// Options configure a Queue.
type Options struct {
	// Workers is how many jobs this process works at once; 0 makes a
	// queue that only enqueues (the feed commands).
	Workers int
	// Fetch gets feeds and pages. Its Allow policy applies to both; its
	// size limit to pages (feeds may be up to MaxFeedBytes).
	Fetch fetch.Options
	// MaxArticleBytes is the largest article read; 0 means
	// timeline.MaxArticleBytes.
	MaxArticleBytes int
	// MaxAttempts is how many times a poll or a fetch is tried before
	// it fails for good. RetryBase is the wait before the first retry,
	// each next one four times longer (at most an hour).
	MaxAttempts int
	RetryBase   time.Duration
	// SweepEvery is how often due feeds are looked for.
	SweepEvery time.Duration
	Log        *slog.Logger
}

// Queue enqueues and works Dateline's jobs.
type Queue struct {
	store      *store.Store
	river      *river.Client[pgx.Tx]
	opts       Options
	log        *slog.Logger
	pages      *fetch.Client
	feeds      *fetch.Client
	extracting chan struct{} // bounds extractions at once to the cores
}

// New returns a queue over the store's database. With opts.Workers > 0,
// Start works jobs until Stop.
func New(st *store.Store, opts Options) (*Queue, error) {
	if opts.Workers < 0 {
		opts.Workers = 0
	}
	if opts.MaxArticleBytes <= 0 {
		opts.MaxArticleBytes = timeline.MaxArticleBytes
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = DefaultMaxAttempts
	}
	if opts.RetryBase <= 0 {
		opts.RetryBase = DefaultRetryBase
	}
	if opts.SweepEvery <= 0 {
		opts.SweepEvery = DefaultSweepEvery
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	q := &Queue{store: st, opts: opts, log: opts.Log}
	pageOpts, feedOpts := opts.Fetch, opts.Fetch
	pageOpts.MaxBytes, feedOpts.MaxBytes = opts.MaxArticleBytes, MaxFeedBytes
	q.pages, q.feeds = fetch.New(pageOpts), fetch.New(feedOpts)

	workers := river.NewWorkers()
	river.AddWorker(workers, &pollWorker{q: q})
	river.AddWorker(workers, &fetchWorker{q: q})
	river.AddWorker(workers, &sweepWorker{q: q})
	cfg := &river.Config{
		Workers:     workers,
		MaxAttempts: opts.MaxAttempts,
		JobTimeout:  2 * time.Minute,
		// River's own log says little that ours does not; its warnings
		// and errors still show.
		Logger: slog.New(levelHandler{opts.Log.Handler(), slog.LevelWarn}),
		// A failed job is logged by the worker, in plain words.
		ErrorHandler: quietErrors{},
	}
	if opts.Workers > 0 {
		cfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: opts.Workers}}
		// Every working process schedules the sweep; River runs periodic
		// jobs on the elected leader only, so one sweep runs at a time.
		cfg.PeriodicJobs = []*river.PeriodicJob{river.NewPeriodicJob(
			river.PeriodicInterval(opts.SweepEvery),
			func() (river.JobArgs, *river.InsertOpts) { return SweepFeeds{}, nil },
			&river.PeriodicJobOpts{ID: "sweep_feeds", RunOnStart: true},
		)}
		q.extracting = make(chan struct{}, max(1, min(opts.Workers, numCPU())))
	}
	client, err := river.NewClient(riverpgxv5.New(st.Pool()), cfg)
	if err != nil {
		return nil, fmt.Errorf("work: %w", err)
	}
	q.river = client
	return q, nil
}

// Start works jobs in the background until Stop (ctx ending does not
// stop it: Stop lets the jobs in hand finish); a queue of no workers does
// nothing.
func (q *Queue) Start(ctx context.Context) error {
	if q.opts.Workers == 0 {
		return nil
	}
	if err := q.river.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("work: start: %w", err)
	}
	return nil
}

// Stop waits for the jobs in hand to finish (cancelling them when ctx
// ends first); unfinished jobs are worked again later, by any process.
func (q *Queue) Stop(ctx context.Context) error {
	if q.opts.Workers == 0 {
		return nil
	}
	err := q.river.Stop(ctx)
	if ctx.Err() != nil {
		// Out of patience: the jobs still running are cancelled, and
		// worked again later, here or by another process.
		cancelCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err = q.river.StopAndCancel(cancelCtx)
	}
	if err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("work: stop: %w", err)
	}
	return nil
}

// AddFeed follows a feed: it is stored with its first poll enqueued, in
// one transaction. A bad or duplicate feed is a *timeline.ValidationError.
func (q *Queue) AddFeed(ctx context.Context, f *timeline.Feed) error {
	err := q.store.InTx(ctx, func(tx store.Tx) error {
		if err := tx.AddFeed(ctx, f); err != nil {
			return err
		}
		_, err := q.river.InsertTx(ctx, tx.Pgx(), PollFeed{FeedID: f.ID}, nil)
		return err
	})
	if err != nil && timeline.FieldErrors(err) == nil {
		return fmt.Errorf("work: add feed: %w", err)
	}
	return err
}

// PollNow enqueues a poll of the feed now, and reports false when one is
// waiting or running already (which will do). An unknown feed is
// timeline.ErrNotFound.
func (q *Queue) PollNow(ctx context.Context, feedID int64) (queued bool, err error) {
	if _, err := q.store.Feed(ctx, feedID); err != nil {
		return false, err
	}
	res, err := q.river.Insert(ctx, PollFeed{FeedID: feedID}, nil)
	if err != nil {
		return false, fmt.Errorf("work: poll feed %d: %w", feedID, err)
	}
	return !res.UniqueSkippedAsDuplicate, nil
}

// RetryItem fetches a failed item again. An item that had not failed is
// left alone.
func (q *Queue) RetryItem(ctx context.Context, itemID int64) error {
	err := q.store.InTx(ctx, func(tx store.Tx) error {
		requeued, err := tx.RequeueItem(ctx, itemID)
		if err != nil || !requeued {
			return err
		}
		_, err = q.river.InsertTx(ctx, tx.Pgx(), FetchItem{ItemID: itemID}, nil)
		return err
	})
	if err != nil {
		return fmt.Errorf("work: retry item %d: %w", itemID, err)
	}
	return nil
}

// RemoveFeed stops following a feed (see store.Store.RemoveFeed). Its
// jobs still queued find nothing to do.
func (q *Queue) RemoveFeed(ctx context.Context, feedID int64) error {
	return q.store.RemoveFeed(ctx, feedID)
}

// retryAt is when the next try of a job that failed attempt times comes:
// RetryBase, then four times longer each time, at most an hour.
func (q *Queue) retryAt(attempt int) time.Time {
	d := q.opts.RetryBase
	for i := 1; i < attempt && d < time.Hour; i++ {
		d *= 4
	}
	return time.Now().Add(min(d, time.Hour))
}

// levelHandler passes on records at or above a level.
type levelHandler struct {
	slog.Handler
	min slog.Level
}

func (h levelHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.Handler.Enabled(ctx, l)
}

func (h levelHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return levelHandler{h.Handler.WithAttrs(attrs), h.min}
}

func (h levelHandler) WithGroup(name string) slog.Handler {
	return levelHandler{h.Handler.WithGroup(name), h.min}
}

// quietErrors leaves River's error results as they are: the workers have
// logged and recorded the failure already.
type quietErrors struct{}

func (quietErrors) HandleError(context.Context, *rivertype.JobRow, error) *river.ErrorHandlerResult {
	return nil
}

func (quietErrors) HandlePanic(_ context.Context, _ *rivertype.JobRow, _ any, _ string) *river.ErrorHandlerResult {
	return nil
}
