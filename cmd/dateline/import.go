package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
)

func importCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("import", "import [--all-or-nothing | --skip-bad-rows] [--default-kind KIND] [--format json|csv] FILE.json|FILE.csv|-", e)
	allOrNothing := fs.Bool("all-or-nothing", false, "import nothing if any row is bad (the default)")
	skipBad := fs.Bool("skip-bad-rows", false, "import the good rows and report the bad ones")
	defaultKind := fs.String("default-kind", "", "kind of TimelineJS rows whose Group names no kind: "+kindNames())
	format := fs.String("format", "", "json (a Dateline export) or csv (a TimelineJS spreadsheet); default: from the file's extension")
	dbURL := databaseFlag(fs, e)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(files) != 1:
		return usageError{"import: give exactly one file (or - for standard input)"}
	case *allOrNothing && *skipBad:
		return usageError{"import: choose --all-or-nothing or --skip-bad-rows, not both"}
	}
	name := files[0]
	if *format == "" {
		*format = strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
	}
	if *format != "json" && *format != "csv" {
		return usageError{fmt.Sprintf("import: cannot tell the format of %q: name it .json or .csv, or use --format", name)}
	}
	opts := export.TimelineJSOptions{}
	if *defaultKind != "" {
		k, err := timeline.ParseKind(*defaultKind)
		if err != nil {
			return usageError{fmt.Sprintf("import: --default-kind %q: not a kind (%s)", *defaultKind, kindNames())}
		}
		opts.DefaultKind = k
	}
	cfg, err := databaseConfig(*dbURL)
	if err != nil {
		return err
	}

	var in io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		in = f
	}
	var (
		imp export.Import
		bad []export.RowError
	)
	if *format == "json" {
		imp, bad, err = export.ReadJSON(in)
	} else {
		imp, bad, err = export.ReadTimelineJSCSV(in, opts)
	}
	if err != nil {
		return fmt.Errorf("import %s: %w", name, err)
	}
	for _, b := range bad {
		fmt.Fprintf(e.stderr, "dateline: %s: %s\n", name, oneLine(b.Error()))
	}
	if len(bad) > 0 && !*skipBad {
		return fmt.Errorf("import %s: %d bad rows (listed above); nothing was imported. Fix them, or use --skip-bad-rows to import the %d good events",
			name, len(bad), len(imp.Events))
	}

	st, err := store.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	// Progress per batch of events: the import is one transaction, so what
	// it shows is written, not yet committed.
	bar := newProgress(e.stderr, "import", "events written", len(imp.Events))
	sum, err := st.ImportProgress(ctx, imp.Articles, imp.Events, func(s store.ImportSummary) {
		bar.show(s.Events, "")
	})
	bar.done()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported %d events and %d articles", sum.Events, sum.Articles)
	if sum.KnownArticles > 0 {
		fmt.Fprintf(e.stdout, " (%d articles were already stored)", sum.KnownArticles)
	}
	if len(bad) > 0 {
		fmt.Fprintf(e.stdout, "; skipped %d bad rows", len(bad))
	}
	if imp.Skipped > 0 {
		fmt.Fprintf(e.stdout, "; passed over %d rows that are not events (title slide, eras)", imp.Skipped)
	}
	fmt.Fprintln(e.stdout)
	return nil
}

// parseInterspersed parses flags before and after positional arguments
// ("import FILE --skip-bad-rows" as well as "import --skip-bad-rows FILE"),
// which the flag package alone stops at, and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := parse(fs, args, true); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
