package store

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/dateline/dateline/migrations"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/tern/v2/migrate"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
)

// versionTable records the applied migration number.
const versionTable = "public.dateline_schema_version"

// migrateLock is the advisory lock held while both sets of migrations
// run: ours (tern) and River's, which keeps its own versions in
// river_migration and takes no lock of its own.
const migrateLock = 7_201_493_120

// Migrate brings the database to the newest schema, creating the database if
// needed: our migrations (migrations/, with tern), then River's (the job
// queue's tables, with rivermigrate), and what a migration needs the
// code for (aliases of actors stored before migration 0008, whose keys
// the code computes). All run under one PostgreSQL
// advisory lock, so processes starting together apply each migration once
// and wait for one another; an up-to-date database is left untouched.
func Migrate(ctx context.Context, cfg *pgx.ConnConfig) (err error) {
	defer wrap(&err, "migrate")
	conn, err := connect(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrateLock); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrateLock)

	m, err := migrate.NewMigrator(ctx, conn, versionTable)
	if err != nil {
		return err
	}
	if err := m.LoadMigrations(migrations.FS); err != nil {
		return fmt.Errorf("load migrations: %w", err)
	}
	if err := m.Migrate(ctx); err != nil {
		return err
	}
	if err := backfillAliases(ctx, conn); err != nil {
		return err
	}
	return migrateRiver(ctx, cfg)
}

// migrateRiver applies River's migrations through a pool of one
// connection (River's migrator takes a pool).
func migrateRiver(ctx context.Context, cfg *pgx.ConnConfig) error {
	pcfg, err := pgxpool.ParseConfig("")
	if err != nil {
		return err
	}
	pcfg.ConnConfig = cfg.Copy()
	pcfg.MaxConns = 1
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		return err
	}
	defer pool.Close()
	migrator, err := rivermigrate.New(riverpgxv5.New(pool), &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("river: %w", err)
	}
	return nil
}

// riverVersion is the newest of River's migrations this build applies.
func riverVersion() int {
	migrator, err := rivermigrate.New(riverpgxv5.New(nil), &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		panic(err) // River's migrations are compiled in: they can always be listed
	}
	all := migrator.AllVersions()
	return all[len(all)-1].Version
}

// SchemaHash names the schema Migrate makes: it changes when any of our
// migration files does, or when River brings new migrations. Databases
// built once and kept (test templates, benchmark data) carry it in their
// names, so that a new schema never meets an old database.
func SchemaHash() string {
	return migrations.Hash() + "r" + strconv.Itoa(riverVersion())
}

// SchemaVersion returns the number of the newest applied migration.
func (s *Store) SchemaVersion(ctx context.Context) (v int32, err error) {
	defer wrap(&err, "schema version")
	err = s.pool.QueryRow(ctx, "SELECT version FROM "+versionTable).Scan(&v)
	return v, err
}

// Health checks that the database answers and holds the schema this code
// needs. A database dropped and created again empty answers a ping but
// holds no timeline; one migrated by older code lacks what queries need.
func (s *Store) Health(ctx context.Context) (err error) {
	defer wrap(&err, "health")
	var v int32
	err = s.pool.QueryRow(ctx, "SELECT version FROM "+versionTable).Scan(&v)
	switch {
	case pgCode(err) == "42P01": // undefined_table
		return fmt.Errorf("the database has no Dateline schema (was it emptied?); restart to migrate it")
	case err != nil:
		return err
	case v < migrations.Latest():
		return fmt.Errorf("the database schema is version %d, this Dateline needs %d; run dateline migrate", v, migrations.Latest())
	}
	return nil
}
