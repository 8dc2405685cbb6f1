package views

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
)

// articleTitle names an article that may have no title.
func articleTitle(a *timeline.Article) string {
	if a.Title != "" {
		return a.Title
	}
	return "Untitled article"
}

// statusText says what a status means for the reader.
func statusText(s timeline.Status) string {
	switch s {
	case timeline.StatusReported:
		return "Reported as having happened"
	case timeline.StatusPlanned:
		return "Planned or announced"
	case timeline.StatusNegated:
		return "Denied: reported as not having happened"
	case timeline.StatusHypothetical:
		return "Hypothetical: possible or conditional"
	}
	return string(s)
}

// originText says who put an event on the timeline.
func originText(o timeline.Origin) string {
	switch o {
	case timeline.ByExtractor:
		return "Found in articles by Dateline"
	case timeline.ByHand:
		return "Entered by hand"
	case timeline.ByImport:
		return "Imported from a file"
	}
	return string(o)
}

// invalid marks an input whose field has a problem, and points it at its
// hints and at the message that fieldError shows.
func invalid(v *timeline.ValidationError, field, id string, hints ...string) templ.Attributes {
	a := templ.Attributes{}
	describedBy := hints
	if v.Field(field) != "" {
		a["aria-invalid"] = "true"
		describedBy = append([]string{id + "-error"}, hints...)
	}
	if len(describedBy) > 0 {
		a["aria-describedby"] = strings.Join(describedBy, " ")
	}
	return a
}

// describedBy points an input at a hint, when there is one.
func describedBy(has bool, id string) templ.Attributes {
	if !has {
		return nil
	}
	return templ.Attributes{"aria-describedby": id}
}

func dayText(t time.Time) string {
	return fmt.Sprintf("%s %d %s %d", t.Weekday(), t.Day(), t.Month(), t.Year())
}

func timestamp(t time.Time) string { return t.UTC().Format("2 January 2006, 15:04 UTC") }

func eventFormTitle(f EventForm) string {
	if f.ID == 0 {
		return "Add an event"
	}
	return "Edit the event"
}

func joinNames(names []string) string { return strings.Join(names, ", ") }

// timelineAt is the timeline page that starts with e.
func timelineAt(e timeline.Event) string {
	q := url.Values{}
	if c := startingAt(e); !c.IsZero() {
		q.Set("after", c.String())
	}
	if len(q) == 0 {
		return "/#" + eventAnchor(e)
	}
	return "/?" + q.Encode() + "#" + eventAnchor(e)
}

// recordedText says when an event was recorded and edited.
func recordedText(e timeline.Event) string {
	s := timestamp(e.CreatedAt)
	if e.Sequence > 0 {
		s += fmt.Sprintf("; edited %s, last on %s", plural(e.Sequence, "time", "times"), timestamp(e.UpdatedAt))
	}
	return s
}

// publishedFrom says where a publication date came from (an
// extract.Source* value, or one of older exports).
func publishedFrom(source string) string {
	switch source {
	case extract.SourceGiven:
		return "as given"
	case extract.SourceMetadata, "json-ld":
		return "from the page's metadata"
	case extract.SourceDateline, "byline":
		return "from the dateline"
	case extract.SourceUpdated:
		return "from an “Updated” time"
	}
	return "from the " + source
}

// mentionMeta says where a mention's publication date came from and what
// found it, after the link to its place in the article.
func mentionMeta(m timeline.Mention) string {
	var parts []string
	if m.Article != nil && m.Article.PublishedSource != "" {
		parts = append(parts, "publication date "+publishedFrom(m.Article.PublishedSource))
	}
	if m.ExtractorVersion != "" {
		parts = append(parts, "found by "+m.ExtractorVersion)
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, "; ")
}
