package views

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dateline/dateline/store/fetch"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/dateline/dateline/views/webpage"
)

// maxCandidates bounds the candidates a review form may carry.
const maxCandidates = 500

// exampleArticle is a short report in the manner of a news story, written
// for Dateline, for trying it out on an empty timeline.
//
//go:embed example.txt
var exampleArticle string

// ArticleForm is the page for adding an article: paste or upload.
type ArticleForm struct {
	Body, URL, Published string
	Example              bool // Body is the example article
	Errors               *timeline.ValidationError
	// Converted names the character set an uploaded file was converted
	// from ("Windows-1252"), "" when it was UTF-8.
	Converted string
	// TooLarge is set when the article is over the size limit.
	TooLarge bool
}

// ReviewModel is the review of what extraction found in an article,
// before anything is saved. The article travels in the form, so that
// accepting or re-reading needs nothing stored.
type ReviewModel struct {
	Body, URL, Title, Publisher string
	// Published is the publication date as found or typed; PublishedDate
	// what it reads as; PublishedSource where it came from (an
	// extract.Source* value).
	Published       string
	PublishedDate   timeline.Date
	PublishedSource string
	// FoundPublished is the date as extraction gave it, to tell whether
	// the user changed it. PublishedNote says how a typed date that could
	// be read two ways was read.
	FoundPublished string
	PublishedNote  string
	// DayFirst is set for a page whose language writes numeric dates day
	// first ("06/07/2025" is 6 July).
	DayFirst   bool
	Notes      []string
	Candidates []Candidate
	Errors     *timeline.ValidationError
	// InboxItem is the inbox article under review, which accepting
	// takes out of the inbox; 0 for a pasted or uploaded one. FeedTitle
	// names its feed.
	InboxItem int64
	FeedTitle string
	// ArticleID is the stored article read again, whose events Stored
	// are on the timeline already and stay; 0 for a new article.
	ArticleID int64
	Stored    []timeline.Event
}

// inboxOf is the inbox article a review route names (/inbox/{id}/...),
// with its feed's name as the form carries it, or 0.
func inboxOf(r *http.Request) (int64, string) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || !strings.HasPrefix(r.URL.Path, "/inbox/") {
		return 0, ""
	}
	return id, strings.TrimSpace(r.PostFormValue("feed_title"))
}

// acceptAction and rereadAction are where the review form sends its
// article: back to the article routes, or the inbox's.
func (m ReviewModel) acceptAction() string {
	if m.ArticleID != 0 {
		return fmt.Sprintf("/articles/%d/accept", m.ArticleID)
	}
	if m.InboxItem != 0 {
		return fmt.Sprintf("/inbox/%d/accept", m.InboxItem)
	}
	return "/articles/accept"
}

func (m ReviewModel) rereadAction() string {
	if m.ArticleID != 0 {
		return fmt.Sprintf("/articles/%d/read", m.ArticleID)
	}
	if m.InboxItem != 0 {
		return fmt.Sprintf("/inbox/%d", m.InboxItem)
	}
	return "/articles"
}

// Candidate is one event extraction proposes, as the form shows and
// returns it.
type Candidate struct {
	Index    int
	Selected bool
	Date     string
	DateRead timeline.Date // what Date reads as; zero when it does not
	// DateNote says how a date that could be read two ways was read.
	DateNote string
	Kind     string
	Title    string
	Actors   []string
	Summary  string
	Status   string
	// KnownActors are the actors extraction found, kind and name, so
	// that kinds survive the round trip through the form.
	KnownActors []timeline.Actor
	Confidence  float64
	// Spans are the byte ranges of the mentions in the article.
	Spans  [][2]int
	Quotes []QuoteInContext
	Errors *timeline.ValidationError
	// Found is the candidate as extraction last proposed it: what the
	// user changed is what differs from it, and survives reading the
	// article again.
	Found Proposal
}

// Proposal is what extraction proposed for a candidate, as the form
// carries it.
type Proposal struct {
	Selected                  bool
	Date, Kind, Title, Status string
	Actors                    []string
}

// lowConfidence is the confidence below which an extracted event is
// doubtful: it starts unchosen in a review and, from a single source, is
// marked unconfirmed on the timeline.
const lowConfidence = 0.5

