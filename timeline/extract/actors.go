package extract

import (
	"strings"

	"github.com/dateline/dateline/timeline"
)

// titles precede people's names ("President", "Foreign Minister"); some
// are lower case in running text ("Kremlin spokesman Dmitry Peskov").
var titles = map[string]bool{
	"president": true, "prime": true, "minister": true, "chancellor": true, "premier": true,
	"king": true, "queen": true, "prince": true, "princess": true, "emperor": true, "pope": true,
	"foreign": true, "defence": true, "defense": true, "interior": true, "finance": true,
	"secretary": true, "secretary-general": true, "general": true, "gen": true, "ambassador": true,
	"envoy": true, "senator": true, "sen": true, "rep": true, "representative": true,
	"governor": true, "gov": true, "admiral": true, "adm": true, "rear": true, "colonel": true,
	"col": true, "leader": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"aide": true, "chief": true, "commander": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "lord": true, "sir": true, "sheikh": true, "crown": true, "supreme": true,
	"ayatollah": true, "vice": true, "deputy": true, "speaker": true, "mayor": true,
	"director": true, "head": true, "counterpart": true, "chairman": true, "chairwoman": true,
	"state": true, "of": true, "foreign-policy": true, "national": true, "security": true,
	"adviser": true, "advisor": true, "lt": true, "lieutenant": true, "major": true, "marshal": true,
	"field": true, "justice": true, "attorney": true, "sultan": true, "emir": true, "president-elect": true,
	"spy": true, "officer": true, "negotiator": true, "boss": true, "founder": true,
}

// notNames are capitalised words that never start or make a person's
// name: they name places, institutions, times or are sentence openers.
var notNames = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "and": true, "but": true,
	"palace": true, "villa": true, "lake": true, "sea": true, "ocean": true, "river": true,
	"island": true, "street": true, "square": true, "hotel": true, "airport": true, "university": true,
	"council": true, "ministry": true, "party": true, "agency": true, "court": true, "command": true,
	"forces": true, "army": true, "news": true, "times": true, "post": true, "centre": true,
	"center": true, "bridge": true, "mountains": true, "valley": true, "bay": true, "gulf": true,
	"strait": true, "peninsula": true, "province": true, "region": true, "district": true, "city": true,
	"county": true, "union": true, "republic": true, "kingdom": true, "capitol": true, "hall": true,
	"house": true, "base": true, "port": true, "church": true, "cathedral": true, "mosque": true,
	"parliament": true, "congress": true, "senate": true, "assembly": true, "department": true,
	"office": true, "service": true, "bank": true, "fund": true, "group": true, "company": true,
	"corporation": true, "inc": true, "committee": true, "commission": true, "organization": true,
	"organisation": true, "institute": true, "foundation": true, "association": true, "war": true,
	"revolution": true, "treaty": true, "accord": true, "agreement": true, "day": true, "week": true,
	"summit": true, "games": true, "cup": true, "olympics": true, "tower": true, "building": true,
	"cooperation": true, "alliance": true, "coalition": true, "front": true, "guard": true,
	"guards": true, "navy": true, "corps": true, "station": true, "plaza": true, "avenue": true,
	"road": true, "highway": true, "zone": true, "desk": true, "wire": true, "live": true,
	"related": true, "summary": true, "updated": true, "author": true, "date": true, "subjects": true,
	"stories": true, "photo": true, "image": true, "caption": true, "speaking": true, "separately": true,
	"meanwhile": true, "however": true, "also": true, "earlier": true, "later": true, "after": true,
	"before": true, "under": true, "weeks": true, "military": true, "nuclear": true, "state": true,
	"this": true, "that": true, "these": true, "those": true, "his": true, "her": true, "their": true,
	"its": true, "our": true, "he": true, "she": true, "they": true, "we": true, "it": true, "i": true,
	"by": true, "for": true, "with": true, "from": true, "to": true, "of": true, "as": true,
	"when": true, "while": true, "if": true, "ukraine's": true, "north": true, "south": true,
	"east": true, "west": true, "eastern": true, "western": true, "northern": true, "southern": true,
	"central": true, "black": true, "red": true, "mediterranean": true, "atlantic": true, "pacific": true,
	"europe": true, "asia": true, "africa": true, "middle": true, "arctic": true, "baltic": true,
	"islamic": true, "revolutionary": true, "christian": true, "muslim": true, "jewish": true,
	"catholic": true, "orthodox": true, "democrats": true, "republicans": true, "democratic": true,
	"republican": true, "labour": true, "conservative": true, "tories": true, "communist": true,
	"mission": true, "embassy": true, "consulate": true, "headquarters": true, "base's": true,
	"instrument": true, "accession": true, "chinese": true, "state's": true, "internet": true,
	"telegram": true, "twitter": true, "facebook": true, "x": true, "youtube": true, "cnn": true,
	"bbc": true, "tv": true, "radio": true, "television": true, "press": true, "media": true,
	"new": true, "air": true, "airlines": true, "airways": true, "old": true, "great": true,
	"grand": true, "saint": true, "fort": true, "port's": true, "general's": true,
	"last": true, "next": true, "early": true, "late": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// placeNouns after a name make it a place or a thing: "Ataturk airport".
