package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
)

// quotes lists an event's mentions as "article id: quote", sorted.
func quotes(e timeline.Event) []string {
	var out []string
	for _, m := range e.Mentions {
		out = append(out, strings.Join([]string{m.Article.Title, m.Quote}, ": "))
	}
	slices.Sort(out)
	return out
}

func TestMergingEventsKeepsEveryMentionAndSource(t *testing.T) {
	ctx := timeline.WithAuthor(context.Background(), "ana")
	s := storetest.New(t)
	// Two reports the store could not tell were one: different days.
	a := newReport(t, "Wire", "2025-07-04").
		says("Trump and Putin spoke by phone on Thursday.", timeline.KindCall, "2025-07-03", "Trump and Putin speak").
		with(person("Donald Trump"), person("Vladimir Putin")).save(s)[0]
	b := newReport(t, "Paper", "2025-07-05").
		says("The Kremlin said the leaders talked on Friday.", timeline.KindCall, "2025-07-04", "Putin talks to Trump").
		with(person("Vladimir Putin"), timeline.Actor{Name: "Russia", Kind: timeline.ActorCountry}).save(s)[0]
	c := newReport(t, "Digest", "2025-07-06").
		says("Putin spoke with Trump.", timeline.KindCall, "2025-07-04", "Putin and Trump").
		with(person("Vladimir Putin"), person("Donald Trump")).save(s)[0]
	if c.ID != b.ID {
		t.Fatalf("the digest's event %d did not merge with the paper's %d", c.ID, b.ID)
	}
	far := create(t, s, timeline.Event{Kind: timeline.KindCall, Date: date(t, "2025-07-09"), Title: "A later call",
		Actors: []timeline.Actor{person("Vladimir Putin")}, Status: timeline.StatusReported, Confidence: 1, Origin: timeline.ByHand})[0]
	other := create(t, s, timeline.Event{Kind: timeline.KindStrike, Date: date(t, "2025-07-03"), Title: "A strike",
		Actors: []timeline.Actor{person("Vladimir Putin")}, Status: timeline.StatusReported, Confidence: 1, Origin: timeline.ByHand})[0]
	near, err := s.NearbyEvents(ctx, a.ID, 10)
	if err != nil || !slices.Equal(ids(near), []int64{b.ID}) {
		t.Errorf("events near the first call = %v, %v; want the other call alone (not %d nor %d)", titles(near), err, far.ID, other.ID)
	}
	kept, _ := s.Event(ctx, a.ID)
	gone, _ := s.Event(ctx, b.ID)
	want := append(quotes(kept), quotes(gone)...)
	slices.Sort(want)

	if err := s.MergeEvents(ctx, a.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	merged, err := s.Event(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := quotes(merged); !slices.Equal(got, want) {
		t.Errorf("mentions after the merge = %v\nwant %v", got, want)
	}
	if merged.Sources != 3 || merged.Title != "Trump and Putin speak" || merged.Date.Value() != "2025-07-03" ||
		merged.Sequence != kept.Sequence+1 {
		t.Errorf("merged event = %+v, want 3 sources, the kept event's fields, its sequence bumped", merged)
	}
	if got := merged.ActorNames(); !slices.Equal(got, []string{"Donald Trump", "Vladimir Putin", "Russia"}) {
		t.Errorf("actors = %v, want the kept event's, then the other's it lacked", got)
	}
	if _, err := s.Event(ctx, b.ID); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("the merged event is still there: %v", err)
	}
	if to, err := s.MergedInto(ctx, b.ID); err != nil || to != a.ID {
		t.Errorf("event %d leads to %d, %v; want %d", b.ID, to, err, a.ID)
	}
	// the quotes are found in the kept event by search, and the counts
	// hold one event
	if got := titles(allPages(t, s, timeline.Filter{Text: "kremlin"})); !slices.Equal(got, []string{"Trump and Putin speak"}) {
		t.Errorf("search for the merged quote = %v", got)
	}
	counts, err := s.MonthCounts(ctx, timeline.Filter{})
	if err != nil || len(counts) != 1 || counts[0].Events != 3 {
		t.Errorf("month counts = %+v, %v; want three events: the merged call, the later call and the strike", counts, err)
	}
	history, err := s.EventHistory(ctx, a.ID)
	if err != nil || len(history) == 0 || history[0].Action != timeline.ActionMerge || history[0].Author != "ana" ||
		history[0].Other != b.ID {
		t.Errorf("history = %+v, %v", history, err)
	}
	if err := s.MergeEvents(ctx, a.ID, a.ID); timeline.FieldErrors(err) == nil {
		t.Errorf("merging an event with itself: %v", err)
	}
	if err := s.MergeEvents(ctx, a.ID, b.ID); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("merging a gone event: %v", err)
	}
}

