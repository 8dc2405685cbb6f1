package views

import (
	"net/http"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
)

// maxPrintEvents bounds the print view: a longer timeline is a book, not a
// page, and belongs in an export. A variable for the tests.
var maxPrintEvents = 2000

// PrintModel is the whole filtered timeline on one page, to print or save
// as PDF.
type PrintModel struct {
	Filter   timeline.Filter
	Headline string
	Years    []YearGroup
	// Shown events are on the page; More is set when the filters select
	// more than maxPrintEvents.
	Shown int
	More  bool
	// BackURL is the timeline with the same filters.
	BackURL string
}

// printPage shows every event the filters select (up to maxPrintEvents),
// without the page's controls: the timeline pages 50 events at a time,
// and printing it printed one page.
func (s *Server) printPage(w http.ResponseWriter, r *http.Request) error {
	f, err := exportFilter(r.URL.Query(), s.today())
	if err != nil {
		return err
	}
	var events []timeline.Event
	f.Limit = timeline.MaxPageSize
	for {
		p, err := s.events.Events(r.Context(), f)
		if err != nil {
			return err
		}
		events = append(events, p.Events...)
		if p.Next.IsZero() || len(events) > maxPrintEvents {
			break
		}
		f.After = p.Next
	}
	m := PrintModel{Filter: f, Headline: export.Headline(f), More: len(events) > maxPrintEvents}
	events = events[:min(len(events), maxPrintEvents)]
	m.Shown = len(events)
	f.After, f.Limit = timeline.Cursor{}, 0
	m.Filter, m.BackURL = f, pageURL(f)
	m.Years = groupByYear(groupByMonth(events))
	return render(w, r, PrintPage(m))
}
