// Package storetest gives each test its own real PostgreSQL database,
// cloned from a migrated template so that a test starts from the current
// schema in milliseconds.
//
// The server comes from DATELINE_TEST_DATABASE_URL (libpq conventions;
// default: PG* variables, else 127.0.0.1:5432 as user postgres). When no
// server answers, tests skip, unless DATELINE_TEST_DATABASE_REQUIRED=1
// (set by CI), which makes them fail.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// lockKey serialises template creation across test processes.
const lockKey = 7_201_493_118

// maxTemplates is how many templates of other schemas may stay on the
// server before they are cleared away.
const maxTemplates = 8

var (
	once     sync.Once
	template string
	baseCfg  *pgx.ConnConfig
	setupErr error
)

// Config returns the connection settings of a new migrated database that
// is dropped when the test ends.
func Config(t testing.TB) *pgxpool.Config {
	t.Helper()
	return create(t, true)
}

// EmptyConfig is Config for a database without any schema, for tests of
// the migrations themselves.
func EmptyConfig(t testing.TB) *pgxpool.Config {
	t.Helper()
	return create(t, false)
}

// create makes a database, a copy of the migrated template when
// migrated is set. The template's name is known only after setup, so it
// is read here, not by the callers.
func create(t testing.TB, migrated bool) *pgxpool.Config {
	t.Helper()
	serverConfig(t)
	name := "dateline_test_" + randomHex(6)
	sql := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize()
	if migrated {
		sql += " TEMPLATE " + pgx.Identifier{template}.Sanitize()
	}
	ctx := context.Background()
	admin, err := pgx.ConnectConfig(ctx, baseCfg)
	if err != nil {
		t.Fatalf("storetest: connect: %v", err)
	}
	defer admin.Close(ctx)
	_, err = admin.Exec(ctx, sql)
	if err != nil && migrated && pgCode(err) == "3D000" {
		// Tests of another branch, with other migrations, share the
		// server and may have dropped our template: build it again.
		if err := ensureTemplate(ctx); err != nil {
			t.Fatalf("storetest: rebuild template: %v", err)
		}
		_, err = admin.Exec(ctx, sql)
	}
	if err != nil {
		t.Fatalf("storetest: create %s: %v", name, err)
	}
	t.Cleanup(func() { drop(t, name) })
	cfg, err := pgxpool.ParseConfig("")
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig = baseCfg.Copy()
	cfg.ConnConfig.Database = name
	cfg.MaxConns = 8
	return cfg
}

// serverConfig returns the settings of the server's maintenance database,
// skipping (or failing, where required) the test when there is no server.
func serverConfig(t testing.TB) *pgx.ConnConfig {
	t.Helper()
	once.Do(setup)
	if setupErr != nil {
		if os.Getenv("DATELINE_TEST_DATABASE_REQUIRED") == "1" {
			t.Fatalf("PostgreSQL is required (DATELINE_TEST_DATABASE_REQUIRED=1): %v", setupErr)
		}
		t.Skipf("no PostgreSQL for tests (set DATELINE_TEST_DATABASE_URL, or run make test): %v", setupErr)
	}
	return baseCfg
}

// New returns a store on a fresh database, closed when the test ends.
func New(t testing.TB) *store.Store {
	t.Helper()
	_, s := Open(t)
	return s
}

// Open is New for tests that also reach the database beside the store:
// it returns the database's settings too.
func Open(t testing.TB) (*pgxpool.Config, *store.Store) {
	t.Helper()
	cfg := Config(t)
	s, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("storetest: open: %v", err)
	}
	t.Cleanup(s.Close)
	return cfg, s
}

// URL returns a connection URL for a fresh migrated database, for tests
// that start Dateline as a user would.
func URL(t testing.TB) string {
	t.Helper()
	return connURL(Config(t).ConnConfig)
}

// EmptyURL is URL for a database without any schema.
func EmptyURL(t testing.TB) string {
	t.Helper()
	return connURL(EmptyConfig(t).ConnConfig)
}

func connURL(c *pgx.ConnConfig) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.UserPassword(c.User, c.Password),
		Host:     net.JoinHostPort(c.Host, strconv.Itoa(int(c.Port))),
		Path:     "/" + c.Database,
		RawQuery: "sslmode=disable",
	}
	if c.Password == "" {
		u.User = url.User(c.User)
	}
	if strings.HasPrefix(c.Host, "/") { // a Unix socket directory
		u.Host, u.RawQuery = "", "host="+url.QueryEscape(c.Host)+"&port="+strconv.Itoa(int(c.Port))
	}
	return u.String()
}

// Drop removes a database a test created by other means; it is not an
// error if it does not exist.
func Drop(t testing.TB, name string) {
	t.Helper()
	drop(t, name)
}

func drop(t testing.TB, name string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := pgx.ConnectConfig(ctx, baseCfg)
	if err != nil {
		t.Errorf("storetest: drop %s: %v", name, err)
		return
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		t.Errorf("storetest: drop %s: %v", name, err)
	}
}

// setup finds the server and makes sure the template for the current
// migrations exists. The template's name carries a hash of the migration
// files, so a changed schema gets a new template and old ones are dropped.
func setup() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dsn := os.Getenv("DATELINE_TEST_DATABASE_URL")
	if dsn == "" && os.Getenv("PGHOST") == "" {
		dsn = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable&connect_timeout=5"
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		setupErr = err
		return
	}
	if cfg.Database == "" {
		cfg.Database = "postgres"
	}
	baseCfg = cfg
	template = "dateline_tpl_" + store.SchemaHash()
	setupErr = ensureTemplate(ctx)
}

func ensureTemplate(ctx context.Context) error {
	admin, err := pgx.ConnectConfig(ctx, baseCfg)
	if err != nil {
		return err
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "SELECT pg_advisory_lock($1)", lockKey); err != nil {
		return err
	}
	defer admin.Exec(ctx, "SELECT pg_advisory_unlock($1)", lockKey)

	var exists bool
	if err := admin.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", template).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	// Other templates may be older schemas, or the current schemas of
	// other branches whose tests share this server; they are dropped
	// only when they pile up (a test that loses its template builds it
	// again, see create).
	rows, err := admin.Query(ctx, `SELECT datname FROM pg_database WHERE datname LIKE 'dateline\_tpl\_%'`)
	if err != nil {
		return err
	}
	others, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	if len(others) > maxTemplates {
		for _, name := range others {
			admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
		}
	}
	building := template + "_building"
	admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{building}.Sanitize()+" WITH (FORCE)")
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{building}.Sanitize()); err != nil {
		return err
	}
	cfg := baseCfg.Copy()
	cfg.Database = building
	if err := store.Migrate(ctx, cfg); err != nil {
		return err
	}
	// Renamed only once complete, so a crash never leaves a half-built
	// template under the real name.
	_, err = admin.Exec(ctx, fmt.Sprintf("ALTER DATABASE %s RENAME TO %s",
		pgx.Identifier{building}.Sanitize(), pgx.Identifier{template}.Sanitize()))
	return err
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func pgCode(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code
	}
	return ""
}
