package store_test

import (
	"context"
	"io/fs"
	"regexp"
	"strconv"
	"sync"
	"testing"

	"github.com/dateline/dateline/migrations"
	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/jackc/pgx/v5"
)

// TestMigrationFilesAreNumberedInSequence guards against two branches
// adding the same migration number, or a gap that would stop tern.
func TestMigrationFilesAreNumberedInSequence(t *testing.T) {
	entries, err := fs.ReadDir(migrations.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile(`^(\d{4})_[a-z0-9_]+\.sql$`)
	want := 1
	for _, e := range entries {
		m := name.FindStringSubmatch(e.Name())
		if m == nil {
			t.Errorf("%s: migration files are named NNNN_words.sql", e.Name())
			continue
		}
		if n, _ := strconv.Atoi(m[1]); n != want {
			t.Errorf("%s: expected number %04d next", e.Name(), want)
		}
		want++
	}
	if want == 1 {
		t.Fatal("no migrations embedded")
	}
}

func latestMigration(t *testing.T) int32 {
	entries, err := fs.ReadDir(migrations.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	if n := int32(len(entries)); migrations.Latest() != n {
		t.Fatalf("migrations.Latest() = %d, want %d, the number of the files numbered in sequence", migrations.Latest(), n)
	}
	return int32(len(entries))
}

func TestHealthNeedsTheSchemaThisCodeMigratesTo(t *testing.T) {
	ctx := context.Background()
	cfg := storetest.Config(t)
	s, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tests := []struct {
		name, sql, says string
	}{
		{"migrated", "", ""},
		{"migrated by older code", "UPDATE dateline_schema_version SET version = 1", "version 1"},
		{"emptied", "DROP SCHEMA public CASCADE; CREATE SCHEMA public", "no Dateline schema"},
	}
	for _, tt := range tests {
		if tt.sql != "" {
			exec(t, cfg, tt.sql)
		}
		err := s.Health(ctx)
		if (tt.says == "") != (err == nil) || (err != nil && !regexp.MustCompile(tt.says).MatchString(err.Error())) {
			t.Errorf("%s: Health() = %v, want %q", tt.name, err, tt.says)
		}
	}
}

func TestMigrateTwiceIsANoOp(t *testing.T) {
	ctx := context.Background()
	cfg := storetest.EmptyConfig(t)
	for i := range 2 {
		if err := store.Migrate(ctx, cfg.ConnConfig); err != nil {
			t.Fatalf("run %d: %v", i+1, err)
		}
	}
	s, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v != latestMigration(t) {
		t.Errorf("schema version = %d, %v; want %d", v, err, latestMigration(t))
	}
}

func TestMigrateFromManyProcessesAtOnce(t *testing.T) {
	ctx := context.Background()
	cfg := storetest.EmptyConfig(t)
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for i := range errs {
		wg.Go(func() { errs[i] = store.Migrate(ctx, cfg.ConnConfig) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("migrator %d: %v", i, err)
		}
	}
	s, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v != latestMigration(t) {
		t.Errorf("schema version = %d, %v; want %d", v, err, latestMigration(t))
	}
	// River's migrations ran too, each once.
	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var versions, distinct int
	err = conn.QueryRow(ctx, `SELECT count(*), count(DISTINCT version) FROM river_migration`).Scan(&versions, &distinct)
	if err != nil || versions == 0 || versions != distinct {
		t.Errorf("River's migrations: %d applied, %d distinct, %v", versions, distinct, err)
	}
	if _, err := conn.Exec(ctx, `SELECT id, state, args FROM river_job LIMIT 1`); err != nil {
		t.Errorf("no job table: %v", err)
	}
}

func TestOpenCreatesAMissingDatabase(t *testing.T) {
	ctx := context.Background()
	cfg := storetest.EmptyConfig(t)
	cfg.ConnConfig.Database += "_new" // does not exist yet
	t.Cleanup(func() { storetest.Drop(t, cfg.ConnConfig.Database) })
	s, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("Open on a missing database: %v", err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v != latestMigration(t) {
		t.Errorf("schema version = %d, %v; want %d", v, err, latestMigration(t))
	}
}
