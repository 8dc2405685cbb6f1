package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline/extract/evaldata"
	"github.com/dateline/dateline/timeline/extract/score"
	"github.com/dateline/dateline/timeline/extract/timex"
)

func evalCmd(ctx context.Context, args []string, e env) error {
	flags := newFlags("eval", "eval [--errors] [DIR...] | eval --timeml DIR", e)
	timeml := flags.String("timeml", "", "score temporal expressions on the TimeML files under DIR (TempEval-3 Task A)")
	showErrors := flags.Bool("errors", false, "list, per article, the gold events missed and the events that match none")
	if err := parse(flags, args, true); err != nil {
		return err
	}
	if *timeml != "" {
		if flags.NArg() > 0 {
			return usageError{"eval: give either DIR or --timeml DIR"}
		}
		return evalTimeML(e, *timeml)
	}
	dirs := flags.Args()
	if len(dirs) == 0 {
		// every set of the shared evaluation data, apart
		root, err := evaldata.Root()
		if err != nil {
			return err
		}
		sets, timemlDirs, err := evalSets(root)
		if err != nil {
			return err
		}
		for _, d := range sets {
			if err := evalArticles(ctx, e, d, *showErrors); err != nil {
				return err
			}
		}
		for _, d := range timemlDirs {
			fmt.Fprintf(e.stdout, "\n# %s (TempEval-3 Task A)\n", filepath.Base(d))
			if err := evalTimeML(e, d); err != nil {
				return err
			}
		}
		return nil
	}
	for _, d := range dirs {
		if err := evalArticles(ctx, e, d, *showErrors); err != nil {
			return err
		}
	}
	return nil
}

// evalSets lists the directories under root that hold gold articles and
// those that hold TimeML files.
func evalSets(root string) (gold, timeml []string, err error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, nil, fmt.Errorf("no evaluation data: %w", err)
	}
	for _, en := range entries {
		if !en.IsDir() {
			continue
		}
		dir := filepath.Join(root, en.Name())
		if g, _ := filepath.Glob(filepath.Join(dir, "*.gold.json")); len(g) > 0 {
			gold = append(gold, dir)
			continue
		}
		found := false
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".tml") {
				found = true
				return fs.SkipAll
			}
			return nil
		})
		if found {
			timeml = append(timeml, dir)
		}
	}
	if len(gold)+len(timeml) == 0 {
		return nil, nil, errors.New("no evaluation sets under " + root)
	}
	return gold, timeml, nil
}

// evalArticles scores extraction on every NAME.gold.json in dir.
func evalArticles(ctx context.Context, e env, dir string, showErrors bool) error {
	set, err := score.ScoreSet(ctx, dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\n# %s\n", set.Name)
	score.WriteArticleTable(e.stdout, set.Rows)
	if showErrors {
		fmt.Fprintln(e.stdout)
		score.WriteErrors(e.stdout, set.Rows)
	}
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
