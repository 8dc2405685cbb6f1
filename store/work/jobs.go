package work

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/fetch"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/dateline/dateline/timeline/feed"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// PollFeed polls one feed: a conditional GET, then each item not seen
// before is stored and its FetchItem enqueued, in one transaction.
type PollFeed struct {
	FeedID int64 `json:"feed_id"`
}

// Kind names the job in River's table.
func (PollFeed) Kind() string { return "poll_feed" }

// InsertOpts make a poll unique while one of the feed waits or runs: a
// sweep, a "poll now" and another process's sweep add nothing to it.
func (PollFeed) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
		rivertype.JobStateRetryable, rivertype.JobStateScheduled,
	}}}
}

// FetchItem fetches one item's article, reads its events and files them
// as its feed accepts them (the inbox, or the timeline).
type FetchItem struct {
	ItemID int64 `json:"item_id"`
}

// Kind names the job in River's table.
func (FetchItem) Kind() string { return "fetch_item" }

// InsertOpts make an item's fetch unique until it fails for good (and a
// person may retry it).
func (FetchItem) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// SweepFeeds enqueues a poll of every feed that is due. It runs
// periodically, on one process at a time.
type SweepFeeds struct{}

// Kind names the job in River's table.
func (SweepFeeds) Kind() string { return "sweep_feeds" }

// InsertOpts keep one sweep at most waiting.
func (SweepFeeds) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 1, UniqueOpts: river.UniqueOpts{ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning, rivertype.JobStateScheduled,
	}}}
}

type sweepWorker struct {
	river.WorkerDefaults[SweepFeeds]
	q *Queue
}

func (w *sweepWorker) Work(ctx context.Context, job *river.Job[SweepFeeds]) error {
	ids, err := w.q.store.DueFeeds(ctx)
	if err != nil || len(ids) == 0 {
		return err
	}
	params := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		params[i] = river.InsertManyParams{Args: PollFeed{FeedID: id}}
	}
	_, err = w.q.river.InsertMany(ctx, params)
	return err
}

type pollWorker struct {
	river.WorkerDefaults[PollFeed]
	q *Queue
}

func (w *pollWorker) NextRetry(job *river.Job[PollFeed]) time.Time { return w.q.retryAt(job.Attempt) }

// feedAccept asks for the feed formats, then anything (some servers send
// feeds as text/html).
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, " +
	"application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

