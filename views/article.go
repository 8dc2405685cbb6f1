package views

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/dateline/dateline/views/webpage"
)

// ArticlePageModel is a stored article as a reader sees it, with the
// sentences its events quote marked, and what an editor may do with it.
type ArticlePageModel struct {
	Article timeline.Article
	// Paragraphs are the article's text, each a run of plain and marked
	// text.
	Paragraphs [][]Run
	Events     []timeline.Event
	History    []timeline.Change
	Notice     string
	// Published is the publication date typed to read the article again
	// with, and Errors its problem.
	Published string
	Errors    *timeline.ValidationError
}

// Run is a stretch of an article's text: plain, or quoted by events.
type Run struct {
	Text string
	// Events quote this stretch, and Ends those whose quote ends with
	// it; Anchors are the ids of the mentions that start here
	// (mentionAnchor), for links to land on.
	Events, Ends []int64
	Anchors      []string
}

// mentionAnchor is the id a mention's place in its article page has.
func mentionAnchor(m timeline.Mention) string { return fmt.Sprintf("at-%d", m.Start) }

// mentionURL is a mention's place in its article.
func mentionURL(m timeline.Mention) string {
	return fmt.Sprintf("/articles/%d#%s", m.ArticleID, mentionAnchor(m))
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) error {
	m, err := s.articlePageModel(r)
	if err != nil {
		return err
	}
	// The page is public, and carries the form that reads it again.
	s.ensureFormToken(w, r, visitorOf(r.Context()))
	q := r.URL.Query()
	switch q.Get("notice") {
	case "known":
		m.Notice = "You added this article before: nothing was saved twice."
		if m.Article.Published.IsZero() {
			m.Notice += " It has no publication date: give it below and read the article again to find the events it places."
		} else {
			m.Notice += " To read it with another publication date, give it below and read it again."
		}
	case "read":
		m.Notice = "No new event was chosen: the publication date is saved, the events stay as they were."
	}
	if p := strings.TrimSpace(q.Get("published")); p != "" && len(p) <= 100 {
		m.Published = p
	}
	return render(w, r, ArticlePage(m))
}

// storedArticleID reads the article id of an /articles/{id}/... route.
func storedArticleID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, timeline.ErrNotFound
	}
	return id, nil
}

// articlePageModel reads the article of the route and what its page
// shows.
func (s *Server) articlePageModel(r *http.Request) (m ArticlePageModel, err error) {
	id, err := storedArticleID(r)
	if err != nil {
		return m, err
	}
	if m.Article, err = s.articles.Article(r.Context(), id); err != nil {
		return m, err
	}
	mentions, err := s.articles.ArticleMentions(r.Context(), id)
	if err != nil {
		return m, err
	}
	if m.Events, err = s.articles.ArticleEvents(r.Context(), id); err != nil {
		return m, err
	}
	if m.History, err = s.changes.ArticleHistory(r.Context(), id); err != nil {
		return m, err
	}
	m.Paragraphs = paragraphs(m.Article.Body, mentions)
	m.Published = m.Article.Published.Value()
	return m, nil
}

// publishedText says what an article's publication date is and where it
// came from.
func (m ArticlePageModel) publishedText() string {
	if m.Article.Published.IsZero() {
		return "None: dates such as “Thursday” or “last month” could not be placed."
	}
	return m.Article.Published.String() + ", " + publishedFrom(m.Article.PublishedSource)
}

// paragraphs lays out an article's text for reading, with its mentions
// marked: a web page as its visible text, block by block; text by its
// paragraphs (blank lines), its line breaks kept.
func paragraphs(body string, mentions []timeline.Mention) [][]Run {
	text, toText := body, func(off int) int { return off }
	sep := "\n\n"
	if webpage.IsHTML(body) {
		page := webpage.Read(body)
		text, sep = page.String(), "\n"
		toText = func(off int) int { from, _ := page.Span(off, off); return from }
	}
	type mark struct {
		from, to int
		event    int64
		anchor   string
	}
	var marks []mark
	for _, m := range mentions {
		if validSpan(body, m.Start, m.End) {
			marks = append(marks, mark{toText(m.Start), toText(m.End), m.EventID, mentionAnchor(m)})
		}
	}
	var out [][]Run
	for start := 0; start < len(text); {
		end := strings.Index(text[start:], sep)
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			cuts := []int{start, end}
			for _, m := range marks {
				cuts = append(cuts, min(max(m.from, start), end), min(max(m.to, start), end))
			}
			slices.Sort(cuts)
			cuts = slices.Compact(cuts)
			var para []Run
			for i := 0; i+1 < len(cuts); i++ {
				from, to := cuts[i], cuts[i+1]
				var run Run
				for _, m := range marks {
					if m.from <= from && to <= m.to {
						run.Events = append(run.Events, m.event)
					}
					if m.from == from {
						run.Anchors = append(run.Anchors, m.anchor)
					}
					if m.from < to && (m.to == to || to == end && m.to > end) && !slices.Contains(run.Ends, m.event) {
						run.Ends = append(run.Ends, m.event)
					}
				}
				slices.Sort(run.Events)
				run.Events, run.Anchors = slices.Compact(run.Events), slices.Compact(run.Anchors)
				run.Text = text[from:to]
				para = append(para, run)
			}
			out = append(out, para)
		}
		start = end + len(sep)
	}
	return out
}

