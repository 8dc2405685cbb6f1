package store

import (
	"context"
	"fmt"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// ImportSummary says what an import stored.
type ImportSummary struct {
	Articles      int // articles stored
	KnownArticles int // articles that were stored before (same body), reused
	Events        int
}

// Import stores articles and events in one transaction: everything or, on
// any error, nothing. It is how exports come back in, so unlike
// CreateEvent it keeps what the records say: an event's origin, and its
// sequence and timestamps when they are set (zero timestamps become now).
// Mentions name their article by pointing Mention.Article at one of
// articles; Import sets every article's ID. An article whose body is
// already stored is not stored again: its mentions point at the stored one.
// Events are always added, never merged with stored ones.
//
// Invalid records are refused with a *timeline.ValidationError whose
// fields are named "articles[i].field" and "events[i].field".
func (s *Store) Import(ctx context.Context, articles []*timeline.Article, events []timeline.Event) (ImportSummary, error) {
	return s.ImportProgress(ctx, articles, events, nil)
}

// importBatch is how many events Import writes per round of statements.
const importBatch = 1000

// ImportProgress is Import, calling progress (when not nil) after each
// batch of events with what is written so far. Everything is still one
// transaction: nothing is stored until the whole import commits. It
// writes as SaveArticles does, a fixed number of statements per batch
// and the derived data kept once per batch rather than by triggers.
func (s *Store) ImportProgress(ctx context.Context, articles []*timeline.Article, events []timeline.Event,
	progress func(ImportSummary)) (sum ImportSummary, err error) {
	defer wrap(&err, "import")
	if err := validateImport(articles, events); err != nil {
		return sum, err
	}
	defer func() {
		if err != nil { // nothing was stored: leave no ids that point nowhere
			sum = ImportSummary{}
			for _, a := range articles {
				a.ID = 0
			}
			for i := range events {
				events[i].ID = 0
			}
		}
	}()
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		sum = ImportSummary{}
		if _, err := tx.Exec(ctx, `SELECT set_config('dateline.bulk', 'on', true)`); err != nil {
			return err
		}
		for i := 0; i < len(articles); i += importBatch {
			known, err := importArticles(ctx, tx, articles[i:min(i+importBatch, len(articles))])
			if err != nil {
				return fmt.Errorf("articles %d to %d: %w", i, min(i+importBatch, len(articles))-1, err)
			}
			sum.KnownArticles += known
			sum.Articles += min(i+importBatch, len(articles)) - i - known
		}
		for i := 0; i < len(events); i += importBatch {
			j := min(i+importBatch, len(events))
			if err := importEvents(ctx, tx, events[i:j]); err != nil {
				return fmt.Errorf("events %d to %d: %w", i, j-1, err)
			}
			sum.Events = j
			if progress != nil {
				progress(sum)
			}
		}
		_, err := tx.Exec(ctx, `SELECT set_config('dateline.bulk', 'off', true)`)
		return err
	})
	return sum, err
}

// importEvents writes a batch of events with their actors and mentions,
// their search documents and counters.
func importEvents(ctx context.Context, tx pgx.Tx, events []timeline.Event) error {
	ptrs := make([]*timeline.Event, len(events))
	for i := range events {
		ptrs[i] = &events[i]
	}
	actors, err := resolveActors(ctx, tx, ptrs)
	if err != nil {
		return err
	}
	ids, err := drawIDs(ctx, tx, len(ptrs))
	if err != nil {
		return err
	}
	docs, err := computeDocuments(ctx, tx, ptrs, actors)
	if err != nil {
		return err
	}
	news := prepareNew(ptrs, ids, actors, docs)
	var mentions []*timeline.Mention
	for i := range news {
		e := news[i].e
		news[i].keep = true
		// a quote twice at one place of an article is one mention: the last
		// one given, as an upsert would keep
		last := map[[2]int64]int{}
		for j := range e.Mentions {
			m := &e.Mentions[j]
			m.EventID, m.ArticleID = e.ID, m.Article.ID
			last[[2]int64{m.ArticleID, int64(m.Start)}] = j
		}
		for j := range e.Mentions {
			m := &e.Mentions[j]
			if last[[2]int64{m.ArticleID, int64(m.Start)}] == j {
				mentions = append(mentions, m)
				news[i].quotes = append(news[i].quotes, docs.quote[m])
			}
		}
	}
	if err := insertNew(ctx, tx, news); err != nil {
		return err
	}
	if err := insertMentionRows(ctx, tx, mentions); err != nil {
		return err
	}
	return countNew(ctx, tx, news)
}

