package views

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
)

// counts is how many articles and events are stored, to check that a
// refused request left nothing behind.
func (s *site) counts() (articles, events int) {
	s.t.Helper()
	page, err := s.store.Events(context.Background(), timeline.Filter{Limit: timeline.MaxPageSize})
	if err != nil {
		s.t.Fatal(err)
	}
	seen := map[int64]bool{}
	for _, e := range page.Events {
		evs, _ := s.store.Event(context.Background(), e.ID)
		for _, m := range evs.Mentions {
			seen[m.ArticleID] = true
		}
	}
	return len(seen), len(page.Events)
}

func TestBadArticlesGetAClearMessageAndNothingIsSaved(t *testing.T) {
	s := siteWith(t, Options{MaxArticleBytes: 64 << 10})
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	latin1 := []byte("Le pr\xe9sident a rencontr\xe9 son homologue le 3 juillet 2025.")
	tests := []struct {
		name   string
		form   url.Values
		files  map[string]upload
		status int
		where  string // data-testid of the message
		says   string
	}{
		{"an empty article", url.Values{"body": {""}}, nil, 422, "error-body", "paste the article"},
		{"an article of white space", url.Values{"body": {" \n\t \r\n"}}, nil, 422, "error-body", "paste the article"},
		{"an article over the limit, pasted", url.Values{"body": {strings.Repeat("word ", 14000)}}, nil, 413, "error-body", "The text you pasted is 68 KiB, and this Dateline takes articles up to 64 KiB"},
		{"an article over the limit, uploaded", nil, map[string]upload{"file": {"big.txt", []byte(strings.Repeat("word ", 14000))}}, 413, "error-file", "big.txt is 68 KiB, and this Dateline takes articles up to 64 KiB"},
		{"a picture as text", nil, map[string]upload{"file": {"photo.txt", png}}, 422, "error-file", "photo.txt is a PNG image, not an article’s text"},
		{"a picture", nil, map[string]upload{"file": {"photo.png", png}}, 422, "error-file", "photo.png is a PNG image, not an article’s text"},
		{"a Word document", nil, map[string]upload{"file": {"report.docx", []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00")}}, 422, "error-file", "report.docx is a ZIP archive (Word and OpenDocument files are ZIP archives too)"},
		{"an upload in Latin-1 is converted", nil, map[string]upload{"file": {"latin1.txt", latin1}}, 200, "notes", "The file was in Windows-1252 (Latin-1) and has been converted"},
		{"NUL bytes in a paste", url.Values{"body": {"Leaders met on 3 July 2025.\x00\x00"}}, nil, 422, "error-body", "NUL bytes"},
		{"a publication date of February 30", url.Values{"body": {"Leaders met."}, "published": {"February 30, 2025"}}, nil, 422, "error-published", ""},
		{"a publication date in month 13", url.Values{"body": {"Leaders met."}, "published": {"2025-13-01"}}, nil, 422, "error-published", ""},
		{"a web address that runs script", url.Values{"body": {"Leaders met."}, "url": {"javascript:alert(1)"}}, nil, 422, "error-url", "http"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := s.post("/articles", tt.form, tt.files)
			if p.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", p.StatusCode, tt.status, p.text("main"))
			}
			msg := p.text(`[data-testid=` + tt.where + `]`)
			if msg == "" || !strings.Contains(msg, tt.says) {
				t.Errorf("%s says %q, want %q", tt.where, msg, tt.says)
			}
			if strings.Contains(p.text("main"), "invalid:") || strings.Contains(p.text("main"), "SQLSTATE") {
				t.Errorf("a programmer's message reaches the page: %s", p.text("main"))
			}
		})
	}
	if a, e := s.counts(); a != 0 || e != 0 {
		t.Errorf("%d articles and %d events stored from bad input", a, e)
	}
}

func TestTheArticleSizeLimitIsConfigurable(t *testing.T) {
	small := siteWith(t, Options{MaxArticleBytes: 4 << 10})
	text := "Leaders met on 3 July 2025. " + strings.Repeat("More words. ", 500) // about 6 KiB
	if p := small.post("/articles", url.Values{"body": {text}}, nil); p.StatusCode != http.StatusRequestEntityTooLarge ||
		!strings.Contains(p.text(`[data-testid=error-body]`), "up to 4 KiB") {
		t.Errorf("6 KiB under a 4 KiB limit: %d %q", p.StatusCode, p.text("main"))
	}
	large := siteWith(t, Options{MaxArticleBytes: 8 << 10})
	if p := large.post("/articles", url.Values{"body": {text}}, nil); p.StatusCode != http.StatusOK {
		t.Errorf("6 KiB under an 8 KiB limit: %d %q", p.StatusCode, p.text("main"))
	}
	// Even a request far over any form's limit gets the form again with
	// the limit, not a reset.
	huge := strings.Repeat("x", 3<<20)
	if p := small.post("/articles", url.Values{"body": {huge}}, nil); p.StatusCode != http.StatusRequestEntityTooLarge ||
		!strings.Contains(p.text(`[data-testid=error-article]`), "larger than 4 KiB") || p.find(`[data-testid=article-form]`).Length() != 1 {
		t.Errorf("3 MiB: %d %q", p.StatusCode, p.text("main"))
	}
}

func TestAMegabyteLineIsRead(t *testing.T) {
	s := newSite(t)
	line := "On June 21, 2025, the United States struck three nuclear sites in Iran. " + strings.Repeat("And then more words. ", 1<<20/21)
	start := time.Now()
	p := s.post("/articles", url.Values{"body": {line}, "published": {"2025-06-22"}}, nil)
	if p.StatusCode != http.StatusOK {
		t.Fatalf("a 1 MB line: %d %s", p.StatusCode, p.text("main"))
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("a 1 MB line took %s", d)
	}
	if p.find(`[data-testid=candidate]`).Length() == 0 {
		t.Error("the strike on the line's first sentence was not found")
	}
}

func TestHugeFieldsAreRefusedNextToTheField(t *testing.T) {
	s := newSite(t)
	big := strings.Repeat("x", 100<<10)
	tests := []struct {
		name  string
		field string
		value string
		error string
	}{
		{"a 100 KB title", "title", big, "title"},
		{"a 100 KB actor", "actor", big, "actors"},
		{"a date of February 30", "date", "February 30, 2025", "date"},
		{"a date in month 13", "date", "2025-13-01", "date"},
		{"a source that runs script", "source_url", "javascript:alert(document.cookie)", "source_url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"date": {"2025-07-03"}, "kind": {"call"}, "title": {"A call"}, "actor": {"Ana"}, "status": {"reported"}}
			form.Set(tt.field, tt.value)
			p := s.postForm("/events", form)
			if p.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422: %.300s", p.StatusCode, p.text("main"))
			}
			if msg := p.text(`[data-testid=error-` + tt.error + `]`); msg == "" {
				t.Errorf("no message next to %s; the page says %.300s", tt.error, p.text(`[data-testid=error-summary]`))
			}
		})
	}
	// A 100 KB quote: a review whose candidate points at 100 KB of the
	// article.
	body := "On June 21, 2025, the United States struck Iran. " + strings.Repeat("Words go on. ", 100<<10/13)
	review := s.post("/articles", url.Values{"body": {body}, "published": {"2025-06-22"}}, nil)
	form := formValues(review.doc, `[data-testid=review-form]`)
	if form.Get("c0.spans") == "" {
		t.Fatalf("no candidate to stretch: %s", review.text("main"))
	}
	form.Set("c0.spans", fmt.Sprintf("0-%d", len(body)))
	p := s.post("/articles/accept", form, nil)
	if p.StatusCode != http.StatusUnprocessableEntity || p.find(`.candidate.has-errors`).Length() == 0 {
		t.Errorf("a 100 KB quote: %d %.300s", p.StatusCode, p.text(`[data-testid=error-summary]`))
	}
	if a, e := s.counts(); a != 0 || e != 0 {
		t.Errorf("%d articles and %d events stored from bad input", a, e)
	}
}

