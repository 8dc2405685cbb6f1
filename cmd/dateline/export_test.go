package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export/exporttest"
)

// storeAt opens the store at a test database URL.
func storeAt(t *testing.T, url string) *store.Store {
	t.Helper()
	cfg, err := store.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	return st
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var ids = regexp.MustCompile(`"(id|article_id)":\d+`)

// The JSON export comes back exactly: export, import into an empty
// database, export again gives the same bytes once ids (which the new
// database assigns) are blanked. Sequences, timestamps, origins,
// confidences, actors' kinds, quotes and articles all survive.
func TestJSONExportImportRoundTrip(t *testing.T) {
	from := storetest.URL(t)
	a, events := exporttest.Tricky(t)
	if _, err := storeAt(t, from).Import(context.Background(), []*timeline.Article{a}, events); err != nil {
		t.Fatal(err)
	}
	first := dateline(t, from, "export", "--format", "json")
	if first.code != 0 || first.stderr != "" {
		t.Fatalf("export: %+v", first)
	}

	to := storetest.URL(t)
	imported := dateline(t, to, "import", writeFile(t, "timeline.json", first.stdout))
	if imported.code != 0 || !strings.Contains(imported.stdout, fmt.Sprintf("imported %d events and 1 articles", len(events))) {
		t.Fatalf("import: %+v", imported)
	}
	second := dateline(t, to, "export", "--format", "json")
	if second.code != 0 {
		t.Fatalf("second export: %+v", second)
	}
	blank := func(s string) string { return ids.ReplaceAllString(s, `"$1":0`) }
	if blank(first.stdout) != blank(second.stdout) {
		t.Errorf("round trip changed the export:\n%s\n---\n%s", first.stdout, second.stdout)
	}
	if first.stdout == blank(first.stdout) {
		t.Error("the export has no ids to blank: the comparison proves nothing")
	}
}

func TestExportCommand(t *testing.T) {
	url := storetest.URL(t)
	_, events := exporttest.Tricky(t)
	for i := range events {
		events[i].Mentions = nil
	}
	if _, err := storeAt(t, url).Import(context.Background(), nil, events); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		stdout  []string // each appears
		without []string // none appears
		stderr  string
	}{
		{"a calendar says what it left out", []string{"export", "--format", "ics"}, 0,
			[]string{"BEGIN:VCALENDAR\r\n", "SUMMARY:Trump and Putin speak by phone (morning)"}, []string{"A date before year 1"},
			"2 events could not be expressed in a calendar"},
		{"filters as on the page", []string{"export", "--format", "csv", "--kind", "strike", "--kind", "call", "--actor", "iran"}, 0,
			[]string{"United States strikes Iranian nuclear sites", "Israel begins strikes on Iran"}, []string{"Trump and Putin"}, ""},
		{"a date range", []string{"export", "--format", "timelinejs", "--from", "2025-07", "--to", "2025-08"}, 0,
			[]string{"Trump and Putin speak by phone", `"headline":"July 2025 to August 2025"`}, []string{"Israel begins"}, ""},
		{"full text", []string{"export", "--format", "json", "--q", "Lavrov OR ultimatum"}, 0,
			[]string{"Evening ultimatum"}, []string{"Israel begins"}, ""},
		{"no format is bad usage", []string{"export"}, 2, nil, nil, "--format must be one of ics, json, csv, timelinejs"},
		{"an unknown format is bad usage", []string{"export", "--format", "xlsx"}, 2, nil, nil, "--format must be one of"},
		{"an unknown kind is bad usage", []string{"export", "--format", "ics", "--kind", "war"}, 2, nil, nil, `--kind "war": not a kind`},
		{"a bad date is bad usage", []string{"export", "--format", "ics", "--from", "2025-02-30"}, 2, nil, nil, `--from "2025-02-30": not a date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := dateline(t, url, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d saying %q", r.code, r.stderr, tt.code, tt.stderr)
			}
			if strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
				t.Errorf("stderr is not one line: %q", r.stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout lacks %q", s)
				}
			}
			for _, s := range tt.without {
				if strings.Contains(r.stdout, s) {
					t.Errorf("stdout has %q", s)
				}
			}
		})
	}
}

func TestImportTimelineJSSpreadsheet(t *testing.T) {
	sheet, err := filepath.Abs("../../timeline/export/testdata/timelinejs-template.csv")
	if err != nil {
		t.Fatal(err)
	}
	url := storetest.URL(t)
	count := func() int {
		r := dateline(t, url, "export", "--format", "csv")
		rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return len(rows) - 1 // the header
	}

	// By default one bad row stops everything, and every bad row is named.
	r := dateline(t, url, "import", sheet)
	if r.code != 1 || !strings.Contains(r.stderr, "row 9: Day: 30 February 2025 does not exist") ||
		!strings.Contains(r.stderr, "7 bad rows (listed above); nothing was imported") ||
		!strings.Contains(r.stderr, "--skip-bad-rows to import the 5 good events") {
		t.Fatalf("all or nothing: %+v", r)
	}
	if n := count(); n != 0 {
		t.Fatalf("%d events stored after a refused import", n)
	}
	if r := dateline(t, url, "import", sheet, "--all-or-nothing"); r.code != 1 || count() != 0 {
		t.Errorf("--all-or-nothing: %+v", r)
	}

	// With --skip-bad-rows the good ones come in, in one transaction, and
	// the bad ones are still reported.
	r = dateline(t, url, "import", sheet, "--skip-bad-rows", "--default-kind", "statement")
	if r.code != 0 || !strings.Contains(r.stdout, "imported 6 events and 0 articles; skipped 6 bad rows; passed over 2 rows") ||
		!strings.Contains(r.stderr, "row 10: Year:") {
		t.Fatalf("skip bad rows: %+v", r)
	}
	if n := count(); n != 6 {
		t.Errorf("%d events stored, want 6", n)
	}

	for _, bad := range []struct {
		args []string
		says string
	}{
		{[]string{"import", sheet, "--all-or-nothing", "--skip-bad-rows"}, "not both"},
		{[]string{"import"}, "give exactly one file"},
		{[]string{"import", "timeline.xlsx"}, "cannot tell the format"},
		{[]string{"import", sheet, "--default-kind", "war"}, `--default-kind "war"`},
	} {
		if r := dateline(t, url, bad.args...); r.code != 2 || !strings.Contains(r.stderr, bad.says) {
			t.Errorf("%v: exit %d %q; want 2 saying %q", bad.args, r.code, r.stderr, bad.says)
		}
	}
	if r := dateline(t, url, "import", filepath.Join(t.TempDir(), "missing.json")); r.code != 1 || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("missing file: %+v", r)
	}
	if r := dateline(t, url, "import", writeFile(t, "x.json", `{"format":"other"}`)); r.code != 1 || !strings.Contains(r.stderr, "not a Dateline export") {
		t.Errorf("foreign JSON: %+v", r)
	}
}
