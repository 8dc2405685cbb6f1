package views

import (
	"context"
	"crypto/tls"
	"fmt"
	"github.com/PuerkitoBio/goquery"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline/auth"

	"github.com/dateline/dateline/timeline"
)

// password is the password of the test users.
const password = "a long enough password"

// addUser adds a user straight to the store, as "dateline user add" does.
func (s *site) addUser(name string) {
	s.t.Helper()
	hash, err := auth.HashPassword(password)
	if err != nil {
		s.t.Fatal(err)
	}
	if _, err := s.store.AddUser(context.Background(), name, hash); err != nil {
		s.t.Fatal(err)
	}
}

// signIn signs the site's client in through the sign-in form.
func (s *site) signIn(name, pw string) response {
	s.t.Helper()
	return s.postForm("/login", url.Values{"name": {name}, "password": {pw}, "next": {"/"}})
}

// siteWith is newSite with options.
func siteWith(t *testing.T, opts Options) *site {
	t.Helper()
	s := newSite(t)
	srv := New(s.store, slog.New(slog.DiscardHandler), opts)
	srv.now = s.server.now
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	s.url, s.server = ts.URL, srv
	return s
}

func TestEveryResponseCarriesTheSecurityHeaders(t *testing.T) {
	s := newSite(t)
	s.create(handEvent(t, timeline.KindCall, "2025-07-03", "A call", "Ana"))
	want := map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "same-origin",
		"X-Frame-Options":        "DENY",
	}
	for _, path := range []string{"/", "/events/new", "/login", "/static/style.css", "/static/dateline.js", "/healthz", "/calendar.ics", "/nowhere", "/?from=2025-02-30"} {
		t.Run(path, func(t *testing.T) {
			p := s.get(path)
			for k, v := range want {
				if got := p.Header.Get(k); got != v {
					t.Errorf("%s: %q, want %q", k, got, v)
				}
			}
			csp := p.Header.Get("Content-Security-Policy")
			for _, directive := range []string{"script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "style-src 'self'"} {
				if !strings.Contains(csp, directive) {
					t.Errorf("CSP %q lacks %q", csp, directive)
				}
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
				t.Errorf("CSP %q allows inline code", csp)
			}
		})
	}
}

// The pages obey their own policy: no inline script, no event-handler
// attribute, no inline style, no javascript: link.
func TestPagesHaveNoInlineScriptOrStyle(t *testing.T) {
	s := newSite(t)
	e := s.create(handEvent(t, timeline.KindCall, "2025-07-03", "A call", "Ana"))
	for _, path := range []string{"/", "/articles/new", "/articles/new?example=1", "/events/new", fmt.Sprintf("/events/%d", e.ID),
		fmt.Sprintf("/events/%d/edit", e.ID), fmt.Sprintf("/events/%d/delete", e.ID), "/login", "/export", "/nowhere"} {
		p := s.get(path)
		p.find("script").Each(func(_ int, sc *goquery.Selection) {
			if src, _ := sc.Attr("src"); src == "" || strings.TrimSpace(sc.Text()) != "" {
				t.Errorf("%s has an inline script", path)
			}
		})
		if n := p.find("style, [style]").Length(); n > 0 {
			t.Errorf("%s has %d inline styles", path, n)
		}
		p.find("*").Each(func(_ int, el *goquery.Selection) {
			for _, a := range el.Nodes[0].Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("%s: <%s %s=...> is an inline event handler", path, goquery.NodeName(el), a.Key)
				}
				if (a.Key == "href" || a.Key == "action" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					t.Errorf("%s: %s=%q", path, a.Key, a.Val)
				}
			}
		})
	}
}

