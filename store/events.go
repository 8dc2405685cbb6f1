package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

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

// conditions is a WHERE clause under construction over events e, with its
// arguments.
type conditions struct {
	where []string
	args  []any
	// actor is set when the filter names exactly one actor and no words:
	// where[actorAt] selects its events, with actorArg the placeholder of
	// its id, so that a query can read them from event_actors in timeline
	// order instead (see eventsQuery). kindsAt is the condition on kinds,
	// -1 if none, which byActor reads from event_actors' copy.
	actor    int64
	actorAt  int
	actorArg string
	kindsAt  int
	// from and to are the placeholders of the date range, if any, which
	// byActor also puts on the actor's copy of the sort key, so that the
	// index scan of its events stays within the range.
	from, to string
	// searched is set when the conditions go through the search index:
	// words, or several actors (see filterConditions).
	searched bool
}

// byActor rewrites the conditions for a query that reads the one actor's
// events from event_actors fa, joined to events e, and reports whether it
// did.
func (c *conditions) byActor() bool {
	if c.actor == 0 {
		return false
	}
	c.where[c.actorAt] = "fa.actor_id = " + c.actorArg
	if c.kindsAt >= 0 {
		c.where[c.kindsAt] = strings.Replace(c.where[c.kindsAt], "e.kind", "fa.event_kind", 1)
	}
	if c.from != "" {
		c.add("fa.event_start >= " + c.from)
	}
	if c.to != "" {
		c.add("fa.event_start < " + c.to)
	}
	return true
}

// onlyActor reports whether one actor, and kinds, are all the conditions
// select by: what event_actors alone answers.
func (c *conditions) onlyActor() bool {
	n := 1
	if c.kindsAt >= 0 {
		n++
	}
	return c.actor != 0 && len(c.where) == n
}

// arg adds an argument and returns its placeholder.
func (c *conditions) arg(v any) string {
	c.args = append(c.args, v)
	return fmt.Sprintf("$%d", len(c.args))
}

func (c *conditions) add(cond string) { c.where = append(c.where, cond) }

