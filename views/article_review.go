package views

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
	"github.com/dateline/dateline/views/webpage"
)

// maxCandidates bounds the candidates a review form may carry.
const maxCandidates = 500

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
