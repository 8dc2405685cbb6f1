package store_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
)

// person is an actor of kind person, as the extractor gives people.
func person(name string) timeline.Actor {
	return timeline.Actor{Name: name, Kind: timeline.ActorPerson}
}

// reportWith is a report whose events name actors of any kind.
func (r *report) with(actors ...timeline.Actor) *report {
	r.events[len(r.events)-1].Actors = actors
	return r
}

func ids(events []timeline.Event) []int64 {
	out := make([]int64, len(events))
	for i, e := range events {
		out[i] = e.ID
	}
	slices.Sort(out)
	return out
}

func TestFilteringByAnyAliasGivesTheSameEvents(t *testing.T) {
	s := storetest.New(t)
	newReport(t, "Calls", "2025-07-04").
		says("Trump and Putin spoke by phone on Thursday.", timeline.KindCall, "2025-07-03", "Trump and Putin speak").
		with(person("Donald Trump"), person("Vladimir Putin")).
		says("Putin met Lukashenko.", timeline.KindMeeting, "2025-07-01", "Putin meets Lukashenko").
		with(person("Vladimir Putin"), person("Alexander Lukashenko")).
		says("The FBI questioned diplomats.", timeline.KindStatement, "2025-06-30", "FBI questions diplomats").
		with(timeline.Actor{Name: "Federal Bureau of Investigation", Kind: timeline.ActorOrganisation}).
		says("The United States sanctioned Iran.", timeline.KindSanction, "2025-06-29", "US sanctions Iran").
		with(timeline.Actor{Name: "United States", Kind: timeline.ActorCountry}, timeline.Actor{Name: "Iran", Kind: timeline.ActorCountry}).
		save(s)
	tests := []struct {
		name    string
		aliases []string
		want    []string
	}{
		{"a person", []string{"Vladimir Putin", "vladimir  putin", "Putin", "Mr. Putin", "Vladimir V. Putin",
			"President Putin", "Russian President Vladimir Putin"}, []string{"Putin meets Lukashenko", "Trump and Putin speak"}},
		{"a country", []string{"United States", "U.S.", "US", "America"}, []string{"US sanctions Iran"}},
		{"an organisation", []string{"Federal Bureau of Investigation", "FBI", "F.B.I."}, []string{"FBI questions diplomats"}},
	}
	for _, tt := range tests {
		for _, alias := range tt.aliases {
			for _, f := range []timeline.Filter{{Actors: []string{alias}}, {Text: alias}} {
				got := titles(allPages(t, s, f))
				if !slices.Equal(got, tt.want) {
					t.Errorf("%s: filter %+v gives %v, want %v", tt.name, f, got, tt.want)
				}
			}
		}
	}
	// exports take the same filter
	var got []string
	for _, e := range eachEvent(t, s, timeline.Filter{Actors: []string{"Mr. Putin"}}) {
		got = append(got, e.Title)
	}
	if want := []string{"Putin meets Lukashenko", "Trump and Putin speak"}; !slices.Equal(got, want) {
		t.Errorf("export by an alias = %v, want %v", got, want)
	}
}

func TestWrittenNamesLinkToTheActorTheyName(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		first  timeline.Actor // stored first
		then   timeline.Actor // in a later article
		named  string         // the later event's actor, as stored
		actors []string       // every actor's canonical name afterwards
	}{
		{"a surname", person("Vladimir Putin"), person("Putin"), "Vladimir Putin", []string{"Vladimir Putin"}},
		{"an office before the name", person("Joe Biden"), person("Vice-President Joe Biden"), "Joe Biden", []string{"Joe Biden"}},
		{"an initial", person("Vladimir Putin"), person("Vladimir V. Putin"), "Vladimir Putin", []string{"Vladimir Putin"}},
		{"accents", person("Recep Tayyip Erdoğan"), person("Recep Tayyip Erdogan"), "Recep Tayyip Erdoğan", []string{"Recep Tayyip Erdoğan"}},
		{"a gazetteer name", timeline.Actor{Name: "United States", Kind: timeline.ActorCountry},
			timeline.Actor{Name: "U.S."}, "United States", []string{"United States"}},
		{"a person known by one name gets the fuller one", person("Prigozhin"), person("Yevgeny Prigozhin"),
			"Yevgeny Prigozhin", []string{"Yevgeny Prigozhin"}},
		{"a country's tail is no person", timeline.Actor{Name: "Sudan", Kind: timeline.ActorCountry},
			timeline.Actor{Name: "South Sudan", Kind: timeline.ActorCountry}, "South Sudan", []string{"South Sudan", "Sudan"}},
		{"a different person", person("Vladimir Putin"), person("Angela Merkel"), "Angela Merkel", []string{"Angela Merkel", "Vladimir Putin"}},
		{"a name of punctuation", person("Vladimir Putin"), timeline.Actor{Name: "."}, ".", []string{".", "Vladimir Putin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storetest.New(t)
			newReport(t, "First", "2025-07-01").
				says("One thing happened.", timeline.KindStatement, "2025-06-01", "First statement").with(tt.first).save(s)
			later := newReport(t, "Later", "2025-07-02").
				says("Another thing happened.", timeline.KindStatement, "2025-06-02", "Later statement").with(tt.then).save(s)
			if got := later[0].ActorNames(); !slices.Equal(got, []string{tt.named}) {
				t.Errorf("the later event names %v, want %s", got, tt.named)
			}
			list, err := s.ActorList(ctx, "", "", 10)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, a := range list {
				names = append(names, a.Name)
			}
			if !slices.Equal(names, tt.actors) {
				t.Errorf("actors = %v, want %v", names, tt.actors)
			}
		})
	}
}

