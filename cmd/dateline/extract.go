package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
)

// readInput reads FILE or, for "-", standard input, up to limit bytes.
func readInput(name string, e env, limit int) (string, error) {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	return string(b), nil
}

// publishedFlag parses --published: a date in any form a person types.
func publishedFlag(s string) (timeline.Date, error) {
	if s == "" {
		return timeline.Date{}, nil
	}
	d, err := timeline.ParseDate(s)
	if err != nil || d.Precision() != timeline.PrecisionDay {
		return timeline.Date{}, usageError{fmt.Sprintf("--published %q: give the day as YYYY-MM-DD", s)}
	}
	return d, nil
}

// extractJSON is the fixed contract of "dateline extract --json".
type extractJSON struct {
	Published       string      `json:"published"`
	PublishedSource string      `json:"published_source"`
	Events          []eventJSON `json:"events"`
	Notes           []string    `json:"notes,omitempty"`
	Title           string      `json:"title,omitempty"`
}

type eventJSON struct {
	Date       string   `json:"date"`
	Precision  string   `json:"precision"`
	Kind       string   `json:"kind"`
	Actors     []string `json:"actors"`
	Title      string   `json:"title"`
	Quote      string   `json:"quote"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Confidence float64  `json:"confidence"`
	Status     string   `json:"status"`
}

func extractCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("extract", "extract [--published YYYY-MM-DD] [--json | --explain] FILE|-", e)
	published := fs.String("published", "", "publication date, overriding the one found in the article")
	asJSON := fs.Bool("json", false, "print JSON (the contract other tools read) instead of a table")
	explain := fs.Bool("explain", false, "print what each stage of extraction read in every sentence")
	if err := parse(fs, args, true); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"extract: give one FILE, or - for standard input"}
	}
	pub, err := publishedFlag(*published)
	if err != nil {
		return err
	}
	var res extract.Result
	err = untilInterrupted(ctx, "extract", func() error {
		input, err := readInput(fs.Arg(0), e, timeline.MaxArticleBytes)
		if err != nil {
			return err
		}
		if *explain {
			err = extract.Explain(ctx, input, extract.Options{Published: pub}, e.stdout)
		} else {
			res, err = extract.Article(ctx, input, extract.Options{Published: pub})
		}
		if err != nil {
			return fmt.Errorf("%s: %w", fs.Arg(0), err)
		}
		return nil
	})
	if err != nil || *explain {
		return err
	}
	if *asJSON {
		return writeExtractJSON(e.stdout, res)
	}
	writeExtractTable(e.stdout, res)
	return nil
}

func writeExtractJSON(w io.Writer, res extract.Result) error {
	out := extractJSON{
		Published: res.Published.Value(), PublishedSource: res.PublishedSource,
		Events: []eventJSON{}, Notes: res.Notes, Title: res.Title,
	}
	for _, ev := range res.Events {
		m := ev.Mentions[0]
		out.Events = append(out.Events, eventJSON{
			Date: ev.Date.Value(), Precision: ev.Date.Precision().String(), Kind: string(ev.Kind),
			Actors: ev.ActorNames(), Title: ev.Title, Quote: m.Quote, Start: m.Start, End: m.End,
			Confidence: ev.Confidence, Status: string(ev.Status),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeExtractTable(w io.Writer, res extract.Result) {
	if res.Published.IsZero() {
		fmt.Fprintln(w, "Published: not found")
	} else {
		from := map[string]string{
			extract.SourceGiven: "as given", extract.SourceMetadata: "from the page's metadata",
			extract.SourceDateline: "from the date line", extract.SourceUpdated: "from the update time; no publication date was shown",
		}[res.PublishedSource]
		fmt.Fprintf(w, "Published: %s (%s)\n", res.Published, from)
	}
	for _, n := range res.Notes {
		fmt.Fprintln(w, "Note:", n)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tKIND\tTITLE\tACTORS\tCONFIDENCE\tSTATUS")
	for _, ev := range res.Events {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.2f\t%s\n", ev.Date, ev.Kind, ev.Title,
			strings.Join(ev.ActorNames(), ", "), ev.Confidence, ev.Status)
	}
	tw.Flush()
	if len(res.Events) == 0 {
		fmt.Fprintln(w, "No dated events found.")
	}
}
