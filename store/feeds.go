package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Tx is a transaction of the store. Writes made through it commit or fail
// together with the jobs enqueued in it (River's InsertTx, given Pgx), so
// that a feed is never stored without its first poll, nor an item without
// the job that fetches it.
type Tx struct{ tx pgx.Tx }

// Pgx is the transaction itself, for River.
func (t Tx) Pgx() pgx.Tx { return t.tx }

// InTx runs fn in a transaction, committed when fn returns nil and rolled
// back otherwise.
func (s *Store) InTx(ctx context.Context, fn func(Tx) error) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return fn(Tx{tx}) })
}

// Pool is the store's pool of connections, which River's driver shares.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// AddFeed stores a new feed, due at once, and sets f.ID, f.NextPoll and
// f.CreatedAt. A bad feed, or one followed already (the same address), is
// a *timeline.ValidationError.
func (t Tx) AddFeed(ctx context.Context, f *timeline.Feed) (err error) {
	defer wrap(&err, "add feed %s", f.URL)
	if err := f.Validate(); err != nil {
		return err
	}
	err = t.tx.QueryRow(ctx, `
		INSERT INTO feeds (url, every, accept) VALUES ($1, $2 * interval '1 second', $3)
		ON CONFLICT (url) DO NOTHING
		RETURNING id, next_poll_at, created_at`,
		f.URL, int64(f.Every/time.Second), f.Accept,
	).Scan(&f.ID, &f.NextPoll, &f.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		var id int64
		if err := t.tx.QueryRow(ctx, `SELECT id FROM feeds WHERE url = $1`, f.URL).Scan(&id); err != nil {
			return err
		}
		v := &timeline.ValidationError{}
		v.Add("url", fmt.Sprintf("is followed already (feed %d)", id))
		return v
	}
	return err
}

const feedColumns = `
	f.id, f.url, f.title, extract(epoch FROM f.every)::bigint, f.accept, f.next_poll_at,
	f.polled_at, f.error, f.failed_at, f.created_at,
	coalesce((SELECT jsonb_object_agg(state, n) FROM (
		SELECT state, count(*) AS n FROM feed_items WHERE feed_id = f.id GROUP BY state) c), '{}')`

func scanFeed(row pgx.Row, extra ...any) (timeline.Feed, error) {
	var (
		f              timeline.Feed
		every          int64
		polled, failed *time.Time
	)
	err := row.Scan(append([]any{&f.ID, &f.URL, &f.Title, &every, &f.Accept, &f.NextPoll,
		&polled, &f.Error, &failed, &f.CreatedAt, &f.Items}, extra...)...)
	f.Every = time.Duration(every) * time.Second
	if polled != nil {
		f.Polled = *polled
	}
	if failed != nil {
		f.Failed = *failed
	}
	return f, err
}

// Feeds returns every followed feed, oldest first, with its items counted
// by state.
func (s *Store) Feeds(ctx context.Context) (feeds []timeline.Feed, err error) {
	defer wrap(&err, "list feeds")
	rows, err := s.pool.Query(ctx, `SELECT `+feedColumns+` FROM feeds f ORDER BY f.id`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (timeline.Feed, error) { return scanFeed(r) })
}