func TestASurnameLinksOnlyAloneAndUnshared(t *testing.T) {
	s := storetest.New(t)
	newReport(t, "Johnsons", "2025-07-01").
		says("Boris Johnson spoke.", timeline.KindStatement, "2025-06-01", "Boris speaks").with(person("Boris Johnson")).
		says("Lyndon Johnson spoke.", timeline.KindStatement, "2025-06-02", "Lyndon speaks").with(person("Lyndon Johnson")).
		says("George H. W. Bush spoke.", timeline.KindStatement, "2025-06-03", "The father speaks").with(person("George H. W. Bush")).
		save(s)
	// a filter by a shared surname takes everyone it may mean
	if got := titles(allPages(t, s, timeline.Filter{Actors: []string{"Mr. Johnson"}})); len(got) != 2 {
		t.Errorf("filter Mr. Johnson = %v, want both", got)
	}
	later := newReport(t, "Later", "2025-07-02").
		says("Johnson spoke.", timeline.KindStatement, "2025-06-04", "A Johnson speaks").with(person("Johnson")).
		says("George W. Bush spoke.", timeline.KindStatement, "2025-06-05", "The son speaks").with(person("George W. Bush")).
		save(s)
	for i, want := range []string{"Johnson", "George W. Bush"} {
		if got := later[i].ActorNames(); !slices.Equal(got, []string{want}) {
			t.Errorf("%q names %v, want an actor of its own", later[i].Title, got)
		}
	}
	if got := titles(allPages(t, s, timeline.Filter{Actors: []string{"Johnson"}})); !slices.Equal(got, []string{"A Johnson speaks"}) {
		t.Errorf("filter Johnson = %v, want the events of the actor called so", got)
	}
}