// doubt says why a candidate is doubtful, and so starts unchosen; "" when
// it is not:
// the article does not report it as having happened, or extraction is
// unsure of it.
func (c Candidate) doubt() string {
	var reasons []string
	switch timeline.Status(c.Status) {
	case timeline.StatusPlanned:
		reasons = append(reasons, "the article reports it as planned or announced, not as done")
	case timeline.StatusNegated:
		reasons = append(reasons, "the article says it did not happen")
	case timeline.StatusHypothetical:
		reasons = append(reasons, "the article mentions it only as possible or conditional")
	}
	if c.Confidence < lowConfidence {
		reasons = append(reasons, fmt.Sprintf("Dateline is only %s sure this sentence reports such an event", percent(c.Confidence)))
	}
	if len(reasons) == 0 {
		return ""
	}
	return "Doubtful: " + strings.Join(reasons, ", and ") + "."
}

// proposal is the candidate's current values, as a Proposal.
func (c Candidate) proposal() Proposal {
	return Proposal{Selected: c.Selected, Date: c.Date, Kind: c.Kind, Title: c.Title, Status: c.Status,
		Actors: slices.Clone(c.Actors)}
}

// encode packs p into one hidden field.
func (p Proposal) encode() string {
	v := url.Values{"date": {p.Date}, "kind": {p.Kind}, "title": {p.Title}, "status": {p.Status}, "actor": p.Actors}
	if p.Selected {
		v.Set("selected", "on")
	}
	return v.Encode()
}

// decodeProposal unpacks a hidden field; ok is false for a damaged one.
func decodeProposal(s string) (p Proposal, ok bool) {
	v, err := url.ParseQuery(s)
	if err != nil {
		return p, false
	}
	return Proposal{Selected: v.Get("selected") != "", Date: v.Get("date"), Kind: v.Get("kind"), Title: v.Get("title"),
		Status: v.Get("status"), Actors: v["actor"]}, true
}

// edited reports whether the user changed anything extraction proposed.
func (c Candidate) edited() bool {
	cur := c.proposal()
	return cur.Selected != c.Found.Selected || cur.Date != c.Found.Date || cur.Kind != c.Found.Kind ||
		cur.Title != c.Found.Title || cur.Status != c.Found.Status || !slices.Equal(cur.Actors, c.Found.Actors)
}

// keepEdits carries what the user changed in old (the same candidate
// before the article was read again) over to c, whose values are the new
// reading's.
func (c *Candidate) keepEdits(old Candidate) {
	if old.Selected != old.Found.Selected {
		c.Selected = old.Selected
	}
	if old.Date != old.Found.Date {
		c.Date = old.Date
	}
	if old.Kind != old.Found.Kind {
		c.Kind = old.Kind
	}
	if old.Title != old.Found.Title {
		c.Title = old.Title
	}
	if old.Status != old.Found.Status {
		c.Status = old.Status
	}
	if !slices.Equal(old.Actors, old.Found.Actors) {
		c.Actors = old.Actors
	}
}

// keepEdits carries the user's changes to the candidates of the review
// before reading again (old) over to this one's: a candidate is the same
// when it quotes the same words of the article. An edited candidate the
// new reading no longer proposes is kept as the user left it.
func (m *ReviewModel) keepEdits(old []Candidate, ref time.Time) {
	used := make([]bool, len(old))
	for i := range m.Candidates {
		c := &m.Candidates[i]
		j := slices.IndexFunc(old, func(o Candidate) bool { return sameQuotes(o.Spans, c.Spans) })
		if j < 0 || used[j] {
			continue
		}
		used[j] = true
		c.keepEdits(old[j])
	}
	for j, o := range old {
		if !used[j] && o.edited() {
			m.Candidates = append(m.Candidates, o)
		}
	}
	for i := range m.Candidates {
		c := &m.Candidates[i]
		c.Index = i
		r := readTyped(c.Date, ref, m.DayFirst)
		c.DateRead, c.DateNote = r.Date, r.Note
	}
}

// sameQuotes reports whether two candidates quote the same words.
func sameQuotes(a, b [][2]int) bool { return slices.Equal(a, b) }

// QuoteInContext is a quote with some of the text around it.
type QuoteInContext struct {
	Before, Quote, After string
}

func (c Candidate) field(name string) string { return fmt.Sprintf("c%d.%s", c.Index, name) }

func (c Candidate) id(name string) string { return fmt.Sprintf("c%d-%s", c.Index, name) }

func (c Candidate) actorFields() []string {
	fields := append([]string(nil), c.Actors...)
	return append(fields, "")
}

