package extract

import (
	"sort"
	"strings"

	"github.com/dateline/dateline/timeline/extract/lexicon"
)

// person is someone the article names, learned from the fullest mention:
// "Iranian Foreign Minister Mohammad Javad Zarif" is Zarif, a minister of
// Iran, also when the article later says "Mr. Zarif" or "the minister".
type person struct {
	name     string // as first written in full, initials dropped: "Vladimir Putin"
	keys     []string
	title    string // "foreign minister"
	standing lexicon.Standing
	country  string
	seen     int            // the last sentence that named the person
	first    int            // the sentence that named the person first
	times    int            // how many mentions name the person
	calls    map[string]int // how often the article names them by one word
	subject  int            // the last sentence in which the person was a subject
}

// byFirst reports whether the article calls the person by the first word
// of the name ("Elian"), as it calls children and family members.
func (x *person) byFirst() bool {
	f := strings.Fields(x.name)
	return len(f) >= 2 && x.calls[strings.ToLower(f[0])] > 0
}

// short returns the one word the article calls the person by most, or
// the family name: the last word of the name, or the first where the
// press names people family name first.
func (x *person) short(familyFirst bool) string {
	f := strings.Fields(x.name)
	best, n := f[len(f)-1], 0
	if familyFirst {
		best = f[0]
	}
	for _, w := range f {
		if c := x.calls[strings.ToLower(w)]; c > n {
			best, n = w, c
		}
	}
	return best
}

// titled reports whether the article gave the person an office or a
// courtesy title somewhere.
func (x *person) titled() bool { return x.title != "" }

// people is the article's register of persons, for coreference.
type people struct {
	all     []*person
	byKey   map[string][]*person
	byFirst map[string][]*person // by the first word of a name of two words or more
	full    map[string]*person
	lx      *lexicon.Lexicon // for the countries of known leaders
}

func newPeople(lx *lexicon.Lexicon) *people {
	return &people{byKey: map[string][]*person{}, byFirst: map[string][]*person{}, full: map[string]*person{}, lx: lx}
}

// headOffices are the offices after which a surname alone names a known
// leader: "President Bush", "Prime Minister Blair".
var headOffices = map[string]bool{
	"president": true, "prime minister": true, "premier": true, "chancellor": true, "vice president": true,
	"foreign minister": true, "foreign secretary": true, "secretary of state": true, "defense secretary": true,
	"defense minister": true, "defence minister": true, "defence secretary": true,
}

// knownLeader gives a person the article names without a country the
// country of the leader of that name, if leaders.txt lists one.
func (p *people) knownLeader(x *person, title string) {
	if x.country != "" {
		return
	}
	if c, ok := p.lx.Leader(x.name); ok {
		x.country = c
		if x.standing < lexicon.State && x.title == "" {
			x.standing = lexicon.State
		}
		return
	}
	if f := strings.Fields(x.name); len(f) == 1 && headOffices[title] {
		if c, ok := p.lx.LeaderBySurname(f[0]); ok {
			x.country = c
		}
	}
}

// nameKeys returns the lower-case words a name is later called by: its
// last word ("Putin", "Assad" for "al-Assad"), and a short first word,
// which in many languages is the family name ("Kim" of "Kim Jong Un",
// "Xi" of "Xi Jinping").
func nameKeys(name string) []string {
	f := strings.Fields(strings.ToLower(name))
	for len(f) > 1 && nameSuffix[f[len(f)-1]] {
		f = f[:len(f)-1]
	}
	if len(f) == 0 {
		return nil
	}
	last := f[len(f)-1]
	keys := []string{last}
	if rest, ok := afterParticle(last); ok {
		keys = append(keys, rest) // "assad" for "al-assad"
	}
	if len(f) >= 2 && len([]rune(f[0])) <= 4 {
		keys = append(keys, f[0])
	}
	return keys
}

var nameSuffix = map[string]bool{"jr.": true, "jr": true, "sr.": true, "sr": true, "ii": true, "iii": true, "iv": true}

// learn records a person named in full (two words or more, or one word
// after a title) and returns the register's entry, which an earlier
// mention may have made.
func (p *people) learn(name, title string, standing lexicon.Standing, country string, sent int) *person {
	key := strings.ToLower(name)
	if x := p.full[key]; x != nil {
		x.update(title, standing, country, sent)
		p.knownLeader(x, title)
		return x
	}
	// "President Xi" after "Xi Jinping": one word the article calls a
	// person it named in full
	if !strings.Contains(key, " ") {
		// not "King Hussein of Jordan" after "Iraq's Saddam Hussein":
		// another office or another country is another person, and a
		// king is named by his given name
		if x := p.lookup(name); x != nil && strings.Contains(x.name, " ") && (title == "" || x.title == "" || sameOffice(x.title, title)) &&
			(country == "" || x.country == "" || country == x.country) && !royal[title] {
			x.update(title, standing, country, sent)
			return x
		}
	}
	// a later, fuller name of someone known by one word: "Kimotho" then
	// "Joseph Kimotho"
	if f := strings.Fields(name); len(f) >= 2 {
		for _, x := range p.byKey[strings.ToLower(f[len(f)-1])] {
			if !strings.Contains(x.name, " ") {
				x.name = name
				p.full[key] = x
				p.byFirst[strings.Fields(key)[0]] = append(p.byFirst[strings.Fields(key)[0]], x)
				x.update(title, standing, country, sent)
				p.knownLeader(x, title)
				return x
			}
		}
	}
	x := &person{name: name, keys: nameKeys(name), title: title, standing: standing, country: country, seen: sent, first: sent,
		subject: -1, calls: map[string]int{}}
	p.all = append(p.all, x)
	p.full[key] = x
	if f := strings.Fields(key); len(f) >= 2 {
		p.byFirst[f[0]] = append(p.byFirst[f[0]], x)
	}
	for _, k := range x.keys {
		p.byKey[k] = append(p.byKey[k], x)
	}
	p.knownLeader(x, title)
	return x
}

