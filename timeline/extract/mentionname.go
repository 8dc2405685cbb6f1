package extract

import (
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/lexicon"
	"github.com/dateline/dateline/timeline/extract/text"
)

// entityAt reads a country, a people, a seat of government, a place, an
// organisation or a group of the lexicon.
func (a *analysis) entityAt(s *sentence, i int) (mention, bool) {
	ws := a.words[:s.w1]
	w := ws[i]
	if w.Upper || w.Caps {
		if e, n, ok := a.matchEntities(i, s.w1); ok {
			m := mention{i: i, j: i + n, name: e.Name, country: e.Country}
			switch {
			case e.Use == lexicon.UsePlace:
				// "Middle East News Agency", "Kharkiv City Council": a
				// name that begins with a place is read as a name
				if j := a.nameEnd(ws, i, s.w1); j > i+n {
					if last := ws[j-1].Low; a.mediaName(ws[i:j]) || a.lx.Company(last) || a.lx.OrgHead(last) || a.lx.NonActor(last) {
						return mention{}, false
					}
				}
				m.kind, m.intl = mPlace, e.Country == ""
			case e.Kind == timeline.ActorCountry && e.Use == lexicon.UsePeople:
				m.kind = mPeople
				// "a British subsidiary", "French banks": a business, not
				// the state
				if a.businessAfter(s, i+n) {
					m.kind = mThing
					return m, true
				}
				// "a Cambodian resistance force", "Cuban exiles": a group
				// outside the state
				for k := i + n; k < s.w1 && k <= i+n+1; k++ {
					if a.lx.NonState(ws[k].Low) {
						m.kind, m.j = mGroup, k+1
						m.name = nameText(ws[i:i+n]) + " " + strings.ToLower(ws[k].Text)
						m.country = ""
						break
					}
					if ws[k].Kind != text.Alpha || ws[k].Upper || ws[k].POS.Closed() {
						break
					}
				}
			case e.Kind == timeline.ActorCountry && e.Use == lexicon.UseSeat:
				m.kind = mSeat
			case e.Kind == timeline.ActorCountry:
				m.kind = mCountry
			case e.Kind == timeline.ActorGroup:
				m.kind = mGroup
			default:
				m.kind, m.intl = mOrg, e.Country == ""
			}
			return m, true
		}
		if _, n, ok := a.matchMedia(i, s.w1); ok {
			return mention{i: i, j: i + n, kind: mThing, name: nameText(ws[i : i+n])}, true
		}
	}
	if g, n, ok := a.matchGroups(i, s.w1); ok {
		if i+n < s.w1 && a.words[i+n].Upper && !w.Upper {
			// "the rebel Tigray People's Liberation Front": the name
			// that follows is the group
			return mention{}, false
		}
		return mention{i: i, j: i + n, kind: mGroup, name: g.Name}, true
	}
	return a.compoundAt(s, i)
}

// compoundAt reads a word joined by a hyphen to a country's name:
// "Syria-government airfield" and "Russia-Ukraine talks" are the
// country's, as "Syrian" would be; "Iran-backed militias" are backed by
// the country, which is no party to what they do.
func (a *analysis) compoundAt(s *sentence, i int) (mention, bool) {
	w := a.words[i]
	h := strings.IndexByte(w.Text, '-')
	if h <= 0 || h+1 >= len(w.Text) || !w.Upper {
		return mention{}, false
	}
	e, ok := a.lx.Entity(w.Text[:h])
	if !ok || e.Country == "" || e.Use == lexicon.UsePlace {
		return mention{}, false
	}
	m := mention{i: i, j: i + 1, kind: mPeople, name: e.Country, country: e.Country}
	rest := w.Text[h+1:]
	if low := strings.ToLower(rest); strings.HasSuffix(low, "ed") || participles[low] {
		m.kind = mThing
	} else if o, ok := a.lx.Entity(rest); ok && o.Country != "" && o.Use != lexicon.UsePlace && o.Country != e.Country {
		m.group = []timeline.Actor{{Name: o.Country, Kind: timeline.ActorCountry}} // "Russia-Ukraine talks"
	}
	return m, true
}

// participles that end a compound in other than -ed: "U.S.-led".
var participles = map[string]bool{"led": true, "held": true, "run": true, "made": true, "built": true, "born": true}

