package store

import (
	"context"
	"fmt"

	"github.com/dateline/dateline/migrations"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/tern/v2/migrate"
)

// versionTable records the applied migration number.
const versionTable = "public.dateline_schema_version"

// Migrate brings the database to the newest schema, creating the database if
// needed. tern holds a PostgreSQL advisory lock while it works, so processes
// starting together apply each migration once and wait for one another;
// an up-to-date database is left untouched.
func Migrate(ctx context.Context, cfg *pgx.ConnConfig) (err error) {
	defer wrap(&err, "migrate")
	conn, err := connect(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	m, err := migrate.NewMigrator(ctx, conn, versionTable)
	if err != nil {
		return err
	}
	if err := m.LoadMigrations(migrations.FS); err != nil {
		return fmt.Errorf("load migrations: %w", err)
	}
	return m.Migrate(ctx)
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
