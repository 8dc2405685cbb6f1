package timex

import (
	"math/bits"
	"strconv"
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/text"
)

// token is the shared scanner's lexeme: the grammar reads the few words
// it needs through low.
type token = text.Lexeme

// parser recognises temporal expressions in a token sequence.
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
	// "21.03.2023", "03/21/2023"
	dottedDate = func(p *parser, i int) bool {
		return p.toks[i].Digits() <= 2 && !p.toks[i].Ordinal() && p.is(i+1, ".", "/") && p.glued(i+1)
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

// ---- numbers ----

// quantity reads an amount at i: "3", "three", "twenty-four", "a", "a few",
// "several". It returns the amount (or vague), and the token after it.
func (p *parser) quantity(i int) (n int, vague bool, end int, ok bool) {
	t := p.tok(i)
	switch {
	case t.Kind == text.Numeral && !t.Ordinal() && t.Number() >= 0 && t.Digits() <= 4:
		if p.low(i-1) == "$" || p.low(i+1) == "%" {
			return 0, false, 0, false
		}
		if p.low(i+1) == "," && p.glued(i+1) && p.tok(i+2).Kind == text.Numeral && p.glued(i+2) {
			return 0, false, 0, false // 5,000
		}
		if p.low(i+1) == "." && p.glued(i+1) && p.tok(i+2).Kind == text.Numeral && p.glued(i+2) {
			return 0, false, 0, false // 1.5
		}
		return t.Number(), false, i + 1, true
	case p.low(i) == "a" || p.low(i) == "an":
		switch {
		case p.is(i+1, "few", "couple", "handful"):
			end := i + 2
			if p.is(end, "of") {
				end++
			}
			if p.is(i+1, "couple") {
				return 2, false, end, true
			}
			return 0, true, end, true
		case p.is(i+1, "dozen"):
			return 12, false, i + 2, true
		case p.is(i+1, "half") && p.is(i+2, "dozen"):
			return 6, false, i + 3, true
		}
		return 1, false, i + 1, true
	case p.low(i) == "couple" && p.is(i+1, "of"):
		return 2, false, i + 2, true
	case vagueOf[p.word(i)]:
		end := i + 1
		if p.is(end, "of") {
			end++
		}
		return 0, true, end, true
	}
	if v, ok := has(numberOf, p.word(i)); ok && v > 0 {
		end := i + 1
		// twenty-four, twenty four, one hundred
		if v >= 20 && v < 100 && v%10 == 0 {
			j := end
			if p.low(j) == "-" && p.glued(j) {
				j++
			}
			if u, ok := has(numberOf, p.word(j)); ok && u > 0 && u < 10 {
				v += u
				end = j + 1
			}
		}
		if p.is(end, "hundred") {
			v *= 100
			end++
		}
		return v, false, end, true
	}
	return 0, false, 0, false
}

// clockAt reports whether a clock time ("6:31", "9.30") starts at i.
func (p *parser) clockAt(i int) bool {
	sep := p.low(i + 1)
	return p.tok(i).Kind == text.Numeral && (sep == ":" || sep == ".") && p.glued(i+1) &&
		p.tok(i+2).Kind == text.Numeral && p.tok(i+2).Digits() == 2 && p.glued(i+2)
}

// dayNumber reads a day of the month: "21", "21st", "twenty-first".
func (p *parser) dayNumber(i int) (int, int, bool) {
	t := p.tok(i)
	if t.Kind == text.Numeral && t.Digits() <= 2 && t.Number() >= 1 && t.Number() <= 31 {
		return t.Number(), i + 1, true
	}
	return 0, 0, false
}

// yearNumber reads a four-digit year, or a two-digit one after an
// apostrophe ('98).
func (p *parser) yearNumber(i int) (int, int, bool) {
	t := p.tok(i)
	if t.Kind == text.Numeral && !t.Ordinal() && t.Digits() == 4 && t.Number() >= 1000 && t.Number() <= 2999 {
		return t.Number(), i + 1, true
	}
	if p.low(i) == "'" && p.tok(i+1).Kind == text.Numeral && p.tok(i+1).Digits() == 2 && p.glued(i+1) {
		return 1900 + p.tok(i+1).Number(), i + 2, true
	}
	return 0, 0, false
}

// month reads a month name at i. Ambiguous ones ("May", "March") are
// months only when capitalised, and abbreviations only before a period or
// a number, so "Mar-a-Lago" and "may" stay words.
func (p *parser) month(i int) (int, int, bool) {
	t := p.tok(i)
	if t.Kind != text.Alpha {
		return 0, 0, false
	}
	if m, ok := has(monthOf, p.word(i)); ok {
		if !t.Upper() {
			return 0, 0, false
		}
		return m, i + 1, true
	}
	if m, ok := has(monthAbbrevOf, p.word(i)); ok && t.Upper() {
		if p.low(i+1) == "." && p.glued(i+1) {
			return m, i + 2, true
		}
		if p.tok(i+1).Kind == text.Numeral {
			return m, i + 1, true
		}
	}
	return 0, 0, false
}

// weekday reads a weekday name; abbreviations only before a number or
// punctuation that continues a date ("Sun 14 April", "Thu., Jan 8").
func (p *parser) weekday(i int) (int, int, bool) {
	t := p.tok(i)
	if t.Kind != text.Alpha || !t.Upper() {
		return 0, 0, false
	}
	if d, ok := has(weekdayOf, p.word(i)); ok {
		return d, i + 1, true
	}
	if d, ok := weekdays[strings.TrimSuffix(p.low(i), "s")]; ok && p.low(i) != "" {
		return d, i + 1, true // "Sundays" as a set is handled by set; here a plain day
	}
	if d, ok := has(weekdayAbbrevOf, p.word(i)); ok {
		j := i + 1
		if p.low(j) == "." && p.glued(j) {
			j++
		}
		if p.low(j) == "," {
			j++
		}
		if p.tok(j).Kind == text.Numeral {
			return d, i + 1, true
		}
	}
	return 0, 0, false
}

// ---- calendar dates ----

// isoDate: 2025-06-21, 2025-06, 2025/06/21.
func (p *parser) isoDate(i int, out *match) bool {
	y := p.tok(i)
	if y.Kind != text.Numeral || y.Digits() != 4 {
		return false
	}
	sep := p.low(i + 1)
	if (sep != "-" && sep != "/") || !p.glued(i+1) || !p.glued(i+2) {
		return false
	}
	m := p.tok(i + 2)
	if m.Kind != text.Numeral || m.Digits() != 2 || m.Number() < 1 || m.Number() > 12 {
		return false
	}
	e := expr{typ: TypeDate, year: y.Number(), month: m.Number()}
	end := i + 3
	if p.low(end) == sep && p.glued(end) && p.tok(end+1).Kind == text.Numeral && p.tok(end+1).Digits() == 2 && p.glued(end+1) {
		e.day = p.tok(end + 1).Number()
		end += 2
		// 2025-06-21T18:31
		if t, tx := p.tok(end), p.textOf(end); t.Kind == text.Alpha && p.glued(end) && len(tx) <= 3 && (tx[0] == 'T' || tx[0] == 't') {
			if h, err := strconv.Atoi(tx[1:]); err == nil && p.low(end+1) == ":" && p.tok(end+2).Kind == text.Numeral {
				e.hour, e.minute, e.clock, e.typ = h, p.tok(end+2).Number(), true, TypeTime
				end += 3
			}
		}
	} else if sep == "/" {
		return false // 2025/06 is a ratio or a fiscal year, not a month
	}
	if p.low(end) == "-" && p.glued(end) && p.tok(end+1).Kind == text.Numeral {
		return false // part of a longer code
	}
	*out = match{end: end, e: e}
	return true
}

// numericDate: 21.03.2023 (day first) and 03/21/2023 (US month first;
// day first when the first number cannot be a month).
func (p *parser) numericDate(i int, out *match) bool {
	a := p.tok(i)
	if a.Kind != text.Numeral || a.Digits() > 2 || a.Ordinal() {
		return false
	}
	sep := p.low(i + 1)
	if (sep != "." && sep != "/") || !p.glued(i+1) || !p.glued(i+2) || p.low(i+3) != sep || !p.glued(i+3) || !p.glued(i+4) {
		return false
	}
	b, c := p.tok(i+2), p.tok(i+4)
	if b.Kind != text.Numeral || c.Kind != text.Numeral || b.Digits() > 2 || (c.Digits() != 4 && c.Digits() != 2) {
		return false
	}
	year := c.Number()
	if c.Digits() == 2 {
		if sep != "/" {
			return false
		}
		year += 2000
		if year > 2069 {
			year -= 100
		}
	}
	day, month := a.Number(), b.Number()
	if sep == "/" && a.Number() <= 12 {
		day, month = b.Number(), a.Number()
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return false
	}
	if p.tok(i+5).Kind == text.Punct && p.glued(i+5) && p.tok(i+6).Kind == text.Numeral && p.glued(i+6) {
		return false // a version number or an IP address
	}
	*out = match{end: i + 5, e: expr{typ: TypeDate, year: year, month: month, day: day}}
	return true
}

// monthFirst: "June 21", "June 21, 2025", "Feb. 24, 2022", "June 2025",
// "June of 2025", "June 11-13", "January" (with context).
func (p *parser) monthFirst(i int, out *match) bool {
	mo, end, ok := p.month(i)
	if !ok {
		return false
	}
	e := expr{typ: TypeDate, month: mo}
	if d, j, ok := p.dayNumber(end); ok && !p.clockAt(end) {
		// not "June 2025" (4 digits fail dayNumber) and not a clock time
		e.day = d
		end = j
		// a range "June 11-13" or "June 11 to 13": the start is the date
		if (p.low(end) == "-" || p.low(end) == "to") && p.tok(end+1).Kind == text.Numeral && p.tok(end+1).Digits() <= 2 {
			end += 2
		}
		k := end
		if p.low(k) == "," {
			k++
		}
		if y, j, ok := p.yearNumber(k); ok {
			e.year, end = y, j
		}
	} else {
		k := end
		if p.is(k, "of") || p.low(k) == "," {
			k++
		}
		if y, j, ok := p.yearNumber(k); ok {
			e.year, end = y, j
		} else if !p.monthContext(i) {
			return false
		}
	}
	if e.year == 0 {
		e.rel = relTense
	}
	*out = match{end: end, e: e}
	return true
}

// monthContext reports whether a month name standing alone at i reads as a
// month: after a preposition or a modifier ("in January", "last March"),
// or before "last year", "'s".
func (p *parser) monthContext(i int) bool {
	l := p.low(i)
	if l != "may" && l != "march" && l != "august" {
		return true
	}
	switch p.low(i - 1) {
	case "in", "on", "since", "until", "till", "by", "last", "next", "this", "early", "late",
		"mid", "from", "through", "during", "before", "after", "of", "between", "-", "and",
		"to", "or", "into", "throughout", "end", "since early", "until late":
		return true
	}
	return false
}

// dayFirst: "24 February 2022", "21 June", "the 21st of June", "4 April".
func (p *parser) dayFirst(i int, out *match) bool {
	j := i
	if p.is(j, "the") {
		j++
	}
	d, k, ok := p.dayNumber(j)
	if !ok {
		if v, ok2 := has(ordinalOf, p.word(j)); ok2 && p.is(j+1, "of") {
			d, k, ok = v, j+1, true
		}
	}
	if !ok {
		return false
	}
	if p.is(k, "of") {
		k++
	}
	mo, end, ok := p.month(k)
	if !ok {
		return false
	}
	if j > i && !p.tok(j).Ordinal() && p.low(j+1) != "of" {
		return false // "the 21 June" is not English; leave "the"
	}
	e := expr{typ: TypeDate, month: mo, day: d}
	k = end
	if p.low(k) == "," {
		k++
	}
	if y, j2, ok := p.yearNumber(k); ok {
		e.year, end = y, j2
	} else {
		e.rel = relTense
	}
	*out = match{end: end, e: e}
	return true
}

// weekdayDate: "Monday, Oct. 26", "Sun 14 April 2024", "Thursday", and
// "Thursday morning", "Friday night".
func (p *parser) weekdayDate(i int, out *match) bool {
	wd, end, ok := p.weekday(i)
	if !ok {
		return false
	}
	k := end
	if p.low(k) == "." && p.glued(k) {
		k++
	}
	if p.low(k) == "," {
		k++
	}
	var m match
	for _, r := range [...]ruleID{ruleMonthFirst, ruleDayFirst, ruleIsoDate, ruleNumericDate} {
		if p.rule(r, k, &m) && m.e.day > 0 {
			m.e.weekday = wd
			*out = m
			return true
		}
	}
	if strings.HasSuffix(p.low(i), "s") && p.low(i) != "tues" && p.low(i) != "thurs" {
		if _, ok := has(weekdayOf, p.word(i)); !ok {
			return false // "Sundays" is a set
		}
	}
	e := expr{typ: TypeDate, weekday: wd, rel: relTense}
	if p.is(end, "'s") && !(p.is(i-1, "of") && p.is(i-2, "ahead")) {
		e.past = true // "Wednesday's ruling": an event already reported; not "ahead of Tuesday's talks"
	}
	if pd, ok := has(partOf, p.word(end)); ok && !strings.HasSuffix(p.low(end), "s") {
		e.part = pd
		e.typ = TypeTime
		end++
	}
	*out = match{end: end, e: e}
	return true
}

// year: a bare year, guarded against quantities and codes ("2,745",
// "Resolution 2231", "1500 troops", "$2000").
func (p *parser) year(i int, out *match) bool {
	j := i
	fiscal := false
	if p.is(j, "fiscal") {
		fiscal = true
		j++
	}
	if p.is(j, "the") && p.is(j+1, "year") {
		j += 2
	}
	y, end, ok := p.yearNumber(j)
	if !ok {
		if y, end, ok := p.spokenYear(j); ok {
			*out = match{end: end, e: expr{typ: TypeDate, year: y}}
			return true
		}
		return false
	}
	if p.low(j) == "'" && !yearPrepositions[p.low(j-1)] {
		return false // '60 Minutes
	}
	if p.tok(j).Kind == text.Numeral {
		prev := p.low(j - 1)
		if prev == "$" || prev == "no" || prev == "#" || prev == "number" || prev == "resolution" ||
			prev == "flight" || prev == "article" || prev == "route" || prev == "page" || prev == "room" ||
			prev == "model" || prev == "chapter" || prev == "section" || prev == "item" || prev == "code" ||
			prev == "pp" || prev == "." || prev == "€" || prev == "£" || prev == "¥" {
			return false
		}
		if p.tok(j-1).Upper() && p.tok(j-1).Kind == text.Alpha && !yearPrepositions[prev] && j-1 > 0 && !p.tok(j-1).Break() {
			// "Boeing 1000", "Resolution 2231": a name followed by a number
			if _, isMonth := months[prev]; !isMonth && !p.isSentenceStart(j-1) {
				if _, ok := seasons[prev]; !ok {
					return false
				}
			}
		}
		next := p.tok(end)
		if next.Kind == text.Numeral || p.low(end) == "%" || ((p.low(end) == "," || p.low(end) == ".") && p.glued(end) && p.tok(end+1).Kind == text.Numeral && p.glued(end+1)) {
			return false // 2,745 or an index at 2082.1
		}
		if next.Kind == text.Alpha && quantityNouns(p.name(end)) {
			return false
		}
		if (p.low(end) == "-" || p.low(end) == "/") && p.glued(end) && p.tok(end+1).Kind == text.Numeral {
			// "1950-53", "2006-2009": a span of years; keep the first
			to := p.tok(end + 1)
			later := to.Digits() == 2 && to.Number() > y%100 || to.Digits() == 4 && to.Number() > y
			if !later || (p.low(end+2) == "-" || p.low(end+2) == "/") && p.glued(end+2) {
				return false // 2025-13-01 is no date at all
			}
			end += 2
		}
		if y < 1600 && !yearPrepositions[prev] {
			return false
		}
	}
	e := expr{typ: TypeDate, year: y}
	_ = fiscal
	*out = match{end: end, e: e}
	return true
}

// spokenYear reads a year in words, as broadcast transcripts write them:
// "nineteen ninety-six", "two thousand", "two thousand and one".
func (p *parser) spokenYear(i int) (int, int, bool) {
	hi, ok := has(numberOf, p.word(i))
	if !ok {
		return 0, 0, false
	}
	if hi == 2 && p.is(i+1, "thousand") {
		end := i + 2
		if p.is(end, "and") {
			if n, _, k, ok := p.quantity(end + 1); ok && n > 0 && n < 100 {
				return 2000 + n, k, true
			}
		}
		if !p.is(i-1, "year", "in", "since", "by", "until", "of") {
			return 0, 0, false
		}
		return 2000, end, true
	}
	if hi < 10 || hi > 20 {
		return 0, 0, false
	}
	lo, _, end, ok := p.quantity(i + 1)
	if !ok || lo < 10 || lo > 99 || p.tok(i+1).Kind == text.Numeral {
		return 0, 0, false
	}
	return hi*100 + lo, end, true
}

var yearPrepositions = map[string]bool{
	"in": true, "since": true, "by": true, "of": true, "until": true, "from": true, "to": true,
	"during": true, "before": true, "after": true, "and": true, "or": true, "through": true,
	"between": true, "early": true, "late": true, "mid": true, "-": true, "year": true,
	"fiscal": true, "circa": true, "c": true, "around": true, "spring": true, "summer": true,
	"autumn": true, "fall": true, "winter": true, "the": true, "'": true, "till": true,
}

// quantityNouns are words after a number that make it a count, not a
// year: "1500 troops", "2000 people".
func quantityNouns(w string) bool {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		switch w {
		case "was", "has", "is", "this", "its", "his", "as", "us", "thus", "plus", "olympics", "elections", "talks", "games", "protests", "riots":
			return false
		}
		return true
	}
	switch w {
	case "people", "percent", "million", "billion", "trillion", "thousand", "men", "women",
		"children", "km", "kg", "mw", "feet", "miles", "metres", "meters", "kilometres", "tonnes", "tons":
		return true
	}
	return false
}

