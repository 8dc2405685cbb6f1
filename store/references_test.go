package store_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// event_actors and mentions keep their references by triggers that check
// a whole statement at once (migration 0007), as foreign keys did row by
// row: a row naming nothing is refused, and deleting what rows name
// deletes them.
func TestReferencesHoldAsForeignKeysHeldThem(t *testing.T) {
	ctx := context.Background()
	cfg, s := storetest.Open(t)
	a, events := article(t)
	if _, err := s.SaveArticle(ctx, &a, events); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	refused := []struct{ name, sql string }{
		{"a mention of no event", `INSERT INTO mentions (event_id, article_id, quote, quote_start, quote_end)
			SELECT 999999, id, 'q', 0, 1 FROM articles LIMIT 1`},
		{"a mention of no article", `INSERT INTO mentions (event_id, article_id, quote, quote_start, quote_end)
			SELECT id, 999999, 'q', 0, 1 FROM events LIMIT 1`},
		// as a bulk writer does it, giving the event's sort key itself
		{"an actor row of no event", `BEGIN; SET LOCAL dateline.bulk = 'on';
			INSERT INTO event_actors (event_id, actor_id, position, event_start, event_rank, event_kind)
			SELECT 999999, id, 0, now(), 0, 'call' FROM actors LIMIT 1; COMMIT`},
		{"an actor row of no actor", `INSERT INTO event_actors (event_id, actor_id, position)
			SELECT id, 999999, 5 FROM events LIMIT 1`},
		{"a mention moved to no event", `UPDATE mentions SET event_id = 999999`},
		{"a new id", `UPDATE events SET id = DEFAULT`},
	}
	for _, r := range refused {
		_, err := conn.Exec(ctx, r.sql)
		conn.Exec(ctx, "ROLLBACK") // after a failed BEGIN; a warning otherwise
		var pg *pgconn.PgError
		if !errors.As(err, &pg) || pg.Code != "23503" {
			t.Errorf("%s: err = %v, want a foreign key violation (23503)", r.name, err)
		}
	}
	for _, table := range []string{"mentions", "event_actors"} {
		if count(t, cfg, table) == 0 {
			t.Fatalf("no %s to delete", table)
		}
	}
	exec(t, cfg, `DELETE FROM articles`)
	if n := count(t, cfg, "mentions"); n != 0 {
		t.Errorf("%d mentions left after their article was deleted", n)
	}
	exec(t, cfg, `DELETE FROM actors WHERE key = 'iran'`)
	if got := query(t, cfg, `SELECT count(*) FROM event_actors ea LEFT JOIN actors a ON a.id = ea.actor_id WHERE a.id IS NULL`); got[0] != "0" {
		t.Errorf("%s actor rows left of a deleted actor", got[0])
	}
	exec(t, cfg, `DELETE FROM events`)
	if n := count(t, cfg, "event_actors"); n != 0 {
		t.Errorf("%d actor rows left after their events were deleted", n)
	}
}

// A batch of SaveArticles checks its references itself (migration 0009):
// it holds the stored events it joins until it commits, and refuses to
// join one deleted after it found it.
func TestABatchHoldsTheEventsItJoins(t *testing.T) {
	ctx := context.Background()
	cfg, s := storetest.Open(t)
	a, events := article(t)
	if _, err := s.SaveArticle(ctx, &a, events); err != nil {
		t.Fatal(err)
	}
	ids := query(t, cfg, `SELECT id FROM events ORDER BY id`)
	if len(ids) < 2 {
		t.Fatalf("%d events stored, want two or more", len(ids))
	}
	kept, _ := strconv.ParseInt(ids[0], 10, 64)
	deleted, _ := strconv.ParseInt(ids[1], 10, 64)
	exec(t, cfg, `DELETE FROM events WHERE id = `+ids[1])
	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, tc := range []struct {
		name    string
		joins   []int64
		refused bool
	}{
		{"a stored event, twice", []int64{kept, kept}, false},
		{"an event deleted since it was found", []int64{kept, deleted}, true},
		{"none", nil, false},
	} {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error { return store.HoldJoined(ctx, tx, tc.joins) })
		if (err != nil) != tc.refused {
			t.Errorf("%s: err = %v, want refused %v", tc.name, err, tc.refused)
		}
	}

	// held, the event cannot be deleted before the batch commits
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.HoldJoined(ctx, tx, []int64{kept}); err != nil {
		t.Fatal(err)
	}
	other, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, err := other.Exec(short, `DELETE FROM events WHERE id = $1`, kept); err == nil {
		t.Error("an event a batch joins was deleted before the batch committed")
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
}
