package score

import (
	"fmt"

	"github.com/dateline/dateline/timeline"
	"io"
	"text/tabwriter"
)

// ArticleResult is the score of one gold article.
type ArticleResult struct {
	Name      string
	Published string // the date found, "" when none
	DCT       string // the gold publication date
	Counts    ArticleCounts
	// Missed are the gold events no extracted event found; Extra the
	// extracted events that found no gold event.
	Missed []GoldEvent
	Extra  []timeline.Event
}

// WriteArticleTable prints one row per article and the totals.
func WriteArticleTable(w io.Writer, rows []ArticleResult) ArticleCounts {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "article\tpublished\trequired found\textracted matching")
	var total ArticleCounts
	for _, r := range rows {
		pub := r.Published
		if pub == "" {
			pub = "none"
		}
		if r.Counts.PublishedFound == 0 {
			pub += " (gold " + r.DCT + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%d/%d\n", r.Name, pub, r.Counts.RequiredFound, r.Counts.Required,
			r.Counts.Matched, r.Counts.Extracted)
		total.Add(r.Counts)
	}
	tw.Flush()
	fmt.Fprintf(w, "\npublication dates found %d/%d; required recall %.1f%%; precision %.1f%%; F1 %.1f\n",
		total.PublishedFound, total.Articles, total.Recall(), total.Precision(), total.F1())
	return total
}

// TimeMLResult is the timex score of a group of TimeML documents.
type TimeMLResult struct {
	Group     string
	Documents int
	Counts    TimexCounts
}

// WriteTimeMLTable prints TempEval-3 Task A scores per group and overall.
func WriteTimeMLTable(w io.Writer, rows []TimeMLResult) TimexCounts {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "corpus\tdocuments\tgold\tsystem\trelaxed F1\tstrict F1\tvalue F1\ttype F1\t")
	var total TimexCounts
	docs := 0
	line := func(name string, n int, c TimexCounts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t\n", name, n, c.Gold, c.System,
			c.F1(c.Relaxed), c.F1(c.Strict), c.F1(c.Value), c.F1(c.Type))
	}
	for _, r := range rows {
		line(r.Group, r.Documents, r.Counts)
		total.Add(r.Counts)
		docs += r.Documents
	}
	if len(rows) > 1 {
		line("all", docs, total)
	}
	tw.Flush()
	return total
}
