package timex

import (
	"math/bits"
	"strconv"
	"strings"

	"github.com/dateline/dateline/timeline/extract/text"
)

// token is the shared scanner's lexeme: the grammar reads the few words
// it needs through low.
type token = text.Lexeme

// parser recognises temporal expressions in a token sequence. This file
// holds the parser and its grammar; the rules live in files by what they
// read: calendar.go (dates and years), period.go (quarters, halves,
// seasons), relative.go ("yesterday", "two weeks ago", "now"),
// duration.go (durations and sets), timeofday.go (clock times, parts of
// the day) and modifier.go ("early", "mid-", "the end of"); parts.go
// reads the numbers and names they share.
type parser struct {
	text   string
	toks   []token
	cls    []uint32 // the lexicon's classes of each token (see classify)
	starts []int32  // the tokens that can start an expression
	doc    *reader  // the document the tokens are a stretch of
	// exhaustive runs every rule at every token that can begin an
	// expression, without the candidate scan and the rules' index: the
	// reference the tests hold them to.
	exhaustive bool
}

// match is one recognised expression: tokens [start, end). The reading
// resumes at resume when it is later than end: words after the
// expression that it read but that are not part of it.
type match struct {
	start, end, resume int
	e                  expr
}

// tok returns token i, or a token of no kind out of range (which the
// rules only read).
func (p *parser) tok(i int) *token {
	if i < 0 || i >= len(p.toks) {
		return &noToken
	}
	return &p.toks[i]
}

var noToken token

// low returns the lower-case form of token i: its word in the lexicon, a
// number's digits, a punctuation mark folded. A word outside the lexicon
// reads as "", and so does a token out of range: no word the grammar
// compares a token with is outside the lexicon (the tests hold it to
// that), and name reads the few it looks up elsewhere.
func (p *parser) low(i int) string {
	if uint(i) < uint(len(p.toks)) {
		if t := &p.toks[i]; t.Kind == text.Alpha {
			return vocabulary[t.Word]
		}
	}
	return p.lowOther(i)
}

func (p *parser) lowOther(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	t := &p.toks[i]
	switch {
	case t.Kind == text.Numeral && !t.Ordinal():
		return p.text[t.Start:t.End]
	case t.Kind == text.Punct:
		return text.FoldPunct(p.text[t.Start:t.End])
	}
	return strings.ToLower(p.text[t.Start:t.End]) // "21ST"
}

// textOf returns the text of token i as written.
func (p *parser) textOf(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.text[p.toks[i].Start:p.toks[i].End]
}

// is reports whether token i is one of words (lower case).
func (p *parser) is(i int, words ...string) bool {
	l := p.low(i)
	for _, w := range words {
		if l == w {
			return true
		}
	}
	return false
}

// glued reports whether token i follows token i-1 with no space.
func (p *parser) glued(i int) bool {
	return i > 0 && i < len(p.toks) && !p.toks[i].Space()
}

// startWords are every word an expression can start with, in one set.
var startWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range triggerWords {
		m[w] = true
	}
	for _, set := range []map[string]int{months, monthAbbrevs, weekdays, weekdayAbbrevs, numberWords, ordinalWords} {
		for w := range set {
			m[w] = true
		}
	}
	for w := range units {
		m[w] = true
	}
	for w := range unitly {
		m[w] = true
	}
	for w := range seasons {
		m[w] = true
	}
	for w := range parts {
		m[w] = true
	}
	for w := range vagueNumbers {
		m[w] = true
	}
	return m
}()

// holidayStarts are the first words of holiday names.
var holidayStarts = holidayFirstWords()

