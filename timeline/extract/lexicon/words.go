package lexicon

import (
	"fmt"
	"strings"
)

// POS is a set of closed word classes a word may belong to.
type POS uint32

// The closed classes of words.txt.
const (
	Det POS = 1 << iota
	Prep
	Conj
	Sub
	Rel
	Pron
	Poss
	Be
	Have
	Do
	Modal
	Neg
	Adv
	To
	Number
	Abbrev
)

var posSections = map[string]POS{
	"det": Det, "prep": Prep, "conj": Conj, "sub": Sub, "rel": Rel, "pron": Pron, "poss": Poss,
	"be": Be, "have": Have, "do": Do, "modal": Modal, "neg": Neg, "adv": Adv, "to": To,
	"number": Number, "abbreviation": Abbrev,
}

// POS returns the closed classes of the lower-case word low (0 for an
// open-class word: a noun, verb or adjective).
func (lx *Lexicon) POS(low string) POS { return lx.pos[low] }

// Closed reports whether low belongs to any closed class but numbers.
func (lx *Lexicon) Closed(low string) bool { return lx.pos[low].Closed() }

// Closed reports whether the classes hold a closed one but numbers.
func (p POS) Closed() bool { return p&^(Number|Abbrev) != 0 }

func (lx *Lexicon) readWords(secs []section) error {
	for _, s := range secs {
		p, ok := posSections[s.name]
		if !ok {
			return fmt.Errorf("unknown section [%s]", s.name)
		}
		for _, l := range s.lines {
			for _, w := range entries(l.text, true) {
				lx.pos[w] |= p
				if p == Abbrev {
					lx.abbrevs[w] = true
				}
			}
		}
	}
	return nil
}

// Form is a set of verb forms.
type Form uint8

// The forms of a verb.
const (
	Base  Form = 1 << iota // sign, strike
	Third                  // signs, strikes
	Past                   // signed, struck
	Part                   // signed, struck (the past participle)
	Ing                    // signing, striking
)

// VerbForm says which verb a word is a form of, and which forms.
type VerbForm struct {
	Lemma string
	Forms Form
}

// Verb returns the verbs low may be a form of.
func (lx *Lexicon) Verb(low string) []VerbForm { return lx.verbs[low] }

// IsVerb reports whether low is a form of a known verb.
func (lx *Lexicon) IsVerb(low string) bool { return len(lx.verbs[low]) > 0 }

// Third returns the third person singular of a known verb ("expel":
// "expels"), or lemma+"s".
func (lx *Lexicon) Third(lemma string) string {
	if t, ok := lx.thirds[lemma]; ok {
		return t
	}
	return lemma + "s"
}

func (lx *Lexicon) addVerbForm(form, lemma string, f Form) {
	vs := lx.verbs[form]
	for i := range vs {
		if vs[i].Lemma == lemma {
			vs[i].Forms |= f
			return
		}
	}
	lx.verbs[form] = append(vs, VerbForm{lemma, f})
}

// addVerb adds a verb and its forms: past and participle when given
// (irregular), else made by rule; double says a regular verb doubles its
// last consonant (expel: expelled).
func (lx *Lexicon) addVerb(lemma, past, part string, double bool) {
	if _, done := lx.thirds[lemma]; done && past == "" {
		return
	}
	stem := lemma
	if double {
		stem += lemma[len(lemma)-1:]
	}
	third := thirdOf(lemma)
	switch lemma {
	case "be":
		third = "is"
	case "have":
		third = "has"
	}
	lx.thirds[lemma] = third
	lx.addVerbForm(lemma, lemma, Base)
	lx.addVerbForm(third, lemma, Third)
	if past == "" {
		past = pastOf(lemma, stem)
		part = past
	}
	lx.addVerbForm(past, lemma, Past)
	lx.addVerbForm(part, lemma, Part)
	lx.addVerbForm(ingOf(lemma, stem), lemma, Ing)
	if double && strings.HasSuffix(lemma, "l") {
		// travelled and traveled: British English doubles the l, American
		// English does not
		lx.addVerbForm(pastOf(lemma, lemma), lemma, Past|Part)
		lx.addVerbForm(ingOf(lemma, lemma), lemma, Ing)
	}
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func thirdOf(v string) string {
	n := len(v)
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") ||
		strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "o"):
		return v + "es"
	case n > 1 && v[n-1] == 'y' && !isVowel(v[n-2]):
		return v[:n-1] + "ies"
	}
	return v + "s"
}

