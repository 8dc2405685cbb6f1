package views

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/dateline/dateline/timeline"
)

// actorsPerPage is how many actors the list of actors shows at once;
// actorEvents how many of an actor's latest events its page shows.
const (
	actorsPerPage = 100
	actorEvents   = 50
)

// ActorsModel is the list of actors, by name.
type ActorsModel struct {
	Query   string
	Actors  []timeline.ActorRecord
	NextURL string
}

// ActorPageModel is the page of one actor: its names, its latest events,
// the actors that may be the same, and its history.
type ActorPageModel struct {
	Actor      timeline.ActorRecord
	Events     []timeline.Event
	Lookalikes []timeline.ActorRecord
	History    []timeline.Change
	Notice     string
	// Alias is a name being added, and Errors its problem.
	Alias  string
	Errors *timeline.ValidationError
	// Taken is the actor that has the name being added.
	Taken *timeline.ActorRecord
	// Into is what was typed to choose the actor to merge into, and
	// Choices the actors it names when it names several.
	Into    string
	Choices []timeline.ActorRecord
}

// ActorFormModel edits an actor's name, kind and country.
type ActorFormModel struct {
	Actor  timeline.ActorRecord
	Errors *timeline.ValidationError
	// Taken is the actor that already has the name typed: the two are
	// one, and the page offers to merge them.
	Taken *timeline.ActorRecord
}

// ActorMergeModel asks before merging one actor into another.
type ActorMergeModel struct {
	Plan timeline.ActorMerge
}

// actorPageURL is the page of an actor.
func actorPageURL(id int64) string { return fmt.Sprintf("/actors/%d", id) }

// actorFindURL leads from an actor's name to its page.
func actorFindURL(name string) string { return "/actors?" + url.Values{"name": {name}}.Encode() }

// actorKinds are the kinds an editor may give an actor.
var actorKinds = []timeline.ActorKind{timeline.ActorPerson, timeline.ActorCountry, timeline.ActorOrganisation, timeline.ActorGroup, timeline.ActorUnknown}

// actorKindText names a kind of actor.
func actorKindText(k timeline.ActorKind) string {
	if k == timeline.ActorUnknown {
		return "not known"
	}
	return string(k)
}

// actorsPage lists actors by name; ?q= keeps those with a name that
// starts so; ?name= goes to the actor a name names, when it names one.
func (s *Server) actorsPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if name := strings.TrimSpace(q.Get("name")); name != "" {
		found, err := s.actors.FindActors(r.Context(), name)
		if err != nil {
			return err
		}
		if len(found) == 1 {
			return seeOther(w, r, actorPageURL(found[0].ID))
		}
		return render(w, r, ActorsPage(ActorsModel{Query: name, Actors: found}))
	}
	m := ActorsModel{Query: strings.TrimSpace(q.Get("q"))}
	if len(m.Query) > timeline.MaxActorRunes*4 || len(q.Get("after")) > timeline.MaxActorRunes*4 {
		return badRequest{"That name is too long to be an actor's."}
	}
	actors, err := s.actors.ActorList(r.Context(), m.Query, q.Get("after"), actorsPerPage+1)
	if err != nil {
		return err
	}
	if len(actors) > actorsPerPage {
		actors = actors[:actorsPerPage]
		next := url.Values{"after": {actors[len(actors)-1].Name}}
		if m.Query != "" {
			next.Set("q", m.Query)
		}
		m.NextURL = "/actors?" + next.Encode()
	}
	m.Actors = actors
	return render(w, r, ActorsPage(m))
}

func actorID(r *http.Request) (int64, error) { return eventID(r) }

// actorPageModel reads what an actor's page shows; a merged actor's id
// leads to the actor it was merged into.
func (s *Server) actorPageModel(w http.ResponseWriter, r *http.Request) (m ActorPageModel, moved bool, err error) {
	id, err := actorID(r)
	if err != nil {
		return m, false, err
	}
	a, err := s.actors.Actor(r.Context(), id)
	if errors.Is(err, timeline.ErrNotFound) {
		to, merr := s.actors.ActorMergedInto(r.Context(), id)
		if merr != nil {
			return m, false, err
		}
		return m, true, seeOther(w, r, actorPageURL(to)+"?notice=merged")
	}
	if err != nil {
		return m, false, err
	}
	m.Actor = a
	if m.Events, err = s.actors.ActorEvents(r.Context(), id, actorEvents); err != nil {
		return m, false, err
	}
	if m.Lookalikes, err = s.actors.ActorLookalikes(r.Context(), id, 10); err != nil {
		return m, false, err
	}
	if m.History, err = s.changes.ActorHistory(r.Context(), id); err != nil {
		return m, false, err
	}
	switch r.URL.Query().Get("notice") {
	case "saved":
		m.Notice = "Your changes were saved."
	case "alias":
		m.Notice = "The name was added: filters and searches by it find this actor."
	case "merged":
		m.Notice = "The actors were merged into this one."
	}
	return m, false, nil
}

func (s *Server) actorPage(w http.ResponseWriter, r *http.Request) error {
	m, moved, err := s.actorPageModel(w, r)
	if err != nil || moved {
		return err
	}
	// The page is public, and carries the form that adds a name.
	s.ensureFormToken(w, r, visitorOf(r.Context()))
	return render(w, r, ActorPage(m))
}

func (s *Server) editActor(w http.ResponseWriter, r *http.Request) error {
	id, err := actorID(r)
	if err != nil {
		return err
	}
	a, err := s.actors.Actor(r.Context(), id)
	if err != nil {
		return err
	}
	return render(w, r, ActorFormPage(ActorFormModel{Actor: a}))
}

