package storetest

import (
	"context"
	"testing"

	"github.com/dateline/dateline/store/synthetic"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// LoadSynthetic fills the empty database of cfg with n made-up events
// (see store/synthetic). The same n always gives the same data.
func LoadSynthetic(tb testing.TB, cfg *pgxpool.Config, n int) synthetic.Info {
	tb.Helper()
	ctx := context.Background()
	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		tb.Fatalf("storetest: connect: %v", err)
	}
	defer conn.Close(ctx)
	info, err := synthetic.Load(ctx, conn, n)
	if err != nil {
		tb.Fatalf("storetest: %v", err)
	}
	return info
}

// Synthetic returns a database of n made-up events that is kept on the
// server between runs (synthetic.Database), for benchmarks of large
// timelines. It must only be read.
func Synthetic(tb testing.TB, n int) (*pgxpool.Config, synthetic.Info) {
	tb.Helper()
	server := serverConfig(tb)
	conn, info, err := synthetic.Database(context.Background(), server, n)
	if err != nil {
		tb.Fatalf("storetest: %v", err)
	}
	cfg, err := pgxpool.ParseConfig("")
	if err != nil {
		tb.Fatal(err)
	}
	cfg.ConnConfig = conn
	cfg.MaxConns = 8
	return cfg, info
}
