package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/jackc/pgx/v5"
)

// Actors are identities (migration 0008): a written name is linked to the
// stored actor it names through actor_aliases, by the rules of
// timeline.NameLookups and timeline.ResolveName, with the extractor's
// gazetteer (extract.CanonicalActor) for the other names of countries and
// organisations.

// canonicalName is what the extractor's gazetteer calls a name.
func canonicalName(name string) string { return extract.CanonicalActor(name) }

// personCountry is the country a person's written name gives, or the
// one a known leader of that name acted for, or "".
func personCountry(name string) string {
	c, _ := extract.PersonCountry(name)
	return c
}

// storedActor is an actor row: its id, canonical name and kind.
type storedActor struct {
	id   int64
	name string
	kind timeline.ActorKind
}

// lookupAliases finds the aliases stored under the keys of lookups.
func lookupAliases(ctx context.Context, q querier, lookups [][]timeline.NameLookup) ([]timeline.AliasMatch, error) {
	var keys []string
	for _, ls := range lookups {
		for _, l := range ls {
			keys = append(keys, l.Key)
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if len(keys) == 0 {
		return nil, nil
	}
	rows, err := q.Query(ctx, `
		SELECT al.key, al.actor_id, a.kind, al.surname
		FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
		WHERE al.key = ANY($1::text[])
		ORDER BY al.actor_id`, keys)
	if err != nil {
		return nil, fmt.Errorf("actor aliases: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (m timeline.AliasMatch, err error) {
		err = r.Scan(&m.Key, &m.ActorID, &m.Kind, &m.Surname)
		return m, err
	})
}

// actorIDs returns the ids of every actor the names name (any alias; a
// surname shared by several people names them all), in id order.
func actorIDs(ctx context.Context, q querier, names []string) ([]int64, error) {
	lookups := make([][]timeline.NameLookup, len(names))
	for i, n := range names {
		lookups[i] = timeline.NameLookups(n, timeline.ActorUnknown, canonicalName)
	}
	found, err := lookupAliases(ctx, q, lookups)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, ls := range lookups {
		named, _ := timeline.ResolveName(ls, found)
		ids = append(ids, named...)
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// resolveActors links the actors of events to the stored actors their
// names name, and stores those that name none, with their aliases: so
// that "Putin", "Mr. Putin" and "Vladimir V. Putin" are Vladimir Putin.
// It rewrites each event's actors to the canonical names and kinds
// stored (an actor named twice in one event is kept once), and returns
// the stored actors by the ActorKey of their names.
//
// A name links to the actor it names when it names one, or several by
// names they were given (the first stored); a surname links only when
// written alone, and one person has it: otherwise the name becomes an
// actor of its own, which an editor may merge. Names of one batch that
// name nothing stored link to one another: the longest are stored
// first, so that "Putin" finds the "Vladimir Putin" stored with it. A
// person stored under one word gets the fuller name a later article
// gives ("Prigozhin" becomes "Yevgeny Prigozhin"), which the history
// records. Rows are written in key order, and only what is new.
func resolveActors(ctx context.Context, tx pgx.Tx, events []*timeline.Event) (map[string]storedActor, error) {
	written := map[string]timeline.Actor{} // by AliasKey
	for _, e := range events {
		for _, a := range e.Actors {
			k := timeline.AliasKey(a.Name)
			if known, ok := written[k]; !ok || known.Kind == "" {
				written[k] = timeline.Actor{Name: strings.Join(strings.Fields(a.Name), " "), Kind: a.Kind}
			}
		}
	}
	byActor := map[string]storedActor{}
	if len(written) == 0 {
		return byActor, nil
	}
	// The longest names first, so that a name of this batch finds a
	// fuller one stored with it.
	keys := slices.SortedFunc(maps.Keys(written), func(a, b string) int {
		return cmp.Or(-cmp.Compare(len(strings.Fields(a)), len(strings.Fields(b))), strings.Compare(a, b))
	})
	lookups := make(map[string][]timeline.NameLookup, len(keys))
	all := make([][]timeline.NameLookup, 0, len(keys))
	for _, k := range keys {
		a := written[k]
		lookups[k] = timeline.NameLookups(a.Name, a.Kind, canonicalName)
		all = append(all, lookups[k])
	}
	found, err := lookupAliases(ctx, tx, all)
	if err != nil {
		return nil, err
	}

	// Decide, in memory: each name links to a stored actor (id > 0) or to
	// an actor to store (id < 0, an index into fresh).
	type newActor struct {
		actor   timeline.Actor
		country string
	}
	var fresh []newActor
	linked := make(map[string]int64, len(keys))
	var aliases []aliasRow
	for _, k := range keys {
		a := written[k]
		ids, bySurname := timeline.ResolveName(lookups[k], found)
		// A surname links the surname alone ("Putin", "Mr. Putin"), when
		// one person has it: "George Bush" is not George W. Bush.
		if bySurname && (len(ids) > 1 || len(strings.Fields(timeline.PlainName(a.Name))) > 1) {
			ids = nil
		}
		if len(ids) > 0 {
			id := ids[0]
			linked[k] = id
			if !slices.ContainsFunc(found, func(m timeline.AliasMatch) bool { return m.ActorID == id && m.Key == k && !m.Surname }) {
				aliases = append(aliases, aliasRow{key: k, actor: id, name: a.Name})
				found = append(found, timeline.AliasMatch{Key: k, ActorID: id, Kind: a.Kind})
			}
			continue
		}
		n := newActor{actor: timeline.Actor{Name: newActorName(a), Kind: a.Kind}}
		if a.Kind == timeline.ActorPerson {
			n.country = personCountry(n.actor.Name)
		}
		id := -int64(len(fresh) + 1)
		fresh = append(fresh, n)
		linked[k] = id
		for _, al := range timeline.ActorAliases(n.actor, a.Name) {
			ak := timeline.AliasKey(al.Name)
			aliases = append(aliases, aliasRow{key: ak, actor: id, name: al.Name, surname: al.Surname})
			found = append(found, timeline.AliasMatch{Key: ak, ActorID: id, Kind: a.Kind, Surname: al.Surname})
		}
	}

	// Store the new actors; one stored meanwhile by another writer under
	// the same name is taken as it is.
	freshIDs := make([]int64, len(fresh))
	if len(fresh) > 0 {
		order := make([]int, len(fresh))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(i, j int) int {
			return strings.Compare(timeline.ActorKey(fresh[i].actor.Name), timeline.ActorKey(fresh[j].actor.Name))
		})
		var names, akeys, kinds, countries []string
		for _, i := range order {
			n := fresh[i]
			names, akeys = append(names, n.actor.Name), append(akeys, timeline.ActorKey(n.actor.Name))
			kinds, countries = append(kinds, string(n.actor.Kind)), append(countries, n.country)
		}
		if _, err := tx.Exec(ctx, `
			INSERT INTO actors (name, key, kind, country)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
			ON CONFLICT (key) DO NOTHING`, names, akeys, kinds, countries); err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		rows, err := tx.Query(ctx, `SELECT key, id FROM actors WHERE key = ANY($1::text[])`, akeys)
		if err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		ids := map[string]int64{}
		var key string
		var id int64
		if _, err := pgx.ForEachRow(rows, []any{&key, &id}, func() error { ids[key] = id; return nil }); err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		for i, n := range fresh {
			freshIDs[i] = ids[timeline.ActorKey(n.actor.Name)]
		}
	}
	real := func(id int64) int64 {
		if id < 0 {
			return freshIDs[-id-1]
		}
		return id
	}
	for i := range aliases {
		aliases[i].actor = real(aliases[i].actor)
	}
	if err := insertAliases(ctx, tx, aliases); err != nil {
		return nil, err
	}

	// Fill in kinds that were unknown, and read every actor as stored.
	ids := make([]int64, 0, len(linked))
	var fillIDs []int64
	var fillKinds []string
	for _, k := range keys {
		id := real(linked[k])
		ids = append(ids, id)
		if a := written[k]; a.Kind != "" {
			fillIDs, fillKinds = append(fillIDs, id), append(fillKinds, string(a.Kind))
		}
	}
	if _, err := tx.Exec(ctx, `
		UPDATE actors SET kind = x.kind
		FROM (SELECT DISTINCT ON (id) id, kind FROM unnest($1::bigint[], $2::text[]) AS x(id, kind) ORDER BY id) x
		WHERE actors.id = x.id AND actors.kind = '' AND x.kind <> ''`, fillIDs, fillKinds); err != nil {
		return nil, fmt.Errorf("actor kinds: %w", err)
	}
	rows, err := tx.Query(ctx, `SELECT id, name, kind FROM actors WHERE id = ANY($1::bigint[])`, ids)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	byID := map[int64]storedActor{}
	var sa storedActor
	if _, err := pgx.ForEachRow(rows, []any{&sa.id, &sa.name, &sa.kind}, func() error { byID[sa.id] = sa; return nil }); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	var fuller []storedActor
	for _, k := range keys {
		st, plain := byID[real(linked[k])], timeline.PlainName(written[k].Name)
		words := strings.Fields(plain)
		if st.kind == timeline.ActorPerson && len(words) > 1 && !strings.ContainsFunc(st.name, unicode.IsSpace) &&
			timeline.AliasKey(words[len(words)-1]) == timeline.AliasKey(st.name) {
			fuller = append(fuller, storedActor{id: st.id, name: plain})
		}
	}
	if err := giveFullerNames(ctx, tx, fuller, byID); err != nil {
		return nil, err
	}
	for _, e := range events {
		var actors []timeline.Actor
		var seen []int64
		for _, a := range e.Actors {
			st, ok := byID[real(linked[timeline.AliasKey(a.Name)])]
			if !ok {
				return nil, fmt.Errorf("actor %q: not stored", a.Name)
			}
			if slices.Contains(seen, st.id) {
				continue
			}
			seen = append(seen, st.id)
			actors = append(actors, timeline.Actor{Name: st.name, Kind: st.kind})
			byActor[timeline.ActorKey(st.name)] = st
		}
		e.Actors = actors
	}
	return byActor, nil
}

// newActorName is the canonical name of a new actor written as a: the
// gazetteer's, or a person's name without courtesy titles.
func newActorName(a timeline.Actor) string {
	if c := canonicalName(a.Name); timeline.AliasKey(c) != timeline.AliasKey(a.Name) {
		return c
	}
	if a.Kind == timeline.ActorPerson {
		return timeline.WithoutCourtesy(a.Name)
	}
	return a.Name
}

// aliasRow is a row of actor_aliases to write.
type aliasRow struct {
	key     string
	actor   int64
	name    string
	surname bool
}

// insertAliases writes aliases, in key order; a name given to an actor
// wins over the same key as its surname.
func insertAliases(ctx context.Context, tx pgx.Tx, aliases []aliasRow) error {
	// a name of punctuation alone has no key to be found under
	aliases = slices.DeleteFunc(aliases, func(a aliasRow) bool { return a.key == "" })
	if len(aliases) == 0 {
		return nil
	}
	slices.SortFunc(aliases, func(a, b aliasRow) int {
		return cmp.Or(strings.Compare(a.key, b.key), cmp.Compare(a.actor, b.actor))
	})
	aliases = slices.CompactFunc(aliases, func(a, b aliasRow) bool { return a.key == b.key && a.actor == b.actor })
	n := len(aliases)
	keys, names, actors, surnames := make([]string, n), make([]string, n), make([]int64, n), make([]bool, n)
	for i, a := range aliases {
		keys[i], names[i], actors[i], surnames[i] = a.key, a.name, a.actor, a.surname
	}
	_, err := tx.Exec(ctx, `
		INSERT INTO actor_aliases (key, actor_id, name, surname)
		SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::boolean[])
		ON CONFLICT (key, actor_id) DO UPDATE SET surname = false, name = excluded.name
			WHERE actor_aliases.surname AND NOT excluded.surname`, keys, actors, names, surnames)
	if err != nil {
		return fmt.Errorf("actor aliases: %w", err)
	}
	return nil
}

// giveFullerNames renames people stored under one word to the fuller
// name that linked to them ("Prigozhin" to "Yevgeny Prigozhin"), unless
// an actor has it already, and updates byID. A savepoint keeps the
// writer's transaction whole if another writer took the name meanwhile.
func giveFullerNames(ctx context.Context, tx pgx.Tx, fuller []storedActor, byID map[int64]storedActor) error {
	if len(fuller) == 0 {
		return nil
	}
	slices.SortFunc(fuller, func(a, b storedActor) int { return cmp.Compare(a.id, b.id) })
	fuller = slices.CompactFunc(fuller, func(a, b storedActor) bool { return a.id == b.id })
	var ids []int64
	var names, keys []string
	for _, f := range fuller {
		ids, names, keys = append(ids, f.id), append(names, f.name), append(keys, timeline.ActorKey(f.name))
	}
	sp, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	rows, err := sp.Query(ctx, `
		UPDATE actors a SET name = x.name, key = x.key
		FROM unnest($1::bigint[], $2::text[], $3::text[]) AS x(id, name, key)
		WHERE a.id = x.id AND NOT EXISTS (SELECT 1 FROM actors o WHERE o.key = x.key)
		RETURNING a.id, a.name`, ids, names, keys)
	renamed := map[int64]string{}
	if err == nil {
		var id int64
		var name string
		_, err = pgx.ForEachRow(rows, []any{&id, &name}, func() error { renamed[id] = name; return nil })
	}
	if err != nil {
		if rbErr := sp.Rollback(ctx); rbErr != nil {
			return rbErr
		}
		if pgCode(err) == "23505" { // unique_violation: named meanwhile
			return nil
		}
		return fmt.Errorf("fuller names: %w", err)
	}
	var aliases []aliasRow
	var changes []timeline.Change
	for id, name := range renamed {
		st := byID[id]
		changes = append(changes, timeline.Change{Action: timeline.ActionRenameActor, ActorID: id,
			Detail: fmt.Sprintf("renamed from “%s” to “%s”, the fuller name an article gives", st.name, name)})
		st.name = name
		byID[id] = st
		aliases = append(aliases, aliasRow{key: timeline.AliasKey(name), actor: id, name: name})
	}
	if err := insertAliases(ctx, sp, aliases); err != nil {
		return errors.Join(err, sp.Rollback(ctx))
	}
	if err := recordChanges(ctx, sp, changes...); err != nil {
		return errors.Join(err, sp.Rollback(ctx))
	}
	return sp.Commit(ctx)
}

// backfillAliases gives the actors stored without aliases (before
// migration 0008, or written straight into the tables) theirs.
func backfillAliases(ctx context.Context, conn *pgx.Conn) error {
	rows, err := conn.Query(ctx, `
		SELECT id, name, kind FROM actors a
		WHERE NOT EXISTS (SELECT 1 FROM actor_aliases al WHERE al.actor_id = a.id)`)
	if err != nil {
		return fmt.Errorf("actors without aliases: %w", err)
	}
	var aliases []aliasRow
	var id int64
	var a timeline.Actor
	_, err = pgx.ForEachRow(rows, []any{&id, &a.Name, &a.Kind}, func() error {
		for _, al := range timeline.ActorAliases(a, "") {
			if k := timeline.AliasKey(al.Name); k != "" {
				aliases = append(aliases, aliasRow{key: k, actor: id, name: al.Name, surname: al.Surname})
			}
		}
		return nil
	})
	if err != nil || len(aliases) == 0 {
		return err
	}
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error { return insertAliases(ctx, tx, aliases) })
}

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
