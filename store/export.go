package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// querier is what the export queries need: the pool, or a transaction that
// gives several queries one snapshot.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// EachEvent calls fn with every event f selects, in f's order, with its
// actors and its mentions, each with its article (without the body). It
// ignores f.After and f.Limit: an export is every page. Rows are read from
// the database one at a time and never collected, so memory does not grow
// with the number of events. An error from fn stops the iteration and is
// returned as it is.
func (s *Store) EachEvent(ctx context.Context, f timeline.Filter, fn func(timeline.Event) error) error {
	return eachEvent(ctx, s.pool, f, fn)
}

// Export calls article with every article that an event f selects cites
// (with its body, in the order they were stored), then event with every
// event as EachEvent does. Both run in one read-only snapshot, so every
// mention's article has been passed to article before. Either function
// may be nil.
func (s *Store) Export(ctx context.Context, f timeline.Filter, article func(timeline.Article) error, event func(timeline.Event) error) error {
	opts := pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}
	var fnErr error
	err := pgx.BeginTxFunc(ctx, s.pool, opts, func(tx pgx.Tx) error {
		if article != nil {
			if err := eachArticle(ctx, tx, f, func(a timeline.Article) error {
				fnErr = article(a)
				return fnErr
			}); err != nil {
				return err
			}
		}
		if event != nil {
			return eachEvent(ctx, tx, f, func(e timeline.Event) error {
				fnErr = event(e)
				return fnErr
			})
		}
		return nil
	})
	if fnErr != nil {
		return fnErr
	}
	wrap(&err, "export")
	return err
}

// exportMention is a mention with its article's metadata as the events
// query aggregates them into JSON, one array per event, so that an event
// and all its evidence arrive in a single row.
type exportMention struct {
	ID               int64     `json:"id"`
	ArticleID        int64     `json:"article_id"`
	Quote            string    `json:"quote"`
	Start            int       `json:"start"`
	End              int       `json:"end"`
	ExtractorVersion string    `json:"extractor_version"`
	URL              string    `json:"url"`
	Title            string    `json:"title"`
	Publisher        string    `json:"publisher"`
	Published        string    `json:"published"`
	PublishedSource  string    `json:"published_source"`
	CreatedAt        time.Time `json:"created_at"`
}

const mentionsLateral = `
	LEFT JOIN LATERAL (
		SELECT json_agg(json_build_object(
			'id', m.id, 'article_id', m.article_id, 'quote', m.quote,
			'start', m.quote_start, 'end', m.quote_end, 'extractor_version', m.extractor_version,
			'url', a.url, 'title', a.title, 'publisher', a.publisher,
			'published', coalesce(a.published_value, ''), 'published_source', a.published_source,
			'created_at', a.created_at)
			ORDER BY a.published_value NULLS LAST, m.article_id, m.quote_start) AS list
		FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE m.event_id = e.id
	) men ON true`

func eachEvent(ctx context.Context, q querier, f timeline.Filter, fn func(timeline.Event) error) (err error) {
	var fnErr error
	defer func() {
		if fnErr == nil {
			wrap(&err, "export events")
		}
	}()
	if err := f.Validate(); err != nil {
		return err
	}
	c, err := filterConditions(ctx, q, f)
	if err != nil {
		return err
	}
	dir := "ASC"
	if f.Order == timeline.NewestFirst {
		dir = "DESC"
	}
	sql := "SELECT " + eventColumns + ", men.list" + eventFrom + mentionsLateral + c.sql() +
		fmt.Sprintf(" ORDER BY e.date_start %[1]s, e.date_rank %[1]s, e.id %[1]s", dir)
	rows, err := q.Query(ctx, sql, c.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var list []byte
		e, err := scanEvent(rows, &list)
		if err != nil {
			return err
		}
		if e.Mentions, err = decodeMentions(e.ID, list); err != nil {
			return err
		}
		if fnErr = fn(e); fnErr != nil {
			return fnErr
		}
	}
	return rows.Err()
}

