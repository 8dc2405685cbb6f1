package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/dateline/dateline/store/storetest"
)

// Two servers on one database behave as one site behind a load balancer:
// a browser signed in on one is signed in on the other, a form from one is
// accepted by the other, what one stores the other shows, and both give
// the calendar feed the same version. (Both listen on 127.0.0.1, so one
// cookie jar serves both, as one host name would.)
func TestTwoServersAreOneSite(t *testing.T) {
	dbURL := storetest.URL(t)
	if r := datelineIn(t, dbURL, "a long enough password\n", "user", "add", "ana"); r.code != 0 {
		t.Fatalf("user add: %d %s", r.code, r.stderr)
	}
	var addrs []string
	for range 2 {
		s := startServer(t, dbURL, "--addr", "127.0.0.1:0")
		addrs = append(addrs, s.await(t, "listening", "url"))
		t.Cleanup(func() { s.cmd.Process.Signal(syscall.SIGTERM) })
	}
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	browser := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(addr, path string) (*http.Response, string) {
		t.Helper()
		resp, err := browser.Get(addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	token := func(page string) string {
		t.Helper()
		m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no form token in %.300s", page)
		}
		return m[1]
	}
	post := func(addr, path string, form url.Values) *http.Response {
		t.Helper()
		resp, err := browser.PostForm(addr+path, form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}

	_, page := get(addrs[0], "/login")
	if resp := post(addrs[0], "/login", url.Values{"name": {"ana"}, "password": {"a long enough password"}, "next": {"/"}, "csrf": {token(page)}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in on the first server: %d", resp.StatusCode)
	}
	resp, page := get(addrs[1], "/events/new")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the second server does not know the session: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	event := url.Values{"date": {"2025-07-04"}, "kind": {"meeting"}, "title": {"Leaders meet in Oslo"},
		"actor": {"Norway"}, "status": {"reported"}, "csrf": {token(page)}}
	if resp := post(addrs[1], "/events", event); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("an event by hand on the second server: %d", resp.StatusCode)
	}
	if _, page := get(addrs[0], "/"); !strings.Contains(page, "Leaders meet in Oslo") {
		t.Error("the first server does not show the event the second stored")
	}
	var tags []string
	for _, addr := range addrs {
		resp, _ := get(addr, "/calendar.ics")
		tags = append(tags, resp.Header.Get("ETag"))
	}
	if tags[0] == "" || tags[0] != tags[1] {
		t.Errorf("calendar versions %q and %q, want one", tags[0], tags[1])
	}
}
