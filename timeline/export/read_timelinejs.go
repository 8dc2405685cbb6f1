package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"golang.org/x/net/html"
)

// TimelineJSOptions tune ReadTimelineJSCSV.
type TimelineJSOptions struct {
	// DefaultKind is the kind of rows whose Group names no kind. Zero
	// makes such rows bad.
	DefaultKind timeline.Kind
}

// tjsColumns are the columns of the TimelineJS spreadsheet template that
// an import reads, as normalised by columnKey. The template's others
// (Media Caption, Media Thumbnail, Background) say nothing about events.
var tjsColumns = []string{
	"year", "month", "day", "time", "end year", "end month", "end day", "end time",
	"display date", "headline", "text", "media", "media credit", "type", "group",
}

// ReadTimelineJSCSV reads a TimelineJS spreadsheet saved as CSV (the
// columns of its template: Year, Month, Day, Time, End Year, End Month,
// End Day, End Time, Display Date, Headline, Text, Media, Media Credit,
// Media Caption, Media Thumbnail, Type, Group, Background) into events:
//
//   - the date has the precision of the parts given: Year alone is a year,
//     Year and Month a month, and so on; Time makes it a minute. A Display
//     Date starting with "about", "around", "c." or "circa" marks it
//     approximate.
//   - an end date cannot be kept as such (an event has one date); it is
//     added to the summary: "Until 24 June 2025."
//   - Headline is the title and Text the summary, both as plain text.
//   - Group names the kind ("strike" or "Strike"), else opts.DefaultKind.
//   - Media, when it is a web address, is the event's source.
//   - the title slide and eras (Type "title", "era") are not events and are
//     counted in Import.Skipped.
//
// Rows are numbered as in the spreadsheet: the header is row 1. The error
// is for a file that is not such a spreadsheet at all.
func ReadTimelineJSCSV(r io.Reader, opts TimelineJSOptions) (Import, []RowError, error) {
	cr := csv.NewReader(skipBOM(r))
	cr.FieldsPerRecord = -1 // spreadsheets drop trailing empty cells
	header, err := cr.Read()
	if err != nil {
		return Import{}, nil, fmt.Errorf("export: reading the header row: %w", err)
	}
	col := map[string]int{}
	for i, name := range header {
		if _, dup := col[columnKey(name)]; !dup {
			col[columnKey(name)] = i
		}
	}
	for _, need := range []string{"year", "headline"} {
		if _, ok := col[need]; !ok {
			return Import{}, nil, fmt.Errorf("export: no %q column: not a TimelineJS spreadsheet (its columns are Year, Month, Day, Time, End Year, ..., Headline, Text, Media, ..., Group)", need)
		}
	}
	var (
		out Import
		bad []RowError
	)
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// A broken quote puts every later cell in the wrong column:
			// nothing after it can be trusted.
			return Import{}, nil, fmt.Errorf("export: row %d: %w", row, err)
		}
		cells := map[string]string{}
		empty := true
		for _, name := range tjsColumns {
			if i, ok := col[name]; ok && i < len(rec) {
				cells[name] = strings.TrimSpace(rec[i])
				empty = empty && cells[name] == ""
			}
		}
		switch typ := strings.ToLower(cells["type"]); {
		case empty:
			continue
		case typ == "title" || typ == "era":
			out.Skipped++
			continue
		}
		e, problems := tjsEvent(cells, opts)
		if len(problems) > 0 {
			bad = append(bad, RowError{fmt.Sprintf("row %d", row), strings.Join(problems, "; ")})
			continue
		}
		out.Events = append(out.Events, e)
	}
	return out, bad, nil
}

func tjsEvent(c map[string]string, opts TimelineJSOptions) (timeline.Event, []string) {
	var problems []string
	e := timeline.Event{
		Title: htmlText(c["headline"]), Summary: htmlText(c["text"]),
		Status: timeline.StatusReported, Confidence: 1, Origin: timeline.ByImport,
	}
	d, err := tjsCSVDate(c["year"], c["month"], c["day"], c["time"], "")
	if err != nil {
		problems = append(problems, err.Error())
	}
	if approxWords(c["display date"]) {
		d = d.WithApprox(true)
	}
	e.Date = d
	if c["end year"] != "" || c["end month"] != "" || c["end day"] != "" || c["end time"] != "" {
		end, err := tjsCSVDate(c["end year"], c["end month"], c["end day"], c["end time"], "End ")
		switch {
		case err != nil:
			problems = append(problems, err.Error())
		case !d.IsZero() && timeline.Compare(end, d) < 0:
			problems = append(problems, fmt.Sprintf("End Year...: the end (%s) is before the start (%s)", end, d))
		case end != d:
			e.Summary = strings.TrimSpace(e.Summary + "\n\nUntil " + end.String() + ".")
		}
	}
	switch kind, ok := kindOfGroup(c["group"]); {
	case ok:
		e.Kind = kind
	case opts.DefaultKind != "":
		e.Kind = opts.DefaultKind
	case c["group"] == "":
		problems = append(problems, fmt.Sprintf("Group: empty; name one of the kinds (%s), or import with a default kind", kindList()))
	default:
		problems = append(problems, fmt.Sprintf("Group: %q is not a kind of event (%s); rename it, or import with a default kind", c["group"], kindList()))
	}
	if m := c["media"]; m != "" {
		if u, err := url.Parse(m); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			e.SourceURL = m
		}
	}
	if credit := htmlText(c["media credit"]); credit != "" && e.SourceURL != "" {
		e.Summary = strings.TrimSpace(e.Summary + "\n\nSource: " + credit + ".")
	}
	if err := e.Validate(); err != nil {
		for _, f := range timeline.FieldErrors(err).Fields {
			if f.Field == "date" && !e.Date.IsZero() || f.Field == "kind" && e.Kind == "" {
				continue // reported above, in the spreadsheet's words
			}
			problems = append(problems, tjsColumnOf[f.Field]+": "+f.Message)
		}
	}
	return e, problems
}