func (c Candidate) spans() string {
	parts := make([]string, len(c.Spans))
	for i, s := range c.Spans {
		parts[i] = fmt.Sprintf("%d-%d", s[0], s[1])
	}
	return strings.Join(parts, " ")
}

// problems is every problem of the review, the article's and the
// candidates', for the summary at the top.
func (m ReviewModel) problems() *timeline.ValidationError {
	v := &timeline.ValidationError{}
	if m.Errors != nil {
		v.Fields = append(v.Fields, m.Errors.Fields...)
	}
	for _, c := range m.Candidates {
		if c.Errors != nil {
			for _, f := range c.Errors.Fields {
				v.Add(c.field(f.Field), f.Message)
			}
		}
	}
	return v
}

// publishedSourceText says where the publication date came from.
func (m ReviewModel) publishedSourceText() string {
	switch m.PublishedSource {
	case extract.SourceGiven:
		return "as you gave it"
	case extract.SourceMetadata:
		return "from the page's metadata"
	case extract.SourceDateline:
		return "from the dateline at the top of the article"
	case extract.SourceUpdated:
		return "from an “Updated” time: the first publication date was not found"
	}
	return "not found: dates such as “Thursday” could not be worked out. Enter it and read the article again"
}

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

	known, err := s.store.ArticleByBody(r.Context(), f.Body)
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

// tooLarge is the 413 page for an article over the limit.
func (s *Server) tooLarge() error {
	return statusError{status: http.StatusRequestEntityTooLarge, message: s.articleTooLarge()}
}

// readArticleForm reads the article form (parsed by Server.change). A file
// that cannot be used, or an article over the limit, becomes a field
// error; the form keeps the rest (but the article over the limit, which
// would only be sent back).
func (s *Server) readArticleForm(r *http.Request) (ArticleForm, error) {
	var f ArticleForm
	v := &timeline.ValidationError{}
	f.Errors = v
	f.Body = newlines(r.PostFormValue("body"))
	f.URL = strings.TrimSpace(r.PostFormValue("url"))
	f.Published = strings.TrimSpace(r.PostFormValue("published"))
	if len(f.Body) > s.opts.MaxArticleBytes {
		v.Add("body", s.overLimit("The text you pasted", len(f.Body)))
		f.Body, f.TooLarge = "", true
		return f, nil
	}

	file, header, err := r.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return f, nil // pasted, or sent URL-encoded (curl -d), which carries no file
	}
	if err != nil {
		return f, badRequest{"The file could not be read."}
	}
	defer file.Close()
	if header.Size == 0 && header.Filename == "" {
		return f, nil // an empty file input
	}
	if strings.TrimSpace(f.Body) != "" {
		v.Add("file", "paste the text or choose a file, not both")
		return f, nil
	}
	name := filepath.Base(header.Filename)
	b, err := io.ReadAll(io.LimitReader(file, int64(s.opts.MaxArticleBytes)+1))
	if err != nil {
		return f, badRequest{"The file could not be read."}
	}
	if len(b) > s.opts.MaxArticleBytes {
		v.Add("file", s.overLimit(name, int(header.Size)))
		f.TooLarge = true
		return f, nil
	}
	text, converted, problem := fileText(name, b)
	if problem == "" {
		switch ext := strings.ToLower(filepath.Ext(name)); ext {
		case ".txt", ".text", ".html", ".htm":
		default:
			problem = fmt.Sprintf("%s is not a .txt or .html file: save the article as one of those, or paste its text", name)
		}
	}
	if problem != "" {
		v.Add("file", problem)
		return f, nil
	}
	f.Body, f.Converted = newlines(text), converted
	return f, nil
}

// overLimit says that what (an uploaded file's name, or "The text you
// pasted") of size bytes is over the article size limit, and what to do.
func (s *Server) overLimit(what string, size int) string {
	return fmt.Sprintf("%s is %s, and this Dateline takes articles up to %s. Remove what is not the article "+
		"(comments, other stories), or ask whoever runs Dateline to raise the limit (serve --max-article-size).",
		what, sizeText(int64(size)), sizeText(int64(s.opts.MaxArticleBytes)))
}

// articleFormTooLarge answers an article form whose request is over the
// route's limit, too large to read at all: the form again, empty, with
// the limit.
func (s *Server) articleFormTooLarge(w http.ResponseWriter, r *http.Request) error {
	f := ArticleForm{Errors: &timeline.ValidationError{}}
	f.Errors.Add("article", s.articleTooLarge())
	return renderStatus(w, r, http.StatusRequestEntityTooLarge, ArticleFormPage(f))
}

