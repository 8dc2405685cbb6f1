package views

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/dateline/dateline/timeline"
)

// texts are the texts of every element sel finds.
func (p response) texts(sel string) []string {
	var out []string
	p.find(sel).Each(func(_ int, s *goquery.Selection) {
		out = append(out, strings.Join(strings.Fields(s.Text()), " "))
	})
	return out
}

// personEvent is a hand-made event whose actors are people.
func personEvent(t *testing.T, kind timeline.Kind, value, title string, people ...string) timeline.Event {
	e := handEvent(t, kind, value, title)
	for _, p := range people {
		e.Actors = append(e.Actors, timeline.Actor{Name: p, Kind: timeline.ActorPerson})
	}
	return e
}

func TestTheActorFilterTakesAnyAliasAndSuggestsNames(t *testing.T) {
	s := newSite(t)
	s.create(personEvent(t, timeline.KindCall, "2025-07-03", "Trump and Putin speak", "Donald Trump", "Vladimir Putin"))
	s.create(personEvent(t, timeline.KindMeeting, "2025-07-01", "Putin meets Lukashenko", "Vladimir Putin", "Alexander Lukashenko"))
	want := []string{"Putin meets Lukashenko", "Trump and Putin speak"}
	for _, alias := range []string{"Vladimir Putin", "Putin", "Mr. Putin", "Vladimir V. Putin"} {
		p := s.get("/?actor=" + url.QueryEscape(alias))
		if got := p.texts(`[data-testid=event] [data-testid=event-title]`); !slices.Equal(got, want) {
			t.Errorf("/?actor=%s shows %v, want %v", alias, got, want)
		}
	}
	p := s.get("/")
	var suggested []string
	p.find(`#filter-actor-names option`).Each(func(_ int, o *goquery.Selection) {
		v, _ := o.Attr("value")
		suggested = append(suggested, v)
	})
	if list, _ := p.find(`#filter-actor`).Attr("list"); list != "filter-actor-names" || !slices.Contains(suggested, "Vladimir Putin") {
		t.Errorf("the actor filter's list is %q with %v", list, suggested)
	}
	// a new actor is suggested at once
	s.create(personEvent(t, timeline.KindVisit, "2025-07-05", "Macron visits", "Emmanuel Macron"))
	suggested = nil
	s.get("/events/new").find(`#actor-names option`).Each(func(_ int, o *goquery.Selection) {
		v, _ := o.Attr("value")
		suggested = append(suggested, v)
	})
	if !slices.Contains(suggested, "Emmanuel Macron") {
		t.Errorf("the event form suggests %v, without the actor just added", suggested)
	}
}

