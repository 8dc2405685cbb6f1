package views

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/timex"
)

// maxEventForm bounds an event form: a summary of MaxSummaryRunes and
// room for the rest.
const maxEventForm = 256 << 10

// suggestedActors is how many actor names the event form offers.
const suggestedActors = 300

// EventForm is the form that adds or edits an event, with what the user
// typed, the date it reads as, and the problems found.
type EventForm struct {
	ID       int64 // 0 for a new event
	Sequence int   // the version the edit started from
	Date     string
	// Preview is what Date reads as (zero when it does not), with a note
	// when it could be read two ways; Previewed is set when the user
	// asked for it.
	Preview     timeline.Date
	PreviewNote string
	Previewed   bool
	Today       time.Time
	Kind        string
	Title       string
	Actors      []string
	Summary     string
	SourceURL   string
	Status      string
	// Suggestions are actor names used before.
	Suggestions []string
	Errors      *timeline.ValidationError
	// Conflict is the stored event when someone else changed it during
	// the edit: the form keeps the user's version, Sequence is theirs.
	Conflict *timeline.Event
}

// action is where the form posts.
func (f EventForm) action() string {
	if f.ID == 0 {
		return "/events"
	}
	return fmt.Sprintf("/events/%d", f.ID)
}

// actorFields are the values of the actor inputs: the actors, and empty
// fields to add more, at least three in all.
func (f EventForm) actorFields() []string {
	fields := append([]string(nil), f.Actors...)
	for len(fields) < max(3, len(f.Actors)+1) {
		fields = append(fields, "")
	}
	return fields
}

// EventPageModel is the page of one event, with the events it may be
// merged with and its history.
type EventPageModel struct {
	Event   timeline.Event
	Notice  string
	Nearby  []timeline.Event
	History []timeline.Change
	// MergeWith is the event typed to merge into this one, and Errors
	// its problem.
	MergeWith string
	Errors    *timeline.ValidationError
}

// nearbyShown is how many events an event page offers to merge with.
const nearbyShown = 5

// DeleteModel asks whether to delete an event.
type DeleteModel struct {
	Event timeline.Event
}

func eventID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, timeline.ErrNotFound
	}
	return id, nil
}

func (s *Server) eventPage(w http.ResponseWriter, r *http.Request) error {
	id, err := eventID(r)
	if err != nil {
		return err
	}
	e, err := s.events.Event(r.Context(), id)
	if errors.Is(err, timeline.ErrNotFound) {
		// An event merged into another lives on in it.
		if to, merr := s.events.MergedInto(r.Context(), id); merr == nil {
			return seeOther(w, r, fmt.Sprintf("/events/%d?saved=merged-away", to))
		}
	}
	if err != nil {
		return err
	}
	m, err := s.eventPageModel(r, e)
	if err != nil {
		return err
	}
	switch r.URL.Query().Get("saved") {
	case "created":
		m.Notice = "The event was added."
	case "updated":
		m.Notice = "Your changes were saved."
	case "merged":
		m.Notice = "The events were merged: this one has the mentions and sources of both."
	case "merged-away":
		m.Notice = "The event you asked for was merged into this one."
	case "split":
		m.Notice = "The mention is an event of its own now: correct what differs from the event it was split from."
	}
	return render(w, r, EventPage(m))
}

// eventPageModel reads what the page of e shows besides e.
func (s *Server) eventPageModel(r *http.Request, e timeline.Event) (m EventPageModel, err error) {
	m.Event = e
	if m.Nearby, err = s.events.NearbyEvents(r.Context(), e.ID, nearbyShown); err != nil {
		return m, err
	}
	m.History, err = s.changes.EventHistory(r.Context(), e.ID)
	return m, err
}

func (s *Server) newEvent(w http.ResponseWriter, r *http.Request) error {
	f := EventForm{Status: string(timeline.StatusReported), Today: s.today()}
	if err := s.suggest(r, &f); err != nil {
		return err
	}
	return render(w, r, EventFormPage(f))
}

func (s *Server) editEvent(w http.ResponseWriter, r *http.Request) error {
	id, err := eventID(r)
	if err != nil {
		return err
	}
	e, err := s.events.Event(r.Context(), id)
	if err != nil {
		return err
	}
	f := formOf(e)
	f.Today = s.today()
	if err := s.suggest(r, &f); err != nil {
		return err
	}
	return render(w, r, EventFormPage(f))
}

