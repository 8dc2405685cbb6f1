package store_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
)

// A database that does not answer is tried again, with growing pauses,
// until the wait is over; each failed attempt is heard of and logged.
func TestOpenRetryingGivesUpAfterTheWait(t *testing.T) {
	cfg, err := store.ParseConfig("postgres://127.0.0.1:1/dateline?connect_timeout=1")
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	var delays []time.Duration
	start := time.Now()
	_, err = store.OpenRetrying(context.Background(), cfg, 2*time.Second, slog.New(slog.NewTextHandler(&log, nil)),
		func(attempt int, delay time.Duration) {
			if attempt != len(delays)+1 {
				t.Errorf("attempt %d after %d", attempt, len(delays))
			}
			delays = append(delays, delay)
		})
	if err == nil || !strings.Contains(err.Error(), "database unreachable after") {
		t.Fatalf("err = %v, want the database unreachable after some attempts", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %v with a wait of 2s", took)
	}
	if len(delays) < 2 || delays[0] != 250*time.Millisecond || delays[1] != 2*delays[0] {
		t.Errorf("pauses %v, want 250ms doubling", delays)
	}
	if n := strings.Count(log.String(), "database not ready, retrying"); n != len(delays) {
		t.Errorf("%d attempts logged, %d heard of:\n%s", n, len(delays), log.String())
	}
	if strings.Count(strings.TrimSpace(log.String()), "\n")+1 != len(delays) {
		t.Errorf("an attempt takes more than one log line:\n%s", log.String())
	}
}

// Stopping (SIGTERM) while waiting for the database ends the wait.
func TestOpenRetryingStopsWithItsContext(t *testing.T) {
	cfg, err := store.ParseConfig("postgres://127.0.0.1:1/dateline?connect_timeout=1")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	start := time.Now()
	_, err = store.OpenRetrying(ctx, cfg, time.Minute, slog.New(slog.DiscardHandler), func(int, time.Duration) { cancel() })
	if err == nil || time.Since(start) > 5*time.Second {
		t.Errorf("err %v after %v, want an error at once", err, time.Since(start))
	}
}
