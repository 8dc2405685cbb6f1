package views

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
)

// TimelineModel is what the timeline page shows.
type TimelineModel struct {
	Filter timeline.Filter
	Years  []YearGroup
	// NextURL and PrevURL are the pages after and before this one, ""
	// where there is none.
	NextURL, PrevURL string
	// FirstPage is false on a page reached by a cursor.
	FirstPage bool
	// OrderURL shows the same events in the other order.
	OrderURL string
	// ExportQuery is the filter as a URL query for the export links, and
	// WebcalURL the calendar of these events to subscribe to.
	ExportQuery string
	WebcalURL   string
	Overview    Overview
	// Highlight marks events just added (or, for an article added
	// before, its events), with HighlightLabel; Notice says what happened.
	Highlight      map[int64]bool
	HighlightLabel string
	Notice         string
	// Dates is the date range as typed; FilterErrors the problems with
	// the filters, shown next to their fields (no events are shown then).
	Dates        DateRange
	FilterErrors *timeline.ValidationError
	// LatestURL jumps to the last page, the latest events, oldest first;
	// "" when this page is the only one or the order is newest first.
	LatestURL string
	// Suggestions are actor names for the actor filter's autocomplete.
	Suggestions []string
	// Undated is set on the first page of the whole timeline when some
	// article has no publication date, so that its events may be missing.
	Undated bool
}

// DateRange is the timeline's date range as typed ("June 2025", "last
// week"), and what each end reads as.
type DateRange struct {
	From, To               string
	FromReading, ToReading Reading
}

// fromValue and toValue are the date fields' values: as typed, or the
// filter's when it came from a link.
func (m TimelineModel) fromValue() string {
	if m.Dates.From != "" {
		return m.Dates.From
	}
	return m.Filter.From.Value()
}

func (m TimelineModel) toValue() string {
	if m.Dates.To != "" {
		return m.Dates.To
	}
	return m.Filter.To.Value()
}

// filterSummary heads the folded filters: what they select, in words.
func (m TimelineModel) filterSummary() string {
	if d := export.Describe(m.Filter); d != "" {
		return d
	}
	return "none: every event"
}

// exportURL is the address of an export of the page's events.
func (m TimelineModel) exportURL(path string) string {
	if m.ExportQuery == "" {
		return path
	}
	return path + "?" + m.ExportQuery
}