func (p *parser) isSentenceStart(i int) bool {
	if i == 0 || p.tok(i).Break() {
		return true
	}
	prev := p.low(i - 1)
	return prev == "." || prev == "!" || prev == "?" || prev == "\"" || prev == ":"
}

// decade: "the 1990s", "the '90s", "the nineties", "the 1990's".
func (p *parser) decade(i int, out *match) bool {
	j := i
	if p.is(j, "the") {
		j++
	}
	mod := ""
	switch p.low(j) {
	case "early":
		mod = "START"
		j++
	case "mid":
		mod = "MID"
		j++
		if p.low(j) == "-" && p.glued(j) {
			j++
		}
	case "late":
		mod = "END"
		j++
	}
	t := p.tok(j)
	e := expr{typ: TypeDate, mod: mod}
	end := 0
	switch {
	case t.Kind == text.Numeral && t.Digits() == 4 && t.Number()%10 == 0 && p.glued(j+1) &&
		(p.low(j+1) == "s" || p.low(j+1) == "'s"):
		e.decade = t.Number() / 10
		end = j + 2
	case t.Kind == text.Numeral && t.Digits() == 4 && t.Number()%10 == 0 && strings.HasSuffix(p.text[t.Start:min(len(p.text), int(t.End)+1)], "s"):
		e.decade = t.Number() / 10
		end = j + 1
	case p.low(j) == "'" && p.tok(j+1).Kind == text.Numeral && p.tok(j+1).Digits() == 2 && p.glued(j+1) && p.low(j+2) == "s" && p.glued(j+2):
		e.decade = 190 + p.tok(j+1).Number()/10
		end = j + 3
	default:
		if d, ok := has(decadeOf, p.word(j)); ok && (j > i || mod != "") {
			e.decade = 190 + d
			end = j + 1
		}
	}
	if end == 0 {
		return false
	}
	*out = match{end: end, e: e}
	return true
}

