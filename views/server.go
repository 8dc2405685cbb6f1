// Package views serves Dateline's pages: templ components, the HTTP
// handlers that render them and the static assets.
package views

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/dateline/dateline/store/fetch"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
)

//go:embed static
var static embed.FS

// Options configure a server. The zero value is a server for this
// machine alone: articles up to timeline.MaxArticleBytes, changes open to
// anyone until a user exists.
type Options struct {
	// MaxArticleBytes is the largest article taken (larger ones get a 413
	// page); 0 means timeline.MaxArticleBytes. At most
	// timeline.ArticleBytesCeiling.
	MaxArticleBytes int
	// RequireSignIn makes every change need a signed-in user even while
	// no user exists: for a server others on the network can reach.
	RequireSignIn bool
	// TrustProxy honours X-Forwarded-Proto (for Secure cookies) and
	// X-Forwarded-For (for the sign-in limits) from a proxy in front.
	TrustProxy bool
	// SessionTTL is how long a session lasts unused; using it extends
	// it. 0 means 12 hours.
	SessionTTL time.Duration
	// MaxExports bounds the exports prepared and sent at once; 0 means
	// DefaultMaxExports. Each takes a database connection while the
	// database writes it, so keep it below the pool's size.
	MaxExports int
	// PublicURL is the address people reach Dateline at
	// (https://news.example.org), for addresses given out to other
	// programs, such as the calendar's subscribe link. nil means the
	// request's Host, which the client chooses.
	PublicURL *url.URL
	// Fetch gets an article given by its address; nil means a client
	// for public addresses with MaxArticleBytes as its limit.
	Fetch *fetch.Client
	// Follow adds, polls and removes feeds; nil leaves the Feeds page
	// without them.
	Follow Follow
}

// Server routes requests to the pages.
type Server struct {
	// Each handler uses the part of storage it needs.
	events   EventStore
	actors   ActorStore
	articles ArticleStore
	changes  ChangeStore
	export   ExportStore
	users    UserStore
	inbox    InboxStore
	health   HealthChecker
	log      *slog.Logger
	opts     Options
	// Sign-in attempts are limited per client address and per user name.
	addrLimit, nameLimit *limiter
	// exports holds a token per export in progress; exportStall is how
	// long a download may take nothing before it is cut off.
	exports     chan struct{}
	exportStall time.Duration
	// now is the clock that "today" and "last Thursday" are read
	// against; extract reads articles. Tests replace them.
	now       func() time.Time
	extract   func(ctx context.Context, input string, opts extract.Options) (extract.Result, error)
	fetchPage func(ctx context.Context, url string) (fetch.Page, error)
	mux       *http.ServeMux
	handler   http.Handler
	suggested suggestions
}

// NewServer returns the web application over store, with the zero
// Options.
func NewServer(store Store, log *slog.Logger) *Server {
	return New(store, log, Options{})
}

