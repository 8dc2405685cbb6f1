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
// (a person with an office and a country), not three.
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

// qualifierAt reads what gives a title its country: "Russian", "U.S.",
// "Kenya's", "FBI", "State Department". It returns the country and the
// words read.
func (a *analysis) qualifierAt(s *sentence, i int) (string, int) {
	ws := a.words[:s.w1]
	e, n, ok := a.matchEntities(i, s.w1)
	if !ok || !(ws[i].Upper || ws[i].Caps) || e.Use == lexicon.UsePlace {
		return "", 0
	}
	country := e.Country
	if i+n < s.w1 && ws[i+n].Low == "'s" {
		n++
	}
	if country == "" && e.Kind == timeline.ActorOrganisation {
		country = "-" // an international body: a title of it has a state's standing
	}
	return country, n
}

// personAt reads a person named with an office or a courtesy title:
// "Russian President Vladimir Putin", "President Vladimir V. Putin of
// Russia", "Kenya's trade minister", "Mr. Putin", "Iraq's Saddam
// Hussein". A title with no name after it is a mention of a role.
func (a *analysis) personAt(s *sentence, i int) (mention, bool) {
	ws := a.words[:s.w1]
	country, k := a.qualifierAt(s, i)
	possessive := k > 0 && ws[i+k-1].Low == "'s"
	var title string
	var standing lexicon.Standing
	plural := false // "Presidents Leonid Kuchma of Ukraine and Boris Yeltsin of Russia"
	for k0 := -1; k0 != k && i+k < s.w1; {
		k0 = k
		w := ws[i+k]
		if titleModifiers[w.Low] && i+k+1 < s.w1 {
			if _, _, ok := a.matchTitles(i+k+1, s.w1); ok || titleModifiers[ws[i+k+1].Low] {
				k++
				continue
			}
		}
		if t, n, ok := a.titleAt(ws, i+k); ok {
			if title == "" || t.Standing > lexicon.Courtesy {
				title, standing = t.Name, max(standing, t.Standing)
				plural = !strings.HasSuffix(t.Name, "s") && strings.HasSuffix(ws[i+k+n-1].Low, "s")
			}
			k += n
			continue
		}
		// "British Foreign Office minister", "FBI Director", "Trade
		// Minister": a body's or a portfolio's name before the office
		if (country != "" || k == 0) && w.Upper && !w.Caps || w.Caps {
			for j := i + k + 1; j < s.w1 && ws[j-1].Upper && ws[j-1].date < 0 && !ws[j-1].POS.Closed(); j++ {
				_, _, ok := a.titleAt(ws, j)
				if ok && (!ws[j].Upper || j-(i+k) <= 2) {
					k = j - i
					break
				}
			}
			if k != k0 {
				continue
			}
		}
	}
	if title == "" && !possessive {
		return mention{}, false
	}
	if title == "" && country == "" {
		return mention{}, false
	}
	nameStart := i + k
	nameEnd := a.nameEnd(ws, nameStart, s.w1)
	if nameEnd == nameStart && title != "" && nameStart < s.w1 && ws[nameStart].Upper && ws[nameStart].date < 0 &&
		ws[nameStart].Kind == text.Alpha && nameStart > s.w0 {
		// after an office, a capitalised word is a name even when it is
		// also a word of English: "Mrs May", "President Bush"
		nameEnd = a.nameEnd(ws, nameStart+1, s.w1)
		if nameEnd == nameStart+1 || nameEnd < nameStart+1 {
			nameEnd = nameStart + 1
		}
	}
	if title == "" && nameEnd-nameStart < 2 {
		return mention{}, false // "Iraq's Saddam Hussein" needs a full name
	}
	if _, _, ok := a.matchEntities(nameStart, nameEnd); title == "" && ok {
		return mention{}, false // "Jordan's Red Sea port": a place of the country
	}
	j := nameEnd
	// "President Vladimir V. Putin of Russia", "King Hussein of Jordan"
	if c, n := a.ofCountry(s, j); nameEnd > nameStart && n > 0 {
		if country == "" {
			country = c
		}
		j += n
	}
	orgCountry := country == "-"
	if orgCountry {
		country = ""
	}
	if nameEnd == nameStart {
		if title == "" || standing == lexicon.Courtesy {
			return mention{}, false
		}
		// "president of South Korea"; not "ministers of France and
		// Germany", which names two bodies
		if country == "" && j+1 < s.w1 && ws[j].Low == "of" && !strings.HasSuffix(ws[j-1].Low, "s") {
			if c, n := a.qualifierAt(s, j+1); c != "" && c != "-" {
				country, j = c, j+1+n
			}
		}
		if last := ws[j-1].Low; strings.HasSuffix(last, "s") && !strings.HasSuffix(title, "s") {
			if country == "" && !orgCountry && (i == s.w0 || ws[i-1].Low == "the" || ws[i-1].Kind != text.Alpha || ws[i-1].ment >= 0) {
				// "the leaders": a role the article's people fill; "White
				// heads a team": a verb after a name
				return mention{}, false
			}
			if m, ok := a.theTwo(s, i, j); ok && country == "" {
				return m, true
			}
			// "Russian diplomats", "EU leaders", "U.S. officials": a
			// body of a country or an organisation
			m := mention{i: i, j: j, kind: mAgent, country: country}
			for k := i; k < j; k++ {
				// "U.S. State Department officials": the body they speak for
				if e, _, ok := a.matchEntities(k, j); ok && e.Kind == timeline.ActorOrganisation {
					m.name = e.Name
					if m.country == "" {
						m.country = e.Country
					}
					break
				}
			}
			return m, true
		}
		m := mention{i: i, j: j, kind: mRole, title: title, country: country}
		m.person = a.people.byRole(title, country)
		if i > s.w0 && ws[i-1].Low == "as" {
			// "Lee Jae-myung was sworn in as president of South Korea":
			// the office of the person the sentence named last
			for k := len(s.mentions) - 1; k >= 0; k-- {
				if x := s.mentions[k].person; x != nil && (s.mentions[k].kind == mPerson || s.mentions[k].kind == mName) {
					x.update(title, standing, country, s.n)
					m.person = x
					break
				}
			}
		}
		return m, true
	}
	name := nameText(ws[nameStart:nameEnd])
	if standing == lexicon.Courtesy || title == "" {
		if x := a.people.lookup(name); x != nil && (title == "" || strings.Contains(x.name, " ") || !strings.Contains(name, " ")) {
			x.seen = s.n
			if title != "" {
				return mention{i: i, j: j, kind: mPerson, name: x.name, person: x, country: x.country}, true
			}
		}
	}
	x := a.people.learn(name, title, standing, country, s.n)
	if standing == lexicon.Courtesy {
		x = a.people.lookup(name)
	}
	return mention{i: i, j: j, kind: mPerson, name: x.name, person: x, country: x.country, title: title, shared: plural}, true
}

