package timex

import (
	"testing"
	"time"

	"github.com/dateline/dateline/timeline"
)

// The hours before the morning are parts of the day of their own, which
// sort before it; the TIMEX3 value keeps to TIMEX3's parts.
func TestTheEarlyHoursAndDawn(t *testing.T) {
	tests := []struct {
		rule, sentence, text, date, value string
	}{
		{"the early hours of a day", "In the early hours of Saturday, drones struck Kyiv.", "the early hours of Saturday", "2025-05-10TEH", "2025-05-10TNI"},
		{"the small hours", "Sirens sounded in the small hours of Saturday.", "the small hours of Saturday", "2025-05-10TEH", "2025-05-10TNI"},
		{"the early hours of a day's morning", "He was arrested in the early hours of Thursday morning.", "the early hours of Thursday morning", "2025-05-08TEH", "2025-05-08TNI"},
		{"the pre-dawn hours", "Troops moved in the pre-dawn hours of Saturday.", "the pre-dawn hours of Saturday", "2025-05-10TEH", "2025-05-10TNI"},
		{"at dawn on a day", "The attack came at dawn on Saturday.", "dawn on Saturday", "2025-05-10TDN", "2025-05-10TMO"},
		{"a day at dawn", "The attack came on Saturday at dawn.", "Saturday at dawn", "2025-05-10TDN", "2025-05-10TMO"},
		{"before dawn on a day is the early hours", "Before dawn on Saturday, the army moved.", "dawn on Saturday", "2025-05-10TEH", "2025-05-10TNI"},
		{"a day before dawn", "The army moved on Saturday before dawn.", "Saturday before dawn", "2025-05-10TEH", "2025-05-10TNI"},
		{"predawn and a day", "Predawn Saturday, the army moved.", "Predawn Saturday", "2025-05-10TEH", "2025-05-10TNI"},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got := findText(t, tt.sentence, "2025-05-11", tt.text)
			if got.Date.Value() != tt.date || got.Value != tt.value {
				t.Errorf("%q: date %s value %s, want %s %s", got.Text, got.Date.Value(), got.Value, tt.date, tt.value)
			}
		})
	}
	// the answer comes after the attack
	attack := findText(t, "In the early hours of Saturday, drones struck Kyiv.", "2025-05-11", "the early hours of Saturday").Date
	ceasefire := findText(t, "A ceasefire was agreed on Saturday afternoon.", "2025-05-11", "Saturday afternoon").Date
	if timeline.Compare(attack, ceasefire) >= 0 {
		t.Errorf("%s sorts after %s", attack, ceasefire)
	}
	// the early hours alone belong to the day the story is at
	story := Find("The talks ended on 9 May. In the early hours, drones attacked.", ref("2025-05-11"))
	if len(story) != 2 || story[1].Date.Value() != "2025-05-09TEH" || !story[1].Vague {
		t.Errorf("the early hours alone: %+v", story)
	}
	for _, s := range []string{"a pre-dawn raid on the home", "the dawn of a new era", "Dawn Johnson said"} {
		for _, x := range Find(s, ref("2025-05-11")) {
			t.Errorf("%q: found %q = %s", s, x.Text, x.Value)
		}
	}
}

// Clock times keep the zone the text gives them, as an offset from UTC
// at that date; a time given in no zone floats. The TIMEX3 value is the
// local clock, as TempEval writes it.
func TestClockTimesKeepTheirZones(t *testing.T) {
	tests := []struct {
		rule, sentence, dct, text, value string
		offset                           int // minutes east of UTC
		zoned                            bool
	}{
		{"a country's time", "The meeting began at 15:35 Indian time.", "2025-05-11", "15:35 Indian time", "2025-05-11T15:35", 330, true},
		{"a city's time", "Talks resumed at 10 a.m. Moscow time on Friday.", "2025-05-11", "10 a.m. Moscow time on Friday", "2025-05-09T10", 180, true},
		{"a zone's name", "Polls close at 8 p.m. Eastern time.", "2024-11-05", "8 p.m. Eastern time", "2024-11-05T20", -300, true},
		{"ET follows daylight saving: summer", "July 3, 2025Updated 6:31 p.m. ET", "2025-07-03", "6:31 p.m. ET", "2025-07-03T18:31", -240, true},
		{"ET follows daylight saving: winter", "The call began at 6:31 p.m. ET.", "2025-01-15", "6:31 p.m. ET", "2025-01-15T18:31", -300, true},
		{"EST is fixed", "The deadline is 9 a.m. EST Tuesday.", "2000-04-05", "9 a.m. EST Tuesday", "2000-04-04T09", -300, true},
		{"GMT", "The first shots came at 21:48 GMT.", "2023-06-24", "21:48 GMT", "2023-06-24T21:48", 0, true},
		{"an offset after GMT", "It started at 14:00 GMT+3.", "2000-04-05", "14:00 GMT+3", "2000-04-05T14:00", 180, true},
		{"an offset after UTC", "It started at 14:00 UTC+05:30.", "2000-04-05", "14:00 UTC+05:30", "2000-04-05T14:00", 330, true},
		{"a capital abbreviation", "The summit opened at 21:40 SGT.", "2018-06-12", "21:40 SGT", "2018-06-12T21:40", 480, true},
		{"local time in a named place", "The plane landed at 3 a.m. local time in Kyiv.", "2025-05-11", "3 a.m. local time", "2025-05-11T03", 180, true},
		{"local time at the dateline's place", "MINSK, Belarus (WW) — The talks ended at 5 a.m. local time.", "2015-02-12", "5 a.m. local time", "2015-02-12T05", 180, true},
		{"the same time in GMT gives the offset", "It exploded at 10:35 a.m. (0735 GMT) outside the embassy.", "1998-08-07", "10:35 a.m.", "1998-08-07T10:35", 180, true},
		{"local time nowhere floats", "They met at 9 a.m. local time.", "2025-05-11", "9 a.m. local time", "2025-05-11T09", 0, false},
		{"no zone floats", "They met at 9 a.m.", "2025-05-11", "9 a.m.", "2025-05-11T09", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got := findText(t, tt.sentence, tt.dct, tt.text)
			if got.Value != tt.value {
				t.Errorf("%q = %s, want %s", got.Text, got.Value, tt.value)
			}
			off, zoned := got.Date.Offset()
			if zoned != tt.zoned || off != tt.offset {
				t.Errorf("%q: offset %d (zoned %v), want %d (zoned %v)", got.Text, off, zoned, tt.offset, tt.zoned)
			}
		})
	}
	// "(0735 GMT)" says the zone of the time before it; it is no date itself
	if got := Find("It exploded at 10:35 a.m. (0735 GMT) outside.", ref("1998-08-07")); len(got) != 1 {
		t.Errorf("found %+v", got)
	}
	// the moment a zoned time names is the one a calendar shows
	india := findText(t, "The meeting began at 15:35 Indian time.", "2025-05-11", "15:35 Indian time").Date
	if at, _ := india.Instant(); !at.Equal(time.Date(2025, 5, 11, 10, 5, 0, 0, time.UTC)) {
		t.Errorf("15:35 Indian time is %v", at)
	}
}
