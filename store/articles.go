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
	_, err = saveEventsTx(ctx, tx, a, events)
	return false, err
}

// saveEventsTx stores events found in the stored article a (their
// mentions quote it), merging those that report an occurrence already
// stored, and records in the history which were added and which gained
// a source. It returns the ids of the events it added.
func saveEventsTx(ctx context.Context, tx pgx.Tx, a *timeline.Article, events []timeline.Event) (added []int64, err error) {
	// The occurrences are found as a batch finds them (actors, locks,
	// then candidates, then timeline.SameOccurrence), and saved one by one.
	evs := make([]*pending, len(events))
	for i := range events {
		e := &events[i]
		for j := range e.Mentions {
			e.Mentions[j].ArticleID = a.ID
		}
		evs[i] = &pending{e: e, key: occurrenceKey(*e), joins: -1}
	}
	b := batch{tx: tx}
	if err := b.resolve(ctx, evs); err != nil {
		return nil, err
	}
	if err := b.lock(ctx, evs); err != nil {
		return nil, err
	}
	if err := b.match(ctx, evs); err != nil {
		return nil, err
	}
	var changes []timeline.Change
	seen := map[int64]bool{}
	for i, p := range evs {
		fresh := p.target == 0 && p.joins < 0
		if p.joins >= 0 {
			p.target = evs[p.joins].e.ID
		}
		if err := saveOccurrence(ctx, tx, p.e, p.target, b.actors); err != nil {
			return nil, fmt.Errorf("event %d: %w", i, err)
		}
		if seen[p.e.ID] {
			continue
		}
		seen[p.e.ID] = true
		c := timeline.Change{Action: timeline.ActionSource, EventID: p.e.ID, ArticleID: a.ID,
			Detail: "reported by " + articleText(a)}
		if fresh {
			c.Action, c.Detail = timeline.ActionCreate, "found in "+articleText(a)
			added = append(added, p.e.ID)
		}
		changes = append(changes, c)
	}
	return added, recordChanges(ctx, tx, changes...)
}

// articleText names an article in a history.
func articleText(a *timeline.Article) string {
	if a.Title != "" {
		return fmt.Sprintf("“%s” (article %d)", a.Title, a.ID)
	}
	return fmt.Sprintf("article %d", a.ID)
}

// saveOccurrence stores e as a new event, or, when target is set, as new
// mentions of that stored event, and sets e.ID and e.Sources.
func saveOccurrence(ctx context.Context, tx pgx.Tx, e *timeline.Event, target int64, actors map[string]storedActor) error {
	if target == 0 {
		if err := insertEvent(ctx, tx, e, actors); err != nil {
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

// SetArticlePublished sets the publication date of a stored article, as
// given by a person (zero: none), and records it in the history. Its
// events stay as they are: reading it again (extract, then
// AddArticleEvents) proposes what the date changes.
func (s *Store) SetArticlePublished(ctx context.Context, id int64, d timeline.Date) (err error) {
	defer wrap(&err, "set the publication date of article %d", id)
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var before string
		err := tx.QueryRow(ctx, `SELECT coalesce(published_value, '') FROM articles WHERE id = $1 FOR UPDATE`, id).Scan(&before)
		if errors.Is(err, pgx.ErrNoRows) {
			return timeline.ErrNotFound
		}
		if err != nil {
			return err
		}
		if before == d.Value() {
			return nil
		}
		source := "given"
		if d.IsZero() {
			source = ""
		}
		if _, err := tx.Exec(ctx, `UPDATE articles SET published_value = nullif($2, ''), published_source = $3 WHERE id = $1`,
			id, d.Value(), source); err != nil {
			return err
		}
		from := "none"
		if before != "" {
			if b, err := timeline.ParseDate(before); err == nil {
				from = b.String()
			}
		}
		to := "none"
		if !d.IsZero() {
			to = d.String()
		}
		return recordChanges(ctx, tx, timeline.Change{Action: timeline.ActionArticleDate, ArticleID: id,
			Detail: fmt.Sprintf("publication date from %s to %s", from, to)})
	})
}

// AddArticleEvents stores more events found in a stored article (read
// again, with a corrected publication date), as SaveArticle stores an
// article's events: those that report a stored occurrence become its
// mentions. It sets the events' IDs and Sources, and returns the ids of
// the events it added (the others joined stored ones);
// timeline.ErrNotFound if the article is gone.
func (s *Store) AddArticleEvents(ctx context.Context, articleID int64, events []timeline.Event) (added []int64, err error) {
	defer wrap(&err, "add events to article %d", articleID)
	given := slices.Clone(events)
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var a timeline.Article
		var published string
		err := tx.QueryRow(ctx, `
			SELECT id, url, title, publisher, coalesce(published_value, ''), published_source, body, created_at
			FROM articles WHERE id = $1 FOR SHARE`, articleID).
			Scan(&a.ID, &a.URL, &a.Title, &a.Publisher, &published, &a.PublishedSource, &a.Body, &a.CreatedAt)
		if errors.Is(err, pgx.ErrNoRows) {
			return timeline.ErrNotFound
		}
		if err != nil {
			return err
		}
		if published != "" {
			if a.Published, err = timeline.ParseDate(published); err != nil {
				return err
			}
		}
		if err := a.ValidateWithEvents(events); err != nil {
			return err
		}
		added, err = saveEventsTx(ctx, tx, &a, events)
		return err
	})
	if err != nil {
		copy(events, given)
		return nil, err
	}
	return added, nil
}