// triggerWords start expressions without being dates themselves.
var triggerWords = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "last": true, "next": true, "past": true,
	"coming": true, "previous": true, "following": true, "that": true, "same": true,
	"early": true, "late": true, "mid": true, "end": true, "beginning": true, "start": true,
	"middle": true, "today": true, "yesterday": true, "tomorrow": true, "tonight": true,
	"now": true, "currently": true, "recently": true, "lately": true, "previously": true,
	"earlier": true, "later": true, "every": true, "each": true, "overnight": true,
	"noon": true, "midnight": true, "midday": true, "about": true, "around": true,
	"nearly": true, "almost": true, "approximately": true, "roughly": true, "more": true,
	"less": true, "at": true, "over": true, "some": true, "recent": true, "fiscal": true,
	"half": true, "up": true, "within": true, "present": true, "future": true, "hours": true,
	"soon": true, "these": true, "nineties": true, "eighties": true, "seventies": true, "sixties": true, "fifties": true,
	"forties": true, "thirties": true, "twenties": true, "first": true, "second": true,
	"third": true, "fourth": true, "q1": true, "q2": true, "q3": true, "q4": true, "year": true,
	"day": true, "weekend": true, "once": true, "formerly": true, "dawn": true, "daybreak": true,
	"sunrise": true, "predawn": true, "pre": true,
}

// parseAll finds every expression, left to right, longest first, never
// overlapping, and appends them to out.
func (p *parser) parseAll(out []match) []match {
	next := 0 // the first token not read yet
	for _, s := range p.starts {
		i := int(s)
		if i < next || !p.exhaustive && !p.candidate(i) {
			continue
		}
		if m, ok := p.parseAt(i); ok {
			out = append(out, m)
			next = max(m.end, m.resume)
		}
	}
	return p.combine(out)
}

// parseAt tries the rules that can start with token i and keeps the
// longest match (the earliest rule of the grammar at equal length).
func (p *parser) parseAt(i int) (match, bool) {
	best := match{end: -1}
	set := p.rulesAt(i)
	if p.exhaustive {
		set = 1<<len(grammar) - 1
	}
	var m match
	for ; set != 0; set &= set - 1 {
		if p.rule(grammar[bits.TrailingZeros32(set)].id, i, &m) && m.end > best.end {
			best = m
		}
	}
	if best.end <= i {
		return best, false
	}
	best.start = i
	return best, true
}

// rulesAt returns the set of rules (bit k for grammar[k]) that can start
// with token i: by its word or the shape of its number, and by the words
// a rule needs a few tokens on (a month for "the 21st of June", a unit
// for "two weeks").
func (p *parser) rulesAt(i int) uint32 {
	set := p.firstRules(i)
	for s := set; s != 0; s &= s - 1 {
		k := bits.TrailingZeros32(s)
		if r := &grammar[k]; r.needs != 0 && !p.classWithin(i, r.reach, r.needs) {
			set &^= 1 << k
		}
	}
	return set
}

// classWithin reports whether a token of one of the classes is among
// tokens [i, i+n].
func (p *parser) classWithin(i, n int, classes uint32) bool {
	for k := i; k < len(p.cls) && k <= i+n; k++ {
		if p.cls[k]&classes != 0 {
			return true
		}
	}
	return false
}

// firstRules returns the rules that can start with token i, by its word
// or the shape of its number.
func (p *parser) firstRules(i int) uint32 {
	t := p.tok(i)
	switch t.Kind {
	case text.Numeral:
		var set uint32
		for _, k := range numeralRules {
			if grammar[k].numeral(p, i) {
				set |= 1 << k
			}
		}
		return set
	case text.Punct:
		if p.low(i) == "'" {
			return apostropheRules
		}
		return 0
	}
	return wordRules[t.Word]
}

// rule is one rule of the grammar with the words it can start with.
type rule struct {
	id ruleID
	// numeral says whether it can start with the number at i (nil: with
	// none); apostrophe, whether with "'" ('90s).
	numeral    func(p *parser, i int) bool
	apostrophe bool
	// needs are the classes of which a token must be among the first
	// reach tokens after the start, or the start itself: a unit for an
	// amount of time, a month for a day of the month.
	needs uint32
	reach int
	// first are the words it can start with, as word lists and single words.
	first [][]string
}

// ruleID names a rule: the grammar calls each by name, not through a
// function value, so that the match it writes stays on the stack.
type ruleID uint8

