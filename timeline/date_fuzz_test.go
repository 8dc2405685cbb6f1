package timeline

import "testing"

// FuzzParseDate: any string either fails with ErrInvalidDate or gives a
// date whose value reads back to the same date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025", "2025-06", "2025-06-21TMO", "2025-W25", "2025-SU", "~2025-Q2", "2025-02-30", "0000-01-01T23:59",
		"2025-06-21T15:35+05:30", "2024-04-14T14:05Z", "2025-05-10TEH"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		back, err := ParseDate(d.Value())
		if err != nil || back != d {
			t.Fatalf("%q -> %q -> %v, %v", s, d.Value(), back, err)
		}
		if !d.End().After(d.Start()) {
			t.Fatalf("%q covers no time", s)
		}
	})
}
