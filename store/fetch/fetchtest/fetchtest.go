// Package fetchtest is a news site for tests of fetching and following:
// an httptest server whose pages and feeds a test sets, that answers
// conditional GETs and counts what it is asked.
package fetchtest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Site is a news site on 127.0.0.1, closed when the test ends.
type Site struct {
	*httptest.Server
	mu     sync.Mutex
	hits   map[string]int
	routes map[string]http.HandlerFunc
}

// NewSite starts a site with no pages: every path is a 404 until set.
func NewSite(t testing.TB) *Site {
	t.Helper()
	s := &Site{hits: map[string]int{}, routes: map[string]http.HandlerFunc{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		h := s.routes[r.URL.Path]
		s.mu.Unlock()
		if h == nil {
			http.NotFound(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// Handle answers path with h.
func (s *Site) Handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[path] = h
}

// Serve answers path with body, with an ETag of its content: a
// conditional GET for the same body gets 304 Not Modified, as from most
// servers.
func (s *Site) Serve(path, contentType, body string) {
	sum := sha256.Sum256([]byte(body))
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	s.Handle(path, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, body)
	})
}

// Count is how many requests path has had.
func (s *Site) Count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// RSS is an RSS 2.0 feed titled title, with one item per path of this
// site (its guid the path).
func (s *Site) RSS(title string, paths ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>%s</title>`, title)
	for _, p := range paths {
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s%s</link><guid>%s</guid></item>`, p, s.URL, p, p)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}
