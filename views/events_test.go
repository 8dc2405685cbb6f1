package views

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/dateline/dateline/timeline"
)

// eventForm is a filled event form.
func eventForm(date, kind, title string, actors ...string) url.Values {
	return url.Values{
		"date": {date}, "kind": {kind}, "title": {title}, "actor": append(actors, "", ""),
		"status": {"reported"}, "summary": {""}, "source_url": {""},
	}
}

func TestAddingAnEventByHand(t *testing.T) {
	s := newSite(t)
	s.create(handEvent(t, timeline.KindStrike, "2025-06-21", "Earlier", "United States", "Iran"))
	form := s.get("/events/new")
	var suggested []string
	form.find(`#actor-names option`).Each(func(_ int, o *goquery.Selection) {
		v, _ := o.Attr("value")
		suggested = append(suggested, v)
	})
	if !slices.Contains(suggested, "Iran") || !slices.Contains(suggested, "United States") {
		t.Errorf("suggested actors = %v", suggested)
	}
	if hint := form.text(`#date-hint`); !strings.Contains(hint, "Thursday 10 July 2025") {
		t.Errorf("the date hint does not say what today is: %q", hint)
	}

	// Preview: nothing is saved, the date reads as 3 July.
	values := eventForm("last Thursday", "call", "Trump and Putin speak by phone", "Donald Trump", "Vladimir Putin")
	values.Set("action", "preview")
	p := s.postForm("/events", values)
	if p.StatusCode != http.StatusOK {
		t.Fatalf("preview = %d", p.StatusCode)
	}
	if got := p.text(`[data-testid=date-preview-text]`); got != "3 July 2025" {
		t.Errorf("preview = %q, want 3 July 2025", got)
	}
	if v, _ := p.find(`[data-testid=date]`).Attr("value"); v != "last Thursday" {
		t.Errorf("the date field lost what was typed: %q", v)
	}
	if n := len(s.get("/").find(`[data-testid=event]`).Nodes); n != 1 {
		t.Fatalf("a preview saved something: %d events", n)
	}

	values.Set("action", "save")
	ev := s.follow(s.postForm("/events", values))
	if got := ev.text(`[data-testid=notice]`); got != "The event was added." {
		t.Errorf("notice = %q", got)
	}
	if got := ev.text(`[data-testid=event-date-value]`); got != "2025-07-03" {
		t.Errorf("stored date = %q", got)
	}
	if got := texts(ev.find(`[data-testid=event-actor]`)); !slices.Equal(got, []string{"Donald Trump", "Vladimir Putin"}) {
		t.Errorf("actors = %v", got)
	}
	if got := ev.text(`[data-testid=no-mentions]`); got == "" {
		t.Error("a hand-made event claims mentions")
	}
	stored, err := s.store.Events(context.Background(), timeline.Filter{Kinds: []timeline.Kind{timeline.KindCall}})
	if err != nil || len(stored.Events) != 1 {
		t.Fatalf("stored calls: %v, %v", stored.Events, err)
	}
	if e := stored.Events[0]; e.Origin != timeline.ByHand || e.Confidence != 1 {
		t.Errorf("origin %s, confidence %v; want by hand, 1", e.Origin, e.Confidence)
	}
}

