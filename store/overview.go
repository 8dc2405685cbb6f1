package store

import (
	"context"
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// MonthCounts returns how many of the events f selects start in each
// month, for the months that have any, oldest first. It ignores f's page
// position, size and order. An event known only to the year counts in its
// first month: the overview shows where events are filed, not claims about
// when they happened.
func (s *Store) MonthCounts(ctx context.Context, f timeline.Filter) (counts []timeline.MonthCount, err error) {
	defer wrap(&err, "count events by month")
	if err := f.Validate(); err != nil {
		return nil, err
	}
	sql, args, err := monthCountsQuery(ctx, s.pool, f)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (timeline.MonthCount, error) {
		var m timeline.MonthCount
		err := r.Scan(&m.Month, &m.Events)
		m.Month = m.Month.UTC()
		return m, err
	})
}

// monthCountsQuery counts from event_months, which triggers keep, when f
// selects by kind at most: counting the events themselves reads every
// one of them, 25 ms at 100,000 events, too slow for the page's budget.
// Other filters select fewer events, which the query counts through
// their indexes.
func monthCountsQuery(ctx context.Context, q querier, f timeline.Filter) (string, []any, error) {
	if strings.TrimSpace(f.Text) == "" && len(f.Actors) == 0 && f.From.IsZero() && f.To.IsZero() {
		if len(f.Kinds) == 0 {
			return `SELECT month, sum(events)::bigint FROM event_months
				GROUP BY month HAVING sum(events) > 0 ORDER BY month`, nil, nil
		}
		return `SELECT month, sum(events)::bigint FROM event_months WHERE kind = ANY($1::text[])
			GROUP BY month HAVING sum(events) > 0 ORDER BY month`, []any{f.Kinds}, nil
	}
	c, err := filterConditions(ctx, q, f)
	if err != nil {
		return "", nil, err
	}
	// One actor's events are counted from event_actors, whose copy of
	// their dates is in its index; the events are read only when other
	// filters need them.
	switch {
	case c.onlyActor() && c.byActor():
		return `SELECT date_trunc('month', fa.event_start) AS month, count(*)
			FROM event_actors fa` + c.sql() + `
			GROUP BY month ORDER BY month`, c.args, nil
	case c.byActor():
		return `SELECT date_trunc('month', fa.event_start) AS month, count(*)
			FROM event_actors fa JOIN events e ON e.id = fa.event_id` + c.sql() + `
			GROUP BY month ORDER BY month`, c.args, nil
	}
	return `SELECT date_trunc('month', e.date_start) AS month, count(*)
		FROM events e` + c.sql() + `
		GROUP BY month ORDER BY month`, c.args, nil
}

// Actors returns up to limit actors to suggest: those in the most of the
// latest suggestionWindow events first. Counting over every event would
// read all of event_actors, and names in use lately are the likelier
// ones anyway.
func (s *Store) Actors(ctx context.Context, limit int) (actors []timeline.Actor, err error) {
	defer wrap(&err, "list actors")
	rows, err := s.pool.Query(ctx, `
		SELECT a.name, a.kind
		FROM actors a
		JOIN (SELECT actor_id, count(*) AS n FROM event_actors
		      WHERE event_id > (SELECT coalesce(max(id), 0) - $2 FROM events)
		      GROUP BY actor_id) u ON u.actor_id = a.id
		ORDER BY u.n DESC, a.name
		LIMIT $1`, limit, suggestionWindow)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (timeline.Actor, error) {
		var a timeline.Actor
		err := r.Scan(&a.Name, &a.Kind)
		return a, err
	})
}

// suggestionWindow is how many of the latest events Actors looks at.
const suggestionWindow = 10_000
