package views

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/store/synthetic"
	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// benchSite is the application over a database of made-up events.
type benchSite struct {
	server *Server
	store  *store.Store
	syn    synthetic.Info
	deep   timeline.Cursor // the cursor nine tenths into the timeline
	event  int64           // an event with a mention
}

// newBenchSite serves n synthetic events: small sets are loaded into a
// fresh database, large ones come from a kept benchmark database.
func newBenchSite(b *testing.B, n int) *benchSite {
	b.Helper()
	ctx := context.Background()
	var (
		cfg *pgxpool.Config
		syn synthetic.Info
	)
	if n <= 10_000 {
		cfg = storetest.Config(b)
		syn = storetest.LoadSynthetic(b, cfg, n)
	} else {
		cfg, syn = storetest.Synthetic(b, n)
	}
	st, err := store.Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(st.Close)
	s := NewServer(st, slog.New(slog.DiscardHandler))
	s.now = func() time.Time { return thursday }
	site := &benchSite{server: s, store: st, syn: syn}
	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	err = conn.QueryRow(ctx, `SELECT date_start, date_rank, id FROM events
		ORDER BY date_start, date_rank, id OFFSET $1 LIMIT 1`, n*9/10).
		Scan(&site.deep.Start, &site.deep.Rank, &site.deep.ID)
	if err != nil {
		b.Fatal(err)
	}
	if err := conn.QueryRow(ctx, `SELECT min(event_id) FROM mentions`).Scan(&site.event); err != nil {
		b.Fatal(err)
	}
	return site
}

// serve answers one request in the process, without a network: the
// server's time, from the request read to the last byte written.
func (s *benchSite) serve(b *testing.B, req func() *http.Request) {
	w := httptest.NewRecorder()
	s.server.ServeHTTP(w, req())
	if w.Code != http.StatusOK {
		b.Fatalf("%d: %s", w.Code, w.Body.String())
	}
}

// benchEvents is how many events the large site holds:
// $DATELINE_BENCH_EVENTS, 100,000 by default (make bench asks for a
// million).
func benchEvents(b *testing.B) int {
	v := os.Getenv("DATELINE_BENCH_EVENTS")
	if v == "" {
		return 100_000
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		b.Fatalf("DATELINE_BENCH_EVENTS=%q is not a number of events", v)
	}
	return n
}

