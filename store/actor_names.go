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
	// FOR KEY SHARE: an actor the batch names cannot be deleted before it
	// commits (the batch's rows refer to it).
	rows, err := tx.Query(ctx, `SELECT id, name, kind FROM actors WHERE id = ANY($1::bigint[]) ORDER BY id FOR KEY SHARE`, ids)
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
