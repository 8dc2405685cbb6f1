package views

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// The database goes away while the server takes a stream of writes, then
// comes back. By default the outage is the test database's own (new
// connections refused, every open one terminated), which leaves the
// server shared with other tests alone; DATELINE_TEST_PG_RESTART=1 restarts
// the whole local cluster instead (pg_ctlcluster, as root; not for a
// shared machine).
//
// What must hold: requests during the outage fail cleanly (503 with a
// message, never a 500 or a hang), the server recovers by itself, and
// every write it acknowledged (303 See Other) is stored afterwards, once.
func TestWritesSurviveTheDatabaseGoingAway(t *testing.T) {
	cfg := storetest.Config(t)
	st, err := store.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	srv := httptest.NewServer(NewServer(st, slog.New(slog.DiscardHandler)))
	t.Cleanup(srv.Close)
	s := &site{t: t, url: srv.URL, store: st, client: newClient(t)}
	token := s.withToken(url.Values{}).Get("csrf")

	admin := cfg.ConnConfig.Copy()
	admin.Database = "postgres"
	outage, restore := databaseOutage(t, admin, cfg.ConnConfig.Database)

	var (
		acknowledged sync.Map // title -> true
		n, failed    atomic.Int64
		stop         atomic.Bool
		problems     = make(chan string, 100)
		wg           sync.WaitGroup
	)
	client := &http.Client{Jar: s.client.Jar, Timeout: 20 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for w := range 4 {
		wg.Go(func() {
			for i := 0; !stop.Load(); i++ {
				title := fmt.Sprintf("Writer %d event %d", w, i)
				form := url.Values{"csrf": {token}, "date": {"2025-07-03"}, "kind": {"statement"}, "title": {title},
					"actor": {fmt.Sprintf("Actor %d", w)}, "status": {"reported"}}
				resp, err := client.PostForm(srv.URL+"/events", form)
				if err != nil {
					problems <- fmt.Sprintf("%s: %v", title, err)
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				n.Add(1)
				switch resp.StatusCode {
				case http.StatusSeeOther:
					acknowledged.Store(title, true)
				case http.StatusServiceUnavailable:
					failed.Add(1)
					if !strings.Contains(string(body), "cannot reach its database") || resp.Header.Get("Retry-After") == "" {
						problems <- fmt.Sprintf("%s: a 503 without the plain message: %.200s", title, body)
					}
					time.Sleep(50 * time.Millisecond)
				default:
					problems <- fmt.Sprintf("%s: %d: %.300s", title, resp.StatusCode, body)
				}
			}
		})
	}

	time.Sleep(time.Second)
	before := n.Load()
	outage()
	time.Sleep(2 * time.Second)
	// During the outage: reads and the health check fail cleanly too.
	for _, path := range []string{"/", "/healthz"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable || strings.Contains(string(body), "SQLSTATE") {
			t.Errorf("GET %s during the outage: %d %.200s", path, resp.StatusCode, body)
		}
	}
	restore()
	// The server comes back by itself: writes go through again.
	deadline := time.Now().Add(30 * time.Second)
	var back bool
	for !back && time.Now().Before(deadline) {
		resp, err := http.Get(srv.URL + "/healthz")
		if err == nil {
			back = resp.StatusCode == http.StatusOK
			resp.Body.Close()
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !back {
		t.Fatal("the server did not recover within 30 s of the database coming back")
	}
	failedBefore := failed.Load()
	time.Sleep(2 * time.Second)
	stop.Store(true)
	wg.Wait()
	close(problems)
	for p := range problems {
		t.Error(p)
	}
	if failedBefore == 0 {
		t.Error("no write failed during the outage: the outage did not happen")
	}
	if after := failed.Load(); after > failedBefore+4 {
		t.Errorf("%d writes failed after the database was back (4 stale connections at most)", after-failedBefore)
	}

	// Every acknowledged write is there, once.
	stored := map[string]int{}
	conn, err := pgx.ConnectConfig(context.Background(), cfg.ConnConfig)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	rows, _ := conn.Query(context.Background(), `SELECT title FROM events`)
	titles, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range titles {
		stored[title]++
	}
	var acked int
	acknowledged.Range(func(k, _ any) bool {
		acked++
		if stored[k.(string)] != 1 {
			t.Errorf("%q was acknowledged but is stored %d times", k, stored[k.(string)])
		}
		return true
	})
	t.Logf("%d writes: %d acknowledged (%d before the outage), %d refused with 503 during it; %d stored",
		n.Load(), acked, before, failed.Load(), len(titles))
}

// databaseOutage returns functions that take the test database away and
// bring it back.
func databaseOutage(t *testing.T, admin *pgx.ConnConfig, db string) (outage, restore func()) {
	if os.Getenv("DATELINE_TEST_PG_RESTART") == "1" {
		run := func(action string) {
			out, err := exec.Command("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", action).CombinedOutput()
			if err != nil {
				t.Fatalf("pg_ctlcluster %s: %v\n%s", action, err, out)
			}
		}
		return func() { run("stop") }, func() { run("start") }
	}
	exec := func(sql string) {
		ctx := context.Background()
		conn, err := pgx.ConnectConfig(ctx, admin)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	name := pgx.Identifier{db}.Sanitize()
	t.Cleanup(func() { exec("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true") })
	return func() {
			exec("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false")
			exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = " + quoteLiteral(db) + " AND pid <> pg_backend_pid()")
		}, func() {
			exec("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true")
		}
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// Two people accept the same article at the same moment: it is stored
// once, and its events once.
func TestTheSameArticleAcceptedTwiceAtOnceIsStoredOnce(t *testing.T) {
	s := newSite(t)
	review := s.post("/articles", url.Values{"body": {string(article(t, "wire-summit.txt"))}, "published": {"2025-07-03"}}, nil)
	if review.StatusCode != http.StatusOK {
		t.Fatalf("review: %d %s", review.StatusCode, review.text("main"))
	}
	form := formValues(review.doc, `[data-testid=review-form]`)
	var wg sync.WaitGroup
	statuses := make([]int, 2)
	for i := range 2 {
		wg.Go(func() { statuses[i] = s.post("/articles/accept", form, nil).StatusCode })
	}
	wg.Wait()
	for i, code := range statuses {
		if code != http.StatusSeeOther {
			t.Errorf("accept %d: %d", i+1, code)
		}
	}
	page, err := s.store.Events(context.Background(), timeline.Filter{Limit: timeline.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	chosen := review.find(`[data-testid=candidate-selected][checked]`).Length()
	if len(page.Events) == 0 || len(page.Events) > chosen {
		t.Errorf("%d events stored from %d chosen candidates", len(page.Events), chosen)
	}
	seen := map[string]bool{}
	for _, e := range page.Events {
		key := string(e.Kind) + " " + e.Date.Value() + " " + e.Title
		if seen[key] {
			t.Errorf("stored twice: %s", key)
		}
		seen[key] = true
		if e.Sources != 1 {
			t.Errorf("%s cites %d sources, want the one article", key, e.Sources)
		}
	}
}