// YearGroup is the events of one year, by month.
type YearGroup struct {
	Year   string
	Months []Group
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

func (m TimelineModel) empty() bool { return len(m.Years) == 0 }

// blank is an empty timeline seen from its start, unfiltered: nothing is
// stored, and filters and exports have nothing to offer.
func (m TimelineModel) blank() bool {
	return m.empty() && m.FirstPage && !m.Filtered() && m.FilterErrors.Err() == nil
}

func (m TimelineModel) hasKind(k timeline.Kind) bool { return slices.Contains(m.Filter.Kinds, k) }

// withoutActor is the page's filter without one of its actors.
func (m TimelineModel) withoutActor(name string) string {
	f := m.Filter
	f.Actors = slices.DeleteFunc(slices.Clone(f.Actors), func(a string) bool { return a == name })
	return pageURL(f)
}

// pageURL is the first page of the timeline with filter f.
func pageURL(f timeline.Filter) string {
	if q := filterQuery(f); q != "" {
		return "/?" + q
	}
	return "/"
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, dates, err := parseFilter(q, s.today())
	if v := timeline.FieldErrors(err); v != nil {
		// A date typed wrong: the filters again, with the problem next to
		// the field, and no events until it is put right.
		f.From, f.To = timeline.Date{}, timeline.Date{}
		return renderStatus(w, r, http.StatusBadRequest, TimelinePage(TimelineModel{
			Filter: f, Dates: dates, FilterErrors: v, FirstPage: true,
		}))
	}
	if err != nil {
		return err
	}
	before, err := timeline.ParseCursor(q.Get("before"))
	latest := q.Get("at") == "latest"
	if err != nil || (!before.IsZero() || latest) && !f.After.IsZero() || latest && !before.IsZero() {
		return badRequest{"That page link is damaged; start again from the first page."}
	}
	// The overview counts every event the filters select, which can take
	// longer than the page itself: both are asked for at once.
	type overviewResult struct {
		counts []timeline.MonthCount
		err    error
	}
	overview := make(chan overviewResult, 1)
	go func() {
		counts, err := s.events.MonthCounts(r.Context(), overviewFilter(f))
		overview <- overviewResult{counts, err}
	}()
	events, prev, next, err := s.page(r, f, before, latest)
	o := <-overview
	if err != nil {
		return err
	}
	counts, err := o.counts, o.err
	if err != nil {
		return err
	}
	m := TimelineModel{
		Filter: f, Years: groupByYear(groupByMonth(events)), ExportQuery: filterQuery(f),
		FirstPage: f.After.IsZero() && before.IsZero() && !latest, Overview: buildOverview(counts, f),
		Highlight: highlighted(q.Get("new")), HighlightLabel: "New", Notice: noticeText(q),
		Dates: dates,
	}
	if q.Get("notice") == "known" {
		m.HighlightLabel = "From this article"
	}
	m.WebcalURL = s.webcalURL(r, m.ExportQuery)
	if m.Suggestions, err = s.actorSuggestions(r.Context()); err != nil {
		return err
	}
	if m.FirstPage && !m.Filtered() {
		if m.Undated, err = s.articles.HasUndated(r.Context()); err != nil {
			return err
		}
	}
	other := f
	other.Order = reversed(f.Order)
	m.OrderURL = pageURL(other)
	link := func(key, value string) string {
		u := url.Values{}
		if fq := filterQuery(f); fq != "" {
			u, _ = url.ParseQuery(fq)
		}
		if f.Limit != 0 {
			u.Set("limit", strconv.Itoa(f.Limit))
		}
		u.Set(key, value)
		return "/?" + u.Encode()
	}
	if !prev.IsZero() {
		m.PrevURL = link("before", prev.String())
	}
	if !next.IsZero() {
		m.NextURL = link("after", next.String())
		if f.Order == timeline.OldestFirst {
			m.LatestURL = link("at", "latest")
		}
	}
	return render(w, r, TimelinePage(m))
}

// page reads one page of the timeline: after f.After; with before, the
// page that ends just before it; with latest, the last page. It returns
// where the pages before and after this one start (zero when there is
// none).
func (s *Server) page(r *http.Request, f timeline.Filter, before timeline.Cursor, latest bool) (events []timeline.Event, prev, next timeline.Cursor, err error) {
	ctx := r.Context()
	back := f
	back.Order = reversed(f.Order)
	if !before.IsZero() || latest {
		// The previous page is the next one in the other direction,
		// turned round; the last page is the first in the other
		// direction.
		back.After = before
		p, err := s.events.Events(ctx, back)
		if err != nil {
			return nil, prev, next, err
		}
		events = p.Events
		slices.Reverse(events)
		if len(events) > 0 {
			if !latest {
				next = timeline.CursorAt(events[len(events)-1])
			}
			if !p.Next.IsZero() {
				prev = timeline.CursorAt(events[0])
			}
		}
		return events, prev, next, nil
	}
	p, err := s.events.Events(ctx, f)
	if err != nil {
		return nil, prev, next, err
	}
	events, next = p.Events, p.Next
	if f.After.IsZero() {
		return events, prev, next, nil
	}
	// A page reached by a cursor has earlier events unless it starts
	// the timeline, which one row in the other direction tells.
	start := f.After
	if len(events) > 0 {
		start = timeline.CursorAt(events[0])
	} else {
		start.ID++ // include the cursor's own event
	}
	back.After, back.Limit = start, 1
	p, err = s.events.Events(ctx, back)
	if err != nil {
		return nil, prev, next, err
	}
	if len(p.Events) > 0 {
		prev = start
	}
	return events, prev, next, nil
}

// startingAt is the cursor of a page that begins with e.
func startingAt(e timeline.Event) timeline.Cursor {
	c := timeline.CursorAt(e)
	c.ID--
	return c
}

// highlighted reads the "new" parameter: ids of events to mark, separated
// by commas.
func highlighted(v string) map[int64]bool {
	if v == "" {
		return nil
	}
	ids := map[int64]bool{}
	for _, s := range strings.Split(v, ",") {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil && id > 0 && len(ids) < timeline.MaxPageSize {
			ids[id] = true
		}
	}
	return ids
}

// noticeText is the message a redirect asked the timeline to show. Only fixed
// texts with numbers in them: nothing from the URL is shown as it is.
func noticeText(q url.Values) string {
	count := func(key string) int { return queryCount(q, key) }
	switch q.Get("notice") {
	case "added":
		added, merged := count("added"), count("merged")
		msg := fmt.Sprintf("%s from the article %s on the timeline, highlighted below.",
			plural(added+merged, "event", "events"), isAre(added+merged))
		if merged > 0 {
			msg += fmt.Sprintf(" %s already there and now %s one more source.",
				plural(merged, "was", "were"), pluralWord(merged, "cites", "cite"))
		}
		return msg
	case "known":
		return "You added this article before: nothing was saved twice. Its events are highlighted below."
	case "deleted":
		return "The event was deleted."
	case "article-deleted":
		n := count("deleted")
		if n == 0 {
			return "The article was deleted; its events stay with their other sources."
		}
		return fmt.Sprintf("The article was deleted, with the %s only it reported.", plural(n, "event", "events"))
	}
	return ""
}

// queryCount reads a count a redirect put in the query: never below 0.
func queryCount(q url.Values, key string) int {
	n, _ := strconv.Atoi(q.Get(key))
	return max(n, 0)
}

// plural says "1 event" or "3 events".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func isAre(n int) string { return pluralWord(n, "is", "are") }

// parseFilter reads a filter from a URL query, so that a view can be shared
// as a link: q, kind (repeatable), actor (repeatable), from, to, order=newest,
// after (a page cursor), limit. The date range takes dates as people write
// them ("June 2025", "last week", counted from today) as well as values
// (2025-06); dates is the range as typed. A date that does not read, or a
// range that ends before it starts, is a *timeline.ValidationError whose
// fields are "from" and "to"; what no form sends (unknown kinds, thousands
// of actors, damaged cursors) is a badRequest.
func parseFilter(q url.Values, today time.Time) (f timeline.Filter, dates DateRange, err error) {
	f = timeline.Filter{Text: strings.TrimSpace(q.Get("q"))}
	// Counted before anything is done with them: a link may carry
	// thousands.
	for _, key := range []string{"actor", "kind"} {
		if len(q[key]) > timeline.MaxFilterValues {
			return f, dates, badRequest{fmt.Sprintf("A filter takes at most %d values of %s.", timeline.MaxFilterValues, key)}
		}
	}
	for _, a := range nonEmpty(q["actor"]) {
		if !slices.ContainsFunc(f.Actors, func(b string) bool { return timeline.ActorKey(a) == timeline.ActorKey(b) }) {
			f.Actors = append(f.Actors, strings.TrimSpace(a))
		}
	}
	for _, k := range nonEmpty(q["kind"]) {
		kind, err := timeline.ParseKind(k)
		if err != nil {
			return f, dates, badRequest{fmt.Sprintf("There is no kind of event called %q.", k)}
		}
		if !slices.Contains(f.Kinds, kind) {
			f.Kinds = append(f.Kinds, kind)
		}
	}
	if q.Get("order") == "newest" {
		f.Order = timeline.NewestFirst
	}
	after, err := timeline.ParseCursor(q.Get("after"))
	if err != nil {
		return f, dates, badRequest{"That page link is damaged; start again from the first page."}
	}
	f.After = after
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return f, dates, badRequest{"The page size must be a positive number."}
		}
		f.Limit = n
	}
	typed := &timeline.ValidationError{}
	dates.From, dates.To = strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	for _, b := range []struct {
		name, text string
		reading    *Reading
		dst        *timeline.Date
	}{{"from", dates.From, &dates.FromReading, &f.From}, {"to", dates.To, &dates.ToReading, &f.To}} {
		if b.text == "" {
			continue
		}
		*b.reading = readTyped(b.text, today, false)
		if b.reading.Error != "" {
			typed.Add(b.name, b.reading.Error)
		} else {
			*b.dst = b.reading.Date
		}
	}
	if from, to := f.Range(); !from.IsZero() && !to.IsZero() && !from.Before(to) {
		typed.Add("to", fmt.Sprintf("%s is before %s, where the range starts: swap them, or correct one", f.To.String(), f.From.String()))
	}
	if typed.Err() != nil {
		return f, dates, typed
	}
	return f, dates, filterProblems(f.Validate())
}

