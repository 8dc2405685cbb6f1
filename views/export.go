package views

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
)

// exportRevision is part of every export's ETag. Bump it when a writer's
// output changes for the same data, so that clients holding a copy from
// the old code download the new one instead of hearing 304.
const exportRevision = "2"

// freshness is how old the last change must be before Last-Modified is
// sent. HTTP dates have whole seconds: a change later in the same second,
// or one whose commit is still finishing, would share the date, and a
// client asking If-Modified-Since would wrongly hear 304. The ETag, which
// is exact, is always sent.
const freshness = 2 * time.Second

// ExportModel is what the export page shows.
type ExportModel struct {
	Filter        timeline.Filter
	Description   string // the filter in words, "" for everything
	Query         string // the filter as a URL query, without "?"
	WebcalURL     string
	Total         int // events the filter selects
	NotInCalendar int // of those, events a calendar cannot hold
}

// exportURL is the address of path with the page's filter.
func (m ExportModel) exportURL(path string) string {
	if m.Query == "" {
		return path
	}
	return path + "?" + m.Query
}

func (s *Server) exportPage(w http.ResponseWriter, r *http.Request) error {
	f, err := exportFilter(r.URL.Query(), s.today())
	if err != nil {
		return err
	}
	total, notInCalendar, err := s.export.CountEvents(r.Context(), f)
	if err != nil {
		return err
	}
	query := filterQuery(f)
	return render(w, r, ExportPage(ExportModel{
		Filter: f, Description: export.Describe(f), Query: query, WebcalURL: s.webcalURL(r, query),
		Total: total, NotInCalendar: notInCalendar,
	}))
}

// exportFilter reads the timeline page's filters for an export, which is
// every page at once.
func exportFilter(q url.Values, today time.Time) (timeline.Filter, error) {
	f, _, err := parseFilter(q, today)
	if timeline.FieldErrors(err) != nil {
		// A link to an export carries the dates as values; one that does
		// not read was not made by the timeline page.
		err = filterProblems(err)
	}
	f.After, f.Limit = timeline.Cursor{}, 0
	return f, err
}

// filterQuery encodes f as parseFilter reads it, keys sorted, so that one
// selection has one address (and one ETag).
func filterQuery(f timeline.Filter) string {
	q := url.Values{}
	if t := strings.TrimSpace(f.Text); t != "" {
		q.Set("q", t)
	}
	for _, k := range f.Kinds {
		q.Add("kind", string(k))
	}
	for _, a := range f.Actors {
		q.Add("actor", a)
	}
	if !f.From.IsZero() {
		q.Set("from", f.From.Value())
	}
	if !f.To.IsZero() {
		q.Set("to", f.To.Value())
	}
	if f.Order == timeline.NewestFirst {
		q.Set("order", "newest")
	}
	return q.Encode()
}

// webcalURL is the calendar's address for subscribing, with the webcal
// scheme that calendar programs register for: at the public address when
// one is configured, else at the host the request named.
func (s *Server) webcalURL(r *http.Request, query string) string {
	u := url.URL{Scheme: "webcal", Host: r.Host, Path: "/calendar.ics", RawQuery: query}
	if p := s.opts.PublicURL; p != nil {
		u.Host, u.Path = p.Host, strings.TrimSuffix(p.Path, "/")+"/calendar.ics"
	}
	return u.String()
}

// Export limits. DefaultMaxExports bounds the exports a server prepares
// and sends at once (Options.MaxExports); a request beyond them waits up
// to exportWait for one to end, then gets a 503. A download that takes
// nothing for exportStall, or is not done after exportTime, is cut off,
// freeing its place.
const (
	DefaultMaxExports = 4
	exportWait        = 2 * time.Second
	exportStall       = 30 * time.Second
	exportTime        = 10 * time.Minute
)