func validateImport(articles []*timeline.Article, events []timeline.Event) error {
	v := &timeline.ValidationError{}
	given := make(map[*timeline.Article]bool, len(articles))
	for i, a := range articles {
		given[a] = true
		for _, f := range fieldErrors(a.Validate()) {
			v.Add(fmt.Sprintf("articles[%d].%s", i, f.Field), f.Message)
		}
	}
	for i := range events {
		e := &events[i]
		prefix := fmt.Sprintf("events[%d].", i)
		for _, f := range fieldErrors(e.Validate()) {
			v.Add(prefix+f.Field, f.Message)
		}
		for j, m := range e.Mentions {
			field := fmt.Sprintf("%smentions[%d]", prefix, j)
			switch a := m.Article; {
			case a == nil:
				v.Add(field, "names no article")
			case !given[a]:
				v.Add(field, "names an article that is not imported with it")
			case m.Start < 0 || m.End > len(a.Body) || m.Start > m.End || a.Body[m.Start:m.End] != m.Quote:
				v.Add(field, "the quote is not at its place in the article")
			}
		}
	}
	return v.Err()
}

// importArticles stores articles not stored yet, in one statement, sets
// every article's ID, and says how many were stored before (or earlier in
// the file: an article twice is stored once).
func importArticles(ctx context.Context, tx pgx.Tx, articles []*timeline.Article) (known int, err error) {
	n := len(articles)
	hashes, urls, titles, publishers, published, sources, bodies :=
		make([][]byte, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	created := make([]*time.Time, n)
	for i, a := range articles {
		h := a.Hash()
		hashes[i] = h[:]
		urls[i], titles[i], publishers[i] = a.URL, a.Title, a.Publisher
		published[i], sources[i], bodies[i], created[i] = a.Published.Value(), a.PublishedSource, a.Body, nullTime(a.CreatedAt)
	}
	rows, err := tx.Query(ctx, `
		INSERT INTO articles (sha256, url, title, publisher, published_value, published_source, body, created_at)
		SELECT h, u, t, p, nullif(d, ''), s, bd, coalesce(c, now())
		FROM unnest($1::bytea[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
			AS x(h, u, t, p, d, s, bd, c)
		ON CONFLICT (sha256) DO NOTHING
		RETURNING sha256`, hashes, urls, titles, publishers, published, sources, bodies, created)
	if err != nil {
		return 0, err
	}
	inserted, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	if err != nil {
		return 0, err
	}
	// ON CONFLICT keeps the first of an article given twice
	rows, err = tx.Query(ctx, `SELECT sha256, id, created_at FROM articles WHERE sha256 = ANY($1::bytea[])`, hashes)
	if err != nil {
		return 0, err
	}
	byHash, err := articlesByHash(rows)
	if err != nil {
		return 0, err
	}
	for i, a := range articles {
		st := byHash[string(hashes[i])]
		a.ID, a.CreatedAt = st.id, st.created
	}
	return n - len(inserted), nil
}

func fieldErrors(err error) []timeline.FieldError {
	if v := timeline.FieldErrors(err); v != nil {
		return v.Fields
	}
	return nil
}

// nullTime is t, or NULL for the zero time.
func nullTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
