package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// Actor returns a stored actor with its aliases (its canonical name
// first, then the other names, then its surname) and how many events it
// takes part in, or timeline.ErrNotFound.
func (s *Store) Actor(ctx context.Context, id int64) (a timeline.ActorRecord, err error) {
	defer wrap(&err, "get actor %d", id)
	list, err := s.actorRecords(ctx, []int64{id})
	if err != nil {
		return a, err
	}
	if len(list) == 0 {
		return a, timeline.ErrNotFound
	}
	return list[0], nil
}

// actorRecords reads actors by id, in the order of ids, without those
// that do not exist.
func (s *Store) actorRecords(ctx context.Context, ids []int64) ([]timeline.ActorRecord, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT a.id, a.name, a.kind, a.country,
			coalesce((SELECT sum(events) FROM actor_months m WHERE m.actor_id = a.id), 0),
			coalesce((SELECT array_agg(al.name ORDER BY al.surname, al.name <> a.name, al.name)
			          FROM actor_aliases al WHERE al.actor_id = a.id), '{}'),
			coalesce((SELECT array_agg(al.surname ORDER BY al.surname, al.name <> a.name, al.name)
			          FROM actor_aliases al WHERE al.actor_id = a.id), '{}')
		FROM unnest($1::bigint[]) WITH ORDINALITY AS x(id, n) JOIN actors a ON a.id = x.id
		ORDER BY x.n`, ids)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (a timeline.ActorRecord, err error) {
		var names []string
		var surnames []bool
		if err := r.Scan(&a.ID, &a.Name, &a.Kind, &a.Country, &a.Events, &names, &surnames); err != nil {
			return a, err
		}
		for i, n := range names {
			a.Aliases = append(a.Aliases, timeline.Alias{Name: n, Surname: surnames[i]})
		}
		return a, nil
	})
}

// FindActors returns the actors a name names, by any alias (see
// actorIDs), or none.
func (s *Store) FindActors(ctx context.Context, name string) (actors []timeline.ActorRecord, err error) {
	defer wrap(&err, "find actors named %q", name)
	ids, err := actorIDs(ctx, s.pool, []string{name})
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	return s.actorRecords(ctx, ids)
}

// ActorList returns up to limit actors in name order, after the name
// after: those with a name or alias that starts with prefix, when given.
func (s *Store) ActorList(ctx context.Context, prefix, after string, limit int) (actors []timeline.ActorRecord, err error) {
	defer wrap(&err, "list actors")
	rows, err := s.pool.Query(ctx, `
		SELECT a.id FROM actors a
		WHERE a.key > $2 AND ($1 = '' OR EXISTS (
			SELECT 1 FROM actor_aliases al
			WHERE al.actor_id = a.id AND (al.key LIKE $1 || '%' OR al.key LIKE '% ' || $1 || '%')))
		ORDER BY a.key LIMIT $3`,
		strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(timeline.AliasKey(prefix)), timeline.ActorKey(after), limit)
	if err != nil {
		return nil, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, err
	}
	return s.actorRecords(ctx, ids)
}

// UpdateActor renames an actor and sets its kind and country. Its old
// name stays one of its aliases, so that links and filters by it still
// find it, and the history records the change. A name another actor is
// called by is refused with a *timeline.NameTakenError; a name that is not valid,
// with a *timeline.ValidationError.
func (s *Store) UpdateActor(ctx context.Context, a timeline.ActorRecord) (err error) {
	defer wrap(&err, "update actor %d", a.ID)
	a.Name = strings.Join(strings.Fields(a.Name), " ")
	if err := a.Validate(); err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var before timeline.ActorRecord
		err := tx.QueryRow(ctx, `SELECT name, kind, country FROM actors WHERE id = $1 FOR UPDATE`, a.ID).
			Scan(&before.Name, &before.Kind, &before.Country)
		if errors.Is(err, pgx.ErrNoRows) {
			return timeline.ErrNotFound
		}
		if err != nil {
			return err
		}
		var other int64
		err = tx.QueryRow(ctx, `
			SELECT id FROM actors WHERE key = $1 AND id <> $3
			UNION ALL
			SELECT actor_id FROM actor_aliases WHERE key = $2 AND NOT surname AND actor_id <> $3
			LIMIT 1`, timeline.ActorKey(a.Name), timeline.AliasKey(a.Name), a.ID).Scan(&other)
		switch {
		case err == nil:
			return &timeline.NameTakenError{Name: a.Name, Other: other}
		case !errors.Is(err, pgx.ErrNoRows):
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE actors SET name = $2, key = $3, kind = $4, country = $5 WHERE id = $1`,
			a.ID, a.Name, timeline.ActorKey(a.Name), a.Kind, a.Country); err != nil {
			return err
		}
		var aliases []aliasRow
		for _, al := range timeline.ActorAliases(a.Actor, "") {
			aliases = append(aliases, aliasRow{key: timeline.AliasKey(al.Name), actor: a.ID, name: al.Name, surname: al.Surname})
		}
		if err := insertAliases(ctx, tx, aliases); err != nil {
			return err
		}
		return recordChanges(ctx, tx, timeline.Change{Action: timeline.ActionRenameActor, ActorID: a.ID,
			Detail: before.Changes(a)})
	})
}

