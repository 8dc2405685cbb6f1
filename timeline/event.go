package timeline

import (
	"fmt"
	"math"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Status says how the source presents an event: as having happened, or as
// planned, denied or hypothetical. Only reported events are facts.
type Status string

// The statuses, as written in the extract JSON contract.
const (
	StatusReported     Status = "reported"
	StatusPlanned      Status = "planned"
	StatusNegated      Status = "negated"
	StatusHypothetical Status = "hypothetical"
)

// Statuses lists every status.
var Statuses = []Status{StatusReported, StatusPlanned, StatusNegated, StatusHypothetical}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Origin says who created an event.
type Origin string

// The origins of an event.
const (
	ByExtractor Origin = "extractor" // found in an article
	ByHand      Origin = "hand"      // typed in by a person
	ByImport    Origin = "import"    // brought in from a file
)

// Valid reports whether o is a known origin.
func (o Origin) Valid() bool {
	return o == ByExtractor || o == ByHand || o == ByImport
}

// ActorKind classifies an actor.
type ActorKind string

// The kinds of actor. Unknown is allowed: people type actors by hand.
const (
	ActorUnknown      ActorKind = ""
	ActorCountry      ActorKind = "country"
	ActorOrganisation ActorKind = "organisation"
	ActorPerson       ActorKind = "person"
	ActorGroup        ActorKind = "group"
)

// Valid reports whether k is a known kind of actor, or unknown.
func (k ActorKind) Valid() bool {
	switch k {
	case ActorUnknown, ActorCountry, ActorOrganisation, ActorPerson, ActorGroup:
		return true
	}
	return false
}

// Actor is a participant in events: a country, an organisation, a person or
// an armed group, under one canonical name ("United States", "Putin").
type Actor struct {
	Name string
	Kind ActorKind
}

// Event is one real-world occurrence on the timeline.
type Event struct {
	ID         int64
	Kind       Kind
	Date       Date
	Title      string
	Summary    string
	Actors     []Actor
	Status     Status
	Confidence float64 // 0..1; 1 for events entered by hand
	Origin     Origin
	// Unreviewed marks an event a feed put on the timeline without a
	// person looking at it (AcceptAuto); editing the event clears it.
	Unreviewed bool
	SourceURL  string // for events entered by hand; extracted ones cite Mentions
	// Sequence counts edits. It is the iCalendar SEQUENCE and guards
	// against overwriting someone else's edit.
	Sequence  int
	Mentions  []Mention
	Sources   int // distinct articles that report the event
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Mention is one place in one article that reports an event: the evidence.
type Mention struct {
	ID        int64
	EventID   int64
	ArticleID int64
	Quote     string
	// Start and End are UTF-8 byte offsets of Quote in the article's body.
	Start, End       int
	ExtractorVersion string
	Article          *Article // filled when the mention is loaded with its article
}

// Limits on stored text. They keep pages readable and let the database
// refuse nothing that validation accepted.
const (
	MaxTitleRunes   = 300
	MaxSummaryRunes = 10_000
	MaxActorRunes   = 120
	MaxActors       = 30
	MaxQuoteRunes   = 5_000
	// MaxQuotesPerArticle bounds the quotes of one article that report
	// one event: extraction gives one, and a forged form thousands, each
	// a row to write and to index.
	MaxQuotesPerArticle = 50
	MaxURLBytes         = 2_048
	MaxPublisherRunes   = 200
	// MaxArticleBytes is the default limit on an article's size; a server
	// may be configured to take larger ones, up to ArticleBytesCeiling,
	// the most an article stored at all may have.
	MaxArticleBytes     = 2 << 20
	ArticleBytesCeiling = 64 << 20
)

// ActorNames returns the names of the event's actors in order.
func (e *Event) ActorNames() []string {
	names := make([]string, len(e.Actors))
	for i, a := range e.Actors {
		names[i] = a.Name
	}
	return names
}

// Validate checks the event and returns a *ValidationError naming every bad
// field, or nil.
func (e *Event) Validate() error {
	v := &ValidationError{}
	if !e.Kind.Valid() {
		v.Add("kind", "choose one of the kinds")
	}
	if e.Date.IsZero() {
		v.Add("date", "a date is required")
	}
	checkText(v, "title", e.Title, true, MaxTitleRunes, false)
	checkText(v, "summary", e.Summary, false, MaxSummaryRunes, true)
	if len(e.Actors) > MaxActors {
		v.Add("actors", fmt.Sprintf("at most %d actors", MaxActors))
	}
	seen := map[string]bool{}
	for _, a := range e.Actors {
		before := len(v.Fields)
		checkText(v, "actors", a.Name, true, MaxActorRunes, false)
		if len(v.Fields) > before {
			break
		}
		key := ActorKey(a.Name)
		if seen[key] {
			v.Add("actors", fmt.Sprintf("%q is listed twice", a.Name))
			break
		}
		seen[key] = true
		if !a.Kind.Valid() {
			v.Add("actors", fmt.Sprintf("%q is not a kind of actor (country, organisation, person, group)", a.Kind))
			break
		}
	}
	if !e.Status.Valid() {
		v.Add("status", "must be reported, planned, negated or hypothetical")
	}
	if e.Confidence < 0 || e.Confidence > 1 || e.Confidence != e.Confidence {
		v.Add("confidence", "must be between 0 and 1")
	}
	if !e.Origin.Valid() {
		v.Add("origin", "must be extractor, hand or import")
	}
	if e.Sequence < 0 || e.Sequence > math.MaxInt32 {
		v.Add("sequence", fmt.Sprintf("must be between 0 and %d", math.MaxInt32))
	}
	checkURL(v, "source_url", e.SourceURL)
	quotes := map[any]int{} // per article: its ID, or the article itself before it has one
	for i, m := range e.Mentions {
		field := fmt.Sprintf("mentions[%d]", i)
		checkText(v, field, m.Quote, true, MaxQuoteRunes, true)
		if m.Start < 0 || m.End < m.Start {
			v.Add(field, "quote offsets are out of order")
		}
		var article any = m.ArticleID
		if m.Article != nil && m.ArticleID == 0 {
			article = m.Article
		}
		if quotes[article]++; quotes[article] == MaxQuotesPerArticle+1 {
			v.Add("mentions", fmt.Sprintf("at most %d quotes of one article", MaxQuotesPerArticle))
		}
	}
	return v.Err()
}

// ActorKey is the form under which actor names are compared: case and
// surrounding space do not make a different actor.
func ActorKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// checkText records a problem if s is missing when required, too long, not
// UTF-8, or carries control characters (newlines only where multiline).
func checkText(v *ValidationError, field, s string, required bool, maxRunes int, multiline bool) {
	switch {
	case !utf8.ValidString(s):
		v.Add(field, "is not valid UTF-8 text")
	case required && strings.TrimSpace(s) == "":
		v.Add(field, "must not be empty")
	case utf8.RuneCountInString(s) > maxRunes:
		v.Add(field, fmt.Sprintf("is too long (%d characters, at most %d)", utf8.RuneCountInString(s), maxRunes))
	default:
		for _, r := range s {
			if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t' || r == '\r')) {
				v.Add(field, "must not contain control characters")
				return
			}
		}
	}
}

func checkURL(v *ValidationError, field, s string) {
	if s == "" {
		return
	}
	if len(s) > MaxURLBytes {
		v.Add(field, "is too long")
		return
	}
	if checkText(v, field, s, false, MaxURLBytes, false); v.Field(field) != "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.Add(field, "must be an http or https address")
	}
}
