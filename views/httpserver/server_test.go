package httpserver_test

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline/dateline/views/httpserver"
)

// open starts a server on addr, closed when the test ends, with its log.
func open(t *testing.T, addr string) (*httpserver.Server, *syncBuffer) {
	t.Helper()
	log := &syncBuffer{}
	s := &httpserver.Server{Addr: addr, Log: slog.New(slog.NewTextHandler(log, nil))}
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, log
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestUntilReadyEveryRequestIsA503SayingWhy(t *testing.T) {
	s, _ := open(t, "127.0.0.1:0")
	tests := []struct {
		name, path string
		waiting    bool // after the database failed to answer once
		want       string
	}{
		{"/healthz says the server is connecting", "/healthz", false, "starting: connecting to the database"},
		{"/healthz says how the wait goes", "/healthz", true, "starting: database unreachable (attempt 2, retrying in 500ms)"},
		{"a page says so in plain words", "/events/7", true, "Dateline is starting and cannot reach its database yet."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.waiting {
				s.WaitingForDatabase(2, 500*time.Millisecond)
			}
			resp, body := get(t, s.URL()+tt.path)
			if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, tt.want) {
				t.Errorf("%d, Retry-After %q, %q; want 503 with Retry-After saying %q", resp.StatusCode, resp.Header.Get("Retry-After"), body, tt.want)
			}
		})
	}
	s.Ready(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "the timeline") }))
	if resp, body := get(t, s.URL()+"/"); resp.StatusCode != http.StatusOK || body != "the timeline" {
		t.Errorf("once ready: %d %q", resp.StatusCode, body)
	}
}

func TestANetworkAddressWithNoUserIsRefusedUnlessOpenedOnPurpose(t *testing.T) {
	tests := []struct {
		name                   string
		addr                   string
		hasUsers, insecureOpen bool
		refused, warned        bool
	}{
		{"this machine alone needs no user", "127.0.0.1:0", false, false, false, false},
		{"a network address with a user is served", "0.0.0.0:0", true, false, false, false},
		{"a network address with no user is refused", "0.0.0.0:0", false, false, true, false},
		{"--insecure-open serves it, warning loudly", "0.0.0.0:0", false, true, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, log := open(t, tt.addr)
			err := s.CheckExposure(tt.hasUsers, tt.insecureOpen)
			if refused := err != nil; refused != tt.refused {
				t.Fatalf("err = %v, want refused %v", err, tt.refused)
			}
			if err != nil && (!strings.Contains(err.Error(), "with no user") || !strings.Contains(err.Error(), "dateline user add")) {
				t.Errorf("the refusal does not say why and what to do: %v", err)
			}
			if warned := strings.Contains(log.String(), "INSECURE"); warned != tt.warned {
				t.Errorf("warned %v, want %v:\n%s", warned, tt.warned, log.String())
			}
		})
	}
}

// A request in flight when the server closes gets its answer; after, no
// new connection is taken.
func TestCloseLetsRequestsInFlightFinish(t *testing.T) {
	s, log := open(t, "127.0.0.1:0")
	started := make(chan struct{})
	s.Ready(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "done")
	}))
	answer := make(chan string, 1)
	go func() {
		resp, err := http.Get(s.URL() + "/")
		if err != nil {
			answer <- err.Error()
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		answer <- string(body)
	}()
	<-started
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := <-answer; got != "done" {
		t.Errorf("the request in flight got %q", got)
	}
	if _, err := http.Get(s.URL() + "/"); err == nil {
		t.Error("the server answers after it closed")
	}
	if !strings.Contains(log.String(), "shutting down") || !strings.Contains(log.String(), "stopped") {
		t.Errorf("the log does not tell the shutdown:\n%s", log.String())
	}
}

// syncBuffer is a log the server writes from its goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
