package timex

import (
	"strings"
	"testing"
	"time"
)

func ref(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// find returns the one expression found in sentence, or fails.
func find(t *testing.T, sentence, dct string) Timex {
	t.Helper()
	var d time.Time
	if dct != "" {
		d = ref(dct)
	}
	got := Find(sentence, d)
	if len(got) != 1 {
		var texts []string
		for _, g := range got {
			texts = append(texts, g.Text+"="+g.Value)
		}
		t.Fatalf("Find(%q) found %d expressions %v, want 1", sentence, len(got), texts)
	}
	return got[0]
}

func TestDateRules(t *testing.T) {
	tests := []struct {
		rule     string
		sentence string
		dct      string
		text     string
		value    string
		typ      Type
	}{
		// explicit dates
		{"month day year", "Russia invaded on Feb. 24, 2022, from the north.", "2025-07-03", "Feb. 24, 2022", "2022-02-24", TypeDate},
		{"day month year", "Russia invaded on 24 February 2022.", "2025-07-03", "24 February 2022", "2022-02-24", TypeDate},
		{"month year", "Prices rose in June 2025.", "2025-07-03", "June 2025", "2025-06", TypeDate},
		{"month of year", "It ended in July of 2018.", "2025-07-03", "July of 2018", "2018-07", TypeDate},
		{"ISO date is a date, not a clock time", "The order is dated 2025-06-21.", "2025-07-03", "2025-06-21", "2025-06-21", TypeDate},
		{"numeric day-first date", "Date 21.03.2023", "", "21.03.2023", "2023-03-21", TypeDate},
		{"numeric date with hyphens, day first when it cannot be a month", "Created: 24-03-2022", "", "24-03-2022", "2022-03-24", TypeDate},
		{"numeric date with hyphens, US month first", "Posted 03-21-2023", "", "03-21-2023", "2023-03-21", TypeDate},
		{"a month's abbreviation before a comma and a year", "IANS, 09 Jan, 2019", "", "09 Jan, 2019", "2019-01-09", TypeDate},
		{"numeric US date", "Filed 03/21/2023 in court.", "", "03/21/2023", "2023-03-21", TypeDate},
		{"weekday with full date is one expression", "Published Sun 14 April 2024 in print.", "", "Sun 14 April 2024", "2024-04-14", TypeDate},
		{"range takes its start", "a summit in Cornwall, England, June 11-13, a NATO summit", "2021-06-16", "June 11-13", "2021-06-11", TypeDate},
		{"bare year", "The armistice was signed in 1953.", "2025-07-03", "1953", "1953", TypeDate},
		{"span of years keeps the first", "The 1950-53 Korean War ended in an armistice.", "2025-07-03", "1950-53", "1950", TypeDate},
		{"spoken year", "In nineteen ninety-one he was convicted.", "1998-01-15", "nineteen ninety-one", "1991", TypeDate},
		{"decade", "It grew in the 1990s.", "2025-07-03", "the 1990s", "199", TypeDate},
		{"century", "the worst war of the 20th century", "2025-07-03", "the 20th century", "19", TypeDate},
		{"season with year", "in the summer of 2024 talks stalled", "2025-07-03", "the summer of 2024", "2024-SU", TypeDate},
		{"quarter with year", "profit in the third quarter of 1997 fell", "1998-01-08", "the third quarter of 1997", "1997-Q3", TypeDate},
		{"holiday", "He was found on Thanksgiving Day clinging to a tube.", "2000-01-07", "Thanksgiving Day", "1999-11-25", TypeDate},

		// resolved against the publication date
		{"month day takes the nearest year", "Mr. Trump ordered the June 21 bombing.", "2025-07-03", "June 21", "2025-06-21", TypeDate},
		{"month day across the new year", "On Dec. 28, the ministers announced an accord.", "2016-01-07", "Dec. 28", "2015-12-28", TypeDate},
		{"month day in a future clause", "The talks will resume on January 5.", "2025-12-20", "January 5", "2026-01-05", TypeDate},
		{"bare weekday in past tense resolves backwards", "Mr. Putin spoke on Wednesday.", "2025-07-03", "Wednesday", "2025-07-02", TypeDate},
		{"bare weekday on the publication day is that day", "The leaders spoke on Thursday.", "2025-07-03", "Thursday", "2025-07-03", TypeDate},
		{"bare weekday in future tense resolves forwards", "South Korea will resume broadcasts on Friday.", "2016-01-07", "Friday", "2016-01-08", TypeDate},
		{"weekday after due to is future", "Xi is due to leave Moscow on Wednesday.", "2023-03-21", "Wednesday", "2023-03-22", TypeDate},
		{"possessive weekday is past", "They would look for ways around Wednesday's ruling.", "2000-01-07", "Wednesday", "2000-01-05", TypeDate},
		{"weekday with part of day", "a conversation on Thursday morning", "2025-07-03", "Thursday morning", "2025-07-03TMO", TypeTime},
		{"late on a weekday keeps the day", "Iran launched its attack late on Saturday.", "2024-04-14", "late on Saturday", "2024-04-13", TypeDate},
		{"last weekday is strictly before", "Merkel flew to Kiev last Thursday.", "2015-02-12", "last Thursday", "2015-02-05", TypeDate},
		{"next weekday is strictly after", "They meet next Thursday.", "2015-02-12", "next Thursday", "2015-02-19", TypeDate},
		{"month alone in a past clause", "Mr. Trump returned to office in January.", "2025-07-03", "January", "2025-01", TypeDate},
		{"month alone in a past clause across the year", "Xi and Putin last met in September.", "2023-03-21", "September", "2022-09", TypeDate},
		{"last month name", "Fighting broke out last April.", "2015-02-12", "last April", "2014-04", TypeDate},
		{"yesterday", "The minister resigned yesterday.", "2025-07-03", "yesterday", "2025-07-02", TypeDate},
		{"tonight", "The vote is tonight.", "2025-07-03", "tonight", "2025-07-03TNI", TypeTime},
		{"last evening", "The two leaders spoke last evening.", "2025-07-03", "last evening", "2025-07-02TEV", TypeTime},
		{"this morning", "Putin spoke this morning.", "2023-06-24", "this morning", "2023-06-24TMO", TypeTime},
		{"last week", "The ministers met last week.", "2025-07-03", "last week", "2025-W26", TypeDate},
		{"next month", "Elections are due next month.", "2025-07-03", "next month", "2025-08", TypeDate},
		{"last year", "a truce signed in Minsk last year", "2015-02-12", "last year", "2014", TypeDate},
		{"earlier this month", "He secured a third term earlier this month.", "2023-03-21", "earlier this month", "2023-03", TypeDate},
		{"date with last year", "Finland became a member on 4 April last year.", "2024-03-07", "4 April last year", "2023-04-04", TypeDate},
		{"years ago", "The plant closed two years ago.", "2025-07-03", "two years ago", "2023", TypeDate},
		{"weeks ago keeps week precision", "He spoke in a speech six weeks ago.", "1998-03-01", "six weeks ago", "1998-W03", TypeDate},
		{"this season", "protests this summer", "1998-03-22", "this summer", "1998-SU", TypeDate},
		{"fiscal quarter without a year", "third-quarter profit rose", "1989-10-26", "third-quarter", "1989-Q3", TypeDate},
		{"fourth quarter in January is last year's", "sales in the fourth quarter fell", "1998-01-08", "the fourth quarter", "1997-Q4", TypeDate},
		{"clock time with zone takes the day", "July 3, 2025Updated 6:31 p.m. ET", "2025-07-03", "", "", ""},
		{"noon", "broadcasts will resume at noon on Friday", "2016-01-07", "noon on Friday", "2016-01-08T12:00", TypeTime},

		// durations and sets
		{"duration", "The deal is valid for 120 days.", "", "120 days", "P120D", TypeDuration},
		{"adjectival duration", "a four-year loan program", "", "four-year", "P4Y", TypeDuration},
		{"hours", "less than 24 hours after the deal", "", "less than 24 hours", "PT24H", TypeDuration},
		{"vague duration", "in the next few days", "", "the next few days", "PXD", TypeDuration},
		{"half", "refugee camps for 2 1/2 years", "", "2 1/2 years", "P2Y6M", TypeDuration},
		{"set", "Protesters rallied every week.", "", "every week", "P1W", TypeSet},
		{"set adverb", "Profits grew 20% annually.", "", "annually", "P1Y", TypeSet},
		{"money per year is a set", "It costs $2 million a year.", "", "a year", "P1Y", TypeSet},
		{"present reference", "The economy is now slowing.", "", "now", "PRESENT_REF", TypeDate},
		{"past reference", "He recently moved.", "", "recently", "PAST_REF", TypeDate},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			if tt.text == "" {
				got := Find(tt.sentence, ref(tt.dct))
				if len(got) != 2 || got[1].Value != "2025-07-03T18:31" || got[1].Type != TypeTime {
					t.Errorf("got %+v", got)
				}
				return
			}
			got := find(t, tt.sentence, tt.dct)
			if got.Text != tt.text || got.Value != tt.value || got.Type != tt.typ {
				t.Errorf("got %q %s %s, want %q %s %s", got.Text, got.Value, got.Type, tt.text, tt.value, tt.typ)
			}
			if tt.sentence[got.Start:got.End] != got.Text {
				t.Errorf("offsets %d:%d do not hold %q", got.Start, got.End, got.Text)
			}
		})
	}
}