// The rules.
const (
	ruleIsoDate ruleID = iota
	ruleNumericDate
	ruleMonthFirst
	ruleDayFirst
	ruleWeekdayDate
	ruleYear
	ruleDecade
	ruleCentury
	ruleQuarter
	ruleHalf
	ruleSeason
	ruleDeicticDay
	ruleRelativeUnit
	ruleAgoLater
	ruleSet
	ruleDuration
	ruleReference
	ruleClock
	rulePartOfDay
	ruleModified
	ruleHoliday
	ruleDawn
)

// rule runs rule id at token i.
func (p *parser) rule(id ruleID, i int, out *match) bool {
	switch id {
	case ruleIsoDate:
		return p.isoDate(i, out)
	case ruleNumericDate:
		return p.numericDate(i, out)
	case ruleMonthFirst:
		return p.monthFirst(i, out)
	case ruleDayFirst:
		return p.dayFirst(i, out)
	case ruleWeekdayDate:
		return p.weekdayDate(i, out)
	case ruleYear:
		return p.year(i, out)
	case ruleDecade:
		return p.decade(i, out)
	case ruleCentury:
		return p.century(i, out)
	case ruleQuarter:
		return p.quarter(i, out)
	case ruleHalf:
		return p.half(i, out)
	case ruleSeason:
		return p.season(i, out)
	case ruleDeicticDay:
		return p.deicticDay(i, out)
	case ruleRelativeUnit:
		return p.relativeUnit(i, out)
	case ruleAgoLater:
		return p.agoLater(i, out)
	case ruleSet:
		return p.set(i, out)
	case ruleDuration:
		return p.duration(i, out)
	case ruleReference:
		return p.reference(i, out)
	case ruleClock:
		return p.clock(i, out)
	case rulePartOfDay:
		return p.partOfDay(i, out)
	case ruleModified:
		return p.modified(i, out)
	case ruleHoliday:
		return p.holiday(i, out)
	case ruleDawn:
		return p.dawn(i, out)
	}
	panic("timex: no rule " + strconv.Itoa(int(id)))
}

// grammar is every rule, in the order that settles ties.
var grammar []rule

// apostropheRules are the rules that can start with an apostrophe;
// numeralRules, those that can start with a number.
var (
	apostropheRules uint32
	numeralRules    []int
)

// The shapes of number a rule can start with.
var (
	fourDigits = func(p *parser, i int) bool { return p.toks[i].Digits() == 4 }
	dayNo      = func(p *parser, i int) bool { return p.toks[i].Digits() <= 2 }
	year       = func(p *parser, i int) bool { return p.toks[i].Digits() == 4 && !p.toks[i].Ordinal() }
	amount     = func(p *parser, i int) bool { return !p.toks[i].Ordinal() && p.toks[i].Digits() <= 4 }
	quarterNo  = func(p *parser, i int) bool {
		return p.toks[i].Ordinal() && p.toks[i].Number() <= 4 || p.toks[i].Digits() == 4
	}
	centuryNo = func(p *parser, i int) bool { return p.toks[i].Ordinal() && p.toks[i].Number() <= 30 }
	// "21.03.2023", "03/21/2023", "24-03-2022"
	dottedDate = func(p *parser, i int) bool {
		return p.toks[i].Digits() <= 2 && !p.toks[i].Ordinal() && p.is(i+1, ".", "/", "-") && p.glued(i+1)
	}
	// "6:31", "9.30", "9 a.m.", "9am"
	clockNo = func(p *parser, i int) bool {
		return p.toks[i].Digits() <= 2 && !p.toks[i].Ordinal() && (p.is(i+1, ":", ".") && p.glued(i+1) || p.is(i+1, "am", "pm", "a", "p"))
	}
)

// amountReach is the most tokens from an amount's first word to its unit
// ("more than a few days", "two and a half years").
const amountReach = 8

