package store

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// SaveArticle stores an article with the events found in it, all in one
// transaction: either everything is saved or nothing is. It sets a.ID, the
// events' IDs and Sources, and their mentions' article IDs.
//
// An event that describes an occurrence already stored (the rule of
// timeline.SameOccurrence: same kind, same day, a shared actor) is not
// stored twice: its mentions are added to the stored event, whose fields
// are left as they are (a person may have corrected them), and the event
// is set to the stored event, with its new mentions and Sources counting
// every article that reports it. Events stored by this call have the
// article's CreatedAt (the transaction's time); a merged event was
// created before, which is how a caller tells them apart.
//
// An article whose body was saved before (same timeline.ArticleHash) is
// not stored again: SaveArticle sets a.ID to the stored article, writes
// nothing and reports duplicate.
func (s *Store) SaveArticle(ctx context.Context, a *timeline.Article, events []timeline.Event) (duplicate bool, err error) {
	defer wrap(&err, "save article")
	if err := a.ValidateWithEvents(events); err != nil {
		return false, err
	}
	given := slices.Clone(events)
	defer func() {
		if err != nil { // nothing was stored: give the events back as they came
			a.ID = 0
			copy(events, given)
		}
	}()
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		duplicate, err = saveArticleTx(ctx, tx, a, events)
		return err
	})
	return duplicate, err
}

// saveArticleTx is SaveArticle within tx, for callers that write more in
// the same transaction. a and events are validated already.
func saveArticleTx(ctx context.Context, tx pgx.Tx, a *timeline.Article, events []timeline.Event) (duplicate bool, err error) {
	hash := a.Hash()
	// ON CONFLICT DO NOTHING waits for a concurrent insert of the same
	// article, so two simultaneous submissions store it once.
	err = tx.QueryRow(ctx, `
			INSERT INTO articles (sha256, url, title, publisher, published_value, published_source, body)
			VALUES ($1, $2, $3, $4, nullif($5, ''), $6, $7)
			ON CONFLICT (sha256) DO NOTHING
			RETURNING id, created_at`,
		hash[:], a.URL, a.Title, a.Publisher, a.Published.Value(), a.PublishedSource, a.Body,
	).Scan(&a.ID, &a.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return true, tx.QueryRow(ctx, `SELECT id, created_at FROM articles WHERE sha256 = $1`, hash[:]).
			Scan(&a.ID, &a.CreatedAt)
	}
	if err != nil {
		return false, err
	}
	// The occurrences are found as a batch finds them (locks, then
	// candidates, then timeline.SameOccurrence), and saved one by one.
	evs := make([]*pending, len(events))
	for i := range events {
		e := &events[i]
		for j := range e.Mentions {
			e.Mentions[j].ArticleID = a.ID
		}
		evs[i] = &pending{e: e, key: occurrenceKey(*e), joins: -1}
	}
	b := batch{tx: tx}
	if err := b.lock(ctx, evs); err != nil {
		return false, err
	}
	if err := b.match(ctx, evs); err != nil {
		return false, err
	}
	for i, p := range evs {
		if p.joins >= 0 {
			p.target = evs[p.joins].e.ID
		}
		if err := saveOccurrence(ctx, tx, p.e, p.target); err != nil {
			return false, fmt.Errorf("event %d: %w", i, err)
		}
	}
	return false, nil
}

// saveOccurrence stores e as a new event, or, when target is set, as new
// mentions of that stored event, and sets e.ID and e.Sources.
func saveOccurrence(ctx context.Context, tx pgx.Tx, e *timeline.Event, target int64) error {
	if target == 0 {
		if err := insertEvent(ctx, tx, e); err != nil {
			return err
		}
	} else {
		if err := insertMentions(ctx, tx, target, e.Mentions); err != nil {
			return err
		}
		stored, err := scanEvent(tx.QueryRow(ctx, `SELECT `+eventColumns+eventFrom+` WHERE e.id = $1`, target))
		if err != nil {
			return err
		}
		stored.Mentions = e.Mentions
		*e = stored
	}
	return tx.QueryRow(ctx, `SELECT count(DISTINCT article_id) FROM mentions WHERE event_id = $1`, e.ID).
		Scan(&e.Sources)
}