// filterProblems says in plain words what timeline.Filter.Validate found
// wrong with a filter, whose fields are the URL's parameters.
func filterProblems(err error) error {
	v := timeline.FieldErrors(err)
	if v == nil {
		return err
	}
	subjects := map[string]string{"q": "The search", "actor": "An actor's name", "kind": "The kind", "from": "The start of the date range", "to": "The date range"}
	msgs := make([]string, len(v.Fields))
	for i, fe := range v.Fields {
		msgs[i] = subjects[fe.Field] + ": " + fe.Message + "."
	}
	return badRequest{strings.Join(msgs, " ")}
}

func nonEmpty(vs []string) []string {
	var out []string
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
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
			label = fmt.Sprintf("%04d, month unknown", start.Year())
		}
		if label != last {
			groups = append(groups, Group{Label: label})
			last = label
		}
		groups[len(groups)-1].Events = append(groups[len(groups)-1].Events, e)
	}
	return groups
}

// groupByYear gathers runs of month groups of the same year.
func groupByYear(groups []Group) []YearGroup {
	var years []YearGroup
	for _, g := range groups {
		year := fmt.Sprintf("%04d", g.Events[0].Date.Start().Year())
		if len(years) == 0 || years[len(years)-1].Year != year {
			years = append(years, YearGroup{Year: year})
		}
		y := &years[len(years)-1]
		y.Months = append(y.Months, g)
	}
	return years
}

