package views_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export/exporttest"
	"github.com/dateline/dateline/views"
	"github.com/jackc/pgx/v5"
)

// canonicalServer serves a database holding the canonical article's three
// events.
func canonicalServer(t *testing.T) (*httptest.Server, *store.Store) {
	t.Helper()
	st := storetest.New(t)
	a, events := exporttest.Canonical(t)
	if _, err := st.Import(context.Background(), []*timeline.Article{a}, events); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(views.NewServer(st, slog.New(slog.DiscardHandler)))
	t.Cleanup(srv.Close)
	return srv, st
}

func request(t *testing.T, method, url string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// The canonical article's events, served as /calendar.ics, pass the byte
// rules and parse without error in ical.js and libical. With
// DATELINE_TEST_ARTIFACTS set, the calendar and both parsers' readings are
// saved there for people to look at.
func TestCalendarOfTheCanonicalArticleParses(t *testing.T) {
	srv, _ := canonicalServer(t)
	resp, ics := request(t, "GET", srv.URL+"/calendar.ics", nil)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Fatalf("GET /calendar.ics = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, p := range exporttest.CheckICalBytes(ics) {
		t.Error(p)
	}
	icaljs, libical := exporttest.ParseICal(t, ics)
	want := []struct{ summary, start, status string }{
		{"Israel begins strikes on Iran", "20250613", "CONFIRMED"},
		{"United States strikes Iranian nuclear sites", "20250621", "CONFIRMED"},
		{"Trump and Putin speak by phone (morning)", "20250703", "CONFIRMED"},
	}
	for name, doc := range map[string]exporttest.ICalDoc{"ical.js": icaljs, "libical": libical} {
		if len(doc.Events) != len(want) {
			t.Fatalf("%s read %d events", name, len(doc.Events))
		}
		for i, w := range want {
			got := doc.Events[i]
			if got.Summary != w.summary || got.DTStart != w.start || !got.AllDay || *got.Status != w.status ||
				!strings.Contains(got.Description, "The New York Times") {
				t.Errorf("%s event %d = %+v", name, i, got)
			}
		}
	}
	if dir := os.Getenv("DATELINE_TEST_ARTIFACTS"); dir != "" {
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "canonical.ics"), ics, 0o644)
		for name, doc := range map[string]exporttest.ICalDoc{"icaljs": icaljs, "libical": libical} {
			b, _ := json.MarshalIndent(doc, "", "  ")
			os.WriteFile(filepath.Join(dir, "canonical."+name+".json"), b, 0o644)
		}
	}
}

func TestExportsAnswerConditionalRequests(t *testing.T) {
	srv, st := canonicalServer(t)
	ctx := context.Background()
	first, _ := request(t, "GET", srv.URL+"/calendar.ics", nil)
	etag := first.Header.Get("ETag")
	if etag == "" || first.Header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("headers %v", first.Header)
	}
	steps := []struct {
		name   string
		path   string
		header map[string]string
		status int
	}{
		{"the same ETag is 304", "/calendar.ics", map[string]string{"If-None-Match": etag}, 304},
		{"a weak or listed ETag is 304", "/calendar.ics", map[string]string{"If-None-Match": `"x", W/` + etag}, 304},
		{"another ETag is 200", "/calendar.ics", map[string]string{"If-None-Match": `"ics-0-000000000000"`}, 200},
		{"another filter is another ETag", "/calendar.ics?kind=strike", map[string]string{"If-None-Match": etag}, 200},
		{"HEAD too", "/calendar.ics", map[string]string{"If-None-Match": etag}, 304},
	}
	for _, s := range steps {
		method := "GET"
		if strings.HasPrefix(s.name, "HEAD") {
			method = "HEAD"
		}
		resp, body := request(t, method, srv.URL+s.path, s.header)
		if resp.StatusCode != s.status {
			t.Errorf("%s: %d, want %d", s.name, resp.StatusCode, s.status)
		}
		if resp.StatusCode == 304 && len(body) != 0 {
			t.Errorf("%s: a 304 with a body", s.name)
		}
	}

	// Every change to what the calendar shows changes its ETag, deletions
	// included.
	var ids []int64
	st.EachEvent(ctx, timeline.Filter{}, func(e timeline.Event) error { ids = append(ids, e.ID); return nil })
	e, err := st.Event(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	changes := []struct {
		name   string
		change func() error
	}{
		{"an edit", func() error { e.Title = "Edited"; return st.UpdateEvent(ctx, &e) }},
		{"a deletion", func() error { return st.DeleteEvent(ctx, ids[1]) }},
	}
	for _, c := range changes {
		if err := c.change(); err != nil {
			t.Fatal(err)
		}
		resp, body := request(t, "GET", srv.URL+"/calendar.ics", map[string]string{"If-None-Match": etag})
		if resp.StatusCode != 200 || resp.Header.Get("ETag") == etag {
			t.Errorf("after %s: %d with ETag %s (before: %s)", c.name, resp.StatusCode, resp.Header.Get("ETag"), etag)
		}
		if c.name == "an edit" && !strings.Contains(string(body), "SUMMARY:Edited") {
			t.Error("the edit is not in the calendar")
		}
		etag = resp.Header.Get("ETag")
	}
}

