package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dateline/dateline/store/storetest"
)

// TestLoad is the load run of "make load", not of make test: it serves a
// timeline of $LOAD_EVENTS synthetic events and points wrk at / with
// $LOAD_CONNECTIONS connections for $LOAD_DURATION, then reports
// requests/s, latency, errors and the server's resident memory before,
// right after, and once the run has settled. It fails on any error or
// non-2xx answer.
func TestLoad(t *testing.T) {
	if os.Getenv("LOAD_DURATION") == "" {
		t.Skip("the load run is make load")
	}
	if _, err := exec.LookPath("wrk"); err != nil {
		t.Fatal("wrk is not installed (Debian package wrk)")
	}
	events, _ := strconv.Atoi(os.Getenv("LOAD_EVENTS"))
	conns := os.Getenv("LOAD_CONNECTIONS")
	cfg := storetest.Config(t)
	storetest.LoadSynthetic(t, cfg, events)
	s := startServer(t, connString(cfg.ConnConfig.Database, t), "--addr", "127.0.0.1:0")
	addr := s.await(t, "listening", "url")
	pid := s.cmd.Process.Pid

	// Warm up: the first pages fill the pool and the caches.
	for range 50 {
		resp, err := http.Get(addr + "/")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("warm-up: %v %v", resp, err)
		}
		resp.Body.Close()
	}
	before := rss(t, pid)
	out, err := exec.Command("wrk", "-t", "2", "-c", conns, "-d", os.Getenv("LOAD_DURATION"), "--latency", "--timeout", "10s", addr+"/").CombinedOutput()
	if err != nil {
		t.Fatalf("wrk: %v\n%s", err, out)
	}
	after := rss(t, pid)
	time.Sleep(10 * time.Second)
	settled := rss(t, pid)
	report := string(out)
	fmt.Printf("load run: %d events, %s connections, %s\n%s\n", events, conns, os.Getenv("LOAD_DURATION"), report)
	fmt.Printf("server memory (VmRSS): before %d MiB, right after %d MiB, 10 s later %d MiB\n", before>>10, after>>10, settled>>10)
	if strings.Contains(report, "Socket errors") {
		t.Errorf("socket errors: %s", regexp.MustCompile(`Socket errors:.*`).FindString(report))
	}
	if strings.Contains(report, "Non-2xx") {
		t.Errorf("error answers: %s", regexp.MustCompile(`Non-2xx.*`).FindString(report))
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	if code := s.exit(t); code != 0 {
		t.Errorf("exit %d", code)
	}
}

// connString is a URL for a database on the test server.
func connString(db string, t *testing.T) string {
	u := storetest.URL(t) // a database of its own, to learn the server's address
	i := strings.LastIndex(u, "/")
	j := strings.Index(u[i:], "?")
	return u[:i+1] + db + u[i+j:]
}

// rss is the resident memory of a process, in KiB.
func rss(t *testing.T, pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`VmRSS:\s+(\d+) kB`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no VmRSS")
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}