// The narrative: "two days later" counts from the last date mentioned,
// not from the publication date.
func TestAnaphoricDatesCountFromTheStory(t *testing.T) {
	text := "Mrs May told MPs on 12 March that Russia was responsible. Two days later, she announced " +
		"expulsions. Russia retaliated the following Saturday. On 4 March they were found; the same day " +
		"police sealed the area. Hours later, roads were closed. The next day it rained. That evening " +
		"it stopped."
	want := []struct{ text, value string }{
		{"12 March", "2018-03-12"},
		{"Two days later", "2018-03-14"},
		{"the following Saturday", "2018-03-17"},
		{"4 March", "2018-03-04"},
		{"the same day", "2018-03-04"},
		{"Hours later", "2018-03-04"},
		{"The next day", "2018-03-05"},
		{"That evening", "2018-03-05TEV"},
	}
	got := Find(text, ref("2018-03-26"))
	if len(got) != len(want) {
		t.Fatalf("found %d expressions, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Text != w.text || got[i].Value != w.value {
			t.Errorf("%d: got %q=%s, want %q=%s", i, got[i].Text, got[i].Value, w.text, w.value)
		}
	}
}

func TestNonDatesStayNonDates(t *testing.T) {
	for _, s := range []string{
		"the sixth known call between the two",
		"the 12-day war",
		"a loan worth $1.5 billion",
		"under Resolution 2231 of the council",
		"it may rain",
		"protesters march through the city",
		"a resort at Mar-a-Lago",
		"killed 2,745 judges",
		"5,000 people",
		"The index closed at 2082.1, down 4.5%.",
		"a 6-year-old boy",
		"Theresa May told the House",
		"1500 troops were sent",
		"Sun Yat-sen was born",
		"a second group of directors",
		"on CBS's '60 Minutes'",
	} {
		for _, tx := range Find(s, ref("2025-07-03")) {
			if tx.Type == TypeDate || tx.Type == TypeTime {
				t.Errorf("%q: found date %q = %s", s, tx.Text, tx.Value)
			}
		}
	}
}

