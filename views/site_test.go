package views

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
)

// thursday is the day the handler tests live on: Thursday 10 July 2025,
// so that "last Thursday" is 3 July.
var thursday = time.Date(2025, 7, 10, 15, 4, 5, 0, time.UTC)

// site is the application over a fresh database, with a client that
// shows redirects instead of following them.
type site struct {
	t      *testing.T
	url    string
	store  *store.Store
	server *Server
	client *http.Client
}

func newSite(t *testing.T) *site {
	t.Helper()
	st := storetest.New(t)
	s := NewServer(st, slog.New(slog.DiscardHandler))
	s.now = func() time.Time { return thursday }
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return &site{t: t, url: srv.URL, store: st, server: s, client: newClient(t)}
}

// newClient is a browser without JavaScript: it keeps cookies, and shows
// redirects instead of following them.
func newClient(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// withToken adds the browser's form token to form, as every form of
// Dateline's pages carries it, unless form has one (or "-", for none).
func (s *site) withToken(form url.Values) url.Values {
	s.t.Helper()
	if form.Get("csrf") != "" {
		if form.Get("csrf") == "-" {
			form = cloneValues(form)
			form.Del("csrf")
		}
		return form
	}
	token, ok := s.get("/login").find(`input[name=csrf]`).Attr("value")
	if !ok || token == "" {
		s.t.Fatal("the sign-in page has no form token")
	}
	form = cloneValues(form)
	form.Set("csrf", token)
	return form
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// response is a response with its document.
type response struct {
	*http.Response
	doc *goquery.Document
}

func (p response) find(sel string) *goquery.Selection { return p.doc.Find(sel) }

func (p response) text(sel string) string { return strings.TrimSpace(p.doc.Find(sel).Text()) }

func (s *site) do(req *http.Request) response {
	s.t.Helper()
	resp, err := s.client.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		s.t.Fatal(err)
	}
	return response{resp, doc}
}

func (s *site) get(path string) response {
	s.t.Helper()
	req, err := http.NewRequest("GET", s.url+path, nil)
	if err != nil {
		s.t.Fatal(err)
	}
	return s.do(req)
}

// post sends form as a browser sends a form of enctype
// multipart/form-data, with files by field name.
func (s *site) post(path string, form url.Values, files map[string]upload) response {
	s.t.Helper()
	form = s.withToken(form)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for field, f := range files {
		w, err := mw.CreateFormFile(field, f.name)
		if err != nil {
			s.t.Fatal(err)
		}
		w.Write(f.content)
	}
	mw.Close()
	req, err := http.NewRequest("POST", s.url+path, &buf)
	if err != nil {
		s.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return s.do(req)
}

// postForm sends form URL-encoded, as a form without enctype.
func (s *site) postForm(path string, form url.Values) response {
	s.t.Helper()
	form = s.withToken(form)
	req, err := http.NewRequest("POST", s.url+path, strings.NewReader(form.Encode()))
	if err != nil {
		s.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return s.do(req)
}

// follow GETs where a redirect points, checking it is a 303 (POST,
// redirect, GET).
func (s *site) follow(p response) response {
	s.t.Helper()
	if p.StatusCode != http.StatusSeeOther {
		s.t.Fatalf("status %d, want 303 See Other; page says %q", p.StatusCode, p.text("main"))
	}
	return s.get(p.Header.Get("Location"))
}

type upload struct {
	name    string
	content []byte
}

// formValues is what a browser sends for the form sel of doc: named
// fields, checkboxes only when checked, a select's chosen option.
func formValues(doc *goquery.Document, sel string) url.Values {
	v := url.Values{}
	doc.Find(sel).Find("input, textarea, select").Each(func(_ int, f *goquery.Selection) {
		name, ok := f.Attr("name")
		if !ok || name == "" {
			return
		}
		if _, disabled := f.Attr("disabled"); disabled {
			return
		}
		switch goquery.NodeName(f) {
		case "textarea":
			v.Add(name, f.Text())
		case "select":
			opt := f.Find("option[selected]")
			if opt.Length() == 0 {
				opt = f.Find("option").First()
			}
			val, _ := opt.Attr("value")
			v.Add(name, val)
		default:
			typ, _ := f.Attr("type")
			val, _ := f.Attr("value")
			switch typ {
			case "checkbox", "radio":
				if _, checked := f.Attr("checked"); checked {
					v.Add(name, val)
				}
			case "submit", "button", "file":
			default:
				v.Add(name, val)
			}
		}
	})
	return v
}

// article reads one of the test articles in testdata/articles.
func article(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "articles", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// findCandidate finds the review's candidate of kind on date (a TIMEX value).
func findCandidate(t *testing.T, p response, kind, date string) *goquery.Selection {
	t.Helper()
	c := p.find(`[data-testid=candidate][data-kind=` + kind + `][data-date="` + date + `"]`)
	if c.Length() == 0 {
		var found []string
		p.find(`[data-testid=candidate]`).Each(func(_ int, s *goquery.Selection) {
			k, _ := s.Attr("data-kind")
			d, _ := s.Attr("data-date")
			found = append(found, k+"@"+d)
		})
		t.Fatalf("no %s on %s among the candidates %v", kind, date, found)
	}
	return c.First()
}

// fieldName is the form name of a candidate's field.
func fieldName(c *goquery.Selection, field string) string {
	name, _ := c.Find(`[data-testid=candidate-` + field + `]`).Attr("name")
	return name
}

func (s *site) create(e timeline.Event) timeline.Event {
	s.t.Helper()
	if err := s.store.CreateEvent(context.Background(), &e); err != nil {
		s.t.Fatal(err)
	}
	return e
}

func handEvent(t *testing.T, kind timeline.Kind, value, title string, actors ...string) timeline.Event {
	t.Helper()
	e := timeline.Event{Kind: kind, Date: mustDate(t, value), Title: title, Status: timeline.StatusReported, Confidence: 1, Origin: timeline.ByHand}
	for _, a := range actors {
		e.Actors = append(e.Actors, timeline.Actor{Name: a})
	}
	return e
}
