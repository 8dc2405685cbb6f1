package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dateline/dateline/store/fetch"
)

func TestPublicAddresses(t *testing.T) {
	tests := []struct {
		addr   string
		public bool
	}{
		{"8.8.8.8", true},
		{"93.184.215.14", true},
		{"2606:4700:4700::1111", true},
		{"64:ff9b::808:808", true}, // NAT64 of a public address
		{"127.0.0.1", false},
		{"127.3.2.1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"100.100.100.200", false}, // Alibaba's metadata, carrier-grade NAT range
		{"0.0.0.0", false},
		{"255.255.255.255", false},
		{"224.0.0.1", false},
		{"::1", false},
		{"::", false},
		{"fe80::1", false},
		{"fd00:ec2::254", false}, // AWS metadata over IPv6
		{"fc00::1", false},
		{"::ffff:127.0.0.1", false},   // IPv4-mapped loopback
		{"::ffff:10.0.0.1", false},    // IPv4-mapped private
		{"64:ff9b::a9fe:a9fe", false}, // NAT64 of the metadata address
		{"2002:7f00:1::", false},      // 6to4 of loopback
		{"2002:c0a8:101::", false},    // 6to4 of 192.168.1.1
	}
	for _, tt := range tests {
		if got := fetch.Public(netip.MustParseAddr(tt.addr)); got != tt.public {
			t.Errorf("Public(%s) = %v, want %v", tt.addr, got, tt.public)
		}
	}
}

// only127 treats 127.0.0.1 (where the test servers listen) as public and
// every other address as private, so that a redirect to 127.0.0.2 stands
// for a redirect to a private network without sending anything there.
func only127(a netip.Addr) bool { return a == netip.MustParseAddr("127.0.0.1") }

// counting serves h and counts the requests it gets.
func counting(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestPrivateAddressesAreRefusedBeforeAnythingIsSent(t *testing.T) {
	srv, hits := counting(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret") })
	port := srv.Listener.Addr().(*net.TCPAddr).Port

	// A second server on 127.0.0.2 stands for the private network.
	inner, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no 127.0.0.2 on this machine: %v", err)
	}
	private := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("the private server was reached: %s", r.URL)
	}))
	private.Listener.Close()
	private.Listener = inner
	private.Start()
	defer private.Close()
	redirect, _ := counting(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, private.URL+"/latest/meta-data/", http.StatusFound)
	})

	tests := []struct {
		name  string
		allow func(netip.Addr) bool
		url   string
	}{
		{"loopback by address", nil, srv.URL},
		{"loopback by name, after DNS", nil, fmt.Sprintf("http://localhost:%d/", port)},
		{"a redirect to a private address", only127, redirect.URL},
		{"IPv6 loopback", nil, fmt.Sprintf("http://[::1]:%d/", port)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := hits.Load()
			_, err := fetch.New(fetch.Options{Allow: tt.allow}).Get(context.Background(), fetch.Request{URL: tt.url})
			if !errors.Is(err, fetch.ErrBlocked) || !strings.Contains(err.Error(), "private network") {
				t.Errorf("err = %v, want ErrBlocked", err)
			}
			if hits.Load() != before {
				t.Error("the request reached the server")
			}
		})
	}

	// DATELINE_FETCH_PRIVATE=1 lets them in.
	resp, err := fetch.New(fetch.Options{Allow: fetch.AllowAll}).Get(context.Background(), fetch.Request{URL: srv.URL})
	if err != nil || string(resp.Body) != "secret" {
		t.Errorf("with every address allowed: %v", err)
	}
}