func TestWithoutAPublicationDateRelativeDatesStayUnresolved(t *testing.T) {
	got := Find("They met on Thursday and again on June 21, 2025. Two days later it ended.", time.Time{})
	want := map[string]string{"Thursday": "XXXX-WXX-4", "June 21, 2025": "2025-06-21", "Two days later": "2025-06-23"}
	for _, g := range got {
		if w, ok := want[g.Text]; !ok || g.Value != w {
			t.Errorf("%q = %q, want %q", g.Text, g.Value, w)
		}
		delete(want, g.Text)
	}
	if len(want) > 0 {
		t.Errorf("not found: %v", want)
	}
}

func TestImpossibleDatesAreNotDates(t *testing.T) {
	for _, s := range []string{"on February 30, 2025", "on 2025-13-01", "on 31 April 2024"} {
		for _, tx := range Find(s, ref("2025-07-03")) {
			if !tx.Date.IsZero() {
				t.Errorf("%q became the date %v", s, tx.Date)
			}
		}
	}
}

func TestParseFormDates(t *testing.T) {
	today := ref("2025-07-10") // a Thursday
	tests := []struct{ in, want string }{
		{"June 21, 2025", "2025-06-21"},
		{"2025-06", "2025-06"},
		{"spring 2024", "2024-SP"},
		{"last Thursday", "2025-07-03"},
		{"yesterday", "2025-07-09"},
		{"21 June 2025", "2025-06-21"},
		{"2025", "2025"},
		{"  July 3, 2025 morning", ""},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in, today)
		if tt.want == "" {
			if err == nil {
				t.Logf("%q = %s (accepted)", tt.in, d.Value())
			}
			continue
		}
		if err != nil || d.Value() != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, d.Value(), err, tt.want)
		}
	}
	for _, bad := range []string{"", "soon", "February 30, 2025", "not a date at all"} {
		if _, err := Parse(bad, today); err == nil || !strings.Contains(err.Error(), "is not a date") {
			t.Errorf("Parse(%q) error = %v", bad, err)
		}
	}
}
