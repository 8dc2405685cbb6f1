package views

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// paste sends an article as the add-article form does and returns the
// review page.
func (s *site) paste(body, published string) response {
	s.t.Helper()
	p := s.post("/articles", url.Values{"body": {body}, "published": {published}, "url": {""}}, nil)
	if p.StatusCode != http.StatusOK || p.find(`[data-testid=review-form]`).Length() == 0 {
		s.t.Fatalf("POST /articles = %d, no review form; page says %q", p.StatusCode, p.text("main"))
	}
	return p
}

func TestAddingAnArticleShowsItsEventsForReviewThenOnTheTimeline(t *testing.T) {
	s := newSite(t)
	review := s.paste(string(article(t, "grain-corridor.txt")), "")

	if got := review.text(`[data-testid=published-source]`); !strings.Contains(got, "14 March 2024") || !strings.Contains(got, "dateline") {
		t.Errorf("publication date shown as %q; want the date and where it came from", got)
	}
	strike := findCandidate(t, review, "strike", "2024-03-02")
	if got := strike.Find(`[data-testid=candidate-quote]`).Text(); !strings.HasPrefix(got, "Russia struck the port of Odesa on March 2") {
		t.Errorf("highlighted quote = %q", got)
	}
	if ctx := strike.Find(`[data-testid=candidate-context]`).Text(); !strings.Contains(ctx, "met in Ankara") {
		t.Errorf("the quote is not shown in its context: %q", ctx)
	}
	if _, ok := strike.Find(`[data-testid=candidate-selected]`).Attr("checked"); !ok {
		t.Error("a reported event starts unchosen")
	}
	if got := strike.Find(`[data-testid=confidence]`).Text(); !strings.Contains(got, "%") {
		t.Errorf("confidence shown as %q", got)
	}
	if got := strike.Find(`[data-testid=candidate-date-read] [data-testid=date-preview-text]`).Text(); got != "2 March 2024" {
		t.Errorf("the date reads as %q", got)
	}

	// Keep only the strike, corrected, and accept.
	form := formValues(review.doc, `[data-testid=review-form]`)
	review.find(`[data-testid=candidate]`).Each(func(_ int, c *goquery.Selection) {
		form.Del(fieldName(c, "selected"))
	})
	form.Set(fieldName(strike, "selected"), "on")
	form.Set(fieldName(strike, "title"), "Russia strikes the port of Odesa")
	form[fieldName(strike, "actor")] = []string{"Russia", "Ukraine", "Odesa"}
	tl := s.follow(s.post("/articles/accept", form, nil))

	events := tl.find(`[data-testid=event]`)
	if events.Length() != 1 {
		t.Fatalf("%d events on the timeline, want the one chosen", events.Length())
	}
	if got := tl.text(`[data-testid=event-title]`); got != "Russia strikes the port of Odesa" {
		t.Errorf("title = %q, want the corrected one", got)
	}
	if got := texts(tl.find(`[data-testid=event-actor]`)); !slices.Equal(got, []string{"Russia", "Ukraine", "Odesa"}) {
		t.Errorf("actors = %v", got)
	}
	if !events.HasClass("new") || tl.find(`[data-testid=new-marker]`).Length() != 1 {
		t.Error("the new event is not highlighted")
	}
	if got := tl.text(`[data-testid=notice]`); !strings.Contains(got, "1 event from the article is on the timeline") {
		t.Errorf("notice = %q", got)
	}
	if got := tl.text(`[data-testid=event-quote]`); !strings.HasPrefix(got, "Russia struck the port of Odesa on March 2") {
		t.Errorf("quote = %q", got)
	}
	if got := tl.text(`[data-testid=event-source]`); !strings.Contains(got, "Turkey and Ukraine Extend Grain Corridor Deal") || !strings.Contains(got, "14 March 2024") {
		t.Errorf("source = %q; want the article's title and date", got)
	}
}

func TestTheSameArticleAgainIsRecognised(t *testing.T) {
	s := newSite(t)
	body := string(article(t, "grain-corridor.txt"))
	review := s.paste(body, "")
	s.follow(s.post("/articles/accept", formValues(review.doc, `[data-testid=review-form]`), nil))
	before := len(s.get("/?limit=500").find(`[data-testid=event]`).Nodes)

	// Pasted again, with other line ends and surrounding space: recognised
	// before any extraction, and sent to its events.
	again := s.post("/articles", url.Values{"body": {"\r\n" + strings.ReplaceAll(body, "\n", "\r\n") + "  "}}, nil)
	tl := s.follow(again)
	if got := tl.text(`[data-testid=notice]`); !strings.Contains(got, "You added this article before") {
		t.Errorf("notice = %q", got)
	}
	if n := tl.find(`[data-testid=event].new`).Length(); n != before {
		t.Errorf("%d events highlighted, want the article's %d", n, before)
	}
	if got := tl.text(`[data-testid=new-marker]`); !strings.HasPrefix(got, "From this article") {
		t.Errorf("known events are marked %q", got)
	}
	// Accepting an old review of it saves nothing twice either.
	tl = s.follow(s.post("/articles/accept", formValues(review.doc, `[data-testid=review-form]`), nil))
	if got := tl.text(`[data-testid=notice]`); !strings.Contains(got, "You added this article before") {
		t.Errorf("accepting twice: notice = %q", got)
	}
	if after := len(s.get("/?limit=500").find(`[data-testid=event]`).Nodes); after != before {
		t.Errorf("%d events after adding the article twice, want %d", after, before)
	}
}

