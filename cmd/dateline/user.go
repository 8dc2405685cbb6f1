package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/auth"
	"golang.org/x/term"
)

const userUsage = "user add NAME | user password NAME | user list | user remove NAME [--database-url URL]"

// userCmd manages the people who may change the timeline. Passwords come
// from a prompt without echo on a terminal, or from the first line of
// standard input otherwise (for scripts: printf '%s\n' "$PW" | dateline
// user add ana).
func userCmd(ctx context.Context, args []string, e env) error {
	sub, err := action("user", userUsage, args, e)
	if err != nil {
		return err
	}
	fs := newFlags("user "+sub, userUsage, e)
	dbURL := databaseFlag(fs, e)
	rest, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return err
	}
	wantArgs := 1
	switch sub {
	case "add", "password", "remove":
	case "list":
		wantArgs = 0
	default:
		return usageError{fmt.Sprintf("user: unknown action %q: %s", sub, userUsage)}
	}
	if len(rest) != wantArgs {
		return usageError{"user " + sub + ": " + userUsage}
	}
	var name string
	if wantArgs == 1 {
		name = rest[0]
		if err := auth.ValidateName(name); err != nil {
			return usageError{"user " + sub + ": " + err.Error()}
		}
	}
	cfg, err := databaseConfig(*dbURL)
	if err != nil {
		return err
	}

	// The password is read before connecting, so that a prompt is not
	// kept waiting on the database, and nothing is stored without one.
	var hash string
	if sub == "add" || sub == "password" {
		password, err := readPassword(e, name)
		if err != nil {
			return fmt.Errorf("user %s: %w", sub, err)
		}
		if hash, err = auth.HashPassword(password); err != nil {
			return fmt.Errorf("user %s: %w", sub, err)
		}
	}
	st, err := store.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()

	switch sub {
	case "add":
		u, err := st.AddUser(ctx, name, hash)
		if errors.Is(err, store.ErrUserExists) {
			return fmt.Errorf("user add: %q exists; to change the password: dateline user password %s", auth.NormalName(name), name)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "added %s: from now on, changes to the timeline need a signed-in user\n", u.Name)
	case "password":
		if err := st.SetPassword(ctx, name, hash); errors.Is(err, timeline.ErrNotFound) {
			return fmt.Errorf("user password: no user %q", name)
		} else if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "changed the password of %s and signed them out everywhere\n", auth.NormalName(name))
	case "remove":
		if err := st.RemoveUser(ctx, name); errors.Is(err, timeline.ErrNotFound) {
			return fmt.Errorf("user remove: no user %q", name)
		} else if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "removed %s\n", auth.NormalName(name))
		if has, err := st.HasUsers(ctx); err == nil && !has {
			fmt.Fprintln(e.stdout, "no user is left: Dateline on this machine is open to changes again, and serve refuses a network address")
		}
	case "list":
		users, err := st.Users(ctx)
		if err != nil {
			return err
		}
		if len(users) == 0 {
			fmt.Fprintln(e.stdout, "no users: changes need no sign-in (add one with: dateline user add NAME)")
			return nil
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tADDED\tSESSIONS")
		for _, u := range users {
			fmt.Fprintf(tw, "%s\t%s\t%d\n", u.Name, u.CreatedAt.UTC().Format("2006-01-02 15:04 UTC"), u.Sessions)
		}
		return tw.Flush()
	}
	return nil
}

// readPassword asks for a password twice without echo on a terminal, or
// reads the first line of standard input.
func readPassword(e env, name string) (string, error) {
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintf(e.stderr, "Password for %s (at least %d characters): ", auth.NormalName(name), auth.MinPasswordRunes)
		first, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", fmt.Errorf("read the password: %w", err)
		}
		if err := auth.ValidatePassword(string(first)); err != nil {
			return "", err
		}
		fmt.Fprint(e.stderr, "The same again: ")
		again, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", fmt.Errorf("read the password: %w", err)
		}
		if string(first) != string(again) {
			return "", errors.New("the two passwords differ; nothing was changed")
		}
		return string(first), nil
	}
	line, err := bufio.NewReader(io.LimitReader(e.stdin, auth.MaxPasswordBytes+2)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read the password from standard input: %w", err)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", errors.New("no password on standard input (give it on the first line, or run this on a terminal)")
	}
	return line, nil
}