// BenchmarkPages measures the server time of every page with many events
// stored (benchEvents), each against the same page with 100 events
// ("base") measured in the same run: the x-base metric is the ratio, and
// p50-ms and p99-ms the percentiles of single requests. It also logs
// PostgreSQL's plans for the timeline's queries on the large site. It
// asserts nothing about speed.
func BenchmarkPages(b *testing.B) {
	n := benchEvents(b)
	large := fmt.Sprintf("%dk", n/1000)
	if n >= 1_000_000 && n%1_000_000 == 0 {
		large = fmt.Sprintf("%dM", n/1_000_000)
	}
	sites := map[string]*benchSite{"base": newBenchSite(b, 100), large: newBenchSite(b, n)}
	get := func(path string) func() *http.Request {
		return func() *http.Request { return httptest.NewRequest("GET", path, nil) }
	}
	pages := []struct {
		name string
		req  func(s *benchSite) func() *http.Request
	}{
		{"timeline", func(s *benchSite) func() *http.Request { return get("/") }},
		{"timeline newest first", func(s *benchSite) func() *http.Request { return get("/?order=newest") }},
		{"timeline deep page", func(s *benchSite) func() *http.Request { return get("/?after=" + s.deep.String()) }},
		{"timeline by kinds", func(s *benchSite) func() *http.Request { return get("/?kind=strike&kind=call") }},
		{"timeline by actor", func(s *benchSite) func() *http.Request { return get("/?actor=" + url.QueryEscape(s.syn.Actor)) }},
		{"timeline by actor alias", func(s *benchSite) func() *http.Request { return get("/?actor=" + url.QueryEscape(s.syn.ActorAlias)) }},
		{"timeline by rare actor", func(s *benchSite) func() *http.Request { return get("/?actor=" + url.QueryEscape(s.syn.Rare)) }},
		{"timeline by common actor", func(s *benchSite) func() *http.Request { return get("/?actor=" + url.QueryEscape(s.syn.Common)) }},
		{"timeline search", func(s *benchSite) func() *http.Request { return get("/?q=" + s.syn.Word) }},
		{"timeline by actor, kind and year", func(s *benchSite) func() *http.Request {
			return get("/?actor=" + url.QueryEscape(s.syn.Actor) + "&kind=strike&from=2015&to=2015")
		}},
		{"timeline month", func(s *benchSite) func() *http.Request { return get("/?from=2010-03&to=2010-03") }},
		{"timeline all filters", func(s *benchSite) func() *http.Request {
			return get("/?kind=strike&actor=" + url.QueryEscape(s.syn.Actor) + "&q=" + s.syn.Word + "&from=2005&to=2020")
		}},
		{"event page", func(s *benchSite) func() *http.Request { return get(fmt.Sprintf("/events/%d", s.event)) }},
		{"event form", func(s *benchSite) func() *http.Request { return get("/events/new") }},
		{"date preview", func(s *benchSite) func() *http.Request { return get("/dates/parse?q=last+Thursday") }},
		{"review", func(s *benchSite) func() *http.Request {
			// a browser with its form cookie, sending the form's token
			const secret = "benchmark form cookie"
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			mw.WriteField("csrf", tokenFor(secret))
			mw.WriteField("body", exampleArticle)
			mw.Close()
			raw := body.Bytes()
			return func() *http.Request {
				r := httptest.NewRequest("POST", "/articles", bytes.NewReader(raw))
				r.Header.Set("Content-Type", mw.FormDataContentType())
				r.AddCookie(&http.Cookie{Name: formCookie, Value: secret})
				return r
			}
		}},
	}
	logPlans(b, sites[large])
	for _, p := range pages {
		var base float64
		for _, size := range []string{"base", large} {
			s := sites[size]
			req := p.req(s)
			b.Run(p.name+"/"+size, func(b *testing.B) {
				var times []time.Duration
				for b.Loop() {
					start := time.Now()
					s.serve(b, req)
					times = append(times, time.Since(start))
				}
				slices.Sort(times)
				b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
				b.ReportMetric(ms(times[len(times)*99/100]), "p99-ms")
				ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
				b.ReportMetric(ns/1e6, "ms/op")
				if size == "base" {
					base = ns
				} else if base > 0 {
					b.ReportMetric(ns/base, "x-base")
				}
			})
		}
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// logPlans writes how PostgreSQL runs the timeline's queries, the
// scans and sorts of each plan and its execution time, to
// $DATELINE_BENCH_PLANS or the benchmark's artifact directory.
func logPlans(b *testing.B, s *benchSite) {
	ctx := context.Background()
	filters := []struct {
		name string
		f    timeline.Filter
	}{
		{"first page", timeline.Filter{}},
		{"newest first", timeline.Filter{Order: timeline.NewestFirst}},
		{"deep page", timeline.Filter{After: s.deep}},
		{"kinds", timeline.Filter{Kinds: []timeline.Kind{timeline.KindStrike, timeline.KindCall}}},
		{"actor", timeline.Filter{Actors: []string{s.syn.Actor}}},
		{"actor alias", timeline.Filter{Actors: []string{s.syn.ActorAlias}}},
		{"rare actor", timeline.Filter{Actors: []string{s.syn.Rare}}},
		{"common actor", timeline.Filter{Actors: []string{s.syn.Common}}},
		{"two actors", timeline.Filter{Actors: []string{s.syn.Actor, s.syn.Rare}}},
		{"search", timeline.Filter{Text: s.syn.Word}},
		{"actor, kind and year", timeline.Filter{Actors: []string{s.syn.Actor}, Kinds: []timeline.Kind{timeline.KindStrike},
			From: mustDateB(b, "2015"), To: mustDateB(b, "2015")}},
		{"month", timeline.Filter{From: mustDateB(b, "2010-03"), To: mustDateB(b, "2010-03")}},
		{"all filters", timeline.Filter{Kinds: []timeline.Kind{timeline.KindStrike}, Actors: []string{s.syn.Actor}, Text: s.syn.Word,
			From: mustDateB(b, "2005"), To: mustDateB(b, "2020")}},
	}
	var out strings.Builder
	fmt.Fprintf(&out, "Plans of the timeline's queries at %d events (EXPLAIN ANALYZE, scans, sorts, times)\n", s.syn.Events)
	for _, p := range filters {
		plan, err := s.store.ExplainEvents(ctx, p.f, true)
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(&out, "\n== events, %s\n%s\n", p.name, planSummary(plan))
		plan, err = s.store.ExplainMonthCounts(ctx, overviewFilter(p.f), true)
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(&out, "== overview, %s\n%s\n", p.name, planSummary(plan))
	}
	path := os.Getenv("DATELINE_BENCH_PLANS")
	if path == "" {
		path = filepath.Join(b.ArtifactDir(), "plans.txt")
	}
	if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Logf("query plans: %s", path)
}

// planSummary keeps the lines of a plan that say how rows are found and
// ordered, and the timings.
func planSummary(plan string) string {
	var keep []string
	for _, line := range strings.Split(plan, "\n") {
		l := strings.TrimSpace(line)
		for _, w := range []string{"Scan", "Sort Key", "Index Cond", "Limit", "Execution Time", "Planning Time"} {
			if strings.Contains(l, w) {
				keep = append(keep, "    "+line)
				break
			}
		}
	}
	return strings.Join(keep, "\n")
}

func mustDateB(b *testing.B, v string) timeline.Date {
	d, err := timeline.ParseDate(v)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// discard is a response writer that keeps nothing, so that an export's
// memory is the server's own.
type discard struct {
	header  http.Header
	status  int
	written int64
	next    int64  // when to sample the heap next, in bytes written; 0: never
	peak    uint64 // the largest live heap sampled
	stats   runtime.MemStats
}

func (d *discard) Header() http.Header  { return d.header }
func (d *discard) WriteHeader(code int) { d.status = code }
func (d *discard) Write(p []byte) (int, error) {
	d.written += int64(len(p))
	if d.next > 0 && d.written >= d.next {
		runtime.GC()
		runtime.ReadMemStats(&d.stats)
		d.peak = max(d.peak, d.stats.HeapAlloc)
		d.next += 1 << 20
	}
	return len(p), nil
}

// BenchmarkExport streams the iCalendar feed and the JSON export of
// 100,000 events, against the same exports of 10,000 measured in the same
// run: x-10k-time is the time ratio (10 when time grows linearly), and
// peak-live-MiB the largest live heap seen while streaming, sampled after
// a collection every MiB written in one extra run (flat when memory does
// not grow with the events).
func BenchmarkExport(b *testing.B) {
	sites := map[int]*benchSite{10_000: newBenchSite(b, 10_000), 100_000: newBenchSite(b, 100_000)}
	for _, path := range []string{"/calendar.ics", "/export.json"} {
		var baseTime float64
		for _, n := range []int{10_000, 100_000} {
			s := sites[n]
			export := func(sample bool) *discard {
				d := &discard{header: http.Header{}, status: http.StatusOK}
				if sample {
					d.next = 1
				}
				s.server.ServeHTTP(d, httptest.NewRequest("GET", path, nil))
				if d.status != http.StatusOK || d.written == 0 {
					b.Fatalf("%s: status %d, %d bytes", path, d.status, d.written)
				}
				return d
			}
			b.Run(fmt.Sprintf("%s/%dk", strings.TrimPrefix(path, "/"), n/1000), func(b *testing.B) {
				var bytes int64
				for b.Loop() {
					bytes = export(false).written
				}
				perOp := b.Elapsed().Seconds() / float64(b.N)
				b.SetBytes(bytes)
				b.ReportMetric(perOp*1e3, "ms/op")
				b.ReportMetric(float64(export(true).peak)/(1<<20), "peak-live-MiB")
				if n == 10_000 {
					baseTime = perOp
				} else if baseTime > 0 {
					b.ReportMetric(perOp/baseTime, "x-10k-time")
				}
			})
		}
	}
}
