package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dateline/dateline/store/storetest"
	"github.com/jackc/pgx/v5"
)

func readFileString(path string) (string, error) {
	b, err := os.ReadFile(path)
	return string(b), err
}

// binary is dateline built once for the tests that start it as a user
// would, as separate processes.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dateline-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "dateline")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

func dateline(t *testing.T, databaseURL string, args ...string) result {
	t.Helper()
	return datelineIn(t, databaseURL, "", args...)
}

// datelineIn runs dateline with stdin as its standard input.
func datelineIn(t *testing.T, databaseURL, stdin string, args ...string) result {
	t.Helper()
	return datelineEnv(t, []string{"DATABASE_URL=" + databaseURL}, stdin, args...)
}

// datelineEnv runs dateline with more environment variables.
func datelineEnv(t *testing.T, vars []string, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), vars...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, stdout.String(), stderr.String()}
}

func TestExitStatus(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"no command is bad usage", nil, 2, "no command given"},
		{"unknown command is bad usage", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"unknown flag is bad usage", []string{"serve", "--frobnicate"}, 2, "flag provided but not defined"},
		{"stray argument is bad usage", []string{"migrate", "extra"}, 2, `unexpected argument "extra"`},
		{"help is success", []string{"help"}, 0, ""},
		{"unreachable database is a failure", []string{"migrate", "--database-url", "postgres://127.0.0.1:1/x?connect_timeout=2"}, 1, "connect"},
		{"malformed database URL is bad usage", []string{"migrate", "--database-url", "postgres://%zz"}, 2, "bad database URL"},
		{"a public address without a host is bad usage", []string{"serve", "--public-url", "news.example.org"}, 2, "--public-url"},
		{"exports that could take over half the pool are bad usage", []string{"serve", "--db-max-conns", "8", "--max-exports", "5"}, 2, "--max-exports 5"},
		{"a pool size that is no number is bad usage", []string{"serve", "--db-max-conns", "many"}, 2, "--db-max-conns"},
		{"a public address of another scheme is bad usage", []string{"serve", "--public-url", "ftp://news.example.org"}, 2, "--public-url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := dateline(t, "", tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.says) {
				t.Errorf("exit %d, stderr %q; want %d saying %q", r.code, r.stderr, tt.code, tt.says)
			}
			if tt.code == 1 && strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
				t.Errorf("a failure is reported in one line, got %q", r.stderr)
			}
		})
	}
}

func TestMigrateTwiceIsANoOp(t *testing.T) {
	url := storetest.EmptyURL(t)
	first := dateline(t, url, "migrate")
	if first.code != 0 || !strings.Contains(first.stdout, "schema version") {
		t.Fatalf("first migrate: %+v", first)
	}
	before := versionRow(t, url)
	second := dateline(t, url, "migrate")
	if second.code != 0 || second.stdout != first.stdout {
		t.Fatalf("second migrate: %+v", second)
	}
	// tern rewrites the version row when it applies anything.
	if after := versionRow(t, url); after != before {
		t.Errorf("version row changed from %s to %s: the second run applied something", before, after)
	}
}

func versionRow(t *testing.T, url string) string {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var xmin string
	if err := conn.QueryRow(context.Background(), "SELECT xmin::text || '/' || version FROM dateline_schema_version").Scan(&xmin); err != nil {
		t.Fatal(err)
	}
	return xmin
}

// Two servers started at the same moment on a new database both come up:
// one applies the migrations, the other waits for it.
func TestTwoServersStartTogether(t *testing.T) {
	url := storetest.EmptyURL(t)
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() {
			cmd := exec.Command(binary, "serve", "--addr", "127.0.0.1:0")
			cmd.Env = append(os.Environ(), "DATABASE_URL="+url)
			addr, wait, err := start(t, cmd)
			if err != nil {
				t.Errorf("server %d: %v", i, err)
				return
			}
			resp, err := http.Get(addr + "/healthz")
			if err != nil {
				t.Errorf("server %d: %v", i, err)
			} else if resp.StatusCode != 200 {
				t.Errorf("server %d: /healthz = %d", i, resp.StatusCode)
			}
			if resp != nil {
				resp.Body.Close()
			}
			cmd.Process.Signal(syscall.SIGTERM)
			if code := wait(); code != 0 {
				t.Errorf("server %d exited %d after SIGTERM, want 0", i, code)
			}
		})
	}
	wg.Wait()
}

// start runs a server and returns its address once it listens, and a
// function that waits for it to exit. It may run outside the test's
// goroutine, so it returns errors rather than failing the test.
func start(t *testing.T, cmd *exec.Cmd) (string, func() int, error) {
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return "", nil, err
	}
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			if _, url, ok := strings.Cut(line, "url="); ok && strings.Contains(line, "listening") {
				found <- url
			}
		}
		io.Copy(io.Discard, stderr)
		close(found)
	}()
	select {
	case addr, ok := <-found:
		if !ok {
			return "", nil, errors.New("server exited before listening")
		}
		return addr, func() int {
			cmd.Wait()
			return cmd.ProcessState.ExitCode()
		}, nil
	case <-time.After(60 * time.Second):
		return "", nil, errors.New("server did not listen within a minute")
	}
}

func TestExportsTakeAtMostHalfThePool(t *testing.T) {
	tests := []struct {
		flag     string
		maxConns int
		want     int
		bad      bool
	}{
		{"", 16, 4, false},
		{"", 4, 2, false},
		{"", 1, 1, false},
		{"8", 16, 8, false},
		{"9", 16, 0, true},
		{"0", 16, 0, true},
	}
	for _, tt := range tests {
		got, err := exportLimit(tt.flag, tt.maxConns)
		if (err != nil) != tt.bad || (!tt.bad && got != tt.want) {
			t.Errorf("exportLimit(%q, %d) = %d, %v; want %d, bad %v", tt.flag, tt.maxConns, got, err, tt.want, tt.bad)
		}
	}
}
