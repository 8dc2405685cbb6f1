package score

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
)

// SetResult is the score of one directory of gold articles.
type SetResult struct {
	Name  string
	Rows  []ArticleResult
	Total ArticleCounts
}

// ScoreSet runs extraction on every NAME.gold.json of dir and scores it:
// without the publication date, unless the gold file says it is given
// (texts with no date line), as ../shared/eval/README.md says.
func ScoreSet(ctx context.Context, dir string) (SetResult, error) {
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		return SetResult{}, err
	}
	if len(golds) == 0 {
		return SetResult{}, fmt.Errorf("no gold articles (*.gold.json) in %s", dir)
	}
	sort.Strings(golds)
	set := SetResult{Name: filepath.Base(dir)}
	for _, path := range golds {
		data, err := os.ReadFile(path)
		if err != nil {
			return set, err
		}
		g, err := ParseGold(data)
		if err != nil {
			return set, fmt.Errorf("%s: %w", path, err)
		}
		input, err := os.ReadFile(filepath.Join(dir, g.Article))
		if err != nil {
			return set, err
		}
		var opts extract.Options
		if g.PublishedGiven {
			if opts.Published, err = timeline.ParseDate(g.DCT); err != nil {
				return set, fmt.Errorf("%s: dct: %w", path, err)
			}
		}
		res, err := extract.Article(ctx, string(input), opts)
		if err != nil {
			return set, fmt.Errorf("%s: %w", g.Article, err)
		}
		c, matches := CompareArticle(g, res.Published, res.Events)
		row := ArticleResult{Name: g.Article, Published: res.Published.Value(), DCT: g.DCT, Counts: c}
		used := make([]bool, len(res.Events))
		for _, m := range matches {
			if m.Extracted >= 0 {
				used[m.Extracted] = true
			} else {
				row.Missed = append(row.Missed, m.Gold)
			}
		}
		for i, e := range res.Events {
			if !used[i] {
				row.Extra = append(row.Extra, e)
			}
		}
		set.Rows = append(set.Rows, row)
		set.Total.Add(c)
	}
	return set, nil
}

// WriteErrors prints, per article, the gold events extraction missed and
// the events it offered that match none: the view to work from.
func WriteErrors(w io.Writer, rows []ArticleResult) {
	for _, r := range rows {
		if len(r.Missed) == 0 && len(r.Extra) == 0 {
			continue
		}
		fmt.Fprintf(w, "== %s (published %s)\n", r.Name, r.DCT)
		for _, g := range r.Missed {
			req := "optional"
			if g.Required {
				req = "REQUIRED"
			}
			fmt.Fprintf(w, "  missed %-8s %-10s %-10s %s\n         %q\n", req, g.Date, g.Type, strings.Join(g.Actors, ", "), clip(g.Evidence, 160))
		}
		for _, e := range r.Extra {
			fmt.Fprintf(w, "  extra  %-10s %-10s %-10s %s | %s (%.2f)\n", e.Date.TIMEX(), e.Kind, e.Status,
				strings.Join(e.ActorNames(), ", "), e.Title, e.Confidence)
			if len(e.Mentions) > 0 {
				fmt.Fprintf(w, "         %q\n", clip(e.Mentions[0].Quote, 160))
			}
		}
	}
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