// DeleteArticle deletes a stored article with its mentions, and the
// events that no other article reports (an event entered by hand and
// cited by no article is no article's). It returns those events' ids, and
// records everything in the history. timeline.ErrNotFound if it is gone.
func (s *Store) DeleteArticle(ctx context.Context, id int64) (deleted []int64, err error) {
	defer wrap(&err, "delete article %d", id)
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var title string
		err := tx.QueryRow(ctx, `SELECT title FROM articles WHERE id = $1 FOR UPDATE`, id).Scan(&title)
		if errors.Is(err, pgx.ErrNoRows) {
			return timeline.ErrNotFound
		}
		if err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `
			DELETE FROM events e
			WHERE e.id IN (SELECT event_id FROM mentions WHERE article_id = $1)
				AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id AND m.article_id <> $1)
			RETURNING e.id, e.title, e.date_value`, id)
		if err != nil {
			return err
		}
		var changes []timeline.Change
		var eid int64
		var etitle, value string
		_, err = pgx.ForEachRow(rows, []any{&eid, &etitle, &value}, func() error {
			deleted = append(deleted, eid)
			d, err := timeline.ParseDate(value)
			if err != nil {
				return err
			}
			changes = append(changes, timeline.Change{Action: timeline.ActionDelete, EventID: eid, ArticleID: id,
				Detail: eventText(timeline.Event{Title: etitle, Date: d}) + ", with the article only it was found in"})
			return nil
		})
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM articles WHERE id = $1`, id); err != nil {
			return err
		}
		a := timeline.Article{ID: id, Title: title}
		changes = append(changes, timeline.Change{Action: timeline.ActionDeleteArticle, ArticleID: id,
			Detail: fmt.Sprintf("%s deleted with %s only it reported", articleText(&a), countText(len(deleted), "event", "events"))})
		return recordChanges(ctx, tx, changes...)
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(deleted)
	return deleted, nil
}

// Articles returns up to limit stored articles, newest first, from the
// one before id before (0: the newest), without their bodies, each with
// the number of events that cite it; undated ones only when undated is
// set.
func (s *Store) Articles(ctx context.Context, undated bool, before int64, limit int) (list []timeline.ArticleEntry, err error) {
	defer wrap(&err, "list articles")
	if before <= 0 {
		before = 1<<63 - 1
	}
	where := "id < $1"
	if undated {
		where += " AND published_value IS NULL"
	}
	rows, err := s.pool.Query(ctx, `
		SELECT id, url, title, publisher, coalesce(published_value, ''), published_source, created_at,
			(SELECT count(DISTINCT event_id) FROM mentions m WHERE m.article_id = a.id)
		FROM articles a WHERE `+where+` ORDER BY id DESC LIMIT $2`, before, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (e timeline.ArticleEntry, err error) {
		var published string
		a := &e.Article
		if err := r.Scan(&a.ID, &a.URL, &a.Title, &a.Publisher, &published, &a.PublishedSource, &a.CreatedAt, &e.Events); err != nil {
			return e, err
		}
		if published != "" {
			a.Published, err = timeline.ParseDate(published)
		}
		return e, err
	})
}

// HasUndated reports whether some stored article has no publication
// date (an index holds those alone).
func (s *Store) HasUndated(ctx context.Context) (has bool, err error) {
	defer wrap(&err, "look for undated articles")
	err = s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE published_value IS NULL)`).Scan(&has)
	return has, err
}