var placeNouns = map[string]bool{
	"airport": true, "square": true, "street": true, "palace": true, "bridge": true, "university": true,
	"hospital": true, "stadium": true, "river": true, "province": true, "region": true, "city": true,
	"hotel": true, "base": true, "port": true, "district": true, "camp": true, "prison": true,
	"avenue": true, "road": true, "station": true, "mosque": true, "church": true, "institute": true,
	"foundation": true, "center": true, "centre": true, "group": true, "company": true, "county": true,
}

// placePrepositions before an untitled capitalised phrase make it a place:
// "in New York", "at Villa La Grange".
var placePrepositions = map[string]bool{
	"in": true, "at": true, "near": true, "across": true, "into": true, "through": true,
	"outside": true, "inside": true, "around": true,
}

// eastAsianSurnames come first in names ("Kim Jong Un", "Xi Jinping").
var eastAsianSurnames = map[string]bool{
	"kim": true, "lee": true, "park": true, "moon": true, "yoon": true, "yun": true, "choi": true,
	"jung": true, "chung": true, "kang": true, "cho": true, "han": true, "shin": true, "xi": true,
	"li": true, "wang": true, "zhang": true, "liu": true, "chen": true, "yang": true, "zhao": true,
	"huang": true, "zhou": true, "wu": true, "hu": true, "jiang": true, "deng": true, "mao": true,
	"wen": true, "lai": true, "tsai": true, "ma": true, "hun": true, "ban": true,
}

// particles join the parts of a name: "bin Salman", "de Gaulle", "von der Leyen".
var particles = map[string]bool{
	"bin": true, "bint": true, "al": true, "al-": true, "de": true, "del": true, "van": true,
	"von": true, "der": true, "la": true, "le": true, "du": true, "da": true, "di": true, "ibn": true,
}

// plural anaphora refer back to the actors of the story so far.
var pluralAnaphora = []string{
	"the leaders", "the two leaders", "the two men", "the two sides", "both sides", "the two",
	"both leaders", "the two presidents", "the pair", "the two countries", "the two governments",
	"the four leaders", "the three leaders", "the sides", "both men",
}

// mention is an actor found at words[i:j] of a sentence.
type mention struct {
	actor    timeline.Actor
	i, j     int
	nation   bool // a nationality of the person next to it ("Russian President ...", "... of Russia")
	location bool // a capital named as a place ("signed in Minsk"), not as a party
	source   bool // the source of a report ("according to the United Nations")
}

// people is the article's register of persons, so that "Mr. Putin" and
// "Putin" are the "Vladimir Putin" first named in full.
type people struct {
	byKey map[string]string // surname (lower case) -> full name
}

func newPeople() *people { return &people{byKey: map[string]string{}} }

// surname is the key under which a full name is known.
func surname(full string) string {
	parts := strings.Fields(full)
	if len(parts) == 0 {
		return ""
	}
	if eastAsianSurnames[strings.ToLower(parts[0])] && len(parts) >= 2 {
		return strings.ToLower(parts[0])
	}
	return strings.ToLower(parts[len(parts)-1])
}

// learn records a full name unless the surname is already taken by an
// earlier, fuller name.
func (p *people) learn(full string) {
	k := surname(full)
	if k == "" {
		return
	}
	if old, ok := p.byKey[k]; !ok || len(strings.Fields(full)) > len(strings.Fields(old)) && !strings.Contains(old, " ") {
		p.byKey[k] = full
	}
}

func (p *people) lookup(name string) (string, bool) {
	full, ok := p.byKey[strings.ToLower(name)]
	return full, ok
}

