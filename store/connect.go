package store

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Pauses between attempts to reach the database: doubling from the first,
// up to the longest.
const (
	firstRetryDelay   = 250 * time.Millisecond
	longestRetryDelay = 5 * time.Second
)

// OpenRetrying opens the store as Open does, retrying with backoff while
// it fails (the database may still be starting, as when a whole system
// comes up at once), for at most wait. retrying, if not nil, hears of each
// failed attempt and the pause before the next, so that a server can say
// why it is not ready yet.
func OpenRetrying(ctx context.Context, cfg *pgxpool.Config, wait time.Duration, log *slog.Logger, retrying func(attempt int, delay time.Duration)) (*Store, error) {
	deadline := time.Now().Add(wait)
	delay := firstRetryDelay
	for attempt := 1; ; attempt++ {
		st, err := Open(ctx, cfg)
		if err == nil {
			if attempt > 1 {
				log.Info("database ready", "attempts", attempt)
			}
			return st, nil
		}
		if time.Now().Add(delay).After(deadline) || ctx.Err() != nil {
			return nil, fmt.Errorf("database unreachable after %d attempts: %w", attempt, err)
		}
		if retrying != nil {
			retrying(attempt, delay)
		}
		// pgx reports each address it tried on its own line: one log
		// line per attempt reads better.
		log.Warn("database not ready, retrying", "attempt", attempt, "in", delay, "err", strings.Join(strings.Fields(err.Error()), " "))
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		delay = min(2*delay, longestRetryDelay)
	}
}
