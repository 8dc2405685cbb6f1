package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// CreateEvent validates e and stores it with its actors and mentions,
// setting e.ID, e.Sequence and the timestamps. Its actors are linked to
// the stored actors their names name (see resolveActors), and e.Actors
// set to those. The history records who added it.
func (s *Store) CreateEvent(ctx context.Context, e *timeline.Event) (err error) {
	defer wrap(&err, "create event")
	if err := e.Validate(); err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		actors, err := resolveActors(ctx, tx, []*timeline.Event{e})
		if err != nil {
			return err
		}
		if err := insertEvent(ctx, tx, e, actors); err != nil {
			return err
		}
		return recordChanges(ctx, tx, timeline.Change{Action: timeline.ActionCreate, EventID: e.ID, Detail: createdText(*e)})
	})
}

// createdText says how an event came to be, for its history.
func createdText(e timeline.Event) string {
	switch e.Origin {
	case timeline.ByHand:
		return "added by hand"
	case timeline.ByImport:
		return "imported"
	}
	return "found in an article"
}

// insertEvent inserts e, whose actors are stored (resolveActors).
func insertEvent(ctx context.Context, tx pgx.Tx, e *timeline.Event, actors map[string]storedActor) error {
	start, rank := e.Date.SortKey()
	err := tx.QueryRow(ctx, `
		INSERT INTO events (kind, date_value, date_precision, date_start, date_end, date_rank,
			status, title, summary, confidence, origin, source_url, reviewed)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NOT $13)
		RETURNING id, sequence, created_at, updated_at`,
		e.Kind, e.Date.Value(), e.Date.Precision().String(), start, e.Date.End(), rank,
		e.Status, e.Title, e.Summary, e.Confidence, e.Origin, e.SourceURL, e.Unreviewed,
	).Scan(&e.ID, &e.Sequence, &e.CreatedAt, &e.UpdatedAt)
	if err != nil {
		return err
	}
	if err := setActors(ctx, tx, e.ID, e.Actors, actors); err != nil {
		return err
	}
	return insertMentions(ctx, tx, e.ID, e.Mentions)
}

// setActors makes the event's actors exactly actors, in order: stored
// actors, found in stored by their names' ActorKey.
func setActors(ctx context.Context, tx pgx.Tx, eventID int64, actors []timeline.Actor, stored map[string]storedActor) error {
	if _, err := tx.Exec(ctx, `DELETE FROM event_actors WHERE event_id = $1`, eventID); err != nil {
		return err
	}
	if len(actors) == 0 {
		return nil
	}
	ids := make([]int64, len(actors))
	for i, a := range actors {
		st, ok := stored[timeline.ActorKey(a.Name)]
		if !ok {
			return fmt.Errorf("actor %q is not stored", a.Name)
		}
		ids[i] = st.id
	}
	_, err := tx.Exec(ctx, `
		INSERT INTO event_actors (event_id, actor_id, position)
		SELECT $1, id, position - 1 FROM unnest($2::bigint[]) WITH ORDINALITY AS x(id, position)`, eventID, ids)
	return err
}

// insertMentions stores the mentions of one event in one statement, and
// sets their IDs. A quote at the place of a stored one (or of an earlier
// one in mentions) replaces its text. One statement, rather than one per
// mention, lets the search trigger read the event's quotes once.
func insertMentions(ctx context.Context, tx pgx.Tx, eventID int64, mentions []timeline.Mention) error {
	if len(mentions) == 0 {
		return nil
	}
	type place struct {
		article int64
		start   int32
	}
	at := make(map[place]int, len(mentions))
	var (
		articleIDs       []int64
		quotes, versions []string
		starts, ends     []int32
	)
	for i := range mentions {
		m := &mentions[i]
		m.EventID = eventID
		k := place{m.ArticleID, int32(m.Start)}
		if j, ok := at[k]; ok {
			quotes[j] = m.Quote
			continue
		}
		at[k] = len(articleIDs)
		articleIDs, quotes, versions = append(articleIDs, m.ArticleID), append(quotes, m.Quote), append(versions, m.ExtractorVersion)
		starts, ends = append(starts, k.start), append(ends, int32(m.End))
	}
	rows, err := tx.Query(ctx, `
		INSERT INTO mentions (event_id, article_id, quote, quote_start, quote_end, extractor_version)
		SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::integer[], $5::integer[], $6::text[])
		ON CONFLICT (event_id, article_id, quote_start) DO UPDATE SET quote = excluded.quote
		RETURNING id, article_id, quote_start`,
		eventID, articleIDs, quotes, starts, ends, versions)
	if err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	ids := make(map[place]int64, len(at))
	var (
		id int64
		k  place
	)
	_, err = pgx.ForEachRow(rows, []any{&id, &k.article, &k.start}, func() error {
		ids[k] = id
		return nil
	})
	if err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	for i := range mentions {
		mentions[i].ID = ids[place{mentions[i].ArticleID, int32(mentions[i].Start)}]
	}
	return nil
}

