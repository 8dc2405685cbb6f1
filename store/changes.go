package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// recordChanges writes the history of a change in the writer's
// transaction, each row by the author of ctx (timeline.WithAuthor).
func recordChanges(ctx context.Context, tx pgx.Tx, changes ...timeline.Change) error {
	if len(changes) == 0 {
		return nil
	}
	n := len(changes)
	actions, details := make([]string, n), make([]string, n)
	events, actors, articles, others := make([]*int64, n), make([]*int64, n), make([]*int64, n), make([]*int64, n)
	for i, c := range changes {
		actions[i], details[i] = string(c.Action), c.Detail
		events[i], actors[i], articles[i], others[i] = nullID(c.EventID), nullID(c.ActorID), nullID(c.ArticleID), nullID(c.Other)
	}
	_, err := tx.Exec(ctx, `
		INSERT INTO changes (author, action, event_id, actor_id, article_id, other_id, detail)
		SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[])`,
		timeline.AuthorOf(ctx), actions, events, actors, articles, others, details)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	return nil
}

func nullID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// historyLimit bounds the changes a page shows.
const historyLimit = 200

const changeColumns = `at, author, action, coalesce(event_id, 0), coalesce(actor_id, 0),
	coalesce(article_id, 0), coalesce(other_id, 0), detail`

func scanChange(r pgx.CollectableRow) (c timeline.Change, err error) {
	err = r.Scan(&c.At, &c.Author, &c.Action, &c.EventID, &c.ActorID, &c.ArticleID, &c.Other, &c.Detail)
	return c, err
}

// EventHistory returns the changes to an event, and to its actors (a
// rename or merge changes how the event reads), newest first.
func (s *Store) EventHistory(ctx context.Context, eventID int64) (changes []timeline.Change, err error) {
	defer wrap(&err, "history of event %d", eventID)
	rows, err := s.pool.Query(ctx, `
		SELECT `+changeColumns+` FROM (
			SELECT * FROM changes WHERE event_id = $1
			UNION ALL
			SELECT * FROM changes WHERE actor_id IN (SELECT actor_id FROM event_actors WHERE event_id = $1)
		) c ORDER BY id DESC LIMIT $2`, eventID, historyLimit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanChange)
}

// ActorHistory returns the changes to an actor, newest first.
func (s *Store) ActorHistory(ctx context.Context, actorID int64) (changes []timeline.Change, err error) {
	defer wrap(&err, "history of actor %d", actorID)
	rows, err := s.pool.Query(ctx, `SELECT `+changeColumns+` FROM changes WHERE actor_id = $1 ORDER BY id DESC LIMIT $2`,
		actorID, historyLimit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanChange)
}

// ArticleHistory returns the changes to an article, newest first.
func (s *Store) ArticleHistory(ctx context.Context, articleID int64) (changes []timeline.Change, err error) {
	defer wrap(&err, "history of article %d", articleID)
	rows, err := s.pool.Query(ctx, `
		SELECT `+changeColumns+` FROM changes
		WHERE article_id = $1 AND action IN ('article date', 'delete article')
		ORDER BY id DESC LIMIT $2`, articleID, historyLimit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanChange)
}

// MergedInto returns the event an event was merged into, following
// merges of merges, or timeline.ErrNotFound when it was not merged: so
// that a link to an event merged away still leads to its events.
func (s *Store) MergedInto(ctx context.Context, eventID int64) (id int64, err error) {
	defer wrap(&err, "event %d merged into", eventID)
	return s.movedTo(ctx, `SELECT other_id FROM changes WHERE event_id = $1 AND action = 'merged into' ORDER BY id DESC LIMIT 1`,
		`SELECT EXISTS (SELECT 1 FROM events WHERE id = $1)`, eventID)
}

// ActorMergedInto is MergedInto for actors.
func (s *Store) ActorMergedInto(ctx context.Context, actorID int64) (id int64, err error) {
	defer wrap(&err, "actor %d merged into", actorID)
	return s.movedTo(ctx, `SELECT actor_id FROM changes WHERE other_id = $1 AND action = 'merge actors' ORDER BY id DESC LIMIT 1`,
		`SELECT EXISTS (SELECT 1 FROM actors WHERE id = $1)`, actorID)
}

// movedTo follows the merges of id (query finds where it went) to
// something that exists (exists says whether it does), at most a few
// steps.
func (s *Store) movedTo(ctx context.Context, query, exists string, id int64) (int64, error) {
	for range 10 {
		var next int64
		err := s.pool.QueryRow(ctx, query, id).Scan(&next)
		if errors.Is(err, pgx.ErrNoRows) {
			return 0, timeline.ErrNotFound
		}
		if err != nil {
			return 0, err
		}
		var ok bool
		if err := s.pool.QueryRow(ctx, exists, next).Scan(&ok); err != nil {
			return 0, err
		}
		if ok {
			return next, nil
		}
		id = next
	}
	return 0, timeline.ErrNotFound
}