// newlines turns every line end into "\n". Browsers send a textarea's
// line ends as "\r\n" but show a hidden field's as "\n" and may send them
// either way: the article's text must be the same at every step of the
// review, or the quotes' byte offsets would drift. ArticleHash ignores
// line ends too, so an article is recognised however it was sent.
func newlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// reviewOf turns what extraction found into the review form. A web
// page's own metadata names its headline and publisher, where it gives
// them. Every candidate starts chosen, except the doubtful ones (see
// Candidate.doubt).
func reviewOf(f ArticleForm, res extract.Result) ReviewModel {
	m := ReviewModel{
		Body: f.Body, URL: f.URL, Title: res.Title, Published: res.Published.Value(),
		PublishedDate: res.Published, PublishedSource: res.PublishedSource, Notes: res.Notes,
	}
	if f.Converted != "" {
		m.Notes = append([]string{"The file was in " + f.Converted + " and has been converted to UTF-8: check that accented letters read right."}, m.Notes...)
	}
	if webpage.IsHTML(f.Body) {
		meta := webpage.ReadMeta(f.Body)
		m.Title, m.Publisher, m.DayFirst = meta.Title(res.Title), meta.Publisher, dayFirstLanguage(meta.Lang)
	}
	m.FoundPublished = m.Published
	for i, e := range res.Events {
		c := Candidate{
			Index: i, Date: e.Date.Value(), DateRead: e.Date,
			Kind: string(e.Kind), Title: e.Title, Actors: e.ActorNames(), Summary: e.Summary,
			Status: string(e.Status), KnownActors: e.Actors, Confidence: e.Confidence,
		}
		c.Selected = c.doubt() == ""
		c.Found = c.proposal()
		for _, men := range e.Mentions {
			c.Spans = append(c.Spans, [2]int{men.Start, men.End})
		}
		m.Candidates = append(m.Candidates, c)
	}
	m.showQuotes()
	return m
}

// showQuotes puts every candidate's quotes in their context: the
// paragraph around them as a reader sees it. A web page is read for its
// text once: its markup and character references never show.
func (m *ReviewModel) showQuotes() {
	inContext := textContext
	if webpage.IsHTML(m.Body) {
		page := webpage.Read(m.Body)
		inContext = func(body string, start, end int) (QuoteInContext, bool) {
			if !validSpan(body, start, end) {
				return QuoteInContext{}, false
			}
			before, quote, after, ok := page.Context(start, end, contextBytes)
			return QuoteInContext{Before: before, Quote: quote, After: after}, ok
		}
	}
	for i := range m.Candidates {
		c := &m.Candidates[i]
		c.Quotes = nil
		for _, sp := range c.Spans {
			if q, ok := inContext(m.Body, sp[0], sp[1]); ok {
				c.Quotes = append(c.Quotes, q)
			}
		}
	}
}

// contextBytes is about how much text around a quote the review shows.
const contextBytes = 160

// textContext is body[start:end] of a text article with up to
// contextBytes on each side, cut at whole words, and white space folded so
// that line breaks of the paste do not break the display.
func textContext(body string, start, end int) (QuoteInContext, bool) {
	if !validSpan(body, start, end) {
		return QuoteInContext{}, false
	}
	from := max(0, start-contextBytes)
	for from > 0 && !utf8.RuneStart(body[from]) {
		from++
	}
	before := body[from:start]
	if from > 0 {
		if i := strings.IndexAny(before, " \n"); i >= 0 && i < len(before)-1 {
			before = "…" + before[i+1:]
		}
	}
	to := min(len(body), end+contextBytes)
	for to < len(body) && !utf8.RuneStart(body[to]) {
		to--
	}
	after := body[end:to]
	if to < len(body) {
		if i := strings.LastIndexAny(after, " \n"); i > 0 {
			after = after[:i] + "…"
		}
	}
	fold := func(s string) string {
		out := strings.Join(strings.Fields(s), " ")
		if s != "" && strings.TrimSpace(s[len(s)-1:]) == "" && out != "" {
			out += " "
		}
		if s != "" && strings.TrimSpace(s[:1]) == "" && out != "" {
			out = " " + out
		}
		return out
	}
	return QuoteInContext{Before: fold(before), Quote: fold(body[start:end]), After: fold(after)}, true
}

