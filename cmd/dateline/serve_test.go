package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dateline/dateline/store/storetest"
)

// server is dateline serve running as a process, with its log.
type server struct {
	cmd *exec.Cmd
	mu  sync.Mutex
	log bytes.Buffer
	// lines hears every log line as it comes.
	lines chan string
	done  chan struct{}
}

// startServer runs dateline serve with args against databaseURL.
func startServer(t *testing.T, databaseURL string, args ...string) *server {
	t.Helper()
	return startDateline(t, []string{"DATABASE_URL=" + databaseURL}, append([]string{"serve"}, args...)...)
}

// startDateline runs a long-lived dateline command (serve, work) with
// more environment variables.
func startDateline(t *testing.T, vars []string, args ...string) *server {
	t.Helper()
	s := &server{cmd: exec.Command(binary, args...), lines: make(chan string, 1000), done: make(chan struct{})}
	s.cmd.Env = append(os.Environ(), vars...)
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.cmd.Process.Kill(); <-s.done })
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			s.mu.Lock()
			s.log.WriteString(sc.Text() + "\n")
			s.mu.Unlock()
			select {
			case s.lines <- sc.Text():
			default:
			}
		}
		s.cmd.Wait()
		close(s.lines)
		close(s.done)
	}()
	return s
}

// await returns the value of key in the first log line containing msg.
func (s *server) await(t *testing.T, msg, key string) string {
	t.Helper()
	re := regexp.MustCompile(`\b` + key + `=("[^"]*"|\S+)`)
	timeout := time.After(60 * time.Second)
	for {
		select {
		case line, ok := <-s.lines:
			if !ok {
				t.Fatalf("server exited before logging %q:\n%s", msg, s.logText())
			}
			if strings.Contains(line, msg) {
				if m := re.FindStringSubmatch(line); m != nil {
					return strings.Trim(m[1], `"`)
				}
			}
		case <-timeout:
			t.Fatalf("server did not log %q within a minute:\n%s", msg, s.logText())
		}
	}
}

func (s *server) logText() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

// exit waits for the server to exit and returns its status.
func (s *server) exit(t *testing.T) int {
	t.Helper()
	select {
	case <-s.done:
	case <-time.After(60 * time.Second):
		t.Fatalf("server did not exit within a minute:\n%s", s.logText())
	}
	return s.cmd.ProcessState.ExitCode()
}

func TestServeOnANetworkAddressNeedsAUser(t *testing.T) {
	url := storetest.URL(t)
	refused := dateline(t, url, "serve", "--addr", "0.0.0.0:0")
	if refused.code != 1 || !strings.Contains(refused.stderr, "with no user") || !strings.Contains(refused.stderr, "dateline user add") {
		t.Errorf("serve on 0.0.0.0 with no user: exit %d, %q; want 1 saying why", refused.code, refused.stderr)
	}
	if last := lastLine(refused.stderr); !strings.HasPrefix(last, "dateline: serve: refusing") {
		t.Errorf("the reason is not one line of its own: %q", last)
	}

	open := startServer(t, url, "--addr", "0.0.0.0:0", "--insecure-open")
	open.await(t, "listening", "url")
	if log := open.logText(); !strings.Contains(log, "INSECURE") || !strings.Contains(log, "ANYONE") {
		t.Errorf("--insecure-open without a loud warning:\n%s", log)
	}
	open.cmd.Process.Signal(syscall.SIGTERM)
	if code := open.exit(t); code != 0 {
		t.Errorf("exit %d after SIGTERM", code)
	}

	if r := datelineIn(t, url, "a long enough password\n", "user", "add", "ana"); r.code != 0 {
		t.Fatalf("user add: %+v", r)
	}
	withUser := startServer(t, url, "--addr", "0.0.0.0:0")
	withUser.await(t, "listening", "url")
	if log := withUser.logText(); strings.Contains(log, "INSECURE") {
		t.Errorf("a warning with a user:\n%s", log)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func TestUserCommands(t *testing.T) {
	url := storetest.URL(t)
	steps := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"list with no users says changes are open", "", []string{"user", "list"}, 0, "no users", ""},
		{"add reads the password from stdin", "a long enough password\n", []string{"user", "add", "Ana Lopez"}, 0, "added Ana Lopez", ""},
		{"add refuses a short password", "short\n", []string{"user", "add", "bob"}, 1, "", "shorter than 10"},
		{"add refuses no password", "", []string{"user", "add", "bob"}, 1, "", "no password"},
		{"add refuses a taken name in another case", "a long enough password\n", []string{"user", "add", "ana lopez"}, 1, "", "exists"},
		{"add needs a name", "", []string{"user", "add"}, 2, "", "user add NAME"},
		{"an unknown action is bad usage", "", []string{"user", "promote", "ana"}, 2, "", `unknown action "promote"`},
		{"list shows the user", "", []string{"user", "list"}, 0, "Ana Lopez", ""},
		{"password changes it", "another long password\n", []string{"user", "password", "ana lopez"}, 0, "changed the password", ""},
		{"password of nobody fails", "another long password\n", []string{"user", "password", "nobody"}, 1, "", `no user "nobody"`},
		{"remove removes", "", []string{"user", "remove", "ANA LOPEZ"}, 0, "removed", ""},
		{"remove of nobody fails", "", []string{"user", "remove", "ana lopez"}, 1, "", "no user"},
	}
	for _, tt := range steps {
		t.Run(tt.name, func(t *testing.T) {
			r := datelineIn(t, url, tt.stdin, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stdout, tt.stdout) || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", r.code, r.stdout, r.stderr, tt.code, tt.stdout, tt.stderr)
			}
			if strings.Contains(r.stdout+r.stderr, "long enough") {
				t.Error("the password is printed")
			}
		})
	}
}