// formOf fills the form with a stored event.
func formOf(e timeline.Event) EventForm {
	return EventForm{
		ID: e.ID, Sequence: e.Sequence, Date: e.Date.Value(), Preview: e.Date,
		Kind: string(e.Kind), Title: e.Title, Actors: e.ActorNames(), Summary: e.Summary,
		SourceURL: e.SourceURL, Status: string(e.Status),
	}
}

func (s *Server) suggest(r *http.Request, f *EventForm) (err error) {
	f.Suggestions, err = s.actorSuggestions(r.Context())
	return err
}

// readEventForm reads the posted form (parsed by Server.change); preview
// reports that the user asked to see the date rather than save.
func (s *Server) readEventForm(r *http.Request) (f EventForm, preview bool, err error) {
	p := r.PostForm
	f = EventForm{
		Date: strings.TrimSpace(p.Get("date")), Kind: p.Get("kind"), Title: strings.TrimSpace(p.Get("title")),
		Actors: actorList(p["actor"]), Summary: strings.TrimSpace(p.Get("summary")),
		SourceURL: strings.TrimSpace(p.Get("source_url")), Status: p.Get("status"), Today: s.today(),
	}
	if seq := p.Get("sequence"); seq != "" {
		// The version the edit started from, as the form was served: a
		// number the store cannot hold was not sent by Dateline's page.
		n, err := strconv.ParseInt(seq, 10, 32)
		if err != nil || n < 0 {
			return f, false, badRequest{"The form could not be read. Go back, reload the page and edit again."}
		}
		f.Sequence = int(n)
	}
	return f, p.Get("action") == "preview", nil
}

// actorList is the actor names typed into fields: trimmed, without empty
// fields and without the same actor twice.
func actorList(fields []string) []string {
	var names []string
	seen := map[string]bool{}
	for _, v := range fields {
		name := strings.Join(strings.Fields(v), " ")
		if name == "" || seen[timeline.ActorKey(name)] {
			continue
		}
		seen[timeline.ActorKey(name)] = true
		names = append(names, name)
	}
	return names
}

// readDate reads a date as a person types it: a TIMEX value, kept exactly
// ("2025-07-03TMO"), or natural language resolved against ref.
func readDate(s string, ref time.Time) (timeline.Date, error) {
	if s == "" {
		return timeline.Date{}, errors.New("a date is required")
	}
	if d, err := timeline.ParseDate(s); err == nil {
		return d, nil
	}
	d, err := timex.Parse(s, ref)
	var pe *timex.ParseError
	if errors.As(err, &pe) {
		return d, pe
	}
	return d, err
}

// event builds the event the form describes over base (for an edit, the
// stored event: origin, confidence and mentions stay), and reports every
// problem by field.
func (f *EventForm) event(base timeline.Event) (timeline.Event, *timeline.ValidationError) {
	v := &timeline.ValidationError{}
	e := base
	e.ID, e.Sequence = f.ID, f.Sequence
	e.Kind, e.Status = timeline.Kind(f.Kind), timeline.Status(f.Status)
	e.Title, e.Summary, e.SourceURL = f.Title, f.Summary, f.SourceURL
	e.Actors = mergeActorKinds(f.Actors, base.Actors)
	r := readTyped(f.Date, f.Today, false)
	if r.Error != "" {
		v.Add("date", r.Error)
	}
	e.Date, f.Preview, f.PreviewNote = r.Date, r.Date, r.Note
	addFieldErrors(v, e.Validate(), "")
	return e, v
}

// mergeActorKinds names actors, keeping the kind known for a name. A kind
// outside the vocabulary (stored before kinds were checked) is dropped:
// the form has no field to correct it.
func mergeActorKinds(names []string, known []timeline.Actor) []timeline.Actor {
	kinds := map[string]timeline.ActorKind{}
	for _, a := range known {
		if a.Kind.Valid() {
			kinds[timeline.ActorKey(a.Name)] = a.Kind
		}
	}
	actors := make([]timeline.Actor, len(names))
	for i, n := range names {
		actors[i] = timeline.Actor{Name: n, Kind: kinds[timeline.ActorKey(n)]}
	}
	return actors
}

// addFieldErrors copies the field errors of err into v, under prefix,
// unless v already has a message for that field (the more specific one,
// such as why a date did not read).
func addFieldErrors(v *timeline.ValidationError, err error, prefix string) {
	for _, fe := range fieldErrorsOf(err) {
		if v.Field(prefix+fe.Field) == "" {
			v.Add(prefix+fe.Field, fe.Message)
		}
	}
}

