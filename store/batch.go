package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// SaveArticles stores a batch of articles, each with the events found in
// it (events[i] belong to articles[i]), in one transaction and a fixed
// number of statements, whatever the size of the batch: it is SaveArticle
// for bulk loads. It reports which articles were stored before (by hash;
// their events are not stored again).
//
// Events follow SaveArticle's rule: one that describes an occurrence
// already stored, or stored earlier in the batch, becomes new mentions of
// that event (timeline.SameOccurrence), under the same transaction locks
// per kind and day, taken in one order, so batches saved at once by
// several processes merge rather than duplicate and cannot deadlock.
// Merged events are given the id of the event they joined.
func (s *Store) SaveArticles(ctx context.Context, articles []*timeline.Article, events [][]timeline.Event) (dups []bool, err error) {
	defer wrap(&err, "save %d articles", len(articles))
	if len(events) != len(articles) {
		return nil, fmt.Errorf("%d articles but %d event lists", len(articles), len(events))
	}
	for i, a := range articles {
		if err := a.ValidateWithEvents(events[i]); err != nil {
			return nil, fmt.Errorf("article %d: %w", i, err)
		}
	}
	dups = make([]bool, len(articles))
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		b := batch{tx: tx, articles: articles, events: events, dups: dups}
		return b.save(ctx)
	})
	if err != nil {
		for _, a := range articles {
			a.ID = 0
		}
		return nil, err
	}
	return dups, nil
}

// batch is one SaveArticles call at work.
type batch struct {
	tx       pgx.Tx
	articles []*timeline.Article
	events   [][]timeline.Event
	dups     []bool
	// actorRows are the event_actors rows insertEvents wrote, for finish:
	// event, actor, position, start, rank, kind.
	actorRows [][]any
}

// pending is an event of the batch to store: new, or joining another.
type pending struct {
	e      *timeline.Event
	key    string // occurrence key: kind class and day
	target int64  // stored event it joins, 0 if none
	joins  int    // index in the batch's new events it joins, -1 if none
}

func (b *batch) save(ctx context.Context) error {
	// A bulk writer keeps the derived data itself, once per batch, rather
	// than through a trigger per row (migration 0004).
	//
	// It also commits without waiting for its WAL to reach the disk: a
	// crash of the database server may lose the batches of its last
	// moments (three times wal_writer_delay, 600 ms by default), never
	// half a batch, and an ingest run again stores them again, since it
	// skips only the articles that are stored.
	if _, err := b.tx.Exec(ctx, `SELECT set_config('dateline.bulk', 'on', true), set_config('synchronous_commit', 'off', true)`); err != nil {
		return err
	}
	if err := b.saveArticles(ctx); err != nil {
		return err
	}
	if !slices.Contains(b.dups, false) {
		return nil // every article was stored before
	}
	var evs []*pending
	for i, a := range b.articles {
		if b.dups[i] {
			continue
		}
		for j := range b.events[i] {
			e := &b.events[i][j]
			for k := range e.Mentions {
				e.Mentions[k].ArticleID = a.ID
			}
			evs = append(evs, &pending{e: e, key: occurrenceKey(*e), joins: -1})
		}
	}
	if err := b.lock(ctx, evs); err != nil {
		return err
	}
	if err := b.match(ctx, evs); err != nil {
		return err
	}
	news, err := b.insertEvents(ctx, evs)
	if err != nil {
		return err
	}
	if err := b.insertMentions(ctx, evs); err != nil {
		return err
	}
	return b.finish(ctx, evs, news)
}