// validSpan reports whether [start, end) is a range of whole characters in
// body.
func validSpan(body string, start, end int) bool {
	return 0 <= start && start < end && end <= len(body) &&
		utf8.RuneStart(body[start]) && (end == len(body) || utf8.RuneStart(body[end])) &&
		utf8.ValidString(body[start:end])
}

// readReview reads the review form back (parsed by Server.change).
func (s *Server) readReview(r *http.Request) (ReviewModel, error) {
	var m ReviewModel
	p := r.PostForm
	if len(p.Get("body")) > s.opts.MaxArticleBytes {
		return m, s.tooLarge()
	}
	m = ReviewModel{
		Body: newlines(p.Get("body")), URL: strings.TrimSpace(p.Get("url")), Title: strings.TrimSpace(p.Get("title")),
		Publisher: strings.TrimSpace(p.Get("publisher")), Published: strings.TrimSpace(p.Get("published")),
		PublishedSource: p.Get("published_source"), FoundPublished: p.Get("found_published"),
	}
	m.InboxItem, m.FeedTitle = inboxOf(r)
	// The hidden fields are Dateline's own: values the review page never
	// holds mean a damaged or forged form, which no one can correct in
	// the page.
	damaged := badRequest{"The review could not be read; start again from the article."}
	n, err := strconv.Atoi(p.Get("candidates"))
	if err != nil || n < 0 || n > maxCandidates || !slices.Contains(timeline.PublishedSources, m.PublishedSource) {
		return m, damaged
	}
	for i := range n {
		c := Candidate{Index: i}
		get := func(name string) string { return p.Get(c.field(name)) }
		c.Selected = get("selected") != ""
		c.Date, c.Kind, c.Status = strings.TrimSpace(get("date")), get("kind"), get("status")
		c.Title, c.Summary = strings.TrimSpace(get("title")), strings.TrimSpace(get("summary"))
		c.Actors = actorList(p[c.field("actor")])
		for _, ka := range p[c.field("known_actor")] {
			kind, name, _ := strings.Cut(ka, ":")
			if !timeline.ActorKind(kind).Valid() {
				return m, damaged
			}
			c.KnownActors = append(c.KnownActors, timeline.Actor{Name: name, Kind: timeline.ActorKind(kind)})
		}
		c.Confidence, _ = strconv.ParseFloat(get("confidence"), 64)
		c.Found = c.proposal()
		if found := get("found"); found != "" {
			p, ok := decodeProposal(found)
			if !ok {
				return m, damaged
			}
			c.Found = p
		}
		spans := strings.Fields(get("spans"))
		if len(spans) > timeline.MaxQuotesPerArticle {
			return m, damaged
		}
		for _, sp := range spans {
			a, b, _ := strings.Cut(sp, "-")
			start, err1 := strconv.Atoi(a)
			end, err2 := strconv.Atoi(b)
			if err1 == nil && err2 == nil {
				c.Spans = append(c.Spans, [2]int{start, end})
			}
		}
		m.Candidates = append(m.Candidates, c)
	}
	m.showQuotes()
	m.DayFirst = pageDayFirst(m.Body)
	return m, nil
}

// article builds the article and the chosen events the review describes,
// and reports every problem: the article's under its fields' names, each
// candidate's in the candidate. chosen maps the events to candidates.
func (m *ReviewModel) article(today time.Time) (a timeline.Article, events []timeline.Event, chosen []int, ok bool) {
	v := &timeline.ValidationError{}
	m.Errors = v
	a = timeline.Article{Body: m.Body, URL: m.URL, Title: m.Title, Publisher: m.Publisher, PublishedSource: m.PublishedSource}
	ref := today
	if m.Published != "" {
		r := readTyped(m.Published, today, m.DayFirst)
		m.PublishedNote = r.Note
		if r.Error != "" {
			v.Add("published", r.Error)
		} else {
			a.Published, m.PublishedDate, ref = r.Date, r.Date, r.Date.Start()
		}
	}
	if m.Published != m.FoundPublished {
		a.PublishedSource = extract.SourceGiven
	}
	if a.Published.IsZero() {
		a.PublishedSource = ""
	}
	addFieldErrors(v, a.Validate(), "")
	ok = v.Err() == nil
	for i := range m.Candidates {
		c := &m.Candidates[i]
		c.Errors = &timeline.ValidationError{}
		r := readTyped(c.Date, ref, m.DayFirst)
		d := r.Date
		c.DateRead, c.DateNote = r.Date, r.Note
		if !c.Selected {
			continue
		}
		if r.Error != "" {
			c.Errors.Add("date", r.Error)
		}
		e := timeline.Event{
			Kind: timeline.Kind(c.Kind), Date: d, Title: c.Title, Summary: c.Summary,
			Actors: mergeActorKinds(c.Actors, c.KnownActors), Status: timeline.Status(c.Status),
			Confidence: min(max(c.Confidence, 0), 1), Origin: timeline.ByExtractor,
		}
		for _, sp := range c.Spans {
			if !validSpan(m.Body, sp[0], sp[1]) {
				c.Errors.Add("quote", "the quote no longer matches the article; read the article again")
				break
			}
			e.Mentions = append(e.Mentions, timeline.Mention{
				Quote: m.Body[sp[0]:sp[1]], Start: sp[0], End: sp[1], ExtractorVersion: extract.Version,
			})
		}
		addFieldErrors(c.Errors, e.Validate(), "")
		if c.Errors.Err() != nil {
			ok = false
			continue
		}
		events = append(events, e)
		chosen = append(chosen, i)
	}
	if !slices.ContainsFunc(m.Candidates, func(c Candidate) bool { return c.Selected }) {
		v.Add("events", "choose at least one event to add")
		ok = false
	}
	return a, events, chosen, ok
}

