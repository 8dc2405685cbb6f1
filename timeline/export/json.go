package export

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/dateline/dateline/timeline"
)

// JSONFormat and JSONVersion head every JSON export; ReadJSON refuses
// other documents. docs/EXPORT.md documents the schema.
const (
	JSONFormat  = "dateline"
	JSONVersion = 1
)

// jsonArticle is an article in the JSON export, with its body, so that the
// mentions' byte offsets can be checked and an import is exact.
type jsonArticle struct {
	ID              int64  `json:"id"`
	SHA256          string `json:"sha256"`
	URL             string `json:"url"`
	Title           string `json:"title"`
	Publisher       string `json:"publisher"`
	Published       string `json:"published"`
	PublishedSource string `json:"published_source"`
	CreatedAt       string `json:"created_at"`
	Body            string `json:"body"`
}

type jsonActor struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
}

type jsonMention struct {
	ArticleID        int64  `json:"article_id"`
	Quote            string `json:"quote"`
	Start            int    `json:"start"`
	End              int    `json:"end"`
	ExtractorVersion string `json:"extractor_version"`
}

// jsonEvent is an event in the JSON export. DateText, DateStart and
// DateEnd are derived from Date, for readers; import ignores them.
type jsonEvent struct {
	ID         int64         `json:"id"`
	Kind       string        `json:"kind"`
	Date       string        `json:"date"`
	Precision  string        `json:"precision"`
	DateText   string        `json:"date_text"`
	DateStart  string        `json:"date_start"`
	DateEnd    string        `json:"date_end"`
	Title      string        `json:"title"`
	Summary    string        `json:"summary"`
	Actors     []jsonActor   `json:"actors"`
	Status     string        `json:"status"`
	Confidence jsonFloat32   `json:"confidence"`
	Origin     string        `json:"origin"`
	SourceURL  string        `json:"source_url"`
	Sequence   int           `json:"sequence"`
	Sources    int           `json:"sources"`
	CreatedAt  string        `json:"created_at"`
	UpdatedAt  string        `json:"updated_at"`
	Mentions   []jsonMention `json:"mentions"`
}

// jsonFloat32 writes a confidence as the shortest decimal that reads back
// as the same float32, the database's precision: 0.8, not
// 0.800000011920929.
type jsonFloat32 float64

func (f jsonFloat32) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
		return nil, fmt.Errorf("confidence %v is not a number", float64(f))
	}
	return strconv.AppendFloat(nil, float64(f), 'f', -1, 32), nil
}

// JSON writes Dateline's own JSON export: every field of every event and
// of every article they cite, enough for ReadJSON to bring them back
// exactly. One record per line, articles first:
//
//	{"format":"dateline","version":1,
//	"articles":[
//	{"id":7,...},
//	],
//	"events":[
//	{"id":42,...}
//	]}
type JSON struct {
	w        *bufio.Writer
	enc      *json.Encoder
	buf      bytes.Buffer
	articles int
	events   int
	inEvents bool
	err      error
}

// NewJSON starts a JSON export on w.
func NewJSON(w io.Writer) *JSON {
	j := &JSON{w: bufio.NewWriterSize(w, 32<<10)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false) // quotes stay readable: <, > and & as they are
	fmt.Fprintf(j.w, "{\"format\":%q,\"version\":%d,\n\"articles\":[", JSONFormat, JSONVersion)
	return j
}

// WriteArticle writes an article; all articles come before the events.
func (j *JSON) WriteArticle(a timeline.Article) error {
	if j.inEvents {
		return fmt.Errorf("export: article %d written after the events", a.ID)
	}
	hash := a.Hash()
	j.record(&j.articles, jsonArticle{
		ID: a.ID, SHA256: hex.EncodeToString(hash[:]), URL: a.URL, Title: a.Title,
		Publisher: a.Publisher, Published: a.Published.Value(), PublishedSource: a.PublishedSource,
		CreatedAt: jsonTime(a.CreatedAt), Body: a.Body,
	})
	return j.err
}

// WriteEvent writes one event with its actors and mentions.
func (j *JSON) WriteEvent(e timeline.Event) error {
	j.startEvents()
	je := jsonEvent{
		ID: e.ID, Kind: string(e.Kind), Date: e.Date.Value(), Precision: e.Date.Precision().String(),
		DateText: e.Date.String(), DateStart: jsonTime(dateStart(e.Date)), DateEnd: jsonTime(dateEnd(e.Date)),
		Title: e.Title, Summary: e.Summary, Actors: []jsonActor{}, Status: string(e.Status),
		Confidence: jsonFloat32(e.Confidence), Origin: string(e.Origin), SourceURL: e.SourceURL,
		Sequence: e.Sequence, Sources: e.Sources, CreatedAt: jsonTime(e.CreatedAt), UpdatedAt: jsonTime(e.UpdatedAt),
		Mentions: []jsonMention{},
	}
	for _, a := range e.Actors {
		je.Actors = append(je.Actors, jsonActor{Name: a.Name, Kind: string(a.Kind)})
	}
	for _, m := range e.Mentions {
		je.Mentions = append(je.Mentions, jsonMention{
			ArticleID: m.ArticleID, Quote: m.Quote, Start: m.Start, End: m.End, ExtractorVersion: m.ExtractorVersion,
		})
	}
	j.record(&j.events, je)
	return j.err
}

func (j *JSON) startEvents() {
	if !j.inEvents {
		j.inEvents = true
		j.w.WriteString("\n],\n\"events\":[")
	}
}

// record writes one array element on its own line, after a comma unless it
// is the first.
func (j *JSON) record(n *int, v any) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	if j.err = j.enc.Encode(v); j.err != nil {
		return
	}
	if *n > 0 {
		j.w.WriteByte(',')
	}
	j.w.WriteByte('\n')
	_, j.err = j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
	*n++
}

// Close ends the document and flushes it.
func (j *JSON) Close() error {
	j.startEvents()
	if j.err == nil {
		j.w.WriteString("\n]}\n")
		j.err = j.w.Flush()
	}
	return j.err
}

// dateStart and dateEnd bound the interval a date covers: the moment in
// UTC for a clock time whose zone is known, else the wall clock written
// as UTC, as every calendar date is.
func dateStart(d timeline.Date) time.Time {
	if at, ok := d.Instant(); ok {
		return at
	}
	return d.Start()
}

func dateEnd(d timeline.Date) time.Time {
	return dateStart(d).Add(d.End().Sub(d.Start()))
}

// jsonTime is t in UTC as RFC 3339 with as many fractional digits as it
// has (the database keeps microseconds); "" for the zero time.
func jsonTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
