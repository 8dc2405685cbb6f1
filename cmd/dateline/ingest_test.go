package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline/extract/synthetic"
	"github.com/jackc/pgx/v5"
)

// SIGTERM stops an ingest between batches: what it saved is whole, it
// says how to resume, and the same command then saves the rest, skipping
// what is stored.
func TestIngestResumesAfterSIGTERM(t *testing.T) {
	const n = 3000
	dir := t.TempDir()
	for i := range n {
		text, _ := synthetic.Article(7, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	url := storetest.URL(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	count := func(sql string) int {
		t.Helper()
		var c int
		if err := conn.QueryRow(ctx, sql).Scan(&c); err != nil {
			t.Fatal(err)
		}
		return c
	}

	cmd := exec.Command(binary, "ingest", "--batch", "50", dir)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+url)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); count(`SELECT count(*) FROM articles`) == 0; {
		if time.Now().After(deadline) {
			t.Fatal("nothing was saved in 30 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err = cmd.Wait()
	code := cmd.ProcessState.ExitCode()
	saved := count(`SELECT count(*) FROM articles`)
	if code != 1 || !strings.Contains(stderr.String(), "run the same command again to resume") {
		t.Fatalf("after SIGTERM: exit %d (%v), stderr %q", code, err, stderr.String())
	}
	if saved == 0 || saved >= n {
		t.Fatalf("%d of %d articles saved before the signal; the test needs a run that stops midway", saved, n)
	}
	again := dateline(t, url, "ingest", dir)
	want := fmt.Sprintf("%d articles saved", n-saved)
	if again.code != 0 || !strings.Contains(again.stdout, want) || !strings.Contains(again.stdout, fmt.Sprintf("%d already stored", saved)) {
		t.Fatalf("resumed run: %+v, want %q and %d already stored", again, want, saved)
	}
	if total := count(`SELECT count(*) FROM articles`); total != n {
		t.Errorf("%d articles stored in the end, want %d", total, n)
	}
	// nothing lost or stored twice: the same mentions as one whole run
	lone := storetest.URL(t)
	if r := dateline(t, lone, "ingest", dir); r.code != 0 {
		t.Fatalf("uninterrupted run: %+v", r)
	}
	loneConn, err := pgx.Connect(ctx, lone)
	if err != nil {
		t.Fatal(err)
	}
	defer loneConn.Close(ctx)
	var whole int
	if err := loneConn.QueryRow(ctx, `SELECT count(*) FROM mentions`).Scan(&whole); err != nil {
		t.Fatal(err)
	}
	if got := count(`SELECT count(*) FROM mentions`); got != whole {
		t.Errorf("%d mentions after the interrupted and resumed runs, %d after one whole run", got, whole)
	}
}

func TestIngestTakesWebAddresses(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", "border-summit.html"))
	if err != nil {
		t.Fatal(err)
	}
	news := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/summit.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer news.Close()
	db := storetest.URL(t)
	file := filepath.Join("..", "..", "testdata", "articles", "grain-corridor.txt")
	args := []string{"ingest", news.URL + "/summit.html", file, news.URL + "/gone.html"}

	// By default a local address is refused, and nothing is sent to it.
	r := datelineEnv(t, []string{"DATABASE_URL=" + db}, "", args...)
	if r.code != 1 || !strings.Contains(r.stderr, "private network") || !strings.Contains(r.stdout, "1 articles saved") {
		t.Errorf("local addresses without DATELINE_FETCH_PRIVATE: %+v", r)
	}
	r = datelineEnv(t, []string{"DATABASE_URL=" + db, "DATELINE_FETCH_PRIVATE=1"}, "", args...)
	if r.code != 1 || !strings.Contains(r.stdout, "1 articles saved") || !strings.Contains(r.stdout, "1 already stored") ||
		!strings.Contains(r.stderr, news.URL+"/gone.html: fetch "+news.URL+"/gone.html: the server answered 404 Not Found") {
		t.Errorf("with DATELINE_FETCH_PRIVATE=1: %+v; want the page saved, the file known and the 404 reported", r)
	}
	conn, err := pgx.Connect(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var url, title string
	err = conn.QueryRow(context.Background(), `SELECT url, title FROM articles WHERE url <> '' `).Scan(&url, &title)
	if err != nil || url != news.URL+"/summit.html" || !strings.Contains(title, "Leaders Meet at the Border") {
		t.Errorf("stored page: %q %q %v", url, title, err)
	}
}

// An article stored without a publication date keeps only its events
// dated in full; the summary names it, and where to give it one.
func TestIngestNamesArticlesWithoutADate(t *testing.T) {
	dir := t.TempDir()
	undated := filepath.Join(dir, "undated.txt")
	if err := os.WriteFile(undated, []byte("Leaders talk\n\nPresident Trump and President Putin spoke by phone on Thursday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dated := filepath.Join("..", "..", "testdata", "articles", "grain-corridor.txt")
	r := dateline(t, storetest.URL(t), "ingest", undated, dated)
	if r.code != 0 || !strings.Contains(r.stdout, "2 articles saved") ||
		!strings.Contains(r.stdout, "1 stored without a publication date") || !strings.Contains(r.stdout, "/articles?undated=1") ||
		!strings.Contains(r.stdout, "  "+undated+"\n") || strings.Contains(r.stdout, "grain-corridor") {
		t.Errorf("ingest: %+v; want the undated article named, and only it", r)
	}
}