func decodeMentions(eventID int64, list []byte) ([]timeline.Mention, error) {
	if len(list) == 0 {
		return nil, nil
	}
	var rows []exportMention
	if err := json.Unmarshal(list, &rows); err != nil {
		return nil, fmt.Errorf("event %d: mentions: %w", eventID, err)
	}
	out := make([]timeline.Mention, len(rows))
	for i, r := range rows {
		a := &timeline.Article{
			ID: r.ArticleID, URL: r.URL, Title: r.Title, Publisher: r.Publisher,
			PublishedSource: r.PublishedSource, CreatedAt: r.CreatedAt,
		}
		if r.Published != "" {
			d, err := timeline.ParseDate(r.Published)
			if err != nil {
				return nil, fmt.Errorf("event %d: article %d: stored date: %w", eventID, r.ArticleID, err)
			}
			a.Published = d
		}
		out[i] = timeline.Mention{
			ID: r.ID, EventID: eventID, ArticleID: r.ArticleID, Quote: r.Quote,
			Start: r.Start, End: r.End, ExtractorVersion: r.ExtractorVersion, Article: a,
		}
	}
	return out, nil
}

func eachArticle(ctx context.Context, q querier, f timeline.Filter, fn func(timeline.Article) error) (err error) {
	var fnErr error
	defer func() {
		if fnErr == nil {
			wrap(&err, "export articles")
		}
	}()
	if err := f.Validate(); err != nil {
		return err
	}
	c, err := filterConditions(ctx, q, f)
	if err != nil {
		return err
	}
	c.add("e.id = m.event_id")
	sql := `
		SELECT a.id, a.url, a.title, a.publisher, coalesce(a.published_value, ''),
		       a.published_source, a.body, a.created_at
		FROM articles a
		WHERE EXISTS (SELECT 1 FROM mentions m, events e` + c.sql() + ` AND m.article_id = a.id)
		ORDER BY a.id`
	rows, err := q.Query(ctx, sql, c.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			a         timeline.Article
			published string
		)
		if err := rows.Scan(&a.ID, &a.URL, &a.Title, &a.Publisher, &published, &a.PublishedSource, &a.Body, &a.CreatedAt); err != nil {
			return err
		}
		if published != "" {
			if a.Published, err = timeline.ParseDate(published); err != nil {
				return fmt.Errorf("article %d: stored date: %w", a.ID, err)
			}
		}
		if fnErr = fn(a); fnErr != nil {
			return fnErr
		}
	}
	return rows.Err()
}

// Version returns the version of everything an export can show. Any
// committed change to events, actors, mentions or articles changes it,
// deletions included.
func (s *Store) Version(ctx context.Context) (v timeline.Version, err error) {
	defer wrap(&err, "export version")
	err = s.pool.QueryRow(ctx, `SELECT n, changed_at, clock_timestamp() FROM export_version`).
		Scan(&v.Changes, &v.ChangedAt, &v.AsOf)
	return v, err
}

// CountEvents returns how many events f selects, and how many of them a
// calendar cannot hold: those starting before year 1, and day or coarser
// dates starting on 31 December 9999, whose all-day end would be in year
// 10000 (the rule of export.CalendarCanHold).
func (s *Store) CountEvents(ctx context.Context, f timeline.Filter) (total, notInCalendar int, err error) {
	defer wrap(&err, "count events")
	if err := f.Validate(); err != nil {
		return 0, 0, err
	}
	c, err := filterConditions(ctx, s.pool, f)
	if err != nil {
		return 0, 0, err
	}
	err = s.pool.QueryRow(ctx, `
		SELECT count(*), count(*) FILTER (WHERE e.date_start < '0001-01-01'
			OR (e.date_start >= '9999-12-31' AND e.date_precision <> 'minute'))
		FROM events e`+c.sql(), c.args...).Scan(&total, &notInCalendar)
	return total, notInCalendar, err
}