func init() {
	quantityWords := append(append(words(numberWords), words(vagueNumbers)...), "a", "an", "couple")
	approx := []string{"about", "around", "some", "roughly", "approximately", "nearly", "almost"}
	grammar = []rule{
		{id: ruleIsoDate, numeral: fourDigits},
		{id: ruleNumericDate, numeral: dottedDate},
		{id: ruleMonthFirst, first: [][]string{words(months, monthAbbrevs)}},
		{id: ruleDayFirst, numeral: dayNo, needs: wMonth, reach: 3, first: [][]string{{"the"}, words(ordinalWords)}},
		{id: ruleWeekdayDate, first: [][]string{words(weekdays, weekdayAbbrevs), plurals(weekdays)}},
		{id: ruleYear, numeral: year, apostrophe: true, first: [][]string{{"fiscal", "the"}, words(numberWords)}},
		{id: ruleDecade, numeral: fourDigits, needs: wDecade, reach: 3, apostrophe: true, first: [][]string{{"the", "early", "mid", "late"}, words(decadeWords)}},
		{id: ruleCentury, numeral: centuryNo, needs: wCentury, reach: 3, first: [][]string{{"the", "this", "last", "next"}, words(ordinalWords)}},
		{id: ruleQuarter, numeral: quarterNo, needs: wQuarter, reach: 5, first: [][]string{{"the", "q1", "q2", "q3", "q4", "last", "latest",
			"current", "same", "recent", "year", "this", "next"}, words(ordinalWords)}},
		{id: ruleHalf, needs: wHalf, reach: 2, first: [][]string{{"the"}}},
		{id: ruleSeason, needs: wSeason, reach: 4, first: [][]string{{"this", "last", "next", "the", "past", "early", "late", "mid"}, words(seasons)}},
		{id: ruleDeicticDay, first: [][]string{{"today", "yesterday", "tomorrow", "tonight", "last", "this"}}},
		{id: ruleRelativeUnit, needs: wUnit | wWeekday | wMonth, reach: 4, first: [][]string{{"earlier", "early", "later", "late", "mid", "the", "this",
			"current", "last", "past", "previous", "next", "coming", "following"}}},
		{id: ruleAgoLater, numeral: amount, needs: wUnit, reach: amountReach, first: [][]string{approx, {"more", "less", "only", "just"}, quantityWords, words(units)}},
		{id: ruleSet, first: [][]string{words(unitly), {"a", "per", "every", "each"}}},
		{id: ruleDuration, numeral: amount, needs: wUnit, reach: amountReach, first: [][]string{{"the", "more", "over", "less", "fewer", "at", "up", "within",
			"past", "last", "recent", "coming"}, approx, quantityWords, words(units)}},
		{id: ruleReference, first: [][]string{{"now", "currently", "nowadays", "presently", "recently", "lately",
			"previously", "formerly", "soon", "these", "the"}}},
		{id: ruleClock, numeral: clockNo, first: [][]string{{"noon", "midday", "midnight"}}},
		{id: rulePartOfDay, needs: wPart | wUnit, reach: 3, first: [][]string{{"overnight", "that", "the"}}},
		{id: ruleModified, first: [][]string{{"early", "earlier", "late", "later", "mid", "the", "at", "by"}}},
		{id: ruleHoliday, first: [][]string{{"last", "next", "this"}, words(holidayStarts)}},
		{id: ruleDawn, first: [][]string{{"dawn", "daybreak", "sunrise", "predawn", "pre"}}},
	}
	for k, r := range grammar {
		if r.apostrophe {
			apostropheRules |= 1 << k
		}
		if r.numeral != nil {
			numeralRules = append(numeralRules, k)
		}
	}
	newLexicon()
}

// ruleStarts maps each word to the set of rules that can start with it.
func ruleStarts() map[string]uint32 {
	m := map[string]uint32{}
	for k, r := range grammar {
		for _, ws := range r.first {
			for _, w := range ws {
				m[w] |= 1 << k
			}
		}
	}
	return m
}

// words returns the keys of sets of words.
func words[V any](sets ...map[string]V) []string {
	var out []string
	for _, s := range sets {
		for w := range s {
			out = append(out, w)
		}
	}
	return out
}

// plurals returns the keys of a set with an s: "mondays".
func plurals[V any](set map[string]V) []string {
	var out []string
	for w := range set {
		out = append(out, w+"s")
	}
	return out
}
