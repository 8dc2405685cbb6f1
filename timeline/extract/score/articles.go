package score

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
)

// Gold is a gold-annotated article (../shared/eval/README.md).
type Gold struct {
	Article string `json:"article"`
	DCT     string `json:"dct"`
	// PublishedGiven says the text carries no date line: score it with
	// the publication date given, as a user would enter it.
	PublishedGiven bool        `json:"published_given"`
	Events         []GoldEvent `json:"events"`
}

// GoldEvent is one event a timeline of the article must or may show.
type GoldEvent struct {
	Date     string   `json:"date"`
	Type     string   `json:"type"`
	Actors   []string `json:"actors"`
	Required bool     `json:"required"`
	Evidence string   `json:"evidence"`
}

// ParseGold reads a gold file.
func ParseGold(data []byte) (Gold, error) {
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return g, fmt.Errorf("gold: %w", err)
	}
	return g, nil
}

// ArticleCounts are the event counts for one or more articles.
type ArticleCounts struct {
	Articles, PublishedFound int
	Required, RequiredFound  int
	Extracted, Matched       int // extracted events, and those matching any gold event
}

// Add accumulates o into c.
func (c *ArticleCounts) Add(o ArticleCounts) {
	c.Articles += o.Articles
	c.PublishedFound += o.PublishedFound
	c.Required += o.Required
	c.RequiredFound += o.RequiredFound
	c.Extracted += o.Extracted
	c.Matched += o.Matched
}

// Recall of required events, precision over all extracted events, and
// their F1, in percent.
func (c ArticleCounts) Recall() float64 { return pct(c.RequiredFound, c.Required) }

// Precision is the share of extracted events that match a gold event.
func (c ArticleCounts) Precision() float64 { return pct(c.Matched, c.Extracted) }

// F1 combines Recall and Precision.
func (c ArticleCounts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// Match pairs a gold event with the extracted event that found it (-1
// when none did).
type Match struct {
	Gold      GoldEvent
	Extracted int
}

// CompareArticle scores extracted events against gold one to one,
// required gold events first. An extracted event finds a gold event when
// its date without part of day or time equals the gold date, its kind
// equals the gold type (meeting and visit count as one), and it shares an
// actor (case and punctuation aside; a surname matches a full name; common
// aliases such as U.S. for United States count).
func CompareArticle(g Gold, published timeline.Date, events []timeline.Event) (ArticleCounts, []Match) {
	c := ArticleCounts{Articles: 1, Extracted: len(events)}
	if !published.IsZero() && published.Value() == g.DCT {
		c.PublishedFound = 1
	}
	used := make([]bool, len(events))
	var matches []Match
	for _, required := range []bool{true, false} {
		for _, ge := range g.Events {
			if ge.Required != required {
				continue
			}
			if required {
				c.Required++
			}
			found := -1
			for i, e := range events {
				if !used[i] && eventMatches(ge, e) {
					found = i
					break
				}
			}
			if found >= 0 {
				used[found] = true
				c.Matched++
				if required {
					c.RequiredFound++
				}
			}
			matches = append(matches, Match{Gold: ge, Extracted: found})
		}
	}
	return c, matches
}

func eventMatches(g GoldEvent, e timeline.Event) bool {
	v := e.Date.TIMEX()
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		v = v[:i]
	}
	if v != g.Date || kindClass(string(e.Kind)) != kindClass(g.Type) {
		return false
	}
	for _, ga := range g.Actors {
		for _, ea := range e.Actors {
			if sameActor(ga, ea.Name) {
				return true
			}
		}
	}
	return false
}

func kindClass(k string) string {
	if k == "visit" {
		return "meeting"
	}
	return k
}

// aliases are the common other names of actors.
var aliases = map[string]string{
	"us": "united states", "u s": "united states", "usa": "united states", "america": "united states",
	"washington": "united states", "white house": "united states", "united states of america": "united states",
	"uk": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom", "london": "united kingdom",
	"kremlin": "russia", "moscow": "russia", "russian federation": "russia",
	"un": "united nations", "u n": "united nations", "security council": "united nations",
	"eu": "european union", "e u": "european union", "beijing": "china", "kyiv": "ukraine", "kiev": "ukraine",
	"tehran": "iran", "pyongyang": "north korea", "seoul": "south korea", "tokyo": "japan",
}

func normalizeActor(s string) string {
	s = extract.CanonicalActor(s)
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	n := strings.Join(strings.Fields(b.String()), " ")
	if a, ok := aliases[n]; ok {
		return a
	}
	return n
}

// sameActor matches names: equal after normalisation, or one is a single
// word (a surname) found among the words of the other.
func sameActor(a, b string) bool {
	na, nb := normalizeActor(a), normalizeActor(b)
	if na == nb {
		return true
	}
	fa, fb := strings.Fields(na), strings.Fields(nb)
	contains := func(words []string, w string) bool {
		for _, x := range words {
			if x == w {
				return true
			}
		}
		return false
	}
	return len(fa) == 1 && contains(fb, fa[0]) || len(fb) == 1 && contains(fa, fb[0])
}