func TestAnActorPageRenamesAddsNamesAndMerges(t *testing.T) {
	s := newSite(t)
	s.addUser("ana")
	s.signIn("ana", password)
	call := s.create(personEvent(t, timeline.KindCall, "2025-07-03", "Trump and Putin speak", "Donald Trump", "Vladimir Putin"))
	stray := handEvent(t, timeline.KindStatement, "2025-07-04", "The Kremlin's leader speaks")
	stray.Actors = []timeline.Actor{{Name: "Kremlin leader", Kind: timeline.ActorGroup}}
	s.create(stray)

	p := s.get("/actors?name=" + url.QueryEscape("Mr. Putin"))
	if p.StatusCode != http.StatusSeeOther {
		t.Fatalf("finding Mr. Putin: %d", p.StatusCode)
	}
	actorPath := p.Header.Get("Location")
	p = s.follow(p)
	if got := p.text(`[data-testid=actor-name]`); got != "Vladimir Putin" {
		t.Errorf("actor page of %q", got)
	}
	if got := p.texts(`[data-testid=actor-alias]`); len(got) != 2 || got[0] != "Vladimir Putin" || !strings.HasPrefix(got[1], "Putin") {
		t.Errorf("names = %v, want the name then the surname", got)
	}
	if got := p.texts(`[data-testid=actor-event]`); len(got) != 1 || !strings.Contains(got[0], "Trump and Putin speak") {
		t.Errorf("events = %v", got)
	}

	// rename, with the kind and country
	form := formValues(s.get(actorPath+"/edit").doc, `[data-testid=actor-form]`)
	form.Set("name", "Vladimir Vladimirovich Putin")
	form.Set("country", "Russia")
	p = s.follow(s.postForm(actorPath, form))
	if got := p.text(`[data-testid=actor-name]`); got != "Vladimir Vladimirovich Putin" || p.text(`[data-testid=actor-country]`) != "Russia" {
		t.Errorf("after the rename: %q of %q", got, p.text(`[data-testid=actor-country]`))
	}
	if got := p.texts(`[data-testid=change]`); len(got) != 1 || !strings.Contains(got[0], "ana") || !strings.Contains(got[0], "renamed from “Vladimir Putin” to “Vladimir Vladimirovich Putin”") {
		t.Errorf("history = %v", got)
	}
	if got := s.get(fmt.Sprintf("/events/%d", call.ID)).texts(`[data-testid=change]`); len(got) != 2 || !strings.Contains(got[0], "renamed") {
		t.Errorf("the event's history = %v, want the rename and its creation", got)
	}

	// a name another actor has is refused, and offers the merge
	form.Set("name", "Donald Trump")
	p = s.postForm(actorPath, form)
	if p.StatusCode != http.StatusUnprocessableEntity || p.find(`[data-testid=merge-taken]`).Length() != 1 {
		t.Errorf("renaming to another actor's name: %d, %q", p.StatusCode, p.text(`[data-testid=error-name]`))
	}

	// another name
	p = s.follow(s.postForm(actorPath+"/aliases", url.Values{"alias": {"Vova"}}))
	if got := p.texts(`[data-testid=actor-alias]`); !slices.Contains(got, "Vova") {
		t.Errorf("names = %v, want Vova among them", got)
	}
	if got := s.get("/?actor=Vova").texts(`[data-testid=event-title]`); !slices.Equal(got, []string{"Trump and Putin speak"}) {
		t.Errorf("/?actor=Vova shows %v", got)
	}

	// merge the stray actor into him: the page says what will happen first
	stray2, err := s.store.FindActors(context.Background(), "Kremlin leader")
	if err != nil || len(stray2) != 1 {
		t.Fatal(stray2, err)
	}
	p = s.get(fmt.Sprintf("/actors/%d/merge?into=%s", stray2[0].ID, url.QueryEscape("Vova")))
	if p.StatusCode != http.StatusOK || !strings.Contains(p.text(`[data-testid=merge-plan]`), "1 event of Kremlin leader will name Vladimir Vladimirovich Putin instead") {
		t.Fatalf("merge plan: %d %q", p.StatusCode, p.text(`main`))
	}
	p = s.follow(s.postForm(fmt.Sprintf("/actors/%d/merge", stray2[0].ID), formValues(p.doc, `[data-testid=actor-merge-confirm-form]`)))
	if got := p.texts(`[data-testid=actor-event]`); len(got) != 2 {
		t.Errorf("after the merge the actor has %v", got)
	}
	if got := p.texts(`[data-testid=actor-alias]`); !slices.Contains(got, "Kremlin leader") {
		t.Errorf("names = %v, want the merged actor's among them", got)
	}
	// the merged actor's page leads to the one it joined
	if p := s.get(fmt.Sprintf("/actors/%d", stray2[0].ID)); p.StatusCode != http.StatusSeeOther || p.Header.Get("Location") != actorPath+"?notice=merged" {
		t.Errorf("the merged actor's page: %d to %q", p.StatusCode, p.Header.Get("Location"))
	}
	// a name that names nobody says so
	p = s.get(actorPath + "/merge?into=Nobody")
	if p.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(p.text(`[data-testid=error-into]`), "no other actor") {
		t.Errorf("merging into nobody: %d %q", p.StatusCode, p.text(`[data-testid=error-into]`))
	}
}

