package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/fetch"
	"github.com/jackc/pgx/v5/pgxpool"
)

// newFlags returns a flag set for one command. Parse errors become usage
// errors (exit 2) and -h shows the flags on stderr.
func newFlags(name, synopsis string, e env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse reports errors itself, in one line
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: dateline %s\n\nFlags:\n", synopsis)
		fs.SetOutput(e.stderr)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parse parses args, mapping -h to errHelp and any other problem to a
// usageError. Positional arguments are refused unless allowed.
func parse(fs *flag.FlagSet, args []string, allowArgs bool) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.Usage()
		return errHelp
	}
	if err != nil {
		return usageError{fmt.Sprintf("%s: %v", fs.Name(), err)}
	}
	if !allowArgs && fs.NArg() > 0 {
		return usageError{fmt.Sprintf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))}
	}
	return nil
}

// action reads the action of a command that has several (user add, feed
// list): its first argument, or the help that -h asks for.
func action(cmd, usage string, args []string, e env) (string, error) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], nil
	}
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		fmt.Fprintf(e.stderr, "Usage: dateline %s\n", usage)
		return "", errHelp
	}
	return "", usageError{cmd + ": say what to do: " + usage}
}

// envDefault returns the environment value of name, or def.
func envDefault(e env, name, def string) string {
	if v := e.getenv(name); v != "" {
		return v
	}
	return def
}

// databaseFlag adds --database-url, whose default is $DATABASE_URL.
func databaseFlag(fs *flag.FlagSet, e env) *string {
	return fs.String("database-url", e.getenv("DATABASE_URL"), "PostgreSQL connection string or URL (env DATABASE_URL)")
}

// fetchClient fetches pages of at most maxBytes from public addresses,
// or from any address when DATELINE_FETCH_PRIVATE=1 (an intranet, tests).
func fetchClient(e env, maxBytes int) *fetch.Client {
	return fetch.New(fetchOptions(e, maxBytes))
}

// databaseConfig reads a --database-url: a malformed one is bad usage.
func databaseConfig(url string) (*pgxpool.Config, error) {
	cfg, err := store.ParseConfig(url)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	return cfg, nil
}
