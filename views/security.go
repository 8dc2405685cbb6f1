package views

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/auth"
)

// contentSecurityPolicy lets pages load scripts, styles, images and
// fetches from Dateline itself only: no inline script or style, no event
// handler attribute, no plugin, no other site's frame around a page.
// Whatever an article's HTML holds, a browser runs none of it.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

// setSecurityHeaders sets the headers every response carries.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

// Cookie names. Over HTTPS they carry the __Host- prefix, which browsers
// accept only from a secure origin for the whole site: another site on a
// sibling domain, or a network attacker on plain HTTP, cannot plant them.
const (
	sessionCookie = "dateline_session"
	formCookie    = "dateline_form"
)

// visitor is who is asking: the signed-in user, if any, and the browser's
// form token.
type visitor struct {
	user    *auth.User
	session [32]byte // hash of the session token
	// formSecret is the browser's form cookie; formToken the value forms
	// carry back with it (empty until a page with a form is served).
	formSecret, formToken string
	// err is why the session could not be looked up (the database is
	// down): reading goes on without the user, changing fails with it.
	err error
}

type visitorKey struct{}

// visitorOf returns the visitor of a request; a request that did not go
// through the server has an anonymous one.
func visitorOf(ctx context.Context) *visitor {
	if v, ok := ctx.Value(visitorKey{}).(*visitor); ok {
		return v
	}
	return &visitor{}
}

// signedIn is the name of the signed-in user, or "".
func signedIn(ctx context.Context) string {
	if u := visitorOf(ctx).user; u != nil {
		return u.Name
	}
	return ""
}

// formToken is the value of the hidden field that every form sending a
// change carries (see csrfField).
func formToken(ctx context.Context) string { return visitorOf(ctx).formToken }

// secure reports whether the browser reached Dateline over HTTPS: directly,
// or through a proxy Dateline trusts that says so.
func (s *Server) secure(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	return s.opts.TrustProxy && strings.EqualFold(lastValue(r.Header.Get("X-Forwarded-Proto")), "https")
}

