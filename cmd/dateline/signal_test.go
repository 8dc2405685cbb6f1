package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// extract and timex stop on SIGTERM and SIGINT, as a process: while they
// wait for standard input that never ends, and while extraction works on
// a long text without sentence ends. They say so in one line and exit 1.
func TestExtractStopsOnASignal(t *testing.T) {
	runOn := filepath.Join(t.TempDir(), "run-on.txt")
	words := strings.Repeat("the ministers met again and spoke of talks on Thursday and ", 2<<20/60)
	if err := os.WriteFile(runOn, []byte(words), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		signal syscall.Signal
	}{
		{"extract reading a pipe that stays open, SIGTERM", []string{"extract", "-"}, syscall.SIGTERM},
		{"extract reading a pipe that stays open, SIGINT", []string{"extract", "-"}, syscall.SIGINT},
		{"timex reading a pipe that stays open, SIGTERM", []string{"timex", "--dct", "2025-07-03", "-"}, syscall.SIGTERM},
		{"extract on 2 MiB of run-on words, SIGTERM", []string{"extract", "--published", "2025-07-03", runOn}, syscall.SIGTERM},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A signal that comes before the program has set up its
			// handling ends it the default way, as a busy machine's slow
			// start can make happen: then the same run is tried again,
			// signalled later.
			for wait := 300 * time.Millisecond; ; wait *= 2 {
				code, msg, early := stopWithSignal(t, tt.args, tt.signal, wait)
				if early && wait < 5*time.Second {
					t.Logf("killed by the signal after %s, before handling it: again, later", wait)
					continue
				}
				if code != 1 || !strings.Contains(msg, "interrupted") || strings.Contains(msg, "\n") {
					t.Errorf("exit %d, stderr %q; want 1 and one line saying it was interrupted", code, msg)
				}
				return
			}
		})
	}
}

// stopWithSignal starts dateline with args and standard input that stays
// open, signals it after wait, and returns its exit code and what it
// said; early reports that the signal killed it unhandled.
func stopWithSignal(t *testing.T, args []string, sig syscall.Signal, wait time.Duration) (code int, msg string, early bool) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	stdin, err := cmd.StdinPipe() // never closed before the end: no end of input
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stdin.Write([]byte("Leaders met on Thursday"))
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
		if cmd.ProcessState.ExitCode() == 0 {
			t.Skip("the command finished before the signal; nothing to stop")
		}
		t.Fatalf("exited %d before the signal: %s", cmd.ProcessState.ExitCode(), stderr.String())
	// started, and busy: 2 MiB, the most one article may hold, take
	// extraction about a second, so the signal comes before the end
	case <-time.After(wait):
	}
	cmd.Process.Signal(sig)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("still running 10 s after the signal")
	}
	ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
	return cmd.ProcessState.ExitCode(), strings.TrimSpace(stderr.String()), ws.Signaled()
}