// findActors returns the actors named in a sentence's words, in order.
func findActors(ws []word, reg *people, learn bool) []mention {
	var out []mention
	for i := 0; i < len(ws); {
		if m, ok := gazetteerAt(ws, i); ok {
			out = append(out, m)
			i = m.j
			continue
		}
		if g, n, ok := groupAt(ws, i); ok {
			out = append(out, mention{actor: timeline.Actor{Name: g, Kind: timeline.ActorGroup}, i: i, j: i + n})
			i += n
			continue
		}
		if m, ok := personAt(ws, i, reg, learn); ok {
			out = append(out, m)
			i = m.j
			continue
		}
		i++
	}
	out = coordinatedPeople(ws, out)
	markNationalities(ws, out)
	for k := range out {
		m := &out[k]
		if m.i > 0 && gaz.metonym[strings.ToLower(joinWords(ws[m.i:m.j]))] && placePrepositions[ws[m.i-1].low] {
			m.location = true
		}
		if m.i >= 2 && ws[m.i-2].low == "according" && ws[m.i-1].low == "to" ||
			m.i >= 3 && ws[m.i-3].low == "according" && ws[m.i-2].low == "to" && ws[m.i-1].low == "the" {
			m.source = true
		}
	}
	return out
}

// coordinatedPeople adds the person joined by "and" to a named one:
// "Aliyev and Pashinyan met" names two people, though only one was named
// with a title.
func coordinatedPeople(ws []word, ms []mention) []mention {
	var out []mention
	for k, m := range ms {
		i := m.i
		if m.actor.Kind == timeline.ActorPerson && i >= 2 && ws[i-1].low == "and" {
			w := ws[i-2]
			_, place := gaz.forms[w.low]
			taken := k > 0 && ms[k-1].j > i-2
			if w.upper && !w.punct && !place && !taken && !notNames[w.low] && !titles[w.low] && !isMonthOrDay(w.low) {
				out = append(out, mention{actor: person(w.text), i: i - 2, j: i - 1})
			}
		}
		out = append(out, m)
	}
	return out
}