func (w *pollWorker) Work(ctx context.Context, job *river.Job[PollFeed]) error {
	q := w.q
	f, etag, lastModified, err := q.store.FeedForPoll(ctx, job.Args.FeedID)
	if errors.Is(err, timeline.ErrNotFound) {
		return nil // removed since
	}
	if err != nil {
		return err
	}
	resp, err := q.feeds.Get(ctx, fetch.Request{URL: f.URL, Accept: feedAccept, ETag: etag, LastModified: lastModified})
	var parsed feed.Feed
	if err == nil && !resp.NotModified {
		parsed, err = feed.Parse(resp.Body, resp.URL)
	}
	if err != nil {
		return q.failed(job.JobRow, err, func(reason string, final bool) error {
			return q.store.PollFailed(context.WithoutCancel(ctx), f.ID, reason, final)
		}, "feed", f.ID, f.URL)
	}
	p := store.Poll{NotModified: resp.NotModified, Title: truncate(parsed.Title, timeline.MaxTitleRunes),
		ETag: resp.ETag, LastModified: resp.LastModified}
	for _, it := range parsed.Items {
		if len(it.URL) > timeline.MaxURLBytes {
			continue
		}
		p.Items = append(p.Items, timeline.FeedItem{Key: truncate(it.Key(), 1000), URL: it.URL,
			Title: truncate(it.Title, timeline.MaxTitleRunes), Published: it.Published})
	}
	var added []int64
	err = q.store.InTx(ctx, func(tx store.Tx) error {
		added, err = tx.SavePoll(ctx, f.ID, p)
		if err != nil || len(added) == 0 {
			return err
		}
		params := make([]river.InsertManyParams, len(added))
		for i, id := range added {
			params[i] = river.InsertManyParams{Args: FetchItem{ItemID: id}}
		}
		_, err = q.river.InsertManyTx(ctx, tx.Pgx(), params)
		return err
	})
	if errors.Is(err, timeline.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	q.log.Info("feed polled", "feed", f.ID, "url", f.URL, "not_modified", resp.NotModified,
		"items", len(p.Items), "new", len(added))
	return nil
}

type fetchWorker struct {
	river.WorkerDefaults[FetchItem]
	q *Queue
}

func (w *fetchWorker) NextRetry(job *river.Job[FetchItem]) time.Time { return w.q.retryAt(job.Attempt) }

func (w *fetchWorker) Work(ctx context.Context, job *river.Job[FetchItem]) error {
	q := w.q
	it, _, err := q.store.Item(ctx, job.Args.ItemID)
	if errors.Is(err, timeline.ErrNotFound) {
		return nil // its feed was removed
	}
	if err != nil {
		return err
	}
	if it.State != timeline.ItemQueued {
		return nil // filed, or dismissed, already
	}
	fail := func(err error) error {
		return q.failed(job.JobRow, err, func(reason string, final bool) error {
			return q.store.ItemFailed(context.WithoutCancel(ctx), it.ID, reason, job.Attempt, final)
		}, "item", it.ID, it.URL)
	}
	page, err := q.pages.Page(ctx, it.URL)
	if err != nil {
		return fail(err)
	}
	a, res, err := q.read(ctx, page, it)
	if err != nil {
		return fail(err)
	}
	state, err := q.store.FileItem(ctx, it.ID, &a, res.Events, res.Notes)
	if errors.Is(err, timeline.ErrNotFound) {
		return nil
	}
	if timeline.FieldErrors(err) != nil {
		return fail(permanent{fmt.Errorf("the article could not be stored: %w", err)})
	}
	if err != nil {
		return err
	}
	q.log.Info("article read", "item", it.ID, "url", page.URL, "events", len(res.Events), "state", state)
	return nil
}

// read extracts the events of a fetched page. The feed's date for the
// item stands in for a publication date the page does not give.
func (q *Queue) read(ctx context.Context, page fetch.Page, it timeline.FeedItem) (timeline.Article, extract.Result, error) {
	select {
	case q.extracting <- struct{}{}:
		defer func() { <-q.extracting }()
	case <-ctx.Done():
		return timeline.Article{}, extract.Result{}, ctx.Err()
	}
	opts := extract.Options{MaxBytes: q.opts.MaxArticleBytes}
	res, err := extract.Article(ctx, page.Text, opts)
	if err == nil && res.Published.IsZero() && !it.Published.IsZero() {
		if opts.Published, err = timeline.ParseDate(it.Published.Format("2006-01-02")); err == nil {
			res, err = extract.Article(ctx, page.Text, opts)
		}
	}
	if err != nil {
		if errors.Is(err, extract.ErrEmpty) || errors.Is(err, extract.ErrNotText) || errors.Is(err, extract.ErrTooLarge) {
			err = permanent{fmt.Errorf("the page could not be read: %w", err)}
		}
		return timeline.Article{}, res, err
	}
	title := res.Title
	if title == "" {
		title = it.Title
	}
	a := timeline.Article{URL: page.URL, Title: truncate(title, timeline.MaxTitleRunes), Published: res.Published,
		PublishedSource: res.PublishedSource, Body: page.Text}
	if len(a.URL) > timeline.MaxURLBytes {
		a.URL = it.URL
	}
	return a, res, nil
}

// failed records a failed try of a job and tells River what to do: retry
// later, unless retrying cannot help (a private address, a 404, not a
// feed) or this was the last try, when the failure is final. record gets
// the reason in plain words.
func (q *Queue) failed(job *rivertype.JobRow, err error, record func(reason string, final bool) error, what string, id int64, url string) error {
	if errors.Is(err, context.Canceled) {
		return err // stopping: the job is worked again later
	}
	final := isPermanent(err) || job.Attempt >= job.MaxAttempts
	reason := fetch.Reason(err)
	switch {
	case final && job.Attempt > 1:
		reason += fmt.Sprintf(" (after %d tries)", job.Attempt)
	case !final:
		reason += fmt.Sprintf(" (try %d of %d; trying again at %s)", job.Attempt, job.MaxAttempts,
			q.retryAt(job.Attempt).UTC().Format("15:04 UTC"))
	}
	if rerr := record(reason, final); rerr != nil {
		q.log.Warn("could not record a failure", what, id, "err", rerr)
	}
	q.log.Warn(what+" failed", what, id, "url", url, "attempt", job.Attempt, "final", final, "reason", reason)
	if isPermanent(err) {
		return river.JobCancel(err)
	}
	return err
}

// permanent marks an error that trying again cannot cure.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// isPermanent reports whether retrying err is pointless: an address that
// is refused or gone, a document that is no feed or no page.
func isPermanent(err error) bool {
	var (
		p      permanent
		status *fetch.StatusError
	)
	switch {
	case errors.As(err, &p), errors.Is(err, fetch.ErrBlocked), errors.Is(err, fetch.ErrScheme),
		errors.Is(err, fetch.ErrTooLarge), errors.Is(err, fetch.ErrNotPage), errors.Is(err, fetch.ErrRedirects),
		errors.Is(err, feed.ErrNotFeed):
		return true
	case errors.As(err, &status):
		return status.Code >= 400 && status.Code < 500 &&
			status.Code != http.StatusRequestTimeout && status.Code != http.StatusTooManyRequests
	}
	return false
}

func truncate(s string, n int) string {
	s = strings.TrimSpace(s)
	if rs := []rune(s); len(rs) > n {
		return string(rs[:n])
	}
	return s
}

func numCPU() int { return runtime.GOMAXPROCS(0) }
