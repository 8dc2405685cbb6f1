package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// MonthCounts returns how many of the events f selects start in each
// month, for the months that have any, oldest first. It ignores f's page
// position, size and order. An event known only to the year counts in its
// first month: the overview shows where events are filed, not claims about
// when they happened.
//
// Counts are kept in advance for kinds (event_months) and for one actor
// with kinds (actor_months); other filters without words are counted
// through their indexes. A search may select tens of thousands of events,
// and reading each costs more than a page may take: when it selects more
// than overviewReads, the counts are estimated from a sample of the events
// (one in 16, 256 or 4096, each with its own search index), multiplied
// up, and marked About.
func (s *Store) MonthCounts(ctx context.Context, f timeline.Filter) (counts []timeline.MonthCount, err error) {
	defer wrap(&err, "count events by month")
	return s.countMonths(ctx, f, nil)
}

// ExplainMonthCounts is ExplainEvents for MonthCounts: the plans of the
// queries it runs for f, one after the other.
func (s *Store) ExplainMonthCounts(ctx context.Context, f timeline.Filter, analyze bool) (plan string, err error) {
	defer wrap(&err, "explain month counts")
	e := &explainer{analyze: analyze}
	_, err = s.countMonths(ctx, f, e)
	return strings.Join(e.plans, "\n"), err
}

// explainer collects the plans of the queries a method runs.
type explainer struct {
	analyze bool
	plans   []string
}

func (s *Store) countMonths(ctx context.Context, f timeline.Filter, e *explainer) (counts []timeline.MonthCount, err error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	c, err := filterConditions(ctx, s.pool, f)
	if err != nil {
		return nil, err
	}
	if !c.searched {
		sql, args := monthCountsQuery(f, c)
		return s.monthCounts(ctx, e, 1, sql, args)
	}
	var total float64
	if err := s.pool.QueryRow(ctx, `SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'events'::regclass`).Scan(&total); err != nil {
		return nil, err
	}
	// From the level whose whole sample a query may read, denser while the
	// next level is affordable and the samples are too few; sparser if
	// the statistics were wrong and a query was cut short.
	level, sparser := startLevel(total), false
	for {
		rate := sampleLevels[level]
		got, err := s.monthCounts(ctx, e, rate, sampledCountsQuery(c, rate), c.args)
		if err != nil {
			return nil, err
		}
		read := 0
		for _, m := range got {
			read += m.Events / rate
		}
		if read > overviewReads { // cut short
			switch {
			case counts != nil:
				return counts, nil // the sparser sample stands
			case level > 0:
				level, sparser = level-1, true
				continue
			}
			// at 4,096 times overviewReads matches, an underestimate (see
			// docs/SCALING.md)
		}
		counts = got
		if rate == 1 || sparser || read >= overviewSamples || read > overviewReads ||
			read*rate/sampleLevels[level+1] > overviewReads {
			return counts, nil
		}
		level++
	}
}

// Sampling for the overviews of searches. overviewReads bounds the
// events one overview query reads (each costs a visit to its row);
// overviewSamples is enough to draw the strip from: about 40 per bar of a
// 26-year strip.
const (
	overviewReads   = 4000
	overviewSamples = 1000
)

// sampleLevels are the rates of the samples that have a search index
// (migration 0007: the events whose id hashes to 0 modulo each), sparsest
// first; 1 is every event.
var sampleLevels = []int{4096, 256, 16, 1}

// startLevel is the densest level whose whole sample overviewReads covers:
// a search of it is never cut short. With fewer events than that, it is
// every event.
func startLevel(events float64) int {
	for i := len(sampleLevels) - 1; i > 0; i-- {
		if events/float64(sampleLevels[i]) <= overviewReads {
			return i
		}
	}
	return 0
}

// sampledCountsQuery counts by month the events of the sample at rate
// that c selects, reading at most overviewReads+1 of them. The rate is
// written into the query, not passed, so that the planner matches the
// sample's partial index.
func sampledCountsQuery(c *conditions, rate int) string {
	where := c.sql()
	if rate > 1 {
		where += fmt.Sprintf(" AND (hashint8(e.id) & %d) = 0", rate-1)
	}
	return fmt.Sprintf(`SELECT month, count(*) * %d FROM (
		SELECT date_trunc('month', e.date_start) AS month FROM events e%s LIMIT %d) s
		GROUP BY month ORDER BY month`, rate, where, overviewReads+1)
}

// monthCounts runs a query of months and counts; counts from a sample
// (rate above 1) are marked About.
func (s *Store) monthCounts(ctx context.Context, e *explainer, rate int, sql string, args []any) ([]timeline.MonthCount, error) {
	if e != nil {
		plan, err := s.explain(ctx, sql, args, e.analyze)
		if err != nil {
			return nil, err
		}
		e.plans = append(e.plans, plan)
	}
	rows, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (timeline.MonthCount, error) {
		m := timeline.MonthCount{About: rate > 1}
		err := r.Scan(&m.Month, &m.Events)
		m.Month = m.Month.UTC()
		return m, err
	})
}

// monthCountsQuery counts without the search index: from event_months,
// which triggers keep, when f selects by kind at most; from actor_months
// for one actor and kinds; else by reading the events the filters select
// through their indexes.
func monthCountsQuery(f timeline.Filter, c *conditions) (string, []any) {
	ranged := !f.From.IsZero() || !f.To.IsZero()
	switch {
	case len(c.where) == 0 || len(c.where) == 1 && c.kindsAt == 0:
		kinds := ""
		if c.kindsAt == 0 {
			kinds = " WHERE kind = ANY($1::text[])"
		}
		return `SELECT month, sum(events)::bigint FROM event_months` + kinds + `
			GROUP BY month HAVING sum(events) > 0 ORDER BY month`, c.args
	case c.onlyActor() && !ranged:
		where := "actor_id = " + c.actorArg
		if c.kindsAt >= 0 {
			where += " AND kind = ANY($1::text[])"
		}
		return `SELECT month, sum(events)::bigint FROM actor_months WHERE ` + where + `
			GROUP BY month HAVING sum(events) > 0 ORDER BY month`, c.args
	case c.onlyActor() && c.byActor():
		return `SELECT date_trunc('month', fa.event_start) AS month, count(*)
			FROM event_actors fa` + c.sql() + `
			GROUP BY month ORDER BY month`, c.args
	case c.byActor():
		return `SELECT date_trunc('month', fa.event_start) AS month, count(*)
			FROM event_actors fa JOIN events e ON e.id = fa.event_id` + c.sql() + `
			GROUP BY month ORDER BY month`, c.args
	}
	return `SELECT date_trunc('month', e.date_start) AS month, count(*)
		FROM events e` + c.sql() + `
		GROUP BY month ORDER BY month`, c.args
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
