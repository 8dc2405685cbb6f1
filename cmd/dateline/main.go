// Command dateline turns news articles into a timeline of diplomatic
// events. Run "dateline help" for the subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first signal asks the command to stop; a second one ends
		// the process at once, as if Dateline had not caught the first.
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv})
	stop()
	os.Exit(code)
}

// untilInterrupted runs fn, but returns as soon as ctx ends (SIGTERM,
// Ctrl-C), with an error that says so: reading a pipe blocks whatever ctx
// says, and a computation may not look at ctx for a long time. The
// command then returns, and the process exits without waiting for fn.
func untilInterrupted(ctx context.Context, command string, fn func() error) error {
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("%s: interrupted", command)
	}
}

// env is the outside world a command may touch, so that tests can supply
// their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

const usage = `Usage: dateline <command> [flags]

Commands:
  serve     serve the timeline on the web (applies migrations first), and
            work the background jobs (feeds) unless --workers 0:
              [--addr HOST:PORT] [--max-article-size 2MiB] [--trust-proxy]
              [--tls-cert FILE --tls-key FILE] [--insecure-open] [--workers 4]
              [--db-max-conns 16] [--max-exports 4] [--public-url URL]
  work      work the background jobs only; run it on as many machines as
            you like against one database: [--workers 4]
  feed      follow news feeds (RSS, Atom, JSON Feed):
              add URL [--every 30m] [--accept review|auto] | list | remove ID
  migrate   apply database migrations and exit
  extract   print the events found in one article (FILE or - for stdin):
              [--published YYYY-MM-DD] [--json] FILE|-
  timex     print every temporal expression in a text:
              [--dct YYYY-MM-DD] [--json] FILE|-
  eval      score extraction on gold articles, or timex on TimeML:
              [DIR] | --timeml DIR
  ingest    extract and store articles in bulk (.txt, .html, .jsonl, web addresses):
              [--published YYYY-MM-DD] [--workers N] [--writers N] [--batch N]
              [--article-timeout 1m] DIR|FILE|URL...
  export    write the timeline to stdout:
              --format ics|json|csv|timelinejs [--q TEXT] [--kind KIND]...
              [--actor NAME]... [--from DATE] [--to DATE]
  import    bring events in from a Dateline JSON export or a TimelineJS
            spreadsheet saved as CSV:
              [--all-or-nothing | --skip-bad-rows] FILE.json|FILE.csv
  user      manage who may change the timeline (reading stays public):
              add NAME | password NAME | list | remove NAME
            passwords are asked for without echo, or read from stdin
  help      show this help

Run "dateline <command> -h" for a command's flags.
Configuration comes from flags, or from the environment: DATABASE_URL
(libpq connection string or URL; default: the local server, database
"dateline"), DATELINE_ADDR (default 127.0.0.1:8080), DATELINE_WORKERS,
DATELINE_FETCH_PRIVATE=1 (let fetching reach loopback and private
addresses: intranets, tests).
`

// run executes one command line and returns the exit status: 0 on
// success, 1 on a failure, 2 on bad usage. Errors go to stderr in one line.
func run(ctx context.Context, args []string, e env) int {
	err := dispatch(ctx, args, e)
	var u usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errHelp):
		return 0
	}
	fmt.Fprintf(e.stderr, "dateline: %s\n", oneLine(err.Error()))
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

// oneLine joins the lines of a multi-line error message (pgx reports each
// address it tried on its own line), so that every error is one log line.
func oneLine(s string) string {
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(lines, " ")
}

var errHelp = errors.New("help shown")

func dispatch(ctx context.Context, args []string, e env) error {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return serve(ctx, rest, e)
	case "extract":
		return extractCmd(ctx, rest, e)
	case "timex":
		return timexCmd(ctx, rest, e)
	case "eval":
		return evalCmd(ctx, rest, e)
	case "ingest":
		return ingestCmd(ctx, rest, e)
	case "migrate":
		return migrateCmd(ctx, rest, e)
	case "export":
		return exportCmd(ctx, rest, e)
	case "import":
		return importCmd(ctx, rest, e)
	case "user":
		return userCmd(ctx, rest, e)
	case "feed":
		return feedCmd(ctx, rest, e)
	case "work":
		return workCmd(ctx, rest, e)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(e.stdout, usage)
		return errHelp
	}
	fmt.Fprint(e.stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}