// tjsColumnOf names the spreadsheet column an event field came from.
var tjsColumnOf = map[string]string{
	"title": "Headline", "summary": "Text", "date": "Year", "kind": "Group", "source_url": "Media",
}

// tjsCSVDate builds a date from the spreadsheet's parts. Each part given
// needs the coarser ones: a Day needs a Month, a Time needs a Day.
func tjsCSVDate(year, month, day, clock, prefix string) (timeline.Date, error) {
	bad := func(format string, args ...any) (timeline.Date, error) {
		return timeline.Date{}, fmt.Errorf(prefix+format, args...)
	}
	if year == "" {
		return bad("Year: empty; every event needs at least a year")
	}
	y, err := strconv.Atoi(year)
	if err != nil {
		return bad("Year: %q is not a whole number", year)
	}
	if y < 0 || y > 9999 {
		return bad("Year: %d is outside the years Dateline stores (0 to 9999)", y)
	}
	if month == "" {
		if day != "" || clock != "" {
			return bad("Month: empty, but a day or time is given")
		}
		return timeline.YearDate(y)
	}
	m, err := strconv.Atoi(month)
	if err != nil || m < 1 || m > 12 {
		return bad("Month: %q is not a month number from 1 to 12", month)
	}
	if day == "" {
		if clock != "" {
			return bad("Day: empty, but a time is given")
		}
		return timeline.MonthDate(y, time.Month(m))
	}
	dn, err := strconv.Atoi(day)
	if err != nil {
		return bad("Day: %q is not a whole number", day)
	}
	if clock == "" {
		d, err := timeline.DayDate(y, time.Month(m), dn)
		if err != nil {
			return bad("Day: %d %s %d does not exist", dn, time.Month(m), y)
		}
		return d, nil
	}
	h, mi, ok := parseClock(clock)
	if !ok {
		return bad("Time: %q is not a time like 18:31, 18:31:05 or 6:31 PM", clock)
	}
	d, err := timeline.MinuteDate(y, time.Month(m), dn, h, mi)
	if err != nil {
		return bad("Day: %d %s %d does not exist", dn, time.Month(m), y)
	}
	return d, nil
}

// parseClock reads the times TimelineJS accepts: 24-hour "18:31" or
// "18:31:05", or 12-hour "6:31 PM". Seconds are dropped: dates are kept
// to the minute.
func parseClock(s string) (hour, minute int, ok bool) {
	for _, layout := range []string{"15:04", "15:04:05", "3:04 PM", "3:04:05 PM", "3:04PM", "3:04 pm", "3:04pm"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Hour(), t.Minute(), true
		}
	}
	return 0, 0, false
}

func approxWords(display string) bool {
	d := strings.ToLower(strings.TrimSpace(display))
	for _, w := range []string{"about ", "around ", "c.", "circa ", "~", "approximately "} {
		if strings.HasPrefix(d, w) {
			return true
		}
	}
	return false
}

func kindOfGroup(group string) (timeline.Kind, bool) {
	for _, k := range timeline.Kinds {
		if strings.EqualFold(group, string(k)) || strings.EqualFold(group, k.Label()) {
			return k, true
		}
	}
	return "", false
}

func kindList() string {
	names := make([]string, len(timeline.Kinds))
	for i, k := range timeline.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// columnKey normalises a header cell: "End  Year " -> "end year".
func columnKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(name, "\uFEFF")), " "))
}

// skipBOM drops a UTF-8 byte order mark, which spreadsheets like to write.
func skipBOM(r io.Reader) io.Reader {
	var bom [3]byte
	n, _ := io.ReadFull(r, bom[:])
	if n == 3 && bytes.Equal(bom[:], []byte("\uFEFF")) {
		return r
	}
	return io.MultiReader(bytes.NewReader(bom[:n]), r)
}

// htmlText turns a TimelineJS cell, which may hold HTML, into plain text:
// tags go, entities are decoded, and paragraphs and <br> become line
// breaks. Text without tags is kept as it is.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(collapseBlankLines(b.String()))
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "br":
				b.WriteString("\n")
			case "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4":
				b.WriteString("\n\n")
			}
		}
	}
}

func collapseBlankLines(s string) string {
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}