var decadeWords = map[string]int{
	"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
	"eighties": 8, "nineties": 9,
}

// century: "the 20th century", "the twentieth century", "this century".
func (p *parser) century(i int, out *match) bool {
	j := i
	if p.is(j, "the", "this", "last", "next") {
		j++
	}
	t := p.tok(j)
	c := 0
	switch {
	case t.Kind == text.Numeral && t.Ordinal() && t.Number() >= 1 && t.Number() <= 30:
		c = t.Number()
	case ordinalOf[p.word(j)] > 0:
		c = ordinalOf[p.word(j)]
		if p.low(j) == "twenty" && p.low(j+1) == "-" {
			return false
		}
	}
	if p.is(j, "century") && j > i {
		e := expr{typ: TypeDate, rel: relDeictic, unit: uCentury}
		switch p.low(i) {
		case "last":
			e.n = -1
		case "next":
			e.n = 1
		case "this":
		default:
			return false
		}
		*out = match{end: j + 1, e: e}
		return true
	}
	if c == 0 || !p.is(j+1, "century") {
		return false
	}
	*out = match{end: j + 2, e: expr{typ: TypeDate, century: c - 1}}
	return true
}

// quarter: "the third quarter", "third-quarter", "the fourth quarter of
// 1997", "Q3", "the first two quarters".
func (p *parser) quarter(i int, out *match) bool {
	j := i
	if p.is(j, "the") {
		j++
	}
	q := 0
	t := p.tok(j)
	switch {
	case len(p.low(j)) == 2 && p.low(j)[0] == 'q' && p.low(j)[1] >= '1' && p.low(j)[1] <= '4':
		q = int(p.low(j)[1] - '0')
		e := expr{typ: TypeDate, quarter: q, fyQ: true}
		end := j + 1
		if y, k, ok := p.yearNumber(end); ok {
			e.year, e.fyQ, end = y, false, k
		}
		*out = match{end: end, e: e}
		return true
	case ordinalOf[p.word(j)] >= 1 && ordinalOf[p.word(j)] <= 4:
		q = ordinalOf[p.word(j)]
	case t.Kind == text.Numeral && t.Ordinal() && t.Number() >= 1 && t.Number() <= 4:
		q = t.Number()
	case p.low(j) == "last" || p.low(j) == "latest" || p.low(j) == "current" || p.low(j) == "same" || p.low(j) == "recent":
	case t.Kind == text.Numeral && t.Digits() == 4:
		// "the 1988 second quarter", "the 1989 period"
		if q, k, ok := p.ordinalQuarter(j + 1); ok {
			*out = match{end: k, e: expr{typ: TypeDate, year: t.Number(), quarter: q}}
			return true
		}
		if j > i && p.is(j+1, "period", "quarter") {
			*out = match{end: j + 2, e: expr{typ: TypeDate, year: t.Number(), qref: qrefSameInYear}}
			return true
		}
		return false
	case p.low(j) == "year" && p.low(j+1) == "-" && p.is(j+2, "ago", "earlier"):
		// "year-ago", "the year-earlier period": the same quarter a year before
		end := j + 3
		if p.is(end, "quarter", "period") {
			end++
		} else if j > i {
			return false
		}
		*out = match{end: end, e: expr{typ: TypeDate, qref: qrefYearAgo}}
		return true
	case (p.low(j) == "this" || p.low(j) == "last" || p.low(j) == "next") && p.is(j+1, "year") && p.is(j+2, "'s") && j == i:
		// "this year's third quarter", "last year's quarter"
		shift := map[string]int{"this": 0, "last": -1, "next": 1}[p.low(j)]
		if q, k, ok := p.ordinalQuarter(j + 3); ok {
			*out = match{end: k, e: expr{typ: TypeDate, quarter: q, rel: relDeictic, unit: uYear,
				hasYearShift: true, yearShift: shift}}
			return true
		}
		if p.is(j+3, "quarter", "period") {
			*out = match{end: j + 4, e: expr{typ: TypeDate, qref: qrefLatest, yearShift: shift}}
			return true
		}
		return false
	case p.low(j) == "quarter" && j > i:
		*out = match{end: j + 1, e: expr{typ: TypeDate, qref: qrefLatest}}
		return true
	default:
		return false
	}
	k := j + 1
	if p.low(k) == "-" && p.glued(k) {
		k++
	}
	if !p.is(k, "quarter") {
		return false
	}
	if q == 0 {
		if j == i {
			return false
		}
		if p.low(j) == "last" {
			*out = match{end: k + 1, e: expr{typ: TypeDate, rel: relDeictic, unit: uQuarter, n: -1}}
			return true
		}
		*out = match{end: k + 1, e: expr{typ: TypeDate, qref: qrefLatest}}
		return true
	}
	e := expr{typ: TypeDate, quarter: q, fyQ: true}
	end := k + 1
	m := end
	if p.is(m, "of") || p.low(m) == "," {
		m++
	}
	if y, k2, ok := p.yearNumber(m); ok {
		e.year, e.fyQ, end = y, false, k2
	} else if p.is(m, "last", "this", "next") && p.is(m+1, "year") {
		e.rel, e.fyQ, e.hasYearShift, end = relDeictic, false, true, m+2
		e.unit = uYear
		e.yearShift = map[string]int{"last": -1, "this": 0, "next": 1}[p.low(m)]
	}
	*out = match{end: end, e: e}
	return true
}

