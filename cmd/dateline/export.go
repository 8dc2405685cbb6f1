package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
)

// listFlag is a flag that may be given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// filterFlags are the timeline page's filters as flags.
type filterFlags struct {
	text, from, to string
	kinds, actors  listFlag
}

func addFilterFlags(fs *flag.FlagSet) *filterFlags {
	f := &filterFlags{}
	fs.StringVar(&f.text, "q", "", "only events whose title or summary match this search")
	fs.Var(&f.kinds, "kind", "only events of this kind (repeatable): "+kindNames())
	fs.Var(&f.actors, "actor", "only events with this actor (repeatable)")
	fs.StringVar(&f.from, "from", "", "only events from this date on (2025, 2025-06, 2025-06-21)")
	fs.StringVar(&f.to, "to", "", "only events up to the end of this date")
	return f
}

func (ff *filterFlags) filter() (timeline.Filter, error) {
	f := timeline.Filter{Text: ff.text, Actors: ff.actors}
	for _, k := range ff.kinds {
		kind, err := timeline.ParseKind(k)
		if err != nil {
			return f, usageError{fmt.Sprintf("export: --kind %q: not a kind (%s)", k, kindNames())}
		}
		f.Kinds = append(f.Kinds, kind)
	}
	for _, d := range []struct {
		name, value string
		dst         *timeline.Date
	}{{"from", ff.from, &f.From}, {"to", ff.to, &f.To}} {
		if d.value == "" {
			continue
		}
		date, err := timeline.ParseDate(d.value)
		if err != nil {
			return f, usageError{fmt.Sprintf("export: --%s %q: not a date like 2025, 2025-06 or 2025-06-21", d.name, d.value)}
		}
		*d.dst = date
	}
	if err := f.Validate(); err != nil {
		return f, usageError{"export: " + err.Error()}
	}
	return f, nil
}

func kindNames() string {
	names := make([]string, len(timeline.Kinds))
	for i, k := range timeline.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

func exportCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("export", "export --format ics|json|csv|timelinejs [--q TEXT] [--kind KIND]... [--actor NAME]... [--from DATE] [--to DATE]", e)
	format := fs.String("format", "", "output format: "+strings.Join(export.FormatNames(), ", "))
	ff := addFilterFlags(fs)
	dbURL := databaseFlag(fs, e)
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if _, ok := export.LookupFormat(*format); !ok {
		return usageError{fmt.Sprintf("export: --format must be one of %s", strings.Join(export.FormatNames(), ", "))}
	}
	f, err := ff.filter()
	if err != nil {
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

	w, err := export.NewWriter(*format, e.stdout, export.OptionsFor(f))
	if err != nil {
		return err
	}
	var article func(timeline.Article) error
	if aw, ok := w.(export.ArticleWriter); ok {
		article = aw.WriteArticle
	}
	if err := st.Export(ctx, f, article, w.WriteEvent); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if ical, ok := w.(*export.ICal); ok && ical.Skipped() > 0 {
		fmt.Fprintf(e.stderr, "dateline: %d events could not be expressed in a calendar (calendars hold the years 1 to 9999) and were left out\n", ical.Skipped())
	}
	return nil
}