// finish does what the triggers do for other writers, besides what
// insertEvents did: the quotes that joined stored events appended to
// their search documents (as recomputing them would give, see migration
// 0007), one export version bump, whose row lock is taken before the
// counters' as the triggers take it, and the month counts of the new
// events, per kind and per actor, added up here.
func (b *batch) finish(ctx context.Context, evs []*pending, news []int64) error {
	isNew := make(map[int64]bool, len(news))
	for _, id := range news {
		isNew[id] = true
	}
	var joined []int64
	var quotes []string
	for _, m := range mentionsOf(evs) {
		if !isNew[m.EventID] {
			joined, quotes = append(joined, m.EventID), append(quotes, m.Quote)
		}
	}
	type count struct {
		actor int64
		month time.Time
		kind  string
	}
	months, actorMonths := map[count]int64{}, map[count]int64{}
	for _, p := range evs {
		if p.target == 0 && p.joins < 0 {
			start, _ := p.e.Date.SortKey()
			months[count{0, monthOf(start), string(p.e.Kind)}]++
		}
	}
	for _, r := range b.actorRows {
		actorMonths[count{r[1].(int64), monthOf(r[3].(time.Time)), r[5].(string)}]++
	}
	columns := func(counts map[count]int64) (actors []int64, months []time.Time, kinds []string, ns []int64) {
		for k, n := range counts {
			actors, months, kinds, ns = append(actors, k.actor), append(months, k.month), append(kinds, k.kind), append(ns, n)
		}
		return
	}
	_, m, k, n := columns(months)
	aa, am, ak, an := columns(actorMonths)
	steps := []struct {
		what, sql string
		args      []any
	}{
		{"search documents", `
			UPDATE events e SET search = e.search || q.doc
			FROM (SELECT id, tsvector_agg(quote_document(quote) ORDER BY n) AS doc
			      FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY AS m(id, quote, n)
			      GROUP BY id) q
			WHERE e.id = q.id`, []any{joined, quotes}},
		{"export version", `SELECT export_version_bump()`, nil},
		{"month counts", `
			INSERT INTO event_months (month, kind, events)
			SELECT * FROM unnest($1::timestamp[], $2::text[], $3::bigint[]) ORDER BY 1, 2
			ON CONFLICT (month, kind) DO UPDATE SET events = event_months.events + excluded.events`, []any{m, k, n}},
		{"month counts per actor", `
			INSERT INTO actor_months (actor_id, month, kind, events)
			SELECT * FROM unnest($1::bigint[], $2::timestamp[], $3::text[], $4::bigint[]) ORDER BY 1, 2, 3
			ON CONFLICT (actor_id, month, kind) DO UPDATE SET events = actor_months.events + excluded.events`, []any{aa, am, ak, an}},
		{"end of bulk", `SELECT set_config('dateline.bulk', 'off', true)`, nil},
	}
	for _, s := range steps {
		if _, err := b.tx.Exec(ctx, s.sql, s.args...); err != nil {
			return fmt.Errorf("%s: %w", s.what, err)
		}
	}
	return nil
}

