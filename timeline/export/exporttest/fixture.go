package exporttest

import (
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline"
)

// CanonicalArticle is the body of the article the canonical events come
// from (a New York Times report of 3 July 2025), shortened.
const CanonicalArticle = `Trump Says Call With Putin Yields No Progress on Ending Ukraine War
July 3, 2025

President Trump said that he had made no progress toward ending the war in Ukraine during a roughly hourlong conversation with President Vladimir V. Putin of Russia on Thursday morning.
The call came less than two weeks after the United States struck three Iranian nuclear sites on June 21, joining the campaign Israel began on June 13.`

// Canonical returns the article and the three events Dateline should find
// in it: the call on the morning of 3 July 2025 between Donald Trump and
// Vladimir Putin, the United States' strike on Iran on 21 June 2025 and
// Israel's on 13 June 2025, each citing its sentence. Mentions point at
// the article (Mention.Article), ready for store.Import.
func Canonical(t testing.TB) (*timeline.Article, []timeline.Event) {
	t.Helper()
	body := CanonicalArticle
	a := &timeline.Article{
		URL:       "https://www.nytimes.com/2025/07/03/us/politics/trump-putin-call-ukraine.html",
		Title:     "Trump Says Call With Putin Yields No Progress on Ending Ukraine War",
		Publisher: "The New York Times", Published: Date(t, "2025-07-03"), PublishedSource: "dateline",
		Body: body, CreatedAt: time.Date(2025, 7, 3, 19, 0, 0, 0, time.UTC),
	}
	quote := func(from, to string) timeline.Mention {
		start := strings.Index(body, from)
		end := strings.Index(body, to) + len(to)
		if start < 0 || end < len(to) {
			t.Fatalf("quote %q...%q not in the article", from, to)
		}
		return timeline.Mention{Quote: body[start:end], Start: start, End: end, ExtractorVersion: "fixture", Article: a}
	}
	stamp := time.Date(2025, 7, 3, 20, 15, 0, 0, time.UTC)
	events := []timeline.Event{
		{Kind: timeline.KindCall, Date: Date(t, "2025-07-03TMO"), Title: "Trump and Putin speak by phone",
			Summary:  "No progress toward ending the war in Ukraine.",
			Actors:   []timeline.Actor{{Name: "Donald Trump", Kind: timeline.ActorPerson}, {Name: "Vladimir Putin", Kind: timeline.ActorPerson}},
			Mentions: []timeline.Mention{quote("President Trump said", "on Thursday morning.")}, Confidence: 0.9},
		{Kind: timeline.KindStrike, Date: Date(t, "2025-06-21"), Title: "United States strikes Iranian nuclear sites",
			Actors:   []timeline.Actor{{Name: "United States", Kind: timeline.ActorCountry}, {Name: "Iran", Kind: timeline.ActorCountry}},
			Mentions: []timeline.Mention{quote("the United States struck", "on June 21")}, Confidence: 0.8},
		{Kind: timeline.KindStrike, Date: Date(t, "2025-06-13"), Title: "Israel begins strikes on Iran",
			Actors:   []timeline.Actor{{Name: "Israel", Kind: timeline.ActorCountry}, {Name: "Iran", Kind: timeline.ActorCountry}},
			Mentions: []timeline.Mention{quote("the campaign Israel began", "on June 13.")}, Confidence: 0.7},
	}
	for i := range events {
		e := &events[i]
		e.Status, e.Origin = timeline.StatusReported, timeline.ByExtractor
		e.CreatedAt, e.UpdatedAt = stamp, stamp
	}
	return a, events
}

