package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// HoldJoined is a batch's holdJoined, for the tests outside the package:
// tx joins the stored events targets.
func HoldJoined(ctx context.Context, tx pgx.Tx, targets []int64) error {
	var evs []*pending
	for _, id := range targets {
		evs = append(evs, &pending{e: &timeline.Event{}, target: id})
	}
	return (&batch{tx: tx}).holdJoined(ctx, evs)
}

// SaveArticles tries a batch again only when PostgreSQL rolled it back to
// settle a conflict with another writer.
func TestRolledBackIsTriedAgain(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"a serialization failure", &pgconn.PgError{Code: "40001"}, true},
		{"a deadlock", &pgconn.PgError{Code: "40P01"}, true},
		{"a deadlock, wrapped", fmt.Errorf("store: save 3 articles: %w", &pgconn.PgError{Code: "40P01"}), true},
		{"a unique violation", &pgconn.PgError{Code: "23505"}, false},
		{"a lost connection", &pgconn.PgError{Code: "08006"}, false},
		{"an error from elsewhere", errors.New("40 articles"), false},
	} {
		if got := rolledBack(tc.err); got != tc.want {
			t.Errorf("%s: rolledBack = %v, want %v", tc.name, got, tc.want)
		}
	}
}
