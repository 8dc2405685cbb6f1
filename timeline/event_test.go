package timeline

import (
	"encoding/base64"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

func validEvent(t *testing.T) Event {
	return Event{
		Kind:       KindCall,
		Date:       mustDate(t, "2025-07-03TMO"),
		Title:      "Trump and Putin speak by phone",
		Actors:     []Actor{{Name: "Donald Trump", Kind: ActorPerson}, {Name: "Vladimir Putin", Kind: ActorPerson}},
		Status:     StatusReported,
		Confidence: 0.9,
		Origin:     ByExtractor,
	}
}

func TestEventValidateNamesTheField(t *testing.T) {
	tests := []struct {
		name   string
		change func(e *Event)
		field  string
	}{
		{"kind outside the vocabulary", func(e *Event) { e.Kind = "war" }, "kind"},
		{"no date", func(e *Event) { e.Date = Date{} }, "date"},
		{"empty title", func(e *Event) { e.Title = "  " }, "title"},
		{"title of 100 KB", func(e *Event) { e.Title = strings.Repeat("x", 100_000) }, "title"},
		{"title with invalid UTF-8", func(e *Event) { e.Title = "bad \xff byte" }, "title"},
		{"title with a NUL byte", func(e *Event) { e.Title = "a\x00b" }, "title"},
		{"title over two lines", func(e *Event) { e.Title = "a\nb" }, "title"},
		{"actor with an empty name", func(e *Event) { e.Actors = append(e.Actors, Actor{Name: ""}) }, "actors"},
		{"the same actor twice, differently cased", func(e *Event) { e.Actors = append(e.Actors, Actor{Name: "donald  TRUMP"}) }, "actors"},
		{"too many actors", func(e *Event) {
			for i := range MaxActors {
				e.Actors = append(e.Actors, Actor{Name: strings.Repeat("a", i+1)})
			}
		}, "actors"},
		{"unknown status", func(e *Event) { e.Status = "rumoured" }, "status"},
		{"confidence above one", func(e *Event) { e.Confidence = 1.5 }, "confidence"},
		{"confidence not a number", func(e *Event) { e.Confidence = math.NaN() }, "confidence"},
		{"unknown origin", func(e *Event) { e.Origin = "" }, "origin"},
		{"source that is not a web address", func(e *Event) { e.SourceURL = "javascript:alert(1)" }, "source_url"},
		{"mention without a quote", func(e *Event) { e.Mentions = []Mention{{Start: 0, End: 0}} }, "mentions[0]"},
		{"actor of a kind outside the vocabulary", func(e *Event) { e.Actors[0].Kind = "superuser" }, "actors"},
		{"more quotes of one article than any article has", func(e *Event) {
			for i := range MaxQuotesPerArticle + 1 {
				e.Mentions = append(e.Mentions, Mention{ArticleID: 7, Quote: "x", Start: i, End: i + 1})
			}
		}, "mentions"},
		{"sequence beyond what the store keeps", func(e *Event) { e.Sequence = math.MaxInt32 + 1 }, "sequence"},
		{"negative sequence", func(e *Event) { e.Sequence = -1 }, "sequence"},
		{"source address that is not UTF-8", func(e *Event) { e.SourceURL = "https://example.com/\xff" }, "source_url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := validEvent(t)
			tt.change(&e)
			v := FieldErrors(e.Validate())
			if v == nil {
				t.Fatal("Validate() = nil, want a *ValidationError")
			}
			if v.Field(tt.field) == "" {
				t.Errorf("no message for %q in %v", tt.field, v)
			}
		})
	}
}

func TestEventValidateCountsQuotesPerArticle(t *testing.T) {
	e := validEvent(t)
	a, b := &Article{Body: "a"}, &Article{Body: "b"}
	for i := range MaxQuotesPerArticle {
		e.Mentions = append(e.Mentions,
			Mention{ArticleID: 1, Quote: "x", Start: i, End: i + 1},
			Mention{ArticleID: 2, Quote: "x", Start: i, End: i + 1},
			Mention{Article: a, Quote: "x", Start: i, End: i + 1},
			Mention{Article: b, Quote: "x", Start: i, End: i + 1})
	}
	if err := e.Validate(); err != nil {
		t.Errorf("%d quotes of each of four articles refused: %v", MaxQuotesPerArticle, err)
	}
}

func TestEventValidateReportsEveryField(t *testing.T) {
	v := FieldErrors((&Event{}).Validate())
	var fields []string
	for _, f := range v.Fields {
		fields = append(fields, f.Field)
	}
	for _, want := range []string{"kind", "date", "title", "status", "origin"} {
		if !slices.Contains(fields, want) {
			t.Errorf("fields = %v, missing %q", fields, want)
		}
	}
}

func TestValidEventPasses(t *testing.T) {
	e := validEvent(t)
	e.Summary = "Line one.\nLine two."
	e.SourceURL = "https://example.com/a?b=c"
	if err := e.Validate(); err != nil {
		t.Fatalf("Validate() = %v", err)
	}
}

