package views

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/auth"
	"github.com/dateline/dateline/views/fake"
)

// The fakes stand in for all of storage, as store.Store does.
var _ Store = (*fake.Store)(nil)

// emptyStore is storage with nothing in it and no user, so that changes
// are open: what every page reads besides the thing a test is about
// answers with nothing. Any other call panics, failing the test.
func emptyStore() *fake.Store {
	return &fake.Store{
		EventStore: fake.EventStore{
			EventsFn:       func(context.Context, timeline.Filter) (timeline.Page, error) { return timeline.Page{}, nil },
			MonthCountsFn:  func(context.Context, timeline.Filter) ([]timeline.MonthCount, error) { return nil, nil },
			NearbyEventsFn: func(context.Context, int64, int) ([]timeline.Event, error) { return nil, nil },
		},
		ActorStore: fake.ActorStore{
			ActorsFn:          func(context.Context, int) ([]timeline.Actor, error) { return nil, nil },
			ActorEventsFn:     func(context.Context, int64, int) ([]timeline.Event, error) { return nil, nil },
			ActorLookalikesFn: func(context.Context, int64, int) ([]timeline.ActorRecord, error) { return nil, nil },
		},
		ArticleStore: fake.ArticleStore{
			HasUndatedFn: func(context.Context) (bool, error) { return false, nil },
		},
		ChangeStore: fake.ChangeStore{
			EventHistoryFn: func(context.Context, int64) ([]timeline.Change, error) { return nil, nil },
			ActorHistoryFn: func(context.Context, int64) ([]timeline.Change, error) { return nil, nil },
		},
		ExportStore: fake.ExportStore{
			VersionFn: func(context.Context) (timeline.Version, error) { return timeline.Version{}, nil },
		},
		UserStore: fake.UserStore{
			HasUsersFn: func(context.Context) (bool, error) { return false, nil },
		},
	}
}

// storedEvent is the event the fakes hold, at version seq.
func storedEvent(t *testing.T, seq int, title string) timeline.Event {
	t.Helper()
	e := handEvent(t, timeline.KindCall, "2025-07-03", title, "Ana Lopez")
	e.ID, e.Sequence = 7, seq
	return e
}

// editForm is the event form as a browser sends it, editing version seq.
func editForm(title string, seq int) url.Values {
	return url.Values{
		"date": {"2025-07-03"}, "kind": {string(timeline.KindCall)}, "title": {title},
		"actor": {"Ana Lopez"}, "status": {string(timeline.StatusReported)}, "sequence": {fmt.Sprint(seq)},
	}
}

// fakeResponse is a page served over fake storage, with what was logged
// while serving it.
type fakeResponse struct {
	*httptest.ResponseRecorder
	doc *goquery.Document
	log string
}

func (p fakeResponse) text(sel string) string { return strings.TrimSpace(p.doc.Find(sel).Text()) }

// serveFake serves one request over st. A form is posted with a valid form
// token, as from Dateline's own page.
func serveFake(t *testing.T, st *fake.Store, method, target string, form url.Values) fakeResponse {
	t.Helper()
	var log bytes.Buffer
	srv := New(st, slog.New(slog.NewTextHandler(&log, nil)), Options{})
	var req *http.Request
	if form != nil {
		const secret = "a form secret"
		form.Set("csrf", tokenFor(secret))
		req = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: formCookie, Value: secret})
	} else {
		req = httptest.NewRequest(method, target, nil)
	}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, req)
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return fakeResponse{ResponseRecorder: w, doc: doc, log: log.String()}
}

// errSecret is an unexpected failure whose words must reach the log only.
var errSecret = errors.New(`store: events: ERROR: relation "secret_table" does not exist (SQLSTATE 42P01)`)

// errUnavailable is how the store reports a database it cannot reach.
var errUnavailable = fmt.Errorf("store: event 7: %w", timeline.ErrUnavailable)

