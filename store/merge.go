package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// MergeEvents makes two events that report one occurrence one: kept
// takes every mention of gone (a quote of the same place of an article
// counts once) and the actors it lacks, after its own; its date, kind,
// title and the rest stay. gone is deleted. The history of both records
// it, and links to gone lead to kept (MergedInto). kept's sequence is
// bumped, as an edit would, so calendars take the change.
func (s *Store) MergeEvents(ctx context.Context, kept, gone int64) (err error) {
	defer wrap(&err, "merge event %d into %d", gone, kept)
	if kept == gone {
		v := &timeline.ValidationError{}
		v.Add("with", "an event cannot be merged with itself: choose another")
		return v
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// both locked, in id order, so that two merges cannot deadlock
		first, second := min(kept, gone), max(kept, gone)
		a, err := lockEvent(ctx, tx, first)
		if err != nil {
			return err
		}
		b, err := lockEvent(ctx, tx, second)
		if err != nil {
			return err
		}
		k, g := a, b
		if kept != first {
			k, g = b, a
		}
		steps := []struct {
			sql  string
			args []any
		}{
			{`UPDATE mentions m SET event_id = $1
				WHERE m.event_id = $2 AND NOT EXISTS (SELECT 1 FROM mentions o
					WHERE o.event_id = $1 AND o.article_id = m.article_id AND o.quote_start = m.quote_start)`, []any{kept, gone}},
			{`INSERT INTO event_actors (event_id, actor_id, position)
				SELECT $1, g.actor_id, coalesce((SELECT max(position) + 1 FROM event_actors WHERE event_id = $1), 0)
					+ row_number() OVER (ORDER BY g.position) - 1
				FROM event_actors g
				WHERE g.event_id = $2 AND g.actor_id NOT IN (SELECT actor_id FROM event_actors WHERE event_id = $1)`, []any{kept, gone}},
			{`DELETE FROM events WHERE id = $1`, []any{gone}},
			{`UPDATE events SET sequence = sequence + 1, updated_at = now() WHERE id = $1`, []any{kept}},
		}
		moved := 0
		for i, st := range steps {
			tag, err := tx.Exec(ctx, st.sql, st.args...)
			if err != nil {
				return fmt.Errorf("step %d: %w", i+1, err)
			}
			if i == 0 {
				moved = int(tag.RowsAffected())
			}
		}
		return recordChanges(ctx, tx,
			timeline.Change{Action: timeline.ActionMerge, EventID: kept, Other: gone,
				Detail: fmt.Sprintf("event %d, %s, merged into this one with %s", gone, eventText(g), countText(moved, "mention", "mentions"))},
			timeline.Change{Action: timeline.ActionMergedInto, EventID: gone, Other: kept,
				Detail: fmt.Sprintf("merged into event %d, %s", kept, eventText(k))})
	})
}

// SplitMention makes one mention of an event an event of its own: a copy
// of the event (kind, date, title, actors and the rest), with that
// mention alone, for the editor to correct. The event must keep at
// least one mention. It returns the new event's id; the history of both
// records it.
func (s *Store) SplitMention(ctx context.Context, eventID, articleID int64, quoteStart int) (id int64, err error) {
	defer wrap(&err, "split a mention off event %d", eventID)
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		e, err := lockEvent(ctx, tx, eventID)
		if err != nil {
			return err
		}
		var mentions int
		var quote string
		err = tx.QueryRow(ctx, `
			SELECT (SELECT count(*) FROM mentions WHERE event_id = $1), quote
			FROM mentions WHERE event_id = $1 AND article_id = $2 AND quote_start = $3`,
			eventID, articleID, quoteStart).Scan(&mentions, &quote)
		if errors.Is(err, pgx.ErrNoRows) {
			return timeline.ErrNotFound
		}
		if err != nil {
			return err
		}
		if mentions < 2 {
			v := &timeline.ValidationError{}
			v.Add("mention", "this is the event's only mention: there is nothing to split it from")
			return v
		}
		err = tx.QueryRow(ctx, `
			INSERT INTO events (kind, date_value, date_precision, date_start, date_end, date_rank, status, title,
				summary, confidence, origin, source_url, reviewed)
			SELECT kind, date_value, date_precision, date_start, date_end, date_rank, status, title,
				summary, confidence, origin, source_url, reviewed
			FROM events WHERE id = $1
			RETURNING id`, eventID).Scan(&id)
		if err != nil {
			return err
		}
		steps := []string{
			`INSERT INTO event_actors (event_id, actor_id, position)
				SELECT $2, actor_id, position FROM event_actors WHERE event_id = $1`,
			`UPDATE mentions SET event_id = $2 WHERE event_id = $1 AND article_id = $3 AND quote_start = $4`,
			// the moved quote leaves the old event's search document (the
			// trigger on mentions refreshes the new event's only)
			`UPDATE events SET search = event_search(id, kind, title, summary), sequence = sequence + 1, updated_at = now()
				WHERE id = $1`,
		}
		args := [][]any{{eventID, id}, {eventID, id, articleID, quoteStart}, {eventID}}
		for i, sql := range steps {
			if _, err := tx.Exec(ctx, sql, args[i]...); err != nil {
				return fmt.Errorf("step %d: %w", i+1, err)
			}
		}
		return recordChanges(ctx, tx,
			timeline.Change{Action: timeline.ActionSplit, EventID: eventID, Other: id, ArticleID: articleID,
				Detail: fmt.Sprintf("the mention “%s” split off into event %d", clip(quote), id)},
			timeline.Change{Action: timeline.ActionSplitFrom, EventID: id, Other: eventID, ArticleID: articleID,
				Detail: fmt.Sprintf("split off event %d, %s, with the mention “%s”", eventID, eventText(e), clip(quote))})
	})
	return id, err
}

// clip shortens a quote for a history line.
func clip(s string) string {
	r := []rune(s)
	if len(r) <= 80 {
		return s
	}
	return string(r[:79]) + "…"
}

// nearbyDays is how far from an event's start NearbyEvents looks.
const nearbyDays = 2

// NearbyEvents returns up to limit events that may report the same
// occurrence as the event: a kind SameOccurrence treats as its kind, an
// actor in common, and a start within nearbyDays of its start, nearest
// first. They are what an editor may merge it with: the store merged
// those of the same day as they were saved.
func (s *Store) NearbyEvents(ctx context.Context, id int64, limit int) (events []timeline.Event, err error) {
	defer wrap(&err, "events near event %d", id)
	e, err := s.Event(ctx, id)
	if err != nil {
		return nil, err
	}
	kinds := timeline.OccurrenceKinds(e.Kind)
	start, _ := e.Date.SortKey()
	from, to := start.AddDate(0, 0, -nearbyDays), start.AddDate(0, 0, nearbyDays+1)
	rows, err := s.pool.Query(ctx, `
		WITH near AS (
			SELECT DISTINCT o.event_id, o.event_start
			FROM event_actors mine JOIN event_actors o ON o.actor_id = mine.actor_id
			WHERE mine.event_id = $1 AND o.event_id <> $1 AND o.event_start >= $2 AND o.event_start < $3
				AND o.event_kind = ANY($4::text[])
		)
		SELECT `+eventColumns+` FROM near JOIN events e ON e.id = near.event_id`+eventLaterals+`
		ORDER BY abs(extract(epoch FROM near.event_start - $5::timestamp)), e.id
		LIMIT $6`, id, from, to, kinds, start, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (timeline.Event, error) { return scanEvent(r) })
}