// sql is the WHERE clause, or "" when nothing is filtered.
func (c *conditions) sql() string {
	if len(c.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(c.where, " AND ")
}

// filterConditions selects the events f selects, leaving out the page
// position (f.After), so that pages and exports filter alike.
//
// Words, and several actors, are one tsquery over the search document,
// which carries each event's kind and actors as lexemes no text can
// spell ('#kstrike', '#a25'; migration 0007): the search index intersects
// them all at once, where separate indexes would each read every event of
// a common word, kind or actor. One actor without words is read from
// event_actors, whose index holds the actor's events in timeline order.
func filterConditions(ctx context.Context, q querier, f timeline.Filter) (*conditions, error) {
	c := &conditions{kindsAt: -1}
	text := strings.TrimSpace(f.Text)
	var actors []int64
	if len(f.Actors) > 0 {
		var err error
		if actors, err = actorIDs(ctx, q, f.Actors); err != nil {
			return nil, err
		}
		if len(actors) == 0 {
			c.add("false") // nobody by these names: nothing matches
			return c, nil
		}
	}
	from, to := f.Range()
	walk := false
	if text != "" && len(actors) == 1 {
		var err error
		if walk, err = fewEvents(ctx, q, actors[0], f.Kinds, from, to); err != nil {
			return nil, err
		}
	}
	// Words that name an actor also find the actor's events, whatever
	// name they are written under: "FBI" finds the Federal Bureau of
	// Investigation's.
	words := ""
	if text != "" {
		named, err := textActors(ctx, q, text)
		if err != nil {
			return nil, err
		}
		words = "websearch_to_tsquery('english', " + c.arg(text) + ")"
		if len(named) > 0 {
			words = "(" + words + " || " + c.arg(searchTerms(nil, named)) + "::tsquery)"
		}
	}
	switch {
	case (text != "" || len(actors) > 1) && !walk:
		c.searched = true
		terms := searchTerms(f.Kinds, actors)
		switch {
		case text == "":
			c.add("e.search @@ " + c.arg(terms) + "::tsquery")
		case terms == "":
			c.add("e.search @@ " + words)
		default:
			// Words that are all stop words make an empty tsquery, which
			// matches nothing alone; joined to the terms it would match
			// all their events.
			c.add("numnode(" + words + ") > 0")
			c.add("e.search @@ (" + words + " && " + c.arg(terms) + "::tsquery)")
		}
	default:
		if len(f.Kinds) > 0 {
			c.kindsAt = len(c.where)
			c.add("e.kind = ANY(" + c.arg(f.Kinds) + "::text[])")
		}
		if len(actors) == 1 {
			c.actor, c.actorAt, c.actorArg = actors[0], len(c.where), c.arg(actors[0])
			c.add("e.id IN (SELECT ea.event_id FROM event_actors ea WHERE ea.actor_id = " + c.actorArg + ")")
		}
		if walk {
			c.add("e.search @@ " + words)
		}
	}
	if !from.IsZero() {
		c.from = c.arg(from)
		c.add("e.date_start >= " + c.from)
	}
	if !to.IsZero() {
		// date_start < to follows from date_end <= to (every date ends
		// after it starts), but only date_start is in the timeline's
		// index: said out loud, it bounds the index scan.
		c.to = c.arg(to)
		c.add("e.date_end <= " + c.to + " AND e.date_start < " + c.to)
	}
	return c, nil
}

// textActors are the actors a search text names as a whole, if it is
// short enough to be a name.
func textActors(ctx context.Context, q querier, text string) ([]int64, error) {
	if utf8.RuneCountInString(text) > timeline.MaxActorRunes || strings.Contains(text, `"`) {
		return nil, nil
	}
	for _, w := range strings.Fields(text) {
		if strings.HasPrefix(w, "-") || strings.EqualFold(w, "or") {
			return nil, nil // a search with operators is no name
		}
	}
	return actorIDs(ctx, q, []string{text})
}

// fewEvents reports whether the actor has at most actorWalk events of the
// kinds in the range, by the counts kept in actor_months (whole months,
// so a little more than the range). Words with such an actor are looked
// for in the actor's events, read in order from event_actors: a page
// stops after its events, and an overview reads them all, both within a
// bound. The search index would intersect the whole lists of the words,
// the kinds and the actor, however few events they share.
func fewEvents(ctx context.Context, q querier, actor int64, kinds []timeline.Kind, from, to time.Time) (bool, error) {
	sql := `SELECT coalesce(sum(events), 0) FROM actor_months WHERE actor_id = $1 AND (coalesce(cardinality($2::text[]), 0) = 0 OR kind = ANY($2))`
	args := []any{actor, kinds}
	if !from.IsZero() {
		sql += ` AND month >= date_trunc('month', $3::timestamp)`
		args = append(args, from)
	}
	if !to.IsZero() {
		args = append(args, to)
		sql += fmt.Sprintf(" AND month < $%d", len(args))
	}
	var n int64
	err := q.QueryRow(ctx, sql, args...).Scan(&n)
	return n <= actorWalk, err
}

// actorWalk is how many of an actor's events a search reads in order
// rather than through the search index. Intersecting in the index costs
// in proportion to the lists it reads (5 ms for a word in 50,000 events,
// a kind in 91,000 and an actor in 36,000, at a million events); reading
// events costs some 5 to 10 microseconds each, when they are not in
// PostgreSQL's buffers.
const actorWalk = 1000

// searchTerms is the tsquery of the lexemes that stand for kinds and
// actors in the search document: any of the kinds and any of the actors.
func searchTerms(kinds []timeline.Kind, actors []int64) string {
	var parts []string
	if len(kinds) > 0 {
		ks := make([]string, len(kinds))
		for i, k := range kinds {
			ks[i] = "'#k" + string(k) + "'" // kinds are validated words
		}
		parts = append(parts, "("+strings.Join(ks, " | ")+")")
	}
	if len(actors) > 0 {
		as := make([]string, len(actors))
		for i, a := range actors {
			as[i] = fmt.Sprintf("'#a%d'", a)
		}
		parts = append(parts, "("+strings.Join(as, " | ")+")")
	}
	return strings.Join(parts, " & ")
}
