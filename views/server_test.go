package views_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/views"
	"github.com/jackc/pgx/v5"
)

func newServer(t *testing.T) (*httptest.Server, func(timeline.Event)) {
	t.Helper()
	st := storetest.New(t)
	srv := httptest.NewServer(views.NewServer(st, slog.New(slog.DiscardHandler)))
	t.Cleanup(srv.Close)
	add := func(e timeline.Event) {
		t.Helper()
		if err := st.CreateEvent(context.Background(), &e); err != nil {
			t.Fatal(err)
		}
	}
	return srv, add
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func handEvent(t *testing.T, kind timeline.Kind, value, title string, actors ...string) timeline.Event {
	d, err := timeline.ParseDate(value)
	if err != nil {
		t.Fatal(err)
	}
	e := timeline.Event{Kind: kind, Date: d, Title: title, Status: timeline.StatusReported, Confidence: 1, Origin: timeline.ByHand}
	for _, a := range actors {
		e.Actors = append(e.Actors, timeline.Actor{Name: a})
	}
	return e
}

func TestTimelineServesStoredEventsInOrder(t *testing.T) {
	srv, add := newServer(t)
	add(handEvent(t, timeline.KindCall, "2025-07-03TMO", "Trump and Putin speak by phone", "Donald Trump", "Vladimir Putin"))
	add(handEvent(t, timeline.KindStrike, "2025-06-13", "Israel strikes Iran", "Israel", "Iran"))
	add(handEvent(t, timeline.KindStrike, "2025-06-21", "United States strikes Iran", "United States", "Iran"))

	resp, body := get(t, srv.URL+"/")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET / = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(body))
	got := doc.Find(`[data-testid=event-title]`).Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	want := []string{"Israel strikes Iran", "United States strikes Iran", "Trump and Putin speak by phone"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("titles = %v, want %v", got, want)
	}

	_, body = get(t, srv.URL+"/?actor=iran&kind=strike&order=newest")
	doc, _ = goquery.NewDocumentFromReader(strings.NewReader(body))
	got = doc.Find(`[data-testid=event-title]`).Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if strings.Join(got, "|") != "United States strikes Iran|Israel strikes Iran" {
		t.Errorf("filtered, newest first = %v", got)
	}

	_, body = get(t, srv.URL+"/?limit=2")
	doc, _ = goquery.NewDocumentFromReader(strings.NewReader(body))
	next, ok := doc.Find(`[data-testid=next]`).Attr("href")
	if !ok {
		t.Fatal("no link to the next page")
	}
	_, body = get(t, srv.URL+next)
	doc, _ = goquery.NewDocumentFromReader(strings.NewReader(body))
	if got := doc.Find(`[data-testid=event-title]`).Text(); got != "Trump and Putin speak by phone" {
		t.Errorf("second page = %q", got)
	}
}

func TestErrorsArePagesInPlainWords(t *testing.T) {
	srv, _ := newServer(t)
	tests := []struct {
		path   string
		status int
		says   string
	}{
		{"/?kind=war", 400, `no kind of event called "war"`},
		{"/nowhere", 404, "nothing here"},
	}
	for _, tt := range tests {
		resp, body := get(t, srv.URL+tt.path)
		doc, _ := goquery.NewDocumentFromReader(strings.NewReader(body))
		says := doc.Find(`[data-testid=error]`).Text()
		if resp.StatusCode != tt.status || !strings.Contains(says, tt.says) {
			t.Errorf("GET %s = %d saying %q; want %d saying %q", tt.path, resp.StatusCode, says, tt.status, tt.says)
		}
	}
}

func TestHealthz(t *testing.T) {
	st := storetest.New(t)
	srv := httptest.NewServer(views.NewServer(st, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	if resp, body := get(t, srv.URL+"/healthz"); resp.StatusCode != 200 || body != "ok\n" {
		t.Errorf("healthy: %d %q", resp.StatusCode, body)
	}
	st.Close() // the database went away
	if resp, _ := get(t, srv.URL+"/healthz"); resp.StatusCode != 503 {
		t.Errorf("database closed: %d, want 503", resp.StatusCode)
	}
	resp, body := get(t, srv.URL+"/")
	if resp.StatusCode != 500 || strings.Contains(body, "closed pool") || !strings.Contains(body, "request-id") {
		t.Errorf("page without database: %d %q; want a 500 page with a reference and no details", resp.StatusCode, body)
	}
}

// A database dropped and created again empty answers pings, but holds no
// timeline: health says so, instead of ok over pages that all fail.
func TestHealthzChecksTheSchema(t *testing.T) {
	ctx := context.Background()
	cfg, st := storetest.Open(t)
	srv := httptest.NewServer(views.NewServer(st, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	if resp, body := get(t, srv.URL+"/healthz"); resp.StatusCode != 200 || body != "ok\n" {
		t.Fatalf("migrated: %d %q", resp.StatusCode, body)
	}
	admin := cfg.ConnConfig.Copy()
	admin.Database = "postgres"
	conn, err := pgx.ConnectConfig(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	name := pgx.Identifier{cfg.ConnConfig.Database}.Sanitize()
	for _, sql := range []string{"DROP DATABASE " + name + " WITH (FORCE)", "CREATE DATABASE " + name} {
		if _, err := conn.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	// The first check may meet a connection the drop ended; the pool
	// then connects afresh, to the empty database.
	for i := range 3 {
		resp, body := get(t, srv.URL+"/healthz")
		if resp.StatusCode != http.StatusServiceUnavailable || (i > 0 && !strings.Contains(body, "schema")) {
			t.Errorf("emptied database, check %d: %d %q, want 503 saying the schema is missing", i+1, resp.StatusCode, body)
		}
	}
}

func TestCrossSiteWritesAreRefused(t *testing.T) {
	srv, _ := newServer(t)
	req, _ := http.NewRequest("POST", srv.URL+"/", strings.NewReader("x=1"))
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST = %d, want 403", resp.StatusCode)
	}
}

func TestStylesheetIsServed(t *testing.T) {
	srv, _ := newServer(t)
	resp, body := get(t, srv.URL+"/static/style.css")
	if resp.StatusCode != 200 || !strings.Contains(body, "li.event") {
		t.Errorf("stylesheet: %d", resp.StatusCode)
	}
}
