package views

import (
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
)

func TestDoubtfulCandidates(t *testing.T) {
	tests := []struct {
		name       string
		status     timeline.Status
		confidence float64
		doubt      string // in the reason; "" for none
	}{
		{"reported and sure", timeline.StatusReported, 0.9, ""},
		{"reported at the threshold", timeline.StatusReported, lowConfidence, ""},
		{"reported just below the threshold", timeline.StatusReported, lowConfidence - 0.01, "Dateline is only 49 % sure this sentence reports such an event"},
		{"reported at 27 %", timeline.StatusReported, 0.27, "only 27 % sure"},
		{"planned", timeline.StatusPlanned, 0.9, "the article reports it as planned or announced, not as done"},
		{"negated", timeline.StatusNegated, 0.9, "the article says it did not happen"},
		{"hypothetical", timeline.StatusHypothetical, 0.9, "the article mentions it only as possible or conditional"},
		{"planned and unsure", timeline.StatusPlanned, 0.3, "as planned or announced, not as done, and Dateline is only 30 % sure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Candidate{Status: string(tt.status), Confidence: tt.confidence}.doubt()
			if tt.doubt == "" && got != "" || !strings.Contains(got, tt.doubt) {
				t.Errorf("doubt = %q, want %q", got, tt.doubt)
			}
		})
	}
	if lowConfidence != 0.5 {
		t.Errorf("the threshold moved to %v: the timeline's Unconfirmed marker and this review share it; check both", lowConfidence)
	}
}

// Doubtful candidates start unticked, with the reason next to the box;
// the others start ticked.
func TestTheReviewLeavesDoubtfulCandidatesUnticked(t *testing.T) {
	day := mustDate(t, "2025-07-03")
	res := extract.Result{Published: day, PublishedSource: extract.SourceGiven, Events: []timeline.Event{
		{Kind: timeline.KindCall, Date: day, Title: "Sure", Status: timeline.StatusReported, Confidence: 0.9},
		{Kind: timeline.KindCall, Date: day, Title: "Unsure", Status: timeline.StatusReported, Confidence: 0.27},
		{Kind: timeline.KindVisit, Date: day, Title: "Planned", Status: timeline.StatusPlanned, Confidence: 0.8},
	}}
	doc := renderDoc(t, ReviewPage(reviewOf(ArticleForm{Body: "Text."}, res)))
	want := []struct {
		ticked bool
		doubt  string
	}{{true, ""}, {false, "only 27 % sure"}, {false, "as planned"}}
	doc.Find(`[data-testid=candidate]`).Each(func(i int, c *goquery.Selection) {
		_, ticked := c.Find(`[data-testid=candidate-selected]`).Attr("checked")
		doubt := c.Find(`[data-testid=candidate-doubt]`).Text()
		if ticked != want[i].ticked || !strings.Contains(doubt, want[i].doubt) || (want[i].doubt == "") != (doubt == "") {
			t.Errorf("candidate %d: ticked %v, doubt %q; want %v, %q", i+1, ticked, doubt, want[i].ticked, want[i].doubt)
		}
	})
}

// A planned visit, read from a real article, starts unticked.
func TestAPlannedEventStartsUnticked(t *testing.T) {
	s := newSite(t)
	review := s.paste(string(article(t, "wire-summit.txt")), "")
	visit := findCandidate(t, review, "visit", "2024-03-19")
	if _, ticked := visit.Find(`[data-testid=candidate-selected]`).Attr("checked"); ticked {
		t.Error("a planned visit starts ticked")
	}
	if got := visit.Find(`[data-testid=candidate-doubt]`).Text(); !strings.Contains(got, "planned") {
		t.Errorf("doubt = %q", got)
	}
}

