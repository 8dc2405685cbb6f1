package timeline

import (
	"slices"
	"testing"
)

func TestSameOccurrence(t *testing.T) {
	call := func(value string, actors ...string) Event {
		e := Event{Kind: KindCall, Date: mustDate(t, value)}
		for _, a := range actors {
			e.Actors = append(e.Actors, Actor{Name: a})
		}
		return e
	}
	kind := func(k Kind, e Event) Event { e.Kind = k; return e }
	withKinds := func(e Event, kinds ...ActorKind) Event {
		for i := range e.Actors {
			e.Actors[i].Kind = kinds[i]
		}
		return e
	}
	tests := []struct {
		name string
		a, b Event
		want bool
	}{
		{"same kind, day and actors", call("2025-07-03", "Trump", "Putin"), call("2025-07-03", "Trump", "Putin"), true},
		{"one shared actor is enough", call("2025-07-03", "Trump", "Putin"), call("2025-07-03", "Putin", "Zelensky"), true},
		{"actors compare by key, not spelling", call("2025-07-03", "Vladimir Putin"), call("2025-07-03", "vladimir  PUTIN"), true},
		{"a part of the day is that day", call("2025-07-03TMO", "Trump"), call("2025-07-03", "Trump"), true},
		{"a clock time is that day", call("2025-07-03T18:31", "Trump"), call("2025-07-03TEV", "Trump"), true},
		{"an approximate day is that day", call("~2025-07-03", "Trump"), call("2025-07-03", "Trump"), true},
		{"a visit and a meeting are one occurrence", kind(KindVisit, call("2025-07-03", "Modi")), kind(KindMeeting, call("2025-07-03", "Modi")), true},
		{"equal months match", call("2025-06", "Iran"), call("2025-06", "Iran"), true},
		{"different days do not", call("2025-07-03", "Trump"), call("2025-07-04", "Trump"), false},
		{"a month is not a day in it", call("2025-07", "Trump"), call("2025-07-03", "Trump"), false},
		{"a week is not its first day", call("2025-W27", "Trump"), call("2025-06-30", "Trump"), false},
		{"different kinds do not", call("2025-07-03", "Trump"), kind(KindStatement, call("2025-07-03", "Trump")), false},
		{"no shared actor, no match", call("2025-07-03", "Trump"), call("2025-07-03", "Putin"), false},
		{"no actors at all, no match", call("2025-07-03"), call("2025-07-03"), false},
		{"calls with different people are different calls",
			withKinds(call("2025-06-24", "Erdogan", "Putin", "Turkey"), ActorPerson, ActorPerson, ActorCountry),
			withKinds(call("2025-06-24", "Macron", "Turkey"), ActorPerson, ActorCountry), false},
		{"calls sharing a person are one call",
			withKinds(call("2025-06-24", "Erdogan", "Putin"), ActorPerson, ActorPerson),
			withKinds(call("2025-06-24", "Putin", "Russia"), ActorPerson, ActorCountry), true},
		{"statements by different speakers are different statements",
			kind(KindStatement, call("2025-07-03", "Iran", "Israel")), kind(KindStatement, call("2025-07-03", "Israel", "Iran")), false},
		{"statements by one speaker are one",
			kind(KindStatement, call("2025-07-03", "Iran", "Israel")), kind(KindStatement, call("2025-07-03", "iran")), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SameOccurrence(tt.a, tt.b); got != tt.want {
				t.Errorf("SameOccurrence = %v, want %v", got, tt.want)
			}
			if got := SameOccurrence(tt.b, tt.a); got != tt.want {
				t.Errorf("SameOccurrence is not symmetric: reversed = %v", got)
			}
		})
	}
}

func TestOccurrenceKindsAreWhatSameOccurrenceMatches(t *testing.T) {
	for _, k := range Kinds {
		for _, other := range Kinds {
			a := Event{Kind: k, Date: mustDate(t, "2025-07-03"), Actors: []Actor{{Name: "X"}}}
			b := a
			b.Kind = other
			if SameOccurrence(a, b) != slices.Contains(OccurrenceKinds(k), other) {
				t.Errorf("OccurrenceKinds(%s) disagrees with SameOccurrence about %s", k, other)
			}
		}
	}
}
