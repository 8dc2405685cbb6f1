package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
)

// ingestCmd extracts and stores articles: each file is one article saved
// with its events in one transaction; an article stored before is skipped.
func ingestCmd(ctx context.Context, args []string, e env) error {
	flags := newFlags("ingest", "ingest [--published YYYY-MM-DD] [--database-url URL] DIR|FILE...", e)
	published := flags.String("published", "", "publication date for every article, overriding what is found")
	dbURL := flags.String("database-url", e.getenv("DATABASE_URL"), "PostgreSQL connection string or URL (env DATABASE_URL)")
	if err := parse(flags, args, true); err != nil {
		return err
	}
	if flags.NArg() == 0 {
		return usageError{"ingest: give the files or directories to read"}
	}
	pub, err := publishedFlag(*published)
	if err != nil {
		return err
	}
	files, err := articleFiles(flags.Args())
	if err != nil {
		return err
	}
	cfg, err := store.ParseConfig(*dbURL)
	if err != nil {
		return usageError{err.Error()}
	}
	st, err := store.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()

	var saved, dups, events int
	var failures []string
	for _, path := range files {
		if ctx.Err() != nil {
			break
		}
		n, dup, err := ingestFile(ctx, st, path, pub)
		switch {
		case err != nil:
			failures = append(failures, fmt.Sprintf("%s: %v", path, err))
		case dup:
			dups++
		default:
			saved++
			events += n
		}
	}
	fmt.Fprintf(e.stdout, "%d articles saved with %d events; %d already stored; %d failed\n", saved, events, dups, len(failures))
	for _, f := range failures {
		fmt.Fprintln(e.stderr, "  "+f)
	}
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted: %w", ctx.Err())
	}
	if len(failures) > 0 {
		return fmt.Errorf("%d of %d files failed", len(failures), len(files))
	}
	return nil
}

func ingestFile(ctx context.Context, st *store.Store, path string, pub timeline.Date) (int, bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, false, err
	}
	res, err := extract.Article(string(data), extract.Options{Published: pub})
	if err != nil {
		return 0, false, err
	}
	a := timeline.Article{Title: truncate(res.Title, timeline.MaxTitleRunes), Published: res.Published,
		PublishedSource: res.PublishedSource, Body: string(data)}
	dup, err := st.SaveArticle(ctx, &a, res.Events)
	return len(res.Events), dup, err
}

// articleFiles expands directories into the .txt and .html files in them.
func articleFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".txt", ".html", ".htm":
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no .txt or .html files to ingest")
	}
	return out, nil
}

// truncate cuts s to at most n runes.
func truncate(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > n {
		return string(r[:n])
	}
	return string(r)
}
