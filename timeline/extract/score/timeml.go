// Package score measures the extractor: gold articles scored as
// ../shared/eval/README.md describes, and temporal expressions scored
// against TimeML as TempEval-3 Task A did.
package score

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// TimeMLDoc is a TimeML document reduced to what timex scoring needs: the
// plain text of <TEXT> and the gold TIMEX3 spans in it.
type TimeMLDoc struct {
	DCT  string // creation time value, e.g. 1998-01-08
	Text string
	Gold []Span
}

// Span is one temporal expression: its byte range in the text, type and
// value.
type Span struct {
	Start, End  int
	Type, Value string
}

var attrRE = regexp.MustCompile(`(\w+)="([^"]*)"`)

func attrs(tag string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRE.FindAllStringSubmatch(tag, -1) {
		m[a[1]] = a[2]
	}
	return m
}

var entities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&apos;", "'")

// ParseTimeML reads a TimeML document: the DCT, the text of <TEXT> with its
// tags stripped and entities decoded, and the TIMEX3 spans in that text.
func ParseTimeML(doc string) (TimeMLDoc, error) {
	var d TimeMLDoc
	for _, m := range regexp.MustCompile(`<TIMEX3 [^>]*>`).FindAllString(doc, -1) {
		if a := attrs(m); a["functionInDocument"] == "CREATION_TIME" {
			d.DCT = a["value"]
			break
		}
	}
	start := strings.Index(doc, "<TEXT>")
	end := strings.Index(doc, "</TEXT>")
	if start < 0 || end < start {
		return d, errors.New("timeml: no <TEXT> element")
	}
	body := doc[start+len("<TEXT>") : end]
	var text strings.Builder
	var open *Span
	for len(body) > 0 {
		lt := strings.IndexByte(body, '<')
		if lt < 0 {
			text.WriteString(entities.Replace(body))
			break
		}
		text.WriteString(entities.Replace(body[:lt]))
		gt := strings.IndexByte(body[lt:], '>')
		if gt < 0 {
			return d, errors.New("timeml: unclosed tag")
		}
		tag := body[lt : lt+gt+1]
		body = body[lt+gt+1:]
		switch {
		case strings.HasPrefix(tag, "<TIMEX3 "):
			if open != nil {
				return d, fmt.Errorf("timeml: nested TIMEX3 at %d", text.Len())
			}
			a := attrs(tag)
			open = &Span{Start: text.Len(), Type: a["type"], Value: a["value"]}
		case tag == "</TIMEX3>":
			if open == nil {
				return d, errors.New("timeml: </TIMEX3> without an opening tag")
			}
			open.End = text.Len()
			d.Gold = append(d.Gold, *open)
			open = nil
		}
	}
	if d.DCT == "" {
		return d, errors.New("timeml: no creation time")
	}
	d.Text = text.String()
	return d, nil
}

// TimexCounts are the TempEval-3 Task A counts for one or more documents.
type TimexCounts struct {
	Gold, System int
	Relaxed      int // system spans overlapping a gold span (one to one)
	Strict       int // identical spans
	Value        int // relaxed matches with the identical value
	Type         int // relaxed matches with the identical type
}

// Add accumulates other into c.
func (c *TimexCounts) Add(o TimexCounts) {
	c.Gold += o.Gold
	c.System += o.System
	c.Relaxed += o.Relaxed
	c.Strict += o.Strict
	c.Value += o.Value
	c.Type += o.Type
}

// F1 of n matches over the system and gold counts, in percent.
func (c TimexCounts) F1(n int) float64 {
	if c.Gold+c.System == 0 {
		return 0
	}
	return 200 * float64(n) / float64(c.Gold+c.System)
}

// CompareTimex matches system spans to gold spans one to one by overlap,
// in order, and counts the matches.
func CompareTimex(gold, sys []Span) (TimexCounts, []Pair) {
	c := TimexCounts{Gold: len(gold), System: len(sys)}
	used := make([]bool, len(sys))
	var pairs []Pair
	for gi, g := range gold {
		best := -1
		for si, s := range sys {
			if used[si] || s.End <= g.Start || s.Start >= g.End {
				continue
			}
			if best < 0 || (s.Start == g.Start && s.End == g.End) {
				best = si
			}
		}
		if best < 0 {
			pairs = append(pairs, Pair{Gold: &gold[gi]})
			continue
		}
		used[best] = true
		s := sys[best]
		c.Relaxed++
		if s.Start == g.Start && s.End == g.End {
			c.Strict++
		}
		if s.Value == g.Value {
			c.Value++
		}
		if s.Type == g.Type {
			c.Type++
		}
		pairs = append(pairs, Pair{Gold: &gold[gi], System: &sys[best]})
	}
	for si := range sys {
		if !used[si] {
			pairs = append(pairs, Pair{System: &sys[si]})
		}
	}
	return c, pairs
}

// Pair is a gold span and the system span matched to it; either may be nil.
type Pair struct {
	Gold, System *Span
}
