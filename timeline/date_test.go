package timeline

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name      string
		value     string
		precision Precision
		start     string // RFC 3339 without zone letters, UTC
		end       string
		display   string
	}{
		{"a year covers the whole year", "2025", PrecisionYear, "2025-01-01T00:00", "2026-01-01T00:00", "2025"},
		{"a month is shown as month and year", "2025-06", PrecisionMonth, "2025-06-01T00:00", "2025-07-01T00:00", "June 2025"},
		{"a day is shown day first", "2025-06-21", PrecisionDay, "2025-06-21T00:00", "2025-06-22T00:00", "21 June 2025"},
		{"a morning is a part of its day", "2025-07-03TMO", PrecisionDay, "2025-07-03T05:00", "2025-07-03T12:00", "morning of 3 July 2025"},
		{"a night stays inside its day", "2025-07-03TNI", PrecisionDay, "2025-07-03T21:00", "2025-07-04T00:00", "night of 3 July 2025"},
		{"the early hours are the start of their day", "2025-05-10TEH", PrecisionDay, "2025-05-10T00:00", "2025-05-10T05:00", "early hours of 10 May 2025"},
		{"dawn comes before the morning", "2025-05-10TDN", PrecisionDay, "2025-05-10T04:00", "2025-05-10T07:00", "dawn of 10 May 2025"},
		{"a clock time without a zone floats and says so", "2025-06-21T18:31", PrecisionMinute, "2025-06-21T18:31", "2025-06-21T18:32", "21 June 2025, 18:31 (zone unknown)"},
		{"a clock time keeps its zone's offset and its wall clock", "2025-06-21T15:35+05:30", PrecisionMinute, "2025-06-21T15:35", "2025-06-21T15:36", "21 June 2025, 15:35 UTC+05:30"},
		{"an offset west of UTC", "2025-07-03T18:31-04:00", PrecisionMinute, "2025-07-03T18:31", "2025-07-03T18:32", "3 July 2025, 18:31 UTC-04:00"},
		{"UTC is written Z", "2024-04-14T14:05Z", PrecisionMinute, "2024-04-14T14:05", "2024-04-14T14:06", "14 April 2024, 14:05 UTC"},
		{"an ISO week starts on Monday", "2025-W25", PrecisionWeek, "2025-06-16T00:00", "2025-06-23T00:00", "week of 16 June 2025"},
		{"ISO week 1 can start in the previous year", "2025-W01", PrecisionWeek, "2024-12-30T00:00", "2025-01-06T00:00", "week of 30 December 2024"},
		{"summer is June to August", "2025-SU", PrecisionSeason, "2025-06-01T00:00", "2025-09-01T00:00", "summer 2025"},
		{"winter begins in December of its year", "2024-WI", PrecisionSeason, "2024-12-01T00:00", "2025-03-01T00:00", "winter 2024"},
		{"a quarter is three months", "2025-Q2", PrecisionQuarter, "2025-04-01T00:00", "2025-07-01T00:00", "Q2 2025"},
		{"29 February exists in leap years", "2024-02-29", PrecisionDay, "2024-02-29T00:00", "2024-03-01T00:00", "29 February 2024"},
		{"a tilde marks an approximate date", "~2025-06-21", PrecisionDay, "2025-06-21T00:00", "2025-06-22T00:00", "about 21 June 2025"},
		{"years before 1000 keep four digits", "0044-03", PrecisionMonth, "0044-03-01T00:00", "0044-04-01T00:00", "March 0044"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDate(tt.value)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.value, err)
			}
			if d.Precision() != tt.precision {
				t.Errorf("precision = %s, want %s", d.Precision(), tt.precision)
			}
			if got := d.Start().Format("2006-01-02T15:04"); got != tt.start {
				t.Errorf("start = %s, want %s", got, tt.start)
			}
			if got := d.End().Format("2006-01-02T15:04"); got != tt.end {
				t.Errorf("end = %s, want %s", got, tt.end)
			}
			if got := d.String(); got != tt.display {
				t.Errorf("String() = %q, want %q", got, tt.display)
			}
			if got := d.Value(); got != tt.value {
				t.Errorf("Value() = %q, want the input back", got)
			}
		})
	}
}