func TestKinds(t *testing.T) {
	if len(Kinds) != 11 {
		t.Errorf("%d kinds, the fixed vocabulary has 11", len(Kinds))
	}
	for _, k := range Kinds {
		got, err := ParseKind(string(k))
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %q, %v", k, got, err)
		}
		if k.Label() == string(k) {
			t.Errorf("%q has no label", k)
		}
		if _, ok := kindPlurals[k]; !ok {
			t.Errorf("%q has no plural", k)
		}
	}
	if _, err := ParseKind("Call"); err == nil {
		t.Error("kinds are lower case: ParseKind(\"Call\") must fail")
	}
}

func TestArticleHashIgnoresLineEndingsAndOuterSpace(t *testing.T) {
	a := ArticleHash("Title\n\nBody.\n")
	for _, body := range []string{"Title\r\n\r\nBody.", "  Title\n\nBody.  \n\n"} {
		if ArticleHash(body) != a {
			t.Errorf("hash of %q differs", body)
		}
	}
	if ArticleHash("Title\n\nBody!") == a {
		t.Error("different text must hash differently")
	}
}

func TestArticleValidate(t *testing.T) {
	tests := []struct {
		name  string
		a     Article
		field string
	}{
		{"empty body", Article{Body: " \n "}, "body"},
		{"binary body", Article{Body: "\xff\xfe\x00"}, "body"},
		{"NUL byte", Article{Body: "a\x00b"}, "body"},
		{"over the ceiling of any configured limit", Article{Body: strings.Repeat("a", ArticleBytesCeiling+1)}, "body"},
		{"bad URL", Article{Body: "ok", URL: "ftp://x"}, "url"},
		{"unknown source of the publication date", Article{Body: "ok", PublishedSource: "superuser"}, "published_source"},
		{"URL with a NUL byte", Article{Body: "ok", URL: "https://example.com/\x00"}, "url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if FieldErrors(tt.a.Validate()).Field(tt.field) == "" {
				t.Errorf("Validate() = %v, want a message for %s", tt.a.Validate(), tt.field)
			}
		})
	}
}

func TestValidateWithEventsChecksQuotesAgainstTheBody(t *testing.T) {
	a := Article{Body: "Leaders met on Thursday. Then they left."}
	e := validEvent(t)
	e.Mentions = []Mention{{Quote: "Leaders met on Thursday.", Start: 0, End: 24}}
	if err := a.ValidateWithEvents([]Event{e}); err != nil {
		t.Fatalf("exact quote refused: %v", err)
	}
	for _, m := range []Mention{
		{Quote: "Leaders met on Thursday.", Start: 1, End: 25},
		{Quote: "Then they left.", Start: 25, End: 400},
	} {
		e.Mentions = []Mention{m}
		if FieldErrors(a.ValidateWithEvents([]Event{e})).Field("events[0].mentions[0]") == "" {
			t.Errorf("mention %+v accepted", m)
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	c := Cursor{Start: time.Date(2025, 6, 21, 5, 0, 0, 0, time.UTC), Rank: 13, ID: 42}
	back, err := ParseCursor(c.String())
	if err != nil || back != c {
		t.Fatalf("ParseCursor(String()) = %v, %v; want %v", back, err, c)
	}
	rankBeyondSmallint := base64.RawURLEncoding.EncodeToString([]byte("1750482000000000.40000.42"))
	for _, bad := range []string{"%%%", "MTIz", "YS5iLmM", rankBeyondSmallint} {
		if _, err := ParseCursor(bad); err == nil {
			t.Errorf("ParseCursor(%q) accepted", bad)
		}
	}
	if c, err := ParseCursor(""); err != nil || !c.IsZero() {
		t.Errorf("empty cursor = %v, %v", c, err)
	}
}

func TestFilterValidate(t *testing.T) {
	f := Filter{From: mustDate(t, "2025-07"), To: mustDate(t, "2025-06")}
	if FieldErrors(f.Validate()).Field("to") == "" {
		t.Error("a range ending before it starts must be refused")
	}
	f = Filter{From: mustDate(t, "2025-06"), To: mustDate(t, "2025-06")}
	if err := f.Validate(); err != nil {
		t.Errorf("June to June is one month: %v", err)
	}
	if (Filter{Kinds: []Kind{"war"}}).Validate() == nil {
		t.Error("unknown kind accepted")
	}
	for _, bad := range []struct {
		field string
		f     Filter
	}{
		{"q", Filter{Text: "a\x00b"}},
		{"q", Filter{Text: "a\xffb"}},
		{"q", Filter{Text: strings.Repeat("x", MaxFilterTextRunes+1)}},
		{"actor", Filter{Actors: []string{"Iran", "a\x00b"}}},
		{"actor", Filter{Actors: []string{strings.Repeat("x", MaxActorRunes+1)}}},
		{"actor", Filter{Actors: make([]string, MaxFilterValues+1)}},
		{"kind", Filter{Kinds: slices.Repeat([]Kind{KindCall}, MaxFilterValues+1)}},
	} {
		if FieldErrors(bad.f.Validate()).Field(bad.field) == "" {
			t.Errorf("%+v accepted", bad.f)
		}
	}
	if got := (Filter{Limit: 10_000}).PageSize(); got != MaxPageSize {
		t.Errorf("PageSize = %d, want the maximum %d", got, MaxPageSize)
	}
}