func TestHandlersTurnStoreErrorsIntoPages(t *testing.T) {
	tests := []struct {
		name   string
		store  func(t *testing.T, st *fake.Store)
		method string
		target string
		form   url.Values
		status int
		// sel's text must contain want; header Location, when set, is
		// where the answer leads.
		sel, want string
		location  string
	}{
		{
			name:   "an event that does not exist is the 404 page",
			store:  eventNotFound,
			method: "GET", target: "/events/7",
			status: 404, sel: "[data-testid=error]", want: "There is nothing here.",
		},
		{
			name: "an event merged away leads to the one that took it",
			store: func(t *testing.T, st *fake.Store) {
				eventNotFound(t, st)
				st.MergedIntoFn = func(context.Context, int64) (int64, error) { return 9, nil }
			},
			method: "GET", target: "/events/7",
			status: 303, location: "/events/9?saved=merged-away",
		},
		{
			name:   "an event id that is no number is the 404 page, without asking the store",
			store:  func(*testing.T, *fake.Store) {},
			method: "GET", target: "/events/seven",
			status: 404, sel: "[data-testid=error]", want: "There is nothing here.",
		},
		{
			name: "editing an event someone else changed meanwhile is a 409 showing their version",
			store: func(t *testing.T, st *fake.Store) {
				seq := 1
				st.EventFn = func(context.Context, int64) (timeline.Event, error) {
					return storedEvent(t, seq, "Their title"), nil
				}
				st.UpdateEventFn = func(context.Context, *timeline.Event) error { seq = 2; return timeline.ErrConflict }
			},
			method: "POST", target: "/events/7", form: editForm("My title", 1),
			status: 409, sel: "[data-testid=conflict-title]", want: "Their title",
		},
		{
			name: "a field the store refuses is shown next to the field",
			store: func(t *testing.T, st *fake.Store) {
				st.CreateEventFn = func(context.Context, *timeline.Event) error {
					v := &timeline.ValidationError{}
					v.Add("title", "is longer than the store takes")
					return fmt.Errorf("store: create event: %w", v)
				}
			},
			method: "POST", target: "/events", form: editForm("My title", 0),
			status: 422, sel: "[data-testid=error-title]", want: "is longer than the store takes",
		},
		{
			name: "a name another actor has is shown next to the name, with who has it",
			store: func(t *testing.T, st *fake.Store) {
				st.ActorFn = func(_ context.Context, id int64) (timeline.ActorRecord, error) {
					if id == 9 {
						return timeline.ActorRecord{ID: 9, Actor: timeline.Actor{Name: "Russia"}}, nil
					}
					return timeline.ActorRecord{ID: 5, Actor: timeline.Actor{Name: "Moscow"}}, nil
				}
				st.UpdateActorFn = func(context.Context, timeline.ActorRecord) error {
					return &timeline.NameTakenError{Name: "Russia", Other: 9}
				}
			},
			method: "POST", target: "/actors/5", form: url.Values{"name": {"Russia"}, "kind": {"country"}},
			status: 422, sel: "[data-testid=error-name]", want: "Russia is already called “Russia”",
		},
		{
			name: "deleting an event already gone is the 404 page",
			store: func(t *testing.T, st *fake.Store) {
				st.DeleteEventFn = func(context.Context, int64) error {
					return fmt.Errorf("store: delete event 7: %w", timeline.ErrNotFound)
				}
			},
			method: "POST", target: "/events/7/delete", form: url.Values{},
			status: 404, sel: "[data-testid=error]", want: "There is nothing here.",
		},
		{
			name: "an article that does not exist is the 404 page",
			store: func(t *testing.T, st *fake.Store) {
				st.ArticleFn = func(context.Context, int64) (timeline.Article, error) {
					return timeline.Article{}, timeline.ErrNotFound
				}
			},
			method: "GET", target: "/articles/5",
			status: 404, sel: "[data-testid=error]", want: "There is nothing here.",
		},
		{
			name: "an inbox article someone else dealt with meanwhile leads back to the inbox, saying so",
			store: func(t *testing.T, st *fake.Store) {
				st.InboxArticleFn = func(context.Context, int64) (timeline.InboxArticle, error) {
					return timeline.InboxArticle{}, timeline.ErrNotFound
				}
			},
			method: "GET", target: "/inbox/5",
			status: 303, location: "/inbox?notice=gone",
		},
		{
			name: "an unexpected failure is a 500 in plain words with a reference",
			store: func(t *testing.T, st *fake.Store) {
				st.EventsFn = func(context.Context, timeline.Filter) (timeline.Page, error) { return timeline.Page{}, errSecret }
			},
			method: "GET", target: "/",
			status: 500, sel: "[data-testid=error]", want: "Something went wrong on our side.",
		},
		{
			name: "an unexpected failure while saving is a 500, not the form again",
			store: func(t *testing.T, st *fake.Store) {
				st.CreateEventFn = func(context.Context, *timeline.Event) error { return errSecret }
			},
			method: "POST", target: "/events", form: editForm("My title", 0),
			status: 500, sel: "[data-testid=error]", want: "Something went wrong on our side.",
		},
		{
			name: "a sign-in the store cannot check is a 500, not a wrong password",
			store: func(t *testing.T, st *fake.Store) {
				st.CredentialsFn = func(context.Context, string) (auth.User, string, error) { return auth.User{}, "", errSecret }
			},
			method: "POST", target: "/login", form: url.Values{"name": {"ana"}, "password": {"a long enough password"}},
			status: 500, sel: "[data-testid=error]", want: "Something went wrong on our side.",
		},
		{
			name: "a database gone is a 503 that says nothing was changed",
			store: func(t *testing.T, st *fake.Store) {
				st.EventFn = func(context.Context, int64) (timeline.Event, error) { return timeline.Event{}, errUnavailable }
			},
			method: "GET", target: "/events/7",
			status: 503, sel: "[data-testid=error]", want: "cannot reach its database just now. Nothing was changed",
		},
		{
			name: "a database gone during a change is a 503 too",
			store: func(t *testing.T, st *fake.Store) {
				st.HasUsersFn = func(context.Context) (bool, error) { return false, errUnavailable }
			},
			method: "POST", target: "/events", form: editForm("My title", 0),
			status: 503, sel: "[data-testid=error]", want: "cannot reach its database just now",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := emptyStore()
			tt.store(t, st)
			p := serveFake(t, st, tt.method, tt.target, tt.form)
			if p.Code != tt.status {
				t.Fatalf("status %d, want %d: %.400s\nlog: %s", p.Code, tt.status, p.text("main"), p.log)
			}
			if tt.location != "" {
				if got := p.Header().Get("Location"); got != tt.location {
					t.Errorf("leads to %q, want %q", got, tt.location)
				}
				return
			}
			if got := p.text(tt.sel); !strings.Contains(got, tt.want) {
				t.Errorf("%s says %q, want %q", tt.sel, got, tt.want)
			}
			if strings.Contains(p.Body.String(), "secret_table") || strings.Contains(p.Body.String(), "SQLSTATE") {
				t.Errorf("the page shows the store's own words: %.400s", p.text("main"))
			}
			switch p.Code {
			case 500:
				id := p.text("[data-testid=request-id]")
				if id == "" || !strings.Contains(p.log, id) || !strings.Contains(p.log, "secret_table") {
					t.Errorf("reference %q; the log does not hold it with the details:\n%s", id, p.log)
				}
			case 503:
				if p.Header().Get("Retry-After") == "" {
					t.Error("no Retry-After")
				}
			}
			if p.Code >= 400 && p.Header().Get("Cache-Control") != "no-store" && p.Code != 409 && p.Code != 422 {
				t.Errorf("an error page may be cached: %q", p.Header().Get("Cache-Control"))
			}
		})
	}
}

