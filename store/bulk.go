package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// The writers of many events at once, SaveArticles and Import, share
// these: events, their actors and mentions in a fixed number of
// statements, and, in a transaction with dateline.bulk on (migration
// 0005), the derived data the triggers would keep.

// newEvent is an event to insert, with the id drawn for it, its actors as
// stored, and its search document's parts (see documents).
type newEvent struct {
	e      *timeline.Event
	actors []storedActor
	doc    string   // title, actors and summary
	quotes []string // the vectors of its mentions' quotes, in the order they are stored
	// keep stores e's sequence and (non-zero) timestamps as they are, for
	// imports; otherwise they start afresh.
	keep bool
}

// drawIDs draws n event ids.
func drawIDs(ctx context.Context, tx pgx.Tx, n int) ([]int64, error) {
	rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('events', 'id')) FROM generate_series(1, $1)`, n)
	if err != nil {
		return nil, fmt.Errorf("event ids: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("event ids: %w", err)
	}
	return ids, nil
}

// prepareNew gives events the ids drawn for them (ids holds at least as
// many), and their actors as stored (resolveActors) and documents.
func prepareNew(events []*timeline.Event, ids []int64, actors map[string]storedActor, docs documents) []newEvent {
	news := make([]newEvent, len(events))
	for i, e := range events {
		e.ID = ids[i]
		news[i].e, news[i].doc = e, docs.event[e]
		for _, a := range e.Actors {
			news[i].actors = append(news[i].actors, actors[timeline.ActorKey(a.Name)])
		}
	}
	return news
}

// documents holds the parts of search documents (migration 0007) that
// need nothing stored: each event's vector of title, actor names and
// summary, and each quote's vector, as text. Tokenising and stemming them
// is a large share of what storing an event costs PostgreSQL, so a batch
// computes them before it takes its occurrence locks, and the statements
// that run under the locks only read the vectors back.
type documents struct {
	event map[*timeline.Event]string
	quote map[*timeline.Mention]string
}

// computeDocuments computes the documents of events and of their
// mentions' quotes, in one statement. The actors are as stored.
func computeDocuments(ctx context.Context, tx pgx.Tx, events []*timeline.Event, actors map[string]storedActor) (documents, error) {
	docs := documents{event: make(map[*timeline.Event]string, len(events)), quote: map[*timeline.Mention]string{}}
	titles, names, summaries := make([]string, len(events)), make([]string, len(events)), make([]string, len(events))
	// Events told by one sentence quote it alike: each quote is computed
	// once.
	var quotes []string
	quoteOf := map[string]int{} // quote -> index in quotes
	for i, e := range events {
		stored := make([]string, len(e.Actors))
		for j, a := range e.Actors {
			stored[j] = actors[timeline.ActorKey(a.Name)].name
		}
		titles[i], names[i], summaries[i] = e.Title, strings.Join(stored, " "), e.Summary
		for _, m := range e.Mentions {
			if _, ok := quoteOf[m.Quote]; !ok {
				quoteOf[m.Quote] = len(quotes)
				quotes = append(quotes, m.Quote)
			}
		}
	}
	rows, err := tx.Query(ctx, `
		SELECT false, n, event_document(t, a, s)::text
		FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x(t, a, s, n)
		UNION ALL
		SELECT true, n, quote_document(q)::text FROM unnest($4::text[]) WITH ORDINALITY AS y(q, n)`,
		titles, names, summaries, quotes)
	if err != nil {
		return docs, fmt.Errorf("search documents: %w", err)
	}
	var (
		isQuote   bool
		n         int
		doc       string
		quoteDocs = make([]string, len(quotes))
	)
	_, err = pgx.ForEachRow(rows, []any{&isQuote, &n, &doc}, func() error {
		if isQuote {
			quoteDocs[n-1] = doc
		} else {
			docs.event[events[n-1]] = doc
		}
		return nil
	})
	if err != nil {
		return docs, fmt.Errorf("search documents: %w", err)
	}
	for _, e := range events {
		for j := range e.Mentions {
			docs.quote[&e.Mentions[j]] = quoteDocs[quoteOf[e.Mentions[j].Quote]]
		}
	}
	return docs, nil
}

// insertNew inserts the events, with their search documents put together
// from their parts, in one statement, and their actors with COPY, each
// row with the event's sort key and kind. It sets the events' sequence and timestamps.
func insertNew(ctx context.Context, tx pgx.Tx, news []newEvent) error {
	if len(news) == 0 {
		return nil
	}
	n := len(news)
	var (
		ids                                                                   = make([]int64, n)
		kinds, values, precisions, statuses, titles, summaries, origins, urls = make([]string, n), make([]string, n),
			make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		docs, actorIDs   = make([]string, n), make([]string, n)
		starts, ends     = make([]time.Time, n), make([]time.Time, n)
		ranks            = make([]int16, n)
		sequences        = make([]int32, n)
		created, updated = make([]*time.Time, n), make([]*time.Time, n)
		confidences      = make([]float64, n)
		quoteIDs         []int64
		quotes           []string
		actorRows        [][]any
	)
	for i, ne := range news {
		e := ne.e
		start, rank := e.Date.SortKey()
		ids[i], kinds[i], values[i], precisions[i] = e.ID, string(e.Kind), e.Date.Value(), e.Date.Precision().String()
		starts[i], ends[i], ranks[i] = start, e.Date.End(), int16(rank)
		statuses[i], titles[i], summaries[i] = string(e.Status), e.Title, e.Summary
		confidences[i], origins[i], urls[i] = e.Confidence, string(e.Origin), e.SourceURL
		if ne.keep {
			sequences[i], created[i], updated[i] = int32(e.Sequence), nullTime(e.CreatedAt), nullTime(e.UpdatedAt)
		}
		var ids []string
		for pos, a := range ne.actors {
			ids = append(ids, strconv.FormatInt(a.id, 10))
			actorRows = append(actorRows, []any{e.ID, a.id, int16(pos), start, int16(rank), string(e.Kind)})
		}
		docs[i], actorIDs[i] = ne.doc, "{"+strings.Join(ids, ",")+"}"
		for _, q := range ne.quotes {
			quoteIDs, quotes = append(quoteIDs, e.ID), append(quotes, q)
		}
	}
	rows, err := tx.Query(ctx, `
		INSERT INTO events (id, kind, date_value, date_precision, date_start, date_end, date_rank,
			status, title, summary, confidence, origin, source_url, sequence, created_at, updated_at, search)
		OVERRIDING SYSTEM VALUE
		SELECT x.id, kind, v, p, s, e, r, st, t, sm, c, o, u, seq, coalesce(cr, now()), coalesce(up, cr, now()),
			x.doc::tsvector || coalesce(q.doc, '') || event_terms(kind, actor_ids::bigint[])
		FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamp[], $6::timestamp[],
			$7::smallint[], $8::text[], $9::text[], $10::text[], $11::real[], $12::text[], $13::text[],
			$14::text[], $15::text[], $16::integer[], $17::timestamptz[], $18::timestamptz[])
			AS x(id, kind, v, p, s, e, r, st, t, sm, c, o, u, doc, actor_ids, seq, cr, up)
		LEFT JOIN (
			SELECT id, tsvector_agg(vector::tsvector ORDER BY n) AS doc
			FROM unnest($19::bigint[], $20::text[]) WITH ORDINALITY AS m(id, vector, n)
			GROUP BY id
		) q ON q.id = x.id
		RETURNING id, sequence, created_at, updated_at`,
		ids, kinds, values, precisions, starts, ends, ranks, statuses, titles, summaries, confidences, origins, urls,
		docs, actorIDs, sequences, created, updated, quoteIDs, quotes)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	byID := make(map[int64]*timeline.Event, n)
	for _, ne := range news {
		byID[ne.e.ID] = ne.e
	}
	var (
		id       int64
		sequence int
		cr, up   time.Time
	)
	_, err = pgx.ForEachRow(rows, []any{&id, &sequence, &cr, &up}, func() error {
		e := byID[id]
		e.Sequence, e.CreatedAt, e.UpdatedAt = sequence, cr, up
		return nil
	})
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"event_actors"},
		[]string{"event_id", "actor_id", "position", "event_start", "event_rank", "event_kind"}, pgx.CopyFromRows(actorRows)); err != nil {
		return fmt.Errorf("event actors: %w", err)
	}
	return nil
}

// countNew does for inserted events what the triggers do for other
// writers: one export version bump, whose row lock is taken before the
// counters' as the triggers take it, and the month counts of the events,
// per kind and per actor, added up here.
func countNew(ctx context.Context, tx pgx.Tx, news []newEvent) error {
	type key struct {
		actor int64
		month time.Time
		kind  string
	}
	months, actorMonths := map[key]int64{}, map[key]int64{}
	for _, ne := range news {
		start, _ := ne.e.Date.SortKey()
		month := monthOf(start)
		months[key{0, month, string(ne.e.Kind)}]++
		for _, a := range ne.actors {
			actorMonths[key{a.id, month, string(ne.e.Kind)}]++
		}
	}
	columns := func(counts map[key]int64) (actors []int64, months []time.Time, kinds []string, ns []int64) {
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
		{"export version", `SELECT export_version_bump()`, nil},
		{"month counts", `
			INSERT INTO event_months (month, kind, events)
			SELECT * FROM unnest($1::timestamp[], $2::text[], $3::bigint[])
			ON CONFLICT (month, kind) DO UPDATE SET events = event_months.events + excluded.events`, []any{m, k, n}},
		{"month counts per actor", `
			INSERT INTO actor_months (actor_id, month, kind, events)
			SELECT * FROM unnest($1::bigint[], $2::timestamp[], $3::text[], $4::bigint[])
			ON CONFLICT (actor_id, month, kind) DO UPDATE SET events = actor_months.events + excluded.events`, []any{aa, am, ak, an}},
	}
	for _, s := range steps {
		if _, err := tx.Exec(ctx, s.sql, s.args...); err != nil {
			return fmt.Errorf("%s: %w", s.what, err)
		}
	}
	return nil
}

// monthOf is the first instant of t's month, as date_trunc('month', t).
func monthOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// insertMentionRows stores mentions in one statement.
func insertMentionRows(ctx context.Context, tx pgx.Tx, ms []*timeline.Mention) error {
	n := len(ms)
	eventIDs, articleIDs := make([]int64, n), make([]int64, n)
	quotes, versions := make([]string, n), make([]string, n)
	starts, ends := make([]int32, n), make([]int32, n)
	for i, m := range ms {
		eventIDs[i], articleIDs[i], quotes[i], versions[i] = m.EventID, m.ArticleID, m.Quote, m.ExtractorVersion
		starts[i], ends[i] = int32(m.Start), int32(m.End)
	}
	_, err := tx.Exec(ctx, `
		INSERT INTO mentions (event_id, article_id, quote, quote_start, quote_end, extractor_version)
		SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::integer[], $5::integer[], $6::text[])`,
		eventIDs, articleIDs, quotes, starts, ends, versions)
	if err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	return nil
}

// storedArticle is what a writer learns of an article row.
type storedArticle struct {
	id      int64
	created time.Time
}

// articlesByHash reads rows of sha256, id and created_at.
func articlesByHash(rows pgx.Rows) (map[string]storedArticle, error) {
	byHash := map[string]storedArticle{}
	var h []byte
	var st storedArticle
	_, err := pgx.ForEachRow(rows, []any{&h, &st.id, &st.created}, func() error {
		byHash[string(h)] = st
		return nil
	})
	return byHash, err
}
