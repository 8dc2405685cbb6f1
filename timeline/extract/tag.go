package extract

import (
	"strings"

	"github.com/dateline/dateline/timeline/extract/lexicon"
	"github.com/dateline/dateline/timeline/extract/text"
)

// tag is a word's part of speech as the clause reader needs it.
type tag uint8

const (
	tNoun tag = iota // also adjectives: both build noun phrases
	tDet
	tPrep
	tConj
	tSub  // a word that opens a subordinate clause: "that" after "said", "when", "because"
	tRel  // a relative pronoun: "who", "which", "that" after a noun
	tPron // "he", "they"
	tPoss // "his", "their"
	tPossMark
	tBe
	tHave
	tDo
	tModal
	tNeg
	tAdv
	tTo // the infinitive "to"
	tVerb
	tName // a mention of the lexicon or a capitalised name
	tNum
	tPunct
	tDate
)

func (t tag) nominal() bool {
	return t == tNoun || t == tName || t == tNum || t == tPron
}

// verbInfo is what the tagger learned of a verb form.
type verbInfo struct {
	lemma string
	forms lexicon.Form
}

// tag gives every word of the sentence a part of speech. Closed-class
// words come from the lexicon; a word that may be a verb is one when what
// stands before it allows ("to strike", "Israel struck", "was struck")
// and a noun otherwise ("the strikes", "US strikes on Iran drew...").
func (a *analysis) tag(s *sentence) {
	ws := a.words
	for i := s.w0; i < s.w1; i++ {
		w := &ws[i]
		w.verb = verbInfo{}
		switch {
		case w.date >= 0:
			w.tag = tDate
		case w.ment >= 0:
			switch s.mentions[w.ment].kind {
			case mPron:
				w.tag = tPron
			case mAgent, mRole:
				w.tag = tNoun
			default:
				w.tag = tName
			}
		case w.Kind == text.Numeral:
			w.tag = tNum
		case w.Low == "'s" || w.Low == "'" && i > s.w0 && strings.HasSuffix(ws[i-1].Low, "s") && !ws[i].Space:
			w.tag = tPossMark
			if i > s.w0 && ws[i-1].tag == tPron {
				w.tag = tBe // "he's", "it's"
			}
		case w.Kind == text.Punct:
			w.tag = tPunct
		default:
			w.tag = a.wordTag(s, i)
		}
	}
	a.demoteCompounds(s)
}