// reported saves an article whose body is sentence, with one event
// quoting it.
func (s *site) reported(title, sentence string, e timeline.Event) timeline.Event {
	s.t.Helper()
	a := timeline.Article{Title: title, Body: sentence}
	e.Origin, e.Confidence = timeline.ByExtractor, 0.9
	e.Mentions = []timeline.Mention{{Quote: sentence, Start: 0, End: len(sentence)}}
	events := []timeline.Event{e}
	if _, err := s.store.SaveArticle(context.Background(), &a, events); err != nil {
		s.t.Fatal(err)
	}
	return events[0]
}

func TestMergingAndSplittingEventsFromTheirPages(t *testing.T) {
	s := newSite(t)
	a := s.reported("Wire", "Trump and Putin spoke on Thursday.",
		personEvent(t, timeline.KindCall, "2025-07-03", "Trump and Putin speak", "Donald Trump", "Vladimir Putin"))
	b := s.reported("Paper", "Putin called Trump on Friday.",
		personEvent(t, timeline.KindCall, "2025-07-04", "Putin calls Trump", "Vladimir Putin"))
	p := s.get(fmt.Sprintf("/events/%d", a.ID))
	if got := p.texts(`[data-testid=nearby]`); len(got) != 1 || !strings.Contains(got[0], "Putin calls Trump") {
		t.Fatalf("nearby events = %v", got)
	}
	if p.find(`[data-testid=split]`).Length() != 0 {
		t.Error("an event's only mention offers a split")
	}
	href, _ := p.find(`[data-testid=merge-nearby]`).Attr("href")
	p = s.get(href)
	if p.StatusCode != http.StatusOK || p.text(`[data-testid=merge-kept] [data-testid=summary-title]`) != "Trump and Putin speak" ||
		p.text(`[data-testid=merge-gone] [data-testid=summary-title]`) != "Putin calls Trump" {
		t.Fatalf("merge page: %d %q", p.StatusCode, p.text("main"))
	}
	p = s.follow(s.postForm(fmt.Sprintf("/events/%d/merge", a.ID), formValues(p.doc, `[data-testid=merge-confirm-form]`)))
	if !strings.Contains(p.text(`[data-testid=notice]`), "merged") || p.text(`[data-testid=event-sources]`) != "2 articles" {
		t.Errorf("notice = %q, sources %q", p.text(`[data-testid=notice]`), p.text(`[data-testid=event-sources]`))
	}
	if got := p.texts(`[data-testid=change-action]`); len(got) < 1 || got[0] != "merged another event into it" {
		t.Errorf("history = %v", got)
	}
	if p := s.get(fmt.Sprintf("/events/%d", b.ID)); p.StatusCode != http.StatusSeeOther ||
		!strings.HasPrefix(p.Header.Get("Location"), fmt.Sprintf("/events/%d?", a.ID)) {
		t.Errorf("the merged event's page: %d to %q", p.StatusCode, p.Header.Get("Location"))
	}
	// a merge with an event that is not there says so
	if p := s.get(fmt.Sprintf("/events/%d/merge?with=/events/999", a.ID)); p.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(p.text(`[data-testid=error-with]`), "no event 999") {
		t.Errorf("merging with nothing: %d %q", p.StatusCode, p.text(`[data-testid=error-with]`))
	}

	// undone: the paper's mention split off again
	p = s.get(fmt.Sprintf("/events/%d", a.ID))
	var split string
	p.find(`[data-testid=mention]`).Each(func(_ int, m *goquery.Selection) {
		if strings.Contains(m.Find(`[data-testid=mention-quote]`).Text(), "Friday") {
			split, _ = m.Find(`[data-testid=split]`).Attr("href")
		}
	})
	p = s.get(split)
	if p.StatusCode != http.StatusOK || !strings.Contains(p.text(`[data-testid=split-quote]`), "Putin called Trump on Friday.") {
		t.Fatalf("split page: %d %q", p.StatusCode, p.text("main"))
	}
	p = s.follow(s.postForm(fmt.Sprintf("/events/%d/split", a.ID), formValues(p.doc, `[data-testid=split-form]`)))
	if got := p.texts(`[data-testid=mention-quote]`); len(got) != 1 || !strings.Contains(got[0], "Friday") {
		t.Errorf("the split event's mentions = %v", got)
	}
	if got := s.get(fmt.Sprintf("/events/%d", a.ID)).texts(`[data-testid=mention-quote]`); len(got) != 1 || !strings.Contains(got[0], "Thursday") {
		t.Errorf("the event keeps %v", got)
	}
}