func TestFetchFailuresSayWhatHappened(t *testing.T) {
	big := strings.Repeat("x", 2048)
	srv, _ := counting(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/missing":
			http.NotFound(w, r)
		case "/slow":
			select {
			case <-time.After(3 * time.Second):
			case <-r.Context().Done():
			}
		case "/slow-body":
			w.Write([]byte("<html><body>"))
			w.(http.Flusher).Flush()
			select {
			case <-time.After(3 * time.Second):
			case <-r.Context().Done():
			}
		case "/big":
			fmt.Fprint(w, big)
		case "/big-chunked":
			for range 4 {
				fmt.Fprint(w, big[:1024])
				w.(http.Flusher).Flush()
			}
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/to-file":
			w.Header().Set("Location", "file:///etc/passwd")
			w.WriteHeader(http.StatusFound)
		case "/image":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n\x1a\n"))
		case "/error":
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	c := fetch.New(fetch.Options{Allow: fetch.AllowAll, Timeout: 300 * time.Millisecond, MaxBytes: 1500})
	tests := []struct {
		name string
		url  string
		is   error
		says string
	}{
		{"a missing page", srv.URL + "/missing", nil, "the server answered 404 Not Found"},
		{"a server error", srv.URL + "/error", nil, "503 Service Unavailable"},
		{"a server that does not answer", srv.URL + "/slow", fetch.ErrTimeout, "did not answer in time"},
		{"a body that stops coming", srv.URL + "/slow-body", fetch.ErrTimeout, "did not answer in time"},
		{"a body over the limit, with its length", srv.URL + "/big", fetch.ErrTooLarge, "larger than the most Dateline takes"},
		{"a body over the limit, without", srv.URL + "/big-chunked", fetch.ErrTooLarge, "1500 bytes"},
		{"endless redirects", srv.URL + "/loop", fetch.ErrRedirects, "redirects too many times"},
		{"a redirect to a file", srv.URL + "/to-file", fetch.ErrScheme, "only http and https"},
		{"a file address", "file:///etc/passwd", fetch.ErrScheme, "only http and https"},
		{"an ftp address", "ftp://example.org/x", fetch.ErrScheme, "only http and https"},
		{"not an address", "example", nil, "not a web address"},
		{"an image", srv.URL + "/image", fetch.ErrNotPage, "image/png"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Page(context.Background(), tt.url)
			if err == nil || (tt.is != nil && !errors.Is(err, tt.is)) || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("err = %v; want %v saying %q", err, tt.is, tt.says)
			}
			if !strings.Contains(err.Error(), tt.url) {
				t.Errorf("the error does not name the address: %v", err)
			}
		})
	}
	var status *fetch.StatusError
	if _, err := c.Page(context.Background(), srv.URL+"/missing"); !errors.As(err, &status) || status.Code != 404 {
		t.Errorf("a 404 is not a *StatusError with its code: %v", err)
	}
}

func TestPagesAreDecodedToUTF8(t *testing.T) {
	const text = "Zürich, São Paulo — Œuvre"
	latin1 := func(s string) []byte { // ISO-8859-1 / windows-1252 for the characters above
		var b []byte
		for _, r := range s {
			switch r {
			case '—':
				b = append(b, 0x97)
			case 'Œ':
				b = append(b, 0x8c)
			default:
				b = append(b, byte(r))
			}
		}
		return b
	}
	tests := []struct {
		name        string
		contentType string
		body        []byte
	}{
		{"UTF-8 by default", "text/html", []byte("<p>" + text + "</p>")},
		{"charset in the header", "text/html; charset=windows-1252", latin1("<p>" + text + "</p>")},
		{"charset in a meta element", "text/html", latin1(`<html><head><meta charset="windows-1252"></head><p>` + text + "</p>")},
		{"http-equiv meta", "text/html", latin1(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>` + text + "</p>")},
		{"plain text in Latin-1", "text/plain; charset=windows-1252", latin1(text)},
		{"UTF-16 with a byte-order mark", "text/html", utf16(text)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := counting(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				w.Write(tt.body)
			})
			p, err := fetch.New(fetch.Options{Allow: fetch.AllowAll}).Page(context.Background(), srv.URL+"/a")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(p.Text, text) {
				t.Errorf("text = %q, want it to hold %q", p.Text, text)
			}
			if p.URL != srv.URL+"/a" {
				t.Errorf("URL = %q", p.URL)
			}
		})
	}
}

func utf16(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, r := range s {
		if r == 'Œ' {
			b = append(b, 0x52, 0x01)
			continue
		}
		if r == '—' {
			b = append(b, 0x14, 0x20)
			continue
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestConditionalGet(t *testing.T) {
	srv, hits := counting(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Thu, 03 Jul 2025 10:00:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Thu, 03 Jul 2025 10:00:00 GMT")
		fmt.Fprint(w, "<rss/>")
	})
	c := fetch.New(fetch.Options{Allow: fetch.AllowAll})
	first, err := c.Get(context.Background(), fetch.Request{URL: srv.URL})
	if err != nil || first.NotModified || first.ETag != `"v1"` || first.LastModified == "" {
		t.Fatalf("first fetch: %+v, %v", first, err)
	}
	for _, req := range []fetch.Request{
		{URL: srv.URL, ETag: first.ETag},
		{URL: srv.URL, LastModified: first.LastModified},
	} {
		again, err := c.Get(context.Background(), req)
		if err != nil || !again.NotModified || len(again.Body) != 0 {
			t.Errorf("conditional fetch %+v: %+v, %v; want not modified", req, again, err)
		}
	}
	// A 304 nobody asked for is an error, not "nothing changed".
	plain, _ := counting(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotModified) })
	if _, err := c.Get(context.Background(), fetch.Request{URL: plain.URL}); err == nil {
		t.Error("an unasked-for 304 was taken")
	}
	if hits.Load() != 3 {
		t.Errorf("%d requests, want 3", hits.Load())
	}
}