func TestServeAnswers503UntilTheDatabaseIsReachable(t *testing.T) {
	s := startServer(t, "postgres://127.0.0.1:1/dateline?connect_timeout=1", "--addr", "127.0.0.1:0", "--db-wait", "4s")
	addr := "http://" + s.await(t, "accepting connections", "addr")
	s.await(t, "database not ready, retrying", "attempt")
	resp, err := http.Get(addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "database unreachable") {
		t.Errorf("/healthz while waiting: %d %q", resp.StatusCode, body)
	}
	resp, err = http.Get(addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "cannot reach its database") ||
		strings.Contains(string(body), "127.0.0.1:1") || resp.Header.Get("Retry-After") == "" {
		t.Errorf("page while waiting: %d %q", resp.StatusCode, body)
	}
	if code := s.exit(t); code != 1 {
		t.Errorf("exit %d after the wait, want 1", code)
	}
	if log := s.logText(); !strings.Contains(log, "database unreachable after") || strings.Count(log, "database not ready, retrying") < 2 {
		t.Errorf("log does not tell the story:\n%s", log)
	}
}

// A request in flight when SIGTERM arrives is finished before the server
// exits: here an article upload that is still arriving.
func TestSIGTERMLetsRequestsInFlightFinish(t *testing.T) {
	s := startServer(t, storetest.URL(t), "--addr", "127.0.0.1:0")
	addr := s.await(t, "listening", "url")
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	resp, err := client.Get(addr + "/articles/new")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatal("no form token on the article form")
	}

	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	req, _ := http.NewRequest("POST", addr+"/articles", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	answer := make(chan *http.Response, 1)
	go func() {
		resp, err := client.Do(req)
		if err != nil {
			t.Errorf("the request in flight failed: %v", err)
			close(answer)
			return
		}
		answer <- resp
	}()
	mw.WriteField("csrf", string(m[1]))
	body, _ := mw.CreateFormField("body")
	fmt.Fprint(body, "MOSCOW — President Vladimir V. Putin spoke by phone with President Trump on June 21, 2025, ")
	time.Sleep(300 * time.Millisecond) // the server is reading the body

	s.cmd.Process.Signal(syscall.SIGTERM)
	s.await(t, "shutting down", "msg")
	time.Sleep(300 * time.Millisecond)
	fmt.Fprint(body, "the Kremlin said.\n")
	mw.Close()
	pw.Close()

	resp = <-answer
	if resp == nil {
		t.Fatal("no answer")
	}
	page, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Contains(page, []byte("Review the events")) {
		t.Errorf("the request in flight got %d: %.300s", resp.StatusCode, page)
	}
	if code := s.exit(t); code != 0 {
		t.Errorf("exit %d after SIGTERM, want 0:\n%s", code, s.logText())
	}
	if _, err := http.Get(addr + "/"); err == nil {
		t.Error("the server still answers after it stopped")
	}
}
