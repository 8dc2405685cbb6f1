package views

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
)

// exportRevision is part of every export's ETag. Bump it when a writer's
// output changes for the same data, so that clients holding a copy from
// the old code download the new one instead of hearing 304.
const exportRevision = "1"

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
	f, err := exportFilter(r.URL.Query())
	if err != nil {
		return err
	}
	total, notInCalendar, err := s.store.CountEvents(r.Context(), f)
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
func exportFilter(q url.Values) (timeline.Filter, error) {
	f, err := parseFilter(q)
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

// serveExport streams the events the request's filter selects in format,
// with an ETag from the store's version and the filter, answering 304
// when the client's copy is current.
func (s *Server) serveExport(format string) handlerFunc {
	ft, ok := export.LookupFormat(format)
	if !ok {
		panic("views: no export format " + format)
	}
	return func(w http.ResponseWriter, r *http.Request) error {
		f, err := exportFilter(r.URL.Query())
		if err != nil {
			return err
		}
		v, err := s.store.Version(r.Context())
		if err != nil {
			return err
		}
		query := filterQuery(f)
		sum := sha256.Sum256([]byte(exportRevision + "\x00" + query))
		etag := fmt.Sprintf(`"%s-%d-%s"`, format, v.Changes, hex.EncodeToString(sum[:6]))
		h := w.Header()
		h.Set("ETag", etag)
		// Caches may keep a copy but must ask whether it is current.
		h.Set("Cache-Control", "no-cache")
		modified := v.ChangedAt.UTC().Truncate(time.Second)
		if v.AsOf.Sub(v.ChangedAt) >= freshness {
			h.Set("Last-Modified", modified.Format(http.TimeFormat))
		} else {
			modified = time.Time{}
		}
		if notModified(r, etag, modified) {
			w.WriteHeader(http.StatusNotModified)
			return nil
		}
		h.Set("Content-Type", ft.ContentType)
		h.Set("Content-Disposition", fmt.Sprintf(`inline; filename="dateline%s"`, ft.Extension))
		if r.Method == http.MethodHead {
			return nil
		}
		return s.stream(w, r, ft.Name, f)
	}
}

// stream writes the export. An error before the first byte reaches the
// client becomes an error page; after it, the response can only be cut
// short, so that the client sees a failed download rather than a
// calendar that silently lacks events.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, format string, f timeline.Filter) error {
	cw := &countingWriter{w: w}
	title := "Dateline"
	if d := export.Describe(f); d != "" {
		title += ": " + d
	}
	ew, err := export.NewWriter(format, cw, export.Options{
		Title:       title,
		Description: "Diplomatic events from news articles, as collected by Dateline.",
	})
	if err != nil {
		return err
	}
	var article func(timeline.Article) error
	if aw, ok := ew.(export.ArticleWriter); ok {
		article = aw.WriteArticle
	}
	err = s.store.Export(r.Context(), f, article, ew.WriteEvent)
	if err == nil {
		err = ew.Close()
	}
	if err == nil || cw.n == 0 {
		if err != nil {
			for _, name := range []string{"ETag", "Last-Modified", "Content-Disposition", "Cache-Control"} {
				w.Header().Del(name)
			}
		}
		return err
	}
	s.log.Error("export cut short", "path", r.URL.Path, "bytes", cw.n, "err", err)
	panic(http.ErrAbortHandler)
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
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