func TestChangesNeedASignedInUserOnceAUserExists(t *testing.T) {
	s := newSite(t)
	e := s.create(handEvent(t, timeline.KindCall, "2025-07-03", "A call", "Ana"))
	newEvent := url.Values{"date": {"2025-07-04"}, "kind": {"meeting"}, "title": {"Leaders meet"}, "actor": {"Ana"}, "status": {"reported"}}

	// With no user, this machine's Dateline is open.
	if p := s.postForm("/events", newEvent); p.StatusCode != http.StatusSeeOther {
		t.Fatalf("open Dateline refused a new event: %d %s", p.StatusCode, p.text("main"))
	}
	s.addUser("Ana Lopez")

	changes := []struct {
		method, path string
	}{
		{"GET", "/articles/new"},
		{"POST", "/articles"},
		{"POST", "/articles/accept"},
		{"GET", "/events/new"},
		{"POST", "/events"},
		{"GET", fmt.Sprintf("/events/%d/edit", e.ID)},
		{"POST", fmt.Sprintf("/events/%d", e.ID)},
		{"GET", fmt.Sprintf("/events/%d/delete", e.ID)},
		{"POST", fmt.Sprintf("/events/%d/delete", e.ID)},
	}
	for _, c := range changes {
		t.Run(c.method+" "+c.path+" sends a visitor to sign in", func(t *testing.T) {
			var p response
			if c.method == "GET" {
				p = s.get(c.path)
			} else {
				p = s.postForm(c.path, newEvent)
			}
			loc := p.Header.Get("Location")
			if p.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/login?next=") {
				t.Errorf("%d to %q, want 303 to the sign-in page", p.StatusCode, loc)
			}
			if c.method == "GET" && loc != "/login?next="+url.QueryEscape(c.path) {
				t.Errorf("sign-in does not lead back: %q", loc)
			}
		})
	}
	if got, _ := s.store.Event(context.Background(), e.ID); got.Title != "A call" {
		t.Errorf("the event changed without a user: %+v", got)
	}
	for _, path := range []string{"/", fmt.Sprintf("/events/%d", e.ID), "/export.json", "/calendar.ics", "/dates/parse?q=today"} {
		if p := s.get(path); p.StatusCode != http.StatusOK {
			t.Errorf("reading %s needs no user, but answered %d", path, p.StatusCode)
		}
	}

	// Signed in, the same changes go through.
	if p := s.signIn("ana lopez", password); p.StatusCode != http.StatusSeeOther || p.Header.Get("Location") != "/" {
		t.Fatalf("sign-in: %d %q %s", p.StatusCode, p.Header.Get("Location"), p.text("main"))
	}
	if got := s.get("/").text(`[data-testid=signed-in-user]`); got != "Ana Lopez" {
		t.Errorf("the header shows %q signed in", got)
	}
	if p := s.postForm("/events", newEvent); p.StatusCode != http.StatusSeeOther {
		t.Errorf("signed in, a new event: %d %s", p.StatusCode, p.text("main"))
	}
	if p := s.postForm(fmt.Sprintf("/events/%d/delete", e.ID), nil); p.StatusCode != http.StatusSeeOther {
		t.Errorf("signed in, deleting: %d %s", p.StatusCode, p.text("main"))
	}

	// Signing out ends the session on the server too: the old cookie is
	// worth nothing.
	u, _ := url.Parse(s.url)
	cookies := s.client.Jar.Cookies(u)
	if p := s.postForm("/logout", nil); p.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-out: %d", p.StatusCode)
	}
	if p := s.get("/events/new"); p.StatusCode != http.StatusSeeOther {
		t.Errorf("after signing out, the event form: %d", p.StatusCode)
	}
	s.client = newClient(t)
	s.client.Jar.SetCookies(u, cookies)
	if p := s.get("/events/new"); p.StatusCode != http.StatusSeeOther {
		t.Errorf("the session cookie still works after signing out: %d", p.StatusCode)
	}
}

func TestANetworkServerWithoutUsersLetsNoOneChangeAnything(t *testing.T) {
	s := siteWith(t, Options{RequireSignIn: true})
	if p := s.get("/events/new"); p.StatusCode != http.StatusSeeOther {
		t.Errorf("event form: %d, want 303 to sign in", p.StatusCode)
	}
	if p := s.get("/login"); p.find(`[data-testid=login-no-users]`).Length() == 0 {
		t.Errorf("the sign-in page does not say that no one can sign in: %s", p.text("main"))
	}
}

func TestChangesWithoutTheFormTokenAreRefused(t *testing.T) {
	s := newSite(t)
	e := s.create(handEvent(t, timeline.KindCall, "2025-07-03", "A call", "Ana"))
	otherBrowser := newSite(t)
	stolen := otherBrowser.withToken(url.Values{}).Get("csrf")
	tests := []struct {
		name  string
		token string
	}{
		{"no token", "-"},
		{"a made-up token", "AAAA"},
		{"another browser's token", stolen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := s.postForm(fmt.Sprintf("/events/%d/delete", e.ID), url.Values{"csrf": {tt.token}})
			if p.StatusCode != http.StatusForbidden || !strings.Contains(p.text(`[data-testid=error]`), "reload the page") {
				t.Errorf("%d %q, want 403 saying to reload", p.StatusCode, p.text("main"))
			}
			p = s.post("/articles", url.Values{"csrf": {tt.token}, "body": {"Leaders met on 3 July 2025."}}, nil)
			if p.StatusCode != http.StatusForbidden {
				t.Errorf("multipart: %d, want 403", p.StatusCode)
			}
		})
	}
	if _, err := s.store.Event(context.Background(), e.ID); err != nil {
		t.Errorf("the event is gone: %v", err)
	}
}

