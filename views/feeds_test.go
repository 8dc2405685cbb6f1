package views

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/fetch"
	"github.com/dateline/dateline/store/fetch/fetchtest"
	"github.com/dateline/dateline/store/work"
	"github.com/dateline/dateline/timeline"
)

// followingSite is a site whose server works the job queue.
func followingSite(t *testing.T) *site {
	t.Helper()
	s := newSite(t)
	s.server.opts.Follow = startQueue(t, s.store)
	return s
}

// startQueue works the job queue over st until the test ends, fetching
// from 127.0.0.1 only (every other address counts as private), with
// quick retries.
func startQueue(t *testing.T, st *store.Store) *work.Queue {
	t.Helper()
	q, err := work.New(st, work.Options{
		Workers: 2, MaxAttempts: 2, RetryBase: 50 * time.Millisecond, SweepEvery: time.Hour,
		Fetch: fetch.Options{Allow: func(a netip.Addr) bool { return a == netip.MustParseAddr("127.0.0.1") }, Timeout: 300 * time.Millisecond},
		Log:   slog.New(slog.DiscardHandler),
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

// feedEntry is the feed's entry on the Feeds page once its poll and its
// items' fetches are done (nothing "being fetched", no retry pending).
func (s *site) settledFeed(url string, polledAfter time.Time) *goquery.Selection {
	s.t.Helper()
	for deadline := time.Now().Add(20 * time.Second); ; {
		f := s.feedEntry(url)
		polled := f.Find(`[data-testid=feed-polled]`).Text()
		t, _ := time.Parse("2 Jan 2006, 15:04 UTC", polled)
		busy := strings.Contains(f.Text(), "being fetched") || strings.Contains(f.Text(), "trying again")
		// The page shows minutes: a poll in this minute counts.
		if polled != "never" && !t.Before(polledAfter.UTC().Truncate(time.Minute)) && !busy || f.Find(`[data-testid=feed-error]`).Length() > 0 && !busy {
			return f
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the feed %s did not settle: %q", url, f.Text())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *site) feedEntry(url string) *goquery.Selection {
	s.t.Helper()
	var found *goquery.Selection
	s.get("/feeds").find(`[data-testid=feed]`).Each(func(_ int, f *goquery.Selection) {
		if href, _ := f.Find(`[data-testid=feed-name]`).Attr("href"); href == url {
			found = f
		}
	})
	if found == nil {
		s.t.Fatalf("no feed %s on the Feeds page", url)
	}
	return found
}

func TestAFollowedFeedsEventsWaitInTheInboxThenReachTheTimeline(t *testing.T) {
	s := followingSite(t)
	news := fetchtest.NewSite(t)
	news.Serve("/grain.txt", "text/plain; charset=utf-8", string(article(t, "grain-corridor.txt")))
	news.Serve("/summit.html", "text/html; charset=utf-8", string(article(t, "border-summit.html")))
	news.Serve("/feed.xml", "application/rss+xml", news.RSS("Wire Service", "/grain.txt", "/summit.html"))

	start := time.Now()
	feedURL := news.URL + "/feed.xml"
	added := s.post("/feeds", url.Values{"url": {feedURL}, "every": {"1h"}, "accept": {"review"}}, nil)
	if got := s.follow(added).text(`[data-testid=notice]`); !strings.Contains(got, "The feed is followed") {
		t.Errorf("notice = %q", got)
	}
	f := s.settledFeed(feedURL, start)
	if got := f.Find(`[data-testid=feed-counts]`).Text(); !strings.Contains(got, "2 in the inbox") {
		t.Errorf("counts = %q", got)
	}
	if got := f.Find(`[data-testid=feed-name]`).Text(); got != "Wire Service" {
		t.Errorf("feed name = %q", got)
	}
	if n := s.get("/").find(`[data-testid=event]`).Length(); n != 0 {
		t.Fatalf("%d events on the timeline before review", n)
	}

	// The inbox lists both articles under their feed; one opens in the
	// review page, and accepting it puts its events on the timeline.
	inbox := s.get("/inbox")
	if n := inbox.find(`[data-testid=inbox-feed] [data-testid=inbox-article]`).Length(); n != 2 {
		t.Fatalf("%d articles in the inbox, want 2", n)
	}
	var reviewURL string
	inbox.find(`[data-testid=inbox-review]`).Each(func(_ int, a *goquery.Selection) {
		if strings.Contains(a.Text(), "Grain Corridor") {
			reviewURL, _ = a.Attr("href")
		}
	})
	review := s.get(reviewURL)
	if got := review.text(`[data-testid=inbox-lead]`); !strings.Contains(got, "Wire Service") {
		t.Errorf("the review does not say where the article came from: %q", got)
	}
	findCandidate(t, review, "strike", "2024-03-02")
	tl := s.follow(s.post(review.formAction(`[data-testid=review-form]`), formValues(review.doc, `[data-testid=review-form]`), nil))
	if got := tl.text(`[data-testid=notice]`); !strings.Contains(got, "on the timeline") {
		t.Errorf("notice after accepting = %q", got)
	}
	if tl.find(`[data-testid=event]`).Length() == 0 {
		t.Fatal("no events on the timeline after accepting")
	}
	if s.get("/inbox").find(`[data-testid=inbox-article]`).Length() != 1 {
		t.Error("the accepted article is still in the inbox")
	}
	// The same review sent again saves nothing twice.
	again := s.follow(s.post(review.formAction(`[data-testid=review-form]`), formValues(review.doc, `[data-testid=review-form]`), nil))
	if got := again.text(`[data-testid=notice]`); !strings.Contains(got, "no longer waiting") {
		t.Errorf("accepting twice: notice = %q", got)
	}

	// The rest of the feed's inbox, all at once.
	before := len(s.get("/?limit=500").find(`[data-testid=event]`).Nodes)
	done := s.follow(s.post("/feeds/"+feedID(t, f)+"/accept-all", url.Values{}, nil))
	if got := done.text(`[data-testid=notice]`); !strings.HasPrefix(got, "1 article with") {
		t.Errorf("notice after adding all = %q", got)
	}
	after := len(s.get("/?limit=500").find(`[data-testid=event]`).Nodes)
	if after <= before {
		t.Errorf("%d events before adding the summit, %d after", before, after)
	}

	// A second poll (the feed unchanged: 304), and a third with the feed
	// rewritten (its ETag changes) listing the same two: nothing stored
	// twice, no page fetched twice.
	for _, change := range []func(){
		func() {},
		func() {
			news.Serve("/feed.xml", "application/rss+xml", news.RSS("Wire Service", "/summit.html", "/grain.txt")+" ")
		},
	} {
		change()
		polled := time.Now()
		time.Sleep(time.Second) // let the last poll's job finish, so this one is not folded into it
		if got := s.follow(s.post("/feeds/"+feedID(t, f)+"/poll", url.Values{}, nil)).text(`[data-testid=notice]`); !strings.Contains(got, "looked at") {
			t.Errorf("notice after Look now = %q", got)
		}
		s.settledFeed(feedURL, polled)
	}
	for deadline := time.Now().Add(10 * time.Second); news.Count("/feed.xml") < 3 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	if n := news.Count("/feed.xml"); n != 3 {
		t.Errorf("the feed was fetched %d times, want 3", n)
	}
	for _, p := range []string{"/grain.txt", "/summit.html"} {
		if n := news.Count(p); n != 1 {
			t.Errorf("%s fetched %d times, want once", p, n)
		}
	}
	if got := s.feedEntry(feedURL).Find(`[data-testid=feed-counts]`).Text(); !strings.Contains(got, "2 added") {
		t.Errorf("counts after more polls = %q", got)
	}
	if n := len(s.get("/?limit=500").find(`[data-testid=event]`).Nodes); n != after {
		t.Errorf("%d events after polling again, want %d", n, after)
	}
}

func TestFeedFailuresShowOnTheFeedsPageWithTheirReason(t *testing.T) {
	s := followingSite(t)
	news := fetchtest.NewSite(t)
	news.Handle("/slow.html", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	news.Handle("/moved.html", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://127.0.0.2:9/latest/meta-data/", http.StatusFound)
	})
	news.Serve("/feed.xml", "application/rss+xml", news.RSS("Wire Service", "/slow.html", "/gone.html", "/moved.html"))
	news.Serve("/home.html", "text/html", "<!DOCTYPE html><html><head><title>Home</title></head><body>News</body></html>")

	start := time.Now()
	for _, path := range []string{"/feed.xml", "/home.html"} {
		s.follow(s.post("/feeds", url.Values{"url": {news.URL + path}, "every": {"1h"}, "accept": {"review"}}, nil))
	}
	notFeed := s.settledFeed(news.URL+"/home.html", start)
	if got := notFeed.Find(`[data-testid=feed-error]`).Text(); !strings.Contains(got, "not a feed (RSS, Atom or JSON Feed): it is a web page (HTML)") {
		t.Errorf("a feed that is not XML: %q", got)
	}
	f := s.settledFeed(news.URL+"/feed.xml", start)
	if got := f.Find(`[data-testid=feed-counts]`).Text(); !strings.Contains(got, "3 failed") {
		t.Errorf("counts = %q", got)
	}
	want := map[string]string{
		"/slow.html":  "the server did not answer in time (after 2 tries)",
		"/gone.html":  "the server answered 404 Not Found",
		"/moved.html": "the address is on a private network",
	}
	f.Find(`[data-testid=feed-problem]`).Each(func(_ int, p *goquery.Selection) {
		href, _ := p.Find(`[data-testid=problem-url]`).Attr("href")
		path := strings.TrimPrefix(href, news.URL)
		if got := p.Find(`[data-testid=problem-reason]`).Text(); !strings.Contains(got, want[path]) {
			t.Errorf("%s: reason %q, want %q", path, got, want[path])
		}
		if p.Find(`[data-testid=retry]`).Length() != 1 {
			t.Errorf("%s: no way to try again", path)
		}
		delete(want, path)
	})
	if len(want) != 0 {
		t.Errorf("no failure shown for %v", want)
	}

	// Bad input is explained next to its field, and nothing is followed.
	tests := []struct {
		form  url.Values
		field string
		says  string
	}{
		{url.Values{"url": {"ftp://example.org/feed"}, "every": {"1h"}, "accept": {"review"}}, "url", "http or https"},
		{url.Values{"url": {news.URL + "/feed.xml"}, "every": {"1h"}, "accept": {"review"}}, "url", "is followed already"},
		{url.Values{"url": {news.URL + "/other.xml"}, "every": {"10s"}, "accept": {"review"}}, "every", "between every 1m"},
		{url.Values{"url": {news.URL + "/other.xml"}, "every": {"soon"}, "accept": {"review"}}, "every", "how often"},
		{url.Values{"url": {news.URL + "/other.xml"}, "every": {"1h"}, "accept": {"maybe"}}, "accept", "review"},
	}
	for _, tt := range tests {
		p := s.post("/feeds", tt.form, nil)
		if p.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(p.text(`[data-testid=error-`+tt.field+`]`), tt.says) {
			t.Errorf("%v: %d, %s error %q; want 422 saying %q", tt.form, p.StatusCode, tt.field, p.text(`[data-testid=error-`+tt.field+`]`), tt.says)
		}
	}
	if n := s.get("/feeds").find(`[data-testid=feed]`).Length(); n != 2 {
		t.Errorf("%d feeds followed, want 2", n)
	}

	// Stop following: the feed goes, with its failures.
	s.follow(s.post("/feeds/"+feedID(t, f)+"/delete", url.Values{}, nil))
	if n := s.get("/feeds").find(`[data-testid=feed]`).Length(); n != 1 {
		t.Errorf("%d feeds after stopping one, want 1", n)
	}
}

func feedID(t *testing.T, f *goquery.Selection) string {
	id, ok := f.Attr("data-id")
	if !ok {
		t.Fatal("a feed without its id")
	}
	return id
}

// formAction is where the form sel posts to.
func (p response) formAction(sel string) string {
	a, _ := p.find(sel).Attr("action")
	return a
}

func TestUnreviewedEventsAreMarked(t *testing.T) {
	s := newSite(t)
	e := handEvent(t, timeline.KindMeeting, "2025-07-01", "Leaders meet")
	e.Unreviewed = true
	e = s.create(e)
	if got := s.get("/").text(`[data-testid=unreviewed-marker]`); got != "Not reviewed" {
		t.Errorf("timeline marker = %q", got)
	}
	if got := s.get(fmt.Sprintf("/events/%d", e.ID)).text(`[data-testid=unreviewed-marker]`); got != "Not reviewed" {
		t.Errorf("event page marker = %q", got)
	}
}