// AddAlias gives an actor one more name to be found under. A name
// another actor is called by is refused with a *timeline.NameTakenError.
func (s *Store) AddAlias(ctx context.Context, actorID int64, name string) (err error) {
	defer wrap(&err, "add alias to actor %d", actorID)
	name = strings.Join(strings.Fields(name), " ")
	if err := (&timeline.ActorRecord{Actor: timeline.Actor{Name: name}}).Validate(); err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM actors WHERE id = $1 FOR UPDATE)`, actorID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return timeline.ErrNotFound
		}
		var other int64
		err := tx.QueryRow(ctx, `SELECT actor_id FROM actor_aliases WHERE key = $1 AND NOT surname AND actor_id <> $2 LIMIT 1`,
			timeline.AliasKey(name), actorID).Scan(&other)
		switch {
		case err == nil:
			return &timeline.NameTakenError{Name: name, Other: other}
		case !errors.Is(err, pgx.ErrNoRows):
			return err
		}
		if err := insertAliases(ctx, tx, []aliasRow{{key: timeline.AliasKey(name), actor: actorID, name: name}}); err != nil {
			return err
		}
		return recordChanges(ctx, tx, timeline.Change{Action: timeline.ActionAlias, ActorID: actorID,
			Detail: fmt.Sprintf("also called “%s”", name)})
	})
}

// PlanActorMerge says what MergeActors(gone, kept) would do.
func (s *Store) PlanActorMerge(ctx context.Context, gone, kept int64) (m timeline.ActorMerge, err error) {
	defer wrap(&err, "plan merging actor %d into %d", gone, kept)
	if gone == kept {
		return m, sameActorError()
	}
	list, err := s.actorRecords(ctx, []int64{gone, kept})
	if err != nil {
		return m, err
	}
	if len(list) != 2 {
		return m, timeline.ErrNotFound
	}
	m.Gone, m.Kept = list[0], list[1]
	err = s.pool.QueryRow(ctx, `
		SELECT count(*) FILTER (WHERE k.event_id IS NULL), count(k.event_id)
		FROM event_actors g LEFT JOIN event_actors k ON k.event_id = g.event_id AND k.actor_id = $2
		WHERE g.actor_id = $1`, gone, kept).Scan(&m.Moving, &m.Both)
	return m, err
}

func sameActorError() error {
	v := &timeline.ValidationError{}
	v.Add("into", "an actor cannot be merged into itself: choose another")
	return v
}

// MergeActors makes two actors one: every event of gone names kept
// instead (in gone's place; an event that named both names kept once),
// kept takes gone's names (not its surname) as aliases, and its kind and country where it
// had none, and gone is deleted. Mentions and sources are untouched:
// the events change only in the name they show. The history of kept
// records it, and links to gone lead to kept (ActorMergedInto).
func (s *Store) MergeActors(ctx context.Context, gone, kept int64) (err error) {
	defer wrap(&err, "merge actor %d into %d", gone, kept)
	if gone == kept {
		return sameActorError()
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id, name, kind, country FROM actors WHERE id IN ($1, $2) ORDER BY id FOR UPDATE`, gone, kept)
		if err != nil {
			return err
		}
		found := map[int64]timeline.ActorRecord{}
		var a timeline.ActorRecord
		if _, err := pgx.ForEachRow(rows, []any{&a.ID, &a.Name, &a.Kind, &a.Country}, func() error { found[a.ID] = a; return nil }); err != nil {
			return err
		}
		g, k := found[gone], found[kept]
		if g.ID == 0 || k.ID == 0 {
			return timeline.ErrNotFound
		}
		steps := []struct {
			sql  string
			args []any
		}{
			{`DELETE FROM event_actors WHERE actor_id = $1 AND event_id IN (SELECT event_id FROM event_actors WHERE actor_id = $2)`,
				[]any{gone, kept}},
			{`UPDATE event_actors SET actor_id = $2 WHERE actor_id = $1`, []any{gone, kept}},
			// its names, not its surname: kept's surname is its own
			{`INSERT INTO actor_aliases (key, actor_id, name)
				SELECT key, $2, name FROM actor_aliases WHERE actor_id = $1 AND NOT surname
				ON CONFLICT (key, actor_id) DO UPDATE SET surname = false`, []any{gone, kept}},
			{`UPDATE actors k SET kind = CASE WHEN k.kind = '' THEN g.kind ELSE k.kind END,
				country = CASE WHEN k.country = '' THEN g.country ELSE k.country END
				FROM actors g WHERE g.id = $1 AND k.id = $2`, []any{gone, kept}},
			{`DELETE FROM actors WHERE id = $1`, []any{gone}},
			{`DELETE FROM actor_months WHERE actor_id = $1`, []any{gone}},
		}
		moved := 0
		for i, st := range steps {
			tag, err := tx.Exec(ctx, st.sql, st.args...)
			if err != nil {
				return fmt.Errorf("step %d: %w", i+1, err)
			}
			if i == 1 {
				moved = int(tag.RowsAffected())
			}
		}
		return recordChanges(ctx, tx, timeline.Change{Action: timeline.ActionMergeActors, ActorID: kept, Other: gone,
			Detail: fmt.Sprintf("“%s” merged into “%s”: %s moved", g.Name, k.Name, countText(moved, "event", "events"))})
	})
}