func TestSQLMetacharactersAreJustText(t *testing.T) {
	s := newSite(t)
	nasty := []string{
		`Robert'); DROP TABLE events;--`,
		`O'Brien "the \"quote\"" \\ back\slash`,
		`100% of _all_ talks; 1=1 OR 'a'='a'`,
		`$1 $$ ; -- /* comment */ E'\x00'`,
	}
	for i, title := range nasty {
		form := url.Values{"date": {fmt.Sprintf("2025-07-%02d", i+1)}, "kind": {"statement"}, "title": {title},
			"actor": {title[:min(len(title), 40)]}, "summary": {title}, "status": {"reported"}}
		p := s.postForm("/events", form)
		if p.StatusCode != http.StatusSeeOther {
			t.Fatalf("%q: %d %s", title, p.StatusCode, p.text(`[data-testid=error-summary]`))
		}
		shown := s.follow(p)
		if got := shown.text(`[data-testid=event-title]`); got != title {
			t.Errorf("stored %q, shown %q", title, got)
		}
	}
	for _, q := range []string{`' OR 1=1 --`, `%`, `_`, `\`, `DROP TABLE events`, `O'Brien`} {
		p := s.get("/?" + url.Values{"q": {q}}.Encode())
		if p.StatusCode != http.StatusOK {
			t.Errorf("search %q: %d %s", q, p.StatusCode, p.text("main"))
		}
	}
	if got := s.get("/?" + url.Values{"q": {"O'Brien"}}.Encode()).find(`[data-testid=event]`).Length(); got != 1 {
		t.Errorf("search O'Brien finds %d events, want 1", got)
	}
	if p := s.get("/?" + url.Values{"actor": {nasty[0][:min(len(nasty[0]), 40)]}}.Encode()); p.find(`[data-testid=event]`).Length() != 1 {
		t.Errorf("filtering by a nasty actor: %d events", p.find(`[data-testid=event]`).Length())
	}
	if _, e := s.counts(); e != len(nasty) {
		t.Errorf("%d events, want %d: a table went missing?", e, len(nasty))
	}
}

