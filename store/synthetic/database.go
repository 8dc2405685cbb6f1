package synthetic

import (
	"context"
	"fmt"

	"github.com/dateline/dateline/store"
	"github.com/jackc/pgx/v5"
)

// version changes whenever Load writes different data, so that kept
// databases of an older loader are not mistaken for the current one.
const version = "1"

// lockKey serialises building kept databases across processes.
const lockKey = 7_201_493_119

// Database returns the connection settings of a database on server that
// holds n synthetic events, building it the first time and keeping it:
// loading a million events takes minutes, and every benchmark run after
// the first reuses them. Its name carries n, the schema and the loader's
// version; kept databases of the same n with another schema or loader
// are dropped. Whoever uses it must only read it.
func Database(ctx context.Context, server *pgx.ConnConfig, n int) (*pgx.ConnConfig, Info, error) {
	name := fmt.Sprintf("dateline_bench_%d_%s_%s", n, store.SchemaHash(), version)
	cfg := server.Copy()
	cfg.Database = name
	if err := ensure(ctx, server, name, n); err != nil {
		return nil, Info{}, fmt.Errorf("benchmark database of %d events: %w", n, err)
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, Info{}, err
	}
	defer conn.Close(ctx)
	info, err := Describe(ctx, conn)
	return cfg, info, err
}

func ensure(ctx context.Context, server *pgx.ConnConfig, name string, n int) error {
	admin, err := pgx.ConnectConfig(ctx, server)
	if err != nil {
		return err
	}
	defer admin.Close(context.WithoutCancel(ctx))
	if _, err := admin.Exec(ctx, "SELECT pg_advisory_lock($1)", lockKey); err != nil {
		return err
	}
	defer admin.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", lockKey)

	var exists bool
	if err := admin.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	// kept databases of this size for another schema or loader
	if _, err := dropLike(ctx, admin, fmt.Sprintf(`dateline\_bench\_%d\_%%`, n)); err != nil {
		return err
	}
	// Built under another name and renamed once complete, so that an
	// interrupted load never passes for a finished one.
	building := name + "_building"
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{building}.Sanitize()); err != nil {
		return err
	}
	cfg := server.Copy()
	cfg.Database = building
	if err := store.Migrate(ctx, cfg); err != nil {
		return err
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	_, err = Load(ctx, conn, n)
	conn.Close(context.WithoutCancel(ctx))
	if err != nil {
		return err
	}
	_, err = admin.Exec(ctx, fmt.Sprintf("ALTER DATABASE %s RENAME TO %s",
		pgx.Identifier{building}.Sanitize(), pgx.Identifier{name}.Sanitize()))
	return err
}

// Drop removes every kept benchmark database from server and returns
// their names.
func Drop(ctx context.Context, server *pgx.ConnConfig) ([]string, error) {
	admin, err := pgx.ConnectConfig(ctx, server)
	if err != nil {
		return nil, err
	}
	defer admin.Close(ctx)
	return dropLike(ctx, admin, `dateline\_bench\_%`)
}

// dropLike drops the databases whose names match the LIKE pattern and
// returns their names.
func dropLike(ctx context.Context, admin *pgx.Conn, pattern string) ([]string, error) {
	rows, err := admin.Query(ctx, `SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY 1`, pattern)
	if err != nil {
		return nil, err
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			return nil, fmt.Errorf("drop %s: %w", name, err)
		}
	}
	return names, nil
}