// Last-Modified is sent once the last change is safely in the past (HTTP
// dates have whole seconds), and If-Modified-Since is answered from it.
func TestExportsSendLastModifiedOnceItIsSafe(t *testing.T) {
	srv, _ := canonicalServer(t)
	resp, _ := request(t, "GET", srv.URL+"/export.csv", nil)
	if lm := resp.Header.Get("Last-Modified"); lm != "" {
		t.Errorf("Last-Modified %s sent right after a change", lm)
	}
	time.Sleep(2100 * time.Millisecond)
	resp, _ = request(t, "GET", srv.URL+"/export.csv", nil)
	lm := resp.Header.Get("Last-Modified")
	if _, err := http.ParseTime(lm); err != nil {
		t.Fatalf("Last-Modified %q: %v", lm, err)
	}
	for ims, status := range map[string]int{lm: 304, "Mon, 02 Jan 2006 15:04:05 GMT": 200} {
		if resp, _ := request(t, "GET", srv.URL+"/export.csv", map[string]string{"If-Modified-Since": ims}); resp.StatusCode != status {
			t.Errorf("If-Modified-Since %s: %d, want %d", ims, resp.StatusCode, status)
		}
	}
}

func TestEveryExportIsServed(t *testing.T) {
	srv, _ := canonicalServer(t)
	tests := []struct {
		path, contentType, starts, filename string
	}{
		{"/calendar.ics", "text/calendar; charset=utf-8", "BEGIN:VCALENDAR\r\n", "dateline.ics"},
		{"/export.json", "application/json", `{"format":"dateline","version":1,`, "dateline.json"},
		{"/export.csv", "text/csv; charset=utf-8; header=present", "\uFEFFid,date,precision", "dateline.csv"},
		{"/timelinejs.json", "application/json", `{"title":{"text":{"headline":"Strikes"`, "dateline.timelinejs.json"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			path := tt.path
			if tt.path == "/timelinejs.json" {
				path += "?kind=strike"
			}
			resp, body := request(t, "GET", srv.URL+path, nil)
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != tt.contentType ||
				!strings.HasPrefix(string(body), tt.starts) || !strings.Contains(resp.Header.Get("Content-Disposition"), tt.filename) {
				t.Errorf("GET %s = %d %v\n%.80q", path, resp.StatusCode, resp.Header, body)
			}
			head, body := request(t, "HEAD", srv.URL+path, nil)
			if head.StatusCode != 200 || len(body) != 0 || head.Header.Get("ETag") != resp.Header.Get("ETag") {
				t.Errorf("HEAD %s = %d, %d bytes, ETag %s", path, head.StatusCode, len(body), head.Header.Get("ETag"))
			}
		})
	}
	if resp, _ := request(t, "GET", srv.URL+"/calendar.ics?kind=war", nil); resp.StatusCode != 400 || resp.Header.Get("ETag") != "" {
		t.Errorf("a bad filter: %d, ETag %q", resp.StatusCode, resp.Header.Get("ETag"))
	}
}

