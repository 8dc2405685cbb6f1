package main

import (
	"context"
	"fmt"

	"github.com/dateline/dateline/store"
)

func migrateCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("migrate", "migrate [--database-url URL]", e)
	dbURL := databaseFlag(fs, e)
	if err := parse(fs, args, false); err != nil {
		return err
	}
	cfg, err := databaseConfig(*dbURL)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	v, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "database %q is at schema version %d\n", cfg.ConnConfig.Database, v)
	return nil
}
