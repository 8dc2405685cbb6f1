package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dateline/dateline/store/storetest"
)

// A 10,000-row spreadsheet with one bad row: by default nothing is
// imported and the row is named; with --skip-bad-rows the 9,999 good ones
// are, and the bad one is still named.
func TestImportOfTenThousandRowsWithOneBadRow(t *testing.T) {
	var b strings.Builder
	b.WriteString("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n")
	for i := range 10_000 {
		day := 1 + i%28
		if i == 6_789 {
			day = 30 // February 30
		}
		fmt.Fprintf(&b, "2024,2,%d,,,,,,,\"Event %d; '); DROP TABLE events;--\",,,,,,,Statement,\n", day, i)
	}
	sheet := writeFile(t, "big.csv", b.String())
	url := storetest.URL(t)
	count := func() int {
		r := dateline(t, url, "export", "--format", "csv")
		return strings.Count(r.stdout, "\n") - 1
	}

	r := dateline(t, url, "import", sheet)
	if r.code != 1 || !strings.Contains(r.stderr, "row 6791") || !strings.Contains(r.stderr, "nothing was imported") {
		t.Errorf("all or nothing: exit %d, stderr %.500q", r.code, r.stderr)
	}
	if n := count(); n != 0 {
		t.Errorf("%d events stored after a refused import", n)
	}

	r = dateline(t, url, "import", "--skip-bad-rows", sheet)
	if r.code != 0 || !strings.Contains(r.stdout, "imported 9999 events") || !strings.Contains(r.stderr, "row 6791") ||
		!strings.Contains(r.stderr, "import: 9999/9999 events written") {
		t.Errorf("skipping the bad row: exit %d, stdout %q, stderr %.300q", r.code, r.stdout, r.stderr)
	}
	if n := count(); n != 9_999 {
		t.Errorf("%d events stored, want 9999", n)
	}
}

// A number the database cannot hold is a bad row like any other: with
// --skip-bad-rows the rest of the file is imported.
func TestImportSkipsARowWhoseSequenceTheDatabaseCannotHold(t *testing.T) {
	doc := `{"format":"dateline","version":1,"articles":[],"events":[
		{"kind":"call","date":"2025-07-03","title":"Too many edits","sequence":2147483648},
		{"kind":"call","date":"2025-07-04","title":"A call","sequence":3}]}`
	file := writeFile(t, "export.json", doc)
	url := storetest.URL(t)
	r := dateline(t, url, "import", "--skip-bad-rows", file)
	if r.code != 0 || !strings.Contains(r.stdout, "imported 1 events") || !strings.Contains(r.stderr, "sequence") {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 1 event imported and the bad row named", r.code, r.stdout, r.stderr)
	}
	if got := dateline(t, url, "export", "--format", "csv").stdout; !strings.Contains(got, "A call") || strings.Contains(got, "Too many edits") {
		t.Errorf("stored: %s", got)
	}
}