func TestParseDateRefusesImpossibleDates(t *testing.T) {
	for _, value := range []string{
		"", "25", "20x5", "2025-13", "2025-00", "2025-02-30", "2023-02-29", "2025-06-31",
		"2025-13-01", "2025-06-21T24:00", "2025-06-21T12:60", "2025-06-21TXX", "2025-W54",
		"2021-W53", "2025-Q5", "2025-XX", "+2025", "-044", "2025-6-21", "2025-06-21 ",
		"2025-06-21T18:31+15:00", "2025-06-21T18:31+0530", "2025-06-21T18:31-00:00", "2025-06-21T18:31+05:60",
		"2025-06-21T18:31z", "2025-06-21TMO+01:00", "2025-06-21Z", "2025-06-21T18:31+05:30Z",
	} {
		_, err := ParseDate(value)
		if !errors.Is(err, ErrInvalidDate) {
			t.Errorf("ParseDate(%q) error = %v, want ErrInvalidDate", value, err)
		}
	}
}

func TestDayDateDoesNotNormalise(t *testing.T) {
	if _, err := DayDate(2025, time.February, 30); !errors.Is(err, ErrInvalidDate) {
		t.Fatalf("DayDate(2025, February, 30) error = %v, want ErrInvalidDate", err)
	}
}

func TestCompareOrdersCoarseBeforeFineAtTheSameStart(t *testing.T) {
	want := []string{
		"2024-12-31", "2025", "2025-Q1", "2025-01", "2025-01-01", "2025-06", "2025-SU",
		"2025-06-16", "2025-W25", "2025-06-21", "2025-06-21TEH", "2025-06-21T03:00", "2025-06-21TDN", "2025-06-21TMO",
		"2025-06-21T09:30", "2025-06-21TAF", "2025-06-21TEV", "2025-06-21TNI", "2025-06-22",
	}
	// 2025-06 and 2025-SU start together: the season ranks coarser.
	want[5], want[6] = "2025-SU", "2025-06"
	// 2025-W25 starts on 16 June: the week ranks coarser than that day.
	want[7], want[8] = "2025-W25", "2025-06-16"
	dates := make([]Date, len(want))
	for i, v := range want {
		d, err := ParseDate(v)
		if err != nil {
			t.Fatal(err)
		}
		dates[len(want)-1-i] = d
	}
	slices.SortStableFunc(dates, Compare)
	got := make([]string, len(dates))
	for i, d := range dates {
		got[i] = d.Value()
	}
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v\nwant     %v", got, want)
	}
}

func TestPartsOfTheDaySortInTheirOrder(t *testing.T) {
	order := []PartOfDay{EarlyHours, Dawn, Morning, Afternoon, Evening, Night}
	for i := 1; i < len(order); i++ {
		a, _ := PartOfDayDate(2025, time.May, 10, order[i-1])
		b, _ := PartOfDayDate(2025, time.May, 10, order[i])
		if Compare(a, b) >= 0 {
			t.Errorf("%s of a day sorts after its %s", a, b)
		}
		if !b.Within(mustDate(t, "2025-05-10").Start(), mustDate(t, "2025-05-10").End()) {
			t.Errorf("%s is not within its day", b)
		}
	}
	// the early hours of Saturday come before Friday night, not after it
	if Compare(mustDate(t, "2025-05-10TEH"), mustDate(t, "2025-05-09TNI")) <= 0 {
		t.Error("the early hours of 10 May sort before the night of 9 May")
	}
}