func actorURL(name string) string {
	return "/?" + url.Values{"actor": {name}}.Encode()
}

func eventURL(e timeline.Event) string { return fmt.Sprintf("/events/%d", e.ID) }

func eventAnchor(e timeline.Event) string { return fmt.Sprintf("event-%d", e.ID) }

// statusLabel marks events that are not reported facts.
func statusLabel(s timeline.Status) string {
	switch s {
	case timeline.StatusPlanned:
		return "Planned"
	case timeline.StatusHypothetical:
		return "Hypothetical"
	case timeline.StatusNegated:
		return "Denied"
	}
	return ""
}

// unconfirmed reports an event that only the extractor vouches for, with
// little confidence, from one source: worth a second look.
func unconfirmed(e timeline.Event) bool {
	return e.Origin == timeline.ByExtractor && e.Confidence < lowConfidence && e.Sources <= 1
}

// shorten cuts s to at most n characters, at a word if one is near.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut*3/4 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// sourceName names where an article came from: its publisher, else the
// host of its address.
func sourceName(a *timeline.Article) string {
	if a.Publisher != "" {
		return a.Publisher
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return ""
}

func leadMention(e timeline.Event) (timeline.Mention, bool) {
	if len(e.Mentions) == 0 || e.Mentions[0].Article == nil {
		return timeline.Mention{}, false
	}
	return e.Mentions[0], true
}

func percent(f float64) string { return fmt.Sprintf("%.0f %%", 100*f) }

func reversed(o timeline.Order) timeline.Order {
	if o == timeline.NewestFirst {
		return timeline.OldestFirst
	}
	return timeline.NewestFirst
}