// eventNotFound makes event 7 unknown, and never merged into another.
func eventNotFound(t *testing.T, st *fake.Store) {
	st.EventFn = func(context.Context, int64) (timeline.Event, error) {
		return timeline.Event{}, fmt.Errorf("store: event 7: %w", timeline.ErrNotFound)
	}
	st.MergedIntoFn = func(context.Context, int64) (int64, error) { return 0, timeline.ErrNotFound }
}

// The form sent back with a conflict keeps what the user typed, and now
// carries their version's sequence, so that saving again is knowingly
// "mine over theirs".
func TestAnEditConflictKeepsTheUsersVersion(t *testing.T) {
	st := emptyStore()
	seq := 1
	st.EventFn = func(context.Context, int64) (timeline.Event, error) { return storedEvent(t, seq, "Their title"), nil }
	st.UpdateEventFn = func(context.Context, *timeline.Event) error { seq = 2; return timeline.ErrConflict }
	p := serveFake(t, st, "POST", "/events/7", editForm("My title", 1))
	if title, _ := p.doc.Find("[data-testid=title]").Attr("value"); title != "My title" {
		t.Errorf("the form holds the title %q, not the user's", title)
	}
	if got, _ := p.doc.Find(`input[name=sequence]`).Attr("value"); got != "2" {
		t.Errorf("the form edits version %q, want theirs, 2", got)
	}
}

func TestHealthzSaysWhyTheDatabaseIsNotReady(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
		body   string
	}{
		{"a database that answers is ok", nil, 200, "ok"},
		{"a database gone is unavailable, without its address", fmt.Errorf("store: health: %w: dial tcp 10.0.0.5:5432", timeline.ErrUnavailable), 503, "database unavailable"},
		{"a schema too old is named, since no retry will mend it", errors.New("schema version 41, want 42: run dateline migrate"), 503, "database not ready: schema version 41"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &fake.Store{HealthChecker: fake.HealthChecker{HealthFn: func(context.Context) error { return tt.err }}}
			p := serveFake(t, st, "GET", "/healthz", nil)
			body := strings.TrimSpace(p.Body.String())
			if p.Code != tt.status || !strings.HasPrefix(body, tt.body) {
				t.Errorf("%d %q, want %d %q", p.Code, body, tt.status, tt.body)
			}
			if strings.Contains(body, "10.0.0.5") {
				t.Errorf("/healthz shows the database's address: %q", body)
			}
		})
	}
}