// wordTag decides the tag of an open- or closed-class word from the
// words around it.
func (a *analysis) wordTag(s *sentence, i int) tag {
	ws := a.words
	w := &ws[i]
	low := w.Low
	pos := w.POS
	prev := a.prevTag(s, i)
	next := a.peek(s, i+1)
	var nextPOS lexicon.POS
	if i+1 < s.w1 {
		nextPOS = ws[i+1].POS
	}
	switch {
	case low == "that":
		switch {
		case prev == tVerb, a.speechBefore(s, i) && !prev.nominal():
			// "said that", "said on Monday that"
			return tSub
		case nextPOS&(lexicon.Be|lexicon.Have|lexicon.Modal|lexicon.Adv|lexicon.Neg) != 0 || a.lx.IsVerb(next) && !a.nounish(next):
			if prev.nominal() {
				return tRel
			}
			return tSub
		case next != "" && nextPOS == 0 && a.nextTagIsNominal(s, i+1):
			return tDet
		}
		return tSub
	case low == "which" || low == "whose" || low == "what":
		// "which country" asks; "the blasts which killed" relates
		if a.nextTagIsNominal(s, i+1) && !a.canBe(next, lexicon.Past|lexicon.Third) {
			return tDet
		}
		if low == "what" {
			return tPron
		}
		return tRel
	case low == "her":
		if a.nextTagIsNominal(s, i+1) || nextPOS&(lexicon.Det|lexicon.Adv|lexicon.Number) != 0 {
			return tPoss
		}
		return tPron
	case low == "to":
		if i+1 < s.w1 && ws[i+1].date < 0 && ws[i+1].ment < 0 && a.canBe(next, lexicon.Base) && nextPOS&(lexicon.Det|lexicon.Pron|lexicon.Poss) == 0 {
			return tTo
		}
		return tPrep
	case low == "no" && a.nextTagIsNominal(s, i+1):
		return tDet
	case pos&lexicon.Modal != 0:
		return tModal
	case pos&lexicon.Be != 0:
		return tBe
	case pos&lexicon.Have != 0:
		return tHave
	case pos&lexicon.Do != 0:
		if (prev.nominal() && nextPOS&lexicon.Neg == 0 && !a.canBe(next, lexicon.Base)) || prev == tModal || prev == tTo || prev == tHave {
			return tVerb // "did the deal", "to do"
		}
		return tDo
	case pos&lexicon.Neg != 0:
		return tNeg
	case pos&lexicon.Rel != 0 && pos&(lexicon.Det|lexicon.Sub) == 0 && low != "whose":
		return tRel
	case pos&lexicon.Conj != 0:
		return tConj
	case pos&lexicon.Sub != 0 && pos&lexicon.Prep == 0:
		return tSub
	case pos&lexicon.Prep != 0:
		return tPrep
	case pos&lexicon.Poss != 0:
		return tPoss
	case (low == "all" || low == "both" || low == "each") && (prev.nominal() || prev == tPron) && a.canBe(next, lexicon.Past|lexicon.Third):
		// "the five powers all denounced", "they both agreed": a
		// quantifier after its noun, before the verb
		return tAdv
	case pos&lexicon.Det != 0:
		return tDet
	case pos&lexicon.Pron != 0:
		return tPron
	case pos&lexicon.Adv != 0:
		return tAdv
	case pos&lexicon.Number != 0:
		return tNum
	}
	if f := a.verbFormsAs(low, w.Upper); f != 0 {
		if a.isVerbHere(s, i, f, prev) {
			w.verb = a.verbOf(low)
			return tVerb
		}
		return tNoun
	}
	// "-ly" makes an adverb, but not after a determiner: "the assembly",
	// "an ally", "the likely winner"
	if strings.HasSuffix(low, "ly") && len(low) > 4 && prev != tDet && prev != tPoss {
		return tAdv
	}
	return tNoun
}

// verbForms returns the forms low may be of a verb: a known verb, or by
// its ending (-ed, -ing) a verb the lexicon does not list.
func (a *analysis) verbForms(low string) lexicon.Form {
	return a.verbFormsAs(low, false)
}

// verbFormsAs is verbForms for a word written with a capital when upper
// is set: then only "-ing" counts as a sign of a verb ("Retaliating ...");
// "-ed" ends names too ("Mohamed", "Ahmed").
func (a *analysis) verbFormsAs(low string, upper bool) lexicon.Form {
	var f lexicon.Form
	for _, v := range a.lx.Verb(low) {
		f |= v.Forms
	}
	if f == 0 && len(low) > 5 && !strings.Contains(low, "-") {
		switch {
		case strings.HasSuffix(low, "ed") && !upper:
			f = lexicon.Past | lexicon.Part
		case strings.HasSuffix(low, "ing") && !a.nounish(low):
			f = lexicon.Ing
		}
	}
	return f
}

func (a *analysis) verbOf(low string) verbInfo {
	vs := a.lx.Verb(low)
	if len(vs) == 0 {
		f := a.verbForms(low)
		lemma := low
		switch {
		case f&lexicon.Ing != 0:
			lemma = strings.TrimSuffix(low, "ing")
		default:
			lemma = strings.TrimSuffix(low, "ed")
		}
		return verbInfo{lemma: lemma, forms: f}
	}
	// prefer the verb that has a frame: "left" is "leave", not "left"
	best := vs[0]
	for _, v := range vs {
		if len(a.lx.Frames(v.Lemma, false)) > 0 {
			best = v
			break
		}
	}
	return verbInfo{lemma: best.Lemma, forms: best.Forms}
}

func (a *analysis) canBe(low string, f lexicon.Form) bool { return a.verbForms(low)&f != 0 }

