package store

import (
	"context"
	"fmt"
	"slices"
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
//
// A transaction PostgreSQL rolls back to end a deadlock or a
// serialization conflict with another writer is tried again, a few times,
// before its error is returned: the caller need not know SQLSTATEs. An
// unreachable database reads as timeline.ErrUnavailable.
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
	for try := 1; ; try++ {
		err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			b := batch{tx: tx, articles: articles, events: events, dups: dups}
			return b.save(ctx)
		})
		if err == nil || try == saveTries || !rolledBack(err) || !pause(ctx, time.Duration(try*try)*50*time.Millisecond) {
			break
		}
	}
	if err != nil {
		for _, a := range articles {
			a.ID = 0
		}
		return nil, err
	}
	return dups, nil
}

// saveTries is how many times SaveArticles tries a batch that loses to
// another writer: enough for the few writers an ingest runs at once.
const saveTries = 4

// rolledBack reports whether PostgreSQL rolled the transaction back to
// resolve a deadlock or a serialization conflict (SQLSTATE class 40):
// trying again is the remedy.
func rolledBack(err error) bool {
	return strings.HasPrefix(pgCode(err), "40")
}

// pause waits d, or until ctx ends; it reports whether the wait was whole.
func pause(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// batch is one SaveArticles call at work.
type batch struct {
	tx       pgx.Tx
	articles []*timeline.Article
	events   [][]timeline.Event
	dups     []bool
	actors   map[string]storedActor // the batch's actors, stored (resolveActors)
	ids      []int64                // drawn for the batch's new events, one per event
	docs     documents
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
	//
	// And it holds the rows its rows refer to itself (migration 0009):
	// the articles and events it inserts, the actors it resolves and the
	// stored events it joins (holdJoined).
	if _, err := b.tx.Exec(ctx, `SELECT set_config('dateline.bulk', 'on', true), set_config('synchronous_commit', 'off', true),
		set_config('dateline.references', 'held', true)`); err != nil {
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
	if err := b.resolve(ctx, evs); err != nil {
		return err
	}
	// Writers that report the same days take turns under the locks:
	// what needs no lock is done before them.
	if err := b.prepare(ctx, evs); err != nil {
		return err
	}
	if err := b.lock(ctx, evs); err != nil {
		return err
	}
	if err := b.match(ctx, evs); err != nil {
		return err
	}
	if err := b.holdJoined(ctx, evs); err != nil {
		return err
	}
	news, err := b.insertEvents(ctx, evs)
	if err != nil {
		return err
	}
	if err := b.insertMentions(ctx, evs); err != nil {
		return err
	}
	if err := b.finish(ctx, evs, news); err != nil {
		return err
	}
	_, err = b.tx.Exec(ctx, `SELECT set_config('dateline.bulk', 'off', true)`)
	return err
}

// prepare draws ids for the events (for all of them: those that turn out
// to join another leave gaps) and computes their search documents.
func (b *batch) prepare(ctx context.Context, evs []*pending) error {
	var err error
	if b.ids, err = drawIDs(ctx, b.tx, len(evs)); err != nil {
		return err
	}
	b.docs, err = computeDocuments(ctx, b.tx, eventsOf(evs), b.actors)
	return err
}

// holdJoined locks the stored events the batch joins against deletion
// until it commits, with the reference triggers' own lock_referenced
// (migration 0007), which refuses the batch if one was deleted since
// match read it.
func (b *batch) holdJoined(ctx context.Context, evs []*pending) error {
	var ids []int64
	for _, p := range evs {
		if p.target != 0 {
			ids = append(ids, p.target)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if _, err := b.tx.Exec(ctx, `SELECT lock_referenced('events', $1::bigint[], 'a batch joining stored events')`, ids); err != nil {
		return fmt.Errorf("stored occurrences: %w", err)
	}
	return nil
}

// finish does what the triggers do for other writers, besides what
// insertEvents did: the quotes that joined stored events appended to
// their search documents (as recomputing them would give, see migration
// 0007), then the counters of the new events.
func (b *batch) finish(ctx context.Context, evs []*pending, news []newEvent) error {
	isNew := make(map[int64]bool, len(news))
	for _, n := range news {
		isNew[n.e.ID] = true
	}
	var joined []int64
	var quotes []string
	for _, m := range mentionsOf(evs) {
		if !isNew[m.EventID] {
			joined, quotes = append(joined, m.EventID), append(quotes, b.docs.quote[m])
		}
	}
	_, err := b.tx.Exec(ctx, `
		UPDATE events e SET search = e.search || q.doc
		FROM (SELECT id, tsvector_agg(vector::tsvector ORDER BY n) AS doc
		      FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY AS m(id, vector, n)
		      GROUP BY id) q
		WHERE e.id = q.id`, joined, quotes)
	if err != nil {
		return fmt.Errorf("search documents: %w", err)
	}
	return countNew(ctx, b.tx, news)
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
	inserted, err := articlesByHash(rows)
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
	known, err := articlesByHash(rows)
	for i, a := range b.articles {
		if b.dups[i] {
			st := known[string(hashes[i])]
			a.ID, a.CreatedAt = st.id, st.created
		}
	}
	return err
}

// resolve links the actors of the batch's events to stored actors,
// storing the new ones, before events are compared by their actors'
// names (see resolveActors).
func (b *batch) resolve(ctx context.Context, evs []*pending) error {
	var err error
	b.actors, err = resolveActors(ctx, b.tx, eventsOf(evs))
	return err
}

func eventsOf(evs []*pending) []*timeline.Event {
	events := make([]*timeline.Event, len(evs))
	for i, p := range evs {
		events[i] = p.e
	}
	return events
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
		// The kinds are those of event_actors' copy, in its index. The
		// candidates' actors are joined once for all of them.
		// OFFSET 0 keeps the planner from flattening the LATERAL range
		// scan into a hash join of every event of the actor, which it
		// prefers while the tables are young and their statistics small.
		rows, err := b.tx.Query(ctx, `
			WITH c AS MATERIALIZED (
				SELECT DISTINCT x.event_id AS id
				FROM unnest($1::text[], $2::timestamp[], $3::timestamp[], $4::text[]) AS w(actor, lo, hi, kinds)
				JOIN actors a ON a.key = w.actor
				CROSS JOIN LATERAL (SELECT event_id FROM event_actors
					WHERE actor_id = a.id AND event_start >= w.lo AND event_start < w.hi
						AND event_kind = ANY(string_to_array(w.kinds, ',')) OFFSET 0) x)
			SELECT e.id, e.kind, e.date_value, array_agg(a.name ORDER BY ea.position), array_agg(a.kind ORDER BY ea.position)
			FROM c JOIN events e ON e.id = c.id
			JOIN event_actors ea ON ea.event_id = e.id JOIN actors a ON a.id = ea.actor_id
			GROUP BY e.id ORDER BY e.id`, actors, froms, tos, kinds)
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

// insertEvents stores the batch's new events with their actors (see
// insertNew), sets every event's ID to the event it is stored as, and
// returns the new events.
func (b *batch) insertEvents(ctx context.Context, evs []*pending) ([]newEvent, error) {
	var fresh []*timeline.Event
	for _, p := range evs {
		if p.target == 0 && p.joins < 0 {
			fresh = append(fresh, p.e)
		}
	}
	news := prepareNew(fresh, b.ids, b.actors, b.docs)
	for _, p := range evs {
		switch {
		case p.target != 0:
			p.e.ID = p.target
		case p.joins >= 0:
			p.e.ID = evs[p.joins].e.ID
		}
	}
	// the quotes of each new event, in the order insertMentions stores
	// them; those that join stored events are appended by finish
	byID := make(map[int64]*newEvent, len(news))
	for i := range news {
		byID[news[i].e.ID] = &news[i]
	}
	for _, m := range mentionsOf(evs) {
		if n := byID[m.EventID]; n != nil {
			n.quotes = append(n.quotes, b.docs.quote[m])
		}
	}
	return news, insertNew(ctx, b.tx, news)
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

// insertMentions stores the mentions of the batch in one statement. The
// articles are new, so no stored mention can be the same.
func (b *batch) insertMentions(ctx context.Context, evs []*pending) error {
	return insertMentionRows(ctx, b.tx, mentionsOf(evs))
}