func TestAnotherArticleAboutTheSameEventAddsASource(t *testing.T) {
	s := newSite(t)
	first := s.paste(string(article(t, "grain-corridor.txt")), "")
	s.follow(s.post("/articles/accept", formValues(first.doc, `[data-testid=review-form]`), nil))

	second := s.paste(string(article(t, "odesa-port.txt")), "")
	findCandidate(t, second, "strike", "2024-03-02")
	tl := s.follow(s.post("/articles/accept", formValues(second.doc, `[data-testid=review-form]`), nil))
	if got := tl.text(`[data-testid=notice]`); !strings.Contains(got, "already there and now cites one more source") {
		t.Errorf("notice = %q", got)
	}
	strike := tl.find(`[data-testid=event][data-kind=strike][data-date="2024-03-02"]`)
	if strike.Length() != 1 {
		t.Fatalf("%d strikes on 2 March 2024, want the one reported twice", strike.Length())
	}
	if got := strings.TrimSpace(strike.Find(`[data-testid=event-sources]`).Text()); got != "· reported by 2 sources" {
		t.Errorf("sources = %q", got)
	}
	if !strike.HasClass("new") {
		t.Error("the event the article added a source to is not highlighted")
	}
}

func TestRereadingWithAnotherPublicationDateMovesRelativeDates(t *testing.T) {
	s := newSite(t)
	review := s.paste(string(article(t, "grain-corridor.txt")), "")
	findCandidate(t, review, "agreement", "2024-03-13") // "on Wednesday", of 14 March 2024

	form := formValues(review.doc, `[data-testid=review-form]`)
	form.Set("published", "March 21, 2024")
	form.Set("action", "reread")
	again := s.post("/articles", form, nil)
	if again.StatusCode != http.StatusOK {
		t.Fatalf("re-read = %d: %s", again.StatusCode, again.text("main"))
	}
	findCandidate(t, again, "agreement", "2024-03-20") // a week later
	if got := again.text(`[data-testid=published-source]`); !strings.Contains(got, "21 March 2024") || !strings.Contains(got, "as you gave it") {
		t.Errorf("publication date = %q", got)
	}
	if v, _ := again.find(`[data-testid=published]`).Attr("value"); v != "2024-03-21" {
		t.Errorf("publication date field = %q", v)
	}
}

func TestAcceptingShowsProblemsNextToTheCandidate(t *testing.T) {
	s := newSite(t)
	review := s.paste(string(article(t, "grain-corridor.txt")), "")
	strike := findCandidate(t, review, "strike", "2024-03-02")
	form := formValues(review.doc, `[data-testid=review-form]`)
	form.Set(fieldName(strike, "title"), "   ")
	form.Set(fieldName(strike, "date"), "the day after never")

	p := s.post("/articles/accept", form, nil)
	if p.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", p.StatusCode)
	}
	bad := p.find(`[data-testid=candidate]`).FilterFunction(func(_ int, c *goquery.Selection) bool {
		v, _ := c.Find(`[data-testid=candidate-date]`).Attr("value")
		return v == "the day after never"
	})
	if bad.Length() != 1 {
		t.Fatal("the candidate lost what was typed into it")
	}
	if msg := bad.Find(`[data-testid=error-date]`).Text(); !strings.Contains(msg, "is not a date") {
		t.Errorf("date error = %q", msg)
	}
	if msg := bad.Find(`[data-testid=error-title]`).Text(); msg == "" {
		t.Error("no error next to the empty title")
	}
	if p.find(`[data-testid=error-summary]`).Length() == 0 {
		t.Error("no summary of the problems at the top")
	}
	if n := len(s.get("/").find(`[data-testid=event]`).Nodes); n != 0 {
		t.Errorf("%d events saved from a review with problems", n)
	}
	// Unchosen, the broken candidate is no problem.
	form.Del(fieldName(strike, "selected"))
	s.follow(s.post("/articles/accept", form, nil))
}