// New returns the web application over store.
func New(store Store, log *slog.Logger, opts Options) *Server {
	if opts.MaxArticleBytes <= 0 {
		opts.MaxArticleBytes = timeline.MaxArticleBytes
	}
	opts.MaxArticleBytes = min(opts.MaxArticleBytes, timeline.ArticleBytesCeiling)
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = 12 * time.Hour
	}
	if opts.MaxExports <= 0 {
		opts.MaxExports = DefaultMaxExports
	}
	if opts.Fetch == nil {
		opts.Fetch = fetch.New(fetch.Options{MaxBytes: opts.MaxArticleBytes})
	}
	s := &Server{
		events: store, actors: store, articles: store, changes: store, export: store, users: store, inbox: store, health: store,
		log: log, opts: opts, now: time.Now, extract: extract.Article, fetchPage: opts.Fetch.Page,
		mux: http.NewServeMux(), addrLimit: newLimiter(20, 30*time.Second), nameLimit: newLimiter(10, time.Minute),
		exports: make(chan struct{}, opts.MaxExports), exportStall: exportStall,
	}
	// An article's forms carry the article and room for the fields; the
	// forms are multipart, so text is not inflated by URL encoding.
	article := formRoute{
		limit:    int64(opts.MaxArticleBytes) + 1<<20,
		tooLarge: s.articleTooLarge(),
	}
	// The article form itself, too large to read, is shown again with the
	// limit rather than a page that leads nowhere.
	articleForm := article
	articleForm.tooLargePage = s.articleFormTooLarge
	event := formRoute{limit: maxEventForm, tooLarge: "The event is larger than the " + sizeText(maxEventForm) + " Dateline takes: shorten its summary."}
	small := formRoute{limit: 16 << 10, tooLarge: "The form is larger than the " + sizeText(16<<10) + " Dateline takes."}
	public := small
	public.public = true

	s.handle("GET /{$}", s.timeline)
	s.formPage("GET /articles/new", s.newArticle)
	s.change("POST /articles", articleForm, s.readArticle)
	s.change("POST /articles/accept", article, s.acceptArticle)
	s.handle("GET /articles", s.articlesPage)
	s.handle("GET /articles/{id}", s.articlePage)
	s.change("POST /articles/{id}/read", article, s.readStoredArticle)
	s.change("POST /articles/{id}/accept", article, s.acceptStoredArticle)
	s.formPage("GET /articles/{id}/delete", s.confirmDeleteArticle)
	s.change("POST /articles/{id}/delete", small, s.deleteArticle)
	s.handle("GET /actors", s.actorsPage)
	s.handle("GET /actors/{id}", s.actorPage)
	s.formPage("GET /actors/{id}/edit", s.editActor)
	s.change("POST /actors/{id}", small, s.updateActor)
	s.change("POST /actors/{id}/aliases", small, s.addAlias)
	s.formPage("GET /actors/{id}/merge", s.confirmActorMerge)
	s.change("POST /actors/{id}/merge", small, s.mergeActors)
	s.formPage("GET /events/new", s.newEvent)
	s.change("POST /events", event, s.createEvent)
	s.handle("GET /events/{id}", s.eventPage)
	s.formPage("GET /events/{id}/edit", s.editEvent)
	s.change("POST /events/{id}", event, s.updateEvent)
	s.formPage("GET /events/{id}/delete", s.confirmDelete)
	s.change("POST /events/{id}/delete", small, s.deleteEvent)
	s.formPage("GET /events/{id}/merge", s.confirmMerge)
	s.change("POST /events/{id}/merge", small, s.mergeEvents)
	s.formPage("GET /events/{id}/split", s.confirmSplit)
	s.change("POST /events/{id}/split", small, s.splitMention)
	s.formPage("GET /feeds", s.feedsPage)
	s.change("POST /feeds", small, s.addFeed)
	s.change("POST /feeds/{id}/poll", small, s.feedAction(s.pollFeed))
	s.change("POST /feeds/{id}/delete", small, s.feedAction(s.removeFeed))
	s.change("POST /feeds/items/{id}/retry", small, s.feedAction(s.retryItem))
	s.change("POST /feeds/{id}/accept-all", small, s.acceptFeedInbox)
	s.formPage("GET /inbox", s.inboxPage)
	s.formPage("GET /inbox/{id}", s.reviewInbox)
	s.change("POST /inbox/{id}", article, s.readArticle)
	s.change("POST /inbox/{id}/accept", article, s.acceptArticle)
	s.change("POST /inbox/{id}/dismiss", article, s.dismissInbox)
	s.handle("GET /login", s.loginPage)
	s.change("POST /login", public, s.login)
	s.change("POST /logout", public, s.logout)
	s.handle("GET /dates/parse", s.parseDate)
	s.handle("GET /healthz", s.healthz)
	s.handle("GET /export", s.exportPage)
	s.handle("GET /print", s.printPage)
	s.handle("GET /calendar.ics", s.serveExport("ics"))
	s.handle("GET /export.json", s.serveExport("json"))
	s.handle("GET /export.csv", s.serveExport("csv"))
	s.handle("GET /timelinejs.json", s.serveExport("timelinejs"))
	s.handle("/", func(http.ResponseWriter, *http.Request) error { return timeline.ErrNotFound })
	s.mux.Handle("GET /static/", http.FileServerFS(static))
	// State-changing requests from other sites are refused (CSRF) by
	// their Fetch metadata before anything else; forms also carry a
	// token (see change).
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, http.StatusForbidden, "Changes can only be sent from Dateline's own pages.", "")
	}))
	s.handler = cop.Handler(http.HandlerFunc(s.serveVisitor))
	return s
}

// ServeHTTP serves the application. Every response carries the security
// headers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	if s.secure(r) {
		// Browsers that once reached Dateline over HTTPS never try plain
		// HTTP again, where a network attacker could answer.
		w.Header().Set("Strict-Transport-Security", "max-age=31536000")
	}
	s.handler.ServeHTTP(w, r)
}

// serveVisitor finds out who is asking, except for what is the same for
// everyone, and serves the request.
func (s *Server) serveVisitor(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/static/") || r.URL.Path == "/healthz" {
		s.mux.ServeHTTP(w, r)
		return
	}
	v := s.identify(w, r)
	s.mux.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), visitorKey{}, v)))
}