// Feed returns one feed, or timeline.ErrNotFound.
func (s *Store) Feed(ctx context.Context, id int64) (f timeline.Feed, err error) {
	defer wrap(&err, "get feed %d", id)
	f, err = scanFeed(s.pool.QueryRow(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE f.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return f, timeline.ErrNotFound
	}
	return f, err
}

// RemoveFeed stops following a feed: it, its items and the articles of
// its inbox are deleted. Articles and events already on the timeline
// stay. An unknown feed is timeline.ErrNotFound.
func (s *Store) RemoveFeed(ctx context.Context, id int64) (err error) {
	defer wrap(&err, "remove feed %d", id)
	tag, err := s.pool.Exec(ctx, `DELETE FROM feeds WHERE id = $1`, id)
	if err == nil && tag.RowsAffected() == 0 {
		return timeline.ErrNotFound
	}
	return err
}

// DueFeeds returns the feeds whose next poll is due.
func (s *Store) DueFeeds(ctx context.Context) (ids []int64, err error) {
	defer wrap(&err, "due feeds")
	rows, err := s.pool.Query(ctx, `SELECT id FROM feeds WHERE next_poll_at <= now() ORDER BY next_poll_at LIMIT 1000`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// FeedForPoll returns a feed with the validators of its last answer, for
// a conditional GET, or timeline.ErrNotFound.
func (s *Store) FeedForPoll(ctx context.Context, id int64) (f timeline.Feed, etag, lastModified string, err error) {
	defer wrap(&err, "feed %d for polling", id)
	f, err = scanFeed(s.pool.QueryRow(ctx, `SELECT `+feedColumns+`, f.etag, f.last_modified FROM feeds f WHERE f.id = $1`, id),
		&etag, &lastModified)
	if errors.Is(err, pgx.ErrNoRows) {
		return f, "", "", timeline.ErrNotFound
	}
	return f, etag, lastModified, err
}

// Poll is what a successful poll of a feed found.
type Poll struct {
	Title string
	// ETag and LastModified are the validators of the answer.
	ETag, LastModified string
	// NotModified: the server said nothing changed (and sent nothing).
	NotModified bool
	// Items are the feed's entries (Key, URL, Title, Published).
	Items []timeline.FeedItem
}

// SavePoll records a successful poll: the validators for the next
// conditional GET, the time of the next poll, and the items not stored
// before, whose IDs it returns so that their fetch jobs are enqueued in
// the same transaction. An item is stored once per feed and key: polls
// that overlap, in one process or many, insert each item once. A removed
// feed is timeline.ErrNotFound.
func (t Tx) SavePoll(ctx context.Context, feedID int64, p Poll) (newItems []int64, err error) {
	defer wrap(&err, "save poll of feed %d", feedID)
	var id int64
	err = t.tx.QueryRow(ctx, `
		UPDATE feeds SET
			title = CASE WHEN $2 <> '' THEN $2 ELSE title END,
			etag = CASE WHEN $5 THEN etag ELSE $3 END,
			last_modified = CASE WHEN $5 THEN last_modified ELSE $4 END,
			polled_at = now(), error = '', failed_at = NULL, next_poll_at = now() + every
		WHERE id = $1 RETURNING id`,
		feedID, p.Title, p.ETag, p.LastModified, p.NotModified).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, timeline.ErrNotFound
	}
	if err != nil || len(p.Items) == 0 {
		return nil, err
	}
	keys, urls, titles := make([]string, len(p.Items)), make([]string, len(p.Items)), make([]string, len(p.Items))
	published := make([]*time.Time, len(p.Items))
	for i, it := range p.Items {
		keys[i], urls[i], titles[i] = it.Key, it.URL, it.Title
		if !it.Published.IsZero() {
			published[i] = &p.Items[i].Published
		}
	}
	rows, err := t.tx.Query(ctx, `
		INSERT INTO feed_items (feed_id, key, url, title, published)
		SELECT $1, k, u, t, p FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS x(k, u, t, p)
		ON CONFLICT (feed_id, key) DO NOTHING
		RETURNING id`, feedID, keys, urls, titles, published)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// PollFailed records why a poll failed. While retries remain (final is
// false) the feed stays due; once they are spent it is due again after
// its interval.
func (s *Store) PollFailed(ctx context.Context, feedID int64, reason string, final bool) (err error) {
	defer wrap(&err, "record failed poll of feed %d", feedID)
	_, err = s.pool.Exec(ctx, `
		UPDATE feeds SET error = $2, failed_at = now(),
			next_poll_at = CASE WHEN $3 THEN now() + every ELSE next_poll_at END
		WHERE id = $1`, feedID, reason, final)
	return err
}

// FeedProblems returns, for each feed, up to perFeed of its items that
// failed or are being retried, the latest first, with why.
func (s *Store) FeedProblems(ctx context.Context, perFeed int) (problems map[int64][]timeline.FeedItem, err error) {
	defer wrap(&err, "feed problems")
	rows, err := s.pool.Query(ctx, `
		SELECT `+itemColumns+` FROM (
			SELECT *, row_number() OVER (PARTITION BY feed_id ORDER BY updated_at DESC, id DESC) AS n
			FROM feed_items WHERE error <> '') i
		WHERE n <= $1 ORDER BY i.feed_id, i.updated_at DESC, i.id DESC`, perFeed)
	if err != nil {
		return nil, err
	}
	items, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (timeline.FeedItem, error) { return scanItem(r) })
	problems = map[int64][]timeline.FeedItem{}
	for _, it := range items {
		problems[it.FeedID] = append(problems[it.FeedID], it)
	}
	return problems, err
}

const itemColumns = `i.id, i.feed_id, i.key, i.url, i.title, i.published, i.state, i.error, i.attempts,
	coalesce(i.article_id, 0), i.updated_at`

func scanItem(row pgx.Row, extra ...any) (timeline.FeedItem, error) {
	var (
		it        timeline.FeedItem
		published *time.Time
	)
	err := row.Scan(append([]any{&it.ID, &it.FeedID, &it.Key, &it.URL, &it.Title, &published, &it.State,
		&it.Error, &it.Attempts, &it.ArticleID, &it.UpdatedAt}, extra...)...)
	if published != nil {
		it.Published = *published
	}
	return it, err
}

// FeedItems returns a feed's items, the latest first, at most limit.
func (s *Store) FeedItems(ctx context.Context, feedID int64, limit int) (items []timeline.FeedItem, err error) {
	defer wrap(&err, "items of feed %d", feedID)
	rows, err := s.pool.Query(ctx, `SELECT `+itemColumns+` FROM feed_items i WHERE i.feed_id = $1
		ORDER BY i.id DESC LIMIT $2`, feedID, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (timeline.FeedItem, error) { return scanItem(r) })
}

// Item returns an item with how its feed accepts events, or
// timeline.ErrNotFound when it (or its feed) was removed.
func (s *Store) Item(ctx context.Context, id int64) (it timeline.FeedItem, accept timeline.Accept, err error) {
	defer wrap(&err, "get item %d", id)
	it, err = scanItem(s.pool.QueryRow(ctx, `SELECT `+itemColumns+`, f.accept
		FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE i.id = $1`, id), &accept)
	if errors.Is(err, pgx.ErrNoRows) {
		return it, "", timeline.ErrNotFound
	}
	return it, accept, err
}

// FileItem stores what was read from a queued item's article, as its feed
// accepts it, in one transaction, and returns the item's new state:
//   - AcceptAuto: the article and events are saved (SaveArticle's rules,
//     events marked Unreviewed): ItemAdded.
//   - AcceptReview: the article and events wait in the inbox: ItemInbox.
//
// An article stored already, or waiting in the inbox from another feed,
// is not stored again: ItemKnown. An item no longer queued (filed by
// another worker, dismissed) is left as it is, and its state returned. A
// removed item is timeline.ErrNotFound.
func (s *Store) FileItem(ctx context.Context, itemID int64, a *timeline.Article, events []timeline.Event, notes []string) (state timeline.ItemState, err error) {
	defer wrap(&err, "file item %d", itemID)
	if err := a.ValidateWithEvents(events); err != nil {
		return "", err
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var accept timeline.Accept
		err := tx.QueryRow(ctx, `
			SELECT i.state, f.accept FROM feed_items i JOIN feeds f ON f.id = i.feed_id
			WHERE i.id = $1 FOR UPDATE OF i`, itemID).Scan(&state, &accept)
		if errors.Is(err, pgx.ErrNoRows) {
			return timeline.ErrNotFound
		}
		if err != nil || state != timeline.ItemQueued {
			return err
		}
		if accept == timeline.AcceptAuto {
			for i := range events {
				events[i].Unreviewed = true
			}
			duplicate, err := saveArticleTx(ctx, tx, a, events)
			if err != nil {
				return err
			}
			state = timeline.ItemAdded
			if duplicate {
				state = timeline.ItemKnown
			}
			return setItemState(ctx, tx, itemID, state, a.ID)
		}
		hash := a.Hash()
		var known int64
		err = tx.QueryRow(ctx, `SELECT id FROM articles WHERE sha256 = $1`, hash[:]).Scan(&known)
		switch {
		case err == nil:
			state = timeline.ItemKnown
			return setItemState(ctx, tx, itemID, state, known)
		case !errors.Is(err, pgx.ErrNoRows):
			return err
		}
		doc, err := encodeInboxEvents(events)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `
			INSERT INTO inbox (item_id, sha256, url, title, published_value, published_source, body, events, notes)
			VALUES ($1, $2, $3, $4, nullif($5, ''), $6, $7, $8, $9)
			ON CONFLICT (sha256) DO NOTHING`,
			itemID, hash[:], a.URL, a.Title, a.Published.Value(), a.PublishedSource, a.Body, doc, append([]string{}, notes...))
		if err != nil {
			return err
		}
		state = timeline.ItemInbox
		if tag.RowsAffected() == 0 {
			state = timeline.ItemKnown // waiting already, from another feed
		}
		return setItemState(ctx, tx, itemID, state, 0)
	})
	return state, err
}

