package timex

import (
	"sort"
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/text"
)

// A word's classes in the lexicon, as bits.
const (
	// wStart: an expression can begin with the word.
	wStart uint32 = 1 << iota
	// wAnchor: the word names time by itself (a month, a unit, a number,
	// "yesterday"); every expression holds one, so the grammar runs only
	// near anchors.
	wAnchor
	// wHoliday: the first word of a holiday's name, which counts only
	// when capitalised.
	wHoliday
	// wTense: a word that may say the tense of its clause ("will",
	// "said", "would", "to"); see cue.
	wTense
	// wBreak: punctuation that ends a clause.
	wBreak
	// wNumber: a number in words ("two", "nineteen").
	wNumber
	// wGlue: a word that stands between a modifier and what it modifies:
	// "of" in "the end of the year", "than" in "more than".
	wGlue
	// wStop: a full stop, question or exclamation mark, which may end a
	// sentence.
	wStop
	// wUnit: a unit of time ("days", "year").
	wUnit
	// wAgain: a token classify reads again (see firstByteClass).
	wAgain
	// Words some rules need a few tokens on: months, weekdays, seasons,
	// parts of the day, "century", "half", the words of quarters
	// ("quarter", "period", "Q3", "year-ago"), and of decades ("nineties",
	// the "s" of "1990s", four-digit numbers and the "'" of "'90s").
	wMonth
	wWeekday
	wSeason
	wPart
	wCentury
	wHalf
	wQuarter
	wDecade
)

// modifiers can begin an expression but name no time by themselves:
// "the", "last", "more than", "early". An expression that starts with one
// holds an anchor further on (see candidate).
var modifiers = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "last": true, "next": true, "coming": true,
	"previous": true, "following": true, "that": true, "same": true, "early": true, "late": true,
	"mid": true, "end": true, "beginning": true, "start": true, "middle": true, "earlier": true,
	"later": true, "every": true, "each": true, "about": true, "around": true, "nearly": true,
	"almost": true, "approximately": true, "roughly": true, "more": true, "less": true, "at": true,
	"over": true, "some": true, "recent": true, "fiscal": true, "up": true, "within": true,
	"these": true, "once": true, "first": true, "second": true, "third": true, "fourth": true,
	"few": true, "several": true, "many": true, "couple": true, "dozens": true, "numerous": true,
	"hundreds": true, "thousands": true, "pre": true,
}

// anchorsOnly are words that anchor an expression without starting one:
// "the near term".
var anchorsOnly = []string{"term"}

// glueWords stand between an expression's first word and its anchor (and
// so do the punctuation marks "-", "/" and ",", see classify).
var glueWords = []string{
	"of", "than", "to", "on", "in", "least", "near", "foreseeable", "distant", "short", "small",
	"wee", "handful", "latest", "current", "or", "so", "full", "straight", "consecutive", "long", "other",
	"'s",
}

// lexicon is the vocabulary of the grammar, which the scan looks every
// word up in as it reads it (text.AppendLexemes), so that a token comes
// out of the scan knowing its word; wordClasses and wordRules are each word's classes and
// the rules it can start (bit k: grammar[k]), by its id. They are built
// with the grammar (see init).
var (
	lexicon     *text.Lexicon
	vocabulary  []string // the lexicon's words by id
	wordClasses []uint32
	wordRules   []uint32
)

