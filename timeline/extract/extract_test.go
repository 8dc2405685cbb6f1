package extract

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dateline/dateline/timeline"
)

func day(t *testing.T, v string) timeline.Date {
	t.Helper()
	d, err := timeline.ParseDate(v)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func testdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// event finds the extracted event of a kind on a date, or fails.
func event(t *testing.T, res Result, kind timeline.Kind, date string) timeline.Event {
	t.Helper()
	for _, e := range res.Events {
		if e.Kind == kind && e.Date.Value() == date {
			return e
		}
	}
	var got []string
	for _, e := range res.Events {
		got = append(got, e.Date.Value()+" "+string(e.Kind)+" "+strings.Join(e.ActorNames(), "/"))
	}
	t.Fatalf("no %s on %s; extracted: %v", kind, date, got)
	return timeline.Event{}
}

func hasActors(e timeline.Event, names ...string) bool {
	got := e.ActorNames()
	for _, n := range names {
		if !slices.Contains(got, n) {
			return false
		}
	}
	return true
}

func TestPublicationDate(t *testing.T) {
	body := "\n\nThe ministers met on Thursday in the capital and agreed to continue talks on trade.\n"
	tests := []struct {
		name   string
		input  string
		given  string
		want   string
		source string
	}{
		{"date glued to an update line", "Headline\n\nJuly 3, 2025Updated 6:31 p.m. ET" + body, "", "2025-07-03", SourceDateline},
		{"published label", "Headline\n\nPublished 24 February 2022" + body, "", "2022-02-24", SourceDateline},
		{"numeric day-first date line", "Headline\n\nDate 21.03.2023\nAuthor Someone" + body, "", "2023-03-21", SourceDateline},
		{"published wins over updated", "Headline\n\nUpdated 3 March 2024\nPublished 1 March 2024" + body, "", "2024-03-01", SourceDateline},
		{"only an update time", "Headline\n\nUpdated 14:05 GMT, Sun 14 April 2024" + body, "", "2024-04-14", SourceUpdated},
		{"abbreviated weekday and month", "Headline\n\nThu 7 Mar 2024 18.32 GMT" + body, "", "2024-03-07", SourceDateline},
		{"ISO date line", "2018-06-12\n\nHEADLINE" + body, "", "2018-06-12", SourceDateline},
		{"agency and a month's abbreviation", "Headline\n\nIANS, 09 Jan, 2019 01:49 AM" + body, "", "2019-01-09", SourceDateline},
		{"numeric date with hyphens, labelled created", "Headline\n\nPTI | Updated: 24-03-2022 05:34 IST | Created: 24-03-2022 05:34 IST" + body, "", "2022-03-24", SourceDateline},
		{"a wire dateline opening the story", "Headline\n\nCHICAGO—(ENEWSPF)—April 4, 2013. The ministers met on Thursday in the capital.", "", "2013-04-04", SourceDateline},
		{"a story opening with a date has no dateline", "Headline\n\nOn March 12, 2019, the ministers met in the capital and agreed to continue talks.", "", "", ""},
		{"given date overrides", "Headline\n\nPublished 24 February 2022" + body, "2022-02-25", "2022-02-25", SourceGiven},
		{"a date in the story is not a publication date",
			"Russia invaded Ukraine on Feb. 24, 2022, and the war has gone on ever since, officials in Kyiv said on Monday in a long statement.", "", "", ""},
		{"nothing found", "Headline" + body, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts Options
			if tt.given != "" {
				opts.Published = day(t, tt.given)
			}
			res, err := Article(t.Context(), tt.input, opts)
			if err != nil {
				t.Fatal(err)
			}
			if res.Published.Value() != tt.want || res.PublishedSource != tt.source {
				t.Errorf("published = %q from %q, want %q from %q", res.Published.Value(), res.PublishedSource, tt.want, tt.source)
			}
			if tt.want == "" && len(res.Notes) == 0 {
				t.Error("no note says the publication date is missing")
			}
		})
	}
}