// nounish reports whether low is a noun the lexicon knows as one: an
// event noun ("talks", "strikes") or a noun of a class.
func (a *analysis) nounish(low string) bool {
	n := a.lx.Noun(low)
	return len(a.lx.Frames(n, true)) > 0 || n != low && !a.canBe(low, lexicon.Third)
}

// isVerbHere decides whether a possible verb form is a verb where it
// stands.
func (a *analysis) isVerbHere(s *sentence, i int, f lexicon.Form, prev tag) bool {
	switch prev {
	case tPrep:
		// "by ordering 23 diplomats out": a gerund with an object
		return f&lexicon.Ing != 0 && a.nextTagIsNominal(s, i+1) && !a.nounish(a.words[i].Low) ||
			f&lexicon.Ing != 0 && i+1 < s.w1 && a.words[i+1].POS&(lexicon.Det|lexicon.Poss) != 0
	case tDet, tPoss, tPossMark, tNum:
		return false
	case tTo, tModal, tDo:
		return f&lexicon.Base != 0
	case tBe, tHave, tNeg:
		return f&(lexicon.Part|lexicon.Ing|lexicon.Past) != 0 || prev == tNeg
	case tPron:
		return f&(lexicon.Past|lexicon.Third|lexicon.Base) != 0
	case tName, tNoun:
		if f&lexicon.Past != 0 {
			return true
		}
		if f&lexicon.Third != 0 {
			// "U.S. strikes" is a noun where it cannot start a clause:
			// after a preposition ("in response to U.S. missile
			// attacks"), or after a verb ("launched cruise missile
			// strikes"), unless that verb reports speech; a number counts
			// nouns ("36 Houthi targets")
			return !(a.afterNumber(s, i) || a.nounish(a.words[i].Low) &&
				(a.afterPrep(s, i) || a.verbBefore(s, i) && (!a.speechBefore(s, i) || a.bareAfterVerb(s, i))))
		}
		if f&lexicon.Ing != 0 {
			// "leaders meeting in Brussels": after a plural, before a
			// preposition, a participle; "a residential building in
			// Beersheba": after a determiner and an adjective, with no
			// object, a noun
			next := a.peek(s, i+1)
			if a.afterDeterminer(s, i) && !a.nextTagIsNominal(s, i+1) && a.lx.POS(next)&(lexicon.Det|lexicon.Poss) == 0 {
				return false
			}
			return !a.nounish(a.words[i].Low) || strings.HasSuffix(a.words[i-1].Low, "s") && a.lx.POS(next)&lexicon.Prep != 0
		}
		// a base form after a plural subject: "the leaders meet"; not
		// after a verb already ("to start talks on arms control")
		return f&lexicon.Base != 0 && strings.HasSuffix(a.words[i-1].Low, "s") && !a.nounish(a.words[i].Low) &&
			(!a.verbBefore(s, i) || a.speechBefore(s, i))
	}
	// at the head of a clause: "Speaking to reporters, ...", "Asked
	// whether ..."; a noun that is also a verb stays a noun ("Talks
	// began")
	if f&(lexicon.Ing|lexicon.Past|lexicon.Part) != 0 && !a.nounish(a.words[i].Low) {
		return true
	}
	return false
}

// afterNumber reports whether word i follows a number across the names
// and nouns that modify it: "36 Houthi targets" is a noun phrase.
func (a *analysis) afterNumber(s *sentence, i int) bool {
	for k := i - 1; k >= s.w0 && k >= i-3; k-- {
		switch a.words[k].tag {
		case tName, tNoun:
			continue
		case tNum:
			return true
		}
		return false
	}
	return false
}

// afterDeterminer reports whether word i closes a noun phrase that a
// determiner opened a word or two before: "a residential building".
func (a *analysis) afterDeterminer(s *sentence, i int) bool {
	for k := i - 1; k >= s.w0 && k >= i-3; k-- {
		switch a.words[k].tag {
		case tDet, tPoss, tPossMark:
			return true
		case tNoun, tName, tNum, tAdv:
			continue
		}
		return false
	}
	return false
}