// articleTooLarge says that an article is over the limit, and what to do.
func (s *Server) articleTooLarge() string {
	return fmt.Sprintf("The article is larger than %s, the most this Dateline takes. "+
		"Remove what is not the article (comments, other stories), or ask whoever runs Dateline to raise the limit (serve --max-article-size).",
		sizeText(int64(s.opts.MaxArticleBytes)))
}

// handlerFunc is a handler that returns its failure instead of writing it.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle registers h, turning its error into a page: field errors and bad
// requests are explained, missing things are 404, and anything else is a
// 500 whose details go only to the log.
func (s *Server) handle(pattern string, h handlerFunc) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		status, message, id := http.StatusInternalServerError, "Something went wrong on our side.", ""
		var (
			bad    badRequest
			refuse statusError
			signIn signInFirst
		)
		switch {
		case errors.As(err, &signIn):
			http.Redirect(w, r, "/login?"+url.Values{"next": {signIn.next}}.Encode(), http.StatusSeeOther)
			return
		case errors.As(err, &bad):
			status, message = http.StatusBadRequest, bad.message
		case errors.As(err, &refuse):
			status, message = refuse.status, refuse.message
			if refuse.retryAfter > 0 {
				w.Header().Set("Retry-After", strconv.Itoa(int(refuse.retryAfter.Seconds()+1)))
			}
		case timeline.FieldErrors(err) != nil:
			status, message = http.StatusBadRequest, timeline.FieldErrors(err).Error()
		case errors.Is(err, timeline.ErrNotFound):
			status, message = http.StatusNotFound, "There is nothing here."
		case errors.Is(err, context.Canceled):
			return // the client went away
		case errors.Is(err, timeline.ErrUnavailable):
			status = http.StatusServiceUnavailable
			message = "Dateline cannot reach its database just now. Nothing was changed; try again in a minute."
			w.Header().Set("Retry-After", "30")
			s.log.Warn("database unavailable", "method", r.Method, "path", r.URL.Path, "err", err)
		default:
			id = requestID()
			s.log.Error("request failed", "id", id, "method", r.Method, "path", r.URL.Path, "err", err)
		}
		s.writeError(w, r, status, message, id)
	})
}

// writeError answers with the error page. Error pages are never cached: the
// next try may well succeed.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, status int, message, id string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	ErrorPage(status, message, id).Render(r.Context(), w)
}

// badRequest is a problem with the request that the user can fix.
type badRequest struct{ message string }

func (b badRequest) Error() string { return b.message }

func requestID() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func render(w http.ResponseWriter, r *http.Request, c templ.Component) error {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	return c.Render(r.Context(), w)
}

// renderStatus renders c with a status other than 200: a form sent back
// with its errors is 422, so that scripts and tests can tell it from a
// success without reading it.
func renderStatus(w http.ResponseWriter, r *http.Request, status int, c templ.Component) error {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	return c.Render(r.Context(), w)
}

// seeOther ends a successful POST: the browser GETs the result, so that
// reloading it never sends the form again.
func seeOther(w http.ResponseWriter, r *http.Request, url string) error {
	http.Redirect(w, r, url, http.StatusSeeOther)
	return nil
}

// today is the date that typed relative dates count from.
func (s *Server) today() time.Time {
	t := s.now()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// healthz answers 200 when the database answers with the schema this code
// needs, 503 otherwise: why goes in the body when the database said, as
// for a missing schema, which no retry will mend.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.health.Health(ctx); err != nil {
		s.log.Warn("health check failed", "err", err)
		msg := "database unavailable"
		if !errors.Is(err, timeline.ErrUnavailable) && ctx.Err() == nil {
			msg = "database not ready: " + err.Error()
		}
		w.WriteHeader(http.StatusServiceUnavailable)
		_, err := w.Write([]byte(msg + "\n"))
		return err
	}
	_, err := w.Write([]byte("ok\n"))
	return err
}

// Starting answers every request while the server waits for its database
// at start: pages get the 503 page, /healthz a 503 with reason().
func Starting(reason func() string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setSecurityHeaders(w.Header())
		w.Header().Set("Retry-After", "5")
		w.Header().Set("Cache-Control", "no-store")
		if r.URL.Path == "/healthz" {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, reason())
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		ErrorPage(http.StatusServiceUnavailable, "Dateline is starting and cannot reach its database yet. Try again in a minute.", "").Render(r.Context(), w)
	})
}
