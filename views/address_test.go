package views

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/store/fetch"
)

// newsSite serves articles the way a news site would: the border summit
// page in windows-1252 behind a redirect, a missing page, a slow one.
func newsSite(t *testing.T) *httptest.Server {
	t.Helper()
	page := strings.Replace(string(article(t, "border-summit.html")), `<meta charset="utf-8">`, `<meta charset="windows-1252">`, 1)
	page = strings.Replace(page, "talks on the border.", "talks on the border \x96 the first since May.", 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/summit":
			http.Redirect(w, r, "/2023/09/08/summit.html", http.StatusMovedPermanently)
		case "/2023/09/08/summit.html":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(page))
		case "/slow":
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestAnArticleGivenByItsAddressIsFetchedAndReviewed(t *testing.T) {
	s := newSite(t)
	news := newsSite(t)
	s.server.fetchPage = fetch.New(fetch.Options{Allow: fetch.AllowAll, Timeout: 500 * time.Millisecond}).Page

	p := s.post("/articles", url.Values{"url": {news.URL + "/summit"}}, nil)
	if p.StatusCode != http.StatusOK || p.find(`[data-testid=review-form]`).Length() == 0 {
		t.Fatalf("POST /articles with an address = %d; page says %q", p.StatusCode, p.text("main"))
	}
	if got := p.text(`[data-testid=published-source]`); !strings.Contains(got, "8 September 2023") || !strings.Contains(got, "metadata") {
		t.Errorf("the fetched page's date: %q", got)
	}
	if v, _ := p.find(`input#url`).Attr("value"); v != news.URL+"/2023/09/08/summit.html" {
		t.Errorf("address kept as %q, want where the redirect led", v)
	}
	meeting := findCandidate(t, p, "meeting", "2023-09-07")
	if q := meeting.Find(`[data-testid=candidate-context]`).Text(); !strings.Contains(q, "border – the first since May") {
		t.Errorf("the windows-1252 dash was not decoded: %q", q)
	}
	tl := s.follow(s.post("/articles/accept", formValues(p.doc, `[data-testid=review-form]`), nil))
	if got := tl.text(`[data-testid=event-source]`); !strings.Contains(got, "Leaders Meet at the Border") {
		t.Errorf("source on the timeline = %q", got)
	}
	// The same address again is the same article: recognised.
	again := s.follow(s.post("/articles", url.Values{"url": {news.URL + "/summit"}}, nil))
	if got := again.text(`[data-testid=notice]`); !strings.Contains(got, "You added this article before") {
		t.Errorf("second fetch: notice = %q", got)
	}
}

func TestAnAddressThatCannotBeFetchedIsAFieldError(t *testing.T) {
	s := newSite(t)
	news := newsSite(t)
	allowAll := fetch.New(fetch.Options{Allow: fetch.AllowAll, Timeout: 300 * time.Millisecond}).Page
	publicOnly := fetch.New(fetch.Options{}).Page
	tests := []struct {
		name string
		url  string
		says string
	}{
		{"a missing page", news.URL + "/gone", "could not get the page: the server answered 404 Not Found"},
		{"a page that does not come", news.URL + "/slow", "did not answer in time"},
		{"a private address, by default", news.URL + "/summit", "private network"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.server.fetchPage = allowAll
			if strings.Contains(tt.name, "private") {
				s.server.fetchPage = publicOnly
			}
			p := s.post("/articles", url.Values{"url": {tt.url}}, nil)
			if p.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", p.StatusCode)
			}
			if msg := p.text(`[data-testid=error-url]`); !strings.Contains(msg, tt.says) {
				t.Errorf("url error = %q, want it to say %q", msg, tt.says)
			}
			if v, _ := p.find(`input#url`).Attr("value"); v != tt.url {
				t.Errorf("the address is not kept in the form: %q", v)
			}
		})
	}
}