// eventTitle names an event of the article page by its id.
func (m ArticlePageModel) eventTitle(id int64) string {
	for _, e := range m.Events {
		if e.ID == id {
			return e.Title
		}
	}
	return "an event"
}

// readStoredArticle reads a stored article again with the publication
// date given, which it saves, and shows the new events it finds for
// review. From the review, it reads again with another date, keeping the
// user's changes.
func (s *Server) readStoredArticle(w http.ResponseWriter, r *http.Request) error {
	m, err := s.articlePageModel(r)
	if err != nil {
		return err
	}
	a := m.Article
	typed := strings.TrimSpace(r.PostFormValue("published"))
	reading := readTyped(typed, s.today(), pageDayFirst(a.Body))
	if typed == "" {
		reading.Error = "give the date the article was published"
	}
	if reading.Error != "" {
		m.Published, m.Errors = typed, &timeline.ValidationError{}
		m.Errors.Add("published", reading.Error)
		return renderStatus(w, r, http.StatusUnprocessableEntity, ArticlePage(m))
	}
	if err := s.articles.SetArticlePublished(r.Context(), a.ID, reading.Date); err != nil {
		return err
	}
	res, err := s.extract(r.Context(), a.Body, extract.Options{Published: reading.Date, MaxBytes: timeline.ArticleBytesCeiling})
	if err != nil {
		return err
	}
	review := reviewOf(ArticleForm{Body: a.Body, URL: a.URL}, res)
	review.ArticleID, review.Title, review.Publisher, review.URL = a.ID, a.Title, a.Publisher, a.URL
	review.PublishedNote = reading.Note
	// What the article's stored mentions quote is on the timeline
	// already, and stays: only the new candidates are for review.
	stored, err := s.articles.ArticleMentions(r.Context(), a.ID)
	if err != nil {
		return err
	}
	review.Candidates = slices.DeleteFunc(review.Candidates, func(c Candidate) bool { return quotedBefore(c, stored) })
	for i := range review.Candidates {
		review.Candidates[i].Index = i
	}
	if r.PostForm.Has("candidates") {
		old, err := s.readReview(r)
		if err != nil {
			return err
		}
		review.keepEdits(slices.DeleteFunc(old.Candidates, func(c Candidate) bool { return quotedBefore(c, stored) }), reading.Date.Start())
		review.showQuotes()
	}
	review.Stored = m.Events
	return render(w, r, ReviewPage(review))
}

// quotedBefore reports whether every quote of a candidate is a stored
// mention of its article.
func quotedBefore(c Candidate, stored []timeline.Mention) bool {
	for _, sp := range c.Spans {
		if !slices.ContainsFunc(stored, func(m timeline.Mention) bool { return m.Start == sp[0] && m.End == sp[1] }) {
			return false
		}
	}
	return len(c.Spans) > 0
}

// acceptStoredArticle adds the chosen events of a stored article read
// again, and shows them on the timeline. The article is the stored one,
// whatever the form carries.
func (s *Server) acceptStoredArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := storedArticleID(r)
	if err != nil {
		return err
	}
	stored, err := s.articles.Article(r.Context(), id)
	if err != nil {
		return err
	}
	m, err := s.readReview(r)
	if err != nil {
		return err
	}
	m.ArticleID, m.Body = id, stored.Body
	m.Title, m.Publisher, m.URL = stored.Title, stored.Publisher, stored.URL
	m.Published, m.PublishedSource, m.FoundPublished = stored.Published.Value(), stored.PublishedSource, stored.Published.Value()
	if !slices.ContainsFunc(m.Candidates, func(c Candidate) bool { return c.Selected }) {
		return seeOther(w, r, fmt.Sprintf("/articles/%d?notice=read", id))
	}
	m.showQuotes()
	_, events, chosen, ok := m.article(s.today())
	if !ok {
		return s.showReviewAgain(w, r, m)
	}
	added, err := s.articles.AddArticleEvents(r.Context(), id, events)
	if v := timeline.FieldErrors(err); v != nil {
		m.reviewProblems(v, chosen)
		return s.showReviewAgain(w, r, m)
	}
	if err != nil {
		return err
	}
	return seeOther(w, r, addedURL(events, added))
}