// eventColumns are the columns scanEvent reads, with the actors and the
// number of distinct source articles.
const eventColumns = `
	e.id, e.kind, e.date_value, e.status, e.title, e.summary, e.confidence, e.origin,
	e.source_url, e.sequence, e.created_at, e.updated_at, NOT e.reviewed,
	coalesce(act.names, '{}'), coalesce(act.kinds, '{}'),
	(SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.event_id = e.id)`

const eventFrom = `
	FROM events e` + eventLaterals

// eventLaterals are the joins that eventColumns read besides events e.
const eventLaterals = `
	LEFT JOIN LATERAL (
		SELECT array_agg(a.name ORDER BY ea.position) AS names,
		       array_agg(a.kind ORDER BY ea.position) AS kinds
		FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
		WHERE ea.event_id = e.id
	) act ON true`

// scanEvent reads a row of eventColumns, and then any extra columns into
// extra.
func scanEvent(row pgx.Row, extra ...any) (timeline.Event, error) {
	var (
		e            timeline.Event
		value        string
		names, kinds []string
		sources      int64
	)
	err := row.Scan(append([]any{&e.ID, &e.Kind, &value, &e.Status, &e.Title, &e.Summary, &e.Confidence,
		&e.Origin, &e.SourceURL, &e.Sequence, &e.CreatedAt, &e.UpdatedAt, &e.Unreviewed, &names, &kinds, &sources}, extra...)...)
	if err != nil {
		return e, err
	}
	if e.Date, err = timeline.ParseDate(value); err != nil {
		return e, fmt.Errorf("event %d: stored date: %w", e.ID, err)
	}
	e.Sources = int(sources)
	for i, n := range names {
		e.Actors = append(e.Actors, timeline.Actor{Name: n, Kind: timeline.ActorKind(kinds[i])})
	}
	return e, nil
}

