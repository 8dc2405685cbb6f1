package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline"
)

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