func newLexicon() {
	words := map[string]uint32{}
	for w := range startWords {
		c := wStart
		switch _, number := numberWords[w]; {
		case number:
			c |= wNumber // "two": an anchor only with a unit, or as a year in words
		case !modifiers[w]:
			c |= wAnchor
		}
		words[w] |= c
	}
	for _, w := range anchorsOnly {
		words[w] |= wAnchor
	}
	for _, w := range glueWords {
		words[w] |= wGlue
	}
	for w := range units {
		words[w] |= wUnit
	}
	for _, set := range []map[string]int{months, monthAbbrevs} {
		for w := range set {
			words[w] |= wMonth
		}
	}
	for _, set := range []map[string]int{weekdays, weekdayAbbrevs} {
		for w := range set {
			words[w] |= wWeekday
		}
	}
	for w := range seasons {
		words[w] |= wSeason
	}
	for w := range parts {
		words[w] |= wPart
	}
	for _, w := range []string{"hours", "dawn", "predawn", "overnight"} {
		words[w] |= wPart // "the early hours", "the pre-dawn hours of", "overnight"
	}
	words["century"] |= wCentury
	words["half"] |= wHalf
	for _, w := range []string{"quarter", "quarters", "period", "q1", "q2", "q3", "q4", "ago", "earlier"} {
		words[w] |= wQuarter
	}
	for w := range decadeWords {
		words[w] |= wDecade
	}
	words["s"] |= wDecade
	words["'s"] |= wDecade
	for w := range holidayStarts {
		words[w] |= wHoliday | wAgain // a start only when capitalised
	}
	for _, set := range []map[string]bool{futureCues, pastCues, irregularPast, contextCues} {
		for w := range set {
			words[w] |= wTense
		}
	}
	starts := ruleStarts()
	for w := range starts {
		words[w] |= 0
	}
	for _, w := range grammarVocabulary() {
		if isASCII(w) { // "türkiye" is read by placeAt
			words[w] |= 0
		}
	}
	list := make([]string, 0, len(words))
	for w := range words {
		list = append(list, w)
	}
	sort.Strings(list) // the same ids on every start
	var err error
	if lexicon, err = text.NewLexicon(list); err != nil {
		panic("timex: " + err.Error())
	}
	vocabulary = make([]string, lexicon.Len()+1)
	for id := range vocabulary {
		vocabulary[id] = lexicon.Word(uint16(id))
	}
	newTables()
	wordClasses = make([]uint32, lexicon.Len()+1)
	wordRules = make([]uint32, lexicon.Len()+1)
	for w, c := range words {
		id := lexicon.ID(w)
		wordClasses[id], wordRules[id] = c, starts[w]
	}
}

// The grammar's tables by word id, so that a rule reads a token's month,
// unit or number with no lookup: 0 or "" for a word that has none.
var (
	monthOf, monthAbbrevOf, weekdayOf, weekdayAbbrevOf []int
	numberOf, ordinalOf, decadeOf                      []int
	unitOf, unitlyOf                                   []unit
	partOf                                             []timeline.PartOfDay
	seasonOf                                           []timeline.Season
	vagueOf                                            []bool
)

// byID lays a table of words out by their ids in the lexicon.
func byID[V any](table map[string]V) []V {
	out := make([]V, lexicon.Len()+1)
	for w, v := range table {
		if id := lexicon.ID(w); id != 0 {
			out[id] = v
		}
	}
	return out
}

func newTables() {
	monthOf, monthAbbrevOf = byID(months), byID(monthAbbrevs)
	weekdayOf, weekdayAbbrevOf = byID(weekdays), byID(weekdayAbbrevs)
	numberOf, ordinalOf, decadeOf = byID(numberWords), byID(ordinalWords), byID(decadeWords)
	unitOf, unitlyOf = byID(units), byID(unitly)
	partOf, seasonOf, vagueOf = byID(parts), byID(seasons), byID(vagueNumbers)
}

// has returns a word's entry in a table, and whether it has one.
func has[V comparable](table []V, id uint16) (V, bool) {
	var zero V
	return table[id], table[id] != zero
}

// word returns the lexicon's id of token i, 0 for none.
func (p *parser) word(i int) uint16 {
	if uint(i) < uint(len(p.toks)) {
		return p.toks[i].Word
	}
	return 0
}

// grammarVocabulary is every other word the grammar reads: in its tables
// and its rules, and holidays. (Places and zones' names are read by
// name, after a clock time only: they are no words of the lexicon, which
// they would swell.)
func grammarVocabulary() []string {
	var out []string
	for _, set := range []map[string]bool{futureBeforeTo, pastPlans, causeWords, refusals, reportingVerbs} {
		out = append(out, words(set)...)
	}
	out = append(out, words(months, monthAbbrevs, weekdays, weekdayAbbrevs, numberWords, ordinalWords, decadeWords)...)
	out = append(out, plurals(weekdays)...)
	out = append(out, words(units, unitly)...)
	for _, names := range [][]string{words(holidays)} {
		for _, name := range names {
			out = append(out, strings.Fields(strings.ReplaceAll(name, "'s", " 's"))...)
		}
	}
	for w := range parts {
		out = append(out, w)
	}
	for w := range seasons {
		out = append(out, w)
	}
	return append(out, strings.Fields(grammarWords)...)
}