// A form over its route's limit is refused with 413 and the limit in
// words, however the browser encodes it: a URL-encoded form is not read
// as one that lost its token.
func TestOversizedFormsGet413WithTheLimit(t *testing.T) {
	s := newSite(t)
	e := s.create(handEvent(t, timeline.KindCall, "2025-07-03", "A call", "Ana"))
	tests := []struct {
		name, path string
		form       url.Values
		says       string
	}{
		{"an event form", "/events", url.Values{"summary": {strings.Repeat("x", 300<<10)}}, "256 KiB"},
		{"an edit", fmt.Sprintf("/events/%d", e.ID), url.Values{"summary": {strings.Repeat("x", 300<<10)}}, "256 KiB"},
		{"a sign-in", "/login", url.Values{"name": {strings.Repeat("x", 20<<10)}}, "16 KiB"},
		{"a deletion", fmt.Sprintf("/events/%d/delete", e.ID), url.Values{"x": {strings.Repeat("x", 20<<10)}}, "16 KiB"},
	}
	for _, tt := range tests {
		for _, enc := range []string{"urlencoded", "multipart"} {
			t.Run(tt.name+", "+enc, func(t *testing.T) {
				var p response
				if enc == "multipart" {
					p = s.post(tt.path, tt.form, nil)
				} else {
					p = s.postForm(tt.path, tt.form)
				}
				if p.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(p.text(`[data-testid=error]`), tt.says) {
					t.Errorf("%d %q, want 413 saying %q", p.StatusCode, p.text(`[data-testid=error]`), tt.says)
				}
			})
		}
	}
	if _, err := s.store.Event(context.Background(), e.ID); err != nil {
		t.Errorf("the event is gone: %v", err)
	}
}

