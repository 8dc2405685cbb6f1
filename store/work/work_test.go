package work_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/fetch"
	"github.com/dateline/dateline/store/fetch/fetchtest"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/store/work"
	"github.com/dateline/dateline/timeline"
)

func testArticle(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// only127 lets the queue reach the test servers on 127.0.0.1 and treats
// every other address as private.
func only127(a netip.Addr) bool { return a == netip.MustParseAddr("127.0.0.1") }

func startQueue(t *testing.T, st *store.Store) *work.Queue {
	t.Helper()
	q, err := work.New(st, work.Options{
		Workers: 2, Fetch: fetch.Options{Allow: only127, Timeout: 300 * time.Millisecond},
		MaxAttempts: 2, RetryBase: 50 * time.Millisecond, SweepEvery: time.Hour,
		Log: slog.New(slog.NewTextHandler(testWriter{t}, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		q.Stop(ctx)
	})
	return q
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// settled waits until the feed has been polled and none of its items is
// queued, and returns it.
func settled(t *testing.T, st *store.Store, feedID int64, after time.Time) timeline.Feed {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		f, err := st.Feed(context.Background(), feedID)
		if err != nil {
			t.Fatal(err)
		}
		done := (f.Polled.After(after) || f.Failed.After(after)) && f.Items[timeline.ItemQueued] == 0
		if done && !strings.Contains(f.Error, "trying again") {
			return f
		}
		if time.Now().After(deadline) {
			t.Fatalf("feed %d did not settle: %+v", feedID, f)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// pollNow polls the feed once more, waiting for the last poll's job to
// be done.
func pollNow(t *testing.T, q *work.Queue, feedID int64) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; {
		queued, err := q.PollNow(context.Background(), feedID)
		if err != nil {
			t.Fatal(err)
		}
		if queued {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the last poll is still running after 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func countEvents(t *testing.T, st *store.Store) int {
	t.Helper()
	total, _, err := st.CountEvents(context.Background(), timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return total
}

func TestAFeedsArticlesWaitInTheInboxAndAreStoredOnce(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	news := fetchtest.NewSite(t)
	news.Serve("/grain.txt", "text/plain; charset=utf-8", testArticle(t, "grain-corridor.txt"))
	news.Serve("/summit.html", "text/html; charset=utf-8", testArticle(t, "border-summit.html"))
	news.Serve("/feed.xml", "application/rss+xml", news.RSS("The Test Courier", "/grain.txt", "/summit.html"))
	q := startQueue(t, st)

	start := time.Now()
	f := timeline.Feed{URL: news.URL + "/feed.xml", Every: time.Hour, Accept: timeline.AcceptReview}
	if err := q.AddFeed(ctx, &f); err != nil {
		t.Fatal(err)
	}
	got := settled(t, st, f.ID, start)
	if got.Items[timeline.ItemInbox] != 2 || got.Title != "The Test Courier" || got.Error != "" {
		t.Fatalf("after the first poll: %+v", got)
	}
	inbox, err := st.Inbox(ctx)
	if err != nil || len(inbox) != 2 {
		t.Fatalf("inbox: %d articles, %v", len(inbox), err)
	}
	if n := countEvents(t, st); n != 0 {
		t.Errorf("%d events on the timeline before anyone accepted them", n)
	}

	// Polled again: the feed has not changed (304), then it has, with one
	// item more and the same two; nothing is fetched or stored twice.
	for _, change := range []func(){
		func() {},
		func() {
			news.Serve("/odesa.txt", "text/plain", testArticle(t, "odesa-port.txt"))
			news.Serve("/feed.xml", "application/rss+xml", news.RSS("The Test Courier", "/odesa.txt", "/grain.txt", "/summit.html"))
		},
	} {
		change()
		before := time.Now()
		pollNow(t, q, f.ID)
		settled(t, st, f.ID, before)
	}
	if got := news.Count("/feed.xml"); got != 3 {
		t.Errorf("the feed was fetched %d times, want 3", got)
	}
	for _, p := range []string{"/grain.txt", "/summit.html", "/odesa.txt"} {
		if n := news.Count(p); n != 1 {
			t.Errorf("%s fetched %d times, want once", p, n)
		}
	}
	if inbox, _ = st.Inbox(ctx); len(inbox) != 3 {
		t.Errorf("%d articles in the inbox, want 3", len(inbox))
	}

	// The same feed twice is refused; a second feed listing the same
	// article finds it waiting already.
	if err := q.AddFeed(ctx, &timeline.Feed{URL: f.URL, Every: time.Hour, Accept: timeline.AcceptReview}); timeline.FieldErrors(err) == nil {
		t.Errorf("the same feed added twice: %v", err)
	}
	news.Serve("/other.xml", "application/rss+xml", news.RSS("The Test Courier", "/grain.txt"))
	other := timeline.Feed{URL: news.URL + "/other.xml", Every: time.Hour, Accept: timeline.AcceptReview}
	before := time.Now()
	if err := q.AddFeed(ctx, &other); err != nil {
		t.Fatal(err)
	}
	if got := settled(t, st, other.ID, before); got.Items[timeline.ItemKnown] != 1 {
		t.Errorf("the other feed's copy: %+v, want known", got.Items)
	}

	// Accepting the feed's inbox puts its events on the timeline.
	articles, events, err := st.AcceptFeedInbox(ctx, f.ID)
	if err != nil || articles != 3 || events == 0 {
		t.Fatalf("accept all: %d articles, %d events, %v", articles, events, err)
	}
	if n := countEvents(t, st); n == 0 {
		t.Error("no events on the timeline after accepting")
	}
	if inbox, _ = st.Inbox(ctx); len(inbox) != 0 {
		t.Errorf("%d articles still waiting", len(inbox))
	}
}

func TestAutoAcceptedEventsAreOnTheTimelineUnreviewed(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	news := fetchtest.NewSite(t)
	news.Serve("/summit.html", "text/html", testArticle(t, "border-summit.html"))
	news.Serve("/feed.json", "application/feed+json", fmt.Sprintf(
		`{"version":"https://jsonfeed.org/version/1.1","title":"JSON Courier","items":[{"id":"1","url":"%s/summit.html"}]}`, news.URL))
	q := startQueue(t, st)
	f := timeline.Feed{URL: news.URL + "/feed.json", Every: time.Hour, Accept: timeline.AcceptAuto}
	start := time.Now()
	if err := q.AddFeed(ctx, &f); err != nil {
		t.Fatal(err)
	}
	if got := settled(t, st, f.ID, start); got.Items[timeline.ItemAdded] != 1 {
		t.Fatalf("items: %+v", got.Items)
	}
	page, err := st.Events(ctx, timeline.Filter{})
	if err != nil || len(page.Events) == 0 {
		t.Fatalf("timeline: %d events, %v", len(page.Events), err)
	}
	for _, e := range page.Events {
		if !e.Unreviewed {
			t.Errorf("%q is not marked as not reviewed", e.Title)
		}
	}
	e := page.Events[0]
	if err := st.UpdateEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if e, _ = st.Event(ctx, e.ID); e.Unreviewed {
		t.Error("an edited event is still marked as not reviewed")
	}
}

func TestFailuresEndWithTheirReason(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	news := fetchtest.NewSite(t)
	news.Handle("/slow.html", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	news.Handle("/elsewhere.html", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://127.0.0.2:9/latest/meta-data/", http.StatusFound)
	})
	news.Serve("/feed.xml", "application/rss+xml", news.RSS("The Test Courier", "/slow.html", "/gone.html", "/elsewhere.html"))
	news.Serve("/page.html", "text/html", "<!DOCTYPE html><html><body>Home</body></html>")
	q := startQueue(t, st)

	items := timeline.Feed{URL: news.URL + "/feed.xml", Every: time.Hour, Accept: timeline.AcceptReview}
	notFeed := timeline.Feed{URL: news.URL + "/page.html", Every: time.Hour, Accept: timeline.AcceptReview}
	missing := timeline.Feed{URL: news.URL + "/nothing.xml", Every: time.Hour, Accept: timeline.AcceptReview}
	start := time.Now()
	for _, f := range []*timeline.Feed{&items, &notFeed, &missing} {
		if err := q.AddFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	if f := settled(t, st, notFeed.ID, start); !strings.Contains(f.Error, "not a feed") || !strings.Contains(f.Error, "web page (HTML)") {
		t.Errorf("a page that is not a feed: %q", f.Error)
	}
	if f := settled(t, st, missing.ID, start); f.Error != "the server answered 404 Not Found" {
		t.Errorf("a missing feed: %q", f.Error)
	}
	if f := settled(t, st, items.ID, start); f.Items[timeline.ItemFailed] != 3 || f.Error != "" {
		t.Fatalf("items: %+v, error %q", f.Items, f.Error)
	}
	problems, err := st.FeedProblems(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"/slow.html":      "the server did not answer in time (after 2 tries)",
		"/gone.html":      "the server answered 404 Not Found",
		"/elsewhere.html": "private network",
	}
	for _, it := range problems[items.ID] {
		path := strings.TrimPrefix(it.URL, news.URL)
		if !strings.Contains(it.Error, want[path]) || it.State != timeline.ItemFailed {
			t.Errorf("%s: %s %q, want failed saying %q", path, it.State, it.Error, want[path])
		}
		delete(want, path)
	}
	if len(want) != 0 {
		t.Errorf("no failure shown for %v", want)
	}
	if n := news.Count("/slow.html"); n != 2 {
		t.Errorf("the slow page was tried %d times, want 2 (retried once)", n)
	}
	if n := news.Count("/gone.html"); n != 1 {
		t.Errorf("the missing page was tried %d times, want once: a 404 is not retried", n)
	}

	// A failed item can be tried again, and then succeed.
	news.Serve("/gone.html", "text/html", testArticle(t, "border-summit.html"))
	for _, it := range problems[items.ID] {
		if strings.HasSuffix(it.URL, "/gone.html") {
			before := time.Now()
			if err := q.RetryItem(ctx, it.ID); err != nil {
				t.Fatal(err)
			}
			for time.Since(before) < 10*time.Second {
				if f, _ := st.Feed(ctx, items.ID); f.Items[timeline.ItemInbox] == 1 {
					return
				}
				time.Sleep(50 * time.Millisecond)
			}
			t.Error("the retried item did not reach the inbox")
		}
	}
}