// serveExport sends the events the request's filter selects in format,
// with an ETag from the store's version and the filter, answering 304
// when the client's copy is current.
func (s *Server) serveExport(format string) handlerFunc {
	ft, ok := export.LookupFormat(format)
	if !ok {
		panic("views: no export format " + format)
	}
	return func(w http.ResponseWriter, r *http.Request) error {
		f, err := exportFilter(r.URL.Query(), s.today())
		if err != nil {
			return err
		}
		v, err := s.export.Version(r.Context())
		if err != nil {
			return err
		}
		query := filterQuery(f)
		sum := sha256.Sum256([]byte(exportRevision + "\x00" + query))
		etag := fmt.Sprintf(`"%s-%d-%s"`, format, v.Changes, hex.EncodeToString(sum[:6]))
		modified := v.ChangedAt.UTC().Truncate(time.Second)
		if v.AsOf.Sub(v.ChangedAt) < freshness {
			modified = time.Time{}
		}
		// The headers are set only for an answer that is not an error
		// page: a 304, a HEAD, or the export once it is ready.
		headers := func(content bool) {
			h := w.Header()
			h.Set("ETag", etag)
			// Caches may keep a copy but must ask whether it is current.
			h.Set("Cache-Control", "no-cache")
			if !modified.IsZero() {
				h.Set("Last-Modified", modified.Format(http.TimeFormat))
			}
			if content {
				h.Set("Content-Type", ft.ContentType)
				h.Set("Content-Disposition", fmt.Sprintf(`inline; filename="dateline%s"`, ft.Extension))
			}
		}
		if notModified(r, etag, modified) {
			headers(false)
			w.WriteHeader(http.StatusNotModified)
			return nil
		}
		if r.Method == http.MethodHead {
			headers(true)
			return nil
		}
		release, err := s.exportPlace(r)
		if err != nil {
			return err
		}
		defer release()
		sp := &spool{}
		defer sp.Close()
		if err := s.writeExport(r, sp, ft.Name, f); err != nil {
			return err
		}
		headers(true)
		return s.send(w, r, sp)
	}
}

// exportPlace takes one of the places for exports, waiting a little for
// one to free up, and returns its release.
func (s *Server) exportPlace(r *http.Request) (release func(), err error) {
	wait := time.NewTimer(exportWait)
	defer wait.Stop()
	select {
	case s.exports <- struct{}{}:
		return func() { <-s.exports }, nil
	case <-wait.C:
		s.log.Warn("export refused: as many as the server takes are running", "path", r.URL.Path, "max", cap(s.exports))
		return nil, statusError{status: http.StatusServiceUnavailable, retryAfter: 30 * time.Second,
			message: "Dateline is preparing as many exports as it takes at once. Try again in a minute."}
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
}

// writeExport writes the export to sp, from one snapshot of the database.
// It runs at the database's pace: the client is not involved yet, so that
// a slow one never holds a database connection.
func (s *Server) writeExport(r *http.Request, sp *spool, format string, f timeline.Filter) error {
	ew, err := export.NewWriter(format, sp, export.OptionsFor(f))
	if err != nil {
		return err
	}
	var article func(timeline.Article) error
	if aw, ok := ew.(export.ArticleWriter); ok {
		article = aw.WriteArticle
	}
	if err := s.export.Export(r.Context(), f, article, ew.WriteEvent); err != nil {
		return err
	}
	return ew.Close()
}

// send copies the spooled export to the client with its length, so that
// a download cut short is seen as such. Every write must get through
// within exportStall, and the whole within exportTime: a client that
// stops reading gives its place back.
func (s *Server) send(w http.ResponseWriter, r *http.Request, sp *spool) error {
	body, err := sp.reader()
	if err != nil {
		return err
	}
	w.Header().Set("Content-Length", strconv.FormatInt(sp.size, 10))
	rc := http.NewResponseController(w)
	end := time.Now().Add(exportTime)
	buf := make([]byte, 64<<10)
	for sent := int64(0); ; {
		n, err := body.Read(buf)
		if n > 0 {
			// A writer that cannot take deadlines (in tests) is written
			// to without.
			deadline := time.Now().Add(s.exportStall)
			if deadline.After(end) {
				deadline = end
			}
			rc.SetWriteDeadline(deadline)
			if _, err := w.Write(buf[:n]); err != nil {
				s.log.Warn("export download cut off", "path", r.URL.Path, "sent", sent, "of", sp.size, "err", err)
				panic(http.ErrAbortHandler)
			}
			sent += int64(n)
		}
		if err == io.EOF {
			// The rest goes out under the last deadline, which then no
			// longer applies: the connection may serve other requests.
			rc.Flush()
			rc.SetWriteDeadline(time.Time{})
			return nil
		}
		if err != nil {
			s.log.Error("export cut short", "path", r.URL.Path, "sent", sent, "of", sp.size, "err", err)
			panic(http.ErrAbortHandler)
		}
	}
}

// notModified applies RFC 9110's conditional GET: If-None-Match when
// present (weak comparison, "*" matches), else If-Modified-Since against
// modified, which is zero when no Last-Modified was sent.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, tag := range strings.Split(inm, ",") {
			tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
			if tag == "*" || tag == etag {
				return true
			}
		}
		return false
	}
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || modified.IsZero() {
		return false
	}
	t, err := http.ParseTime(ims)
	return err == nil && !modified.After(t)
}
