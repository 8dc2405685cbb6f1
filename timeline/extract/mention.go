package extract

import (
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/lexicon"
	"github.com/dateline/dateline/timeline/extract/text"
)

// mentionKind says what a mention names.
type mentionKind uint8

const (
	mCountry mentionKind = iota + 1 // "Russia", "the United States"
	mPeople                         // "Russian", "Russians": a country's people or an adjective
	mSeat                           // "Moscow", "the Kremlin": a seat of government
	mPlace                          // "Kharkiv": a place, never an actor
	mOrg                            // "NATO", "the Foreign Office"
	mGroup                          // "Hamas", "separatists", "Catholic"
	mPerson                         // "President Vladimir V. Putin of Russia", "Mr. Putin"
	mRole                           // "the minister", "the two leaders": a person by office
	mAgent                          // "forces", "officials", "the government": a body of some country
	mPron                           // "he", "she"
	mName                           // a capitalised name the lexicon does not know
	mThing                          // a name of a thing, a business or a news agency: not an actor
)

// mention is a span of a sentence that names an actor, a place or a
// thing.
type mention struct {
	i, j    int // words [i, j) of the article
	kind    mentionKind
	name    string // the canonical name: "United States", "Vladimir Putin", "Sinn Fein"
	country string // the country it is or belongs to
	person  *person
	persons []*person // "the two leaders"
	// group holds the actors a phrase such as "the two ministers" stands
	// for when they are not people the article named
	group []timeline.Actor
	title string
	// subject is set by the clause stage when the mention is the subject
	// of a clause, for "he" in the next sentence.
	subject bool
	// repeated marks a one-word name the article writes more than once
	repeated bool
	// shared marks a person named after a plural office, which the next
	// name joined by "and" holds too
	shared bool
	// intl marks a body or a region of no one state: the United Nations,
	// the Middle East
	intl bool
}

// actor reports whether the mention can be a party to an event, and as
// which actor.
func (m *mention) actor() (timeline.Actor, bool) {
	switch m.kind {
	case mCountry, mPeople, mSeat:
		return timeline.Actor{Name: m.country, Kind: timeline.ActorCountry}, true
	case mOrg:
		return timeline.Actor{Name: m.name, Kind: timeline.ActorOrganisation}, true
	case mGroup:
		return timeline.Actor{Name: m.name, Kind: timeline.ActorGroup}, true
	case mPerson, mRole, mPron:
		if m.person != nil {
			kind := timeline.ActorPerson
			if m.person.standing == 0 && m.kind == mPerson && m.title == "" && !m.person.titled() {
				kind = timeline.ActorUnknown // a name the article gives no office
			}
			return timeline.Actor{Name: m.person.name, Kind: kind}, true
		}
		if m.kind == mRole && m.country != "" {
			// "the foreign minister of Estonia": an office the article
			// names no one in acts for its state
			return timeline.Actor{Name: m.country, Kind: timeline.ActorCountry}, true
		}
	case mAgent:
		if m.name != "" {
			return timeline.Actor{Name: m.name, Kind: timeline.ActorOrganisation}, true
		}
		if m.country != "" {
			return timeline.Actor{Name: m.country, Kind: timeline.ActorCountry}, true
		}
	case mName:
		// a single unknown word the article uses once ("Olympic") is a
		// fragment, not an actor; a longer name may be one, and so may a
		// word the article comes back to ("Prigozhin")
		if strings.Contains(m.name, " ") || m.person != nil || m.repeated {
			return timeline.Actor{Name: m.name}, true
		}
	}
	return timeline.Actor{}, false
}

// weighty reports whether the mention names a party the article is
// about: a state by its name or seat, an organisation, an armed group, a
// body of a state or a person in office; not a people's adjective ("a
// French bank"). Articles about diplomacy name such parties often.
func (m *mention) weighty() bool {
	return m.kind != mPeople && m.political()
}

// political reports whether the mention names a state, a body of one, an
// international organisation, an armed group or a person in office: a
// party whose acts are news of diplomacy.
func (m *mention) political() bool {
	switch m.kind {
	case mCountry, mPeople, mSeat, mOrg, mGroup:
		return true
	case mAgent:
		return m.country != "" || m.name != ""
	case mRole:
		return m.person != nil && (m.person.standing == lexicon.State || m.person.country != "") || len(m.group) > 0 ||
			len(m.persons) > 0 || m.country != ""
	case mPerson, mPron:
		return m.person != nil && (m.person.standing == lexicon.State || m.person.country != "") || len(m.group) > 0
	}
	return false
}

// titleModifiers stand before an office without changing it: "Deputy
// Foreign Minister", "former President", "Second Prime Minister".
var titleModifiers = map[string]bool{
	"deputy": true, "vice": true, "acting": true, "former": true, "interim": true, "outgoing": true,
	"incoming": true, "new": true, "top": true, "senior": true, "first": true, "second": true,
	"then": true, "late": true, "assistant": true, "under": true, "political": true, "military": true,
	"foreign": true, "chief": true, "special": true, "joint": true, "de": true, "facto": true,
}