// ordinalQuarter reads "second quarter" or "second-quarter" at i.
func (p *parser) ordinalQuarter(i int) (int, int, bool) {
	q := ordinalOf[p.word(i)]
	if p.tok(i).Kind == text.Numeral && p.tok(i).Ordinal() {
		q = p.tok(i).Number()
	}
	if q < 1 || q > 4 {
		return 0, 0, false
	}
	k := i + 1
	if p.low(k) == "-" && p.glued(k) {
		k++
	}
	if !p.is(k, "quarter") {
		return 0, 0, false
	}
	return q, k + 1, true
}

// half: "the first half of 1997", "the second half".
func (p *parser) half(i int, out *match) bool {
	if !p.is(i, "the") {
		return false
	}
	h := 0
	switch p.low(i + 1) {
	case "first":
		h = 1
	case "second", "last":
		h = 2
	default:
		return false
	}
	if !p.is(i+2, "half") {
		return false
	}
	e := expr{typ: TypeDate, half: h, fyQ: true}
	end := i + 3
	if p.is(end, "of") {
		if y, k, ok := p.yearNumber(end + 1); ok {
			e.year, e.fyQ, end = y, false, k
		} else if p.is(end+1, "the") && p.is(end+2, "year") {
			end += 3
		} else if p.is(end+1, "this", "last", "next") && p.is(end+2, "year") {
			e.rel, e.fyQ, e.hasYearShift, end = relDeictic, false, true, end+3
			e.yearShift = map[string]int{"last": -1, "this": 0, "next": 1}[p.low(end-2)]
		}
	}
	*out = match{end: end, e: e}
	return true
}

// season: "summer", "this summer", "last fall", "the summer of 2024",
// "spring 2024".
func (p *parser) season(i int, out *match) bool {
	j := i
	e := expr{typ: TypeDate}
	switch p.low(j) {
	case "this", "last", "next", "the", "past":
		j++
	}
	if p.is(j, "early", "late", "mid") {
		e.mod = map[string]string{"early": "START", "late": "END", "mid": "MID"}[p.low(j)]
		j++
		if p.low(j) == "-" {
			j++
		}
	}
	s, ok := has(seasonOf, p.word(j))
	if !ok {
		return false
	}
	if p.low(j) == "fall" && !p.is(i, "this", "last", "next", "the", "past") && !p.tok(j).Upper() {
		if _, yok := p.yearNumberAfter(j + 1); !yok {
			return false // "the fall of the regime" is handled by the "of" check; bare "fall" is a verb
		}
	}
	e.season = s
	end := j + 1
	k := end
	if p.is(k, "of") {
		k++
	}
	if y, k2, ok := p.yearNumber(k); ok {
		e.year, end = y, k2
		*out = match{end: end, e: e}
		return true
	}
	if p.is(end, "of") {
		return false // "the fall of Kabul"
	}
	switch p.low(i) {
	case "this":
		e.rel, e.unit, e.n = relDeictic, uYear, 0
	case "last", "past":
		e.rel, e.unit, e.n = relDeictic, uYear, -1
	case "next":
		e.rel, e.unit, e.n = relDeictic, uYear, 1
	default:
		e.rel = relTense
	}
	*out = match{end: end, e: e}
	return true
}

func (p *parser) yearNumberAfter(i int) (int, bool) {
	if p.is(i, "of") {
		i++
	}
	y, _, ok := p.yearNumber(i)
	return y, ok
}

