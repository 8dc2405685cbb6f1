package extract

import (
	"github.com/dateline/dateline/timeline/extract/lexicon"
	"github.com/dateline/dateline/timeline/extract/text"
)

// chunkKind says what a chunk of a sentence is.
type chunkKind uint8

const (
	kNP    chunkKind = iota // a noun phrase: "the Ukrainian port", "Iran's nuclear sites"
	kVP                     // a verb group: "has not signed", "was struck", "will meet"
	kPrep                   // a preposition: "of", "on", "against"
	kDate                   // a date expression: "on Thursday" is kPrep + kDate
	kSub                    // "that" (after a verb), "when", "because", "although"
	kRel                    // "who", "which", "that" (after a noun)
	kConj                   // "and", "or", "but"
	kComma                  // ","
	kStop                   // ";" or ":"
	kOpen                   // "(" or a dash that opens an aside
	kClose                  // ")" or the dash that closes it
	kQuote                  // a quotation mark
	kAdv                    // "also", "reportedly"
	kTo                     // the infinitive "to"
	kOther                  // anything else
)

// chunk is a run of words [i, j) that the clause reader takes as one.
type chunk struct {
	kind chunkKind
	i, j int
	head int // the head word: an NP's noun, a VP's main verb
	// for verb groups
	finite, passive, negated, perfect bool
	modal                             string
	// for noun phrases: a date inside it ("the Aug. 7 bombings"), or -1
	date int
	// joined marks a place and its country in one phrase: "Nairobi, Kenya"
	joined bool
}

// chunks groups the words of a sentence into noun phrases, verb groups
// and the words between them.
func (a *analysis) chunks(s *sentence) []chunk {
	ws := a.words
	// the chunks of a sentence live until the next is read: one buffer
	out := a.chunkBuf[:0]
	defer func() { a.chunkBuf = out[:0] }()
	dashes := 0
	for i := s.w0 + s.skip; i < s.w1; {
		w := ws[i]
		c := chunk{i: i, j: i + 1, head: i, date: -1}
		switch w.tag {
		case tDate:
			c.kind = kDate
			for c.j < s.w1 && ws[c.j].tag == tDate && ws[c.j].date == w.date {
				c.j++
			}
			if a.npAfterDate(s, c.j, false) {
				c = a.nounPhrase(s, i)
			}
		case tNoun, tName, tNum, tDet, tPoss, tPron:
			c = a.nounPhrase(s, i)
			if q := a.quantifier(s, i); q > i {
				c = a.nounPhrase(s, q)
				c.i = i
			}
		case tAdv:
			c.kind = kAdv
			switch {
			case i+1 < s.w1 && (ws[i+1].tag == tVerb || ws[i+1].tag == tModal || ws[i+1].tag == tBe || ws[i+1].tag == tHave):
				c = a.verbGroup(s, i)
			case i+1 < s.w1 && ws[i+1].tag == tNum:
				c = a.nounPhrase(s, i) // "about 100 exiles"
			case a.quantifier(s, i) > i:
				c = a.nounPhrase(s, a.quantifier(s, i))
				c.i = i
			}
		case tVerb, tBe, tHave, tDo, tModal, tNeg:
			c = a.verbGroup(s, i)
		case tPrep:
			c.kind = kPrep
			if q := a.quantifier(s, i); q > i {
				c = a.nounPhrase(s, q)
				c.i = i
			}
		case tSub:
			c.kind = kSub
		case tRel:
			c.kind = kRel
		case tConj:
			c.kind = kConj
		case tTo:
			c.kind = kTo
		case tPunct:
			switch w.Low {
			case ",":
				c.kind = kComma
			case ";", ":":
				c.kind = kStop
			case "(", "[":
				c.kind = kOpen
			case ")", "]":
				c.kind = kClose
			case "—", "--":
				if dashes%2 == 0 {
					c.kind = kOpen
				} else {
					c.kind = kClose
				}
				dashes++
			case "\"", "'", "`":
				c.kind = kQuote
			case "$", "€", "£", "¥":
				// "$500 million": money is a noun phrase
				if i+1 < s.w1 && ws[i+1].tag == tNum {
					c = a.nounPhrase(s, i+1)
					c.i = i
				} else {
					c.kind = kOther
				}
			default:
				c.kind = kOther
			}
		default:
			c.kind = kOther
		}
		if c.j <= i {
			c.j = i + 1
		}
		if n := len(out); c.kind == kNP && n >= 2 && out[n-1].kind == kComma && out[n-2].kind == kNP && a.inPlace(s, out[n-2], c) {
			// "Nairobi, Kenya", "Birmingham, Ala.": one place
			out[n-2].j, out[n-2].joined = c.j, true
			out = out[:n-1]
			i = c.j
			continue
		}
		out = append(out, c)
		i = c.j
	}
	return out
}

