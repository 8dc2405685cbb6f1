package extract

import (
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/lexicon"
	"github.com/dateline/dateline/timeline/extract/text"
)

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