// Tricky returns events whose text breaks careless writers: commas,
// semicolons, backslashes, colons, quotes, CRLF and LF line breaks, emoji
// (with skin tones and flags, several code points each), long Cyrillic and
// Arabic text that must be folded between characters, HTML, and text a
// spreadsheet would take for a formula; and dates of every precision,
// approximate ones, statuses other than reported, and two dates no
// calendar can hold (year 0 and 31 December 9999). Events have ids 1..n.
func Tricky(t testing.TB) (*timeline.Article, []timeline.Event) {
	t.Helper()
	a, events := Canonical(t)
	cyrillic := strings.Repeat("Министр иностранных дел России Сергей Лавров заявил, что переговоры продолжатся; ", 3)
	arabic := strings.Repeat("أعلنت وزارة الخارجية الإيرانية أن المفاوضات النووية ستستأنف، وفقاً لمصادر رسمية؛ ", 3)
	hand := func(kind timeline.Kind, value, title, summary string, actors ...string) timeline.Event {
		e := timeline.Event{
			Kind: kind, Date: Date(t, value), Title: title, Summary: summary,
			Status: timeline.StatusReported, Confidence: 1, Origin: timeline.ByHand,
			CreatedAt: time.Date(2025, 7, 4, 8, 0, 0, 0, time.UTC), UpdatedAt: time.Date(2025, 7, 5, 9, 30, 15, 0, time.UTC),
		}
		for _, name := range actors {
			e.Actors = append(e.Actors, timeline.Actor{Name: name, Kind: timeline.ActorCountry})
		}
		return e
	}
	events = append(events,
		hand(timeline.KindStatement, "2025-06-22", `Iran: "strikes on Fordow, Natanz; Isfahan" violate C:\law\UN`,
			"First line, with a comma; and a semicolon.\r\nSecond line after CRLF.\nThird line \\ with a backslash.", "Iran"),
		hand(timeline.KindAid, "2025-06-23", "🇺🇦 Zelensky thanks allies 🙏🏽 for air defence 🚀👩🏾‍🚀",
			"Emoji everywhere: 🇺🇦🇺🇸🇮🇱🇮🇷 "+strings.Repeat("🙏🏽", 30), "Ukraine"),
		hand(timeline.KindStatement, "2025-06-24", "Лавров: "+runes(cyrillic, 120), cyrillic, "Россия"),
		hand(timeline.KindStatement, "2025-06-25", "طهران: "+runes(arabic, 120), arabic, "إيران"),
		hand(timeline.KindAgreement, "2025-06", "Ceasefire agreed <b>in principle</b> & signed", "=HYPERLINK(\"http://evil\")", "Israel", "Iran"),
		hand(timeline.KindLeadership, "2024", "+1 for the new government", "@mention -minus", "United States"),
		hand(timeline.KindMeeting, "2025-SU", "Summer talks", ""),
		hand(timeline.KindMeeting, "2025-Q3", "Third-quarter talks", ""),
		hand(timeline.KindVisit, "2025-W25", "A visit that week", ""),
		hand(timeline.KindStrike, "2025-06-21T18:31", "Bombers cross into Iranian airspace", "At a known minute.", "United States"),
		hand(timeline.KindProtest, "~2025-06-22", "Protests around that day", ""),
		hand(timeline.KindThreat, "2025-06-26TEV", "Evening ultimatum", ""),
		hand(timeline.KindStrike, "2025-06-27T15:35+05:30", "Drones over Delhi, at a time given in Indian time", "", "India"),
		hand(timeline.KindStrike, "2025-06-28T01:10+03:00", "Night strike on Kyiv, the day before in UTC", "", "Ukraine"),
		hand(timeline.KindStrike, "2025-06-29TEH", "Attack in the early hours", "", "Ukraine"),
	)
	planned := hand(timeline.KindMeeting, "2025-08-15", "Summit planned in Alaska", "", "United States", "Russia")
	planned.Status = timeline.StatusPlanned
	denied := hand(timeline.KindCall, "2025-06-30", "No call with Kyiv", "")
	denied.Status = timeline.StatusNegated
	denied.SourceURL = "https://example.org/denial?a=1&b=2;c"
	events = append(events, planned, denied,
		hand(timeline.KindStatement, "0000-03", "A date before year 1", ""),
		hand(timeline.KindStatement, "9999-12-31", "The last day a year can have", ""))
	for i := range events {
		events[i].ID = int64(i + 1)
		events[i].Sequence = i % 3
		if err := events[i].Validate(); err != nil {
			t.Fatalf("fixture event %d: %v", i, err)
		}
	}
	a.ID = 7
	for i := range events {
		for j := range events[i].Mentions {
			events[i].Mentions[j].ArticleID = a.ID
			events[i].Mentions[j].EventID = events[i].ID
		}
		seen := map[int64]bool{}
		for _, m := range events[i].Mentions {
			seen[m.ArticleID] = true
		}
		events[i].Sources = len(seen)
	}
	return a, events
}

// Date parses a date value or fails the test.
func Date(t testing.TB, value string) timeline.Date {
	t.Helper()
	d, err := timeline.ParseDate(value)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// runes is the first n characters of s.
func runes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}
