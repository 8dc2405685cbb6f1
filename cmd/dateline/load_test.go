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
	"github.com/jackc/pgx/v5/pgxpool"
)

// TestLoad is the load run of "make load" and "make bench", not of make
// test: it serves a timeline of $LOAD_EVENTS synthetic events (from the
// kept benchmark database beyond 10,000) and points wrk at / with
// $LOAD_CONNECTIONS connections for $LOAD_DURATION, then at /healthz,
// which reads nothing, as the baseline of the same run. It reports
// requests/s, latency, errors and the server's resident memory before,
// right after, and once the run has settled, and ends with one "load
// result" line for the benchmark report. It fails on any error or non-2xx
// answer.
func TestLoad(t *testing.T) {
	if os.Getenv("LOAD_DURATION") == "" {
		t.Skip("the load run is make load")
	}
	if _, err := exec.LookPath("wrk"); err != nil {
		t.Fatal("wrk is not installed (Debian package wrk)")
	}
	events, _ := strconv.Atoi(os.Getenv("LOAD_EVENTS"))
	conns := os.Getenv("LOAD_CONNECTIONS")
	var cfg *pgxpool.Config
	if events > 10_000 {
		cfg, _ = storetest.Synthetic(t, events)
	} else {
		cfg = storetest.Config(t)
		storetest.LoadSynthetic(t, cfg, events)
	}
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
	wrk := func(path string) (report string, rps, p99 float64) {
		out, err := exec.Command("wrk", "-t", "2", "-c", conns, "-d", os.Getenv("LOAD_DURATION"), "--latency", "--timeout", "10s", addr+path).CombinedOutput()
		if err != nil {
			t.Fatalf("wrk: %v\n%s", err, out)
		}
		report = string(out)
		if strings.Contains(report, "Socket errors") {
			t.Errorf("%s: socket errors: %s", path, regexp.MustCompile(`Socket errors:.*`).FindString(report))
		}
		if strings.Contains(report, "Non-2xx") {
			t.Errorf("%s: error answers: %s", path, regexp.MustCompile(`Non-2xx.*`).FindString(report))
		}
		if m := regexp.MustCompile(`Requests/sec:\s+([\d.]+)`).FindStringSubmatch(report); m != nil {
			rps, _ = strconv.ParseFloat(m[1], 64)
		}
		if m := regexp.MustCompile(`\s99%\s+([\d.]+)(us|ms|s)`).FindStringSubmatch(report); m != nil {
			p99, _ = strconv.ParseFloat(m[1], 64)
			p99 *= map[string]float64{"us": 0.001, "ms": 1, "s": 1000}[m[2]]
		}
		return report, rps, p99
	}
	before := rss(t, pid)
	report, rps, p99 := wrk("/")
	after := rss(t, pid)
	time.Sleep(10 * time.Second)
	settled := rss(t, pid)
	_, baseRPS, baseP99 := wrk("/healthz")
	fmt.Printf("load run: %d events, %s connections, %s\n%s\n", events, conns, os.Getenv("LOAD_DURATION"), report)
	fmt.Printf("server memory (VmRSS): before %d MiB, right after %d MiB, 10 s later %d MiB\n", before>>10, after>>10, settled>>10)
	fmt.Printf("load result: events=%d connections=%s rps=%.1f p99-ms=%.1f healthz-rps=%.1f healthz-p99-ms=%.1f x-healthz=%.3f errors=%t\n",
		events, conns, rps, p99, baseRPS, baseP99, rps/baseRPS, t.Failed())
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