// classify returns the classes of each token (numbers anchor; an
// apostrophe may start "'90s"; a holiday's first word starts and anchors
// only when capitalised), and the tokens that can start an expression,
// the only ones the grammar looks at first.
//
// A token's class is its word's, or its first byte's for a number or a
// mark: one way through for nearly every token, since a branch a token
// the processor cannot foresee costs more than the rest.
func classify(s string, toks []text.Lexeme, dst []uint32, starts []int32) ([]uint32, []int32) {
	if cap(dst) < len(toks) {
		dst = make([]uint32, len(toks))
	}
	dst = dst[:len(toks)]
	if cap(starts) < len(toks) {
		starts = make([]int32, len(toks))
	}
	starts = starts[:len(toks)]
	n := 0
	for i := range toks {
		t := &toks[i]
		c := wordClasses[t.Word] | firstByteClass[s[t.Start]]
		if c&wAgain != 0 {
			c = classOf(s, t)
		}
		dst[i] = c
		starts[n] = int32(i)
		n += int(c & wStart) // wStart is bit 0: a start is kept, no branch
	}
	return dst, starts[:n]
}

// firstByteClass is the class a token has by its first byte: a digit
// starts a number, ASCII punctuation is a mark of its own. wAgain marks
// the tokens classOf reads again: numbers (four digits may be a
// decade), apostrophes (a contraction is a word, a mark may start
// "'90s"), letters outside ASCII and marks folded to ASCII ones.
var firstByteClass = func() (t [256]uint32) {
	for c := range t {
		switch {
		case c >= '0' && c <= '9':
			t[c] = wStart | wAnchor | wAgain
		case c == '\'', c >= 0x80:
			t[c] = wAgain
		case c == '.', c == '!', c == '?':
			t[c] = wBreak | wStop
		case c == ';', c == '(', c == ')', c == ':':
			t[c] = wBreak
		case c == '-', c == '/', c == ',':
			t[c] = wGlue
		}
	}
	return t
}()

// classOf is the class of a token that its first byte does not settle.
func classOf(s string, t *text.Lexeme) uint32 {
	switch t.Kind {
	case text.Alpha:
		c := wordClasses[t.Word]
		if c&wHoliday != 0 && t.Upper() {
			c |= wStart | wAnchor
		}
		return c
	case text.Numeral:
		if t.Digits() == 4 {
			return wStart | wAnchor | wDecade // "the 1990s"
		}
		return wStart | wAnchor
	}
	switch text.FoldPunct(s[t.Start:t.End]) {
	case "'":
		return wStart | wDecade // "'90s"
	case "—":
		return wBreak
	case "-":
		return wGlue
	}
	return 0
}

// candidate reports whether an expression may start at token i: the
// token can begin one, and it anchors it, or an anchor follows through a
// chain of modifiers, numbers and glue words ("at the end of the year",
// "more than a few days", "two weeks"). Two numbers in words in a row
// may be a year ("nineteen ninety-six"). The grammar runs only there.
func (p *parser) candidate(i int) bool {
	c := p.cls[i]
	switch {
	case c&wStart == 0:
		return false
	case c&wAnchor != 0:
		return true
	case p.toks[i].Kind == text.Punct: // "'90s"
		return p.tok(i+1).Kind == text.Numeral && p.tok(i+1).Digits() == 2 && p.glued(i+1)
	}
	for k := i + 1; k < len(p.cls) && k <= i+maxChain; k++ {
		switch c := p.cls[k]; {
		case c&wAnchor != 0:
			return true
		case c&wNumber != 0 && p.cls[k-1]&wNumber != 0:
			return true
		case c&(wStart|wGlue) == 0:
			return false
		}
	}
	return false
}

// maxChain bounds the chain of modifiers before an anchor.
const maxChain = 12

// holidayFirstWords are the first words of holiday names.
func holidayFirstWords() map[string]bool {
	m := map[string]bool{}
	for name := range holidays {
		m[strings.Fields(strings.ReplaceAll(name, "'s", " 's"))[0]] = true
	}
	return m
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