func TestTIMEXWritesTIMEX3(t *testing.T) {
	for value, want := range map[string]string{
		"2025-05-10TEH":          "2025-05-10TNI", // TIMEX3 has no early hours
		"2025-05-10TDN":          "2025-05-10TMO",
		"2025-05-10TAF":          "2025-05-10TAF",
		"~2025-06-21":            "2025-06-21",
		"2025-06-21T15:35+05:30": "2025-06-21T15:35", // TempEval writes local clock times
	} {
		if got := mustDate(t, value).TIMEX(); got != want {
			t.Errorf("%s: TIMEX() = %s, want %s", value, got, want)
		}
	}
}

func TestOffsets(t *testing.T) {
	floating := mustDate(t, "2025-06-21T15:35")
	if _, ok := floating.Offset(); ok {
		t.Error("a floating time has an offset")
	}
	if _, ok := floating.Instant(); ok {
		t.Error("a floating time names an instant")
	}
	india, err := floating.WithOffset(330)
	if err != nil {
		t.Fatal(err)
	}
	if off, ok := india.Offset(); !ok || off != 330 {
		t.Errorf("Offset() = %d, %v", off, ok)
	}
	if at, ok := india.Instant(); !ok || !at.Equal(time.Date(2025, 6, 21, 10, 5, 0, 0, time.UTC)) {
		t.Errorf("15:35 at UTC+05:30 is %v, want 10:05 UTC", at)
	}
	if india.Start() != floating.Start() || Compare(india, floating) != 0 {
		t.Error("a zone moves a time off its wall clock")
	}
	for _, bad := range []struct {
		value   string
		minutes int
	}{{"2025-06-21", 60}, {"2025-06-21TMO", 60}, {"2025-06", 0}, {"2025-06-21T15:35", 15*60 + 1}} {
		if _, err := mustDate(t, bad.value).WithOffset(bad.minutes); !errors.Is(err, ErrInvalidDate) {
			t.Errorf("%s with offset %d: error = %v, want ErrInvalidDate", bad.value, bad.minutes, err)
		}
	}
}

func TestWithinNeedsTheWholeInterval(t *testing.T) {
	june := mustDate(t, "2025-06")
	tests := []struct {
		value string
		want  bool
	}{
		{"2025-06-21", true},
		{"2025-06-30TNI", true},
		{"2025-06", true},
		{"2025", false},     // might not be in June at all
		{"2025-SU", false},  // runs into August
		{"2025-W27", false}, // 30 June to 6 July
		{"2025-07-01", false},
	}
	for _, tt := range tests {
		if got := mustDate(t, tt.value).Within(june.Start(), june.End()); got != tt.want {
			t.Errorf("%s within June 2025 = %v, want %v", tt.value, got, tt.want)
		}
	}
	if !mustDate(t, "0001-01-01").Within(time.Time{}, time.Time{}) {
		t.Error("zero bounds must be open")
	}
}

func TestDateTextRoundTrip(t *testing.T) {
	d := mustDate(t, "2025-07-03TMO")
	b, err := d.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	var back Date
	if err := back.UnmarshalText(b); err != nil {
		t.Fatal(err)
	}
	if back != d {
		t.Errorf("round trip = %v, want %v", back, d)
	}
	if err := back.UnmarshalText(nil); err != nil || !back.IsZero() {
		t.Errorf("empty text = %v, %v; want the zero date", back, err)
	}
}

func mustDate(t *testing.T, value string) Date {
	t.Helper()
	d, err := ParseDate(value)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDayStartIsTimeDate(t *testing.T) {
	for y := 0; y <= 9999; y += 7 {
		for m := time.January; m <= time.December; m++ {
			for _, d := range []int{1, 15, 28, daysIn(y, m)} {
				if got, want := dayStart(y, m, d), time.Date(y, m, d, 0, 0, 0, 0, time.UTC); !got.Equal(want) || got.Location() != want.Location() {
					t.Fatalf("dayStart(%d, %s, %d) = %v, want %v", y, m, d, got, want)
				}
			}
		}
	}
}
