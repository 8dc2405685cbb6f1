package timex

import "testing"

// Weekdays and months without a year resolve as a reader would: back in
// a report of what happened, forward in a plan, a future, a condition or
// a future seen from the past. Sunday 22 June 2025 unless said.
func TestTenseDecidesWhichWayDatesResolve(t *testing.T) {
	tests := []struct {
		rule, sentence, dct, text, value string
		future, fromPast                 bool
	}{
		// plans told in the past tense look forward
		{"would: a plan told in the past", "Prime Minister Narendra Modi would travel to Moscow for talks with President Vladimir Putin on Monday.",
			"", "Monday", "2025-06-23", true, true},
		{"was to: a month ahead, not last year's", "The summit was to take place in October.", "", "October", "2025-10", true, true},
		{"were to", "The talks were to resume on Wednesday.", "", "Wednesday", "2025-06-25", true, true},
		{"was due to", "The summit was due to take place in October, but it was postponed.", "", "October", "2025-10", true, true},
		{"were expected to", "The ministers were expected to meet on Tuesday.", "", "Tuesday", "2025-06-24", true, true},
		{"was scheduled to", "The vote was scheduled to take place on Thursday.", "", "Thursday", "2025-06-26", true, true},
		{"agreed to: a past plan", "Both sides agreed to withdraw in September.", "", "September", "2025-09", true, true},
		{"a plan told on a day looks forward from that day", "He said on Tuesday that he would travel to Moscow on Friday.",
			"", "Friday", "2025-06-20", true, true},
		{"a plan told on a day, after the publication", "On Tuesday he said he would visit Moscow on Monday.",
			"", "Monday", "2025-06-23", true, true},
		{"a day in the sentence that is not when the plan was told",
			"Exiles rallied in Little Havana on Saturday and were planning to drive to the airport on Monday.",
			"2000-01-07", "Monday", "2000-01-10", true, true},

		// plans in the present
		{"scheduled to", "G7 leaders are scheduled to hold a video call on Saturday.", "2025-06-19", "Saturday", "2025-06-21", true, false},
		{"scheduled for", "The vote is scheduled for Thursday.", "", "Thursday", "2025-06-26", true, false},
		{"is to", "Xi is to visit Moscow on Monday.", "", "Monday", "2025-06-23", true, false},
		{"plans to", "Xi plans to visit Moscow on Monday.", "", "Monday", "2025-06-23", true, false},
		{"is due to", "Xi is due to leave Moscow on Wednesday.", "", "Wednesday", "2025-06-25", true, false},
		{"are expected in", "Elections are expected in March.", "", "March", "2026-03", true, false},
		{"ahead of a possessive day", "Ahead of Tuesday's talks, the ministers met.", "", "Tuesday", "2025-06-24", true, false},
		{"takes effect", "The ceasefire, which takes effect on Monday, was agreed.", "", "Monday", "2025-06-23", true, false},
		{"a timetable's present", "The trial, which opens on Thursday, will be public.", "", "Thursday", "2025-06-26", true, false},
		{"won't", "He won't travel on Friday.", "", "Friday", "2025-06-27", true, false},

		// conditions
		{"if", "If the talks fail on Friday, sanctions will follow.", "", "Friday", "2025-06-27", true, false},
		{"unless", "Unless Iran agrees by Friday, talks end.", "", "Friday", "2025-06-27", true, false},

		// and what stays in the past
		{"a report stays in the past", "Modi travelled to Moscow on Monday.", "", "Monday", "2025-06-16", false, false},
		{"would not comment: a refusal already made", "The Kremlin would not comment on Friday.", "", "Friday", "2025-06-20", false, false},
		{"would have: a past that did not happen", "They would have met on Friday.", "", "Friday", "2025-06-20", false, false},
		{"due to a cause", "The meeting was cancelled due to the storm on Friday.", "", "Friday", "2025-06-20", false, false},
		{"was to blame", "Russia was to blame for the attack on Friday.", "", "Friday", "2025-06-20", false, false},
		{"a possessive day is already reported", "They looked for ways around Wednesday's ruling.", "", "Wednesday", "2025-06-18", false, false},

		// the day after a story's date in a story from a place ahead of
		// the desk that dated it is that place's today (Thursday 20
		// August 1998); without such a dateline, six days back
		{"the next day in a story from a place ahead", "WELLINGTON, New Zealand (AP) _ New Zealand said Friday that talks ended.",
			"1998-08-20", "Friday", "1998-08-21", false, false},
		{"a dateline of three words", "DAR ES SALAAM, Tanzania (AP) _ Albright headed Tuesday to East Africa.",
			"1998-08-17", "Tuesday", "1998-08-18", false, false},
		{"a city the list lacks, then its country", "O'SMACH, Cambodia (AP) _ The commander said Friday he had left.",
			"1998-08-20", "Friday", "1998-08-21", false, false},
		{"no dateline: six days back", "New Zealand said Friday that talks ended.", "1998-08-20", "Friday", "1998-08-14", false, false},
		{"a dateline behind: six days back", "WASHINGTON (AP) _ The State Department said Friday that talks ended.",
			"1998-08-20", "Friday", "1998-08-14", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			dct := tt.dct
			if dct == "" {
				dct = "2025-06-22"
			}
			got := findText(t, tt.sentence, dct, tt.text)
			if got.Text != tt.text || got.Value != tt.value {
				t.Errorf("%q = %s, want %q = %s", got.Text, got.Value, tt.text, tt.value)
			}
			if got.Future != tt.future || got.FromPast != tt.fromPast {
				t.Errorf("Future %v FromPast %v, want %v %v", got.Future, got.FromPast, tt.future, tt.fromPast)
			}
		})
	}
}

// findText returns the expression of sentence whose text is text, or
// fails.
func findText(t *testing.T, sentence, dct, text string) Timex {
	t.Helper()
	var texts []string
	for _, x := range Find(sentence, ref(dct)) {
		if x.Text == text {
			return x
		}
		texts = append(texts, x.Text+"="+x.Value)
	}
	t.Fatalf("Find(%q) found %v, not %q", sentence, texts, text)
	return Timex{}
}