// sessionCookieOf is the session cookie a response sets, or nil.
func sessionCookieOf(resp *http.Response) *http.Cookie {
	for _, c := range resp.Cookies() {
		if strings.HasSuffix(c.Name, "dateline_session") {
			return c
		}
	}
	return nil
}

// secureCases are the ways a browser reaches Dateline, and whether
// Dateline may take it that the browser came over HTTPS.
var secureCases = []struct {
	name      string
	tls       bool
	proxy     bool
	forwarded string // X-Forwarded-Proto
	secure    bool
}{
	{"plain HTTP", false, false, "", false},
	{"HTTPS", true, false, "", true},
	{"behind a trusted proxy that terminates TLS", false, true, "https", true},
	{"X-Forwarded-Proto from an untrusted client is ignored", false, false, "https", false},
}

// siteOver is a fresh site served over TLS or not, trusting a proxy or
// not.
func siteOver(t *testing.T, overTLS, proxy bool) *site {
	t.Helper()
	s := newSite(t)
	srv := New(s.store, slog.New(slog.DiscardHandler), Options{TrustProxy: proxy})
	var ts *httptest.Server
	if overTLS {
		ts = httptest.NewTLSServer(srv)
		s.client.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	} else {
		ts = httptest.NewServer(srv)
	}
	t.Cleanup(ts.Close)
	s.url = ts.URL
	return s
}

func TestSessionCookiesAreHttpOnlyLaxAndSecureOverHTTPS(t *testing.T) {
	for _, tt := range secureCases {
		t.Run(tt.name, func(t *testing.T) {
			s := siteOver(t, tt.tls, tt.proxy)
			s.addUser("ana")
			send := func(method, path string, form url.Values) response {
				var body io.Reader
				if form != nil {
					body = strings.NewReader(form.Encode())
				}
				req, _ := http.NewRequest(method, s.url+path, body)
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				if tt.forwarded != "" {
					req.Header.Set("X-Forwarded-Proto", tt.forwarded)
				}
				return s.do(req)
			}
			token, _ := send("GET", "/login", nil).find(`input[name=csrf]`).Attr("value")
			p := send("POST", "/login", url.Values{"name": {"ana"}, "password": {password}, "csrf": {token}})
			session := sessionCookieOf(p.Response)
			if p.StatusCode != http.StatusSeeOther || session == nil {
				t.Fatalf("sign-in: %d, cookies %v: %s", p.StatusCode, p.Cookies(), p.text("main"))
			}
			if !session.HttpOnly || session.SameSite != http.SameSiteLaxMode || session.Path != "/" {
				t.Errorf("session cookie %+v: want HttpOnly, SameSite=Lax, Path=/", session)
			}
			if session.Secure != tt.secure || strings.HasPrefix(session.Name, "__Host-") != tt.secure {
				t.Errorf("session cookie %s Secure=%v, want Secure and __Host- %v", session.Name, session.Secure, tt.secure)
			}
			if session.MaxAge <= 0 || session.MaxAge > int((12*time.Hour).Seconds()) {
				t.Errorf("session cookie Max-Age %d, want the session's 12 hours", session.MaxAge)
			}
		})
	}
}

func TestSessionsExpireWhenUnused(t *testing.T) {
	s := siteWith(t, Options{SessionTTL: time.Second})
	s.addUser("ana")
	p := s.signIn("ana", password)
	session := sessionCookieOf(p.Response)
	if p.StatusCode != http.StatusSeeOther || session == nil {
		t.Fatalf("sign-in: %d", p.StatusCode)
	}
	if p := s.get("/events/new"); p.StatusCode != http.StatusOK {
		t.Fatalf("signed in, the event form: %d", p.StatusCode)
	}
	time.Sleep(1500 * time.Millisecond)
	// The browser drops the cookie when its Max-Age passes; the server
	// must not take it back either.
	u, _ := url.Parse(s.url)
	session.MaxAge = 0
	s.client.Jar.SetCookies(u, []*http.Cookie{session})
	if p := s.get("/events/new"); p.StatusCode != http.StatusSeeOther {
		t.Errorf("an expired session still opens the event form: %d", p.StatusCode)
	}
}

