package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// Off a terminal, progress is plain lines, one every few seconds and the
// last always, so that a log shows how far a run got.
func TestProgressOffATerminalWritesPlainLines(t *testing.T) {
	for _, tc := range []struct {
		name  string
		total int
		shows []int
		want  []string // the lines written, as regular expressions
	}{
		{"the first state is shown, then the last", 10, []int{0, 4, 10}, []string{
			`^ingest: 0/10 articles, 0 failed(, [0-9.]+/s)?$`,
			`^ingest: 10/10 articles, 0 failed, [0-9.]+/s, ETA 0s$`,
		}},
		{"a run stopped midway shows where it stopped", 10, []int{1, 3}, []string{
			`^ingest: 1/10 articles, 0 failed, [0-9.]+/s, ETA [0-9hms.]+$`,
			`^ingest: 3/10 articles, 0 failed, [0-9.]+/s, ETA [0-9hms.]+$`,
		}},
		{"nothing to do is still said", 0, []int{0}, []string{
			`^ingest: 0/0 articles, 0 failed$`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			p := newProgress(&out, "ingest", "articles", tc.total)
			for _, n := range tc.shows {
				p.show(n, "0 failed")
			}
			p.done()
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if len(lines) != len(tc.want) {
				t.Fatalf("lines %q, want %d", lines, len(tc.want))
			}
			for i, l := range lines {
				if !regexp.MustCompile(tc.want[i]).MatchString(l) {
					t.Errorf("line %d = %q, want %s", i, l, tc.want[i])
				}
			}
		})
	}
}