func fieldErrorsOf(err error) []timeline.FieldError {
	if v := timeline.FieldErrors(err); v != nil {
		return v.Fields
	}
	return nil
}

func (s *Server) createEvent(w http.ResponseWriter, r *http.Request) error {
	f, preview, err := s.readEventForm(r)
	if err != nil {
		return err
	}
	e, problems := f.event(timeline.Event{Origin: timeline.ByHand, Confidence: 1})
	if preview {
		return s.showEventForm(w, r, http.StatusOK, f, previewOnly(problems))
	}
	if problems.Err() == nil {
		err := s.events.CreateEvent(r.Context(), &e)
		if err == nil {
			return seeOther(w, r, eventURL(e)+"?saved=created")
		}
		if timeline.FieldErrors(err) == nil {
			return err
		}
		addFieldErrors(problems, err, "")
	}
	return s.showEventForm(w, r, http.StatusUnprocessableEntity, f, problems)
}

func (s *Server) updateEvent(w http.ResponseWriter, r *http.Request) error {
	id, err := eventID(r)
	if err != nil {
		return err
	}
	f, preview, err := s.readEventForm(r)
	if err != nil {
		return err
	}
	f.ID = id
	stored, err := s.events.Event(r.Context(), id)
	if err != nil {
		return err
	}
	e, problems := f.event(stored)
	if preview {
		return s.showEventForm(w, r, http.StatusOK, f, previewOnly(problems))
	}
	if problems.Err() != nil {
		return s.showEventForm(w, r, http.StatusUnprocessableEntity, f, problems)
	}
	err = s.events.UpdateEvent(r.Context(), &e)
	switch {
	case err == nil:
		return seeOther(w, r, eventURL(e)+"?saved=updated")
	case errors.Is(err, timeline.ErrConflict):
		current, err := s.events.Event(r.Context(), id)
		if err != nil {
			return err
		}
		// Saving again means "mine over theirs", knowingly: the form now
		// carries their version's sequence.
		f.Conflict, f.Sequence = &current, current.Sequence
		return s.showEventForm(w, r, http.StatusConflict, f, nil)
	case timeline.FieldErrors(err) != nil:
		addFieldErrors(problems, err, "")
		return s.showEventForm(w, r, http.StatusUnprocessableEntity, f, problems)
	}
	return err
}

// previewOnly keeps the date's problem for a preview: the rest of the form
// may still be half-filled, and that is no error yet.
func previewOnly(v *timeline.ValidationError) *timeline.ValidationError {
	p := &timeline.ValidationError{}
	if msg := v.Field("date"); msg != "" {
		p.Add("date", msg)
	}
	return p
}

func (s *Server) showEventForm(w http.ResponseWriter, r *http.Request, status int, f EventForm, problems *timeline.ValidationError) error {
	f.Errors = problems
	f.Previewed = status == http.StatusOK
	if err := s.suggest(r, &f); err != nil {
		return err
	}
	return renderStatus(w, r, status, EventFormPage(f))
}

func (s *Server) confirmDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := eventID(r)
	if err != nil {
		return err
	}
	e, err := s.events.Event(r.Context(), id)
	if err != nil {
		return err
	}
	return render(w, r, DeletePage(DeleteModel{Event: e}))
}

func (s *Server) deleteEvent(w http.ResponseWriter, r *http.Request) error {
	id, err := eventID(r)
	if err != nil {
		return err
	}
	if err := s.events.DeleteEvent(r.Context(), id); err != nil {
		return err
	}
	return seeOther(w, r, "/?notice=deleted")
}

// DatePreviewModel is what a typed date reads as.
type DatePreviewModel struct {
	Input string
	Reading
	Today time.Time
}

// parseDate answers GET /dates/parse?q=...: the date preview alone, for
// the page's small script to show while the user types. The form's
// Preview button does the same without the script. Relative dates count
// from today, or from ref (a review's publication date, as typed);
// order=dmy reads "06/07/2025" day first.
func (s *Server) parseDate(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	m := DatePreviewModel{Input: strings.TrimSpace(q.Get("q")), Today: s.today()}
	dayFirst := q.Get("order") == "dmy"
	ref := m.Today
	if v := strings.TrimSpace(q.Get("ref")); v != "" {
		if d := readTyped(v, m.Today, dayFirst); d.Error == "" {
			ref = d.Date.Start()
		}
	}
	if m.Input != "" {
		m.Reading = readTyped(m.Input, ref, dayFirst)
	}
	w.Header().Set("Cache-Control", "no-store")
	return render(w, r, DatePreview(m))
}
