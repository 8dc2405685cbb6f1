package extract

import (
	"github.com/dateline/dateline/timeline/extract/lexicon"
	"github.com/dateline/dateline/timeline/extract/text"
)

// commonAt reads the lower-case words that name actors: a body of a
// country ("forces", "the government", with the country before them), a
// role ("the minister", "the two leaders") and the pronouns "he" and
// "she".
func (a *analysis) commonAt(s *sentence, i int) (mention, bool) {
	ws := a.words[:s.w1]
	w := ws[i]
	switch w.Low {
	case "he", "she":
		if x := a.people.salient(s.n); x != nil {
			return mention{i: i, j: i + 1, kind: mPron, person: x, name: x.name, country: x.country}, true
		}
		return mention{}, false
	case "they":
		// "Modi and Trump spoke by phone. They last met in November.":
		// the parties the sentence before named as its subject
		if len(a.lastSubject) >= 2 && a.subjectSent == s.n-1 {
			return mention{i: i, j: i + 1, kind: mRole, group: a.lastSubject}, true
		}
		return mention{}, false
	}
	// "the two leaders", "both presidents", "between the two", "the
	// leaders": the two people of state named last
	if (w.Low == "two" || w.Low == "both") && i > s.w0 && (ws[i-1].Low == "the" || w.Low == "both") {
		n := 0
		if i+1 < s.w1 {
			if t, k, ok := a.titleAt(ws, i+1); ok && t.Standing >= lexicon.Public {
				n = k
			} else if ws[i+1].Kind == text.Alpha && ws[i+1].POS.Closed() || ws[i+1].Kind == text.Punct {
				n = 0
			} else if ws[i+1].Low == "men" || ws[i+1].Low == "women" {
				n = 1
			} else {
				n = -1
			}
		}
		// "the two countries": the states of the two people of state
		// named most, or the pair the story named as a subject
		if w.Low == "two" && i+1 < s.w1 && stateNouns[ws[i+1].Low] {
			if g := a.twoStates(); g != nil {
				return mention{i: i, j: i + 2, kind: mRole, group: g}, true
			}
			return mention{}, false
		}
		if ps := a.people.recentLeaders(2, s.n); ps != nil && n >= 0 {
			return mention{i: i, j: i + 1 + n, kind: mRole, persons: ps}, true
		}
		// "the two ministers" after "the foreign ministers of France and
		// Germany": the pair the story named as a subject
		if len(a.lastSubject) == 2 && n >= 0 {
			return mention{i: i, j: i + 1 + n, kind: mRole, group: a.lastSubject}, true
		}
	}
	if (w.Low == "leaders" || w.Low == "presidents") && i > s.w0 && ws[i-1].Low == "the" ||
		(w.Low == "men" || w.Low == "women") && i > s.w0+1 && ws[i-1].Low == "two" && ws[i-2].Low == "the" {
		if ps := a.people.recentLeaders(2, s.n); ps != nil {
			return mention{i: i, j: i + 1, kind: mRole, persons: ps}, true
		}
	}
	// "the four leaders"
	if n := smallNumbers[w.Low]; n > 2 && i+1 < s.w1 && i > s.w0 && ws[i-1].Low == "the" {
		if t, k, ok := a.titleAt(ws, i+1); ok && t.Standing >= lexicon.Public || ws[i+1].Low == "leaders" {
			if ps := a.people.recentLeaders(n, s.n); ps != nil {
				return mention{i: i, j: i + 1 + max(k, 1), kind: mRole, persons: ps}, true
			}
		}
	}
	// "the alliance", "the bloc": the organisation named last, one that
	// is called so if there is one
	if orgAnaphors[w.Low] && i > s.w0 && ws[i-1].Low == "the" && len(a.orgs) > 0 {
		name := a.orgs[len(a.orgs)-1]
		for k := len(a.orgs) - 1; k >= 0; k-- {
			if a.lx.CalledBy(a.orgs[k], w.Low) {
				name = a.orgs[k]
				break
			}
		}
		return mention{i: i, j: i + 1, kind: mOrg, name: name}, true
	}
	if _, n, ok := a.matchAgents(i, s.w1); ok {
		if m, ok := a.theTwo(s, i, i+n); ok {
			return m, true
		}
		m := mention{i: i, j: i + n, kind: mAgent}
		// the country of "Iraqi military authorities", "U.S. forces",
		// "Russia's foreign ministry": a mention just before, across
		// adjectives
		for k := len(s.mentions) - 1; k >= 0; k-- {
			p := s.mentions[k]
			if p.j < i-3 {
				break
			}
			if (p.kind == mPeople || p.kind == mCountry || p.kind == mSeat) && a.adjectivesBetween(p.j, i) {
				m.country = p.country
				break
			}
		}
		return m, true
	}
	// "the minister", "the Jordanian monarch": a role with "the"
	if t, n, ok := a.titleAt(ws, i); ok && t.Standing > lexicon.Courtesy && i > s.w0 {
		country := ""
		k := i - 1
		if len(s.mentions) > 0 {
			p := s.mentions[len(s.mentions)-1]
			if p.j == i && (p.kind == mPeople || p.kind == mCountry) {
				country, k = p.country, p.i-1
			}
		}
		if k >= s.w0 && (ws[k].Low == "the" || ws[k].Low == "his" || ws[k].Low == "her" || ws[k].Low == "its") {
			m := mention{i: i, j: i + n, kind: mRole, title: t.Name, country: country}
			m.person = a.people.byRole(t.Name, country)
			if m.person != nil {
				m.person.seen = s.n
			}
			return m, true
		}
	}
	return mention{}, false
}

// orgAnaphors are nouns that, after "the", name the organisation the
// article named last.
var orgAnaphors = map[string]bool{"alliance": true, "bloc": true, "organization": true, "organisation": true, "union": true}

var smallNumbers = map[string]int{"three": 3, "four": 4, "five": 5, "six": 6}

// adjectivesBetween reports whether words [i, j) could be adjectives
// between a country and a noun: "military" in "Iraqi military
// authorities".
func (a *analysis) adjectivesBetween(i, j int) bool {
	for k := i; k < j; k++ {
		w := a.words[k]
		if w.Kind != text.Alpha || w.POS.Closed() && w.Low != "'s" {
			return false
		}
	}
	return true
}

// The phrase lists are read only from a word that begins a phrase of
// theirs, which the word's lexeme says without a lookup.