// afterPrep reports whether the noun phrase that word i would close is
// the object of a preposition.
func (a *analysis) afterPrep(s *sentence, i int) bool {
	for k := i - 1; k >= s.w0; k-- {
		switch a.words[k].tag {
		case tNoun, tName, tNum, tDet, tPoss, tPossMark, tAdv:
			continue
		case tPrep:
			return !clauseOpeners[a.words[k].Low]
		}
		return false
	}
	return false
}

// bareAfterVerb reports whether only lower-case nouns and adjectives
// stand between the last verb and word i: "announced new economic
// sanctions" is an object, where a subject of "supplies" would have a
// name or a determiner ("say Iran supplies", "say the army supplies").
func (a *analysis) bareAfterVerb(s *sentence, i int) bool {
	k := i - 1
	for ; k >= s.w0 && a.words[k].tag == tNoun; k-- {
		if a.words[k].Upper {
			return false
		}
	}
	return k < i-1 && k >= s.w0 && a.words[k].tag == tVerb
}

// speechBefore reports whether the last verb before word i reports
// speech or thought ("officials say Iran supplies weapons").
func (a *analysis) speechBefore(s *sentence, i int) bool {
	for k := i - 1; k >= s.w0; k-- {
		if w := a.words[k]; w.tag == tVerb {
			return a.isSpeechVerb(w.verb.lemma)
		}
	}
	return false
}

// verbBefore reports whether a verb comes before word i in its stretch
// of the sentence (up to a comma or a word that opens a clause).
func (a *analysis) verbBefore(s *sentence, i int) bool {
	for k := i - 1; k >= s.w0; k-- {
		switch a.words[k].tag {
		case tVerb, tModal, tTo:
			return true
		case tPunct, tConj, tSub, tRel:
			return false
		}
	}
	return false
}

// prevTag returns the tag of the word before i in the sentence, looking
// past adverbs ("has also signed").
func (a *analysis) prevTag(s *sentence, i int) tag {
	for k := i - 1; k >= s.w0; k-- {
		t := a.words[k].tag
		if t == tAdv {
			continue
		}
		if t == tDate && k > s.w0 && a.words[k-1].tag != tPrep {
			continue // "Israel on Thursday struck", "he said Thursday"
		}
		return t
	}
	return tPunct
}

// peek returns the lower-case word at i of the sentence, or "".
func (a *analysis) peek(s *sentence, i int) string {
	if i >= s.w1 {
		return ""
	}
	return a.words[i].Low
}

// nextTagIsNominal guesses, before it is tagged, whether the word at i
// starts a noun phrase.
func (a *analysis) nextTagIsNominal(s *sentence, i int) bool {
	if i >= s.w1 {
		return false
	}
	w := a.words[i]
	if w.ment >= 0 || w.Kind == text.Numeral || w.date >= 0 {
		return true
	}
	if w.Kind != text.Alpha {
		return false
	}
	pos := w.POS
	return pos&^lexicon.Number == 0 && (a.verbForms(w.Low) == 0 || a.nounish(w.Low))
}

// demoteCompounds reads a verb that is also a noun as a noun when a
// finite verb follows in the same clause: "US strikes on Iran drew
// condemnation", "peace talks began".
func (a *analysis) demoteCompounds(s *sentence) {
	ws := a.words
	for i := s.w0; i < s.w1; i++ {
		w := &ws[i]
		if w.tag != tVerb || w.verb.forms&(lexicon.Third|lexicon.Base) == 0 || w.verb.forms&lexicon.Past != 0 {
			continue
		}
		if i == s.w0 || !ws[i-1].tag.nominal() || !a.nounish(w.Low) {
			continue
		}
		for k := i + 1; k < s.w1; k++ {
			t := ws[k].tag
			if t == tPunct || t == tConj || t == tSub || t == tRel {
				break
			}
			if t == tVerb && ws[k].verb.forms&(lexicon.Past|lexicon.Third) != 0 || t == tModal || t == tBe && k > i+1 || t == tHave {
				w.tag, w.verb = tNoun, verbInfo{}
				break
			}
		}
	}
}