// Event returns the event with its mentions and their articles (without
// bodies), or timeline.ErrNotFound.
func (s *Store) Event(ctx context.Context, id int64) (e timeline.Event, err error) {
	defer wrap(&err, "get event %d", id)
	e, err = scanEvent(s.pool.QueryRow(ctx, `SELECT `+eventColumns+eventFrom+` WHERE e.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return e, timeline.ErrNotFound
	}
	if err != nil {
		return e, err
	}
	rows, err := s.pool.Query(ctx, `
		SELECT m.id, m.article_id, m.quote, m.quote_start, m.quote_end, m.extractor_version,
		       a.url, a.title, a.publisher, coalesce(a.published_value, ''), a.published_source, a.created_at
		FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE m.event_id = $1
		ORDER BY a.published_value NULLS LAST, m.article_id, m.quote_start`, id)
	if err != nil {
		return e, err
	}
	e.Mentions, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (timeline.Mention, error) {
		m := timeline.Mention{EventID: id, Article: &timeline.Article{}}
		var published string
		err := r.Scan(&m.ID, &m.ArticleID, &m.Quote, &m.Start, &m.End, &m.ExtractorVersion,
			&m.Article.URL, &m.Article.Title, &m.Article.Publisher, &published,
			&m.Article.PublishedSource, &m.Article.CreatedAt)
		m.Article.ID = m.ArticleID
		if err == nil && published != "" {
			m.Article.Published, err = timeline.ParseDate(published)
		}
		return m, err
	})
	return e, err
}

// UpdateEvent replaces the event's fields and actors. e.Sequence must be
// the sequence the edit started from: if the event changed since, the
// update is refused with timeline.ErrConflict. On success e.Sequence and
// e.UpdatedAt are the new values, and e.Actors the stored actors their
// names name. Mentions are left as they are. The history records who
// changed what.
func (s *Store) UpdateEvent(ctx context.Context, e *timeline.Event) (err error) {
	defer wrap(&err, "update event %d", e.ID)
	if err := e.Validate(); err != nil {
		return err
	}
	start, rank := e.Date.SortKey()
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		before, err := lockEvent(ctx, tx, e.ID)
		if err != nil {
			return err
		}
		if before.Sequence != e.Sequence {
			return timeline.ErrConflict
		}
		actors, err := resolveActors(ctx, tx, []*timeline.Event{e})
		if err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `
			UPDATE events SET kind = $2, date_value = $3, date_precision = $4, date_start = $5,
				date_end = $6, date_rank = $7, status = $8, title = $9, summary = $10,
				confidence = $11, source_url = $12, sequence = sequence + 1, updated_at = now(),
				reviewed = true
			WHERE id = $1
			RETURNING sequence, updated_at`,
			e.ID, e.Kind, e.Date.Value(), e.Date.Precision().String(), start, e.Date.End(), rank,
			e.Status, e.Title, e.Summary, e.Confidence, e.SourceURL,
		).Scan(&e.Sequence, &e.UpdatedAt)
		if err != nil {
			return err
		}
		if err := setActors(ctx, tx, e.ID, e.Actors, actors); err != nil {
			return err
		}
		return recordChanges(ctx, tx, timeline.Change{Action: timeline.ActionEdit, EventID: e.ID, Detail: timeline.Differences(before, *e)})
	})
}

// lockEvent locks an event for the rest of the transaction and reads it
// (without its mentions), or returns timeline.ErrNotFound.
func lockEvent(ctx context.Context, tx pgx.Tx, id int64) (timeline.Event, error) {
	var locked int64
	err := tx.QueryRow(ctx, `SELECT id FROM events WHERE id = $1 FOR UPDATE`, id).Scan(&locked)
	if errors.Is(err, pgx.ErrNoRows) {
		return timeline.Event{}, timeline.ErrNotFound
	}
	if err != nil {
		return timeline.Event{}, err
	}
	return scanEvent(tx.QueryRow(ctx, `SELECT `+eventColumns+eventFrom+` WHERE e.id = $1`, id))
}

// DeleteEvent removes the event and its mentions, or returns
// timeline.ErrNotFound. The history records who deleted it.
func (s *Store) DeleteEvent(ctx context.Context, id int64) (err error) {
	defer wrap(&err, "delete event %d", id)
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		e, err := lockEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM events WHERE id = $1`, id); err != nil {
			return err
		}
		return recordChanges(ctx, tx, timeline.Change{Action: timeline.ActionDelete, EventID: id, Detail: eventText(e)})
	})
}

// eventText names an event in a history: its title and date.
func eventText(e timeline.Event) string {
	return fmt.Sprintf("%q, %s", e.Title, e.Date)
}

// Events returns one page of the events f selects, in chronological order
// (or newest first): by date start, coarse precision before fine at equal
// starts, then id. It continues strictly after f.After. Each event carries
// its lead mention, the first of Event's order (earliest published
// article first), with that article without its body, so that a page can
// quote its source; Sources counts them all.
func (s *Store) Events(ctx context.Context, f timeline.Filter) (p timeline.Page, err error) {
	defer wrap(&err, "list events")
	if err := f.Validate(); err != nil {
		return p, err
	}
	sql, args, err := eventsQuery(ctx, s.pool, f)
	if err != nil {
		return p, err
	}
	rows, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return p, err
	}
	p.Events, err = pgx.CollectRows(rows, scanEventWithLead)
	if err != nil {
		return p, err
	}
	if limit := f.PageSize(); len(p.Events) > limit {
		p.Events = p.Events[:limit]
		p.Next = timeline.CursorAt(p.Events[limit-1])
	}
	return p, nil
}