// inPlace reports whether noun phrase c names the country or region that
// the place ending noun phrase prev is in.
func (a *analysis) inPlace(s *sentence, prev, c chunk) bool {
	pm, cm := a.words[prev.j-1].ment, a.words[c.i].ment
	if pm < 0 || cm < 0 || pm == cm {
		return false
	}
	p, m := &s.mentions[pm], &s.mentions[cm]
	return p.j == prev.j && m.i == c.i && m.j == c.j && (p.kind == mPlace || p.kind == mSeat) &&
		(m.kind == mCountry || m.kind == mPlace) && m.country != "" && m.country == p.country
}

// quantifier returns where the number starts after "more than", "at
// least", "up to" or "as many as" at i ("more than 2,000 Catholic
// protesters"), or i.
func (a *analysis) quantifier(s *sentence, i int) int {
	ws := a.words
	at := func(k int, w string) bool { return k < s.w1 && ws[k].Low == w }
	if at(i, "well") && i+1 < s.w1 && approx[ws[i+1].Low] {
		i++ // "well over 100"
	}
	switch {
	case approx[ws[i].Low] && i+1 < s.w1 && ws[i+1].tag == tNum:
		return i + 1
	case (at(i, "more") || at(i, "less") || at(i, "fewer")) && at(i+1, "than") && i+2 < s.w1 && ws[i+2].tag == tNum:
		return i + 2
	case (at(i, "at") && (at(i+1, "least") || at(i+1, "most")) || at(i, "up") && at(i+1, "to")) && i+2 < s.w1 && ws[i+2].tag == tNum:
		return i + 2
	case at(i, "as") && at(i+1, "many") && at(i+2, "as") && i+3 < s.w1 && ws[i+3].tag == tNum:
		return i + 3
	}
	return i
}

// quoteMarks are the marks that open or close a quotation.
var quoteMarks = map[string]bool{"\"": true, "'": true, "`": true}

// approx are the words that round a number: "over 100", "nearly 300".
var approx = map[string]bool{"over": true, "under": true, "above": true, "below": true, "around": true, "about": true,
	"nearly": true, "almost": true, "roughly": true, "some": true, "approximately": true}

// npAfterDate reports whether a noun follows a date, making the date part
// of a noun phrase: "the June 21 bombing", "last Friday's bombings".
func (a *analysis) npAfterDate(s *sentence, j int, opened bool) bool {
	for k := j; k < s.w1 && k < j+4; k++ {
		switch a.words[k].tag {
		case tPossMark:
			continue
		case tNoun, tName:
			if a.words[k].tag == tName && k == j && !opened {
				// "Thursday Israel struck": a name begins a new phrase,
				// unless a determiner opened one ("the 2016 U.S.
				// election")
				return false
			}
			return true
		default:
			return false
		}
	}
	return false
}