func (x *person) update(title string, standing lexicon.Standing, country string, sent int) {
	if standing > x.standing || x.title == "" && title != "" {
		x.title, x.standing = title, standing
	}
	if x.country == "" {
		x.country = country
	}
	x.seen = sent
}

// lookup finds the person a one-word name or a name written in full
// refers to; among several, the one named last.
func (p *people) lookup(name string) *person {
	key := strings.ToLower(name)
	if x := p.full[key]; x != nil {
		return x
	}
	f := strings.Fields(key)
	if len(f) == 0 {
		return nil
	}
	var best *person
	for _, x := range p.byKey[f[len(f)-1]] {
		// "Juanita Castro" is not "Fidel Castro": a name written in full
		// matches only a person known by one word
		if len(f) > 1 && strings.Contains(x.name, " ") {
			continue
		}
		// "Gonzalez" is not Elian Gonzalez, whom the article calls
		// "Elian", when it names another Gonzalez
		if best != nil && len(f) == 1 && x.byFirst() != best.byFirst() {
			if x.byFirst() {
				continue
			}
			best = x
			continue
		}
		if best == nil || x.seen > best.seen {
			best = x
		}
	}
	if best != nil && len(f) == 1 {
		best.calls[f[0]]++
	}
	return best
}

// byFirstName finds the person whose name starts with the word low: the
// article's own shorthand, or a family name written first.
func (p *people) byFirstName(low string) *person {
	var best *person
	for _, x := range p.byFirst[low] {
		if best == nil || x.seen > best.seen {
			best = x
		}
	}
	if best != nil {
		best.calls[low]++
	}
	return best
}

// byRole finds the person a phrase such as "the minister" or "the Iranian
// president" refers to: the last one named with that office (and that
// country, when the phrase gives one).
func (p *people) byRole(title, country string) *person {
	var best *person
	for _, x := range p.all {
		if !sameOffice(x.title, title) || country != "" && x.country != country {
			continue
		}
		if best == nil || x.seen > best.seen {
			best = x
		}
	}
	return best
}

// sameOffice matches an office named in full against a word for it: "the
// minister" is the foreign minister, "the leader" any head of state.
// royal are the titles followed by a given name: "King Hussein".
var royal = map[string]bool{"king": true, "queen": true, "prince": true, "princess": true, "emir": true, "sultan": true,
	"crown prince": true, "sheikh": true, "monarch": true, "pope": true}

func sameOffice(full, word string) bool {
	if full == "" || word == "" {
		return false
	}
	if full == word || strings.HasSuffix(full, " "+word) {
		return true
	}
	switch word {
	case "leader", "monarch", "head of state":
		return strings.Contains(full, "president") || strings.Contains(full, "prime minister") ||
			strings.Contains(full, "king") || strings.Contains(full, "chancellor") || strings.Contains(full, "leader") ||
			strings.Contains(full, "emir") || strings.Contains(full, "queen") || strings.Contains(full, "premier")
	}
	return false
}

// recentLeaders returns the n people of state "the two leaders" means in
// sentence sent: those named in it or the sentence before, if there are
// n, else those the article names most; in the order the article named
// them.
func (p *people) recentLeaders(n, sent int) []*person {
	cands := p.leaders()
	var near []*person
	for _, x := range cands {
		if x.seen >= sent-1 {
			near = append(near, x)
		}
	}
	if len(near) >= n {
		cands = near
	}
	if len(cands) < n {
		return nil
	}
	out := cands[:n:n]
	sort.SliceStable(out, func(i, j int) bool { return out[i].first < out[j].first })
	return out
}

// leaders returns the people of state, those the article names most
// first, then those named last.
func (p *people) leaders() []*person {
	var cands []*person
	for _, x := range p.all {
		if x.standing == lexicon.State {
			cands = append(cands, x)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].times != cands[j].times {
			return cands[i].times > cands[j].times
		}
		return cands[i].seen > cands[j].seen
	})
	return cands
}

// salient returns the person "he" or "she" most likely refers to: the
// subject of the sentence before, else the person named last, if named
// within the last two sentences.
func (p *people) salient(sent int) *person {
	var subj, last *person
	for _, x := range p.all {
		if x.standing == 0 && x.title == "" {
			continue // a name of unknown kind may be no person at all
		}
		if x.subject >= sent-1 && x.subject < sent && (subj == nil || x.subject > subj.subject) {
			subj = x
		}
		if x.seen >= sent-2 && x.seen < sent && (last == nil || x.seen > last.seen) {
			last = x
		}
	}
	if subj != nil {
		return subj
	}
	return last
}

// endSentence notes the persons a sentence named as subjects.
func (p *people) endSentence(s *sentence) {
	for _, m := range s.mentions {
		if m.person != nil && m.subject {
			m.person.subject = s.n
		}
	}
}