// exportText is the JSON and iCalendar exports of everything, as text.
func exportText(t *testing.T, s *store.Store) string {
	t.Helper()
	var out bytes.Buffer
	for _, format := range []string{"json", "ics"} {
		w, err := export.NewWriter(format, &out, export.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var article func(timeline.Article) error
		if aw, ok := w.(export.ArticleWriter); ok {
			article = aw.WriteArticle
		}
		if err := s.Export(context.Background(), timeline.Filter{}, article, w.WriteEvent); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	// the calendar's stamp is the time of the export; its lines are
	// folded at 75 octets
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(out.String(), "\r\n ", ""), "\n") {
		if !strings.HasPrefix(l, "DTSTAMP:") {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func actorNamed(t *testing.T, s *store.Store, name string) timeline.ActorRecord {
	t.Helper()
	found, err := s.FindActors(context.Background(), name)
	if err != nil || len(found) != 1 {
		t.Fatalf("actors named %q: %v, %v", name, found, err)
	}
	return found[0]
}

func TestRenamingAndMergingActorsChangesOnlyTheNames(t *testing.T) {
	ctx := timeline.WithAuthor(context.Background(), "ana")
	s := storetest.New(t)
	calls := newReport(t, "Calls", "2025-07-04").
		says("Trump and Putin spoke by phone on Thursday.", timeline.KindCall, "2025-07-03", "Trump and Putin speak").
		with(person("Donald Trump"), person("Vladimir Putin")).
		says("Mr. Lavrov met Mr. Rubio.", timeline.KindMeeting, "2025-07-01", "Lavrov meets Rubio").
		with(person("Lavrov"), person("Marco Rubio")).
		save(s)
	newReport(t, "Talks", "2025-07-05").
		says("Sergey Lavrov spoke to reporters.", timeline.KindStatement, "2025-07-02", "Lavrov speaks").
		with(person("Sergey Lavrov")).
		says("The Kremlin warned Kyiv.", timeline.KindThreat, "2025-07-02", "Russia warns Ukraine").
		with(timeline.Actor{Name: "Russian Federation", Kind: timeline.ActorCountry}).
		save(s)
	before := exportText(t, s)

	putin := actorNamed(t, s, "Putin")
	putin.Name, putin.Country = "Vladimir Vladimirovich Putin", "Russia"
	if err := s.UpdateActor(ctx, putin); err != nil {
		t.Fatal(err)
	}
	// "Lavrov" and "Sergey Lavrov", stored by two articles, are one actor
	// already (the surname linked them); an actor typed by hand for him is
	// merged into him.
	lavrov := actorNamed(t, s, "Sergey Lavrov")
	if lavrov.Name != "Sergey Lavrov" {
		t.Fatalf("Lavrov is %q, want the fuller name", lavrov.Name)
	}
	if h, err := s.ActorHistory(ctx, lavrov.ID); err != nil || len(h) != 1 ||
		h[0].Detail != "renamed from “Lavrov” to “Sergey Lavrov”, the fuller name an article gives" {
		t.Errorf("Lavrov's history = %+v, %v", h, err)
	}
	stray := create(t, s, timeline.Event{Kind: timeline.KindVisit, Date: date(t, "2025-07-06"), Title: "The minister visits",
		Actors: []timeline.Actor{{Name: "Russian foreign minister", Kind: timeline.ActorGroup}},
		Status: timeline.StatusReported, Confidence: 1, Origin: timeline.ByHand})[0]
	plan, err := s.PlanActorMerge(ctx, actorNamed(t, s, "Russian foreign minister").ID, lavrov.ID)
	if err != nil || plan.Moving != 1 || plan.Both != 0 {
		t.Fatalf("plan = %+v, %v; want 1 event moving", plan, err)
	}
	if err := s.MergeActors(ctx, plan.Gone.ID, plan.Kept.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEvent(ctx, stray.ID); err != nil {
		t.Fatal(err)
	}

	after := exportText(t, s)
	if want := strings.ReplaceAll(before, "Vladimir Putin", "Vladimir Vladimirovich Putin"); after != want {
		t.Errorf("the exports changed besides the name:\n%s", diffLines(want, after))
	}
	// every old name still finds its actor
	for _, name := range []string{"Putin", "Vladimir Putin", "Lavrov", "Russian foreign minister"} {
		if got := len(allPages(t, s, timeline.Filter{Actors: []string{name}})); got == 0 {
			t.Errorf("filter %q finds nothing after the rename and merge", name)
		}
	}
	// the history says who did it
	history, err := s.EventHistory(ctx, calls[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(history) != 2 || history[0].Author != "ana" || history[0].Action != timeline.ActionRenameActor ||
		!strings.Contains(history[0].Detail, "Vladimir Vladimirovich Putin") || history[1].Action != timeline.ActionCreate {
		t.Errorf("history of the call = %+v", history)
	}
	if moved, err := s.ActorMergedInto(ctx, plan.Gone.ID); err != nil || moved != lavrov.ID {
		t.Errorf("the merged actor leads to %d, %v; want %d", moved, err, lavrov.ID)
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			out = append(out, "- "+a, "+ "+b)
		}
	}
	return strings.Join(out, "\n")
}

func TestActorNamesAreNotTakenTwice(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	create(t, s, event(t, timeline.KindCall, "2025-07-03", "A call", "Iran", "Qatar"))
	iran, qatar := actorNamed(t, s, "Iran"), actorNamed(t, s, "Qatar")
	iran.Name = "qatar"
	var taken *timeline.NameTakenError
	if err := s.UpdateActor(ctx, iran); !errors.As(err, &taken) || taken.Other != qatar.ID {
		t.Errorf("renaming Iran to qatar: %v, want the name taken by %d", err, qatar.ID)
	}
	if err := s.AddAlias(ctx, iran.ID, "Qatar"); !errors.As(err, &taken) {
		t.Errorf("giving Iran the alias Qatar: %v, want the name taken", err)
	}
	if err := s.AddAlias(ctx, iran.ID, "Persia"); err != nil {
		t.Fatal(err)
	}
	if got := titles(allPages(t, s, timeline.Filter{Actors: []string{"persia"}})); !slices.Equal(got, []string{"A call"}) {
		t.Errorf("filter by the new alias = %v", got)
	}
	if err := s.MergeActors(ctx, iran.ID, iran.ID); timeline.FieldErrors(err) == nil {
		t.Errorf("merging an actor into itself: %v", err)
	}
	iran.Name = ""
	if err := s.UpdateActor(ctx, iran); timeline.FieldErrors(err) == nil {
		t.Errorf("an empty name: %v", err)
	}
}
