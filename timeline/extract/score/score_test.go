package score

import (
	"testing"

	"github.com/dateline/dateline/timeline"
)

func TestParseTimeML(t *testing.T) {
	doc := `<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Prices &amp; jobs <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>, and again <TIMEX3 tid="t2" type="DURATION" value="P1W">this week</TIMEX3>.</TEXT></TimeML>`
	d, err := ParseTimeML(doc)
	if err != nil {
		t.Fatal(err)
	}
	if d.DCT != "1998-01-08" {
		t.Errorf("DCT = %q", d.DCT)
	}
	if len(d.Gold) != 2 {
		t.Fatalf("gold = %+v", d.Gold)
	}
	if got := d.Text[d.Gold[0].Start:d.Gold[0].End]; got != "yesterday" || d.Gold[0].Value != "1998-01-07" {
		t.Errorf("first span = %q %s", got, d.Gold[0].Value)
	}
	if got := d.Text[d.Gold[1].Start:d.Gold[1].End]; got != "this week" || d.Gold[1].Type != "DURATION" {
		t.Errorf("second span = %q %s", got, d.Gold[1].Type)
	}
	if d.Text[:12] != "Prices & job" {
		t.Errorf("entities not decoded: %q", d.Text[:12])
	}
	if _, err := ParseTimeML("<TimeML></TimeML>"); err == nil {
		t.Error("a document without TEXT parsed")
	}
}

func TestCompareTimex(t *testing.T) {
	gold := []Span{{0, 9, "DATE", "1998-01-07"}, {20, 29, "DURATION", "P1W"}, {40, 45, "DATE", "1998"}}
	sys := []Span{
		{0, 9, "DATE", "1998-01-07"}, // exact
		{25, 29, "DATE", "1998-W02"}, // overlaps, wrong value and type
		{60, 64, "DATE", "PAST_REF"}, // spurious
	}
	c, _ := CompareTimex(gold, sys)
	want := TimexCounts{Gold: 3, System: 3, Relaxed: 2, Strict: 1, Value: 1, Type: 1}
	if c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	if f := c.F1(c.Relaxed); f < 66.6 || f > 66.7 {
		t.Errorf("relaxed F1 = %.2f, want 66.67", f)
	}
}

func TestCompareArticle(t *testing.T) {
	g := Gold{DCT: "2025-07-03", Events: []GoldEvent{
		{Date: "2025-07-03", Type: "call", Actors: []string{"Trump", "Putin"}, Required: true},
		{Date: "2025-06-21", Type: "strike", Actors: []string{"United States", "Iran"}, Required: true},
		{Date: "2025-06-20", Type: "meeting", Actors: []string{"NATO"}, Required: false},
		{Date: "2025-01", Type: "leadership", Actors: []string{"Trump"}, Required: false},
	}}
	date := func(v string) timeline.Date {
		d, err := timeline.ParseDate(v)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	ev := func(v string, k timeline.Kind, actors ...string) timeline.Event {
		e := timeline.Event{Kind: k, Date: date(v)}
		for _, a := range actors {
			e.Actors = append(e.Actors, timeline.Actor{Name: a})
		}
		return e
	}
	events := []timeline.Event{
		ev("2025-07-03TMO", timeline.KindCall, "Donald Trump", "Vladimir Putin"), // part of day ignored, surnames match
		ev("2025-06-21", timeline.KindStrike, "U.S.", "Iran"),                    // alias
		ev("2025-06-20", timeline.KindVisit, "Nato"),                             // visit finds meeting
		ev("2025-01-20", timeline.KindLeadership, "Trump"),                       // a day does not find a month
		ev("2025-07-03", timeline.KindCall, "Trump"),                             // one to one: the call is taken
	}
	c, matches := CompareArticle(g, date("2025-07-03"), events)
	want := ArticleCounts{Articles: 1, PublishedFound: 1, Required: 2, RequiredFound: 2, Extracted: 5, Matched: 3}
	if c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	if len(matches) != 4 || matches[3].Extracted != -1 {
		t.Errorf("matches = %+v", matches)
	}
	if c.Recall() != 100 || c.Precision() != 60 {
		t.Errorf("recall %.1f precision %.1f", c.Recall(), c.Precision())
	}
}
