package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/dateline/dateline/timeline/extract/score"
	"github.com/dateline/dateline/timeline/extract/timex"
)

func evalCmd(ctx context.Context, args []string, e env) error {
	flags := newFlags("eval", "eval [DIR] | eval --timeml DIR", e)
	timeml := flags.String("timeml", "", "score temporal expressions on the TimeML files under DIR (TempEval-3 Task A)")
	if err := parse(flags, args, true); err != nil {
		return err
	}
	if *timeml != "" {
		if flags.NArg() > 0 {
			return usageError{"eval: give either DIR or --timeml DIR"}
		}
		return evalTimeML(e, *timeml)
	}
	dir := "../shared/eval/dev"
	if flags.NArg() == 1 {
		dir = flags.Arg(0)
	} else if flags.NArg() > 1 {
		return usageError{"eval: give one DIR of gold articles"}
	}
	return evalArticles(ctx, e, dir)
}

// evalArticles scores extraction on every NAME.gold.json in dir, running
// it without the publication date, as the evaluation rules say.
func evalArticles(ctx context.Context, e env, dir string) error {
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		return err
	}
	if len(golds) == 0 {
		return fmt.Errorf("no gold articles (*.gold.json) in %s", dir)
	}
	sort.Strings(golds)
	var rows []score.ArticleResult
	for _, path := range golds {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		g, err := score.ParseGold(data)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		input, err := os.ReadFile(filepath.Join(dir, g.Article))
		if err != nil {
			return err
		}
		var opts extract.Options
		if g.PublishedGiven {
			if opts.Published, err = timeline.ParseDate(g.DCT); err != nil {
				return fmt.Errorf("%s: dct: %w", path, err)
			}
		}
		res, err := extract.Article(ctx, string(input), opts)
		if err != nil {
			return fmt.Errorf("%s: %w", g.Article, err)
		}
		c, _ := score.CompareArticle(g, res.Published, res.Events)
		rows = append(rows, score.ArticleResult{Name: g.Article, Published: res.Published.Value(), DCT: g.DCT, Counts: c})
	}
	score.WriteArticleTable(e.stdout, rows)
	return nil
}

// evalTimeML scores timex on every .tml file under dir, grouped by the
// directory that holds them (TimeBank, AQUAINT).
func evalTimeML(e env, dir string) error {
	groups := map[string]*score.TimeMLResult{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tml") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := score.ParseTimeML(string(data))
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		dct, err := time.Parse("2006-01-02", doc.DCT[:min(10, len(doc.DCT))])
		if err != nil {
			return fmt.Errorf("%s: creation time %q: %w", path, doc.DCT, err)
		}
		var sys []score.Span
		for _, t := range timex.Find(doc.Text, dct) {
			sys = append(sys, score.Span{Start: t.Start, End: t.End, Type: string(t.Type), Value: t.Value})
		}
		c, _ := score.CompareTimex(doc.Gold, sys)
		group := filepath.Base(filepath.Dir(path))
		if groups[group] == nil {
			groups[group] = &score.TimeMLResult{Group: group}
		}
		groups[group].Documents++
		groups[group].Counts.Add(c)
		return nil
	})
	if err != nil {
		return err
	}
	if len(groups) == 0 {
		return fmt.Errorf("no TimeML files (*.tml) under %s", dir)
	}
	names := make([]string, 0, len(groups))
	for n := range groups {
		names = append(names, n)
	}
	sort.Strings(names)
	rows := make([]score.TimeMLResult, len(names))
	for i, n := range names {
		rows[i] = *groups[n]
	}
	score.WriteTimeMLTable(e.stdout, rows)
	return nil
}