func TestPublicationDateFromTimeElement(t *testing.T) {
	page := `<html><head><title>Talks</title></head><body>
<header><time datetime="2024-03-14T10:00:00+01:00">March 14</time></header>
<article><p>Foreign ministers of France and Germany met in Paris on Wednesday and agreed to coordinate aid to Ukraine, officials said.</p>
<p>The two ministers had spoken by phone on Monday, according to the French foreign ministry.</p></article></body></html>`
	res, err := Article(t.Context(), page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Published.Value() != "2024-03-14" || res.PublishedSource != SourceMetadata {
		t.Fatalf("published = %s from %s", res.Published.Value(), res.PublishedSource)
	}
	meeting := event(t, res, timeline.KindMeeting, "2024-03-13")
	if !slices.Equal(meeting.ActorNames(), []string{"France", "Germany"}) {
		t.Errorf("meeting actors = %v: the next verb's object is not a party", meeting.ActorNames())
	}
	call := event(t, res, timeline.KindCall, "2024-03-11")
	if !hasActors(call, "France", "Germany") {
		t.Errorf("'the two ministers' = %v, want the two countries", call.ActorNames())
	}
}

func TestPublicationDateFromPageMetadata(t *testing.T) {
	res, err := Article(t.Context(), testdata(t, "page-strike.html"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// datePublished, not dateModified (7 October) nor the date in a script
	if res.Published.Value() != "2023-10-05" || res.PublishedSource != SourceMetadata {
		t.Errorf("published = %s from %s, want 2023-10-05 from metadata", res.Published.Value(), res.PublishedSource)
	}
}

// Event kinds, dates and actors on short sentences; the publication date is
// Thursday 3 July 2025.
func TestEventsInSentences(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		kind     timeline.Kind
		date     string
		actors   []string
		status   timeline.Status
	}{
		{"phone call", "President Emmanuel Macron spoke by phone with Chancellor Olaf Scholz on Tuesday.",
			timeline.KindCall, "2025-07-01", []string{"Emmanuel Macron", "Olaf Scholz"}, timeline.StatusReported},
		{"meeting", "Foreign Minister Wang Yi met Secretary of State Marco Rubio in Kuala Lumpur on Friday.",
			timeline.KindMeeting, "2025-06-27", []string{"Wang Yi", "Marco Rubio"}, timeline.StatusReported},
		{"visit to a capital", "Prime Minister Keir Starmer arrived in Kyiv on Monday for talks.",
			timeline.KindVisit, "2025-06-30", []string{"Keir Starmer", "Ukraine"}, timeline.StatusReported},
		{"meeting for talks", "President Anna Keller of Germany met Prime Minister Piotr Nowak of Poland in Warsaw on Monday for talks.",
			timeline.KindMeeting, "2025-06-30", []string{"Anna Keller", "Germany", "Piotr Nowak", "Poland"}, timeline.StatusReported},
		{"long subject", "Germany's Anna Keller and Poland's Piotr Nowak held talks in Warsaw on Monday.",
			timeline.KindMeeting, "2025-06-30", []string{"Germany", "Anna Keller", "Poland", "Piotr Nowak"}, timeline.StatusReported},
		{"agreement", "Armenia and Azerbaijan signed a peace treaty on June 20, 2025.",
			timeline.KindAgreement, "2025-06-20", []string{"Armenia", "Azerbaijan"}, timeline.StatusReported},
		{"statement", "The Kremlin said on Wednesday that the talks had been useful.",
			timeline.KindStatement, "2025-07-02", []string{"Russia"}, timeline.StatusReported},
		{"threat", "North Korea threatened on Sunday to retaliate against the drills.",
			timeline.KindThreat, "2025-06-29", []string{"North Korea"}, timeline.StatusReported},
		{"sanction", "The European Union imposed new sanctions on Belarus on Monday.",
			timeline.KindSanction, "2025-06-30", []string{"European Union", "Belarus"}, timeline.StatusReported},
		{"strike", "Israeli jets bombed targets in Lebanon late on Saturday.",
			timeline.KindStrike, "2025-06-28", []string{"Israel", "Lebanon"}, timeline.StatusReported},
		{"leadership", "Lee Jae-myung was sworn in as president of South Korea on June 4.",
			timeline.KindLeadership, "2025-06-04", []string{"Lee Jae-myung"}, timeline.StatusReported},
		{"aid", "Germany pledged $500 million in military aid to Ukraine on Tuesday.",
			timeline.KindAid, "2025-07-01", []string{"Germany", "Ukraine"}, timeline.StatusReported},
		{"protest", "Thousands of protesters rallied in Tbilisi on Sunday night.",
			timeline.KindProtest, "2025-06-29TNI", []string{"Georgia"}, timeline.StatusReported},
		{"planned meeting", "The two foreign ministers will meet in Geneva next Tuesday, Turkey and Greece said.",
			timeline.KindMeeting, "2025-07-08", nil, timeline.StatusPlanned},
		{"negated visit", "Prime Minister Narendra Modi did not travel to Moscow on Friday.",
			timeline.KindVisit, "2025-06-27", []string{"Narendra Modi"}, timeline.StatusNegated},
		{"hypothetical strike", "If talks fail, Iran could attack shipping in the Gulf on Monday, officials warned.",
			timeline.KindStrike, "2025-07-07", []string{"Iran"}, timeline.StatusHypothetical},
		{"anaphoric date", "Ministers met in Paris on June 2. Two days later, France and Italy signed an accord.",
			timeline.KindAgreement, "2025-06-04", []string{"France", "Italy"}, timeline.StatusReported},
	}
	pub := day(t, "2025-07-03")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Article(t.Context(), tt.sentence, Options{Published: pub})
			if err != nil {
				t.Fatal(err)
			}
			e := event(t, res, tt.kind, tt.date)
			if !hasActors(e, tt.actors...) {
				t.Errorf("actors = %v, want %v among them", e.ActorNames(), tt.actors)
			}
			if e.Status != tt.status {
				t.Errorf("status = %s, want %s", e.Status, tt.status)
			}
			if err := e.Validate(); err != nil {
				t.Errorf("extracted event is invalid: %v", err)
			}
		})
	}
}