// monthOf is the first instant of t's month, as date_trunc('month', t).
func monthOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// saveArticles inserts the articles not stored yet, in one statement,
// and marks the others as duplicates (an article twice in the batch is
// stored once).
func (b *batch) saveArticles(ctx context.Context) error {
	n := len(b.articles)
	hashes, urls, titles, publishers, published, sources, bodies :=
		make([][]byte, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	for i, a := range b.articles {
		h := a.Hash()
		hashes[i] = h[:]
		urls[i], titles[i], publishers[i] = a.URL, a.Title, a.Publisher
		published[i], sources[i], bodies[i] = a.Published.Value(), a.PublishedSource, a.Body
	}
	rows, err := b.tx.Query(ctx, `
		INSERT INTO articles (sha256, url, title, publisher, published_value, published_source, body)
		SELECT h, u, t, p, nullif(d, ''), s, bd
		FROM unnest($1::bytea[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
			AS x(h, u, t, p, d, s, bd)
		ON CONFLICT (sha256) DO NOTHING
		RETURNING sha256, id, created_at`, hashes, urls, titles, publishers, published, sources, bodies)
	if err != nil {
		return fmt.Errorf("articles: %w", err)
	}
	type stored struct {
		id      int64
		created time.Time
	}
	inserted := map[string]stored{}
	var h []byte
	var st stored
	_, err = pgx.ForEachRow(rows, []any{&h, &st.id, &st.created}, func() error {
		inserted[string(h)] = st
		return nil
	})
	if err != nil {
		return fmt.Errorf("articles: %w", err)
	}
	var earlier [][]byte
	taken := map[string]bool{}
	for i, a := range b.articles {
		key := string(hashes[i])
		if st, ok := inserted[key]; ok && !taken[key] {
			a.ID, a.CreatedAt = st.id, st.created
			taken[key] = true
			continue
		}
		b.dups[i] = true
		earlier = append(earlier, hashes[i])
	}
	if len(earlier) == 0 {
		return nil
	}
	rows, err = b.tx.Query(ctx, `SELECT sha256, id, created_at FROM articles WHERE sha256 = ANY($1::bytea[])`, earlier)
	if err != nil {
		return fmt.Errorf("stored articles: %w", err)
	}
	known := map[string]stored{}
	_, err = pgx.ForEachRow(rows, []any{&h, &st.id, &st.created}, func() error {
		known[string(h)] = st
		return nil
	})
	for i, a := range b.articles {
		if b.dups[i] {
			st := known[string(hashes[i])]
			a.ID, a.CreatedAt = st.id, st.created
		}
	}
	return err
}

// occurrenceKey is the kind class and day two events must share to be
// one occurrence: the key of the transaction lock and of candidates.
func occurrenceKey(e timeline.Event) string {
	return string(timeline.OccurrenceKinds(e.Kind)[0]) + " " + timeline.OccurrenceDay(e.Date)
}

// occurrenceLock names the transaction lock of e's occurrence key. Two
// articles reporting one occurrence may be saved at the same moment;
// neither would see the other's uncommitted event and both would insert
// one. The lock makes the second wait until the first commits, and then
// find its event.
func occurrenceLock(e timeline.Event) string {
	return "dateline occurrence " + occurrenceKey(e)
}

// lock takes the occurrence locks of the batch in sorted order, in one
// statement (unnest keeps the array's order).
func (b *batch) lock(ctx context.Context, evs []*pending) error {
	var keys []string
	for _, p := range evs {
		if len(p.e.Actors) > 0 {
			keys = append(keys, occurrenceLock(*p.e))
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	_, err := b.tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k`, keys)
	return err
}

// match finds, for each event, the stored event it describes, or an
// earlier event of the batch: stored candidates come in one query, and
// timeline.SameOccurrence decides in Go. SaveArticle uses it too.
func (b *batch) match(ctx context.Context, evs []*pending) error {
	// A stored event can only be the same occurrence as an event of the
	// batch if it shares an actor, starts in its window and has a kind of
	// its class: those are read from event_actors' timeline index, one
	// range per actor, window and class.
	var actors, kinds []string
	var froms, tos []time.Time
	seen := map[string]bool{}
	for _, p := range evs {
		from, to := occurrenceWindow(p.e.Date)
		class := timeline.OccurrenceKinds(p.e.Kind)
		csv := make([]string, len(class))
		for i, k := range class {
			csv[i] = string(k)
		}
		for _, a := range p.e.Actors {
			k := timeline.ActorKey(a.Name)
			w := k + " " + from.String() + " " + csv[0]
			if !seen[w] {
				seen[w] = true
				actors, kinds = append(actors, k), append(kinds, strings.Join(csv, ","))
				froms, tos = append(froms, from), append(tos, to)
			}
		}
	}
	candidates := map[string][]timeline.Event{}
	if len(actors) > 0 {
		// OFFSET 0 keeps the planner from flattening the LATERAL range
		// scan into a hash join of every event of the actor, which it
		// prefers while the tables are young and their statistics small.
		rows, err := b.tx.Query(ctx, `
			WITH c AS MATERIALIZED (
				SELECT DISTINCT x.event_id AS id
				FROM unnest($1::text[], $2::timestamp[], $3::timestamp[], $4::text[]) AS w(actor, lo, hi, kinds)
				JOIN actors a ON a.key = w.actor
				CROSS JOIN LATERAL (SELECT event_id FROM event_actors
					WHERE actor_id = a.id AND event_start >= w.lo AND event_start < w.hi OFFSET 0) x
				JOIN events k ON k.id = x.event_id AND k.kind = ANY(string_to_array(w.kinds, ',')))
			SELECT e.id, e.kind, e.date_value, act.names, act.kinds
			FROM events e`+eventLaterals+` WHERE e.id IN (SELECT id FROM c) ORDER BY e.id`, actors, froms, tos, kinds)
		if err != nil {
			return fmt.Errorf("stored occurrences: %w", err)
		}
		stored, err := pgx.CollectRows(rows, scanOccurrence)
		if err != nil {
			return fmt.Errorf("stored occurrences: %w", err)
		}
		for _, e := range stored {
			k := occurrenceKey(e)
			candidates[k] = append(candidates[k], e)
		}
	}
	fresh := map[string][]int{} // key -> indexes of new events of the batch
	for i, p := range evs {
		for _, c := range candidates[p.key] {
			if timeline.SameOccurrence(c, *p.e) {
				p.target = c.ID
				break
			}
		}
		if p.target != 0 {
			continue
		}
		for _, j := range fresh[p.key] {
			if timeline.SameOccurrence(*evs[j].e, *p.e) {
				p.joins = j
				break
			}
		}
		if p.joins < 0 {
			fresh[p.key] = append(fresh[p.key], i)
		}
	}
	return nil
}

// scanOccurrence reads what timeline.SameOccurrence compares of a stored
// event: its id, kind, date and actors.
func scanOccurrence(r pgx.CollectableRow) (timeline.Event, error) {
	var (
		e            timeline.Event
		value        string
		names, kinds []string
	)
	if err := r.Scan(&e.ID, &e.Kind, &value, &names, &kinds); err != nil {
		return e, err
	}
	var err error
	if e.Date, err = timeline.ParseDate(value); err != nil {
		return e, fmt.Errorf("event %d: stored date: %w", e.ID, err)
	}
	for i, n := range names {
		e.Actors = append(e.Actors, timeline.Actor{Name: n, Kind: timeline.ActorKind(kinds[i])})
	}
	return e, nil
}

// occurrenceWindow is where stored events of the same occurrence start:
// on the day, for day and finer dates; exactly where d starts otherwise
// (timestamps have microseconds).
func occurrenceWindow(d timeline.Date) (time.Time, time.Time) {
	from := d.Start()
	if d.Precision() < timeline.PrecisionDay {
		return from, from.Add(time.Microsecond)
	}
	from = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	return from, from.AddDate(0, 0, 1)
}

// insertEvents stores the batch's new events with their actors (actors in
// one upsert, event ids drawn in one query, events in one insert with
// their search documents, their actors with COPY), sets every event's ID
// to the event it is stored as, and returns the new events' ids.
func (b *batch) insertEvents(ctx context.Context, evs []*pending) ([]int64, error) {
	var news []*pending
	for _, p := range evs {
		if p.target == 0 && p.joins < 0 {
			news = append(news, p)
		}
	}
	actors, err := b.actors(ctx, news)
	if err != nil {
		return nil, err
	}
	rows, err := b.tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('events', 'id')) FROM generate_series(1, $1)`, len(news))
	if err != nil {
		return nil, fmt.Errorf("event ids: %w", err)
	}
	eventIDs, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("event ids: %w", err)
	}
	for i, p := range news {
		p.e.ID = eventIDs[i]
	}
	for _, p := range evs {
		switch {
		case p.target != 0:
			p.e.ID = p.target
		case p.joins >= 0:
			p.e.ID = evs[p.joins].e.ID
		}
	}
	n := len(news)
	var (
		kinds, values, precisions, statuses, titles, summaries, origins, urls = make([]string, n), make([]string, n),
			make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		names, actorIDs = make([]string, n), make([]string, n)
		starts, ends    = make([]time.Time, n), make([]time.Time, n)
		ranks           = make([]int16, n)
		confidences     = make([]float64, n)
		actorRows       [][]any
	)
	for i, p := range news {
		e := p.e
		start, rank := e.Date.SortKey()
		kinds[i], values[i], precisions[i] = string(e.Kind), e.Date.Value(), e.Date.Precision().String()
		starts[i], ends[i], ranks[i] = start, e.Date.End(), int16(rank)
		statuses[i], titles[i], summaries[i] = string(e.Status), e.Title, e.Summary
		confidences[i], origins[i], urls[i] = e.Confidence, string(e.Origin), e.SourceURL
		var stored, ids []string
		for pos, a := range e.Actors {
			actor := actors[timeline.ActorKey(a.Name)]
			stored, ids = append(stored, actor.name), append(ids, strconv.FormatInt(actor.id, 10))
			actorRows = append(actorRows, []any{e.ID, actor.id, int16(pos), start, int16(rank), string(e.Kind)})
		}
		names[i], actorIDs[i] = strings.Join(stored, " "), "{"+strings.Join(ids, ",")+"}"
	}
	// The quotes of the new events, in the order insertMentions stores
	// them, for their search documents; the quotes that join stored
	// events are appended to theirs by finish.
	isNew := make(map[int64]bool, n)
	for _, id := range eventIDs {
		isNew[id] = true
	}
	var quoteEvents []int64
	var quotes []string
	for _, m := range mentionsOf(evs) {
		if isNew[m.EventID] {
			quoteEvents, quotes = append(quoteEvents, m.EventID), append(quotes, m.Quote)
		}
	}
	_, err = b.tx.Exec(ctx, `
		INSERT INTO events (id, kind, date_value, date_precision, date_start, date_end, date_rank,
			status, title, summary, confidence, origin, source_url, search)
		OVERRIDING SYSTEM VALUE
		SELECT x.id, kind, v, p, s, e, r, st, t, sm, c, o, u,
			event_document(t, names, sm) || coalesce(q.doc, '') || event_terms(kind, actor_ids::bigint[])
		FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamp[], $6::timestamp[],
			$7::smallint[], $8::text[], $9::text[], $10::text[], $11::real[], $12::text[], $13::text[],
			$14::text[], $15::text[]) AS x(id, kind, v, p, s, e, r, st, t, sm, c, o, u, names, actor_ids)
		LEFT JOIN (
			SELECT id, tsvector_agg(quote_document(quote) ORDER BY n) AS doc
			FROM unnest($16::bigint[], $17::text[]) WITH ORDINALITY AS m(id, quote, n)
			GROUP BY id
		) q ON q.id = x.id`,
		eventIDs, kinds, values, precisions, starts, ends, ranks, statuses, titles, summaries, confidences, origins, urls,
		names, actorIDs, quoteEvents, quotes)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	if _, err := b.tx.CopyFrom(ctx, pgx.Identifier{"event_actors"},
		[]string{"event_id", "actor_id", "position", "event_start", "event_rank", "event_kind"}, pgx.CopyFromRows(actorRows)); err != nil {
		return nil, fmt.Errorf("event actors: %w", err)
	}
	b.actorRows = actorRows
	return eventIDs, nil
}

// storedActor is an actor row: its id, and its name as first stored.
type storedActor struct {
	id   int64
	name string
}

// actors stores the actors of the events that are new, fills in kinds
// that were unknown, and returns them all by ActorKey. Rows are written in
// key order and only when something changes, so that concurrent batches
// naming the same actors neither deadlock nor rewrite them each time.
func (b *batch) actors(ctx context.Context, news []*pending) (map[string]storedActor, error) {
	byKey := map[string]timeline.Actor{}
	for _, p := range news {
		for _, a := range p.e.Actors {
			k := timeline.ActorKey(a.Name)
			if known, ok := byKey[k]; !ok || known.Kind == "" {
				byKey[k] = a
			}
		}
	}
	actors := map[string]storedActor{}
	if len(byKey) == 0 {
		return actors, nil
	}
	keys := slices.Sorted(maps.Keys(byKey))
	names, kinds := make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		names[i], kinds[i] = strings.Join(strings.Fields(byKey[k].Name), " "), string(byKey[k].Kind)
	}
	steps := []string{`
		INSERT INTO actors (name, key, kind)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
		ON CONFLICT (key) DO NOTHING`, `
		UPDATE actors SET kind = x.kind
		FROM unnest($1::text[], $2::text[], $3::text[]) AS x(name, key, kind)
		WHERE actors.key = x.key AND actors.kind = '' AND x.kind <> ''`,
	}
	for _, sql := range steps {
		if _, err := b.tx.Exec(ctx, sql, names, keys, kinds); err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
	}
	rows, err := b.tx.Query(ctx, `SELECT key, id, name FROM actors WHERE key = ANY($1::text[])`, keys)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	var k string
	var a storedActor
	_, err = pgx.ForEachRow(rows, []any{&k, &a.id, &a.name}, func() error {
		actors[k] = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	return actors, nil
}

// mentionsOf lists the mentions of the batch's events, each on the event
// it is stored as, in batch order, without repeats: a quote at the same
// place of the same article is one mention of an event.
func mentionsOf(evs []*pending) []*timeline.Mention {
	type place struct {
		event, article int64
		start          int
	}
	var out []*timeline.Mention
	seen := map[place]bool{}
	for _, p := range evs {
		for i := range p.e.Mentions {
			m := &p.e.Mentions[i]
			m.EventID = p.e.ID
			if k := (place{m.EventID, m.ArticleID, m.Start}); !seen[k] {
				seen[k] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// insertMentions stores the mentions of the batch in one statement.
func (b *batch) insertMentions(ctx context.Context, evs []*pending) error {
	ms := mentionsOf(evs)
	n := len(ms)
	eventIDs, articleIDs := make([]int64, n), make([]int64, n)
	quotes, versions := make([]string, n), make([]string, n)
	starts, ends := make([]int32, n), make([]int32, n)
	for i, m := range ms {
		eventIDs[i], articleIDs[i], quotes[i], versions[i] = m.EventID, m.ArticleID, m.Quote, m.ExtractorVersion
		starts[i], ends[i] = int32(m.Start), int32(m.End)
	}
	// The articles are new, so no stored mention can be the same.
	_, err := b.tx.Exec(ctx, `
		INSERT INTO mentions (event_id, article_id, quote, quote_start, quote_end, extractor_version)
		SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::integer[], $5::integer[], $6::text[])`,
		eventIDs, articleIDs, quotes, starts, ends, versions)
	if err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	return nil
}