// ArticleByBody returns the stored article with the same body as body
// (timeline.ArticleHash), without its body, or timeline.ErrNotFound. It
// lets a page say "you added this already" before any work is done.
func (s *Store) ArticleByBody(ctx context.Context, body string) (a timeline.Article, err error) {
	defer wrap(&err, "find article by body")
	hash := timeline.ArticleHash(body)
	var published string
	err = s.pool.QueryRow(ctx, `
		SELECT id, url, title, publisher, coalesce(published_value, ''), published_source, created_at
		FROM articles WHERE sha256 = $1`, hash[:]).
		Scan(&a.ID, &a.URL, &a.Title, &a.Publisher, &published, &a.PublishedSource, &a.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, timeline.ErrNotFound
	}
	if err == nil && published != "" {
		a.Published, err = timeline.ParseDate(published)
	}
	return a, err
}

// ArticleEvents returns the events that cite the article, in chronological
// order, without their mentions. An unknown article has none.
func (s *Store) ArticleEvents(ctx context.Context, articleID int64) (events []timeline.Event, err error) {
	defer wrap(&err, "events of article %d", articleID)
	rows, err := s.pool.Query(ctx, `SELECT `+eventColumns+eventFrom+`
		WHERE e.id IN (SELECT event_id FROM mentions WHERE article_id = $1)
		ORDER BY e.date_start, e.date_rank, e.id`, articleID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (timeline.Event, error) { return scanEvent(r) })
}

// Article returns a stored article with its body, or timeline.ErrNotFound.
func (s *Store) Article(ctx context.Context, id int64) (a timeline.Article, err error) {
	defer wrap(&err, "get article %d", id)
	var published string
	err = s.pool.QueryRow(ctx, `
		SELECT id, url, title, publisher, coalesce(published_value, ''), published_source, body, created_at
		FROM articles WHERE id = $1`, id).
		Scan(&a.ID, &a.URL, &a.Title, &a.Publisher, &published, &a.PublishedSource, &a.Body, &a.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, timeline.ErrNotFound
	}
	if err == nil && published != "" {
		a.Published, err = timeline.ParseDate(published)
	}
	return a, err
}

// ArticleMentions returns the mentions that quote the article, in the
// order they appear in it, without their article. An unknown article has
// none.
func (s *Store) ArticleMentions(ctx context.Context, articleID int64) (mentions []timeline.Mention, err error) {
	defer wrap(&err, "mentions of article %d", articleID)
	rows, err := s.pool.Query(ctx, `
		SELECT id, event_id, article_id, quote, quote_start, quote_end, extractor_version
		FROM mentions WHERE article_id = $1
		ORDER BY quote_start, quote_end, event_id`, articleID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (m timeline.Mention, err error) {
		err = r.Scan(&m.ID, &m.EventID, &m.ArticleID, &m.Quote, &m.Start, &m.End, &m.ExtractorVersion)
		return m, err
	})
}

// ExistingArticles returns which of the article hashes are stored, so that
// a bulk load skips them before extracting anything.
func (s *Store) ExistingArticles(ctx context.Context, hashes [][32]byte) (found map[[32]byte]bool, err error) {
	defer wrap(&err, "look up %d articles", len(hashes))
	keys := make([][]byte, len(hashes))
	for i := range hashes {
		keys[i] = hashes[i][:]
	}
	rows, err := s.pool.Query(ctx, `SELECT sha256 FROM articles WHERE sha256 = ANY($1::bytea[])`, keys)
	if err != nil {
		return nil, err
	}
	stored, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	if err != nil {
		return nil, err
	}
	found = make(map[[32]byte]bool, len(stored))
	for _, h := range stored {
		found[[32]byte(h)] = true
	}
	return found, nil
}