func TestCoreferenceNamesPeopleInFull(t *testing.T) {
	text := "President Vladimir V. Putin of Russia spoke with President Donald Trump by phone on Thursday. " +
		"Mr. Putin told Mr. Trump that Russia would continue the war, the Kremlin said on Friday."
	res, err := Article(t.Context(), text, Options{Published: day(t, "2025-07-04")})
	if err != nil {
		t.Fatal(err)
	}
	call := event(t, res, timeline.KindCall, "2025-07-03")
	if !hasActors(call, "Vladimir Putin", "Donald Trump") {
		t.Errorf("call actors = %v", call.ActorNames())
	}
	if call.Title != "Putin and Trump speak by phone" {
		t.Errorf("title = %q", call.Title)
	}
}

func TestNoEventsFromCaptionsJunkAndNonDates(t *testing.T) {
	text := strings.Join([]string{
		"Leaders speak again",
		"",
		"Published 3 July 2025",
		"",
		"The president pictured in Moscow on Wednesday. Credit...Pool photo by A. Person",
		"",
		"It was the sixth known call between the two leaders, who fought a 12-day war of words over a $1.5 billion deal under Resolution 2231 that may march on.",
		"",
		"Related stories",
		"Russia and Ukraine sign truce (June 30, 2025)",
		"",
		"Subscribe now for full access. Already a subscriber? Log in.",
	}, "\n")
	res, err := Article(t.Context(), text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) > 0 {
		t.Errorf("events from non-events: %+v", res.Events)
	}
}

func TestHTMLPageKeepsTheArticleAndMapsQuotes(t *testing.T) {
	input := testdata(t, "page-strike.html")
	res, err := Article(t.Context(), input, Options{})
	if err != nil {
		t.Fatal(err)
	}
	strike := event(t, res, timeline.KindStrike, "2023-10-04")
	if !hasActors(strike, "Russia", "Ukraine") {
		t.Errorf("strike actors = %v", strike.ActorNames())
	}
	call := event(t, res, timeline.KindCall, "2023-10-05TEV")
	if !hasActors(call, "Volodymyr Zelensky", "Recep Tayyip Erdogan") {
		t.Errorf("call actors = %v", call.ActorNames())
	}
	for _, e := range res.Events {
		if e.Date.Value() == "2023-09-28" {
			t.Errorf("event from the 'Most read' links: %+v", e)
		}
		for _, m := range e.Mentions {
			if input[m.Start:m.End] != m.Quote {
				t.Errorf("quote %q is not input[%d:%d]", m.Quote, m.Start, m.End)
			}
		}
	}
}

