package views

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/jackc/pgx/v5"
)

// bigExportStore is a store of n events with long summaries, whose
// exports are far larger than what the network buffers of a client that
// reads nothing can take (2,000 events: about 20 MB of JSON), on a pool
// of maxConns connections. The summaries are words too long for the
// search index, which skips them, so that filling is quick.
func bigExportStore(t *testing.T, n int, maxConns int32) *store.Store {
	t.Helper()
	ctx := context.Background()
	cfg := storetest.Config(t)
	cfg.MaxConns = maxConns
	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(ctx, `
		INSERT INTO events (kind, date_value, date_precision, date_start, date_end, date_rank, status,
			title, summary, confidence, origin)
		SELECT 'statement', to_char(d, 'YYYY-MM-DD'), 'day', d, d + interval '1 day', 12, 'reported',
			'Event number ' || i, repeat(repeat('x', 5000) || ' ', 2), 1, 'hand'
		FROM generate_series(1, `+strconv.Itoa(n)+`) i, LATERAL (SELECT timestamp '2000-01-01' + i * interval '1 day' AS d) x`)
	conn.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	return st
}

// stalledClient asks for path and reads nothing, with a small receive
// buffer, so that the server's writes soon block.
func stalledClient(t *testing.T, addr, path string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.(*net.TCPConn).SetReadBuffer(4 << 10)
	if _, err := io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: dateline.test\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	return conn
}

// Eight clients that ask for an export and never read it must not stall
// the site: an export is written by the database to a spool before the
// client is sent anything, so it holds no connection while the client
// dawdles; exports beyond the limit get 503; and a download that stalls
// is cut off, giving its place back. The pool has 4 connections, pgx's
// default on a small machine, where eight stalled exports made GET /
// time out.
func TestStalledExportsLeaveTheSiteServing(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 20 MB exports")
	}
	st := bigExportStore(t, 2000, 4)
	srv := New(st, slog.New(slog.DiscardHandler), Options{MaxExports: 2})
	srv.exportStall = 2 * time.Second
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	addr := strings.TrimPrefix(ts.URL, "http://")

	var stalled []net.Conn
	for range 8 {
		stalled = append(stalled, stalledClient(t, addr, "/export.json"))
	}
	time.Sleep(exportWait + 500*time.Millisecond) // the ones beyond the limit have been refused
	client := &http.Client{Timeout: 10 * time.Second}
	for _, path := range []string{"/", "/healthz", "/?actor=Nobody", "/events/1"} {
		resp, err := client.Get(ts.URL + path)
		if err != nil {
			t.Fatalf("GET %s while eight exports stall: %v", path, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s while eight exports stall: %d", path, resp.StatusCode)
		}
	}

	// Each stalled client got either the start of the export or, beyond
	// the limit, a 503.
	statuses := map[string]int{}
	for _, c := range stalled {
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		line, err := bufio.NewReader(c).ReadString('\n')
		if err != nil {
			t.Fatalf("a stalled client's response: %v", err)
		}
		statuses[strings.Fields(line)[1]]++
	}
	if statuses["200"] != 2 || statuses["503"] != 6 {
		t.Errorf("stalled clients got %v, want 2 exports and 6 refusals", statuses)
	}

	// The stalled downloads are cut off after exportStall: the next
	// export is whole.
	var resp *http.Response
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(500 * time.Millisecond) {
		var err error
		if resp, err = client.Get(ts.URL + "/export.json"); err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusServiceUnavailable || time.Now().After(deadline) {
			break
		}
		resp.Body.Close()
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK || err != nil || n != resp.ContentLength || n < 16<<20 {
		t.Errorf("an export after the stalled ones: %d, %d of %d bytes, %v", resp.StatusCode, n, resp.ContentLength, err)
	}
}