// nounPhrase reads a noun phrase from i: determiners, modifiers (words,
// names, numbers, a date), possessors ("Iran's nuclear sites") and a head.
func (a *analysis) nounPhrase(s *sentence, i int) chunk {
	ws := a.words
	c := chunk{kind: kNP, i: i, j: i, head: i, date: -1}
	for k := i; k < s.w1; k++ {
		w := ws[k]
		switch w.tag {
		case tDet, tPoss:
			// "20 other countries", "the two other leaders"
			if k > i && ws[k-1].tag != tDet && ws[k-1].tag != tPossMark && !(ws[k-1].tag == tNum && (w.Low == "other" || w.Low == "more")) {
				return c.end(k)
			}
		case tNoun, tName, tNum:
			c.head = k
		case tPron:
			if k > i {
				return c.end(k)
			}
			c.head = k
			return c.end(k + 1)
		case tPossMark:
			if k == i {
				return c.end(k)
			}
		case tAdv:
			// "a roughly hourlong conversation", "some 500 troops"
			if k+1 >= s.w1 || (ws[k+1].tag != tNoun && ws[k+1].tag != tNum) || k > i && ws[k-1].tag != tDet && ws[k-1].tag != tPoss {
				return c.end(k)
			}
		case tDate:
			// a date inside a noun phrase comes before its noun: "the
			// June 21 bombing"; after a noun it is the clause's: "Kiev
			// last Thursday"
			e := k
			for e < s.w1 && ws[e].tag == tDate && ws[e].date == w.date {
				e++
			}
			if !a.npAfterDate(s, e, k > i && (ws[k-1].tag == tDet || ws[k-1].tag == tPoss)) {
				return c.end(k)
			}
			if c.date < 0 {
				c.date = w.date
			}
			k = e - 1
		case tPunct:
			// scare quotes inside a phrase are part of it: a "frank and
			// constructive" telephone call, the "Iron Curtain" speech
			if k > i && k+1 < s.w1 && quoteMarks[w.Low] && ws[k-1].Kind == text.Alpha && ws[k+1].Kind == text.Alpha &&
				(ws[k-1].tag == tDet || ws[k-1].tag == tPoss || ws[k+1].tag == tNoun || ws[k+1].tag == tName) {
				continue
			}
			// "al-Assad", "Kim's": hyphens are inside words; a slash or
			// an ampersand joins names ("AT&T")
			return c.end(k)
		default:
			return c.end(k)
		}
	}
	return c.end(s.w1)
}

func (c chunk) end(j int) chunk {
	c.j = j
	if c.j <= c.i {
		c.j = c.i + 1
	}
	if c.head >= c.j || c.head < c.i {
		c.head = c.j - 1
	}
	return c
}

// verbGroup reads auxiliaries, negation, adverbs and a main verb: "has
// not yet signed", "was struck", "will meet", "did not". A group of only
// auxiliaries ("was" in "the talks were in Geneva") has the last as its
// head.
func (a *analysis) verbGroup(s *sentence, i int) chunk {
	ws := a.words
	c := chunk{kind: kVP, i: i, head: -1, date: -1}
	be := false
	k := i
	for ; k < s.w1; k++ {
		w := ws[k]
		switch w.tag {
		case tModal:
			if c.modal == "" {
				c.modal = w.Low
			}
			c.finite = true
			continue
		case tBe:
			be = true
			c.finite = c.finite || w.Low != "be" && w.Low != "been" && w.Low != "being"
			c.head = k
			continue
		case tHave:
			c.perfect = true
			c.finite = c.finite || w.Low != "have" || k > i
			c.head = k
			continue
		case tDo:
			c.finite = true
			c.head = k
			continue
		case tNeg:
			c.negated = true
			continue
		case tAdv:
			continue
		case tVerb:
			c.head = k
			f := w.verb.forms
			if be && f&lexicon.Part != 0 && f&lexicon.Ing == 0 {
				c.passive = true
			}
			if f&(lexicon.Past|lexicon.Third) != 0 && !be && !c.perfect {
				c.finite = true
			}
			if f&lexicon.Base != 0 && k == i && a.prevTag(s, i) != tTo {
				c.finite = true // "the leaders meet"
			}
			k++
			return c.end(k)
		}
		break
	}
	if c.head < 0 {
		return chunk{kind: kAdv, i: i, j: i + 1, head: i, date: -1}
	}
	return c.end(k)
}