// countText is "1 event", "3 events".
func countText(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// ActorEvents returns the latest limit events of an actor, newest first,
// without their mentions, from the actor's timeline index.
func (s *Store) ActorEvents(ctx context.Context, actorID int64, limit int) (events []timeline.Event, err error) {
	defer wrap(&err, "events of actor %d", actorID)
	rows, err := s.pool.Query(ctx, `SELECT `+eventColumns+`
		FROM event_actors fa JOIN events e ON e.id = fa.event_id`+eventLaterals+`
		WHERE fa.actor_id = $1
		ORDER BY fa.event_start DESC, fa.event_rank DESC, fa.event_id DESC LIMIT $2`, actorID, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (timeline.Event, error) { return scanEvent(r) })
}

// ActorLookalikes returns up to limit other actors known under one of
// the actor's names, or its surname: the ones an editor may find are
// the same, and merge.
func (s *Store) ActorLookalikes(ctx context.Context, actorID int64, limit int) (actors []timeline.ActorRecord, err error) {
	defer wrap(&err, "actors like actor %d", actorID)
	rows, err := s.pool.Query(ctx, `
		SELECT DISTINCT o.actor_id FROM actor_aliases mine JOIN actor_aliases o ON o.key = mine.key
		WHERE mine.actor_id = $1 AND o.actor_id <> $1
		ORDER BY o.actor_id LIMIT $2`, actorID, limit)
	if err != nil {
		return nil, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	return s.actorRecords(ctx, ids)
}