func TestSplittingAMentionOffMakesAnEventOfItsOwn(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	first := newReport(t, "Wire", "2025-07-04").
		says("Trump and Putin spoke by phone on Thursday.", timeline.KindCall, "2025-07-03", "Trump and Putin speak").
		with(person("Donald Trump"), person("Vladimir Putin")).save(s)[0]
	second := newReport(t, "Paper", "2025-07-05").
		says("Putin also called Erdogan on Thursday.", timeline.KindCall, "2025-07-03", "Putin calls").
		with(person("Vladimir Putin")).save(s)[0]
	if second.ID != first.ID || second.Sources != 2 {
		t.Fatalf("the paper's call did not merge: %+v", second)
	}
	m := second.Mentions[0]
	id, err := s.SplitMention(ctx, first.ID, m.ArticleID, m.Start)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := s.Event(ctx, first.ID)
	split, err := s.Event(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got := quotes(old); !slices.Equal(got, []string{"Wire: Trump and Putin spoke by phone on Thursday."}) {
		t.Errorf("the event keeps %v", got)
	}
	if got := quotes(split); !slices.Equal(got, []string{"Paper: Putin also called Erdogan on Thursday."}) {
		t.Errorf("the split event has %v", got)
	}
	if split.Title != old.Title || split.Date != old.Date || !slices.Equal(split.ActorNames(), old.ActorNames()) {
		t.Errorf("the split event %+v is not a copy of %+v", split, old)
	}
	if got := titles(allPages(t, s, timeline.Filter{Text: "erdogan"})); len(got) != 1 || allPages(t, s, timeline.Filter{Text: "erdogan"})[0].ID != id {
		t.Errorf("search for the moved quote finds %v, want the split event alone", got)
	}
	if _, err := s.SplitMention(ctx, id, m.ArticleID, m.Start); timeline.FieldErrors(err) == nil {
		t.Errorf("splitting an event's only mention: %v", err)
	}
	if _, err := s.SplitMention(ctx, first.ID, m.ArticleID, m.Start); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("splitting a mention the event does not have: %v", err)
	}
}

func TestDeletingAnArticleDeletesTheEventsOnlyItReported(t *testing.T) {
	ctx := timeline.WithAuthor(context.Background(), "ana")
	s := storetest.New(t)
	wire := newReport(t, "Wire", "2025-07-04").
		says("Trump and Putin spoke by phone on Thursday.", timeline.KindCall, "2025-07-03", "Trump and Putin speak").
		with(person("Donald Trump"), person("Vladimir Putin")).
		says("Israel struck Iran on June 13.", timeline.KindStrike, "2025-06-13", "Israel strikes Iran", "Israel", "Iran")
	wire.save(s)
	newReport(t, "Paper", "2025-07-05").
		says("Putin and Trump talked on Thursday.", timeline.KindCall, "2025-07-03", "Leaders talk").
		with(person("Vladimir Putin"), person("Donald Trump")).save(s)
	hand := create(t, s, event(t, timeline.KindStatement, "2025-07-01", "A statement", "Iran"))[0]

	deleted, err := s.DeleteArticle(ctx, wire.article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(deleted) != 1 || deleted[0] != wire.events[1].ID {
		t.Errorf("deleted %v, want the strike only the wire reported", deleted)
	}
	call, err := s.Event(ctx, wire.events[0].ID)
	if err != nil || call.Sources != 1 || quotes(call)[0] != "Paper: Putin and Trump talked on Thursday." {
		t.Errorf("the call another article reports = %+v, %v; want it with that article alone", call, err)
	}
	if _, err := s.Event(ctx, hand.ID); err != nil {
		t.Errorf("an event typed by hand went with the article: %v", err)
	}
	if _, err := s.Article(ctx, wire.article.ID); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("the article is still there: %v", err)
	}
	history, err := s.ArticleHistory(ctx, wire.article.ID)
	if err != nil || len(history) != 1 || history[0].Action != timeline.ActionDeleteArticle || history[0].Author != "ana" {
		t.Errorf("the article's history = %+v, %v", history, err)
	}
	if _, err := s.DeleteArticle(ctx, wire.article.ID); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("deleting it again: %v", err)
	}
}