func TestEventFormShowsEachProblemNextToItsFieldAndKeepsTheInput(t *testing.T) {
	s := newSite(t)
	values := eventForm("the twelfth of never", "", "", "Iran")
	values.Set("source_url", "javascript:alert(1)")
	values.Set("summary", "Kept as typed.")
	p := s.postForm("/events", values)
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", p.StatusCode)
	}
	for field, says := range map[string]string{
		"date": "is not a date", "kind": "choose one of the kinds", "title": "must not be empty", "source_url": "http",
	} {
		msg := p.text(`[data-testid=error-` + field + `]`)
		if !strings.Contains(msg, says) {
			t.Errorf("%s: error %q, want it to say %q", field, msg, says)
		}
		id := field
		if described, _ := p.find(`#` + id).Attr("aria-describedby"); !strings.Contains(described, id+"-error") {
			t.Errorf("%s: the field does not point at its message (aria-describedby %q)", field, described)
		}
	}
	if v, _ := p.find(`[data-testid=date]`).Attr("value"); v != "the twelfth of never" {
		t.Errorf("date field = %q", v)
	}
	if v := p.text(`[data-testid=summary]`); v != "Kept as typed." {
		t.Errorf("summary = %q", v)
	}
	if v, _ := p.find(`[data-testid=actor]`).First().Attr("value"); v != "Iran" {
		t.Errorf("first actor = %q", v)
	}
	if n := len(s.get("/").find(`[data-testid=event]`).Nodes); n != 0 {
		t.Errorf("%d events saved from a form with problems", n)
	}

	// A preview reports only the date: the rest may be unfinished.
	values.Set("action", "preview")
	p = s.postForm("/events", values)
	if p.StatusCode != http.StatusOK || p.find(`[data-testid=error-title]`).Length() != 0 || p.find(`[data-testid=error-date]`).Length() != 1 {
		t.Errorf("preview: %d, title error %d, date error %d", p.StatusCode,
			p.find(`[data-testid=error-title]`).Length(), p.find(`[data-testid=error-date]`).Length())
	}
}

func TestEditingAnEvent(t *testing.T) {
	s := newSite(t)
	e := s.create(handEvent(t, timeline.KindStrike, "2025-06-21", "US strikes Iran", "United States", "Iran"))
	edit := s.get(eventURL(e) + "/edit")
	values := formValues(edit.doc, `[data-testid=event-form]`)
	if values.Get("date") != "2025-06-21" || values.Get("kind") != "strike" || values.Get("sequence") != "0" {
		t.Fatalf("edit form = %v", values)
	}
	values.Set("title", "United States strikes three Iranian nuclear sites")
	values.Set("date", "June 22, 2025")
	values.Set("action", "save")
	ev := s.follow(s.postForm(eventURL(e), values))
	if ev.text(`[data-testid=event-title]`) != "United States strikes three Iranian nuclear sites" || ev.text(`[data-testid=event-date-value]`) != "2025-06-22" {
		t.Errorf("after the edit: %q on %q", ev.text(`[data-testid=event-title]`), ev.text(`[data-testid=event-date-value]`))
	}
	if got := ev.text(`[data-testid=notice]`); got != "Your changes were saved." {
		t.Errorf("notice = %q", got)
	}
}

