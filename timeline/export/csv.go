package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/dateline/dateline/timeline"
)

// CSVHeader names the columns of the CSV export, in order.
var CSVHeader = []string{
	"id", "date", "precision", "date_text", "first_day", "last_day", "time",
	"kind", "title", "summary", "actors", "status", "confidence", "origin",
	"source_url", "sources", "source_urls", "sequence", "created_at", "updated_at",
	"quote", "article_title", "article_publisher", "article_published", "article_url",
}

// CSV writes one row per event (RFC 4180: CRLF line ends, quoted fields
// where needed), in UTF-8 with a byte order mark so that spreadsheets do
// not read it as Latin-1. Dates come three ways: the exact value with its
// precision ("2025-07-03TMO", "day"), the words ("morning of 3 July 2025"),
// and first_day/last_day as plain YYYY-MM-DD that spreadsheets sort and
// filter as dates. Lists (actors, source URLs) are joined by "; " and by
// line breaks. The last columns cite the event's first mention: its quote
// as a reader sees it, and its article's title, publisher, publication
// date and address, so that a row carries its citation. Text that a
// spreadsheet would run as a formula (starting with = + - @) is prefixed
// with an apostrophe.
type CSV struct {
	bw  *bufio.Writer
	w   *csv.Writer
	row []string
	err error
}

// NewCSV starts a CSV export on w.
func NewCSV(w io.Writer) *CSV {
	c := &CSV{bw: bufio.NewWriterSize(w, 32<<10)}
	c.bw.WriteString("\uFEFF")
	c.w = csv.NewWriter(c.bw)
	c.w.UseCRLF = true
	c.err = c.w.Write(CSVHeader)
	return c
}

// WriteEvent writes one row.
func (c *CSV) WriteEvent(e timeline.Event) error {
	if c.err != nil {
		return c.err
	}
	d := e.Date
	last := d.End().Add(-1)
	clock := ""
	if d.Precision() == timeline.PrecisionMinute {
		clock = d.Start().Format("15:04")
	}
	var urls []string
	seen := map[string]bool{}
	for _, m := range e.Mentions {
		if m.Article != nil && m.Article.URL != "" && !seen[m.Article.URL] {
			seen[m.Article.URL] = true
			urls = append(urls, m.Article.URL)
		}
	}
	var quote string
	var lead timeline.Article
	if len(e.Mentions) > 0 {
		quote = e.Mentions[0].Text()
		if a := e.Mentions[0].Article; a != nil {
			lead = *a
		}
	}
	c.row = append(c.row[:0],
		strconv.FormatInt(e.ID, 10),
		d.Value(),
		d.Precision().String(),
		d.String(),
		d.Start().Format("2006-01-02"),
		last.Format("2006-01-02"),
		clock,
		string(e.Kind),
		cell(e.Title),
		cell(e.Summary),
		cell(strings.Join(e.ActorNames(), "; ")),
		string(e.Status),
		strconv.FormatFloat(e.Confidence, 'f', -1, 32),
		string(e.Origin),
		cell(e.SourceURL),
		strconv.Itoa(e.Sources),
		cell(strings.Join(urls, "\n")),
		strconv.Itoa(e.Sequence),
		jsonTime(e.CreatedAt),
		jsonTime(e.UpdatedAt),
		cell(quote),
		cell(lead.Title),
		cell(lead.Publisher),
		lead.Published.Value(),
		cell(lead.URL),
	)
	c.err = c.w.Write(c.row)
	return c.err
}

// Close flushes the rows.
func (c *CSV) Close() error {
	if c.err != nil {
		return c.err
	}
	c.w.Flush()
	if c.err = c.w.Error(); c.err == nil {
		c.err = c.bw.Flush()
	}
	return c.err
}

// cell keeps a spreadsheet from running text as a formula (CSV injection):
// text starting with = + - @ or a tab gets an apostrophe in front, as
// OWASP advises. The apostrophe shows; a formula run on opening would be
// worse.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
