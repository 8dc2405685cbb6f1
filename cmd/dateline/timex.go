package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/timex"
)

// timexJSON is the fixed contract of "dateline timex --json".
type timexJSON struct {
	DCT     string         `json:"dct"`
	Timexes []timexEntryJS `json:"timexes"`
}

type timexEntryJS struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod,omitempty"`
}

func timexCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("timex", "timex [--dct YYYY-MM-DD] [--json] FILE|-", e)
	dctFlag := fs.String("dct", "", "document creation (publication) date; without it relative dates stay unresolved")
	asJSON := fs.Bool("json", false, "print JSON (the contract other tools read) instead of a table")
	if err := parse(fs, args, true); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"timex: give one FILE, or - for standard input"}
	}
	var dct time.Time
	if *dctFlag != "" {
		d, err := publishedFlag(*dctFlag)
		if err != nil {
			return usageError{fmt.Sprintf("--dct %q: give the day as YYYY-MM-DD", *dctFlag)}
		}
		dct = d.Start()
	}
	var found []timex.Timex
	err := untilInterrupted(ctx, "timex", func() error {
		input, err := readInput(fs.Arg(0), e, 4*timeline.MaxArticleBytes)
		if err == nil {
			found = timex.Find(input, dct)
		}
		return err
	})
	if err != nil {
		return err
	}
	if *asJSON {
		out := timexJSON{DCT: *dctFlag, Timexes: []timexEntryJS{}}
		for _, t := range found {
			out.Timexes = append(out.Timexes, timexEntryJS{Text: t.Text, Start: t.Start, End: t.End,
				Type: string(t.Type), Value: t.Value, Mod: t.Mod})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	writeTimexTable(e.stdout, found)
	return nil
}

func writeTimexTable(w io.Writer, found []timex.Timex) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TEXT\tTYPE\tVALUE\tMEANS\tOFFSETS")
	for _, t := range found {
		means := ""
		if !t.Date.IsZero() {
			means = t.Date.String()
		}
		fmt.Fprintf(tw, "%q\t%s\t%s\t%s\t%d-%d\n", t.Text, t.Type, t.Value, means, t.Start, t.End)
	}
	tw.Flush()
}