func (s *Server) updateActor(w http.ResponseWriter, r *http.Request) error {
	id, err := actorID(r)
	if err != nil {
		return err
	}
	stored, err := s.actors.Actor(r.Context(), id)
	if err != nil {
		return err
	}
	a := stored
	a.Name = strings.Join(strings.Fields(r.PostFormValue("name")), " ")
	a.Kind = timeline.ActorKind(r.PostFormValue("kind"))
	a.Country = strings.TrimSpace(r.PostFormValue("country"))
	m := ActorFormModel{Actor: a}
	err = s.actors.UpdateActor(r.Context(), a)
	var taken *timeline.NameTakenError
	switch {
	case err == nil:
		return seeOther(w, r, actorPageURL(id)+"?notice=saved")
	case errors.As(err, &taken):
		other, err := s.actors.Actor(r.Context(), taken.Other)
		if err != nil {
			return err
		}
		m.Taken = &other
		m.Errors = &timeline.ValidationError{}
		m.Errors.Add("name", fmt.Sprintf("%s is already called “%s”", other.Name, a.Name))
	case timeline.FieldErrors(err) != nil:
		m.Errors = timeline.FieldErrors(err)
	default:
		return err
	}
	return renderStatus(w, r, http.StatusUnprocessableEntity, ActorFormPage(m))
}

func (s *Server) addAlias(w http.ResponseWriter, r *http.Request) error {
	id, err := actorID(r)
	if err != nil {
		return err
	}
	name := strings.Join(strings.Fields(r.PostFormValue("alias")), " ")
	err = s.actors.AddAlias(r.Context(), id, name)
	if err == nil {
		return seeOther(w, r, actorPageURL(id)+"?notice=alias")
	}
	var taken *timeline.NameTakenError
	if !errors.As(err, &taken) && timeline.FieldErrors(err) == nil {
		return err
	}
	m, _, merr := s.actorPageModel(w, r)
	if merr != nil {
		return merr
	}
	m.Alias, m.Errors = name, &timeline.ValidationError{}
	if taken != nil {
		other, err := s.actors.Actor(r.Context(), taken.Other)
		if err != nil {
			return err
		}
		m.Taken = &other
		m.Errors.Add("alias", fmt.Sprintf("%s is already called “%s”", other.Name, name))
	} else {
		m.Errors.Add("alias", timeline.FieldErrors(err).Field("name"))
	}
	return renderStatus(w, r, http.StatusUnprocessableEntity, ActorPage(m))
}

// confirmActorMerge asks before merging the actor into another, chosen
// by id (into_id) or by a name (into) that names one.
func (s *Server) confirmActorMerge(w http.ResponseWriter, r *http.Request) error {
	id, err := actorID(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	into, err := strconv.ParseInt(q.Get("into_id"), 10, 64)
	if err != nil {
		name := strings.TrimSpace(q.Get("into"))
		var found []timeline.ActorRecord
		if name != "" {
			if found, err = s.actors.FindActors(r.Context(), name); err != nil {
				return err
			}
		}
		found = withoutActor(found, id)
		if len(found) != 1 {
			m, moved, err := s.actorPageModel(w, r)
			if err != nil || moved {
				return err
			}
			m.Into, m.Choices, m.Errors = name, found, &timeline.ValidationError{}
			switch {
			case name == "":
				m.Errors.Add("into", "type the name of the actor to merge this one into")
			case len(found) == 0:
				m.Errors.Add("into", fmt.Sprintf("no other actor is called “%s”", name))
			default:
				m.Errors.Add("into", fmt.Sprintf("“%s” names %d actors: choose one", name, len(found)))
			}
			return renderStatus(w, r, http.StatusUnprocessableEntity, ActorPage(m))
		}
		into = found[0].ID
	}
	plan, err := s.actors.PlanActorMerge(r.Context(), id, into)
	if timeline.FieldErrors(err) != nil {
		return badRequest{"An actor cannot be merged into itself."}
	}
	if err != nil {
		return err
	}
	return render(w, r, ActorMergePage(ActorMergeModel{Plan: plan}))
}

func withoutActor(actors []timeline.ActorRecord, id int64) []timeline.ActorRecord {
	var out []timeline.ActorRecord
	for _, a := range actors {
		if a.ID != id {
			out = append(out, a)
		}
	}
	return out
}

func (s *Server) mergeActors(w http.ResponseWriter, r *http.Request) error {
	id, err := actorID(r)
	if err != nil {
		return err
	}
	into, err := strconv.ParseInt(r.PostFormValue("into_id"), 10, 64)
	if err != nil || into <= 0 {
		return badRequest{"The form could not be read. Go back, reload the page and merge again."}
	}
	err = s.actors.MergeActors(r.Context(), id, into)
	if timeline.FieldErrors(err) != nil {
		return badRequest{"An actor cannot be merged into itself."}
	}
	if err != nil {
		return err
	}
	return seeOther(w, r, actorPageURL(into)+"?notice=merged")
}

// otherNames are the names an actor is also called by, besides its
// canonical name and its surname.
func otherNames(a timeline.ActorRecord) []string {
	var names []string
	for _, al := range a.Aliases {
		if al.Name != a.Name && !al.Surname {
			names = append(names, al.Name)
		}
	}
	return names
}

// aliasNames are the names an actor is called by, quoted.
func aliasNames(a timeline.ActorRecord) []string {
	var names []string
	for _, al := range a.Aliases {
		if !al.Surname {
			names = append(names, "“"+al.Name+"”")
		}
	}
	return names
}