// acceptArticle saves the article with the chosen, possibly corrected,
// events in one transaction, and shows them on the timeline.
func (s *Server) acceptArticle(w http.ResponseWriter, r *http.Request) error {
	m, err := s.readReview(r)
	if err != nil {
		return err
	}
	a, events, chosen, ok := m.article(s.today())
	if !ok {
		return renderStatus(w, r, http.StatusUnprocessableEntity, ReviewPage(m))
	}
	var duplicate bool
	if m.InboxItem != 0 {
		duplicate, err = s.store.AcceptInbox(r.Context(), m.InboxItem, &a, events)
		if errors.Is(err, timeline.ErrNotFound) {
			return seeOther(w, r, "/inbox?notice=gone")
		}
	} else {
		duplicate, err = s.store.SaveArticle(r.Context(), &a, events)
	}
	if v := timeline.FieldErrors(err); v != nil {
		m.reviewProblems(v, chosen)
		return renderStatus(w, r, http.StatusUnprocessableEntity, ReviewPage(m))
	}
	if err != nil {
		return err
	}
	if duplicate {
		return s.showKnown(w, r, a.ID)
	}
	// events stored by this call have the article's time; merged ones
	// were stored before
	var added []int64
	for _, e := range events {
		if !e.CreatedAt.Before(a.CreatedAt) {
			added = append(added, e.ID)
		}
	}
	return seeOther(w, r, addedURL(events, added))
}

// reviewProblems puts the problems the store found with the chosen
// events (chosen maps them to candidates) next to their candidates:
// validation before saving is the same, so these are for the rules only
// the store knows. Events' fields are named events[i].field.
func (m *ReviewModel) reviewProblems(v *timeline.ValidationError, chosen []int) {
	for _, fe := range v.Fields {
		var i int
		var field string
		if n, _ := fmt.Sscanf(fe.Field, "events[%d].", &i); n == 1 && i < len(chosen) {
			_, field, _ = strings.Cut(fe.Field, "].")
			if strings.HasPrefix(field, "mentions") {
				field = "quote"
			}
			m.Candidates[chosen[i]].Errors.Add(field, fe.Message)
		} else {
			m.Errors.Add(fe.Field, fe.Message)
		}
	}
}

// showKnown sends the user to the timeline at the events of an article
// that was added before.
func (s *Server) showKnown(w http.ResponseWriter, r *http.Request, articleID int64) error {
	events, err := s.store.ArticleEvents(r.Context(), articleID)
	if err != nil {
		return err
	}
	q := url.Values{"notice": {"known"}}
	if len(events) == 0 {
		return seeOther(w, r, "/?"+q.Encode())
	}
	ids := make([]int64, len(events))
	for i, e := range events {
		ids[i] = e.ID
	}
	return seeOther(w, r, highlightURL(q, ids, events[0]))
}

// highlightURL is the timeline from first on, with ids highlighted and the
// page scrolled to first.
func highlightURL(q url.Values, ids []int64, first timeline.Event) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	q.Set("new", strings.Join(parts, ","))
	if c := startingAt(first); !c.IsZero() {
		q.Set("after", c.String())
	}
	return "/?" + q.Encode() + "#" + eventAnchor(first)
}
