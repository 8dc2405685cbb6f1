// Package export writes timelines in the formats people take them to
// other programs (iCalendar, JSON, CSV, TimelineJS) and reads the formats
// they bring timelines in with (Dateline's JSON, TimelineJS spreadsheets).
//
// Writers stream: they take one event at a time and keep nothing of it, so
// a timeline of any length is written in constant memory. They touch no
// I/O but their io.Writer, and their output depends only on the events
// written, so the same events always give the same bytes (HTTP validators
// rely on that). Readers parse into timeline types and report each bad
// record on its own, so that a caller can import the good ones or none.
package export

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline"
)

// EventWriter writes a timeline in one format, an event at a time.
type EventWriter interface {
	// WriteEvent writes one event. Events are written in the order given.
	WriteEvent(timeline.Event) error
	// Close finishes the document and flushes it. It does not close the
	// underlying writer.
	Close() error
}

// ArticleWriter is implemented by the formats that carry whole articles
// (JSON). Every article must be written before the first event.
type ArticleWriter interface {
	WriteArticle(timeline.Article) error
}

// Format describes one export format.
type Format struct {
	Name        string // as in "dateline export --format NAME"
	ContentType string
	Extension   string // of a downloaded file, with the dot
}

// Formats lists the export formats.
var Formats = []Format{
	{"ics", "text/calendar; charset=utf-8", ".ics"},
	{"json", "application/json", ".json"},
	{"csv", "text/csv; charset=utf-8; header=present", ".csv"},
	{"timelinejs", "application/json", ".timelinejs.json"},
}

// FormatNames lists the names of Formats, for messages.
func FormatNames() []string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return names
}

// LookupFormat returns the format called name.
func LookupFormat(name string) (Format, bool) {
	i := slices.IndexFunc(Formats, func(f Format) bool { return f.Name == name })
	if i < 0 {
		return Format{}, false
	}
	return Formats[i], true
}

// Options describe the document around the events.
type Options struct {
	// Title names the timeline: the calendar's name, the TimelineJS
	// title slide. Empty means "Dateline".
	Title string
	// Description says what the timeline holds ("Strikes involving Iran").
	Description string
	// Headline heads the TimelineJS title slide ("Iran, strikes, 2025");
	// empty means Title.
	Headline string
}

func (o Options) title() string {
	if o.Title == "" {
		return "Dateline"
	}
	return o.Title
}

func (o Options) headline() string {
	if o.Headline == "" {
		return o.title()
	}
	return o.Headline
}

// OptionsFor are the options of an export of the events f selects: the
// calendar is named "Dateline: " and the filter, the TimelineJS story is
// headed by the filter in a phrase.
func OptionsFor(f timeline.Filter) Options {
	o := Options{
		Title:       "Dateline",
		Description: "Diplomatic events from news articles, as collected by Dateline.",
		Headline:    Headline(f),
	}
	if d := Describe(f); d != "" {
		o.Title += ": " + d
	}
	return o
}

// Headline names what f selects in a phrase for a title: "Iran, strikes,
// 2025", "Putin, calls and meetings, June 2025 to July 2025", or
// "Diplomatic events" for everything.
func Headline(f timeline.Filter) string {
	var parts []string
	if len(f.Actors) > 0 {
		parts = append(parts, strings.Join(f.Actors, ", "))
	}
	if len(f.Kinds) > 0 {
		kinds := make([]string, len(f.Kinds))
		for i, k := range f.Kinds {
			kinds[i] = k.Plural()
		}
		if n := len(kinds); n > 1 {
			kinds = append(kinds[:n-2], kinds[n-2]+" and "+kinds[n-1])
		}
		parts = append(parts, strings.Join(kinds, ", "))
	}
	if q := strings.TrimSpace(f.Text); q != "" {
		parts = append(parts, "“"+q+"”")
	}
	switch {
	case !f.From.IsZero() && f.From.Value() == f.To.Value():
		parts = append(parts, f.From.String())
	case !f.From.IsZero() && !f.To.IsZero():
		parts = append(parts, f.From.String()+" to "+f.To.String())
	case !f.From.IsZero():
		parts = append(parts, "from "+f.From.String())
	case !f.To.IsZero():
		parts = append(parts, "until "+f.To.String())
	}
	if len(parts) == 0 {
		return "Diplomatic events"
	}
	h := strings.Join(parts, ", ")
	r, n := utf8.DecodeRuneInString(h)
	return string(unicode.ToUpper(r)) + h[n:]
}

// NewWriter returns a writer of the named format over w.
func NewWriter(format string, w io.Writer, opts Options) (EventWriter, error) {
	switch format {
	case "ics":
		return NewICal(w, opts), nil
	case "json":
		return NewJSON(w), nil
	case "csv":
		return NewCSV(w), nil
	case "timelinejs":
		return NewTimelineJS(w, opts), nil
	}
	return nil, fmt.Errorf("export: unknown format %q (want %s)", format, strings.Join(FormatNames(), ", "))
}

// Describe says in words what f selects, for titles and descriptions:
// "strike, call · Iran · “nuclear” · from June 2025 to July 2025", or ""
// for everything.
func Describe(f timeline.Filter) string {
	var parts []string
	if len(f.Kinds) > 0 {
		kinds := make([]string, len(f.Kinds))
		for i, k := range f.Kinds {
			kinds[i] = k.Label()
		}
		parts = append(parts, strings.Join(kinds, ", "))
	}
	if len(f.Actors) > 0 {
		parts = append(parts, strings.Join(f.Actors, ", "))
	}
	if q := strings.TrimSpace(f.Text); q != "" {
		parts = append(parts, "“"+q+"”")
	}
	switch {
	case !f.From.IsZero() && !f.To.IsZero():
		parts = append(parts, "from "+f.From.String()+" to "+f.To.String())
	case !f.From.IsZero():
		parts = append(parts, "from "+f.From.String())
	case !f.To.IsZero():
		parts = append(parts, "until "+f.To.String())
	}
	return strings.Join(parts, " · ")
}

// sourceLine names an article for a reader: "The New York Times, “Trump
// says call with Putin yields no progress”, 3 July 2025, https://...".
func sourceLine(a *timeline.Article) string {
	var parts []string
	if a.Publisher != "" {
		parts = append(parts, a.Publisher)
	}
	if a.Title != "" {
		parts = append(parts, "“"+a.Title+"”")
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.String())
	}
	if a.URL != "" {
		parts = append(parts, a.URL)
	}
	if len(parts) == 0 {
		return fmt.Sprintf("article %d", a.ID)
	}
	return strings.Join(parts, ", ")
}

// statusNote is how a headline admits that an event is not reported as
// having happened.
var statusNote = map[timeline.Status]string{
	timeline.StatusPlanned:      "planned",
	timeline.StatusNegated:      "did not happen",
	timeline.StatusHypothetical: "hypothetical",
}