func TestSignInSaysTheSameForAWrongNameAndAWrongPassword(t *testing.T) {
	s := newSite(t)
	s.addUser("ana")
	wrongName := s.signIn("nobody", password)
	wrongPassword := s.signIn("ana", "not the password")
	for _, p := range []response{wrongName, wrongPassword} {
		if p.StatusCode != http.StatusUnauthorized {
			t.Errorf("status %d, want 401", p.StatusCode)
		}
	}
	if a, b := wrongName.text(`[data-testid=login-error]`), wrongPassword.text(`[data-testid=login-error]`); a != b || a == "" {
		t.Errorf("a wrong name says %q, a wrong password %q", a, b)
	}
	if v, _ := wrongName.find(`[data-testid=login-name]`).Attr("value"); v != "nobody" {
		t.Errorf("the name typed is not kept: %q", v)
	}
	if wrongName.find(`[data-testid=login-password]`).AttrOr("value", "") != "" {
		t.Error("the password is sent back in the page")
	}
}

func TestSignInAttemptsAreLimitedPerAddressAndPerNameFromIt(t *testing.T) {
	s := siteWith(t, Options{TrustProxy: true})
	s.addUser("ana")
	token := s.withToken(url.Values{}).Get("csrf")
	attempt := func(addr, name, pw string) response {
		form := url.Values{"name": {name}, "password": {pw}, "csrf": {token}}
		req, _ := http.NewRequest("POST", s.url+"/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", "203.0.113.250, "+addr)
		return s.do(req)
	}
	// Per address: 20 attempts, then 429 with Retry-After, whatever the name.
	for i := range 20 {
		if p := attempt("192.0.2.1", fmt.Sprintf("guess%d", i), "wrong password"); p.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i+1, p.StatusCode)
		}
	}
	p := attempt("192.0.2.1", "ana", password)
	if p.StatusCode != http.StatusTooManyRequests || p.Header.Get("Retry-After") == "" ||
		!strings.Contains(p.text(`[data-testid=login-error]`), "from your address") {
		t.Errorf("21st attempt from one address: %d %q", p.StatusCode, p.text("main"))
	}
	if p := attempt("192.0.2.2", "ana", password); p.StatusCode != http.StatusSeeOther {
		t.Errorf("another address is not limited: %d", p.StatusCode)
	}

	// Per name from one address: 10 failures, then 429 even with the
	// right password, from that address only.
	for i := range 10 {
		if p := attempt("198.51.100.1", "ANA", "wrong password"); p.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d on the name: %d", i+1, p.StatusCode)
		}
	}
	p = attempt("198.51.100.1", "ana", password)
	if p.StatusCode != http.StatusTooManyRequests || !strings.Contains(p.text(`[data-testid=login-error]`), "for this name") {
		t.Errorf("11th attempt on one name from one address: %d %q", p.StatusCode, p.text("main"))
	}
	// Others' failures never lock the user out.
	if p := attempt("198.51.100.2", "ana", password); p.StatusCode != http.StatusSeeOther {
		t.Errorf("the right password from another address after ten wrong ones: %d %q", p.StatusCode, p.text("main"))
	}
	for i := range 12 {
		attempt(fmt.Sprintf("198.51.100.%d", 10+i), "ana", "wrong password")
	}
	if p := attempt("198.51.100.3", "ana", password); p.StatusCode != http.StatusSeeOther {
		t.Errorf("the right password after twelve wrong ones from twelve addresses: %d", p.StatusCode)
	}
	// Only failures count: signing in again and again from one address
	// is never refused.
	for i := range 25 {
		if p := attempt("192.0.2.3", "ana", password); p.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-in %d from one address: %d", i+1, p.StatusCode)
		}
	}
}