func TestReadingAnArticleAgainAddsItsNewEvents(t *testing.T) {
	ctx := context.Background()
	s := storetest.New(t)
	r := newReport(t, "Undated", "2025-07-04").
		says("Israel struck Iran on June 13, 2025.", timeline.KindStrike, "2025-06-13", "Israel strikes Iran", "Israel", "Iran")
	r.article.Published, r.article.PublishedSource = timeline.Date{}, ""
	r.article.Body += " Trump and Putin spoke on Thursday."
	r.save(s)
	if has, err := s.HasUndated(ctx); err != nil || !has {
		t.Fatalf("HasUndated = %v, %v", has, err)
	}
	undated, err := s.Articles(ctx, true, 0, 10)
	if err != nil || len(undated) != 1 || undated[0].ID != r.article.ID || undated[0].Events != 1 {
		t.Fatalf("undated articles = %+v, %v", undated, err)
	}

	if err := s.SetArticlePublished(ctx, r.article.ID, date(t, "2025-07-04")); err != nil {
		t.Fatal(err)
	}
	start := strings.Index(r.article.Body, "Trump")
	e := event(t, timeline.KindCall, "2025-07-03", "Trump and Putin speak", "United States", "Russia")
	e.Origin = timeline.ByExtractor
	e.Mentions = []timeline.Mention{{Quote: r.article.Body[start:], Start: start, End: len(r.article.Body)}}
	events := []timeline.Event{e}
	added, err := s.AddArticleEvents(ctx, r.article.ID, events)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, r.article.ID)
	if err != nil || a.Published.Value() != "2025-07-04" || a.PublishedSource != "given" || !slices.Equal(added, []int64{events[0].ID}) {
		t.Errorf("article %+v (%v), added %v, event %+v", a, err, added, events[0])
	}
	if got := titles(allPages(t, s, timeline.Filter{})); !slices.Equal(got, []string{"Israel strikes Iran", "Trump and Putin speak"}) {
		t.Errorf("timeline = %v, want the kept event and the new one", got)
	}
	if has, err := s.HasUndated(ctx); err != nil || has {
		t.Errorf("HasUndated = %v, %v after the date was given", has, err)
	}
	bad := []timeline.Event{e}
	bad[0].Mentions = []timeline.Mention{{Quote: "not in the article", Start: 0, End: 18}}
	if _, err := s.AddArticleEvents(ctx, r.article.ID, bad); timeline.FieldErrors(err) == nil {
		t.Errorf("a quote that is not in the article: %v", err)
	}
	if _, err := s.AddArticleEvents(ctx, 999, events); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("an article that does not exist: %v", err)
	}
}

func TestEventHistoryRecordsWhoChangedWhat(t *testing.T) {
	s := storetest.New(t)
	ana := timeline.WithAuthor(context.Background(), "ana")
	bob := timeline.WithAuthor(context.Background(), "bob")
	e := event(t, timeline.KindCall, "2025-07-03", "A call", "Iran", "Qatar")
	if err := s.CreateEvent(ana, &e); err != nil {
		t.Fatal(err)
	}
	e.Title, e.Date = "Iran calls Qatar", date(t, "2025-07-04")
	if err := s.UpdateEvent(bob, &e); err != nil {
		t.Fatal(err)
	}
	history, err := s.EventHistory(ana, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range history {
		got = append(got, c.Author+" "+string(c.Action)+": "+c.Detail)
	}
	want := []string{
		"bob edit: date from 3 July 2025 to 4 July 2025; title from “A call” to “Iran calls Qatar”",
		"ana create: added by hand",
	}
	if !slices.Equal(got, want) {
		t.Errorf("history = %q\nwant %q", got, want)
	}
}