func TestOtherEventID(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"12", 12, true},
		{" #12 ", 12, true},
		{"/events/12", 12, true},
		{"https://dateline.example/events/12/edit", 12, true},
		{"http://127.0.0.1:8080/events/7?saved=updated", 7, true},
		{"", 0, false},
		{"twelve", 0, false},
		{"-3", 0, false},
	}
	for _, tt := range tests {
		if got, ok := otherEventID(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("otherEventID(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// undatedArticle is an article with no date of its own: "Thursday" is
// placed only once a publication date is given.
const undatedArticle = "Leaders talk\n\nPresident Trump and President Putin spoke by phone on Thursday, the Kremlin said.\n\nThe call lasted an hour."

func TestAnArticleWithoutADateIsListedAndReadAgain(t *testing.T) {
	s := newSite(t)
	a := timeline.Article{Title: "Leaders talk", Body: undatedArticle}
	if _, err := s.store.SaveArticle(context.Background(), &a, nil); err != nil {
		t.Fatal(err)
	}
	if p := s.get("/"); p.find(`[data-testid=undated-notice]`).Length() != 1 {
		t.Error("the timeline does not say some article has no date")
	}
	if got := s.get("/articles?undated=1").texts(`[data-testid=article-entry-link]`); !slices.Equal(got, []string{"Leaders talk"}) {
		t.Errorf("undated articles = %v", got)
	}
	// adding it again with a date leads to its page, the date ready
	p := s.post("/articles", url.Values{"body": {undatedArticle}, "published": {"July 4, 2025"}}, nil)
	if p.StatusCode != http.StatusSeeOther {
		t.Fatalf("adding it again: %d %q", p.StatusCode, p.text("main"))
	}
	p = s.follow(p)
	if v, _ := p.find(`[data-testid=reread-published]`).Attr("value"); v != "July 4, 2025" || !strings.Contains(p.text(`[data-testid=notice]`), "no publication date") {
		t.Errorf("article page: date %q, notice %q", v, p.text(`[data-testid=notice]`))
	}
	p = s.post(fmt.Sprintf("/articles/%d/read", a.ID), formValues(p.doc, `[data-testid=reread-article-form]`), nil)
	if p.StatusCode != http.StatusOK {
		t.Fatalf("reading it again: %d %q", p.StatusCode, p.text("main"))
	}
	c := findCandidate(t, p, "call", "2025-07-03")
	if action, _ := p.find(`[data-testid=review-form]`).Attr("action"); action != fmt.Sprintf("/articles/%d/accept", a.ID) {
		t.Errorf("the review sends to %q", action)
	}
	form := formValues(p.doc, `[data-testid=review-form]`)
	if form.Get(fieldName(c, "selected")) == "" {
		t.Fatal("the call is not chosen")
	}
	p = s.follow(s.post(fmt.Sprintf("/articles/%d/accept", a.ID), form, nil))
	if got := p.texts(`[data-testid=event] [data-testid=event-title]`); len(got) != 1 {
		t.Errorf("timeline = %v, want the call", got)
	}
	if p.find(`[data-testid=undated-notice]`).Length() != 0 {
		t.Error("the timeline still says an article has no date")
	}
	p = s.get(fmt.Sprintf("/articles/%d", a.ID))
	if got := p.text(`[data-testid=article-published]`); !strings.Contains(got, "4 July 2025") {
		t.Errorf("publication date = %q", got)
	}
	if got := p.texts(`[data-testid=change-detail]`); len(got) != 1 || got[0] != "publication date from none to 4 July 2025" {
		t.Errorf("article history = %v", got)
	}
	// read again with the same date: what is stored is not proposed twice
	p = s.post(fmt.Sprintf("/articles/%d/read", a.ID), url.Values{"published": {"2025-07-04"}}, nil)
	if n := p.find(`[data-testid=candidate]`).Length(); n != 0 || p.find(`[data-testid=stored-events]`).Length() != 1 {
		t.Errorf("reading again proposes %d candidates; stored shown: %d", n, p.find(`[data-testid=stored-events]`).Length())
	}
	// a date that does not read keeps the page, with the problem
	p = s.post(fmt.Sprintf("/articles/%d/read", a.ID), url.Values{"published": {"Smarch 32"}}, nil)
	if p.StatusCode != http.StatusUnprocessableEntity || p.text(`[data-testid=error-published]`) == "" {
		t.Errorf("a bad date: %d %q", p.StatusCode, p.text(`[data-testid=error-published]`))
	}
}

func TestDeletingAnArticleSaysWhatGoesWithIt(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	wire := timeline.Article{Title: "Wire", Body: "Israel struck Iran. Trump called Putin."}
	only := personEvent(t, timeline.KindStrike, "2025-06-13", "Israel strikes Iran", "Israel")
	only.Origin, only.Mentions = timeline.ByExtractor, []timeline.Mention{{Quote: "Israel struck Iran.", Start: 0, End: 19}}
	shared := personEvent(t, timeline.KindCall, "2025-07-03", "Trump calls Putin", "Donald Trump", "Vladimir Putin")
	shared.Origin, shared.Mentions = timeline.ByExtractor, []timeline.Mention{{Quote: "Trump called Putin.", Start: 20, End: 39}}
	if _, err := s.store.SaveArticle(ctx, &wire, []timeline.Event{only, shared}); err != nil {
		t.Fatal(err)
	}
	paper := timeline.Article{Title: "Paper", Body: "Putin spoke with Trump."}
	again := personEvent(t, timeline.KindCall, "2025-07-03", "Putin and Trump", "Vladimir Putin")
	again.Origin, again.Mentions = timeline.ByExtractor, []timeline.Mention{{Quote: "Putin spoke with Trump.", Start: 0, End: 23}}
	if _, err := s.store.SaveArticle(ctx, &paper, []timeline.Event{again}); err != nil {
		t.Fatal(err)
	}
	p := s.get(fmt.Sprintf("/articles/%d/delete", wire.ID))
	if got := p.texts(`[data-testid=going-event]`); len(got) != 1 || !strings.HasPrefix(got[0], "Israel strikes Iran") {
		t.Errorf("going = %v", got)
	}
	if got := p.texts(`[data-testid=staying-event]`); len(got) != 1 || !strings.Contains(got[0], "1 other source") {
		t.Errorf("staying = %v", got)
	}
	p = s.follow(s.postForm(fmt.Sprintf("/articles/%d/delete", wire.ID), url.Values{}))
	if got := p.text(`[data-testid=notice]`); got != "The article was deleted, with the 1 event only it reported." {
		t.Errorf("notice = %q", got)
	}
	if got := p.texts(`[data-testid=event] [data-testid=event-title]`); !slices.Equal(got, []string{"Trump calls Putin"}) {
		t.Errorf("timeline = %v", got)
	}
	if p := s.get(fmt.Sprintf("/articles/%d", wire.ID)); p.StatusCode != http.StatusNotFound {
		t.Errorf("the deleted article's page: %d", p.StatusCode)
	}
}
