package store_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
)

// report builds an article whose body is sentences and, for each, an
// extracted event quoting that sentence.
type report struct {
	t       *testing.T
	article timeline.Article
	events  []timeline.Event
}

func newReport(t *testing.T, title, published string) *report {
	return &report{t: t, article: timeline.Article{Title: title, URL: "https://example.com/" + strings.ReplaceAll(strings.ToLower(title), " ", "-"),
		Publisher: "Example News", Published: date(t, published), PublishedSource: "dateline"}}
}

// says adds a sentence to the body and an event that it reports.
func (r *report) says(sentence string, kind timeline.Kind, value, title string, actors ...string) *report {
	if r.article.Body != "" {
		r.article.Body += " "
	}
	start := len(r.article.Body)
	r.article.Body += sentence
	e := event(r.t, kind, value, title, actors...)
	e.Origin, e.Confidence = timeline.ByExtractor, 0.8
	e.Mentions = []timeline.Mention{{Quote: sentence, Start: start, End: len(r.article.Body), ExtractorVersion: "test"}}
	r.events = append(r.events, e)
	return r
}

func (r *report) save(s *store.Store) []timeline.Event {
	r.t.Helper()
	dup, err := s.SaveArticle(context.Background(), &r.article, r.events)
	if err != nil || dup {
		r.t.Fatalf("save %q: duplicate %v, %v", r.article.Title, dup, err)
	}
	return r.events
}

func TestSavingAnArticleMergesOccurrencesAlreadyStored(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	first := newReport(t, "Leaders speak", "2025-07-03").
		says("Trump and Putin spoke by phone on Thursday.", timeline.KindCall, "2025-07-03", "Trump and Putin speak", "Donald Trump", "Vladimir Putin").
		says("Israel struck Iran on June 13.", timeline.KindStrike, "2025-06-13", "Israel strikes Iran", "Israel", "Iran").
		save(s)
	hand := create(t, s, event(t, timeline.KindMeeting, "2025-07-01", "Rubio meets Lavrov", "Marco Rubio", "Sergey Lavrov"))[0]

	tests := []struct {
		name     string
		sentence string
		e        timeline.Event
		mergedTo int64 // 0: a new event
		sources  int   // articles reporting the merged event afterwards
	}{
		{"same kind, same day, a shared actor", "Putin spoke with Trump on Thursday morning.",
			event(t, timeline.KindCall, "2025-07-03TMO", "Putin calls Trump", "vladimir putin", "Kremlin"), first[0].ID, 2},
		{"a hand-made event gathers evidence too", "Lavrov received Rubio on Tuesday.",
			event(t, timeline.KindVisit, "2025-07-01", "Rubio visits Moscow", "Sergey Lavrov"), hand.ID, 1},
		{"another day is another occurrence", "Israel struck Iran again on June 14.",
			event(t, timeline.KindStrike, "2025-06-14", "Israel strikes Iran again", "Israel", "Iran"), 0, 0},
		{"another kind is another occurrence", "Trump spoke about Putin on Thursday.",
			event(t, timeline.KindStatement, "2025-07-03", "Trump speaks about Putin", "Donald Trump"), 0, 0},
		{"no shared actor, no merge", "Ukraine struck Russia on June 13.",
			event(t, timeline.KindStrike, "2025-06-13", "Ukraine strikes Russia", "Ukraine", "Russia"), 0, 0},
		{"a month is not a day of it", "Israel struck Iran in June.",
			event(t, timeline.KindStrike, "2025-06", "Israel strikes Iran in June", "Israel", "Iran"), 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newReport(t, "Second report: "+tt.name, "2025-07-04")
			r.says(tt.sentence, tt.e.Kind, tt.e.Date.Value(), tt.e.Title, tt.e.ActorNames()...)
			saved := r.save(s)[0]
			if tt.mergedTo == 0 {
				if saved.ID == first[0].ID || saved.ID == first[1].ID || saved.ID == hand.ID || saved.Sources != 1 {
					t.Fatalf("saved as event %d with %d sources, want a new event with 1", saved.ID, saved.Sources)
				}
				if !saved.CreatedAt.Equal(r.article.CreatedAt) {
					t.Errorf("new event created at %v, article at %v; want the same", saved.CreatedAt, r.article.CreatedAt)
				}
				return
			}
			if saved.ID != tt.mergedTo {
				t.Fatalf("saved as event %d, want a mention of event %d", saved.ID, tt.mergedTo)
			}
			if !saved.CreatedAt.Before(r.article.CreatedAt) {
				t.Errorf("merged event created at %v, article at %v: a caller cannot tell it was merged", saved.CreatedAt, r.article.CreatedAt)
			}
			stored, err := s.Event(ctx, tt.mergedTo)
			if err != nil {
				t.Fatal(err)
			}
			if stored.Sources != tt.sources || saved.Sources != tt.sources {
				t.Errorf("sources: stored %d, reported by SaveArticle %d; want %d", stored.Sources, saved.Sources, tt.sources)
			}
			if saved.Title != stored.Title {
				t.Errorf("SaveArticle left the merged event as %q, want it as stored, %q", saved.Title, stored.Title)
			}
			quotes := make([]string, len(stored.Mentions))
			for i, m := range stored.Mentions {
				quotes[i] = m.Quote
			}
			if !slices.Contains(quotes, tt.sentence) {
				t.Errorf("mentions %q lack the new quote", quotes)
			}
		})
	}

	// The merged event keeps its own fields: they may be a person's.
	stored, err := s.Event(ctx, first[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Title != "Trump and Putin speak" || stored.Date.Value() != "2025-07-03" || len(stored.Actors) != 2 {
		t.Errorf("merging changed the stored event: %q %s %v", stored.Title, stored.Date.Value(), stored.ActorNames())
	}
}

func TestOneArticleReportingAnOccurrenceTwiceGivesOneEvent(t *testing.T) {
	s := storetest.New(t)
	saved := newReport(t, "Twice", "2025-07-03").
		says("Trump called Putin on Thursday.", timeline.KindCall, "2025-07-03", "Trump calls Putin", "Trump", "Putin").
		says("The call with Putin lasted an hour.", timeline.KindCall, "2025-07-03", "An hour-long call", "Putin").
		save(s)
	if saved[0].ID != saved[1].ID || saved[1].Sources != 1 {
		t.Errorf("events %d and %d (sources %d); want one event from one source", saved[0].ID, saved[1].ID, saved[1].Sources)
	}
	if n := len(allPages(t, s, timeline.Filter{})); n != 1 {
		t.Errorf("%d events stored, want 1", n)
	}
}

// Two articles about one occurrence, saved at the same moment, give one
// event with two sources, never two events.
func TestConcurrentReportsOfOneOccurrenceMerge(t *testing.T) {
	s := storetest.New(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			r := newReport(t, "Report "+string(rune('A'+i)), "2025-06-22").
				says(strings.Repeat("Indeed, ", i)+"The United States struck Iran on June 21.", timeline.KindStrike, "2025-06-21", "US strikes Iran", "United States", "Iran")
			_, errs[i] = s.SaveArticle(context.Background(), &r.article, r.events)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	all := allPages(t, s, timeline.Filter{})
	if len(all) != 1 || all[0].Sources != 4 {
		t.Fatalf("%d events (first with %d sources), want 1 event reported by 4", len(all), all[0].Sources)
	}
}
