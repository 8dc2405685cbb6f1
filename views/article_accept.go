package views

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
)

// article builds the article and the chosen events the review describes,
// and reports every problem: the article's under its fields' names, each
// candidate's in the candidate. chosen maps the events to candidates.
func (m *ReviewModel) article(today time.Time) (a timeline.Article, events []timeline.Event, chosen []int, ok bool) {
	v := &timeline.ValidationError{}
	m.Errors = v
	a = timeline.Article{Body: m.Body, URL: m.URL, Title: m.Title, Publisher: m.Publisher, PublishedSource: m.PublishedSource}
	ref := today
	if m.Published != "" {
		r := readTyped(m.Published, today, m.DayFirst)
		m.PublishedNote = r.Note
		if r.Error != "" {
			v.Add("published", r.Error)
		} else {
			a.Published, m.PublishedDate, ref = r.Date, r.Date, r.Date.Start()
		}
	}
	if m.Published != m.FoundPublished {
		a.PublishedSource = extract.SourceGiven
	}
	if a.Published.IsZero() {
		a.PublishedSource = ""
	}
	addFieldErrors(v, a.Validate(), "")
	ok = v.Err() == nil
	for i := range m.Candidates {
		c := &m.Candidates[i]
		c.Errors = &timeline.ValidationError{}
		r := readTyped(c.Date, ref, m.DayFirst)
		d := r.Date
		c.DateRead, c.DateNote = r.Date, r.Note
		if !c.Selected {
			continue
		}
		if r.Error != "" {
			c.Errors.Add("date", r.Error)
		}
		e := timeline.Event{
			Kind: timeline.Kind(c.Kind), Date: d, Title: c.Title, Summary: c.Summary,
			Actors: mergeActorKinds(c.Actors, c.KnownActors), Status: timeline.Status(c.Status),
			Confidence: min(max(c.Confidence, 0), 1), Origin: timeline.ByExtractor,
		}
		for _, sp := range c.Spans {
			if !validSpan(m.Body, sp[0], sp[1]) {
				c.Errors.Add("quote", "the quote no longer matches the article; read the article again")
				break
			}
			e.Mentions = append(e.Mentions, timeline.Mention{
				Quote: m.Body[sp[0]:sp[1]], Start: sp[0], End: sp[1], ExtractorVersion: extract.Version,
			})
		}
		addFieldErrors(c.Errors, e.Validate(), "")
		if c.Errors.Err() != nil {
			ok = false
			continue
		}
		events = append(events, e)
		chosen = append(chosen, i)
	}
	if !slices.ContainsFunc(m.Candidates, func(c Candidate) bool { return c.Selected }) {
		v.Add("events", "choose at least one event to add")
		ok = false
	}
	return a, events, chosen, ok
}

// acceptArticle saves the article with the chosen, possibly corrected,
// events in one transaction, and shows them on the timeline.
func (s *Server) acceptArticle(w http.ResponseWriter, r *http.Request) error {
	m, err := s.readReview(r)
	if err != nil {
		return err
	}
	a, events, chosen, ok := m.article(s.today())
	if !ok {
		return renderStatus(w, r, http.StatusUnprocessableEntity, ReviewPage(m))
	}
	var duplicate bool
	if m.InboxItem != 0 {
		duplicate, err = s.inbox.AcceptInbox(r.Context(), m.InboxItem, &a, events)
		if errors.Is(err, timeline.ErrNotFound) {
			return seeOther(w, r, "/inbox?notice=gone")
		}
	} else {
		duplicate, err = s.articles.SaveArticle(r.Context(), &a, events)
	}
	if v := timeline.FieldErrors(err); v != nil {
		m.reviewProblems(v, chosen)
		return renderStatus(w, r, http.StatusUnprocessableEntity, ReviewPage(m))
	}
	if err != nil {
		return err
	}
	if duplicate {
		return s.showKnown(w, r, a.ID)
	}
	// events stored by this call have the article's time; merged ones
	// were stored before
	var added []int64
	for _, e := range events {
		if !e.CreatedAt.Before(a.CreatedAt) {
			added = append(added, e.ID)
		}
	}
	return seeOther(w, r, addedURL(events, added))
}

// reviewProblems puts the problems the store found with the chosen
// events (chosen maps them to candidates) next to their candidates:
// validation before saving is the same, so these are for the rules only
// the store knows. Events' fields are named events[i].field.
func (m *ReviewModel) reviewProblems(v *timeline.ValidationError, chosen []int) {
	for _, fe := range v.Fields {
		var i int
		var field string
		if n, _ := fmt.Sscanf(fe.Field, "events[%d].", &i); n == 1 && i < len(chosen) {
			_, field, _ = strings.Cut(fe.Field, "].")
			if strings.HasPrefix(field, "mentions") {
				field = "quote"
			}
			m.Candidates[chosen[i]].Errors.Add(field, fe.Message)
		} else {
			m.Errors.Add(fe.Field, fe.Message)
		}
	}
}

// showKnown sends the user to the timeline at the events of an article
// that was added before.
func (s *Server) showKnown(w http.ResponseWriter, r *http.Request, articleID int64) error {
	events, err := s.articles.ArticleEvents(r.Context(), articleID)
	if err != nil {
		return err
	}
	q := url.Values{"notice": {"known"}}
	if len(events) == 0 {
		return seeOther(w, r, "/?"+q.Encode())
	}
	ids := make([]int64, len(events))
	for i, e := range events {
		ids[i] = e.ID
	}
	return seeOther(w, r, highlightURL(q, ids, events[0]))
}

// highlightURL is the timeline from first on, with ids highlighted and the
// page scrolled to first.
func highlightURL(q url.Values, ids []int64, first timeline.Event) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	q.Set("new", strings.Join(parts, ","))
	if c := startingAt(first); !c.IsZero() {
		q.Set("after", c.String())
	}
	return "/?" + q.Encode() + "#" + eventAnchor(first)
}
