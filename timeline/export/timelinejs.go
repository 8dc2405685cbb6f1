package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/dateline/dateline/timeline"
)

// tjsDate is a TimelineJS date: only the parts that are known, as strings
// as in TimelineJS's own examples.
type tjsDate struct {
	Year        string `json:"year"`
	Month       string `json:"month,omitempty"`
	Day         string `json:"day,omitempty"`
	Hour        string `json:"hour,omitempty"`
	Minute      string `json:"minute,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

type tjsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

type tjsSlide struct {
	UniqueID    string   `json:"unique_id,omitempty"`
	StartDate   *tjsDate `json:"start_date,omitempty"`
	DisplayDate string   `json:"display_date,omitempty"`
	Text        tjsText  `json:"text"`
	Group       string   `json:"group,omitempty"`
}

// TimelineJS writes a TimelineJS3 JSON document: a title slide, then one
// slide per event with only the known parts of its date (a month gives
// year and month, never a made-up day), display_date wherever the parts
// alone would claim more or less than is known ("morning of 3 July 2025",
// "summer 2025", "about 21 June 2025"), the kind as group, and the summary,
// actors and sources (quotes with links to their articles) as the text.
type TimelineJS struct {
	w      *bufio.Writer
	enc    *json.Encoder
	buf    bytes.Buffer
	events int
	err    error
}

// NewTimelineJS starts a TimelineJS document on w.
func NewTimelineJS(w io.Writer, opts Options) *TimelineJS {
	t := &TimelineJS{w: bufio.NewWriterSize(w, 32<<10)}
	t.enc = json.NewEncoder(&t.buf)
	t.enc.SetEscapeHTML(false)
	title := tjsSlide{Text: tjsText{Headline: html.EscapeString(opts.headline())}}
	if opts.Description != "" {
		title.Text.Text = "<p>" + html.EscapeString(opts.Description) + "</p>"
	}
	t.w.WriteString(`{"title":`)
	t.encode(title)
	t.w.WriteString(`,"events":[`)
	return t
}

// WriteEvent writes one event as a slide.
func (t *TimelineJS) WriteEvent(e timeline.Event) error {
	if t.err != nil {
		return t.err
	}
	date, display := tjsDateOf(e.Date)
	slide := tjsSlide{
		UniqueID:    fmt.Sprintf("event-%d", e.ID),
		StartDate:   &date,
		DisplayDate: display,
		Text:        tjsText{Headline: html.EscapeString(e.Title), Text: tjsBody(e)},
		Group:       e.Kind.Label(),
	}
	if t.events > 0 {
		t.w.WriteByte(',')
	}
	t.w.WriteByte('\n')
	t.encode(slide)
	t.events++
	return t.err
}

// Close ends the document and flushes it.
func (t *TimelineJS) Close() error {
	if t.err == nil {
		t.w.WriteString("\n]}\n")
		t.err = t.w.Flush()
	}
	return t.err
}

func (t *TimelineJS) encode(v any) {
	if t.err != nil {
		return
	}
	t.buf.Reset()
	if t.err = t.enc.Encode(v); t.err == nil {
		_, t.err = t.w.Write(bytes.TrimSuffix(t.buf.Bytes(), []byte("\n")))
	}
}

// tjsDateOf gives the known parts of d, and a display date when the parts
// alone would mislead: a part of the day (TimelineJS has no such part), a
// clock time (it has no zones), a season, quarter or week (given as the
// month or day they start, which only places the slide), or an
// approximate date.
func tjsDateOf(d timeline.Date) (tjsDate, string) {
	s := d.Start()
	td := tjsDate{Year: strconv.Itoa(s.Year())}
	exact := true
	switch d.Precision() {
	case timeline.PrecisionMonth:
		td.Month = strconv.Itoa(int(s.Month()))
	case timeline.PrecisionSeason, timeline.PrecisionQuarter:
		td.Month = strconv.Itoa(int(s.Month()))
		exact = false
	case timeline.PrecisionWeek:
		td.Month, td.Day = strconv.Itoa(int(s.Month())), strconv.Itoa(s.Day())
		exact = false
	case timeline.PrecisionDay:
		td.Month, td.Day = strconv.Itoa(int(s.Month())), strconv.Itoa(s.Day())
		exact = d.PartOfDay() == ""
	case timeline.PrecisionMinute:
		// the wall clock where it happened; TimelineJS knows no zones, so
		// the display date says the zone, or that it is unknown
		td.Month, td.Day = strconv.Itoa(int(s.Month())), strconv.Itoa(s.Day())
		td.Hour, td.Minute = strconv.Itoa(s.Hour()), strconv.Itoa(s.Minute())
		exact = false
	}
	if exact && !d.Approx() {
		return td, ""
	}
	td.DisplayDate = d.String()
	return td, d.String()
}

// tjsBody is a slide's text as HTML: the summary, who took part, and the
// sources, each quote with a link to its article.
func tjsBody(e timeline.Event) string {
	var b strings.Builder
	for _, para := range strings.Split(strings.TrimSpace(e.Summary), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			b.WriteString("<p>" + strings.ReplaceAll(html.EscapeString(para), "\n", "<br>") + "</p>")
		}
	}
	var facts []string
	if len(e.Actors) > 0 {
		facts = append(facts, "Who: "+html.EscapeString(strings.Join(e.ActorNames(), ", ")))
	}
	if e.Status != timeline.StatusReported {
		facts = append(facts, "Status: "+html.EscapeString(string(e.Status)))
	}
	if len(facts) > 0 {
		b.WriteString("<p>" + strings.Join(facts, "<br>") + "</p>")
	}
	if len(e.Mentions) > 0 || e.SourceURL != "" {
		b.WriteString("<p>Sources:</p>")
	}
	for _, m := range e.Mentions {
		b.WriteString("<blockquote>" + html.EscapeString(m.Text()) + "</blockquote>")
		if m.Article != nil {
			b.WriteString("<p>— " + tjsLink(m.Article.URL, sourceName(m.Article)) + "</p>")
		}
	}
	if e.SourceURL != "" {
		b.WriteString("<p>" + tjsLink(e.SourceURL, e.SourceURL) + "</p>")
	}
	return b.String()
}

// sourceName is sourceLine without the URL, which the link carries.
func sourceName(a *timeline.Article) string {
	c := *a
	c.URL = ""
	return sourceLine(&c)
}

func tjsLink(url, text string) string {
	if url == "" {
		return html.EscapeString(text)
	}
	return `<a href="` + html.EscapeString(url) + `">` + html.EscapeString(text) + `</a>`
}
