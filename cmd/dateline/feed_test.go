package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dateline/dateline/store/fetch/fetchtest"
	"github.com/dateline/dateline/store/storetest"
	"github.com/jackc/pgx/v5"
)

// startNews serves a feed of n stories at /feed.xml, each story its own
// article (the border summit, told by a different bureau) that takes
// delay to come.
func startNews(t *testing.T, n int, delay time.Duration) *fetchtest.Site {
	t.Helper()
	page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", "border-summit.html"))
	if err != nil {
		t.Fatal(err)
	}
	site := fetchtest.NewSite(t)
	paths := make([]string, n)
	for i := range n {
		paths[i] = fmt.Sprintf("/story/%d", i)
		story := strings.Replace(string(page), "<article>", fmt.Sprintf("<article><p>Bureau %d</p>", i), 1)
		site.Handle(paths[i], func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(delay)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, story)
		})
	}
	site.Serve("/feed.xml", "application/rss+xml", site.RSS("Local Courier", paths...))
	return site
}

func TestFeedCommands(t *testing.T) {
	db := storetest.URL(t)
	env := []string{"DATABASE_URL=" + db}
	steps := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"list with none", []string{"feed", "list"}, 0, "no feeds are followed", ""},
		{"add", []string{"feed", "add", "https://news.example.org/feed.xml", "--every", "2h"}, 0, "following feed 1: https://news.example.org/feed.xml, every 2h; its events wait in the inbox", ""},
		{"add again", []string{"feed", "add", "https://news.example.org/feed.xml"}, 1, "", "is followed already (feed 1)"},
		{"add auto", []string{"feed", "add", "--accept", "auto", "https://wire.example.net/atom"}, 0, "go on the timeline, marked as not reviewed", ""},
		{"too often", []string{"feed", "add", "https://x.example/f", "--every", "10s"}, 1, "", "every: poll between every 1m"},
		{"not the web", []string{"feed", "add", "file:///etc/passwd"}, 1, "", "must be an http or https address"},
		{"a bad --every", []string{"feed", "add", "https://x.example/f", "--every", "often"}, 2, "", "invalid value"},
		{"a bad --accept", []string{"feed", "add", "https://x.example/f", "--accept", "maybe"}, 2, "", "say review or auto"},
		{"add needs an address", []string{"feed", "add"}, 2, "", "feed add URL"},
		{"list", []string{"feed", "list"}, 0, "2h", ""},
		{"remove", []string{"feed", "remove", "1"}, 0, "feed 1 is no longer followed", ""},
		{"remove again", []string{"feed", "remove", "1"}, 1, "", "no feed 1"},
		{"remove needs a number", []string{"feed", "remove", "one"}, 2, "", "not a feed number"},
		{"an unknown action", []string{"feed", "follow"}, 2, "", `unknown action "follow"`},
	}
	for _, tt := range steps {
		t.Run(tt.name, func(t *testing.T) {
			r := datelineEnv(t, env, "", tt.args...)
			if r.code != tt.code || !strings.Contains(r.stdout, tt.stdout) || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", r.code, r.stdout, r.stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
	r := datelineEnv(t, env, "", "feed", "list")
	if strings.Contains(r.stdout, "news.example.org") || !strings.Contains(r.stdout, "wire.example.net") {
		t.Errorf("list after removing feed 1:\n%s", r.stdout)
	}
}

// The promise: feed add, then serve, and the feed's events are on
// the timeline within a minute.
func TestAFeedAddedThenServedReachesTheTimeline(t *testing.T) {
	news := startNews(t, 2, 0)
	db := storetest.URL(t)
	env := []string{"DATABASE_URL=" + db, "DATELINE_FETCH_PRIVATE=1"}
	if r := datelineEnv(t, env, "", "feed", "add", news.URL+"/feed.xml", "--accept", "auto"); r.code != 0 {
		t.Fatalf("feed add: %+v", r)
	}
	started := time.Now()
	s := startDateline(t, env, "serve", "--addr", "127.0.0.1:0", "--workers", "2")
	addr := s.await(t, "listening", "url")
	var page string
	for {
		resp, err := http.Get(addr + "/")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		page = string(b)
		if strings.Count(page, `data-testid="event"`) > 0 {
			break
		}
		if time.Since(started) > time.Minute {
			t.Fatalf("no events on the timeline a minute after serve started:\n%s", s.logText())
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("events on the timeline %s after serve started", time.Since(started).Round(time.Millisecond))
	if !strings.Contains(page, "Not reviewed") || !strings.Contains(page, "Leaders Meet at the Border") {
		t.Errorf("the feed's events are not marked as not reviewed, or lack their source")
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	if code := s.exit(t); code != 0 {
		t.Errorf("exit %d after SIGTERM:\n%s", code, s.logText())
	}
}

// Two worker processes on one database share the jobs: each article is
// fetched once, by one of them, and both do some of the work.
func TestTwoWorkerProcessesShareTheJobs(t *testing.T) {
	const n = 12
	news := startNews(t, n, 150*time.Millisecond)
	db := storetest.URL(t)
	env := []string{"DATABASE_URL=" + db, "DATELINE_FETCH_PRIVATE=1"}
	var workers []*server
	for range 2 {
		w := startDateline(t, env, "work", "--workers", "2")
		w.await(t, "working", "workers")
		workers = append(workers, w)
	}
	if r := datelineEnv(t, env, "", "feed", "add", news.URL+"/feed.xml"); r.code != 0 {
		t.Fatalf("feed add: %+v", r)
	}

	ctx := context.Background()
	conn, err := pgx.Connect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var inbox, queued int
	for deadline := time.Now().Add(time.Minute); ; {
		err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM inbox),
			(SELECT count(*) FROM feed_items WHERE state = 'queued')`).Scan(&inbox, &queued)
		if err != nil {
			t.Fatal(err)
		}
		if inbox == n && queued == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after a minute: %d in the inbox, %d queued", inbox, queued)
		}
		time.Sleep(100 * time.Millisecond)
	}
	for i := range n {
		if c := news.Count(fmt.Sprintf("/story/%d", i)); c != 1 {
			t.Errorf("story %d fetched %d times, want once", i, c)
		}
	}
	if c := news.Count("/feed.xml"); c != 1 {
		t.Errorf("the feed was polled %d times, want once", c)
	}
	read := regexp.MustCompile(`msg="article read" item=(\d+)`)
	byWorker := make([]map[string]bool, len(workers))
	for i, w := range workers {
		w.cmd.Process.Signal(syscall.SIGTERM)
		if code := w.exit(t); code != 0 {
			t.Errorf("worker %d: exit %d after SIGTERM", i, code)
		}
		byWorker[i] = map[string]bool{}
		for _, m := range read.FindAllStringSubmatch(w.logText(), -1) {
			byWorker[i][m[1]] = true
		}
		if len(byWorker[i]) == 0 {
			t.Errorf("worker %d read no article:\n%s", i, w.logText())
		}
	}
	for item := range byWorker[0] {
		if byWorker[1][item] {
			t.Errorf("item %s was read by both workers", item)
		}
	}
	if total := len(byWorker[0]) + len(byWorker[1]); total != n {
		t.Errorf("%d articles read between the workers, want %d", total, n)
	}
	t.Logf("articles read: %d by one worker, %d by the other", len(byWorker[0]), len(byWorker[1]))
}