func joinWords(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

// gazetteerAt matches the longest country or organisation name at i.
func gazetteerAt(ws []word, i int) (mention, bool) {
	if ws[i].punct || !ws[i].upper && ws[i].low != "the" {
		return mention{}, false
	}
	longest := gaz.first[ws[i].low]
	for n := min(longest, len(ws)-i); n >= 1; n-- {
		key := ws[i].low
		if n > 1 {
			parts := make([]string, n)
			for k := 0; k < n; k++ {
				parts[k] = ws[i+k].low
			}
			key = strings.Join(parts, " ")
		}
		a, ok := gaz.forms[key]
		if !ok {
			continue
		}
		form := joinWords(ws[i : i+n])
		if isShortAcronym(key) {
			if strings.ToUpper(form) != form {
				continue // "us", "Who": words, not acronyms
			}
		} else if !ws[i+n-1].upper {
			continue // "turkey" is a bird
		}
		if i > 0 && ws[i-1].upper && !ws[i-1].punct && !titles[ws[i-1].low] && !isStart(ws, i-1) {
			if _, known := gaz.forms[ws[i-1].low]; !known {
				return mention{}, false // part of a larger name: "Air China"
			}
		}
		return mention{actor: a, i: i, j: i + n}, true
	}
	return mention{}, false
}

// isStart reports whether word k begins its sentence.
func isStart(ws []word, k int) bool {
	return k == 0 || ws[k-1].punct && strings.ContainsAny(ws[k-1].text, ".!?\"“—")
}

// isShortAcronym reports whether a gazetteer key is an acronym that must be
// written in capitals to count.
func isShortAcronym(key string) bool {
	switch key {
	case "us", "u.s.", "usa", "u.s.a.", "uk", "u.k.", "un", "u.n.", "eu", "e.u.", "au", "who", "wto",
		"icc", "imf", "drc", "uae", "prc", "sco", "gcc", "icj", "opec", "osce", "iaea", "isis", "isil",
		"dprk", "icrc":
		return true
	}
	return false
}

func groupAt(ws []word, i int) (string, int, bool) {
	if ws[i].low == "coup" && i+1 < len(ws) && ws[i+1].low == "plotters" {
		return groupWords["coup plotters"], 2, true
	}
	if g, ok := groupWords[ws[i].low]; ok {
		return g, 1, true
	}
	return "", 0, false
}

// personAt reads a person's name at i: after a title ("President Vladimir
// V. Putin", "Kremlin spokesman Dmitry Peskov"), as a first and last name
// ("Angela Merkel"), or as a surname known from the article ("Mr. Putin",
// "Merkel").
func personAt(ws []word, i int, reg *people, learn bool) (mention, bool) {
	titled := false
	k := i
	for k < len(ws) && titles[strings.TrimSuffix(ws[k].low, ".")] && !(ws[k].low == "of" && k == i) {
		if ws[k].low == "of" && !(k+1 < len(ws) && (ws[k+1].low == "state" || ws[k+1].low == "defense" || ws[k+1].low == "defence")) {
			break
		}
		titled = true
		k++
		if k < len(ws) && ws[k].text == "." {
			k++
		}
	}
	if titled && k == i {
		return mention{}, false
	}
	if !titled && i > 0 && ws[i-1].upper && notNames[ws[i-1].low] && !isStart(ws, i-1) {
		return mention{}, false // "Villa La Grange", "Lake Geneva": the rest of a place's name
	}
	// the name itself: capitalised words, initials, particles
	start := k
	var parts []string
	for k < len(ws) {
		w := ws[k]
		switch {
		case w.upper && !w.punct && !notNames[w.low] && (!isMonthOrDay(w.low) || titled || len(parts) > 0):
			if _, isPlace := gaz.forms[w.low]; isPlace && len(parts) == 0 && !titled {
				return mention{}, false
			}
			if len(w.text) == 1 && k+1 < len(ws) && ws[k+1].text == "." { // an initial
				k += 2
				continue
			}
			parts = append(parts, w.text)
			k++
			continue
		case particles[w.low] && len(parts) > 0 && k+1 < len(ws) && ws[k+1].upper:
			parts = append(parts, w.text)
			k++
			continue
		}
		break
	}
	if len(parts) == 0 || len(parts) > 4 {
		return mention{}, false
	}
	if k < len(ws) && placeNouns[ws[k].low] {
		return mention{}, false // "Ataturk airport"
	}
	if !titled && i > 0 && placePrepositions[ws[i-1].low] {
		if _, known := reg.lookup(surname(strings.Join(parts, " "))); !known {
			return mention{}, false // "in New York"; "to Putin" is a known person
		}
	}
	full := strings.Join(parts, " ")
	switch {
	case len(parts) == 1:
		if known, ok := reg.lookup(parts[0]); ok {
			return mention{actor: person(known), i: i, j: k}, true
		}
		if !titled && !(k < len(ws) && subjectVerbs[ws[k].low]) {
			return mention{}, false
		}
		if !titled && isStart(ws, i) && strings.HasSuffix(parts[0], "s") {
			return mention{}, false // "Analysts said", "Officials say": not a name
		}
		if learn {
			reg.learn(full)
		}
		if known, ok := reg.lookup(parts[0]); ok {
			full = known
		}
		return mention{actor: person(full), i: i, j: k}, true
	default:
		if !titled && start == 0 && hasCountryWord(parts) {
			return mention{}, false
		}
		if learn {
			reg.learn(full)
		}
		if known, ok := reg.lookup(surname(full)); ok && strings.HasSuffix(known, parts[len(parts)-1]) {
			full = known
		}
		return mention{actor: person(full), i: i, j: k}, true
	}
}

// subjectVerbs after a single capitalised word make it a person's surname:
// "Prigozhin says", "Merkel told".
var subjectVerbs = map[string]bool{
	"says": true, "said": true, "told": true, "tells": true, "accused": true, "accuses": true,
	"warned": true, "warns": true, "announced": true, "insisted": true, "denied": true, "added": true,
	"met": true, "spoke": true, "called": true, "urged": true, "claimed": true, "claims": true,
	"vowed": true, "wrote": true, "tweeted": true, "declared": true, "demanded": true,
}

func person(name string) timeline.Actor {
	return timeline.Actor{Name: name, Kind: timeline.ActorPerson}
}

func hasCountryWord(parts []string) bool {
	for _, p := range parts {
		if _, ok := gaz.forms[strings.ToLower(p)]; ok {
			return true
		}
	}
	return false
}

func isMonthOrDay(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
		"nov", "dec":
		return true
	}
	return false
}

// markNationalities flags a country that only says where a person is
// from: "Russian President Vladimir Putin", "Vladimir Putin of Russia".
func markNationalities(ws []word, ms []mention) {
	for k := range ms {
		if ms[k].actor.Kind != timeline.ActorCountry {
			continue
		}
		if k+1 < len(ms) && ms[k+1].actor.Kind == timeline.ActorPerson && ms[k+1].i == ms[k].j {
			ms[k].nation = true
		}
		if k > 0 && ms[k-1].actor.Kind == timeline.ActorPerson && ms[k].i == ms[k-1].j+1 && ws[ms[k-1].j].low == "of" {
			ms[k].nation = true
		}
	}
}