func TestMergesMentionsOfOneEvent(t *testing.T) {
	text := "Chancellor Karl Beispiel met Prime Minister Laszlo Minta on Thursday in Vienna. " +
		"The talks between Beispiel and Minta on Thursday lasted three hours."
	res, err := Article(t.Context(), text, Options{Published: day(t, "2024-03-14")})
	if err != nil {
		t.Fatal(err)
	}
	e := event(t, res, timeline.KindMeeting, "2024-03-14")
	if len(e.Mentions) != 2 {
		t.Errorf("%d mentions, want the two sentences as evidence of one meeting", len(e.Mentions))
	}
	if len(res.Events) != 1 {
		t.Errorf("%d events, want 1", len(res.Events))
	}
}

func TestBadInputIsRefusedClearly(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  error
	}{
		{"empty", " \n\t ", ErrEmpty},
		{"invalid UTF-8", "caf\xe9 talks", ErrNotText},
		{"NUL bytes", "talks\x00on Monday", ErrNotText},
		{"too large", strings.Repeat("a", 100), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Article(t.Context(), tt.input, Options{MaxBytes: 50})
			if !errors.Is(err, tt.want) {
				t.Errorf("error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestWithoutPublicationDateRelativeDatesAreNotGuessed(t *testing.T) {
	res, err := Article(t.Context(), "The presidents met on Thursday. They signed an accord on June 21, 2025.", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Events {
		if e.Date.Value() != "2025-06-21" {
			t.Errorf("event dated %s without a publication date", e.Date.Value())
		}
	}
	if len(res.Notes) == 0 {
		t.Error("no note explains the unresolved dates")
	}
}

func TestTestdataArticles(t *testing.T) {
	res, err := Article(t.Context(), testdata(t, "wire-summit.txt"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Published.Value() != "2024-03-14" {
		t.Errorf("published = %s", res.Published.Value())
	}
	meeting := event(t, res, timeline.KindMeeting, "2024-03-14")
	if !hasActors(meeting, "Karl Beispiel", "Laszlo Minta") {
		t.Errorf("meeting actors = %v", meeting.ActorNames())
	}
	event(t, res, timeline.KindCall, "2024-03-11")
	visit := event(t, res, timeline.KindVisit, "2024-03-19")
	if visit.Status != timeline.StatusPlanned {
		t.Errorf("a visit next week is %s, want planned", visit.Status)
	}
	for _, e := range res.Events {
		if e.Date.Value() == "2024-03-02" {
			t.Error("an event came from the related stories")
		}
		if hasActors(e, "Austria") && e.Kind == timeline.KindStatement {
			t.Errorf("the dateline's place became a speaker: %+v", e)
		}
	}

	res, err = Article(t.Context(), testdata(t, "paywall-paste.txt"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 1 || res.Events[0].Kind != timeline.KindLeadership || res.Events[0].Date.Value() != "2023-05-12" {
		t.Errorf("paywalled paste: %+v, want only the resignation on 12 May 2023", res.Events)
	}
}

// A person's country is the one the written name gives, or that of the
// leader of that name.
func TestPersonCountry(t *testing.T) {
	tests := []struct{ written, country string }{
		{"Russian President Vladimir V. Putin", "Russia"},
		{"President Vladimir Putin of Russia", "Russia"},
		{"King Hussein of Jordan", "Jordan"},
		{"Secretary of State Antony Blinken", "United States"},
		{"Bill Clinton", "United States"},
		{"Mr. Putin", ""}, // a surname alone names no leader
		{"Jane Doe", ""},
	}
	for _, tt := range tests {
		if got, _ := PersonCountry(tt.written); got != tt.country {
			t.Errorf("PersonCountry(%q) = %q, want %q", tt.written, got, tt.country)
		}
	}
}