// showReviewAgain shows a stored article's review with its problems.
func (s *Server) showReviewAgain(w http.ResponseWriter, r *http.Request, m ReviewModel) error {
	events, err := s.articles.ArticleEvents(r.Context(), m.ArticleID)
	if err != nil {
		return err
	}
	m.Stored = events
	return renderStatus(w, r, http.StatusUnprocessableEntity, ReviewPage(m))
}

// addedURL is the timeline at events just saved, highlighted, saying how
// many are new (added) and how many joined events stored before.
func addedURL(events []timeline.Event, added []int64) string {
	var ids []int64
	merged := 0
	for _, e := range events {
		if slices.Contains(ids, e.ID) {
			continue
		}
		ids = append(ids, e.ID)
		if !slices.Contains(added, e.ID) {
			merged++
		}
	}
	first := slices.MinFunc(events, func(x, y timeline.Event) int {
		if c := timeline.Compare(x.Date, y.Date); c != 0 {
			return c
		}
		return int(x.ID - y.ID)
	})
	q := url.Values{"notice": {"added"}, "added": {strconv.Itoa(len(ids) - merged)}, "merged": {strconv.Itoa(merged)}}
	return highlightURL(q, ids, first)
}

// DeleteArticleModel asks before deleting an article: which events go
// with it, and which stay with their other sources.
type DeleteArticleModel struct {
	Article      timeline.Article
	Going, Stays []timeline.Event
}

func (s *Server) confirmDeleteArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := storedArticleID(r)
	if err != nil {
		return err
	}
	a, err := s.articles.Article(r.Context(), id)
	if err != nil {
		return err
	}
	events, err := s.articles.ArticleEvents(r.Context(), id)
	if err != nil {
		return err
	}
	m := DeleteArticleModel{Article: a}
	for _, e := range events {
		if e.Sources <= 1 {
			m.Going = append(m.Going, e)
		} else {
			m.Stays = append(m.Stays, e)
		}
	}
	return render(w, r, DeleteArticlePage(m))
}

func (s *Server) deleteArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := storedArticleID(r)
	if err != nil {
		return err
	}
	deleted, err := s.articles.DeleteArticle(r.Context(), id)
	if errors.Is(err, timeline.ErrNotFound) {
		return seeOther(w, r, "/articles?notice=gone")
	}
	if err != nil {
		return err
	}
	return seeOther(w, r, "/?"+url.Values{"notice": {"article-deleted"}, "deleted": {strconv.Itoa(len(deleted))}}.Encode())
}

// articlesPerPage is how many articles the list shows at once.
const articlesPerPage = 50

// ArticlesModel is the list of stored articles, newest first, or of
// those without a publication date.
type ArticlesModel struct {
	Undated  bool
	Articles []timeline.ArticleEntry
	NextURL  string
	Notice   string
}

func (s *Server) articlesPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	m := ArticlesModel{Undated: q.Get("undated") != ""}
	var before int64
	if b := q.Get("before"); b != "" {
		var err error
		if before, err = strconv.ParseInt(b, 10, 64); err != nil || before <= 0 {
			return badRequest{"That page link is damaged; start again from the first page."}
		}
	}
	list, err := s.articles.Articles(r.Context(), m.Undated, before, articlesPerPage+1)
	if err != nil {
		return err
	}
	if len(list) > articlesPerPage {
		list = list[:articlesPerPage]
		next := url.Values{"before": {strconv.FormatInt(list[len(list)-1].ID, 10)}}
		if m.Undated {
			next.Set("undated", "1")
		}
		m.NextURL = "/articles?" + next.Encode()
	}
	m.Articles = list
	if q.Get("notice") == "gone" {
		m.Notice = "That article was deleted already."
	}
	return render(w, r, ArticlesPage(m))
}