// ofCountry reads "of Russia" after a person's name: the country the
// person belongs to, and the words read. "of Russia's" opens another
// phrase and is not read.
func (a *analysis) ofCountry(s *sentence, j int) (string, int) {
	ws := a.words[:s.w1]
	if j+1 >= s.w1 || ws[j].Low != "of" {
		return "", 0
	}
	c, n := a.qualifierAt(s, j+1)
	if c == "" || c == "-" || n == 0 || ws[j+n].Low == "'s" {
		return "", 0
	}
	return c, 1 + n
}

// standing returns how much an office counts.
func (a *analysis) standing(title string) lexicon.Standing {
	ws := text.Words(title, text.Tokenize(title), a.lx.IsAbbreviation)
	if t, n, ok := a.lx.Titles.Match(lexicon.Slice(ws), 0, len(ws)); ok && n == len(ws) {
		return t.Standing
	}
	return lexicon.Public
}

// titleAt matches an office at i, singular or plural ("Presidents Leonid
// Kuchma of Ukraine and Boris Yeltsin of Russia").
func (a *analysis) titleAt(ws []word, i int) (lexicon.Title, int, bool) {
	if ws[i].date >= 0 {
		return lexicon.Title{}, 0, false
	}
	if t, n, ok := a.matchTitles(i, len(ws)); ok {
		return t, n, true
	}
	if low := ws[i].Low; strings.HasSuffix(low, "s") {
		if t, ok := a.lx.Title(low[:len(low)-1]); ok {
			return t, 1, true
		}
	}
	return lexicon.Title{}, 0, false
}

// nameEnd returns the end of a capitalised name starting at i: words in
// capitals, initials and name particles ("Daniel arap Moi"), never a
// date, a known actor or a word that opens a clause.
func (a *analysis) nameEnd(ws []word, i, limit int) int {
	j := i
	for j < limit {
		w := ws[j]
		switch {
		case w.Low == "'s" && j > i && ws[j-1].Low == "people" && j+1 < limit && ws[j+1].Upper:
			j++ // "Tigray People's Liberation Front", "People's Republic of China"
		case w.date >= 0 || w.Kind != text.Alpha:
			return j
		case w.Upper && !w.POS.Closed():
			if j > i {
				if e, _, ok := a.matchEntities(j, limit); ok && e.Use != lexicon.UsePlace {
					return j
				}
			}
			j++
		case nameParticles[w.Low] && j > i && j+1 < limit && ws[j+1].Upper:
			j++
		case j > i && particleName(w.Text):
			j++ // "Bashar al-Assad", "Abdel Fattah el-Sisi"
		case w.Low == "of" && j > i && j+1 < limit && ws[j+1].Upper && a.lx.OrgHead(ws[j-1].Low):
			// "Organization of Islamic Cooperation", "Council of
			// Ministers": a body's name goes on after "of"
			j++
		default:
			return j
		}
	}
	return j
}

