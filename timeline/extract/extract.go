// Package extract turns a news article into candidate events: it cleans
// pasted text or HTML, finds the publication date, resolves every date
// expression against it (package timex), and reads dated sentences for
// calls, meetings, visits, agreements, strikes and the other kinds, with
// their actors, a title, the quote and a confidence.
package extract

import (
	"context"
	"errors"
	"fmt"
	"github.com/dateline/dateline/timeline/extract/lexicon"
	"github.com/dateline/dateline/timeline/extract/text"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline"
)

// Version names the extractor's rules; it is stored with every mention so
// that events found by older rules can be told apart.
const Version = "dateline-extract/1"

// Options adjust extraction.
type Options struct {
	// Published overrides the publication date found in the article.
	Published timeline.Date
	// MaxBytes limits the input; 0 means timeline.MaxArticleBytes.
	MaxBytes int
}

// Result is what extraction found in one article.
type Result struct {
	Title string
	// Published is the publication date and PublishedSource where it came
	// from (SourceGiven, SourceMetadata, SourceDateline, SourceUpdated), or
	// zero and "" when none was found: relative dates then stay unresolved.
	Published       timeline.Date
	PublishedSource string
	// Events are the candidate events, each with one or more mentions
	// whose quotes are exact substrings of the input.
	Events []timeline.Event
	// Notes explain what could not be done ("no publication date found").
	Notes []string
}

// Errors for input that cannot be an article.
var (
	ErrEmpty    = errors.New("the article is empty")
	ErrNotText  = errors.New("the article is not text (it is binary or not UTF-8)")
	ErrTooLarge = errors.New("the article is too large")
)

// Article extracts the events of one article (pasted text or an HTML
// page). It stops with ctx's error when ctx ends first.
func Article(ctx context.Context, input string, opts Options) (Result, error) {
	d, res, err := prepare(ctx, input, opts)
	if err != nil {
		return Result{}, err
	}
	events, err := analyse(ctx, d, res.Published)
	if err != nil {
		return Result{}, err
	}
	// An event the store would refuse (a quote with control characters,
	// say, from text pasted out of a terminal) is left out rather than
	// offered for review and refused at the end.
	for _, e := range events {
		if e.Validate() == nil {
			res.Events = append(res.Events, e)
		}
	}
	return res, nil
}

// prepare checks the input, reads it as a document and finds its
// publication date.
func prepare(ctx context.Context, input string, opts Options) (*document, Result, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = timeline.MaxArticleBytes
	}
	switch {
	case len(input) > limit:
		return nil, Result{}, fmt.Errorf("%w (%d bytes, the limit is %d)", ErrTooLarge, len(input), limit)
	case !utf8.ValidString(input) || strings.IndexByte(input, 0) >= 0:
		return nil, Result{}, ErrNotText
	case strings.TrimSpace(input) == "":
		return nil, Result{}, ErrEmpty
	}
	if err := ctx.Err(); err != nil {
		return nil, Result{}, err
	}
	var d *document
	if looksLikeHTML(input) {
		d = fromHTML(input)
	} else {
		d = fromText(input)
		d.classifyText()
	}
	res := Result{Title: d.title}
	if !opts.Published.IsZero() {
		res.Published, res.PublishedSource = opts.Published, SourceGiven
	} else {
		res.Published, res.PublishedSource = d.publication()
	}
	if res.Published.IsZero() {
		res.Notes = append(res.Notes, "No publication date was found, so dates like \"Thursday\" or \"last month\" could not be placed; give one to resolve them.")
	}
	return d, res, nil
}

// CanonicalActor returns the name the extractor gives an actor written
// as name ("U.S." is "United States"), or name itself when the lexicon
// does not know it. People's names are the store's to read (it strips
// courtesy titles and initials itself).
func CanonicalActor(name string) string {
	lx := lexicon.Get()
	ws := text.Words(name, text.Tokenize(name), lx.IsAbbreviation)
	if e, n, ok := lx.Entities.Match(lexicon.Slice(ws), 0, len(ws)); ok && n == len(ws) && e.Use != lexicon.UsePlace {
		if e.Kind == timeline.ActorCountry {
			return e.Country
		}
		return e.Name
	}
	return name
}

// PersonCountry returns the country a person written as name acts for:
// the one the name says ("Russian President Vladimir Putin", "King
// Hussein of Jordan"), or that of the leader of that name (leaders.txt).
func PersonCountry(name string) (string, bool) {
	lx := lexicon.Get()
	person, country := readPerson(lx, text.Words(name, text.Tokenize(name), lx.IsAbbreviation))
	if country != "" {
		return country, true
	}
	if person == "" {
		person = name
	}
	return lx.Leader(person)
}

// readPerson reads a person's name written with an office, a country or
// initials: the name alone, and the country the words give, if any. The
// name is "" when the words hold an office or a country but no name, or
// neither (a name as it is needs no reading).
func readPerson(lx *lexicon.Lexicon, ws []text.Word) (string, string) {
	seq := lexicon.Slice(ws)
	i, country := 0, ""
	for i < len(ws) {
		if e, n, ok := lx.Entities.Match(seq, i, len(ws)); ok && e.Country != "" && e.Use != lexicon.UsePlace {
			country, i = e.Country, i+n // "Russian", "Iran's"
			if i < len(ws) && ws[i].Low == "'s" {
				i++
			}
			continue
		}
		if _, n, ok := lx.Titles.Match(seq, i, len(ws)); ok {
			i += n // "President", "Secretary of State", "Mr."
			continue
		}
		break
	}
	j := len(ws)
	// "of Russia" after the name
	for k := i + 1; k+1 < len(ws); k++ {
		if ws[k].Low == "of" {
			if e, n, ok := lx.Entities.Match(seq, k+1, len(ws)); ok && k+1+n == len(ws) && e.Country != "" {
				country, j = e.Country, k
			}
			break
		}
	}
	if i == 0 && j == len(ws) && !hasInitial(ws) || i >= j {
		return "", country
	}
	return nameText(wordsOf(ws[i:j])), country
}

func hasInitial(ws []text.Word) bool {
	for _, w := range ws {
		if w.Period && len(w.Low) == 2 {
			return true
		}
	}
	return false
}

// wordsOf wraps text words as the pipeline's words, for nameText.
func wordsOf(ws []text.Word) []word {
	out := make([]word, len(ws))
	for i, w := range ws {
		out[i].Word = w
	}
	return out
}
