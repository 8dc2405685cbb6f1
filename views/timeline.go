package views

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/dateline/dateline/timeline"
)

// TimelineModel is what the timeline page shows.
type TimelineModel struct {
	Filter  timeline.Filter
	Groups  []Group
	NextURL string // the next page, "" on the last one
	// ExportQuery is the filter as a URL query for the export links, and
	// WebcalURL the calendar of these events to subscribe to.
	ExportQuery string
	WebcalURL   string
}

// exportURL is the address of an export of the page's events.
func (m TimelineModel) exportURL(path string) string {
	if m.ExportQuery == "" {
		return path
	}
	return path + "?" + m.ExportQuery
}

// Group is the events of one month, or of one year when only the year is
// known.
type Group struct {
	Label  string
	Events []timeline.Event
}

// Filtered reports whether the page shows a selection rather than
// everything.
func (m TimelineModel) Filtered() bool {
	f := m.Filter
	return f.Text != "" || len(f.Kinds) > 0 || len(f.Actors) > 0 || !f.From.IsZero() || !f.To.IsZero()
}

func (m TimelineModel) hasKind(k timeline.Kind) bool { return slices.Contains(m.Filter.Kinds, k) }

func (m TimelineModel) firstActor() string {
	if len(m.Filter.Actors) > 0 {
		return m.Filter.Actors[0]
	}
	return ""
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request) error {
	f, err := parseFilter(r.URL.Query())
	if err != nil {
		return err
	}
	p, err := s.store.Events(r.Context(), f)
	if err != nil {
		return err
	}
	m := TimelineModel{Filter: f, Groups: groupByMonth(p.Events), ExportQuery: filterQuery(f)}
	m.WebcalURL = webcalURL(r, m.ExportQuery)
	if !p.Next.IsZero() {
		q := r.URL.Query()
		q.Set("after", p.Next.String())
		m.NextURL = "/?" + q.Encode()
	}
	return render(w, r, TimelinePage(m))
}

// parseFilter reads a filter from a URL query, so that a view can be shared
// as a link: q, kind (repeatable), actor (repeatable), from, to (date
// values such as 2025-06), order=newest, after (a page cursor), limit.
func parseFilter(q url.Values) (timeline.Filter, error) {
	f := timeline.Filter{Text: q.Get("q"), Actors: nonEmpty(q["actor"])}
	for _, k := range nonEmpty(q["kind"]) {
		kind, err := timeline.ParseKind(k)
		if err != nil {
			return f, badRequest{fmt.Sprintf("There is no kind of event called %q.", k)}
		}
		f.Kinds = append(f.Kinds, kind)
	}
	for _, b := range []struct {
		name string
		dst  *timeline.Date
	}{{"from", &f.From}, {"to", &f.To}} {
		if v := q.Get(b.name); v != "" {
			d, err := timeline.ParseDate(v)
			if err != nil {
				return f, badRequest{fmt.Sprintf("%q is not a date like 2025, 2025-06 or 2025-06-21.", v)}
			}
			*b.dst = d
		}
	}
	if q.Get("order") == "newest" {
		f.Order = timeline.NewestFirst
	}
	after, err := timeline.ParseCursor(q.Get("after"))
	if err != nil {
		return f, badRequest{"That page link is damaged; start again from the first page."}
	}
	f.After = after
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return f, badRequest{"The page size must be a positive number."}
		}
		f.Limit = n
	}
	return f, f.Validate()
}

func nonEmpty(vs []string) []string {
	var out []string
	for _, v := range vs {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// groupByMonth splits chronological events into runs of the same month.
// Events known only to the year form a group of their own under the year:
// they are never guessed into a month.
func groupByMonth(events []timeline.Event) []Group {
	var groups []Group
	last := ""
	for _, e := range events {
		start := e.Date.Start()
		label := fmt.Sprintf("%s %04d", start.Month(), start.Year())
		if e.Date.Precision() == timeline.PrecisionYear {
			label = fmt.Sprintf("%04d", start.Year())
		}
		if label != last {
			groups = append(groups, Group{Label: label})
			last = label
		}
		groups[len(groups)-1].Events = append(groups[len(groups)-1].Events, e)
	}
	return groups
}

func actorURL(name string) string {
	return "/?" + url.Values{"actor": {name}}.Encode()
}
