package store

import (
	"context"
	"errors"
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
func (s *Store) Import(ctx context.Context, articles []*timeline.Article, events []timeline.Event) (sum ImportSummary, err error) {
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
		for i, a := range articles {
			known, err := importArticle(ctx, tx, a)
			if err != nil {
				return fmt.Errorf("article %d: %w", i, err)
			}
			if known {
				sum.KnownArticles++
			} else {
				sum.Articles++
			}
		}
		for i := range events {
			e := &events[i]
			for j := range e.Mentions {
				if m := &e.Mentions[j]; m.Article != nil {
					m.ArticleID = m.Article.ID
				}
			}
			if err := insertEventAs(ctx, tx, e, true); err != nil {
				return fmt.Errorf("event %d (%q): %w", i, e.Title, err)
			}
			sum.Events++
		}
		return nil
	})
	return sum, err
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

// importArticle stores a, or finds it stored, and sets a.ID.
func importArticle(ctx context.Context, tx pgx.Tx, a *timeline.Article) (known bool, err error) {
	hash := a.Hash()
	err = tx.QueryRow(ctx, `
		INSERT INTO articles (sha256, url, title, publisher, published_value, published_source, body, created_at)
		VALUES ($1, $2, $3, $4, nullif($5, ''), $6, $7, coalesce($8, now()))
		ON CONFLICT (sha256) DO NOTHING
		RETURNING id, created_at`,
		hash[:], a.URL, a.Title, a.Publisher, a.Published.Value(), a.PublishedSource, a.Body, nullTime(a.CreatedAt),
	).Scan(&a.ID, &a.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return true, tx.QueryRow(ctx, `SELECT id FROM articles WHERE sha256 = $1`, hash[:]).Scan(&a.ID)
	}
	return false, err
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