func TestExportPageOffersEveryFormatAndCountsWhatCalendarsLeaveOut(t *testing.T) {
	srv, add := newServer(t)
	add(handEvent(t, timeline.KindStrike, "2025-06-21", "United States strikes Iran", "Iran"))
	add(handEvent(t, timeline.KindStatement, "0000", "Year zero", "Iran"))
	add(handEvent(t, timeline.KindStatement, "0000-05", "Year zero again", "Rome"))

	_, body := get(t, srv.URL+"/export?actor=Iran")
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(body))
	if got := doc.Find(`[data-testid=not-in-calendar]`).Text(); !strings.Contains(got, "1 event could not be expressed in a calendar") {
		t.Errorf("note = %q", got)
	}
	if got := doc.Find(`[data-testid=selection]`).Text(); !strings.Contains(got, "2 events: Iran") {
		t.Errorf("selection = %q", got)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	for id, want := range map[string]string{
		"subscribe":           "webcal://" + host + "/calendar.ics?actor=Iran",
		"download-ics":        "/calendar.ics?actor=Iran",
		"download-json":       "/export.json?actor=Iran",
		"download-csv":        "/export.csv?actor=Iran",
		"download-timelinejs": "/timelinejs.json?actor=Iran",
	} {
		if got, _ := doc.Find(`[data-testid=` + id + `]`).Attr("href"); got != want {
			t.Errorf("%s links to %q, want %q", id, got, want)
		}
	}
	_, body = get(t, srv.URL+"/export")
	doc, _ = goquery.NewDocumentFromReader(strings.NewReader(body))
	if got := doc.Find(`[data-testid=not-in-calendar]`).Text(); !strings.Contains(got, "2 events could not be expressed") {
		t.Errorf("note for everything = %q", got)
	}

	// The timeline page links to the calendar of what it shows.
	_, body = get(t, srv.URL+"/?kind=strike&after=&q=")
	doc, _ = goquery.NewDocumentFromReader(strings.NewReader(body))
	if got, _ := doc.Find(`[data-testid=export-bar] [data-testid=subscribe]`).Attr("href"); got != "webcal://"+host+"/calendar.ics?kind=strike" {
		t.Errorf("timeline subscribe link = %q", got)
	}
	if got, _ := doc.Find(`[data-testid=export-bar] [data-testid=download-ics]`).Attr("href"); got != "/calendar.ics?kind=strike" {
		t.Errorf("timeline download link = %q", got)
	}
}

// Streaming: exporting ten times as many events must not need ten times
// the memory. The client reads the calendar slowly, and at every 256 KiB
// the test collects garbage and notes the live heap (server and client
// share this process). A server that collected the events first would
// hold all of them at once.
func TestExportMemoryDoesNotGrowWithTheNumberOfEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("inserts 11,000 events")
	}
	measure := func(n int) (uint64, int64) {
		cfg := storetest.Config(t)
		conn, err := pgx.ConnectConfig(context.Background(), cfg.ConnConfig)
		if err != nil {
			t.Fatal(err)
		}
		_, err = conn.Exec(context.Background(), `
			INSERT INTO articles (sha256, title, body) VALUES (sha256('x'), 'Article', repeat('A long article body. ', 500));
			INSERT INTO actors (name, key, kind) VALUES ('Iran', 'iran', 'country');
			INSERT INTO events (kind, date_value, date_precision, date_start, date_end, date_rank, status,
				title, summary, confidence, origin)
			SELECT 'statement', to_char(d, 'YYYY-MM-DD'), 'day', d, d + interval '1 day', 12, 'reported',
				'Event number ' || i || ', with a comma; and more', repeat('Summary, with commas; Ж 🙏 ', 80), 1, 'hand'
			FROM generate_series(1, `+strconv.Itoa(n)+`) i, LATERAL (SELECT timestamp '2000-01-01' + (i % 9000) * interval '1 day' AS d) x;
			INSERT INTO event_actors (event_id, actor_id, position) SELECT e.id, a.id, 0 FROM events e, actors a;
			INSERT INTO mentions (event_id, article_id, quote, quote_start, quote_end)
			SELECT e.id, a.id, 'A long article body.', 0, 20 FROM events e, articles a;`)
		conn.Close(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		st, err := store.Open(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		srv := httptest.NewServer(views.NewServer(st, slog.New(slog.DiscardHandler)))
		defer srv.Close()

		resp, err := http.Get(srv.URL + "/calendar.ics")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var (
			peak  uint64
			total int64
			ms    runtime.MemStats
			buf   = make([]byte, 32<<10)
		)
		for next := int64(0); ; {
			k, err := resp.Body.Read(buf)
			total += int64(k)
			if total >= next {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
				next += 256 << 10
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		return peak, total
	}
	small, smallBytes := measure(1_000)
	large, largeBytes := measure(10_000)
	t.Logf("1,000 events: %d bytes of calendar, peak live heap %.1f MiB", smallBytes, float64(small)/(1<<20))
	t.Logf("10,000 events: %d bytes of calendar, peak live heap %.1f MiB", largeBytes, float64(large)/(1<<20))
	if largeBytes < 9*smallBytes {
		t.Fatalf("the large export is only %d bytes", largeBytes)
	}
	// Collecting 9,000 more events of ~2 KiB would add ~20 MiB.
	if large > small+4<<20 {
		t.Errorf("peak live heap grew from %.1f to %.1f MiB for ten times the events", float64(small)/(1<<20), float64(large)/(1<<20))
	}
}
