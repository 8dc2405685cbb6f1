package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// inboxEvent is a candidate event as the inbox keeps it (JSON in
// inbox.events): its quotes are byte ranges of the article's body.
type inboxEvent struct {
	Kind       timeline.Kind   `json:"kind"`
	Date       string          `json:"date"`
	Title      string          `json:"title"`
	Summary    string          `json:"summary,omitempty"`
	Status     timeline.Status `json:"status"`
	Confidence float64         `json:"confidence"`
	Actors     []inboxActor    `json:"actors,omitempty"`
	Mentions   []inboxMention  `json:"mentions"`
}

type inboxActor struct {
	Name string             `json:"name"`
	Kind timeline.ActorKind `json:"kind,omitempty"`
}

type inboxMention struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Version string `json:"version,omitempty"`
}

func encodeInboxEvents(events []timeline.Event) ([]byte, error) {
	out := make([]inboxEvent, len(events))
	for i, e := range events {
		ie := inboxEvent{Kind: e.Kind, Date: e.Date.Value(), Title: e.Title, Summary: e.Summary, Status: e.Status,
			Confidence: e.Confidence, Mentions: []inboxMention{}}
		for _, a := range e.Actors {
			ie.Actors = append(ie.Actors, inboxActor{Name: a.Name, Kind: a.Kind})
		}
		for _, m := range e.Mentions {
			ie.Mentions = append(ie.Mentions, inboxMention{Start: m.Start, End: m.End, Version: m.ExtractorVersion})
		}
		out[i] = ie
	}
	return json.Marshal(out)
}

// decodeInboxEvents reads the candidates back; with body, their quotes
// are filled in from it.
func decodeInboxEvents(doc []byte, body string) ([]timeline.Event, error) {
	var in []inboxEvent
	if err := json.Unmarshal(doc, &in); err != nil {
		return nil, fmt.Errorf("inbox events: %w", err)
	}
	events := make([]timeline.Event, len(in))
	for i, ie := range in {
		d, err := timeline.ParseDate(ie.Date)
		if err != nil {
			return nil, fmt.Errorf("inbox event %d: %w", i, err)
		}
		e := timeline.Event{Kind: ie.Kind, Date: d, Title: ie.Title, Summary: ie.Summary, Status: ie.Status,
			Confidence: ie.Confidence, Origin: timeline.ByExtractor}
		for _, a := range ie.Actors {
			e.Actors = append(e.Actors, timeline.Actor{Name: a.Name, Kind: a.Kind})
		}
		for _, m := range ie.Mentions {
			men := timeline.Mention{Start: m.Start, End: m.End, ExtractorVersion: m.Version}
			if body != "" && 0 <= m.Start && m.Start <= m.End && m.End <= len(body) {
				men.Quote = body[m.Start:m.End]
			}
			e.Mentions = append(e.Mentions, men)
		}
		events[i] = e
	}
	return events, nil
}

const inboxColumns = `x.item_id, i.feed_id, f.url, f.title, x.url, x.title, coalesce(x.published_value, ''),
	x.published_source, x.events, x.notes, x.created_at`

const inboxFrom = ` FROM inbox x JOIN feed_items i ON i.id = x.item_id JOIN feeds f ON f.id = i.feed_id`

func scanInbox(row pgx.Row, withBody bool) (timeline.InboxArticle, error) {
	var (
		ia        timeline.InboxArticle
		published string
		doc       []byte
	)
	dest := []any{&ia.ItemID, &ia.Feed.ID, &ia.Feed.URL, &ia.Feed.Title, &ia.Article.URL, &ia.Article.Title,
		&published, &ia.Article.PublishedSource, &doc, &ia.Notes, &ia.CreatedAt}
	if withBody {
		dest = append(dest, &ia.Article.Body)
	}
	if err := row.Scan(dest...); err != nil {
		return ia, err
	}
	var err error
	if published != "" {
		if ia.Article.Published, err = timeline.ParseDate(published); err != nil {
			return ia, err
		}
	}
	ia.Events, err = decodeInboxEvents(doc, ia.Article.Body)
	return ia, err
}

