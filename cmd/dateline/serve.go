package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/views"
)

func serve(ctx context.Context, args []string, e env) error {
	fs := newFlags("serve", "serve [--addr HOST:PORT] [--database-url URL]", e)
	addr := fs.String("addr", envDefault(e, "DATELINE_ADDR", "127.0.0.1:8080"), "address to listen on (env DATELINE_ADDR)")
	dbURL := fs.String("database-url", e.getenv("DATABASE_URL"), "PostgreSQL connection string or URL (env DATABASE_URL)")
	wait := fs.Duration("db-wait", 30*time.Second, "how long to keep trying to reach the database at start")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))

	st, err := openStore(ctx, *dbURL, *wait, log)
	if err != nil {
		return err
	}
	defer st.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	srv := &http.Server{
		Handler:           views.NewServer(st, log),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("listening", "url", "http://"+ln.Addr().String())

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Let requests in flight finish, but not forever.
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// openStore opens the store, retrying with backoff while the database is
// unreachable (it may still be starting), for at most wait.
func openStore(ctx context.Context, url string, wait time.Duration, log *slog.Logger) (*store.Store, error) {
	cfg, err := store.ParseConfig(url)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	deadline := time.Now().Add(wait)
	delay := 250 * time.Millisecond
	for attempt := 1; ; attempt++ {
		st, err := store.Open(ctx, cfg)
		if err == nil {
			return st, nil
		}
		if time.Now().Add(delay).After(deadline) || ctx.Err() != nil {
			return nil, err
		}
		log.Warn("database not ready, retrying", "attempt", attempt, "in", delay, "err", err)
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		delay = min(2*delay, 5*time.Second)
	}
}
