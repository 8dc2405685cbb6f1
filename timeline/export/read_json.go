package export

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
)

// RowError is a problem with one record of an import file. The other
// records can still be imported.
type RowError struct {
	Row     string // where: "row 7" of a spreadsheet, "events[3]" of JSON
	Message string
}

func (e RowError) Error() string { return e.Row + ": " + e.Message }

// Import is what an import file holds once read: articles, and events
// whose mentions point at them (Mention.Article), ready for the store.
type Import struct {
	Articles []*timeline.Article
	Events   []timeline.Event
	// Skipped counts records that are not events and were passed over on
	// purpose (a TimelineJS title slide or era), as opposed to bad ones.
	Skipped int
}

// ReadJSON reads a JSON export (see JSON). Records that cannot be
// imported are left out and reported one by one, with everything wrong
// with them; an event citing a bad article is bad too. The error is for a
// file that is not a Dateline export at all.
func ReadJSON(r io.Reader) (Import, []RowError, error) {
	var doc struct {
		Format   string            `json:"format"`
		Version  int               `json:"version"`
		Articles []json.RawMessage `json:"articles"`
		Events   []json.RawMessage `json:"events"`
	}
	dec := json.NewDecoder(r)
	if err := dec.Decode(&doc); err != nil {
		return Import{}, nil, fmt.Errorf("export: not a JSON document: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Import{}, nil, errors.New("export: more than one JSON document in the file")
	}
	if doc.Format != JSONFormat || doc.Version != JSONVersion {
		return Import{}, nil, fmt.Errorf("export: not a Dateline export (want \"format\":%q,\"version\":%d)", JSONFormat, JSONVersion)
	}
	var (
		out   Import
		bad   []RowError
		byID  = map[int64]*timeline.Article{}
		badID = map[int64]string{}
	)
	for i, raw := range doc.Articles {
		row := fmt.Sprintf("articles[%d]", i)
		a, ja, problems := readArticle(raw)
		if ja != nil {
			if _, dup := byID[ja.ID]; dup || badID[ja.ID] != "" {
				problems = append(problems, fmt.Sprintf("id: %d is used by another article", ja.ID))
			}
		}
		if len(problems) > 0 {
			bad = append(bad, RowError{row, strings.Join(problems, "; ")})
			if ja != nil {
				badID[ja.ID] = row
			}
			continue
		}
		byID[ja.ID] = a
		out.Articles = append(out.Articles, a)
	}
	for i, raw := range doc.Events {
		row := fmt.Sprintf("events[%d]", i)
		e, problems := readEvent(raw, byID, badID)
		if len(problems) > 0 {
			if e.Title != "" {
				row += fmt.Sprintf(" (%q)", e.Title)
			}
			bad = append(bad, RowError{row, strings.Join(problems, "; ")})
			continue
		}
		out.Events = append(out.Events, e)
	}
	return out, bad, nil
}

func readArticle(raw json.RawMessage) (*timeline.Article, *jsonArticle, []string) {
	var ja jsonArticle
	if err := json.Unmarshal(raw, &ja); err != nil {
		return nil, nil, []string{jsonProblem(err)}
	}
	var problems []string
	a := &timeline.Article{
		URL: ja.URL, Title: ja.Title, Publisher: ja.Publisher, PublishedSource: ja.PublishedSource, Body: ja.Body,
	}
	if ja.Published != "" {
		d, err := timeline.ParseDate(ja.Published)
		if err != nil {
			problems = append(problems, "published: "+err.Error())
		}
		a.Published = d
	}
	var err error
	if a.CreatedAt, err = readTime(ja.CreatedAt); err != nil {
		problems = append(problems, "created_at: "+err.Error())
	}
	if ja.SHA256 != "" {
		hash := a.Hash()
		if !strings.EqualFold(ja.SHA256, hex.EncodeToString(hash[:])) {
			problems = append(problems, "sha256: does not match the body (was the body changed?)")
		}
	}
	problems = append(problems, fieldProblems(a.Validate())...)
	return a, &ja, problems
}

// readEvent decodes one event. Fields that readers of the export only
// derive (date_text, date_start, date_end, sources) are ignored; absent
// status, confidence and origin default to reported, 1 and import, as for
// an event typed in.
func readEvent(raw json.RawMessage, articles map[int64]*timeline.Article, badArticles map[int64]string) (timeline.Event, []string) {
	var je struct {
		jsonEvent
		Confidence *float64 `json:"confidence"`
	}
	if err := json.Unmarshal(raw, &je); err != nil {
		return timeline.Event{}, []string{jsonProblem(err)}
	}
	var problems []string
	e := timeline.Event{
		Kind: timeline.Kind(je.Kind), Title: je.Title, Summary: je.Summary,
		Status: timeline.Status(je.Status), Confidence: 1, Origin: timeline.Origin(je.Origin),
		SourceURL: je.SourceURL, Sequence: je.Sequence,
	}
	if je.Confidence != nil {
		e.Confidence = *je.Confidence
	}
	if e.Status == "" {
		e.Status = timeline.StatusReported
	}
	if e.Origin == "" {
		e.Origin = timeline.ByImport
	}
	if je.Date != "" {
		d, err := timeline.ParseDate(je.Date)
		switch {
		case err != nil:
			problems = append(problems, "date: "+err.Error())
		case je.Precision != "" && je.Precision != d.Precision().String():
			problems = append(problems, fmt.Sprintf("precision: %q does not match the date %q, which is %s precision", je.Precision, je.Date, d.Precision()))
		}
		e.Date = d
	}
	if je.Sequence < 0 {
		problems = append(problems, "sequence: must not be negative")
	}
	var err error
	if e.CreatedAt, err = readTime(je.CreatedAt); err != nil {
		problems = append(problems, "created_at: "+err.Error())
	}
	if e.UpdatedAt, err = readTime(je.UpdatedAt); err != nil {
		problems = append(problems, "updated_at: "+err.Error())
	}
	for _, a := range je.Actors {
		e.Actors = append(e.Actors, timeline.Actor{Name: a.Name, Kind: timeline.ActorKind(a.Kind)})
	}
	for j, m := range je.Mentions {
		field := fmt.Sprintf("mentions[%d]", j)
		a := articles[m.ArticleID]
		switch {
		case badArticles[m.ArticleID] != "":
			problems = append(problems, fmt.Sprintf("%s: its article %d cannot be imported (see %s)", field, m.ArticleID, badArticles[m.ArticleID]))
		case a == nil:
			problems = append(problems, fmt.Sprintf("%s: article %d is not in the file", field, m.ArticleID))
		case m.Start < 0 || m.End > len(a.Body) || m.Start > m.End || a.Body[m.Start:m.End] != m.Quote:
			problems = append(problems, fmt.Sprintf("%s: the quote is not at bytes %d-%d of article %d", field, m.Start, m.End, m.ArticleID))
		}
		e.Mentions = append(e.Mentions, timeline.Mention{
			ArticleID: m.ArticleID, Quote: m.Quote, Start: m.Start, End: m.End,
			ExtractorVersion: m.ExtractorVersion, Article: a,
		})
	}
	for _, p := range fieldProblems(e.Validate()) {
		if e.Date.IsZero() && je.Date != "" && strings.HasPrefix(p, "date:") {
			continue // the date's own problem is reported above
		}
		problems = append(problems, p)
	}
	return e, problems
}

func readTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return t, fmt.Errorf("%q is not an RFC 3339 time", s)
	}
	return t.UTC(), nil
}

// jsonProblem words a decoding error of one record.
func jsonProblem(err error) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return fmt.Sprintf("%s: a %s where a %s belongs", typeErr.Field, typeErr.Value, typeErr.Type)
	}
	return err.Error()
}

func fieldProblems(err error) []string {
	v := timeline.FieldErrors(err)
	if v == nil {
		return nil
	}
	out := make([]string, len(v.Fields))
	for i, f := range v.Fields {
		out[i] = f.Field + ": " + f.Message
	}
	return out
}