// clientAddr is the address a request came from: the connection's, or,
// behind a trusted proxy, the one the proxy appended to X-Forwarded-For
// (earlier entries are whatever the client claimed).
func (s *Server) clientAddr(r *http.Request) string {
	if s.opts.TrustProxy {
		if fwd := lastValue(r.Header.Get("X-Forwarded-For")); fwd != "" {
			return fwd
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// lastValue is the last entry of a comma-separated header value.
func lastValue(v string) string {
	if i := strings.LastIndexByte(v, ','); i >= 0 {
		v = v[i+1:]
	}
	return strings.TrimSpace(v)
}

func (s *Server) cookieName(r *http.Request, base string) string {
	if s.secure(r) {
		return "__Host-" + base
	}
	return base
}

// setCookie sets an HttpOnly, SameSite=Lax cookie for the whole site,
// Secure over HTTPS. maxAge 0 makes it last as long as the browser runs;
// below 0 deletes it.
func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, base, value string, maxAge time.Duration) {
	c := &http.Cookie{
		Name: s.cookieName(r, base), Value: value, Path: "/",
		HttpOnly: true, Secure: s.secure(r), SameSite: http.SameSiteLaxMode,
	}
	switch {
	case maxAge < 0:
		c.MaxAge = -1
	case maxAge > 0:
		c.MaxAge = int(maxAge / time.Second)
	}
	http.SetCookie(w, c)
}

func (s *Server) cookie(r *http.Request, base string) string {
	c, err := r.Cookie(s.cookieName(r, base))
	if err != nil {
		return ""
	}
	return c.Value
}

// identify finds who is asking: the session's user, extended when half of
// its time has passed, and the browser's form cookie.
func (s *Server) identify(w http.ResponseWriter, r *http.Request) *visitor {
	v := &visitor{formSecret: s.cookie(r, formCookie)}
	if v.formSecret != "" {
		v.formToken = tokenFor(v.formSecret)
	}
	token := s.cookie(r, sessionCookie)
	if token == "" {
		return v
	}
	hash := auth.TokenHash(token)
	u, expires, err := s.users.Session(r.Context(), hash)
	switch {
	case errors.Is(err, timeline.ErrNotFound):
		s.setCookie(w, r, sessionCookie, "", -1) // ended or expired: forget it
		return v
	case err != nil:
		v.err = err
		return v
	}
	v.user, v.session = &u, hash
	if time.Until(expires) < s.opts.SessionTTL/2 {
		if err := s.users.ExtendSession(r.Context(), hash, time.Now().Add(s.opts.SessionTTL)); err != nil {
			s.log.Warn("could not extend a session", "user", u.Name, "err", err)
		} else {
			s.setCookie(w, r, sessionCookie, token, s.opts.SessionTTL)
		}
	}
	// A signed-in user's every page has the sign-out form.
	s.ensureFormToken(w, r, v)
	return v
}

// ensureFormToken gives the browser a form cookie if it has none, so that
// the page about to be served can carry its token in its forms.
func (s *Server) ensureFormToken(w http.ResponseWriter, r *http.Request, v *visitor) {
	if v.formSecret != "" {
		return
	}
	v.formSecret = auth.NewToken()
	v.formToken = tokenFor(v.formSecret)
	s.setCookie(w, r, formCookie, v.formSecret, 0)
}

// tokenFor derives a form token from the browser's form cookie: a page
// from Dateline carries it, and another site can neither read the page
// nor the HttpOnly cookie, so it cannot send a form that passes (the
// double-submit pattern, behind the Fetch-metadata check of
// http.CrossOriginProtection). Hashing keeps the cookie's value itself out
// of the pages.
func tokenFor(secret string) string {
	sum := sha256.Sum256([]byte("dateline form token\x00" + secret))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

func validFormToken(v *visitor, sent string) bool {
	return v.formToken != "" && subtle.ConstantTimeCompare([]byte(sent), []byte(v.formToken)) == 1
}

// mustSignIn reports whether v must sign in before changing anything:
// once any user exists (or always, when the server is open to a network),
// every change needs a signed-in user.
func (s *Server) mustSignIn(ctx context.Context, v *visitor) (bool, error) {
	switch {
	case v.user != nil:
		return false, nil
	case v.err != nil:
		return false, v.err
	case s.opts.RequireSignIn:
		return true, nil
	}
	return s.users.HasUsers(ctx)
}

// signInFirst sends the visitor to the sign-in page, and back to next
// afterwards.
type signInFirst struct{ next string }

func (signInFirst) Error() string { return "sign in first" }

// statusError is a refusal the user can understand: its status and its
// message in plain words.
type statusError struct {
	status  int
	message string
	// retryAfter, when set, tells the browser when to try again.
	retryAfter time.Duration
}

func (e statusError) Error() string { return e.message }

// formRoute describes a route that takes a form.
type formRoute struct {
	// limit bounds the request's body; tooLarge says so in plain words.
	limit    int64
	tooLarge string
	// public routes need no signed-in user (signing in and out).
	public bool
	// tooLargePage, when set, answers a request over the limit instead of
	// the error page.
	tooLargePage handlerFunc
}

// formPage registers a GET route that shows a form for a change: a visitor
// who may not make it is sent to sign in first, and the browser gets its
// form cookie.
func (s *Server) formPage(pattern string, h handlerFunc) {
	s.handle(pattern, func(w http.ResponseWriter, r *http.Request) error {
		v := visitorOf(r.Context())
		must, err := s.mustSignIn(r.Context(), v)
		if err != nil {
			return err
		}
		if must {
			return signInFirst{r.URL.RequestURI()}
		}
		s.ensureFormToken(w, r, v)
		return h(w, r)
	})
}

// change registers a route that changes something (or, like reading an
// article for review, leads to a change). Before h runs: the visitor must
// be signed in once that is required, the body must be within the
// route's limit (413 otherwise), and the form must carry the browser's
// form token (403 otherwise). h finds the form parsed.
func (s *Server) change(pattern string, route formRoute, h handlerFunc) {
	s.handle(pattern, func(w http.ResponseWriter, r *http.Request) error {
		v := visitorOf(r.Context())
		if !route.public {
			must, err := s.mustSignIn(r.Context(), v)
			if err != nil {
				return err
			}
			if must {
				return signInFirst{sameSitePath(r)}
			}
		}
		r.Body = http.MaxBytesReader(w, r.Body, route.limit)
		// ParseMultipartForm would parse a URL-encoded form too, but then
		// report only that it is not multipart, losing a body over the
		// limit: each encoding is parsed by its own call.
		var err error
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
			err = r.ParseMultipartForm(min(route.limit, 8<<20))
		} else {
			err = r.ParseForm()
		}
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge) && route.tooLargePage != nil:
			return route.tooLargePage(w, r)
		case errors.As(err, &tooLarge):
			return statusError{status: http.StatusRequestEntityTooLarge, message: route.tooLarge}
		case err != nil:
			return badRequest{"The form could not be read. Go back and send it again."}
		}
		if !validFormToken(v, r.PostFormValue("csrf")) {
			s.ensureFormToken(w, r, v)
			return statusError{status: http.StatusForbidden, message: "This form has expired, or did not come from Dateline. " +
				"Go back, reload the page and send it again."}
		}
		// The history records every change as the signed-in user's.
		return h(w, r.WithContext(timeline.WithAuthor(r.Context(), signedIn(r.Context()))))
	})
}

// sameSitePath is where a refused change came from, to return to after
// signing in: the referring page of this site, or the timeline.
func sameSitePath(r *http.Request) string {
	ref, err := url.Parse(r.Referer())
	if err != nil || ref.Host != r.Host {
		return "/"
	}
	return safeNext(ref.RequestURI())
}

// safeNext is next if it is a path on this site, cleaned as http.Redirect
// will clean it, and "/" otherwise: the sign-in page must not send anyone
// to another site. Browsers read a backslash in a path as a slash, so
// "/\host" is another site and "/./\host" becomes it once cleaned: a
// path with a backslash is refused, and the cleaned path is what is
// checked and returned.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(next, "/") {
		return "/"
	}
	p, query, hasQuery := strings.Cut(next, "?")
	if strings.Contains(p, `\`) {
		return "/"
	}
	cleaned := path.Clean(p)
	if strings.HasSuffix(p, "/") && !strings.HasSuffix(cleaned, "/") {
		cleaned += "/"
	}
	if !strings.HasPrefix(cleaned, "/") || strings.HasPrefix(cleaned, "//") {
		return "/"
	}
	if hasQuery {
		cleaned += "?" + query
	}
	return cleaned
}

// sizeText says a byte count as people do: "2 MiB", "512 KiB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