// Input the database cannot hold (NUL bytes, bytes that are not UTF-8,
// numbers beyond its columns) is the user's mistake, answered with 400
// and plain words, never a 500 from the database.
func TestMalformedInputGets400(t *testing.T) {
	s := newSite(t)
	s.addUser("ana")
	e := s.create(handEvent(t, timeline.KindCall, "2025-07-03", "A call", "Ana"))
	rank := base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("%d.%d.%d", thursday.UnixMicro(), 40000, e.ID)))
	reads := []string{"/", "/export", "/calendar.ics", "/export.json", "/export.csv", "/timelinejs.json"}
	queries := []struct{ name, query string }{
		{"a search with a NUL byte", "q=%00"},
		{"a search that is not UTF-8", "q=%ff"},
		{"an actor with a NUL byte", "actor=%00"},
		{"an actor that is not UTF-8", "actor=a%ffb"},
		{"a page cursor whose rank is beyond a smallint", "after=" + rank},
	}
	for _, path := range reads {
		for _, q := range queries {
			if strings.HasPrefix(q.query, "after=") && path != "/" {
				continue // only the timeline reads cursors
			}
			t.Run(path+" with "+q.name, func(t *testing.T) {
				p := s.get(path + "?" + q.query)
				if p.StatusCode != http.StatusBadRequest || p.text(`[data-testid=error]`) == "" {
					t.Errorf("%d %q, want 400 saying what is wrong", p.StatusCode, p.text("main"))
				}
			})
		}
	}
	if p := s.get("/?before=" + rank); p.StatusCode != http.StatusBadRequest {
		t.Errorf("a backward cursor with a rank beyond a smallint: %d", p.StatusCode)
	}
	for _, name := range []string{"a\x00b", "a\xffb"} {
		p := s.signIn(name, password)
		if p.StatusCode != http.StatusBadRequest || p.text(`[data-testid=login-error]`) == "" {
			t.Errorf("sign-in as %q: %d %q, want 400 saying why", name, p.StatusCode, p.text("main"))
		}
	}
	if p := s.signIn("ana", password); p.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", p.StatusCode)
	}
	edit := url.Values{"date": {"2025-07-04"}, "kind": {"call"}, "title": {"Changed"}, "actor": {"Ana"}, "status": {"reported"}}
	for _, seq := range []string{"2147483648", "-1", "1e3"} {
		edit.Set("sequence", seq)
		if p := s.postForm(fmt.Sprintf("/events/%d", e.ID), edit); p.StatusCode != http.StatusBadRequest {
			t.Errorf("an edit from sequence %s: %d %q, want 400", seq, p.StatusCode, p.text("main"))
		}
	}
	if p := s.post("/articles", url.Values{"body": {"Leaders met."}, "url": {"https://example.com/\xff"}}, nil); p.StatusCode != http.StatusUnprocessableEntity ||
		p.text(`[data-testid=error-url]`) == "" {
		t.Errorf("an article address that is not UTF-8: %d %q", p.StatusCode, p.text("main"))
	}
	if got, _ := s.store.Event(context.Background(), e.ID); got.Title != "A call" {
		t.Errorf("the event changed: %+v", got)
	}
}

// Filters take at most timeline.MaxFilterValues values each: thousands of
// actors in a link cost a page quadratic in them (each actor's link
// carries all the others), so they are refused before any work.
func TestFiltersTakeALimitedNumberOfValues(t *testing.T) {
	s := newSite(t)
	s.create(handEvent(t, timeline.KindCall, "2025-07-03", "A call", "Actor 0"))
	repeat := func(key string, n int, value func(i int) string) string {
		q := url.Values{}
		for i := range n {
			q.Add(key, value(i))
		}
		return q.Encode()
	}
	actor := func(i int) string { return fmt.Sprintf("Actor %d", i) }
	kind := func(i int) string { return string(timeline.Kinds[i%len(timeline.Kinds)]) }
	tests := []struct {
		name, query string
		status      int
	}{
		{"30 actors", repeat("actor", timeline.MaxFilterValues, actor), http.StatusOK},
		{"31 actors", repeat("actor", timeline.MaxFilterValues+1, actor), http.StatusBadRequest},
		{"3,000 actors", repeat("actor", 3000, actor), http.StatusBadRequest},
		{"3,000 times the same actor", repeat("actor", 3000, func(int) string { return "Actor 0" }), http.StatusBadRequest},
		{"30 kinds", repeat("kind", timeline.MaxFilterValues, kind), http.StatusOK},
		{"31 kinds", repeat("kind", timeline.MaxFilterValues+1, kind), http.StatusBadRequest},
		{"a search of 500 characters", "q=" + strings.Repeat("x", timeline.MaxFilterTextRunes), http.StatusOK},
		{"a search of 501 characters", "q=" + strings.Repeat("x", timeline.MaxFilterTextRunes+1), http.StatusBadRequest},
	}
	for _, tt := range tests {
		for _, path := range []string{"/", "/export", "/calendar.ics"} {
			t.Run(tt.name+" on "+path, func(t *testing.T) {
				p := s.get(path + "?" + tt.query)
				if p.StatusCode != tt.status {
					t.Fatalf("%d %.200q, want %d", p.StatusCode, p.text("main"), tt.status)
				}
				if tt.status == http.StatusBadRequest && !strings.Contains(p.text(`[data-testid=error]`), "at most") {
					t.Errorf("the page says %q, not the limit", p.text(`[data-testid=error]`))
				}
			})
		}
	}
}

