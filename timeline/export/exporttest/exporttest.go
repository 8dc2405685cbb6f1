// Package exporttest holds the events the export tests write and checks
// exports with the real programs that read them: ical.js and libical for
// iCalendar. Tests that need a missing program skip with a message saying
// what to install, unless CI demands the program
// (DATELINE_TEST_ICAL_REQUIRED=1), in which case they fail. TimelineJS
// JSON is checked in headless Chromium by the views tests
// (browsertest.RenderTimelineJS): a browser is the web side's tool, and
// nothing under timeline imports views.
package exporttest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Root is the repository's top directory: the nearest parent of the
// working directory with a go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("exporttest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// need skips or fails the test when a program is missing, depending on
// whether the environment variable required demands it.
func need(t testing.TB, required, problem, install string) {
	t.Helper()
	if os.Getenv(required) == "1" {
		t.Fatalf("%s (%s=1 requires it): %s", problem, required, install)
	}
	t.Skipf("%s; %s (or run make test)", problem, install)
}

// ICalDoc is an iCalendar document as a parser read it.
type ICalDoc struct {
	Calendar struct {
		Version         *string `json:"version"`
		ProdID          *string `json:"prodid"`
		Name            *string `json:"name"`
		XWRCalName      *string `json:"x_wr_calname"`
		RefreshInterval *string `json:"refresh_interval"`
		XPublishedTTL   *string `json:"x_published_ttl"`
	} `json:"calendar"`
	Events []ICalEvent `json:"events"`
}

// ICalEvent is a VEVENT as a parser read it: text unescaped, times in
// iCalendar's basic format ("20250621", "20250621T183100Z").
type ICalEvent struct {
	UID         string   `json:"uid"`
	Summary     string   `json:"summary"`
	Description string   `json:"description"`
	DTStart     string   `json:"dtstart"`
	AllDay      bool     `json:"all_day"`
	DTEnd       *string  `json:"dtend"`
	End         string   `json:"end"` // DTEND, or the end the parser implies
	DTStamp     string   `json:"dtstamp"`
	Sequence    int      `json:"sequence"`
	Status      *string  `json:"status"`
	Transp      *string  `json:"transp"`
	Categories  []string `json:"categories"`
	URL         *string  `json:"url"`
}

// ParseICal reads ics with ical.js and with libical, failing the test on
// any error either reports (libical's RFC 5545 restriction checks
// included), and returns what each read.
func ParseICal(t testing.TB, ics []byte) (icaljs, libical ICalDoc) {
	t.Helper()
	root := Root(t)
	const required = "DATELINE_TEST_ICAL_REQUIRED"
	node, err := exec.LookPath("node")
	if err != nil {
		need(t, required, "node is not installed", "install Node.js (Debian: apt-get install nodejs npm)")
	}
	if _, err := os.Stat(filepath.Join(root, ".ci/node/node_modules/ical.js")); err != nil {
		need(t, required, "ical.js is not installed", "run: npm ci --prefix .ci/node")
	}
	python := "/usr/bin/python3"
	if out, err := exec.Command(python, "-c", "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib").CombinedOutput(); err != nil {
		need(t, required, "libical's Python bindings are missing: "+strings.TrimSpace(lastLine(out)),
			"install Debian packages gir1.2-ical-3.0 and python3-gi")
	}
	icaljs = runParser(t, ics, node, filepath.Join(root, ".ci/node/ical-check.mjs"))
	libical = runParser(t, ics, python, filepath.Join(root, ".ci/libical-check.py"))
	return icaljs, libical
}

func runParser(t testing.TB, ics []byte, program string, args ...string) ICalDoc {
	t.Helper()
	cmd := exec.Command(program, args...)
	cmd.Stdin = bytes.NewReader(ics)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s rejects the calendar (%v):\n%s", filepath.Base(args[len(args)-1]), err, stderr.String())
	}
	var doc ICalDoc
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("%s: unreadable output %q: %v", filepath.Base(args[len(args)-1]), stdout.String(), err)
	}
	return doc
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return lines[len(lines)-1]
}

// CheckICalBytes returns every way ics breaks the byte rules of RFC 5545
// as DESIGN.md fixes them: lines end in CRLF and only there (no bare CR or
// LF), no line is longer than 75 octets, every line is valid UTF-8 on its
// own (folding never splits a character), no line is empty, and the
// document ends with a line break.
func CheckICalBytes(ics []byte) []string {
	var problems []string
	if !bytes.HasSuffix(ics, []byte("\r\n")) {
		problems = append(problems, "the document does not end with CRLF")
	}
	lines := bytes.Split(bytes.TrimSuffix(ics, []byte("\r\n")), []byte("\r\n"))
	for i, line := range lines {
		n := i + 1
		switch {
		case bytes.IndexByte(line, '\r') >= 0 || bytes.IndexByte(line, '\n') >= 0:
			problems = append(problems, fmt.Sprintf("line %d: a bare CR or LF", n))
		case len(line) > 75:
			problems = append(problems, fmt.Sprintf("line %d: %d octets, more than 75", n, len(line)))
		case !utf8.Valid(line):
			problems = append(problems, fmt.Sprintf("line %d: not valid UTF-8 on its own: %q", n, line))
		case len(line) == 0:
			problems = append(problems, fmt.Sprintf("line %d: empty", n))
		}
	}
	return problems
}