// particleName reports a word such as "al-Assad": a name particle, a
// hyphen and a capitalised name.
func particleName(s string) bool {
	rest, ok := afterParticle(s)
	return ok && rest[0] >= 'A' && rest[0] <= 'Z'
}

// afterParticle returns what follows a name particle and a hyphen:
// "Assad" in "al-Assad".
func afterParticle(s string) (string, bool) {
	i := strings.IndexByte(s, '-')
	if i <= 0 || i+1 >= len(s) || !nameParticles[strings.ToLower(s[:i])] {
		return "", false
	}
	return s[i+1:], true
}

// theTwo reads a body of people [i, j) followed by "of the two nations"
// or "of both countries": the pair of people of state the article named
// most, or the pair its last subject named ("the top diplomats of the
// two nations").
func (a *analysis) theTwo(s *sentence, i, j int) (mention, bool) {
	ws, end := a.words, s.w1
	k := 0
	switch {
	case j+3 < end && ws[j].Low == "of" && ws[j+1].Low == "the" && ws[j+2].Low == "two" && stateNouns[ws[j+3].Low]:
		k = j + 4
	case j+2 < end && ws[j].Low == "of" && ws[j+1].Low == "both" && stateNouns[ws[j+2].Low]:
		k = j + 3
	default:
		return mention{}, false
	}
	if ps := a.people.recentLeaders(2, s.n); ps != nil {
		return mention{i: i, j: k, kind: mRole, persons: ps}, true
	}
	if len(a.lastSubject) == 2 {
		return mention{i: i, j: k, kind: mRole, group: a.lastSubject}, true
	}
	return mention{}, false
}

// twoStates returns the two countries "the two countries" means: those
// of the two people of state the article names most, if they differ, or
// of the pair its last subject named.
func (a *analysis) twoStates() []timeline.Actor {
	var out []timeline.Actor
	for _, x := range a.people.leaders() {
		if x.country != "" && !hasActor(out, timeline.Actor{Name: x.country}) {
			out = append(out, timeline.Actor{Name: x.country, Kind: timeline.ActorCountry})
			if len(out) == 2 {
				return out
			}
		}
	}
	if len(a.lastSubject) == 2 && a.lastSubject[0].Kind == timeline.ActorCountry && a.lastSubject[1].Kind == timeline.ActorCountry {
		return a.lastSubject
	}
	return nil
}

// stateNouns name states in a phrase such as "of the two nations".
var stateNouns = map[string]bool{"nations": true, "countries": true, "states": true, "governments": true, "sides": true}

// locatives put what follows at a place: an unknown name after one is
// where something happened, not who did it.
var locatives = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true}

// locative reports whether the words before i are a locative preposition,
// with "the" between: "in the Rose Garden".
func (a *analysis) locative(ws []word, i int) bool {
	k := i - 1
	if k >= 0 && ws[k].Low == "the" {
		k--
	}
	return k >= 0 && locatives[ws[k].Low]
}

// nameText writes a name without its initials: "Vladimir V. Putin" is
// "Vladimir Putin".
func nameText(ws []word) string {
	var b strings.Builder
	for _, w := range ws {
		if w.Period && len(w.Low) == 2 {
			continue
		}
		if b.Len() > 0 && w.Low != "'s" {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	if b.Len() == 0 {
		return ws[0].Text
	}
	return b.String()
}

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
// is an ordinary word of English rather than a name.
func (a *analysis) ordinary(low string) bool {
	return a.verbFormsAs(low, true) != 0 || a.lx.Closed(low) || a.lx.POS(low)&lexicon.Number != 0 || adjective(low) || a.lx.Noun(low) != low && a.lx.IsVerb(a.lx.Noun(low)) ||
		strings.HasSuffix(low, "ly") || len(a.lx.Frames(a.lx.Noun(low), true)) > 0
}

func (a *analysis) isAgentWord(ws []word, i int) bool {
	_, _, ok := a.matchAgents(i, i+1)
	return ok
}

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
