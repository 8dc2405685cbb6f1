package views

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/views/webpage"
)

// ArticlePageModel is a stored article as a reader sees it, with the
// sentences its events quote marked.
type ArticlePageModel struct {
	Article timeline.Article
	// Paragraphs are the article's text, each a run of plain and marked
	// text.
	Paragraphs [][]Run
	Events     []timeline.Event
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
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return timeline.ErrNotFound
	}
	a, err := s.store.Article(r.Context(), id)
	if err != nil {
		return err
	}
	mentions, err := s.store.ArticleMentions(r.Context(), id)
	if err != nil {
		return err
	}
	events, err := s.store.ArticleEvents(r.Context(), id)
	if err != nil {
		return err
	}
	return render(w, r, ArticlePage(ArticlePageModel{Article: a, Paragraphs: paragraphs(a.Body, mentions), Events: events}))
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