// The review form comes back from the browser: what it carries is checked
// as anything typed is. A candidate's quotes are bounded, actor kinds and
// the publication date's source are the known ones.
func TestAReviewFormIsNotTrustedFurtherThanTyping(t *testing.T) {
	s := newSite(t)
	body := "On June 21, 2025, the United States struck three nuclear sites in Iran. Officials said more would follow."
	review := s.post("/articles", url.Values{"body": {body}, "published": {"2025-06-22"}}, nil)
	valid := formValues(review.doc, `[data-testid=review-form]`)
	if valid.Get("c0.spans") == "" {
		t.Fatalf("no candidate: %s", review.text("main"))
	}
	tests := []struct {
		name   string
		change func(f url.Values)
		status int
		says   string
	}{
		{"4,000 quotes of one candidate", func(f url.Values) {
			f.Set("c0.spans", strings.TrimSpace(strings.Repeat(f.Get("c0.spans")+" ", 4000)))
		}, http.StatusBadRequest, "could not be read"},
		{"an actor kind outside the vocabulary", func(f url.Values) {
			f.Set("c0.known_actor", "superuser:United States")
		}, http.StatusBadRequest, "could not be read"},
		{"a publication date source of 100 KB", func(f url.Values) {
			f.Set("published_source", strings.Repeat("x", 100<<10))
		}, http.StatusBadRequest, "could not be read"},
		{"a publication date source nobody gives", func(f url.Values) {
			f.Set("published_source", "superuser")
		}, http.StatusBadRequest, "could not be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := cloneValues(valid)
			tt.change(form)
			p := s.post("/articles/accept", form, nil)
			if p.StatusCode != tt.status || !strings.Contains(p.text("main"), tt.says) {
				t.Errorf("%d %.300q, want %d saying %q", p.StatusCode, p.text("main"), tt.status, tt.says)
			}
		})
	}
	if a, e := s.counts(); a != 0 || e != 0 {
		t.Errorf("%d articles and %d events stored from a forged review", a, e)
	}
	if p := s.post("/articles/accept", valid, nil); p.StatusCode != http.StatusSeeOther {
		t.Errorf("the review as served: %d %.300q", p.StatusCode, p.text("main"))
	}
}

// Reading an article runs under the request's context: when the client
// gives up, extraction is told to stop instead of working for nobody.
func TestReadingAnArticleStopsWhenTheClientLeaves(t *testing.T) {
	s := newSite(t)
	cancelled := make(chan struct{})
	s.server.extract = func(ctx context.Context, input string, opts extract.Options) (extract.Result, error) {
		select {
		case <-ctx.Done():
			close(cancelled)
			return extract.Result{}, ctx.Err()
		case <-time.After(time.Minute):
			return extract.Result{}, errors.New("extraction was never told to stop")
		}
	}
	form := s.withToken(url.Values{"body": {"Leaders met on 3 July 2025."}})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", s.url+"/articles", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, err := s.client.Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("the request ended with %d before the client left", resp.StatusCode)
	}
	select {
	case <-cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("extraction went on 10 s after the client left")
	}
}

// A paste sent URL-encoded (a script's curl -d, not the page's form) is
// read like the form's multipart one: it carries no file, which is no
// error.
func TestAnArticleSentURLEncodedIsRead(t *testing.T) {
	s := newSite(t)
	p := s.postForm("/articles", url.Values{"body": {"On June 21, 2025, the United States struck three nuclear sites in Iran."}, "published": {"2025-06-22"}})
	if p.StatusCode != http.StatusOK || p.find(`[data-testid=candidate]`).Length() == 0 {
		t.Errorf("%d %.300q, want the review with the strike", p.StatusCode, p.text("main"))
	}
}