// deicticDay: "today", "yesterday", "tomorrow", "tonight", "last night",
// "yesterday morning", "this morning", "this evening".
func (p *parser) deicticDay(i int, out *match) bool {
	e := expr{typ: TypeDate, rel: relDeictic, unit: uDay}
	end := i + 1
	switch p.low(i) {
	case "today":
	case "yesterday":
		e.n = -1
	case "tomorrow":
		e.n = 1
	case "tonight":
		e.part, e.typ = timeline.Night, TypeTime
	case "last":
		if !p.is(i+1, "night") {
			return false
		}
		e.n, e.part, e.typ, end = -1, timeline.Night, TypeTime, i+2
		*out = match{end: end, e: e}
		return true
	case "this":
		pd, ok := has(partOf, p.word(i+1))
		if !ok || strings.HasSuffix(p.low(i+1), "s") {
			return false
		}
		e.part, e.typ, end = pd, TypeTime, i+2
		*out = match{end: end, e: e}
		return true
	default:
		return false
	}
	if pd, ok := has(partOf, p.word(end)); ok && e.part == "" && !strings.HasSuffix(p.low(end), "s") {
		e.part, e.typ = pd, TypeTime
		end++
	}
	*out = match{end: end, e: e}
	return true
}

// relativeUnit: "last week", "this month", "next year", "last Thursday",
// "next March", "earlier this week", "the past week" (a duration), "the
// coming weeks", "the previous day".
func (p *parser) relativeUnit(i int, out *match) bool {
	j := i
	mod := ""
	switch p.low(j) {
	case "earlier", "early":
		mod, j = "START", j+1
	case "later", "late":
		mod, j = "END", j+1
	case "mid":
		mod, j = "MID", j+1
		if p.low(j) == "-" {
			j++
		}
	}
	the := false
	if p.is(j, "the") {
		the, j = true, j+1
	}
	n := 0
	switch p.low(j) {
	case "this", "current":
		n = 0
	case "last", "past", "previous":
		n = -1
	case "next", "coming", "following":
		n = 1
	default:
		return false
	}
	dir := p.low(j)
	j++
	if dir == "this" && p.is(j, "past") { // "this past spring"
		n, j = -1, j+1
	}
	// the following Saturday, the previous Friday: counted from the story's day
	if wd, k, ok := p.weekday(j); ok && the && (dir == "following" || dir == "previous" || dir == "next") {
		*out = match{end: k, e: expr{typ: TypeDate, weekday: wd, rel: relAnaphoric, unit: "WD", n: n, mod: mod}}
		return true
	}
	// last Thursday, next Monday, this Friday
	if wd, k, ok := p.weekday(j); ok && !the {
		e := expr{typ: TypeDate, weekday: wd, rel: relDeictic, unit: "WD", n: n, mod: mod}
		if pd, ok := has(partOf, p.word(k)); ok && !strings.HasSuffix(p.low(k), "s") {
			e.part, e.typ, k = pd, TypeTime, k+1
		}
		*out = match{end: k, e: e}
		return true
	}
	// last March, next January
	if mo, k, ok := p.month(j); ok && !the {
		*out = match{end: k, e: expr{typ: TypeDate, month: mo, rel: relDeictic, unit: "MO", n: n, mod: mod}}
		return true
	}
	u, ok := has(unitOf, p.word(j))
	if !ok {
		return false
	}
	plural := strings.HasSuffix(p.low(j), "s") && p.low(j) != "hours"
	if plural || p.low(j) == "hours" {
		// "the coming weeks", "the past months": an unspecified span
		if !the && dir != "coming" && dir != "past" {
			return false
		}
		*out = match{end: j + 1, e: expr{typ: TypeDuration, dur: durationValue(0, true, u), mod: mod}}
		return true
	}
	if u == uQuarter && n == 0 {
		*out = match{end: j + 1, e: expr{typ: TypeDate, qref: qrefLatest, mod: mod}}
		return true
	}
	if the && (dir == "following" || dir == "next" || dir == "previous") {
		// "the following day", "the next week", "the previous day": the narrative's
		*out = match{end: j + 1, e: expr{typ: TypeDate, rel: relAnaphoric, unit: u, n: n, mod: mod}}
		return true
	}
	if dir == "following" || dir == "coming" && !the {
		return false
	}
	if !the && dir == "past" {
		// "past decade" without an article: a span reaching the present
		*out = match{end: j + 1, e: expr{typ: TypeDuration, dur: durationValue(1, false, u), mod: mod}}
		return true
	}
	if u == uSecond || u == uMinute || u == uHour {
		return false
	}
	*out = match{end: j + 1, e: expr{typ: TypeDate, rel: relDeictic, unit: u, n: n, mod: mod}}
	return true
}

// agoLater: "two years ago", "a week ago", "three days later", "two days
// earlier", "hours later", "days later", "a year earlier".
func (p *parser) agoLater(i int, out *match) bool {
	j := i
	mod := ""
	switch {
	case p.is(j, "about", "around", "some", "roughly", "approximately", "nearly", "almost"):
		mod, j = "APPROX", j+1
	case p.is(j, "more") && p.is(j+1, "than"):
		mod, j = "MORE_THAN", j+2
	case p.is(j, "less") && p.is(j+1, "than"):
		mod, j = "LESS_THAN", j+2
	case p.is(j, "only", "just"):
		j++
	}
	n, vague, k, ok := p.quantity(j)
	if !ok {
		if _, isUnit := has(unitOf, p.word(j)); isUnit && strings.HasSuffix(p.low(j), "s") {
			n, vague, k, ok = 0, true, j, true // "days later", "years ago"
		} else {
			return false
		}
	}
	u, ok := has(unitOf, p.word(k))
	if !ok {
		return false
	}
	k++
	if p.is(k, "or") && p.is(k+1, "so") {
		k += 2 // "a week or so ago"
	}
	switch p.low(k) {
	case "ago":
		e := expr{typ: TypeDate, rel: relDeictic, unit: u, n: -n, vague: vague, ago: true, mod: mod,
			sameQuarter: u == uYear && n == 1 && !vague}
		if vague {
			e.ref = "PAST_REF"
		}
		*out = match{end: k + 1, e: e}
		return true
	case "later", "afterwards", "afterward":
		*out = match{end: k + 1, e: expr{typ: TypeDate, rel: relAnaphoric, unit: u, n: n, vague: vague, mod: mod,
			sameQuarter: u == uYear && n == 1 && !vague}}
		return true
	case "earlier", "before", "previously":
		if p.low(k) == "before" && p.followsObject(k+1) {
			return false // "two days before the vote": counted from an event, not a date
		}
		*out = match{end: k + 1, e: expr{typ: TypeDate, rel: relAnaphoric, unit: u, n: -n, vague: vague, mod: mod,
			sameQuarter: u == uYear && n == 1 && !vague}}
		return true
	case "after":
		if p.followsObject(k + 1) {
			return false
		}
		*out = match{end: k + 1, e: expr{typ: TypeDate, rel: relAnaphoric, unit: u, n: n, vague: vague, mod: mod}}
		return true
	}
	return false
}

