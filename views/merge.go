package views

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/dateline/dateline/timeline"
)

// MergeModel asks before merging another event (Gone) into one (Kept).
type MergeModel struct {
	Kept, Gone timeline.Event
}

// SplitModel asks before splitting a mention off an event.
type SplitModel struct {
	Event   timeline.Event
	Mention timeline.Mention
}

// otherEventID reads the event an editor names to merge with: its
// number, or its address ("/events/12", "https://…/events/12").
func otherEventID(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if u, err := url.Parse(s); err == nil && strings.Contains(u.Path, "/events/") {
		s = u.Path[strings.LastIndex(u.Path, "/events/")+len("/events/"):]
		s, _, _ = strings.Cut(s, "/")
	}
	s = strings.TrimPrefix(s, "#")
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, false
	}
	return id, true
}

// confirmMerge asks before merging the event named by ?with= into this
// one, showing both.
func (s *Server) confirmMerge(w http.ResponseWriter, r *http.Request) error {
	id, err := eventID(r)
	if err != nil {
		return err
	}
	kept, err := s.events.Event(r.Context(), id)
	if err != nil {
		return err
	}
	with := r.URL.Query().Get("with")
	other, ok := otherEventID(with)
	problem := ""
	switch {
	case !ok:
		problem = "give the number or the address of the event to merge into this one"
	case other == id:
		problem = "that is this event: give another"
	}
	var gone timeline.Event
	if problem == "" {
		gone, err = s.events.Event(r.Context(), other)
		switch {
		case errors.Is(err, timeline.ErrNotFound):
			problem = "there is no event " + strconv.FormatInt(other, 10)
		case err != nil:
			return err
		}
	}
	if problem != "" {
		m, err := s.eventPageModel(r, kept)
		if err != nil {
			return err
		}
		m.MergeWith, m.Errors = with, &timeline.ValidationError{}
		m.Errors.Add("with", problem)
		return renderStatus(w, r, http.StatusUnprocessableEntity, EventPage(m))
	}
	return render(w, r, MergePage(MergeModel{Kept: kept, Gone: gone}))
}

func (s *Server) mergeEvents(w http.ResponseWriter, r *http.Request) error {
	id, err := eventID(r)
	if err != nil {
		return err
	}
	other, ok := otherEventID(r.PostFormValue("with"))
	if !ok {
		return badRequest{"The form could not be read. Go back, reload the page and merge again."}
	}
	err = s.events.MergeEvents(r.Context(), id, other)
	if timeline.FieldErrors(err) != nil {
		return badRequest{"An event cannot be merged with itself."}
	}
	if err != nil {
		return err
	}
	return seeOther(w, r, "/events/"+strconv.FormatInt(id, 10)+"?saved=merged")
}

// splitMentionOf finds the mention of e a split names: its article and
// where its quote starts.
func splitMentionOf(e timeline.Event, article, at string) (timeline.Mention, bool) {
	a, err1 := strconv.ParseInt(article, 10, 64)
	start, err2 := strconv.Atoi(at)
	if err1 != nil || err2 != nil {
		return timeline.Mention{}, false
	}
	for _, m := range e.Mentions {
		if m.ArticleID == a && m.Start == start {
			return m, true
		}
	}
	return timeline.Mention{}, false
}

func (s *Server) confirmSplit(w http.ResponseWriter, r *http.Request) error {
	id, err := eventID(r)
	if err != nil {
		return err
	}
	e, err := s.events.Event(r.Context(), id)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	m, ok := splitMentionOf(e, q.Get("article"), q.Get("at"))
	if !ok {
		return timeline.ErrNotFound
	}
	if len(e.Mentions) < 2 {
		return badRequest{"This is the event's only mention: there is nothing to split it from."}
	}
	return render(w, r, SplitPage(SplitModel{Event: e, Mention: m}))
}

func (s *Server) splitMention(w http.ResponseWriter, r *http.Request) error {
	id, err := eventID(r)
	if err != nil {
		return err
	}
	article, err1 := strconv.ParseInt(r.PostFormValue("article"), 10, 64)
	at, err2 := strconv.Atoi(r.PostFormValue("at"))
	if err1 != nil || err2 != nil {
		return badRequest{"The form could not be read. Go back, reload the page and split again."}
	}
	split, err := s.events.SplitMention(r.Context(), id, article, at)
	if v := timeline.FieldErrors(err); v != nil {
		return badRequest{"This is the event's only mention: there is nothing to split it from."}
	}
	if err != nil {
		return err
	}
	return seeOther(w, r, "/events/"+strconv.FormatInt(split, 10)+"?saved=split")
}

// mergeURL asks to merge event other into e.
func mergeURL(e timeline.Event, other int64) string {
	return eventURL(e) + "/merge?with=" + strconv.FormatInt(other, 10)
}

// splitURL asks to split mention m off e.
func splitURL(e timeline.Event, m timeline.Mention) string {
	return eventURL(e) + "/split?" + url.Values{"article": {strconv.FormatInt(m.ArticleID, 10)}, "at": {strconv.Itoa(m.Start)}}.Encode()
}
