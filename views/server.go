// Package views serves Dateline's pages: templ components, the HTTP
// handlers that render them and the static assets.
package views

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/a-h/templ"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
)

//go:embed static
var static embed.FS

// Store is what the pages need from storage (see store.Store for the
// error contracts: timeline.ErrNotFound, timeline.ErrConflict,
// *timeline.ValidationError).
type Store interface {
	Events(ctx context.Context, f timeline.Filter) (timeline.Page, error)
	// MonthCounts is the density of the events f selects, for the
	// overview strip.
	MonthCounts(ctx context.Context, f timeline.Filter) ([]timeline.MonthCount, error)
	Event(ctx context.Context, id int64) (timeline.Event, error)
	CreateEvent(ctx context.Context, e *timeline.Event) error
	UpdateEvent(ctx context.Context, e *timeline.Event) error
	DeleteEvent(ctx context.Context, id int64) error
	// Actors lists actor names to suggest, most used first.
	Actors(ctx context.Context, limit int) ([]timeline.Actor, error)
	// SaveArticle stores an article with its chosen events in one
	// transaction, merging events already stored (see
	// store.Store.SaveArticle).
	SaveArticle(ctx context.Context, a *timeline.Article, events []timeline.Event) (duplicate bool, err error)
	ArticleByBody(ctx context.Context, body string) (timeline.Article, error)
	ArticleEvents(ctx context.Context, articleID int64) ([]timeline.Event, error)
	Ping(ctx context.Context) error
	// Export streams the articles cited by the events f selects, then
	// the events, from one snapshot (see store.Store.Export).
	Export(ctx context.Context, f timeline.Filter, article func(timeline.Article) error, event func(timeline.Event) error) error
	// Version changes with every change an export could show.
	Version(ctx context.Context) (timeline.Version, error)
	CountEvents(ctx context.Context, f timeline.Filter) (total, notInCalendar int, err error)
}

// Server routes requests to the pages.
type Server struct {
	store Store
	log   *slog.Logger
	// now is the clock that "today" and "last Thursday" are read
	// against; extract reads articles. Tests replace them.
	now     func() time.Time
	extract func(input string, opts extract.Options) (extract.Result, error)
	mux     *http.ServeMux
	handler http.Handler
}

// NewServer returns the web application over store.
func NewServer(store Store, log *slog.Logger) *Server {
	s := &Server{store: store, log: log, now: time.Now, extract: extract.Article, mux: http.NewServeMux()}
	s.handle("GET /{$}", s.timeline)
	s.handle("GET /articles/new", s.newArticle)
	s.handle("POST /articles", s.readArticle)
	s.handle("POST /articles/accept", s.acceptArticle)
	s.handle("GET /events/new", s.newEvent)
	s.handle("POST /events", s.createEvent)
	s.handle("GET /events/{id}", s.eventPage)
	s.handle("GET /events/{id}/edit", s.editEvent)
	s.handle("POST /events/{id}", s.updateEvent)
	s.handle("GET /events/{id}/delete", s.confirmDelete)
	s.handle("POST /events/{id}/delete", s.deleteEvent)
	s.handle("GET /dates/parse", s.parseDate)
	s.handle("GET /healthz", s.healthz)
	s.handle("GET /export", s.exportPage)
	s.handle("GET /calendar.ics", s.serveExport("ics"))
	s.handle("GET /export.json", s.serveExport("json"))
	s.handle("GET /export.csv", s.serveExport("csv"))
	s.handle("GET /timelinejs.json", s.serveExport("timelinejs"))
	s.handle("/", func(http.ResponseWriter, *http.Request) error { return timeline.ErrNotFound })
	s.mux.Handle("GET /static/", http.FileServerFS(static))
	// State-changing requests from other sites are refused (CSRF).
	s.handler = http.NewCrossOriginProtection().Handler(s.mux)
	return s
}

// ServeHTTP serves the application.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
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
		var bad badRequest
		switch {
		case errors.As(err, &bad):
			status, message = http.StatusBadRequest, bad.message
		case timeline.FieldErrors(err) != nil:
			status, message = http.StatusBadRequest, timeline.FieldErrors(err).Error()
		case errors.Is(err, timeline.ErrNotFound):
			status, message = http.StatusNotFound, "There is nothing here."
		case errors.Is(err, context.Canceled):
			return // the client went away
		default:
			id = requestID()
			s.log.Error("request failed", "id", id, "method", r.Method, "path", r.URL.Path, "err", err)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		ErrorPage(status, message, id).Render(r.Context(), w)
	})
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

// healthz answers 200 when the database answers, 503 otherwise.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.store.Ping(ctx); err != nil {
		s.log.Warn("health check failed", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		_, err := w.Write([]byte("database unavailable\n"))
		return err
	}
	_, err := w.Write([]byte("ok\n"))
	return err
}