// Two people edit the same event: the second to save is told, keeps what
// they typed, and can then save over the first knowingly.
func TestEditingAnEventSomeoneElseChanged(t *testing.T) {
	s := newSite(t)
	e := s.create(handEvent(t, timeline.KindCall, "2025-07-03TMO", "Call", "Donald Trump", "Vladimir Putin"))
	mine := formValues(s.get(eventURL(e)+"/edit").doc, `[data-testid=event-form]`)

	theirs, err := s.store.Event(context.Background(), e.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Title = "Their title"
	if err := s.store.UpdateEvent(context.Background(), &theirs); err != nil {
		t.Fatal(err)
	}

	mine.Set("title", "My title")
	mine.Set("action", "save")
	p := s.postForm(eventURL(e), mine)
	if p.StatusCode != http.StatusConflict {
		t.Fatalf("status %d, want 409", p.StatusCode)
	}
	if !strings.Contains(p.text(`[data-testid=conflict]`), "Someone else changed this event") || p.text(`[data-testid=conflict-title]`) != "Their title" {
		t.Errorf("conflict message = %q", p.text(`[data-testid=conflict]`))
	}
	again := formValues(p.doc, `[data-testid=event-form]`)
	if again.Get("title") != "My title" {
		t.Errorf("the form lost my title: %q", again.Get("title"))
	}
	if again.Get("sequence") != "1" {
		t.Errorf("sequence = %q, want theirs (1), so that saving again is deliberate", again.Get("sequence"))
	}
	again.Set("action", "save")
	ev := s.follow(s.postForm(eventURL(e), again))
	if got := ev.text(`[data-testid=event-title]`); got != "My title" {
		t.Errorf("after saving again: %q", got)
	}
}

func TestDeletingAnEventAsksFirst(t *testing.T) {
	s := newSite(t)
	e := s.create(handEvent(t, timeline.KindStatement, "2025-07-04", "A statement", "Kremlin"))
	ev := s.get(eventURL(e))
	href, _ := ev.find(`[data-testid=delete]`).Attr("href")
	confirm := s.get(href)
	if !strings.Contains(confirm.text("h1"), "Delete this event?") || confirm.find(`[data-testid=confirm-delete]`).Length() != 1 {
		t.Fatalf("no confirmation: %q", confirm.text("main"))
	}
	if _, err := s.store.Event(context.Background(), e.ID); err != nil {
		t.Fatalf("asking deleted the event: %v", err)
	}
	action, _ := confirm.find(`[data-testid=delete-form]`).Attr("action")
	tl := s.follow(s.postForm(action, nil))
	if got := tl.text(`[data-testid=notice]`); got != "The event was deleted." {
		t.Errorf("notice = %q", got)
	}
	if p := s.get(eventURL(e)); p.StatusCode != http.StatusNotFound {
		t.Errorf("deleted event's page: %d, want 404", p.StatusCode)
	}
	if p := s.postForm(action, nil); p.StatusCode != http.StatusNotFound {
		t.Errorf("deleting twice: %d, want 404", p.StatusCode)
	}
}

func TestEventPageShowsEveryMentionAndSource(t *testing.T) {
	s := newSite(t)
	s.addArticles("grain-corridor.txt", "odesa-port.txt")
	tl := s.get("/?kind=strike")
	href, _ := tl.find(`[data-kind=strike] [data-testid=event-title]`).Attr("href")
	ev := s.get(href)
	if got := ev.find(`[data-testid=mention]`).Length(); got != 2 {
		t.Fatalf("%d mentions, want one from each article", got)
	}
	sources := texts(ev.find(`[data-testid=mention-source]`))
	if !strings.Contains(sources[0], "14 March 2024") || !strings.Contains(sources[1], "16 March 2024") {
		t.Errorf("sources = %q", sources)
	}
	if got := ev.text(`[data-testid=event-sources]`); got != "2 articles" {
		t.Errorf("reported by %q", got)
	}
}

func TestDateParseFragment(t *testing.T) {
	s := newSite(t)
	tests := []struct{ q, says string }{
		{"last Thursday", "3 July 2025"},
		{"spring 2024", "spring 2024"},
		{"2025-06", "June 2025"},
		{"June 21, 2025", "21 June 2025"},
		{"whenever", "is not a date"},
	}
	for _, tt := range tests {
		p := s.get("/dates/parse?q=" + url.QueryEscape(tt.q))
		if got := p.text(`#date-preview`); !strings.Contains(got, tt.says) {
			t.Errorf("%q reads as %q, want %q", tt.q, got, tt.says)
		}
		if p.find("html head link").Length() != 0 && p.find("header.site").Length() != 0 {
			t.Errorf("%q: a whole page, want the fragment", tt.q)
		}
	}
}

func TestEventPagesOfMissingEventsAre404(t *testing.T) {
	s := newSite(t)
	for _, path := range []string{"/events/12345", "/events/12345/edit", "/events/12345/delete", "/events/abc", "/events/-1"} {
		if p := s.get(path); p.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, p.StatusCode)
		}
	}
	if p := s.postForm("/events/12345", eventForm("2025", "call", "x", "y")); p.StatusCode != http.StatusNotFound {
		t.Errorf("POST to a missing event = %d, want 404", p.StatusCode)
	}
}

// An actor stored with a kind outside the vocabulary, before kinds were
// checked, does not make its event impossible to edit: the form keeps
// known kinds and drops that one.
func TestEditsKeepOnlyKnownActorKinds(t *testing.T) {
	stored := []timeline.Actor{{Name: "Ana", Kind: "superuser"}, {Name: "Iran", Kind: timeline.ActorCountry}}
	got := mergeActorKinds([]string{"ana", "Iran", "Bo"}, stored)
	want := []timeline.Actor{{Name: "ana"}, {Name: "Iran", Kind: timeline.ActorCountry}, {Name: "Bo"}}
	if !slices.Equal(got, want) {
		t.Errorf("mergeActorKinds = %v, want %v", got, want)
	}
}