func setItemState(ctx context.Context, tx pgx.Tx, itemID int64, state timeline.ItemState, articleID int64) error {
	_, err := tx.Exec(ctx, `UPDATE feed_items SET state = $2, article_id = nullif($3, 0), error = '', updated_at = now()
		WHERE id = $1`, itemID, state, articleID)
	return err
}

// ItemFailed records why fetching or reading an item failed, after
// attempts tries: for good when final (ItemFailed), else as the reason of
// the retry to come. An item filed meanwhile is left alone.
func (s *Store) ItemFailed(ctx context.Context, itemID int64, reason string, attempts int, final bool) (err error) {
	defer wrap(&err, "record failed item %d", itemID)
	_, err = s.pool.Exec(ctx, `
		UPDATE feed_items SET error = $2, attempts = $3, updated_at = now(),
			state = CASE WHEN $4 THEN 'failed' ELSE state END
		WHERE id = $1 AND state IN ('queued', 'failed')`, itemID, reason, attempts, final)
	return err
}

// RequeueItem puts a failed item back in the queue, for its fetch job
// enqueued in the same transaction, and reports whether it was failed.
func (t Tx) RequeueItem(ctx context.Context, itemID int64) (requeued bool, err error) {
	defer wrap(&err, "requeue item %d", itemID)
	tag, err := t.tx.Exec(ctx, `UPDATE feed_items SET state = 'queued', error = '', attempts = 0, updated_at = now()
		WHERE id = $1 AND state = 'failed'`, itemID)
	return err == nil && tag.RowsAffected() == 1, err
}