// followsObject reports whether a noun phrase or clause starts at i (so the
// preceding "before"/"after" is a preposition with an object).
func (p *parser) followsObject(i int) bool {
	t := p.tok(i)
	if t.Kind == text.Punct || t.Kind == 0 {
		return false
	}
	return !p.is(i, "and", "or", "but", "when", "while")
}

// duration: "three years", "two weeks", "24 hours", "a few days",
// "five-year", "the past four months", "the next few days", "for years".
func (p *parser) duration(i int, out *match) bool {
	j := i
	mod := ""
	lead := 0
	switch {
	case p.is(j, "the") && p.is(j+1, "past", "last", "next", "first", "previous", "coming", "following"):
		j += 2
		lead = 2
	case p.is(j, "about", "around", "some", "roughly", "approximately", "nearly", "almost"):
		mod, j = "APPROX", j+1
	case p.is(j, "more", "over") && p.is(j+1, "than"):
		mod, j = "MORE_THAN", j+2
	case p.is(j, "less", "fewer") && p.is(j+1, "than"):
		mod, j = "LESS_THAN", j+2
	case p.is(j, "at") && p.is(j+1, "least"):
		mod, j = "EQUAL_OR_MORE", j+2
	case p.is(j, "up") && p.is(j+1, "to"):
		mod, j = "EQUAL_OR_LESS", j+2
	case p.is(j, "within"):
		mod, j = "EQUAL_OR_LESS", j+1
	case p.is(j, "past", "last", "recent", "coming") && !p.is(j-1, "the"):
		j++
		lead = 1
	}
	n, vague, k, ok := p.quantity(j)
	if !ok {
		u, isUnit := has(unitOf, p.word(j))
		plural := isUnit && strings.HasSuffix(p.low(j), "s")
		switch {
		case plural && lead > 0:
			// "the past months", "recent years", "coming weeks"
			*out = match{end: j + 1, e: expr{typ: TypeDuration, dur: durationValue(0, true, u), mod: mod}}
			return true
		case plural && j == i && p.low(j+1) == "-" && p.is(j+2, "long"):
			*out = match{end: j + 3, e: expr{typ: TypeDuration, dur: durationValue(0, true, u)}}
			return true
		case plural && j == i && p.is(j-1, "for", "within", "over") && p.tok(j+1).Kind != text.Alpha:
			// "for weeks", "within weeks"
			*out = match{end: j + 1, e: expr{typ: TypeDuration, dur: durationValue(0, true, u)}}
			return true
		case plural && j == i && p.is(j-1, "for", "within", "over") && !p.nounAt(j+1):
			*out = match{end: j + 1, e: expr{typ: TypeDuration, dur: durationValue(0, true, u)}}
			return true
		}
		return false
	}
	if p.is(k, "to", "or", "-") && !vague {
		if _, v2, k2, ok := p.quantity(k + 1); ok && !v2 {
			if _, isUnit := has(unitOf, p.word(k2)); isUnit {
				k = k2 // "two to three weeks": the lower bound
			}
		}
	}
	half := false
	if p.tok(k).Kind == text.Numeral && p.tok(k).Number() == 1 && p.low(k+1) == "/" && p.tok(k+2).Number() == 2 && p.glued(k+1) {
		half, k = true, k+3 // 2 1/2 years
	}
	if p.is(k, "more", "full", "straight", "consecutive", "long") {
		k++ // "two more weeks"
	}
	adjectival := false
	if p.low(k) == "-" && p.glued(k) && p.glued(k+1) {
		k++ // "five-year", "12-day"
		adjectival = true
	}
	u, ok := has(unitOf, p.word(k))
	if !ok {
		return false
	}
	if u == uSecond && p.is(k, "second") && (p.nounAt(k+1) || p.tok(k+1).Kind == text.Alpha && p.tok(k+1).Upper()) {
		return false // "a second group": an ordinal
	}
	if adjectival && strings.HasSuffix(p.low(k), "s") {
		return false
	}
	if p.tok(j).Kind == text.Numeral && p.tok(j).Number() > 1 && !strings.HasSuffix(p.low(k), "s") && !adjectival && p.low(k-1) != "-" {
		// "5 year" without a plural reads as an adjective ("a five year low") and is a duration too
		adjectival = true
	}
	end := k + 1
	if p.is(end, "ago", "later", "earlier", "afterwards", "afterward") {
		return false // agoLater
	}
	if p.is(end, "old") || (p.low(end) == "-" && p.is(end+1, "old")) {
		return false // "a 6-year-old", "five years old": an age, not a time
	}
	if p.is(end, "and") && p.is(end+1, "a") && p.is(end+2, "half") {
		half, end = true, end+3 // a minute and a half
	}
	e := expr{typ: TypeDuration, dur: durationValue(n, vague, u), mod: mod}
	if half && !vague {
		e.dur = halfDuration(n, u)
	}
	*out = match{end: end, e: e}
	return true
}

// halfDuration writes n and a half units: P2Y6M, PT1M30S.
func halfDuration(n int, u unit) string {
	switch u {
	case uYear:
		return "P" + strconv.Itoa(n) + "Y6M"
	case uDay:
		return "P" + strconv.Itoa(n) + "DT12H"
	case uHour:
		return "PT" + strconv.Itoa(n) + "H30M"
	case uMinute:
		return "PT" + strconv.Itoa(n) + "M30S"
	case uMonth:
		return "P" + strconv.Itoa(n) + "M15D"
	}
	return durationValue(n, false, u)
}

// durationValue writes a TIMEX3 duration: P3Y, PT24H, PXD.
func durationValue(n int, vague bool, u unit) string {
	amount := strconv.Itoa(n)
	if vague {
		amount = "X"
	}
	switch u {
	case uSecond:
		return "PT" + amount + "S"
	case uMinute:
		return "PT" + amount + "M"
	case uHour:
		return "PT" + amount + "H"
	case uDecade:
		if !vague {
			return "P" + strconv.Itoa(10*n) + "Y"
		}
		return "PXE"
	case uCentury:
		if !vague {
			return "P" + strconv.Itoa(100*n) + "Y"
		}
		return "PXC"
	case uWeekend:
		return "P" + amount + "WE"
	}
	return "P" + amount + string(u)
}