func TestSignInLeadsOnlyToThisSite(t *testing.T) {
	tests := []struct{ next, want string }{
		{"/events/new", "/events/new"},
		{"/?kind=call&actor=Iran", "/?kind=call&actor=Iran"},
		{"", "/"},
		{"https://evil.example/", "/"},
		{"//evil.example/x", "/"},
		{`/\evil.example`, "/"},
		{"javascript:alert(1)", "/"},
		// http.Redirect cleans the path: what it sends must still be a
		// path on this site, and browsers read "\" as "/".
		{`/./\127.0.0.2:18170/phish`, "/"},
		{`/x/../\evil.example`, "/"},
		{`/events\..\..\/evil.example`, "/"},
		{"/.//evil.example", "/evil.example"},
		{"/events/./new", "/events/new"},
		{"/?q=a\\b", "/?q=a\\b"},
	}
	for _, tt := range tests {
		if got := safeNext(tt.next); got != tt.want {
			t.Errorf("safeNext(%q) = %q, want %q", tt.next, got, tt.want)
		}
	}
	// Through the sign-in form, as the redirect it ends with.
	s := newSite(t)
	s.addUser("ana")
	for _, tt := range tests {
		s.client = newClient(t)
		p := s.postForm("/login", url.Values{"name": {"ana"}, "password": {password}, "next": {tt.next}})
		loc := p.Header.Get("Location")
		if p.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.Contains(strings.SplitN(loc, "?", 2)[0], `\`) {
			t.Errorf("next=%q: %d to %q, want a path on this site", tt.next, p.StatusCode, loc)
		}
	}
}

func TestLimiterRefills(t *testing.T) {
	l := newLimiter(2, time.Minute)
	now := time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC)
	for i, want := range []bool{true, true, false} {
		if _, ok, _ := l.take("k", now); ok != want {
			t.Errorf("take %d = %v, want %v", i+1, ok, want)
		}
	}
	if _, _, wait := l.take("k", now); wait != time.Minute {
		t.Errorf("wait = %v, want a minute", wait)
	}
	later := now.Add(time.Minute)
	a, ok, _ := l.take("k", later)
	if !ok {
		t.Error("no attempt after a minute")
	}
	a.giveBack()
	if _, ok, _ := l.take("k", later); !ok {
		t.Error("an attempt given back cannot be taken")
	}
	if _, ok, _ := l.take("k", later); ok {
		t.Error("an attempt given back can be taken twice")
	}
	l.forget("k")
	if _, ok, _ := l.take("k", later); !ok {
		t.Error("a forgotten key is still limited")
	}
	if addrKey("2001:db8::1") != addrKey("2001:db8::ffff") || addrKey("192.0.2.1") == addrKey("192.0.2.2") {
		t.Error("IPv6 addresses are limited per /64 and IPv4 ones per address")
	}
}

func TestHSTSIsSentOverHTTPSOnly(t *testing.T) {
	for _, tt := range secureCases {
		t.Run(tt.name, func(t *testing.T) {
			s := siteOver(t, tt.tls, tt.proxy)
			for _, path := range []string{"/", "/nowhere", "/static/style.css"} {
				req, _ := http.NewRequest("GET", s.url+path, nil)
				if tt.forwarded != "" {
					req.Header.Set("X-Forwarded-Proto", tt.forwarded)
				}
				got := s.do(req).Header.Get("Strict-Transport-Security")
				if tt.secure && !strings.HasPrefix(got, "max-age=") || !tt.secure && got != "" {
					t.Errorf("%s: Strict-Transport-Security %q", path, got)
				}
			}
		})
	}
}

// The calendar's subscribe address names the host the browser asked for,
// unless a public address is configured: then that one, whatever the
// request's Host header says.
func TestTheSubscribeLinkUsesThePublicAddress(t *testing.T) {
	s := newSite(t)
	s.create(handEvent(t, timeline.KindCall, "2025-07-03", "A call", "Ana"))
	link := func(host string) string {
		req, _ := http.NewRequest("GET", s.url+"/export?kind=call", nil)
		req.Host = host
		return s.do(req).find(`[data-testid=webcal-url]`).Text()
	}
	if got := link("dateline.local:8080"); got != "webcal://dateline.local:8080/calendar.ics?kind=call" {
		t.Errorf("no public address: %q", got)
	}
	for _, public := range []string{"https://news.example.org/dateline", "https://news.example.org/dateline/"} {
		u, err := url.Parse(public)
		if err != nil {
			t.Fatal(err)
		}
		srv := New(s.store, slog.New(slog.DiscardHandler), Options{PublicURL: u})
		ts := httptest.NewServer(srv)
		s.url = ts.URL
		if got := link("evil.example"); got != "webcal://news.example.org/dateline/calendar.ics?kind=call" {
			t.Errorf("public address %s, Host evil.example: %q", public, got)
		}
		ts.Close()
	}
}
