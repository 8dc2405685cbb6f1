package extract

import (
	"testing"

	"github.com/dateline/dateline/timeline"
)

// An event takes the date of its own clause, never the story's: the
// error the field's coders make and Dateline must not.
func TestDating(t *testing.T) {
	tests := []struct {
		name, text, trigger string
		date                string // "" for no date of its own
		status              timeline.Status
	}{
		{"a verb's clause", "Israel struck Iran on Friday.", "struck", "2025-06-27", timeline.StatusReported},
		{"a judged event keeps no date of the judgement", "The Security Council condemned the bombing of the U.S. embassy on Thursday.",
			"bombing", "", timeline.StatusReported},
		{"the judgement is dated", "The Security Council condemned the bombing of the U.S. embassy on Thursday.",
			"condemned", "2025-07-03", timeline.StatusReported},
		{"a date before the noun", "Iran said the operation answered the April 1 strike on its embassy in Damascus.",
			"strike", "2025-04-01", timeline.StatusReported},
		{"a date right after the noun", "The attacks Aug. 7, 2024 at the U.S. embassies killed 224 people.",
			"attacks", "2024-08-07", timeline.StatusReported},
		{"a noun that happened by its verb", "The talks between Karl Beispiel and Laszlo Minta took place on Monday.",
			"talks", "2025-06-30", timeline.StatusReported},
		{"when after a date", "The war began on June 13, when Israel launched a surprise attack.", "attack", "2025-06-13",
			timeline.StatusReported},
		{"a verb joined by and shares the date", "The blasts which killed 12 people and injured 1,000 others on Friday shocked Kenya.",
			"blasts", "2025-06-27", timeline.StatusReported},
		{"a fronted participle's date", "Speaking to a crowd in Istanbul on Saturday, President Recep Tayyip Erdogan blamed the coup on Fethullah Gulen.",
			"blamed", "2025-06-28", timeline.StatusReported},
		{"after a verb of judging, the date is the verb's", "Netanyahu's spokesman said Israel was expelled from the talks on Monday.",
			"expelled", "2025-06-30", timeline.StatusReported},
		{"a day the verb acts on dates nothing", "Troops left Moscow. Moscow's mayor, Sergei Sobyanin, has declared Monday a non-working day.",
			"declared", "", timeline.StatusReported},
		{"will is planned", "Foreign Minister Wang Yi will meet Secretary of State Marco Rubio on Monday.", "meet", "2025-07-07",
			timeline.StatusPlanned},
		{"did not is negated", "Prime Minister Narendra Modi did not travel to Moscow on Friday.", "travel", "2025-06-27",
			timeline.StatusNegated},
		{"could is hypothetical", "Officials warned that Iran could attack shipping on Monday.", "attack", "2025-07-07",
			timeline.StatusHypothetical},
		{"agreed to is planned", "The four leaders agreed on Sunday to meet in Minsk on Wednesday.", "meet", "2025-07-02",
			timeline.StatusPlanned},
		{"a past verb dated after the article dates something else", "Saudi Arabia told oil companies of a cutback next month.",
			"told", "", timeline.StatusReported},
		{"a sentence opening with a date sets the paragraph's scene", "On May 4, the envoys had just left the hall. They were talking when the bomb exploded.",
			"exploded", "2025-05-04", timeline.StatusReported},
		{"the past perfect came before the scene", "On May 4, the envoys left the hall. Rebels had attacked the hall.",
			"attacked", "", timeline.StatusReported},
		{"a date inside a sentence sets no scene", "The envoys left the hall on May 4. They were talking when the bomb exploded.",
			"exploded", "", timeline.StatusReported},
		{"the scene ends with its paragraph", "On May 4, the envoys left the hall after the talks.\n\nThe bomb exploded outside the hall, and the envoys were wounded.",
			"exploded", "", timeline.StatusReported},
		{"the next sentence goes on with the same people", "Chancellor Karl Beispiel met Prime Minister Laszlo Minta in Vienna on Monday. Beispiel signed a trade agreement with Minta.",
			"agreement", "2025-06-30", timeline.StatusReported},
		{"what others did next is not dated by it", "Chancellor Karl Beispiel met Prime Minister Laszlo Minta in Vienna on Monday. Rebels attacked the capital of Austria.",
			"attacked", "", timeline.StatusReported},
		{"only the sentence right after goes on", "Chancellor Karl Beispiel met Prime Minister Laszlo Minta in Vienna on Monday. The weather was cold. Beispiel signed a trade agreement with Minta.",
			"agreement", "", timeline.StatusReported},
		{"a date closing a phrase of since dates that phrase", "Li Keqiang told Fumio Kishida, on his first visit to Beijing since taking up his post three years ago, that ties should improve.",
			"visit", "", timeline.StatusReported},
		{"as of dates a count, not events", "As of Monday, rebels had attacked 12 villages.", "attacked", "", timeline.StatusReported},
		{"a date closing the noun's phrases is the noun's", "Cyprus on Saturday condemned the bomb attacks in Kenya and Tanzania Friday.",
			"attacks", "2025-06-27", timeline.StatusReported},
		{"where after a place shares the occasion", "In May, Rouhani spoke at the assembly in New York, where John Kerry held talks with Iran's minister.",
			"talks", "2025-05", timeline.StatusReported},
		{"the next day, told in the past from a place ahead", "WELLINGTON, New Zealand (AP) _ New Zealand condemned the attacks on Friday.",
			"condemned", "2025-07-04", timeline.StatusReported},
		{"a vague date dates nothing", "President Joe Biden cut short a weekend trip to Delaware.", "trip", "", timeline.StatusReported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f *eframe
			var r reading
			for _, x := range readText(t, tt.text, "2025-07-03") {
				for i := range x.frames {
					if x.a.words[x.frames[i].trigger].Text == tt.trigger {
						f, r = &x.frames[i], x
					}
				}
			}
			if f == nil {
				t.Fatalf("no frame triggered by %q", tt.trigger)
			}
			got := ""
			if f.date >= 0 {
				got = r.a.dates[f.date].Date.Value()
			}
			if got != tt.date {
				t.Errorf("date %q, want %q", got, tt.date)
			}
			if f.status != tt.status {
				t.Errorf("status %s, want %s", f.status, tt.status)
			}
		})
	}
}

// The first sentence's present perfect is the news of the day the story
// was published; later, it dates nothing.
func TestLeadIsTheDaysNews(t *testing.T) {
	rs := readText(t, "Sweden has become the 32nd member of NATO after a long wait. Finland has become a member of NATO too.", "2024-03-07")
	lead, later := rs[0].frameOf(t, "become"), rs[1].frameOf(t, "become")
	if lead.date < 0 || rs[0].a.dates[lead.date].Date.Value() != "2024-03-07" {
		t.Errorf("the lead's event is not dated the publication day: %d", lead.date)
	}
	if later.date >= 0 {
		t.Errorf("a later sentence's present perfect took a date: %s", rs[1].a.dates[later.date].Date.Value())
	}
}
