package store

import (
	"context"
	"errors"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// SaveArticle stores an article with the events found in it, all in one
// transaction: either everything is saved or nothing is. It sets a.ID, the
// events' IDs and their mentions' article IDs.
//
// An article whose body was saved before (same timeline.ArticleHash) is
// not stored again: SaveArticle sets a.ID to the stored article, writes
// nothing and reports duplicate.
func (s *Store) SaveArticle(ctx context.Context, a *timeline.Article, events []timeline.Event) (duplicate bool, err error) {
	defer wrap(&err, "save article")
	if err := a.ValidateWithEvents(events); err != nil {
		return false, err
	}
	defer func() {
		if err != nil { // nothing was stored: leave no ids that point nowhere
			a.ID = 0
			for i := range events {
				events[i].ID = 0
			}
		}
	}()
	hash := a.Hash()
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// ON CONFLICT DO NOTHING waits for a concurrent insert of the same
		// article, so two simultaneous submissions store it once.
		err := tx.QueryRow(ctx, `
			INSERT INTO articles (sha256, url, title, publisher, published_value, published_source, body)
			VALUES ($1, $2, $3, $4, nullif($5, ''), $6, $7)
			ON CONFLICT (sha256) DO NOTHING
			RETURNING id, created_at`,
			hash[:], a.URL, a.Title, a.Publisher, a.Published.Value(), a.PublishedSource, a.Body,
		).Scan(&a.ID, &a.CreatedAt)
		if errors.Is(err, pgx.ErrNoRows) {
			duplicate = true
			return tx.QueryRow(ctx, `SELECT id, created_at FROM articles WHERE sha256 = $1`, hash[:]).
				Scan(&a.ID, &a.CreatedAt)
		}
		if err != nil {
			return err
		}
		for i := range events {
			for j := range events[i].Mentions {
				events[i].Mentions[j].ArticleID = a.ID
			}
			if err := insertEvent(ctx, tx, &events[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return duplicate, err
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

// SaveArticles stores a batch of articles, each with its events
// (events[i] belong to articles[i]), and reports which were stored before.
func (s *Store) SaveArticles(ctx context.Context, articles []*timeline.Article, events [][]timeline.Event) ([]bool, error) {
	dups := make([]bool, len(articles))
	for i, a := range articles {
		d, err := s.SaveArticle(ctx, a, events[i])
		if err != nil {
			return nil, err
		}
		dups[i] = d
	}
	return dups, nil
}
