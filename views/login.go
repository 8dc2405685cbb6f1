package views

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/auth"
)

// LoginModel is the sign-in page.
type LoginModel struct {
	Name string
	// Next is where to go once signed in: a path on this site.
	Next string
	// User is the signed-in user's name, if any.
	User string
	// NoUsers is set when nobody can sign in yet.
	NoUsers bool
	// Open is set when changes need no sign-in (no user exists).
	Open      bool
	SignedOut bool
	Error     string
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) error {
	v := visitorOf(r.Context())
	m := LoginModel{Next: safeNext(r.URL.Query().Get("next")), User: signedIn(r.Context()), SignedOut: r.URL.Query().Get("signed_out") != ""}
	if err := s.describeAccess(r, &m); err != nil {
		return err
	}
	s.ensureFormToken(w, r, v)
	w.Header().Set("Cache-Control", "no-store")
	return render(w, r, LoginPage(m))
}

// describeAccess says on the sign-in page whether anyone can sign in, and
// whether anyone needs to.
func (s *Server) describeAccess(r *http.Request, m *LoginModel) error {
	has, err := s.users.HasUsers(r.Context())
	if err != nil {
		return err
	}
	m.NoUsers = !has
	m.Open = !has && !s.opts.RequireSignIn
	return nil
}

// login checks a name and password and starts a session. Attempts are
// limited per client address, and per name from that address, before any
// password is checked; a successful sign-in gives its attempt back, so
// that only failures count. Limiting a name from everywhere at once would
// let anyone lock its user out with ten wrong passwords. A wrong name and
// a wrong password get the same answer in the same time, so the page does
// not tell who has an account.
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	m := LoginModel{Name: auth.NormalName(r.PostFormValue("name")), Next: safeNext(r.PostFormValue("next"))}
	password := r.PostFormValue("password")
	addr := s.clientAddr(r)
	fail := func(status int, msg string) error {
		if err := s.describeAccess(r, &m); err != nil {
			return err
		}
		m.Error = msg
		w.Header().Set("Cache-Control", "no-store")
		return renderStatus(w, r, status, LoginPage(m))
	}
	if !utf8.ValidString(m.Name) || strings.ContainsFunc(m.Name, unicode.IsControl) {
		m.Name = ""
		return fail(http.StatusBadRequest, "A user name is plain text, without control characters.")
	}
	now := time.Now()
	fromAddr, ok, wait := s.addrLimit.take(addrKey(addr), now)
	if !ok {
		s.log.Warn("sign-in refused: too many attempts from the address", "addr", addr)
		w.Header().Set("Retry-After", fmt.Sprint(int(wait.Seconds())+1))
		return fail(http.StatusTooManyRequests, "Too many sign-in attempts from your address. Try again in "+waitText(wait)+".")
	}
	key := auth.NameKey(m.Name) + "\x00" + addrKey(addr)
	if _, ok, wait := s.nameLimit.take(key, now); !ok {
		fromAddr.giveBack() // the name's limit refused it, not the address's
		s.log.Warn("sign-in refused: too many attempts for the name from the address", "name", truncate(m.Name, 64), "addr", addr)
		w.Header().Set("Retry-After", fmt.Sprint(int(wait.Seconds())+1))
		return fail(http.StatusTooManyRequests, "Too many sign-in attempts for this name from your address. Try again in "+waitText(wait)+".")
	}
	u, hash, err := s.users.Credentials(r.Context(), m.Name)
	switch {
	case errors.Is(err, timeline.ErrNotFound) || m.Name == "":
		err = auth.CheckNobody(password)
	case err != nil:
		return err
	default:
		err = auth.CheckPassword(hash, password)
	}
	if err != nil {
		if !errors.Is(err, auth.ErrBadPassword) {
			s.log.Error("stored password hash cannot be read", "user", u.Name, "err", err)
		}
		s.log.Warn("sign-in failed", "name", truncate(m.Name, 64), "addr", addr)
		return fail(http.StatusUnauthorized, "The name or the password is not right.")
	}
	token := auth.NewToken()
	if err := s.users.CreateSession(r.Context(), u.ID, auth.TokenHash(token), now.Add(s.opts.SessionTTL)); err != nil {
		return err
	}
	s.nameLimit.forget(key)
	fromAddr.giveBack()
	s.setCookie(w, r, sessionCookie, token, s.opts.SessionTTL)
	s.log.Info("signed in", "user", u.Name, "addr", addr)
	return seeOther(w, r, m.Next)
}

// logout ends the session, on the server and in the browser.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	v := visitorOf(r.Context())
	if v.user != nil {
		if err := s.users.EndSession(r.Context(), v.session); err != nil {
			return err
		}
		s.log.Info("signed out", "user", v.user.Name)
	}
	s.setCookie(w, r, sessionCookie, "", -1)
	return seeOther(w, r, "/login?signed_out=1")
}

// waitText says a wait in whole minutes, or seconds below one.
func waitText(d time.Duration) string {
	if d < time.Minute {
		return plural(int(d.Seconds())+1, "second", "seconds")
	}
	return plural(int(d.Minutes())+1, "minute", "minutes")
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
