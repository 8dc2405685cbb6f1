// Package store keeps articles and events in PostgreSQL through pgx/v5.
// It returns timeline types and timeline's sentinel errors: ErrNotFound for
// missing rows, ErrConflict for stale edits, *ValidationError for bad input.
package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"syscall"

	"github.com/dateline/dateline/timeline"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// DefaultDatabase is the database used when neither the URL nor PGDATABASE
// names one.
const DefaultDatabase = "dateline"

// DefaultMaxConns is the size of a store's pool of connections when the
// URL sets none (pool_max_conns). pgx's own default, max(4, CPUs), let
// four slow requests hold every connection of a small machine.
const DefaultMaxConns = 16

// Store is a pool of connections to a migrated Dateline database.
type Store struct {
	pool *pgxpool.Pool
}

// ParseConfig reads a libpq connection string or URL (DATABASE_URL); empty
// means the PG* environment variables and libpq defaults. When no database
// is named, it is DefaultDatabase.
func ParseConfig(url string) (*pgxpool.Config, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("store: bad database URL: %w", err)
	}
	if cfg.ConnConfig.Database == "" || (url == "" && os.Getenv("PGDATABASE") == "") {
		cfg.ConnConfig.Database = DefaultDatabase
	}
	if !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = DefaultMaxConns
	}
	return cfg, nil
}

// Open connects to the database described by cfg, creating the database if
// it does not exist, applies the migrations and returns the store.
func Open(ctx context.Context, cfg *pgxpool.Config) (*Store, error) {
	if err := Migrate(ctx, cfg.ConnConfig); err != nil {
		return nil, err
	}
	cfg = cfg.Copy()
	if _, set := cfg.ConnConfig.RuntimeParams["jit"]; !set {
		// The timeline's queries are short, but their estimated costs
		// (correlated subqueries per event) pass jit_above_cost, and
		// compiling them costs 100 to 400 ms: more than running them.
		cfg.ConnConfig.RuntimeParams["jit"] = "off"
	}
	if _, set := cfg.ConnConfig.RuntimeParams["plan_cache_mode"]; !set {
		// pgx prepares statements, and after five runs PostgreSQL may plan
		// one for any parameters: the timeline's best plans depend on them
		// (an actor of 36,000 events or of 5, a word in one event in twenty
		// or in ten), and planning costs a millisecond.
		cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	return &Store{pool: pool}, nil
}

// Close closes every connection.
func (s *Store) Close() { s.pool.Close() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// connect opens one connection, creating the database first if the server
// says it does not exist.
func connect(ctx context.Context, cfg *pgx.ConnConfig) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err == nil {
		return conn, nil
	}
	if pgCode(err) != "3D000" { // invalid_catalog_name
		return nil, err
	}
	if err := createDatabase(ctx, cfg); err != nil {
		return nil, err
	}
	return pgx.ConnectConfig(ctx, cfg)
}

// createDatabase creates cfg's database through the server's maintenance
// database. Another process creating it at the same moment is not an error.
func createDatabase(ctx context.Context, cfg *pgx.ConnConfig) error {
	admin := cfg.Copy()
	admin.Database = "postgres"
	conn, err := pgx.ConnectConfig(ctx, admin)
	if err != nil {
		return fmt.Errorf("database %q does not exist, and connecting to create it failed: %w", cfg.Database, err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{cfg.Database}.Sanitize())
	if err != nil && pgCode(err) != "42P04" { // duplicate_database
		return fmt.Errorf("create database %q: %w", cfg.Database, err)
	}
	return nil
}

func pgCode(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code
	}
	return ""
}

// wrap names the failed operation once, keeping the error's identity for
// errors.Is and errors.As. Use it deferred with a named result. A failure
// to reach the database also reads as timeline.ErrUnavailable.
func wrap(err *error, format string, args ...any) {
	if *err == nil {
		return
	}
	e := *err
	if unreachable(e) && !errors.Is(e, timeline.ErrUnavailable) {
		e = unavailableError{e}
	}
	*err = fmt.Errorf("store: "+format+": %w", append(args, e)...)
}

// unavailableError marks an error as timeline.ErrUnavailable without
// changing its text.
type unavailableError struct{ err error }

func (u unavailableError) Error() string        { return u.err.Error() }
func (u unavailableError) Unwrap() error        { return u.err }
func (u unavailableError) Is(target error) bool { return target == timeline.ErrUnavailable }

// unreachable reports whether err means the database could not be reached
// or went away: connecting failed, the connection broke, or the server is
// shutting down, starting up or refusing connections. Errors in what was
// asked (bad SQL, constraints) are not.
func unreachable(err error) bool {
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	switch {
	case errors.As(err, &connectErr), errors.As(err, &netErr),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		pgconn.Timeout(err), strings.Contains(err.Error(), "conn closed"):
		return true
	}
	code := pgCode(err)
	return strings.HasPrefix(code, "08") || // connection_exception
		code == "57P01" || code == "57P02" || code == "57P03" || // admin/crash shutdown, cannot connect now
		code == "53300" || // too_many_connections
		code == "55000" && strings.Contains(err.Error(), "not currently accepting connections")
}
