package views

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/dateline/dateline/store/fetch"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/dateline/dateline/views/webpage"
)

// exampleArticle is a short report in the manner of a news story, written
// for Dateline, for trying it out on an empty timeline.
//
//go:embed example.txt
var exampleArticle string

func (s *Server) newArticle(w http.ResponseWriter, r *http.Request) error {
	f := ArticleForm{}
	if r.URL.Query().Get("example") != "" {
		f.Body, f.Example = exampleArticle, true
	}
	return render(w, r, ArticleFormPage(f))
}

// readArticle reads a pasted or uploaded article, and shows what
// extraction found in it for review. It also re-reads an article from the
// review page with another publication date. Nothing is stored, so the
// answer is the review page itself rather than a redirect.
func (s *Server) readArticle(w http.ResponseWriter, r *http.Request) error {
	f, err := s.readArticleForm(r)
	if err != nil {
		return err
	}
	if f.TooLarge {
		return renderStatus(w, r, http.StatusRequestEntityTooLarge, ArticleFormPage(f))
	}
	v := f.Errors
	var published timeline.Date
	if f.Published != "" {
		r := readTyped(f.Published, s.today(), pageDayFirst(f.Body))
		if r.Error != "" {
			v.Add("published", r.Error)
		}
		published = r.Date
	}
	if strings.TrimSpace(f.Body) == "" && v.Field("body") == "" && v.Field("file") == "" && webAddress(f.URL) {
		// Only an address: the page is fetched and read as an uploaded
		// one would be.
		page, err := s.fetchPage(r.Context(), f.URL)
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return err
			}
			v.Add("url", "could not get the page: "+fetchReason(err))
		} else {
			f.Body, f.URL = newlines(page.Text), page.URL
		}
	}
	if strings.TrimSpace(f.Body) == "" && v.Field("body") == "" && v.Field("url") == "" {
		v.Add("body", "paste the article's text, choose a file or give its web address")
	}
	addFieldErrors(v, (&timeline.Article{Body: f.Body, URL: f.URL}).Validate(), "")
	if v.Err() != nil {
		f.Errors = v
		return renderStatus(w, r, http.StatusUnprocessableEntity, ArticleFormPage(f))
	}

	known, err := s.articles.ArticleByBody(r.Context(), f.Body)
	switch {
	case err == nil && (known.Published.IsZero() || !published.IsZero() && published != known.Published):
		// Stored before, without a date or with another: its page reads
		// it again with the one given.
		q := url.Values{"notice": {"known"}}
		if f.Published != "" {
			q.Set("published", f.Published)
		}
		return seeOther(w, r, fmt.Sprintf("/articles/%d?%s", known.ID, q.Encode()))
	case err == nil:
		return s.showKnown(w, r, known.ID)
	case !errors.Is(err, timeline.ErrNotFound):
		return err
	}

	res, err := s.extract(r.Context(), f.Body, extract.Options{Published: published, MaxBytes: s.opts.MaxArticleBytes})
	if err != nil {
		switch {
		case errors.Is(err, extract.ErrEmpty):
			v.Add("body", "the article is empty")
		case errors.Is(err, extract.ErrNotText):
			v.Add("body", "this is not text: paste the article, or upload it as .txt or .html")
		case errors.Is(err, extract.ErrTooLarge):
			// A fetched page over the limit: the form keeps its address.
			v.Add("url", s.overLimit("The page", len(f.Body)))
			f.Body = ""
			return renderStatus(w, r, http.StatusRequestEntityTooLarge, ArticleFormPage(f))
		default:
			return err
		}
		return renderStatus(w, r, http.StatusUnprocessableEntity, ArticleFormPage(f))
	}
	m := reviewOf(f, res)
	m.InboxItem, m.FeedTitle = inboxOf(r)
	if r.PostForm.Has("candidates") {
		// Read again from the review page: the user's changes stay.
		old, err := s.readReview(r)
		if err != nil {
			return err
		}
		m.Title, m.Publisher, m.URL = old.Title, old.Publisher, old.URL
		ref := s.today()
		if !published.IsZero() {
			ref = published.Start()
		}
		m.keepEdits(old.Candidates, ref)
		m.showQuotes()
	}
	if f.Published != "" {
		m.PublishedNote = readTyped(f.Published, s.today(), m.DayFirst).Note
	}
	return render(w, r, ReviewPage(m))
}

// pageDayFirst reports whether body is a web page whose language writes
// numeric dates day first.
func pageDayFirst(body string) bool {
	return webpage.IsHTML(body) && dayFirstLanguage(webpage.ReadMeta(body).Lang)
}

// webAddress reports whether s is an http(s) address worth fetching;
// anything else is left to the article's validation to explain.
func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// fetchReason is why a page could not be fetched, in the user's words:
// the fetch error without the address, which the field already shows.
func fetchReason(err error) string {
	msg := fetch.Reason(err)
	if errors.Is(err, fetch.ErrTooLarge) {
		msg += ": save the page and upload the part that is the article"
	}
	return msg
}