// nameAt reads a capitalised name the lexicon does not know: a person the
// article named before ("Putin" after "Vladimir Putin"), a body ("the
// Orange Order"), a thing ("Harry S. Truman Library") or a name of
// unknown kind ("Sinn Fein").
func (a *analysis) nameAt(s *sentence, i int) (mention, bool) {
	ws := a.words[:s.w1]
	w := ws[i]
	if !w.Upper && particleName(w.Text) {
		// "al-Assad was seen": a surname the article gave in full
		if x := a.people.lookup(w.Text); x != nil {
			x.seen = s.n
			return mention{i: i, j: i + 1, kind: mPerson, name: x.name, person: x, country: x.country}, true
		}
	}
	if !w.Upper || w.POS.Closed() {
		return mention{}, false
	}
	j := a.nameEnd(ws, i, s.w1)
	if j == i {
		return mention{}, false
	}
	// a capitalised first word of a sentence that is an ordinary word
	// ("Suspected bombs exploded") is not a name
	if i == s.w0+s.skip || i > 0 && (ws[i-1].Low == "\"" || ws[i-1].Low == "(") {
		if a.ordinary(w.Low) {
			if j == i+1 {
				return mention{}, false
			}
			i++
		}
	}
	name := nameText(ws[i:j])
	last, head := ws[j-1].Low, ws[j-1].Low
	for k := i + 1; k < j; k++ {
		if ws[k].Low == "of" { // "Union of Baltic Ports"
			head = ws[k-1].Low
			break
		}
	}
	m := mention{i: i, j: j, name: name}
	switch {
	case a.lx.Company(last) || a.lx.NonActor(last) || a.mediaName(ws[i:j]):
		m.kind = mThing
	case a.lx.OrgHead(head) && a.localBody(ws[i:j]):
		m.kind = mThing // "the Lake Charles City Council": a town's, not a state's
	case a.lx.OrgHead(head):
		m.kind = mOrg
	case ws[i].Caps && j == i+1 && len(ws[i].Low) <= 6 && a.capitals[ws[i].Low] >= 2:
		// an acronym the lexicon does not know ("INS", "CMS"): a body
		// of some kind, which may be a business
		m.kind, m.repeated = mName, true
	default:
		if x := a.people.lookup(name); x != nil {
			x.seen = s.n
			m.kind, m.person, m.name, m.country = mPerson, x, x.name, x.country
			return m, true
		}
		m.kind = mName
		if a.lx.Agents.Len() > 0 && j-i == 1 && a.isAgentWord(ws, i) {
			return mention{}, false
		}
		if a.locative(ws, i) && (j-i >= 2 || a.capitals[ws[i].Low] >= 2) {
			m.kind = mPlace // "in the Rose Garden"
			return m, true
		}
		if j-i == 1 {
			if x := a.people.byFirstName(ws[i].Low); x != nil {
				// "Bashar" after "Bashar al-Assad": the person, by the
				// name the article gave first
				m.kind, m.person, m.name, m.country = mPerson, x, x.name, x.country
				return m, true
			}
			m.repeated = a.capitals[ws[i].Low] >= 2
		}
		if j-i >= 2 && j-i <= 4 {
			// "Barack Obama": a name of two to four words may be a
			// person's, whom "Obama" later means; "Boris Yeltsin of
			// Russia" says whose, and "Presidents Leonid Kuchma of
			// Ukraine and Boris Yeltsin" what office
			country, n := a.ofCountry(s, j)
			var title string
			var standing lexicon.Standing
			if k := len(s.mentions) - 1; k >= 0 && s.mentions[k].shared && s.mentions[k].j == i-1 && ws[i-1].Low == "and" {
				title, standing = s.mentions[k].title, s.mentions[k].person.standing
			}
			m.person = a.people.learn(name, title, standing, country, s.n)
			if country != "" || title != "" {
				m.kind, m.name, m.country, m.title, m.j = mPerson, m.person.name, m.person.country, title, j+n
			}
		}
	}
	return m, true
}

// adjective reports whether a word ends as English adjectives do
// ("Formal", "Diplomatic"): at the head of a sentence such a word is not
// a name. Countries and peoples so spelled ("Nepal", "Portugal") are
// found before this is asked.
func adjective(low string) bool {
	for _, suf := range []string{"al", "ic", "ive", "ous", "ful", "less", "ary", "able", "ible", "ish"} {
		if len(low) > len(suf)+3 && strings.HasSuffix(low, suf) {
			return true
		}
	}
	return false
}

// businessAfter reports whether a noun of business follows at i, past
// up to two words of description: "British subsidiary", "French state-owned
// bank".
func (a *analysis) businessAfter(s *sentence, i int) bool {
	for k := i; k < s.w1 && k <= i+2; k++ {
		w := a.words[k]
		if w.Kind != text.Alpha || w.Upper {
			return false
		}
		if a.lx.InClass("business", a.lx.Noun(w.Low)) {
			return true
		}
		if w.POS.Closed() {
			return false
		}
	}
	return false
}

// mediaName reports whether a name is a news organisation's: "Middle
// East News Agency".
func (a *analysis) mediaName(ws []word) bool {
	for _, w := range ws {
		if a.lx.MediaWord(w.Low) {
			return true
		}
	}
	return false
}

// ordinary reports whether a capitalised word at the start of a sentence
// is an ordinary word of English rather than a name: a verb, a closed
// class word, an event noun or a noun of a class ("Rocket attacks by ...").
func (a *analysis) ordinary(low string) bool {
	return a.verbFormsAs(low, true) != 0 || a.lx.Closed(low) || a.lx.POS(low)&lexicon.Number != 0 || adjective(low) || a.lx.Noun(low) != low && a.lx.IsVerb(a.lx.Noun(low)) ||
		strings.HasSuffix(low, "ly") || len(a.lx.Frames(a.lx.Noun(low), true)) > 0 || a.lx.Classed(a.lx.Noun(low))
}

func (a *analysis) isAgentWord(ws []word, i int) bool {
	_, _, ok := a.matchAgents(i, i+1)
	return ok
}

// localBody reports whether a body's name calls it one of local government
// ("City Council", "Orange County Commission").
func (a *analysis) localBody(ws []word) bool {
	for _, w := range ws[:len(ws)-1] {
		if a.lx.Local(w.Low) {
			return true
		}
	}
	return false
}