// nameParticles join the parts of a name in lower case: "Daniel arap
// Moi", "Ursula von der Leyen", "Osama bin Laden".
var nameParticles = map[string]bool{
	"de": true, "da": true, "di": true, "du": true, "van": true, "von": true, "der": true, "den": true,
	"bin": true, "ibn": true, "al": true, "el": true, "ad": true, "ash": true, "la": true, "le": true, "arap": true, "y": true, "dos": true,
}

// findMentions finds the actors, places and names of a sentence, longest
// first: "Iranian Foreign Minister Mohammad Javad Zarif" is one mention
// (a person with an office and a country), not three. People with an
// office or a title are read in mentionperson.go, names in mentionname.go,
// lower-case words that name actors in mentioncommon.go.
func (a *analysis) findMentions(s *sentence) {
	ws := a.words
	for i := s.w0 + s.skip; i < s.w1; {
		w := ws[i]
		if w.date >= 0 || w.Kind != text.Alpha {
			i++
			continue
		}
		if m, ok := a.personAt(s, i); ok {
			i = a.add(s, m)
			continue
		}
		if m, ok := a.entityAt(s, i); ok {
			i = a.add(s, m)
			continue
		}
		if m, ok := a.nameAt(s, i); ok {
			i = a.add(s, m)
			continue
		}
		if m, ok := a.commonAt(s, i); ok {
			i = a.add(s, m)
			continue
		}
		i++
	}
}

func (a *analysis) add(s *sentence, m mention) int {
	// "Hamas militants", "Houthi rebels": a common word for fighters
	// after a named group is that group, not a second party
	if n := len(s.mentions); n > 0 && m.kind == mGroup && !a.words[m.i].Upper {
		if prev := &s.mentions[n-1]; (prev.kind == mGroup || prev.kind == mOrg) && prev.j == m.i {
			for k := m.i; k < m.j; k++ {
				a.words[k].ment = n - 1
			}
			prev.j = m.j
			return m.j
		}
	}
	// "Birmingham, Ala.", "Kharkiv, Ukraine": a place followed by the
	// region or country it is in is there
	if n := len(s.mentions); n > 0 && m.country != "" && (m.kind == mPlace || m.kind == mCountry || m.kind == mSeat) {
		prev := &s.mentions[n-1]
		if prev.kind == mPlace && prev.j == m.i-1 && a.words[prev.j].Low == "," {
			prev.country = m.country
		}
	}
	if m.person != nil {
		m.person.times++
		m.person.seen = s.n
	}
	if m.kind == mOrg {
		a.orgs = append(a.orgs, m.name)
	}
	switch {
	case m.country != "" && m.kind != mThing:
		a.countries[m.country]++
	case m.intl:
		a.abroad = true
	}
	// "his South Korean counterpart, Yun Byung-se": a name in apposition
	// to an office is the person who holds it
	if n := len(s.mentions); n > 0 && (m.kind == mName || m.kind == mPerson) && m.i >= 2 {
		prev := &s.mentions[n-1]
		if prev.kind == mRole && prev.person == nil && len(prev.persons) == 0 && prev.j == m.i-1 && a.words[m.i-1].Low == "," {
			x := a.people.learn(m.name, prev.title, a.standing(prev.title), prev.country, s.n)
			m.kind, m.person, m.name, m.country = mPerson, x, x.name, x.country
			prev.person = x
		}
	}
	for k := m.i; k < m.j; k++ {
		a.words[k].ment = len(s.mentions)
	}
	s.mentions = append(s.mentions, m)
	return m.j
}

func (a *analysis) matchEntities(i, end int) (lexicon.Entity, int, bool) {
	if i >= end || a.words[i].Starts&lexicon.StartsEntity == 0 {
		return lexicon.Entity{}, 0, false
	}
	return a.lx.Entities.Match(a.seq, i, end)
}

func (a *analysis) matchTitles(i, end int) (lexicon.Title, int, bool) {
	if i >= end || a.words[i].Starts&lexicon.StartsTitle == 0 {
		return lexicon.Title{}, 0, false
	}
	return a.lx.Titles.Match(a.seq, i, end)
}

func (a *analysis) matchAgents(i, end int) (string, int, bool) {
	if i >= end || a.words[i].Starts&lexicon.StartsAgent == 0 {
		return "", 0, false
	}
	return a.lx.Agents.Match(a.seq, i, end)
}

func (a *analysis) matchGroups(i, end int) (lexicon.Entity, int, bool) {
	if i >= end || a.words[i].Starts&lexicon.StartsGroup == 0 {
		return lexicon.Entity{}, 0, false
	}
	return a.lx.Groups.Match(a.seq, i, end)
}

func (a *analysis) matchMedia(i, end int) (bool, int, bool) {
	if i >= end || a.words[i].Starts&lexicon.StartsMedia == 0 {
		return false, 0, false
	}
	return a.lx.Media.Match(a.seq, i, end)
}