// A session is checked on every page; when the store cannot say whose it
// is, pages still show, and a change is refused rather than made as no one.
func TestASessionTheStoreCannotReadRefusesChanges(t *testing.T) {
	st := emptyStore()
	st.SessionFn = func(context.Context, [32]byte) (auth.User, time.Time, error) {
		return auth.User{}, time.Time{}, errUnavailable
	}
	srv := New(st, slog.New(slog.DiscardHandler), Options{})
	for _, tt := range []struct {
		method, target string
		status         int
	}{
		{"GET", "/", 200},
		{"POST", "/events", 503},
	} {
		req := httptest.NewRequest(tt.method, tt.target, strings.NewReader(url.Values{"csrf": {tokenFor("s")}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: formCookie, Value: "s"})
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: "a session token"})
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		if w.Code != tt.status {
			t.Errorf("%s %s with an unreadable session: %d, want %d", tt.method, tt.target, w.Code, tt.status)
		}
	}
}

// A reviewed article is accepted in one call to the store, whose answer
// decides the page: rules only the store knows are marked where they
// apply, with the review kept as the user left it.
func TestAcceptingAReviewedArticle(t *testing.T) {
	refused := func(field, msg string) error {
		v := &timeline.ValidationError{}
		v.Add(field, msg)
		return fmt.Errorf("store: save article: %w", v)
	}
	tests := []struct {
		name      string
		duplicate bool
		err       error
		status    int
		sel, want string
		location  string
	}{
		{
			name:   "an event the store refuses is marked on its candidate",
			err:    refused("events[0].title", "is a title the store refuses"),
			status: 422, sel: "[data-testid=candidate] [data-testid=error-title]", want: "is a title the store refuses",
		},
		{
			name:   "a problem with the article is marked on the article's field",
			err:    refused("url", "is an address the store refuses"),
			status: 422, sel: "[data-testid=error-url]", want: "is an address the store refuses",
		},
		{
			name: "an article added before leads to its events on the timeline", duplicate: true,
			status: 303, location: "/?after=",
		},
		{
			name: "a database gone is the 503 page", err: errUnavailable,
			status: 503, sel: "[data-testid=error]", want: "cannot reach its database just now",
		},
		{
			name: "an unexpected failure is the 500 page", err: errSecret,
			status: 500, sel: "[data-testid=error]", want: "Something went wrong on our side.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := emptyStore()
			st.ArticleByBodyFn = func(context.Context, string) (timeline.Article, error) {
				return timeline.Article{}, timeline.ErrNotFound
			}
			st.SaveArticleFn = func(_ context.Context, a *timeline.Article, events []timeline.Event) (bool, error) {
				a.ID = 3
				return tt.duplicate, tt.err
			}
			st.ArticleEventsFn = func(context.Context, int64) ([]timeline.Event, error) {
				return []timeline.Event{storedEvent(t, 1, "A call")}, nil
			}
			review := serveFake(t, st, "POST", "/articles", url.Values{"body": {exampleArticle}, "published": {"2025-06-23"}})
			if review.Code != http.StatusOK {
				t.Fatalf("review: %d %.300s", review.Code, review.text("main"))
			}
			form := formValues(review.doc, "[data-testid=review-form]")
			p := serveFake(t, st, "POST", "/articles/accept", form)
			if p.Code != tt.status {
				t.Fatalf("status %d, want %d: %.400s\nlog: %s", p.Code, tt.status, p.text("main"), p.log)
			}
			if tt.location != "" {
				if got := p.Header().Get("Location"); !strings.HasPrefix(got, tt.location) || !strings.Contains(got, "notice=known") {
					t.Errorf("leads to %q, want the timeline at the known events", got)
				}
				return
			}
			if got := p.text(tt.sel); !strings.Contains(got, tt.want) {
				t.Errorf("%s says %q, want %q", tt.sel, got, tt.want)
			}
			if strings.Contains(p.Body.String(), "secret_table") {
				t.Error("the page shows the store's own words")
			}
			if p.Code == 422 {
				if kept := formValues(p.doc, "[data-testid=review-form]"); kept.Get("body") != form.Get("body") || kept.Get("c0.title") != form.Get("c0.title") {
					t.Error("the review is not kept as the user left it")
				}
			}
		})
	}
}