func TestAcceptingNothingIsRefused(t *testing.T) {
	s := newSite(t)
	review := s.paste(string(article(t, "grain-corridor.txt")), "")
	form := formValues(review.doc, `[data-testid=review-form]`)
	for k := range form {
		if strings.HasSuffix(k, ".selected") {
			form.Del(k)
		}
	}
	p := s.post("/articles/accept", form, nil)
	if p.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(p.text(`[data-testid=error-events]`), "choose at least one event") {
		t.Errorf("accepting nothing: %d %q", p.StatusCode, p.text(`[data-testid=error-summary]`))
	}
}

func TestArticleFormProblems(t *testing.T) {
	s := newSite(t)
	html := article(t, "border-summit.html")
	tests := []struct {
		name  string
		form  url.Values
		files map[string]upload
		field string
		says  string
	}{
		{"nothing pasted", url.Values{"body": {"  \n "}}, nil, "body", "paste the article"},
		{"text and a file", url.Values{"body": {"Some text."}}, map[string]upload{"file": {"a.txt", []byte("More.")}}, "file", "not both"},
		{"a file of another type", nil, map[string]upload{"file": {"a.pdf", []byte("%PDF-1.4")}}, "file", "a.pdf is a PDF document, not an article’s text: upload the article as a .txt or .html file"},
		{"a text file of another type", nil, map[string]upload{"file": {"notes.md", []byte("# Notes\nLeaders met.")}}, "file", "notes.md is not a .txt or .html file"},
		{"a file that is not text", nil, map[string]upload{"file": {"a.txt", []byte("\x00\x01\x02\x03\x04\x05data")}}, "file", "a.txt is binary data, not an article’s text"},
		{"an address that is not the web", url.Values{"body": {"Text."}, "url": {"ftp://example.com/a"}}, nil, "url", "http"},
		{"a publication date that is not one", url.Values{"body": {"Text."}, "published": {"soonish"}}, nil, "published", "is not a date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := s.post("/articles", tt.form, tt.files)
			if p.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", p.StatusCode)
			}
			if msg := p.text(`[data-testid=error-` + tt.field + `]`); !strings.Contains(msg, tt.says) {
				t.Errorf("%s error = %q, want it to say %q", tt.field, msg, tt.says)
			}
		})
	}

	// An HTML page uploaded is read like a pasted one, its date from its
	// metadata.
	p := s.post("/articles", nil, map[string]upload{"file": {"summit.html", html}})
	if p.StatusCode != http.StatusOK {
		t.Fatalf("upload: %d %s", p.StatusCode, p.text("main"))
	}
	if got := p.text(`[data-testid=published-source]`); !strings.Contains(got, "8 September 2023") || !strings.Contains(got, "metadata") {
		t.Errorf("uploaded page's date: %q", got)
	}
	if v, _ := p.find(`[data-testid=review-title]`).Attr("value"); !strings.Contains(v, "Leaders Meet at the Border") {
		t.Errorf("title = %q", v)
	}
}

func TestTheExampleArticleIsOffered(t *testing.T) {
	s := newSite(t)
	empty := s.get("/")
	href, _ := empty.find(`[data-testid=empty-example]`).Attr("href")
	p := s.get(href)
	body := p.text(`[data-testid=article-body]`)
	if !strings.Contains(body, "July 3, 2025") || p.find(`[data-testid=example-note]`).Length() == 0 {
		t.Fatalf("example article not offered: %q", body)
	}
	review := s.paste(body, "")
	findCandidate(t, review, "call", "2025-07-03TMO")
	findCandidate(t, review, "strike", "2025-06-21")
	findCandidate(t, review, "strike", "2025-06-13")
}

// Browsers send line ends as they like: a textarea's as CRLF, a hidden
// field's as LF or CRLF. The quotes must land on the same words whichever
// way the article comes back.
func TestLineEndsDoNotMoveTheQuotes(t *testing.T) {
	s := newSite(t)
	crlf := strings.ReplaceAll(string(article(t, "grain-corridor.txt")), "\n", "\r\n")
	review := s.paste(crlf, "")
	form := formValues(review.doc, `[data-testid=review-form]`)
	for k := range form {
		if strings.HasSuffix(k, ".selected") {
			form.Del(k)
		}
	}
	strike := findCandidate(t, review, "strike", "2024-03-02")
	form.Set(fieldName(strike, "selected"), "on")
	for _, body := range []string{strings.ReplaceAll(form.Get("body"), "\n", "\r\n"), strings.ReplaceAll(form.Get("body"), "\r", "")} {
		form.Set("body", body)
		tl := s.follow(s.post("/articles/accept", form, nil))
		if got := tl.text(`[data-testid=event-quote]`); got != "Russia struck the port of Odesa on March 2, damaging two grain terminals, according to the Ukrainian authorities." {
			t.Errorf("quote = %q", got)
		}
	}
}
