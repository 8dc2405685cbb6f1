package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/jackc/pgx/v5"
)

// attackPassword is bob's password in the attack test.
const attackPassword = "bob's long enough password"

// TestAttacksOnALocalServer replays, against dateline serve as a process
// on a loopback address, the cheap attacks a security probe found to
// stall or lock up the server, and checks they no longer do. Every
// client has a deadline: the test is bounded even when the server is not.
func TestAttacksOnALocalServer(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a database with 24 MB of events")
	}
	dbURL := storetest.URL(t)
	start := time.Now()
	fillForExports(t, dbURL, 3000)
	t.Logf("3,000 events stored in %s", time.Since(start).Round(time.Millisecond))
	if r := datelineIn(t, dbURL, attackPassword+"\n", "user", "add", "bob"); r.code != 0 {
		t.Fatalf("user add: %+v", r)
	}
	s := startServer(t, dbURL, "--addr", "127.0.0.1:0")
	base := s.await(t, "listening", "url")
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("the server listens at %s, not on the loopback address", base)
	}

	// Eight clients ask for the 24 MB JSON export and stop reading. Once
	// each has its first byte, the server is done with the database for
	// them: the exports it took are spooled, the others refused.
	t.Run("eight stalled export clients leave GET / under 1 s and /healthz 200", func(t *testing.T) {
		var stalled []net.Conn
		for range 8 {
			stalled = append(stalled, stalledDownload(t, base, "/export.json"))
		}
		start := time.Now()
		for i, c := range stalled {
			c.SetReadDeadline(start.Add(30 * time.Second))
			if _, err := c.Read(make([]byte, 1)); err != nil {
				t.Errorf("stalled client %d heard nothing in 30 s: %v", i+1, err)
			}
		}
		t.Logf("every stalled client had its first byte after %s", time.Since(start).Round(time.Millisecond))
		client := &http.Client{Timeout: 10 * time.Second}
		slowest := time.Duration(0)
		defer func() { t.Logf("the slowest probe took %s", slowest.Round(time.Microsecond)) }()
		for i := range 5 {
			for _, path := range []string{"/", "/healthz"} {
				start := time.Now()
				resp, err := client.Get(base + path)
				if err != nil {
					t.Fatalf("probe %d, GET %s: %v", i+1, path, err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				took := time.Since(start)
				slowest = max(slowest, took)
				if resp.StatusCode != http.StatusOK || took >= time.Second {
					t.Errorf("probe %d, GET %s: %d in %s, want 200 under 1 s", i+1, path, resp.StatusCode, took.Round(time.Millisecond))
				}
			}
		}
	})

	t.Run("3,000 actor parameters get 400", func(t *testing.T) {
		q := url.Values{}
		for i := range 3000 {
			q.Add("actor", fmt.Sprintf("a%d", i))
		}
		client := &http.Client{Timeout: 10 * time.Second}
		resp, err := client.Get(base + "/?" + q.Encode())
		if err != nil {
			t.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest || n > 64<<10 {
			t.Errorf("%d URL bytes of actors: %d with %d bytes, want a short 400", len(q.Encode()), resp.StatusCode, n)
		}
	})

	// Text without sentence ends once cost time in the square of its
	// length. What is compared is the CPU time this process spends (other
	// processes on a busy machine do not count in it) on three extractions
	// of each size, taken in turn five times, the least of each; linear
	// work gives about 2x, the bound leaves room.
	t.Run("extraction of 86 KB of run-on text costs at most 3x of 43 KB", func(t *testing.T) {
		words := strings.Fields("Putin met Erdogan on Monday and spoke by phone with Macron on June 21 while officials in Ankara said the talks went on")
		runOn := func(n int) string {
			var b strings.Builder
			for i := 0; b.Len() < n; i++ {
				b.WriteString(words[i%len(words)])
				b.WriteByte(' ')
			}
			return b.String()
		}
		published, err := timeline.ParseDate("2025-07-03")
		if err != nil {
			t.Fatal(err)
		}
		texts := []string{runOn(43_000), runOn(86_000)}
		best := make([]time.Duration, len(texts))
		for range 5 {
			for i, text := range texts {
				runtime.GC() // each sample starts from the same heap
				start := cpuTime(t)
				for range 3 {
					if _, err := extract.Article(t.Context(), text, extract.Options{Published: published}); err != nil {
						t.Fatal(err)
					}
				}
				if d := cpuTime(t) - start; best[i] == 0 || d < best[i] {
					best[i] = d
				}
			}
		}
		ratio := float64(best[1]) / float64(best[0])
		t.Logf("CPU for three extractions: 43 KB %s, 86 KB %s (%.2fx)", best[0].Round(time.Millisecond), best[1].Round(time.Millisecond), ratio)
		if ratio > 3 {
			t.Errorf("86 KB of run-on text took %.1fx the CPU time of 43 KB, more than 3x", ratio)
		}
	})

	// 127.0.0.2 is another address of this machine's loopback: the
	// attacker's, with bob at 127.0.0.1.
	t.Run("the right password works after ten wrong ones from elsewhere", func(t *testing.T) {
		attacker := browserFrom(t, "127.0.0.2")
		for i := range 10 {
			if code := signIn(t, attacker, base, "bob", "a wrong password"); code != http.StatusUnauthorized {
				t.Fatalf("wrong password %d from 127.0.0.2: %d, want 401", i+1, code)
			}
		}
		if code := signIn(t, attacker, base, "bob", "a wrong password"); code != http.StatusTooManyRequests {
			t.Errorf("an eleventh wrong password from 127.0.0.2: %d, want 429", code)
		}
		if code := signIn(t, browserFrom(t, "127.0.0.1"), base, "bob", attackPassword); code != http.StatusSeeOther {
			t.Errorf("bob's right password from 127.0.0.1: %d, want 303 (signed in)", code)
		}
	})
}

// fillForExports stores n events of about 8 KB each, for exports larger
// than what the network buffers of a client that reads nothing hold.
// Their summaries are words too long for the search index, which skips
// them: filling takes seconds instead of a quarter of a minute.
func fillForExports(t *testing.T, dbURL string, n int) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `
		INSERT INTO events (kind, date_value, date_precision, date_start, date_end, date_rank, status,
			title, summary, confidence, origin)
		SELECT 'statement', to_char(d, 'YYYY-MM-DD'), 'day', d, d + interval '1 day', 12, 'reported',
			'Event number ' || i, repeat(repeat('x', 4000) || ' ', 2), 1, 'hand'
		FROM generate_series(1, $1::int) i, LATERAL (SELECT timestamp '2000-01-01' + i * interval '1 day' AS d) x`, n)
	if err != nil {
		t.Fatal(err)
	}
}

// stalledDownload asks for path and reads (almost) nothing, with a small
// receive buffer, so that the server's writes soon block.
func stalledDownload(t *testing.T, base, path string) net.Conn {
	t.Helper()
	c, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.(*net.TCPConn).SetReadBuffer(4 << 10)
	if _, err := io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	return c
}

// browserFrom is a client with cookies whose connections leave from the
// local address ip.
func browserFrom(t *testing.T, ip string) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	return &http.Client{
		Jar: jar, Timeout: 10 * time.Second,
		Transport:     &http.Transport{DialContext: dialer.DialContext},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// signIn signs in through the sign-in page, as a browser without
// JavaScript does, and returns the status of the form's answer.
func signIn(t *testing.T, client *http.Client, base, name, password string) int {
	t.Helper()
	resp, err := client.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	token, _ := doc.Find(`input[name=csrf]`).Attr("value")
	form := url.Values{"name": {name}, "password": {password}, "csrf": {token}, "next": {"/"}}
	resp, err = client.PostForm(base+"/login", form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// cpuTime is the CPU time the test process has used, in user and kernel
// mode.
func cpuTime(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