// set: "every week", "each year", "daily", "annually", "every Monday".
func (p *parser) set(i int, out *match) bool {
	if u, ok := has(unitlyOf, p.word(i)); ok {
		if p.low(i) == "annual" || p.nounAt(i+1) {
			return false // "quarterly dividend", "daily volume": an adjective
		}
		*out = match{end: i + 1, e: expr{typ: TypeSet, dur: durationValue(1, false, u)}}
		return true
	}
	// "$2 million a year", "four flights a week", "24 hours a day"
	if p.is(i, "a", "per") && !p.is(i+2, "ago", "later", "earlier", "before", "after") {
		if u, ok := has(unitOf, p.word(i+1)); ok && !strings.HasSuffix(p.low(i+1), "s") {
			prev := p.tok(i - 1)
			if prev.Kind == text.Numeral || p.low(i-1) == "million" || p.low(i-1) == "billion" || p.low(i-1) == "%" ||
				(prev.Kind == text.Alpha && len(p.name(i-1)) > 3 && strings.HasSuffix(p.name(i-1), "s") && !p.is(i-1, "was", "has", "is", "this", "its", "as")) {
				*out = match{end: i + 2, e: expr{typ: TypeSet, dur: durationValue(1, false, u)}}
				return true
			}
		}
	}
	if !p.is(i, "every", "each", "per") {
		return false
	}
	j := i + 1
	n := 1
	if p.is(j, "other") {
		n, j = 2, j+1
	} else if q, vague, k, ok := p.quantity(j); ok && !vague && p.low(j) != "a" {
		n, j = q, k
	}
	if u, ok := has(unitOf, p.word(j)); ok {
		*out = match{end: j + 1, e: expr{typ: TypeSet, dur: durationValue(n, false, u)}}
		return true
	}
	if wd, k, ok := p.weekday(j); ok {
		*out = match{end: k, e: expr{typ: TypeSet, dur: "XXXX-WXX-" + strconv.Itoa(wd)}}
		return true
	}
	if mo, k, ok := p.month(j); ok {
		*out = match{end: k, e: expr{typ: TypeSet, dur: "XXXX-" + pad2(mo)}}
		return true
	}
	if pd, ok := has(partOf, p.word(j)); ok {
		*out = match{end: j + 1, e: expr{typ: TypeSet, dur: "TXX" + string(pd)}}
		return true
	}
	return false
}

// nounAt reports whether token i looks like a noun that an adjective
// before it would modify: a lower-case word that is not a function word.
func (p *parser) nounAt(i int) bool {
	t := p.tok(i)
	if t.Kind != text.Alpha || t.Upper() {
		return false
	}
	switch p.low(i) {
	case "and", "or", "but", "in", "on", "at", "to", "for", "from", "by", "with", "since", "until",
		"the", "a", "an", "of", "as", "than", "that", "which", "who", "while", "when", "through",
		"basis", "is", "are", "was", "were", "will", "would", "said", "says":
		return false
	}
	return true
}

// reference: "now", "currently", "recently", "the past", "the future".
func (p *parser) reference(i int, out *match) bool {
	switch p.low(i) {
	case "now":
		*out = match{end: i + 1, e: expr{typ: TypeDate, ref: "PRESENT_REF"}}
		return true
	case "currently", "nowadays", "presently":
		*out = match{end: i + 1, e: expr{typ: TypeDate, ref: "PRESENT_REF"}}
		return true
	case "recently", "lately", "previously", "formerly":
		*out = match{end: i + 1, e: expr{typ: TypeDate, ref: "PAST_REF"}}
		return true
	case "soon":
		if p.is(i-1, "as") || p.is(i+1, "after") {
			return false // "as soon as", "soon after": a conjunction
		}
		*out = match{end: i + 1, e: expr{typ: TypeDate, ref: "FUTURE_REF"}}
		return true
	case "these":
		if p.is(i+1, "days") {
			*out = match{end: i + 2, e: expr{typ: TypeDate, ref: "PRESENT_REF"}}
			return true
		}
	case "the":
		switch p.low(i + 1) {
		case "past":
			if _, ok := has(unitOf, p.word(i+2)); ok {
				return false
			}
			if _, _, _, ok := p.quantity(i + 2); ok {
				return false
			}
			*out = match{end: i + 2, e: expr{typ: TypeDate, ref: "PAST_REF"}}
			return true
		case "future":
			if p.is(i+2, "of") {
				return false // "the future of NATO" is a topic
			}
			*out = match{end: i + 2, e: expr{typ: TypeDate, ref: "FUTURE_REF"}}
			return true
		case "present":
			*out = match{end: i + 2, e: expr{typ: TypeDate, ref: "PRESENT_REF"}}
			return true
		case "near", "foreseeable", "distant":
			if p.is(i+2, "future") {
				*out = match{end: i + 3, e: expr{typ: TypeDate, ref: "FUTURE_REF"}}
				return true
			}
			if p.is(i+1, "near") && p.is(i+2, "term") {
				*out = match{end: i + 3, e: expr{typ: TypeDate, ref: "FUTURE_REF"}}
				return true
			}
		case "short":
			if p.is(i+2, "term") {
				*out = match{end: i + 3, e: expr{typ: TypeDate, ref: "FUTURE_REF"}}
				return true
			}
		case "weekend":
			// "over the weekend": the last one in a past clause, the next in a future one
			*out = match{end: i + 2, e: expr{typ: TypeDate, weekend: true}}
			return true
		}
	}
	return false
}

// clock: "9 a.m.", "6:31 p.m.", "21:40", "noon", "midnight". The hour and
// minute are read with when's clock rules.
func (p *parser) clock(i int, out *match) bool {
	if p.is(i-1, "high") {
		return false // "high noon"
	}
	switch p.low(i) {
	case "noon", "midday":
		*out = match{end: i + 1, e: expr{typ: TypeTime, hour: 12, clock: true, minutes: true}}
		return true
	case "midnight":
		*out = match{end: i + 1, e: expr{typ: TypeTime, hour: 24, clock: true}}
		return true
	}
	t := p.tok(i)
	if t.Kind != text.Numeral || t.Digits() > 2 || t.Ordinal() {
		return false
	}
	end := i + 1
	hasMinutes := false
	if (p.low(end) == ":" || p.low(end) == ".") && p.glued(end) && p.tok(end+1).Kind == text.Numeral && p.tok(end+1).Digits() == 2 && p.glued(end+1) {
		hasMinutes = true
		end += 2
	}
	ampm := 0
	switch p.low(end) {
	case "am", "pm":
		ampm = 1
	case "a", "p":
		if p.low(end+1) == "." && p.glued(end+1) && p.is(end+2, "m") {
			ampm = 3
			if p.low(end+3) == "." && p.glued(end+3) {
				ampm = 4
			}
		}
	}
	if ampm == 0 && (!hasMinutes || p.low(i+1) != ":") {
		return false
	}
	end += ampm
	h, m, ok := clockOf(p.text[t.Start:p.tok(end-1).End])
	if !ok {
		return false
	}
	e := expr{typ: TypeTime, hour: h, minute: m, clock: true, minutes: hasMinutes}
	// a time zone: "6:31 p.m. ET", "21:40 SGT", "14:05 GMT+1", "15:35
	// Indian time", "3 a.m. local time"
	if z, k, ok := p.zoneAt(end); ok {
		e.zone, end = z, k
	}
	// the same time in GMT after it gives the offset: "10:35 a.m. (0735
	// GMT)"; the reading resumes after it
	resume := end
	if gmt, k, ok := p.gmtAside(end); ok {
		if !e.zone.known() {
			e.zone = fixedZone(offsetBetween(60*e.hour+e.minute, gmt))
		}
		resume = k
	}
	*out = match{end: end, resume: resume, e: e}
	return true
}

// gmtAside reads "(0735 GMT)" or "(07:35 GMT)" at i: the minute of the
// day in UTC, and the token after the parenthesis.
func (p *parser) gmtAside(i int) (int, int, bool) {
	if p.low(i) != "(" {
		return 0, i, false
	}
	n := p.tok(i + 1)
	h, m, k := 0, 0, i+2
	switch {
	case n.Kind == text.Numeral && n.Digits() == 4:
		h, m = n.Number()/100, n.Number()%100
	case p.clockAt(i + 1):
		h, m, k = n.Number(), p.tok(i+3).Number(), i+4
	default:
		return 0, i, false
	}
	if !p.is(k, "gmt", "utc") || p.low(k+1) != ")" || h > 23 || m > 59 {
		return 0, i, false
	}
	return 60*h + m, k + 2, true
}

