package export_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
	"github.com/dateline/dateline/timeline/export/exporttest"
)

func writeJSON(t *testing.T, articles []timeline.Article, events []timeline.Event) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := export.NewJSON(&buf)
	for _, a := range articles {
		if err := w.WriteArticle(a); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range events {
		if err := w.WriteEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestJSONIsOneValidDocumentWithEveryField(t *testing.T) {
	a, events := exporttest.Tricky(t)
	out := writeJSON(t, []timeline.Article{*a}, events)
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if doc["format"] != "dateline" || doc["version"] != 1.0 {
		t.Errorf("header = %v %v", doc["format"], doc["version"])
	}
	article := doc["articles"].([]any)[0].(map[string]any)
	for _, field := range []string{"id", "sha256", "url", "title", "publisher", "published", "published_source", "created_at", "body"} {
		if _, ok := article[field]; !ok {
			t.Errorf("article lacks %q", field)
		}
	}
	call := doc["events"].([]any)[0].(map[string]any)
	for field, want := range map[string]any{
		"kind": "call", "date": "2025-07-03TMO", "precision": "day", "date_text": "morning of 3 July 2025",
		"date_start": "2025-07-03T05:00:00Z", "date_end": "2025-07-03T12:00:00Z", "status": "reported",
		"confidence": 0.9, "origin": "extractor", "source_url": "", "sequence": 0.0, "sources": 1.0,
		"created_at": "2025-07-03T20:15:00Z", "updated_at": "2025-07-03T20:15:00Z",
	} {
		if call[field] != want {
			t.Errorf("event %s = %#v, want %#v", field, call[field], want)
		}
	}
	actor := call["actors"].([]any)[0].(map[string]any)
	mention := call["mentions"].([]any)[0].(map[string]any)
	if actor["name"] != "Donald Trump" || actor["kind"] != "person" || mention["article_id"] != 7.0 ||
		mention["quote"] != events[0].Mentions[0].Quote || mention["extractor_version"] != "fixture" {
		t.Errorf("actor %v, mention %v", actor, mention)
	}
	// One record per line keeps diffs and greps useful.
	if n := bytes.Count(out, []byte("\n")); n != 2+1+2+len(events)+1 {
		t.Errorf("%d lines", n)
	}
}

// A confidence is stored as a float32; it is written as the short decimal
// that reads back as the same float32, not as its float64 expansion.
func TestJSONWritesConfidenceAsStored(t *testing.T) {
	_, events := exporttest.Canonical(t)
	e := events[1]
	e.Confidence = float64(float32(0.8))
	out := writeJSON(t, nil, []timeline.Event{e})
	if !bytes.Contains(out, []byte(`"confidence":0.8,`)) {
		t.Errorf("confidence written as %s", regexp.MustCompile(`"confidence":[^,]*`).Find(out))
	}
}

// Reading an export and writing what was read gives the same bytes: no
// field is lost or changed on the way (the database round trip is tested
// in cmd/dateline).
func TestReadJSONReadsBackWhatJSONWrote(t *testing.T) {
	a, events := exporttest.Tricky(t)
	first := writeJSON(t, []timeline.Article{*a}, events)
	imp, bad, err := export.ReadJSON(bytes.NewReader(first))
	if err != nil || len(bad) != 0 {
		t.Fatalf("ReadJSON: %v %v", bad, err)
	}
	if len(imp.Articles) != 1 || len(imp.Events) != len(events) {
		t.Fatalf("read %d articles, %d events", len(imp.Articles), len(imp.Events))
	}
	// The reader leaves ids to the store; give them back as it would.
	imp.Articles[0].ID = a.ID
	for i := range imp.Events {
		imp.Events[i].ID = events[i].ID
		imp.Events[i].Sources = events[i].Sources
		for j := range imp.Events[i].Mentions {
			if imp.Events[i].Mentions[j].Article != imp.Articles[0] {
				t.Errorf("event %d mention %d does not point at the article read", i, j)
			}
		}
	}
	second := writeJSON(t, []timeline.Article{*imp.Articles[0]}, imp.Events)
	if !bytes.Equal(first, second) {
		t.Errorf("written again differs:\n%s\n---\n%s", first, second)
	}
}

func TestReadJSONReportsEachBadRecord(t *testing.T) {
	const article = `{"id":1,"sha256":"","url":"","title":"A","publisher":"","published":"2025-07-03","published_source":"given","created_at":"","body":"Putin and Trump spoke."}`
	event := func(fields string) string {
		return `{"kind":"call","date":"2025-07-03","title":"Call"` + fields + `}`
	}
	doc := func(articles, events []string) string {
		return `{"format":"dateline","version":1,"articles":[` + strings.Join(articles, ",") + `],"events":[` + strings.Join(events, ",") + `]}`
	}
	tests := []struct {
		name    string
		article string
		event   string
		row     string
		says    string
	}{
		{"a good event with defaults", article, event(""), "", ""},
		{"an unknown kind", article, `{"kind":"war","date":"2025","title":"War"}`, `events[0] ("War")`, "kind: choose one of the kinds"},
		{"an impossible date", article, event(`,"date":"2025-02-30"`), `events[0] ("Call")`, "date: invalid date"},
		{"a precision that contradicts the date", article, event(`,"precision":"month"`), `events[0] ("Call")`, `precision: "month" does not match`},
		{"no title", article, `{"kind":"call","date":"2025"}`, "events[0]", "title: must not be empty"},
		{"a string where a number belongs", article, event(`,"sequence":"3"`), "events[0]", "sequence: a string where a int belongs"},
		{"a sequence beyond what the store keeps", article, event(`,"sequence":2147483648`), `events[0] ("Call")`, "sequence: must be between 0 and 2147483647"},
		{"an actor of a kind outside the vocabulary", article, event(`,"actors":[{"name":"Ana","kind":"superuser"}]`), `events[0] ("Call")`, `actors: "superuser" is not a kind of actor`},
		{"an unknown source of the publication date", strings.Replace(article, `"published_source":"given"`, `"published_source":"superuser"`, 1), event(""),
			"articles[0]", "published_source: must say where"},
		{"a bad timestamp", article, event(`,"updated_at":"yesterday"`), `events[0] ("Call")`, `updated_at: "yesterday" is not an RFC 3339 time`},
		{"a mention of a missing article", article, event(`,"mentions":[{"article_id":9,"quote":"x","start":0,"end":1}]`), `events[0] ("Call")`, "article 9 is not in the file"},
		{"a quote not at its offsets", article, event(`,"mentions":[{"article_id":1,"quote":"Trump","start":0,"end":5}]`), `events[0] ("Call")`, "the quote is not at bytes 0-5"},
		{"a quote at its offsets", article, event(`,"mentions":[{"article_id":1,"quote":"Putin","start":0,"end":5}]`), "", ""},
		{"an article whose body was edited", strings.Replace(article, `"sha256":""`, `"sha256":"00"`, 1), event(`,"mentions":[{"article_id":1,"quote":"Putin","start":0,"end":5}]`),
			"articles[0]", "sha256: does not match the body"},
		{"an empty article", strings.Replace(article, "Putin and Trump spoke.", " ", 1), event(""), "articles[0]", "body: the article is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			imp, bad, err := export.ReadJSON(strings.NewReader(doc([]string{tt.article}, []string{tt.event, event(`,"title":"Good"`)})))
			if err != nil {
				t.Fatal(err)
			}
			if tt.says == "" {
				if len(bad) != 0 || len(imp.Events) != 2 {
					t.Fatalf("bad = %v, events %d", bad, len(imp.Events))
				}
				e := imp.Events[0]
				if e.Status != timeline.StatusReported || e.Confidence != 1 || e.Origin != timeline.ByImport {
					t.Errorf("defaults: %+v", e)
				}
				return
			}
			if len(bad) == 0 || bad[0].Row != tt.row || !strings.Contains(bad[0].Message, tt.says) {
				t.Fatalf("bad = %v, want %s saying %q", bad, tt.row, tt.says)
			}
			if imp.Events[len(imp.Events)-1].Title != "Good" {
				t.Errorf("the good event was not kept: %+v", imp.Events)
			}
		})
	}
}

func TestReadJSONRefusesOtherDocuments(t *testing.T) {
	for _, doc := range []string{``, `[]`, `{"format":"other","version":1}`, `{"format":"dateline","version":2}`, `{"format":"dateline","version":1}{}`, `{"format":`} {
		if _, _, err := export.ReadJSON(strings.NewReader(doc)); err == nil {
			t.Errorf("ReadJSON(%q) accepted it", doc)
		}
	}
}