// Inbox returns the articles waiting for review, by feed and then in the
// order they came, without their bodies (their events without quotes).
func (s *Store) Inbox(ctx context.Context) (articles []timeline.InboxArticle, err error) {
	defer wrap(&err, "list inbox")
	rows, err := s.pool.Query(ctx, `SELECT `+inboxColumns+inboxFrom+` ORDER BY i.feed_id, x.created_at, x.item_id`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (timeline.InboxArticle, error) { return scanInbox(r, false) })
}

// InboxArticle returns one waiting article with its body and candidates,
// or timeline.ErrNotFound (accepted, dismissed or never there).
func (s *Store) InboxArticle(ctx context.Context, itemID int64) (ia timeline.InboxArticle, err error) {
	defer wrap(&err, "get inbox article %d", itemID)
	ia, err = scanInbox(s.pool.QueryRow(ctx, `SELECT `+inboxColumns+`, x.body`+inboxFrom+` WHERE x.item_id = $1`, itemID), true)
	if errors.Is(err, pgx.ErrNoRows) {
		return ia, timeline.ErrNotFound
	}
	return ia, err
}

// AcceptInbox saves a waiting article with the events a person chose
// (SaveArticle's rules) and takes it out of the inbox, in one
// transaction. An article no longer waiting (accepted or dismissed
// meanwhile) is timeline.ErrNotFound, and nothing is saved.
func (s *Store) AcceptInbox(ctx context.Context, itemID int64, a *timeline.Article, events []timeline.Event) (duplicate bool, err error) {
	defer wrap(&err, "accept inbox article %d", itemID)
	if err := a.ValidateWithEvents(events); err != nil {
		return false, err
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		duplicate, err = acceptInboxTx(ctx, tx, itemID, a, events)
		return err
	})
	if err != nil {
		a.ID = 0
	}
	return duplicate, err
}

func acceptInboxTx(ctx context.Context, tx pgx.Tx, itemID int64, a *timeline.Article, events []timeline.Event) (bool, error) {
	tag, err := tx.Exec(ctx, `DELETE FROM inbox WHERE item_id = $1`, itemID)
	if err != nil {
		return false, err
	}
	if tag.RowsAffected() == 0 {
		return false, timeline.ErrNotFound
	}
	duplicate, err := saveArticleTx(ctx, tx, a, events)
	if err != nil {
		return false, err
	}
	state := timeline.ItemAdded
	if duplicate {
		state = timeline.ItemKnown
	}
	return duplicate, setItemState(ctx, tx, itemID, state, a.ID)
}

// DismissInbox takes a waiting article out of the inbox without saving
// anything; its item stays, so the article is not fetched again. An
// article no longer waiting is timeline.ErrNotFound.
func (s *Store) DismissInbox(ctx context.Context, itemID int64) (err error) {
	defer wrap(&err, "dismiss inbox article %d", itemID)
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM inbox WHERE item_id = $1`, itemID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return timeline.ErrNotFound
		}
		return setItemState(ctx, tx, itemID, timeline.ItemDismissed, 0)
	})
}

// AcceptFeedInbox accepts every article of a feed's inbox as extraction
// found it: each with its events except those the article denies
// (StatusNegated), as the review page proposes. It is one transaction,
// and returns how many articles and events it saved.
func (s *Store) AcceptFeedInbox(ctx context.Context, feedID int64) (articles, events int, err error) {
	defer wrap(&err, "accept the inbox of feed %d", feedID)
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		articles, events = 0, 0
		rows, err := tx.Query(ctx, `SELECT `+inboxColumns+`, x.body`+inboxFrom+`
			WHERE i.feed_id = $1 ORDER BY x.created_at, x.item_id FOR UPDATE OF x`, feedID)
		if err != nil {
			return err
		}
		waiting, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (timeline.InboxArticle, error) { return scanInbox(r, true) })
		if err != nil {
			return err
		}
		for _, ia := range waiting {
			var chosen []timeline.Event
			for _, e := range ia.Events {
				if e.Status != timeline.StatusNegated {
					chosen = append(chosen, e)
				}
			}
			a := ia.Article
			if err := a.ValidateWithEvents(chosen); err != nil {
				return fmt.Errorf("article %q: %w", a.URL, err)
			}
			duplicate, err := acceptInboxTx(ctx, tx, ia.ItemID, &a, chosen)
			if err != nil {
				return err
			}
			if !duplicate {
				articles++
				events += len(chosen)
			}
		}
		return nil
	})
	return articles, events, err
}