// Reading the dates again with another publication date moves the dates
// the user left alone, and keeps every change the user made.
func TestRereadingKeepsTheUsersChanges(t *testing.T) {
	s := newSite(t)
	review := s.paste(string(article(t, "wire-summit.txt")), "")
	meeting := findCandidate(t, review, "meeting", "2024-03-14") // "on Thursday"
	call := findCandidate(t, review, "call", "2024-03-11")       // "on Monday"
	visit := findCandidate(t, review, "visit", "2024-03-19")     // planned, unticked

	form := formValues(review.doc, `[data-testid=review-form]`)
	form.Set(fieldName(meeting, "title"), "Beispiel and Minta meet in Vienna")
	form[fieldName(meeting, "actor")] = []string{"Karl Beispiel", "Laszlo Minta", "Austria", "Hungary"}
	form.Set(fieldName(call, "date"), "March 10, 2024")
	form.Set(fieldName(visit, "selected"), "on")
	form.Set("published", "March 21, 2024")
	form.Set("action", "reread")
	again := s.post("/articles", form, nil)
	if again.StatusCode != http.StatusOK {
		t.Fatalf("re-read = %d: %s", again.StatusCode, again.text("main"))
	}

	// Left alone, "on Thursday" now counts from 21 March.
	meeting = findCandidate(t, again, "meeting", "2024-03-21")
	if v, _ := meeting.Find(`[data-testid=candidate-title]`).Attr("value"); v != "Beispiel and Minta meet in Vienna" {
		t.Errorf("the meeting's title went back to %q", v)
	}
	var actors []string
	meeting.Find(`[data-testid=candidate-actor]`).Each(func(_ int, a *goquery.Selection) {
		if v, _ := a.Attr("value"); v != "" {
			actors = append(actors, v)
		}
	})
	if strings.Join(actors, ", ") != "Karl Beispiel, Laszlo Minta, Austria, Hungary" {
		t.Errorf("the meeting's actors went back to %v", actors)
	}
	// The date the user typed stays, read as typed.
	call = findCandidate(t, again, "call", "2024-03-10")
	if got := call.Find(`[data-testid=candidate-date-read]`).Text(); !strings.Contains(got, "10 March 2024") {
		t.Errorf("the call's date reads as %q", got)
	}
	visit = again.find(`[data-testid=candidate][data-kind=visit]`)
	if _, ticked := visit.Find(`[data-testid=candidate-selected]`).Attr("checked"); !ticked {
		t.Error("the visit the user ticked is unticked again")
	}
	// What was kept is what gets saved.
	tl := s.follow(s.post("/articles/accept", formValues(again.doc, `[data-testid=review-form]`), nil))
	if tl.find(`[data-testid=event][data-kind=meeting][data-date="2024-03-21"] [data-testid=event-title]`).Text() != "Beispiel and Minta meet in Vienna" ||
		tl.find(`[data-testid=event][data-kind=call][data-date="2024-03-10"]`).Length() != 1 ||
		tl.find(`[data-testid=event][data-kind=visit]`).Length() != 1 {
		t.Errorf("saved: %v", texts(tl.find(`[data-testid=event]`)))
	}
}

// A candidate found in a web page shows its paragraph as a reader sees
// it: no markup, no blocks around it, no character references; the
// quote kept for saving is still the page's bytes.
func TestAWebPagesCandidateShowsItsParagraph(t *testing.T) {
	s := newSite(t)
	page, err := os.ReadFile("webpage/testdata/newswire.html")
	if err != nil {
		t.Fatal(err)
	}
	review := s.post("/articles", url.Values{"published": {"April 14, 2025"}}, map[string]upload{"file": {"talks.html", page}})
	if review.StatusCode != http.StatusOK {
		t.Fatalf("%d: %s", review.StatusCode, review.text("main"))
	}
	meeting := findCandidate(t, review, "meeting", "2025-04-12")
	context := meeting.Find(`[data-testid=candidate-context]`).Text()
	quote := meeting.Find(`[data-testid=candidate-quote]`).Text()
	if !strings.Contains(quote, "envoys met in Muscat on Saturday for talks on Iran’s nuclear programme") {
		t.Errorf("quote = %q", quote)
	}
	for _, markup := range []string{"<", "class=", "&nbsp;", "&rsquo;", "Advertisement", "GULF NEWSWIRE"} {
		if strings.Contains(context, markup) {
			t.Errorf("the context shows %q: %q", markup, context)
		}
	}
	if v, _ := review.find(`[data-testid=review-title]`).Attr("value"); v != "Oman hosts a new round of talks between Iran and the United States" {
		t.Errorf("title = %q", v)
	}
	if v, _ := review.find(`[data-testid=review-publisher]`).Attr("value"); v != "Gulf Newswire" {
		t.Errorf("publisher = %q", v)
	}
	// Saved, the quote is the page's bytes; shown, it reads as text.
	form := formValues(review.doc, `[data-testid=review-form]`)
	tl := s.follow(s.post("/articles/accept", form, nil))
	shown := tl.text(`[data-testid=event-quote]`)
	if strings.Contains(shown, "&") || strings.Contains(shown, "<") || !strings.Contains(shown, "Iran’s nuclear programme") {
		t.Errorf("the timeline shows the quote as %q", shown)
	}
	if got := tl.text(`[data-testid=event-source]`); !strings.Contains(got, "Gulf Newswire") {
		t.Errorf("source = %q", got)
	}
}