func pastOf(v, stem string) string {
	n := len(v)
	switch {
	case stem != v:
		return stem + "ed"
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case n > 1 && v[n-1] == 'y' && !isVowel(v[n-2]):
		return v[:n-1] + "ied"
	}
	return v + "ed"
}

func ingOf(v, stem string) string {
	n := len(v)
	switch {
	case stem != v:
		return stem + "ing"
	case strings.HasSuffix(v, "ie"):
		return v[:n-2] + "ying"
	case strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee") && !strings.HasSuffix(v, "ye") && !strings.HasSuffix(v, "oe") && n > 2:
		return v[:n-1] + "ing"
	}
	return v + "ing"
}

func (lx *Lexicon) readVerbs(secs []section) error {
	for _, s := range secs {
		switch s.name {
		case "irregular":
			for _, l := range s.lines {
				f := strings.Fields(l.text)
				if len(f) != 3 {
					return fmt.Errorf("line %d: want \"lemma past participle\"", l.n)
				}
				lx.addVerb(f[0], f[1], f[2], false)
			}
		case "regular":
			for _, l := range s.lines {
				for _, v := range entries(l.text, true) {
					lx.addVerb(strings.TrimSuffix(v, "+"), "", "", strings.HasSuffix(v, "+"))
				}
			}
		default:
			return fmt.Errorf("unknown section [%s]", s.name)
		}
	}
	return nil
}

// Noun returns the singular of a noun as the lexicon's classes list it:
// "treaties" is "treaty", "talks" stays "talks".
func (lx *Lexicon) Noun(low string) string {
	if s, ok := lx.plurals[low]; ok {
		return s
	}
	if lx.Classed(low) {
		return low
	}
	n := len(low)
	switch {
	case n > 4 && strings.HasSuffix(low, "ies"):
		return low[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(low, "ches") || strings.HasSuffix(low, "shes") || strings.HasSuffix(low, "sses") || strings.HasSuffix(low, "xes")):
		return low[:n-2]
	case n > 3 && strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss") && !strings.HasSuffix(low, "us") && !strings.HasSuffix(low, "is"):
		return low[:n-1]
	}
	return low
}

// Classed reports whether the singular noun lemma belongs to any class of
// classes.txt: a common noun ("rocket", "police"), whatever its case.
func (lx *Lexicon) Classed(lemma string) bool { return lx.classNouns[lemma] }

// InClass reports whether the singular noun lemma belongs to the class
// ("deal", without the @).
func (lx *Lexicon) InClass(class, lemma string) bool { return lx.classes[class][lemma] }

// HasClass reports whether a class of that name exists.
func (lx *Lexicon) HasClass(class string) bool { return lx.classes[class] != nil }

func (lx *Lexicon) readClasses(secs []section) error {
	for _, s := range secs {
		if s.name != "classes" {
			return fmt.Errorf("unknown section [%s]", s.name)
		}
		for _, l := range s.lines {
			name, list, ok := strings.Cut(l.text, ":")
			if !ok || !strings.HasPrefix(name, "@") {
				return fmt.Errorf("line %d: want \"@class: nouns\"", l.n)
			}
			set := map[string]bool{}
			for _, e := range entries(list, true) {
				sing, plural, irregular := strings.Cut(e, "/")
				sing = lx.Key(sing)
				set[sing] = true
				lx.classNouns[sing] = true
				if irregular {
					lx.plurals[lx.Key(plural)] = sing
				}
			}
			lx.classes[strings.TrimPrefix(name, "@")] = set
		}
	}
	return nil
}
