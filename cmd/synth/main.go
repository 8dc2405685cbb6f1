// Command synth writes the deterministic synthetic data sets that the
// benchmarks use, so that anyone can rebuild them:
//
//	synth articles [-n 10000] [-seed 42] DIR
//	    writes n news-like articles as DIR/00000.txt ..., ready for
//	    "dateline ingest DIR"
//	synth events [-n 1000000] [--database-url URL]
//	    loads n made-up events into an empty Dateline database (migrated
//	    first); without a URL, into the kept benchmark database of n
//	    events on the local server, whose URL it prints
//	synth drop [--database-url URL]
//	    drops the kept benchmark databases from the server
//
// The same n and seed always give the same data.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/synthetic"
	articles "github.com/dateline/dateline/timeline/extract/synthetic"
	"github.com/jackc/pgx/v5"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:])
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "synth: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New("give a command: articles, events or drop (see go doc ./cmd/synth)")
	}
	fs := flag.NewFlagSet(args[0], flag.ExitOnError)
	n := fs.Int("n", 0, "how many articles or events (default 10,000 articles, 1,000,000 events)")
	seed := fs.Uint64("seed", 42, "articles: the corpus's seed")
	dbURL := fs.String("database-url", os.Getenv("DATABASE_URL"), "events, drop: PostgreSQL connection string or URL (env DATABASE_URL)")
	fs.Parse(args[1:])
	switch args[0] {
	case "articles":
		if fs.NArg() != 1 {
			return errors.New("articles: give the directory to write to")
		}
		return writeArticles(fs.Arg(0), orDefault(*n, 10_000), *seed)
	case "events":
		return loadEvents(ctx, *dbURL, orDefault(*n, 1_000_000))
	case "drop":
		cfg, err := store.ParseConfig(*dbURL)
		if err != nil {
			return err
		}
		names, err := synthetic.Drop(ctx, cfg.ConnConfig)
		for _, name := range names {
			fmt.Println("dropped", name)
		}
		return err
	}
	return fmt.Errorf("unknown command %q: articles, events or drop", args[0])
}

func orDefault(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}

func writeArticles(dir string, n int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var size int
	for i := range n {
		text, _ := articles.Article(seed, i)
		size += len(text)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(text), 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d articles (%.1f MiB) to %s\n", n, float64(size)/(1<<20), dir)
	return nil
}

func loadEvents(ctx context.Context, dbURL string, n int) error {
	cfg, err := store.ParseConfig(dbURL)
	if err != nil {
		return err
	}
	start := time.Now()
	var info synthetic.Info
	conn := cfg.ConnConfig
	if dbURL == "" {
		// the kept benchmark database, beside the default one
		server := cfg.ConnConfig.Copy()
		server.Database = "postgres"
		conn, info, err = synthetic.Database(ctx, server, n)
	} else {
		if err = store.Migrate(ctx, conn); err != nil {
			return err
		}
		var c *pgx.Conn
		if c, err = pgx.ConnectConfig(ctx, conn); err != nil {
			return err
		}
		info, err = synthetic.Load(ctx, c, n)
		c.Close(context.WithoutCancel(ctx))
	}
	if err != nil {
		return err
	}
	u := url.URL{Scheme: "postgres", User: url.User(conn.User), Host: fmt.Sprintf("%s:%d", conn.Host, conn.Port),
		Path: "/" + conn.Database, RawQuery: "sslmode=disable"}
	fmt.Printf("%d events from %s to %s in %s, in %s\n", info.Events, info.First.Format("2006-01-02"),
		info.Last.Format("2006-01-02"), u.String(), time.Since(start).Round(time.Second))
	return nil
}