// offsetBetween is the offset of a zone whose clock reads local minutes
// of the day when UTC reads utc, between -12:00 and +14:00.
func offsetBetween(local, utc int) int {
	off := local - utc
	for off <= -12*60 {
		off += 24 * 60
	}
	for off > 14*60 {
		off -= 24 * 60
	}
	return off
}

// partOfDay: "that evening", "the same day", "that week", "the day
// before", "overnight". "The morning of June 21" is handled by modified.
func (p *parser) partOfDay(i int, out *match) bool {
	if p.is(i, "overnight") {
		*out = match{end: i + 1, e: expr{typ: TypeTime, part: timeline.Night, rel: relDeictic, unit: uDay}}
		return true
	}
	j := i
	switch {
	case p.is(j, "that") && p.is(j+1, "same"):
		j += 2
	case p.is(j, "the") && p.is(j+1, "same"):
		j += 2
	case p.is(j, "that"):
		j++
	case p.is(j, "the"):
		// "the morning" alone: a part of the day the story is at
		if pd, ok := has(partOf, p.word(j+1)); ok && !strings.HasSuffix(p.low(j+1), "s") && !p.is(j+2, "of") {
			*out = match{end: j + 2, e: expr{typ: TypeTime, part: pd, rel: relAnaphoric, unit: uDay}}
			return true
		}
		// "the early hours" alone
		if p.is(j+1, "early", "small", "wee") && p.is(j+2, "hours") && !p.is(j+3, "of") {
			*out = match{end: j + 3, e: expr{typ: TypeTime, part: timeline.EarlyHours, rel: relAnaphoric, unit: uDay, mod: "START"}}
			return true
		}
		if p.is(j+1, "day", "night") && p.is(j+2, "before", "after") && !p.followsObject(j+3) {
			n := 1
			if p.is(j+2, "before") {
				n = -1
			}
			*out = match{end: j + 3, e: expr{typ: TypeDate, rel: relAnaphoric, unit: uDay, n: n}}
			return true
		}
		return false
	default:
		return false
	}
	if pd, ok := has(partOf, p.word(j)); ok && !strings.HasSuffix(p.low(j), "s") {
		*out = match{end: j + 1, e: expr{typ: TypeTime, part: pd, rel: relAnaphoric, unit: uDay}}
		return true
	}
	if u, ok := has(unitOf, p.word(j)); ok && !strings.HasSuffix(p.low(j), "s") && u != uHour && u != uMinute && u != uSecond {
		*out = match{end: j + 1, e: expr{typ: TypeDate, rel: relAnaphoric, unit: u}}
		return true
	}
	return false
}

// dawn: "at dawn", "by daybreak", "before dawn", "pre-dawn", "predawn":
// dawn, or the early hours before it, of the day the story is at, or of
// the day it is joined to ("at dawn on Saturday", "Saturday before
// dawn"). Alone, "dawn" is a time only after a preposition: "the dawn of
// a new era" is none.
func (p *parser) dawn(i int, out *match) bool {
	part, end := timeline.Dawn, 0
	switch {
	case p.predawn(i) > 0:
		part, end = timeline.EarlyHours, p.predawn(i)
		switch {
		case p.is(end, "hours") && !p.is(end+1, "of"):
			end++ // "in the pre-dawn hours" (with "of", modified reads it)
		case p.nounAt(end) && !p.is(end, "hours"):
			return false // "a pre-dawn raid": it dates the raid only with a day
		}
	case p.is(i, "dawn", "daybreak", "sunrise") && p.is(i-1, "at", "by", "until", "till", "from", "after", "around", "near", "before"):
		end = i + 1
		if p.is(i-1, "before") {
			part = timeline.EarlyHours
		}
	default:
		return false
	}
	*out = match{end: end, e: expr{typ: TypeTime, part: part, rel: relAnaphoric, unit: uDay}}
	return true
}

// predawn returns the end of "pre-dawn" or "predawn" at i, or 0.
func (p *parser) predawn(i int) int {
	switch {
	case p.is(i, "predawn"):
		return i + 1
	case p.is(i, "pre") && p.low(i+1) == "-" && p.glued(i+1) && p.is(i+2, "dawn"):
		return i + 3
	}
	return 0
}

// modified: an expression with a leading modifier that belongs to it:
// "early on Tuesday", "late Friday", "the end of the year", "mid-June",
// "the morning of June 21", "the early hours of Saturday".
func (p *parser) modified(i int, out *match) bool {
	j := i
	mod := ""
	part := timeline.PartOfDay("")
	switch {
	case p.is(j, "early", "earlier"):
		mod, j = "START", j+1
	case p.is(j, "late", "later"):
		mod, j = "END", j+1
	case p.is(j, "mid"):
		mod, j = "MID", j+1
		if p.low(j) == "-" {
			j++
		}
	case p.is(j, "the", "at", "by") && p.is(j+1, "end", "beginning", "start", "middle") && p.is(j+2, "of"):
		mod = map[string]string{"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[p.low(j+1)]
		j += 3
	case p.is(j, "the") && p.is(j+1, "early", "small", "wee") && p.is(j+2, "hours") && p.is(j+3, "of"):
		mod, part, j = "START", timeline.EarlyHours, j+4
	case p.is(j, "the") && p.predawn(j+1) > 0 && p.is(p.predawn(j+1), "hours") && p.is(p.predawn(j+1)+1, "of"):
		part, j = timeline.EarlyHours, p.predawn(j+1)+2 // "the pre-dawn hours of Saturday"
	case p.is(j, "the") && p.is(j+1, "morning", "afternoon", "evening", "night") && p.is(j+2, "of"):
		part, j = partOf[p.word(j+1)], j+3
	case p.is(j, "the") && p.is(j+1, "first", "last") && p.is(j+2, "week", "day") && p.is(j+3, "of"):
		mod, j = map[string]string{"first": "START", "last": "END"}[p.low(j+1)], j+4
	default:
		return false
	}
	if p.is(j, "on", "in") && mod != "" && !p.is(j-1, "of") {
		j++ // "late on Friday", "early in the year"
	}
	if p.is(j, "the") && p.is(j+1, "year", "month", "week", "day") && !p.is(j+2, "before", "after") {
		e := expr{typ: TypeDate, rel: relAnaphoric, unit: unitOf[p.word(j+1)], mod: mod}
		if p.is(j+1, "year") || p.is(j+1, "month") {
			e.rel = relDeictic // "the end of the year": this year
		}
		*out = match{end: j + 2, e: e}
		return true
	}
	m, ok := p.parseAt(j)
	if !ok {
		return false
	}
	switch m.e.typ {
	case TypeDate, TypeTime:
	default:
		return false
	}
	if m.e.mod == "" {
		m.e.mod = mod
	}
	if part != "" && (m.e.day > 0 || m.e.weekday > 0 || m.e.rel == relDeictic) {
		m.e.part, m.e.typ = part, TypeTime
	}
	// "late on Friday" keeps the day; "late Friday night" keeps the part
	*out = match{end: m.end, e: m.e}
	return true
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
