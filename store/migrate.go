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
