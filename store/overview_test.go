package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
)

func TestMonthCounts(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	create(t, s,
		event(t, timeline.KindLeadership, "2025", "Year only", "United States"),
		event(t, timeline.KindStrike, "2025-06-13", "Strike one", "Israel"),
		event(t, timeline.KindStrike, "2025-06-21", "Strike two", "United States"),
		event(t, timeline.KindCall, "2025-07-03TMO", "Call", "United States"),
	)
	month := func(y int, m time.Month, n int) timeline.MonthCount {
		return timeline.MonthCount{Month: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Events: n}
	}
	tests := []struct {
		name   string
		filter timeline.Filter
		want   []timeline.MonthCount
	}{
		{"everything, a year-only event in its first month", timeline.Filter{}, []timeline.MonthCount{
			month(2025, 1, 1), month(2025, 6, 2), month(2025, 7, 1)}},
		{"the filters apply", timeline.Filter{Kinds: []timeline.Kind{timeline.KindStrike}, Actors: []string{"united states"}},
			[]timeline.MonthCount{month(2025, 6, 1)}},
		{"nothing", timeline.Filter{Text: "absent"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.MonthCounts(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestActorsMostUsedFirst(t *testing.T) {
	s := storetest.New(t)
	create(t, s,
		event(t, timeline.KindStrike, "2025-06-13", "a", "Israel", "Iran"),
		event(t, timeline.KindStrike, "2025-06-21", "b", "United States", "Iran"),
		event(t, timeline.KindCall, "2025-07-03", "c", "United States", "Iran"),
	)
	got, err := s.Actors(context.Background(), 2)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range got {
		names = append(names, a.Name)
	}
	if !slices.Equal(names, []string{"Iran", "United States"}) {
		t.Errorf("Actors(2) = %v", names)
	}
}

// The overview counts kept by triggers agree with counting the events,
// through edits that move an event to another month or kind and through
// deletions.
func TestMonthCountsFollowEditsAndDeletions(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	events := create(t, s,
		event(t, timeline.KindStrike, "2025-06-13", "a", "Israel"),
		event(t, timeline.KindStrike, "2025-06-21", "b", "United States"),
		event(t, timeline.KindCall, "2025-07-03", "c", "United States"),
	)
	moved := events[0]
	moved.Date, moved.Kind = date(t, "2024-12-24"), timeline.KindMeeting
	if err := s.UpdateEvent(ctx, &moved); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEvent(ctx, events[2].ID); err != nil {
		t.Fatal(err)
	}
	kept, err := s.MonthCounts(ctx, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// A range that holds everything makes MonthCounts count the events.
	counted, err := s.MonthCounts(ctx, timeline.Filter{From: date(t, "0000")})
	if err != nil {
		t.Fatal(err)
	}
	want := []timeline.MonthCount{
		{Month: time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC), Events: 1},
		{Month: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Events: 1},
	}
	if !slices.Equal(kept, want) || !slices.Equal(counted, want) {
		t.Errorf("kept counts %v, counted %v; want %v", kept, counted, want)
	}
	strikes, err := s.MonthCounts(ctx, timeline.Filter{Kinds: []timeline.Kind{timeline.KindMeeting}})
	if err != nil || !slices.Equal(strikes, want[:1]) {
		t.Errorf("meetings = %v, %v; want %v", strikes, err, want[:1])
	}
	// per actor too (actor_months), with and without kinds
	for _, f := range []timeline.Filter{
		{Actors: []string{"Israel"}},
		{Actors: []string{"Israel"}, Kinds: []timeline.Kind{timeline.KindMeeting}},
		{Actors: []string{"Israel"}, Kinds: []timeline.Kind{timeline.KindStrike}},
		{Actors: []string{"United States"}},
		{Actors: []string{"United States"}, Kinds: []timeline.Kind{timeline.KindCall}},
	} {
		kept, err := s.MonthCounts(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		f.From = date(t, "0000")
		counted, err := s.MonthCounts(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(kept, counted) {
			t.Errorf("%v %v: kept counts %v, counted %v", f.Actors, f.Kinds, kept, counted)
		}
	}
}

// A search over a table PostgreSQL has not analyzed yet (its statistics
// say it is empty) starts by counting every event, is cut short, and
// falls back on a sample: it says "about" rather than give a part of the
// count as the whole.
func TestOverviewOfAnUnanalyzedTableIsEstimatedNotCut(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	events := statements(t, 6_000, func(i int) []string { return []string{"Envoy"} })
	for i := range events {
		events[i].Title += " on the reactor"
	}
	if _, err := s.Import(ctx, nil, events); err != nil {
		t.Fatal(err)
	}
	counts, err := s.MonthCounts(ctx, timeline.Filter{Text: "reactor"})
	if err != nil {
		t.Fatal(err)
	}
	if sum := estimated(t, counts); sum < 4_800 || sum > 7_200 {
		t.Errorf("estimated %d events, there are 6000", sum)
	}
}

// estimated adds up counts that must all be estimates.
func estimated(t *testing.T, counts []timeline.MonthCount) int {
	t.Helper()
	sum := 0
	for _, c := range counts {
		sum += c.Events
		if !c.About {
			t.Fatalf("%v is not marked as estimated", c)
		}
	}
	return sum
}

// statements makes n statements spread over 2024, "Statement i" by
// actors(i).
func statements(t *testing.T, n int, actors func(i int) []string) []timeline.Event {
	var events []timeline.Event
	for i := range n {
		events = append(events, event(t, timeline.KindStatement, fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28),
			fmt.Sprintf("Statement %d", i), actors(i)...))
	}
	return events
}