// eventsQuery is the query of Events: one row more than a page, so that
// Events knows whether another page follows.
func eventsQuery(ctx context.Context, q querier, f timeline.Filter) (sql string, args []any, err error) {
	c, err := filterConditions(ctx, q, f)
	if err != nil {
		return "", nil, err
	}
	dir, cmp := "ASC", ">"
	if f.Order == timeline.NewestFirst {
		dir, cmp = "DESC", "<"
	}
	// The sort key, from the event or, for one actor, from its copy in
	// event_actors, whose index gives the actor's events in that order.
	from, key := "FROM events e", [3]string{"e.date_start", "e.date_rank", "e.id"}
	if c.byActor() {
		from, key = "FROM event_actors fa JOIN events e ON e.id = fa.event_id", [3]string{"fa.event_start", "fa.event_rank", "fa.event_id"}
	}
	if !f.After.IsZero() {
		c.add(fmt.Sprintf("(%s, %s, %s) %s (%s, %s, %s)", key[0], key[1], key[2],
			cmp, c.arg(f.After.Start), c.arg(f.After.Rank), c.arg(f.After.ID)))
	}
	sql = "SELECT " + eventColumns + leadMentionColumns + " " + from + eventLaterals + leadMentionLateral + c.sql() +
		fmt.Sprintf(" ORDER BY %[2]s %[1]s, %[3]s %[1]s, %[4]s %[1]s LIMIT %[5]d", dir, key[0], key[1], key[2], f.PageSize()+1)
	return sql, c.args, nil
}

// ExplainEvents returns PostgreSQL's plan for the query of Events(f), run
// and timed when analyze is set: how operators and tests check that the
// timeline's queries stay on their indexes.
func (s *Store) ExplainEvents(ctx context.Context, f timeline.Filter, analyze bool) (plan string, err error) {
	defer wrap(&err, "explain events")
	if err := f.Validate(); err != nil {
		return "", err
	}
	sql, args, err := eventsQuery(ctx, s.pool, f)
	if err != nil {
		return "", err
	}
	return s.explain(ctx, sql, args, analyze)
}

func (s *Store) explain(ctx context.Context, sql string, args []any, analyze bool) (string, error) {
	options := "COSTS OFF"
	if analyze {
		options = "ANALYZE, BUFFERS, COSTS OFF"
	}
	rows, err := s.pool.Query(ctx, "EXPLAIN ("+options+") "+sql, args...)
	if err != nil {
		return "", err
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return strings.Join(lines, "\n"), err
}

// leadMentionLateral finds each event's first mention in Event's order.
// It runs once per row returned, after the LIMIT, through the mentions
// index on event_id.
const leadMentionLateral = `
	LEFT JOIN LATERAL (
		SELECT m.id, m.article_id, m.quote, m.quote_start, m.quote_end, m.extractor_version,
		       a.url, a.title, a.publisher, coalesce(a.published_value, '') AS published,
		       a.published_source
		FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE m.event_id = e.id
		ORDER BY a.published_value NULLS LAST, m.article_id, m.quote_start
		LIMIT 1
	) lead ON true`

const leadMentionColumns = `, lead.id, lead.article_id, lead.quote, lead.quote_start, lead.quote_end,
	lead.extractor_version, lead.url, lead.title, lead.publisher, lead.published, lead.published_source`

// scanEventWithLead reads eventColumns and leadMentionColumns.
func scanEventWithLead(r pgx.CollectableRow) (timeline.Event, error) {
	var (
		id, articleID                   *int64
		quote, version, url, title      *string
		publisher, published, pubSource *string
		start, end                      *int
	)
	e, err := scanEvent(r, &id, &articleID, &quote, &start, &end, &version, &url, &title, &publisher, &published, &pubSource)
	if err != nil || id == nil {
		return e, err
	}
	a := &timeline.Article{ID: *articleID, URL: *url, Title: *title, Publisher: *publisher, PublishedSource: *pubSource}
	if *published != "" {
		if a.Published, err = timeline.ParseDate(*published); err != nil {
			return e, fmt.Errorf("article %d: stored date: %w", a.ID, err)
		}
	}
	e.Mentions = []timeline.Mention{{
		ID: *id, EventID: e.ID, ArticleID: *articleID, Quote: *quote, Start: *start, End: *end,
		ExtractorVersion: *version, Article: a,
	}}
	return e, nil
}
