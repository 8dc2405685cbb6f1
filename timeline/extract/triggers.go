package extract

import (
	"strings"

	"github.com/dateline/dateline/timeline"
)

// trigger is a word (or words) of a sentence that names an event.
type trigger struct {
	kind  timeline.Kind
	i, j  int    // words[i:j]
	lemma string // the event word as a title would use it
	verb  bool
}

type entry struct {
	kind  timeline.Kind
	lemma string
	verb  bool
}

// lexicon maps unambiguous word forms to the events they name. Ambiguous
// words ("call", "strike", "talks", "launched", "test") are decided by
// context in triggerAt.
var lexicon = map[string]entry{}

func init() {
	add := func(kind timeline.Kind, lemma string, verb bool, forms ...string) {
		for _, f := range forms {
			lexicon[f] = entry{kind, lemma, verb}
		}
	}
	add(timeline.KindCall, "call", true, "phoned", "telephoned", "rang")
	add(timeline.KindMeeting, "meet", true, "met", "meet", "meets", "hosted", "hosts", "convened", "convene", "convenes")
	add(timeline.KindMeeting, "meeting", false, "meeting", "meetings", "summit", "summits", "negotiations", "summitry")
	add(timeline.KindVisit, "visit", true, "visited", "visits", "visiting", "arrived", "arrives", "arrive", "landed", "toured",
		"travelled", "traveled", "travels", "travel", "travelling", "traveling")
	add(timeline.KindVisit, "visit", false, "visit", "trip", "arrival", "tour")
	add(timeline.KindAgreement, "agree", true, "agreed", "agree", "agrees", "signed", "sign", "signs", "ratified", "ratify", "ratifies", "brokered")
	add(timeline.KindAgreement, "agreement", false, "agreement", "agreements", "deal", "accord", "accords", "treaty",
		"ceasefire", "cease-fire", "truce", "armistice", "pact", "memorandum", "ratification", "declaration",
		"accession", "partnership")
	add(timeline.KindStatement, "say", true, "said", "says", "told", "tells")
	add(timeline.KindStatement, "state", true, "announced", "announces", "declared",
		"stated", "warned", "warns", "accused", "accuses", "blamed", "blames", "condemned", "condemns", "denied",
		"denies", "insisted", "urged", "urges", "praised", "criticised", "criticized", "addressed", "tweeted",
		"reiterated", "dismissed", "welcomed", "predicted", "apologized", "apologised", "reaffirmed", "promised",
		"pledged", "vowed", "argued", "acknowledged", "confirmed", "rejected", "demanded", "recalled", "issued", "proposed",
		"applied", "unveiled")
	add(timeline.KindStatement, "statement", false, "statement", "statements", "announcement", "speech", "address", "remarks", "communique")
	add(timeline.KindThreat, "threaten", true, "threatened", "threatens", "threaten", "detonated", "tested", "retaliate", "respond")
	add(timeline.KindThreat, "threat", false, "threat", "threats", "ultimatum", "ultimatums", "detonation")
	add(timeline.KindSanction, "sanction", true, "sanctioned", "expelled", "expel", "expels", "expelling", "banned", "blacklisted", "severed", "embargoed")
	add(timeline.KindSanction, "sanctions", false, "sanction", "sanctions", "expulsion", "expulsions", "embargo", "tariffs", "tariff")
	add(timeline.KindStrike, "attack", true, "struck", "attacked", "attacks", "bombed", "bombs", "shelled", "invaded", "invade",
		"invades", "raided", "bombarded", "stormed", "ambushed", "shot", "seized", "captured", "occupied")
	add(timeline.KindStrike, "attack", false, "attack", "bombing", "bombings", "bombardment", "shelling", "invasion",
		"airstrike", "airstrikes", "air strike", "raid", "raids", "offensive", "assault", "incursion", "fighting",
		"clashes", "mutiny", "uprising", "poisoning", "coup", "putsch", "war")
	add(timeline.KindLeadership, "elect", true, "elected", "re-elected", "reelected", "inaugurated", "resigned", "resigns",
		"appointed", "ousted", "toppled", "impeached", "succeeded", "installed")
	add(timeline.KindLeadership, "election", false, "election", "elections", "re-election", "reelection", "inauguration", "resignation")
	add(timeline.KindAid, "aid", false, "aid", "assistance", "loan", "loans", "grant", "donation", "package")
	add(timeline.KindAid, "aid", true, "donated", "delivered")
	add(timeline.KindProtest, "protest", true, "protested", "demonstrated", "rallied", "marched", "rioted")
	add(timeline.KindProtest, "protest", false, "protest", "protests", "protesters", "protestors", "demonstration",
		"demonstrations", "demonstrators", "rally", "rallies", "riots", "rioting")
}

// phrases are multi-word triggers, checked before single words.
var phrases = []struct {
	words []string
	entry
}{
	{[]string{"phone", "call"}, entry{timeline.KindCall, "call", false}},
	{[]string{"telephone", "call"}, entry{timeline.KindCall, "call", false}},
	{[]string{"video", "call"}, entry{timeline.KindCall, "call", false}},
	{[]string{"phone", "conversation"}, entry{timeline.KindCall, "call", false}},
	{[]string{"telephone", "conversation"}, entry{timeline.KindCall, "call", false}},
	{[]string{"phone", "calls"}, entry{timeline.KindCall, "call", false}},
	{[]string{"video", "conference"}, entry{timeline.KindCall, "call", false}},
	{[]string{"joint", "statement"}, entry{timeline.KindAgreement, "agreement", false}},
	{[]string{"joint", "declaration"}, entry{timeline.KindAgreement, "agreement", false}},
	{[]string{"took", "effect"}, entry{timeline.KindAgreement, "agreement", true}},
	{[]string{"take", "effect"}, entry{timeline.KindAgreement, "agreement", true}},
	{[]string{"came", "into", "force"}, entry{timeline.KindAgreement, "agreement", true}},
	{[]string{"sat", "down"}, entry{timeline.KindMeeting, "meet", true}},
	{[]string{"held", "talks"}, entry{timeline.KindMeeting, "meet", true}},
	{[]string{"news", "conference"}, entry{timeline.KindStatement, "statement", false}},
	{[]string{"press", "conference"}, entry{timeline.KindStatement, "statement", false}},
	{[]string{"opened", "a", "criminal", "case"}, entry{timeline.KindStatement, "statement", true}},
	{[]string{"cut", "ties"}, entry{timeline.KindSanction, "sanction", true}},
	{[]string{"shot", "down"}, entry{timeline.KindStrike, "attack", true}},
	{[]string{"took", "control"}, entry{timeline.KindStrike, "attack", true}},
	{[]string{"taken", "control"}, entry{timeline.KindStrike, "attack", true}},
	{[]string{"took", "office"}, entry{timeline.KindLeadership, "take office", true}},
	{[]string{"returned", "to", "office"}, entry{timeline.KindLeadership, "take office", true}},
	{[]string{"returned", "to", "power"}, entry{timeline.KindLeadership, "take office", true}},
	{[]string{"came", "to", "power"}, entry{timeline.KindLeadership, "take office", true}},
	{[]string{"sworn", "in"}, entry{timeline.KindLeadership, "take office", true}},
	{[]string{"stepped", "down"}, entry{timeline.KindLeadership, "resign", true}},
	{[]string{"third", "term"}, entry{timeline.KindLeadership, "election", false}},
	{[]string{"second", "term"}, entry{timeline.KindLeadership, "election", false}},
	{[]string{"took", "to", "the", "streets"}, entry{timeline.KindProtest, "protest", true}},
	{[]string{"state", "visit"}, entry{timeline.KindVisit, "visit", false}},
	{[]string{"peace", "talks"}, entry{timeline.KindMeeting, "meeting", false}},
	{[]string{"military", "aid"}, entry{timeline.KindAid, "aid", false}},
	{[]string{"humanitarian", "aid"}, entry{timeline.KindAid, "aid", false}},
	{[]string{"arrest", "warrant"}, entry{timeline.KindStatement, "statement", false}},
	{[]string{"nuclear", "test"}, entry{timeline.KindThreat, "test", false}},
	{[]string{"missile", "test"}, entry{timeline.KindThreat, "test", false}},
	{[]string{"weapons", "test"}, entry{timeline.KindThreat, "test", false}},
}

// phraseIndex lists the phrases by their first word.
var phraseIndex = func() map[string][]int {
	m := map[string][]int{}
	for i, p := range phrases {
		m[p.words[0]] = append(m[p.words[0]], i)
	}
	return m
}()

// findTriggers returns the event words of a sentence.
func findTriggers(ws []word) []trigger {
	var out []trigger
	for i := 0; i < len(ws); i++ {
		t, ok := triggerAt(ws, i)
		if !ok {
			continue
		}
		if !t.verb && len(out) > 0 && judged(ws, out[len(out)-1], t) {
			continue // "condemned the attack": an event told before, judged now
		}
		if !t.verb && len(out) > 0 && purpose(ws, out[len(out)-1], t) {
			continue // "met Nowak on Monday for talks": the meeting, told once
		}
		out = append(out, t)
		i = t.j - 1
	}
	return out
}

// judgingVerbs take as object an event the story has already told.
var judgingVerbs = map[string]bool{
	"condemned": true, "condemns": true, "denied": true, "denies": true, "praised": true,
	"praises": true, "welcomed": true, "welcomes": true, "criticised": true, "criticized": true,
	"dismissed": true, "rejected": true, "blamed": true, "blames": true, "accused": true,
	"called": true, "calls": true, "defended": true, "justified": true, "hailed": true,
}

// judged reports whether the event noun n is the object of the judging
// verb v just before it ("condemned the attack on Thursday": the date is
// the condemnation's).
func judged(ws []word, v, n trigger) bool {
	if !v.verb || !judgingVerbs[ws[v.i].low] || n.i-v.j > 3 {
		return false
	}
	for k := v.j; k < n.i; k++ {
		switch ws[k].low {
		case "the", "a", "an", "this", "that", "its", "their", "his", "her", "latest", "recent":
		default:
			return false
		}
	}
	return true
}

// purpose reports whether the event noun n names the purpose of the event
// verb v before it, in the same clause: "met X for talks", "arrived for
// a visit" are one event each, dated by the verb.
func purpose(ws []word, v, n trigger) bool {
	if !v.verb || n.i-v.j > 12 || timeline.OccurrenceKinds(v.kind)[0] != timeline.OccurrenceKinds(n.kind)[0] {
		return false
	}
	k := n.i - 1
	for k > v.j && (ws[k].low == "a" || ws[k].low == "an" || ws[k].low == "the" || ws[k].low == "further" || ws[k].low == "more") {
		k--
	}
	if lowAt(ws, k) != "for" {
		return false
	}
	return !within(ws, v.j, k, ";", ":", "and", "but", "which", "who", "that", "after", "before")
}

func lowAt(ws []word, i int) string {
	if i < 0 || i >= len(ws) {
		return ""
	}
	return ws[i].low
}

// within reports whether one of want appears in ws[from:to].
func within(ws []word, from, to int, want ...string) bool {
	for k := max(0, from); k < min(len(ws), to); k++ {
		for _, w := range want {
			if ws[k].low == w {
				return true
			}
		}
	}
	return false
}

func triggerAt(ws []word, i int) (trigger, bool) {
	w := ws[i]
	if w.punct {
		return trigger{}, false
	}
	for _, pi := range phraseIndex[w.low] {
		p := phrases[pi]
		if i+len(p.words) > len(ws) {
			continue
		}
		ok := true
		for k, pw := range p.words {
			if ws[i+k].low != pw {
				ok = false
				break
			}
		}
		if ok {
			return trigger{kind: p.kind, i: i, j: i + len(p.words), lemma: p.lemma, verb: p.verb}, true
		}
	}
	l := w.low
	if e, ok := lexicon[l]; ok && !e.verb && modifierNoun(ws, i) {
		return trigger{}, false // "air raid sirens", "war cabinet": a modifier, not an event
	}
	if e, ok := lexicon[l]; ok && !e.verb && chargeObject(ws, i) {
		return trigger{}, false // "a criminal case for armed mutiny": the charge, not an event
	}
	if e, ok := lexicon[l]; ok && e.verb && e.kind == timeline.KindStrike && participle(ws, i) {
		return trigger{}, false // "the occupied port city": an adjective
	}
	switch l {
	case "struck", "strikes", "strike", "reached", "reach", "reaches", "inked", "clinched", "sealed":
		// "struck a deal", "reached an agreement": an agreement, not an attack
		if within(ws, i+1, i+4, "deal", "agreement", "accord", "bargain", "compromise", "truce", "ceasefire", "cease-fire", "pact") {
			return trigger{kind: timeline.KindAgreement, i: i, j: i + 1, lemma: "agree", verb: l != "strikes" && l != "strike"}, true
		}
	}
	switch l {
	case "reached", "reach", "reaches", "inked", "clinched", "sealed":
		return trigger{}, false
	case "ceasefire", "cease-fire", "truce", "agreement":
		if stateAfter(ws, i) {
			return trigger{}, false // "the ceasefire appeared to be holding": a state, not an event
		}
	case "session", "sessions":
		if within(ws, i-2, i, "emergency", "special", "closed", "extraordinary", "plenary", "urgent") {
			return trigger{kind: timeline.KindMeeting, i: i, j: i + 1, lemma: "meeting"}, true
		}
		return trigger{}, false
	case "member":
		if within(ws, i-4, i, "became", "become", "becomes", "becoming") {
			return trigger{kind: timeline.KindAgreement, i: i, j: i + 1, lemma: "join"}, true
		}
		return trigger{}, false
	case "sign", "signs":
		if within(ws, i-1, i, "a", "the", "another", "clear", "first", "no", "any") {
			return trigger{}, false // "a sign that"
		}
	case "agreed", "agrees", "agree":
		if within(ws, i+1, i+6, "that") && !within(ws, i+1, i+3, "to", "on") {
			return trigger{kind: timeline.KindStatement, i: i, j: i + 1, lemma: "state", verb: true}, true // agreed that X: an opinion
		}
	case "accepted", "accepts", "accept":
		if within(ws, i+1, i+5, "proposal", "deal", "offer", "plan", "agreement", "terms", "ceasefire", "truce") {
			return trigger{kind: timeline.KindAgreement, i: i, j: i + 1, lemma: "agree", verb: true}, true
		}
		return trigger{}, false
	case "call", "calls":
		// a phone call, not "called for" or "a call to arms"
		if within(ws, i-3, i, "a", "an", "the", "his", "her", "their", "its", "known", "hourlong", "first",
			"second", "third", "fourth", "fifth", "sixth", "latest", "previous", "rare") &&
			!within(ws, i+1, i+2, "for", "on", "off", "to", "it", "them", "up") {
			return trigger{kind: timeline.KindCall, i: i, j: i + 1, lemma: "call"}, true
		}
		return trigger{}, false
	case "called":
		if within(ws, i+1, i+2, "off") {
			return trigger{kind: timeline.KindStatement, i: i, j: i + 2, lemma: "cancel", verb: true}, true
		}
		return trigger{kind: timeline.KindStatement, i: i, j: i + 1, lemma: "state", verb: true}, true
	case "spoke", "speaks", "spoken", "talked", "talks", "speak", "talk":
		if within(ws, i+1, i+5, "phone", "telephone") {
			return trigger{kind: timeline.KindCall, i: i, j: i + 1, lemma: "call", verb: true}, true
		}
		if l == "talks" && (within(ws, i-2, i, "held", "for", "in", "of", "the", "direct", "informal", "formal", "peace", "more", "further", "new", "fresh") ||
			within(ws, i+1, i+2, "with", "between", "on", "in", "at")) {
			return trigger{kind: timeline.KindMeeting, i: i, j: i + 1, lemma: "meeting"}, true
		}
		if (l == "spoke" || l == "talked") && within(ws, i+1, i+2, "to", "with") && i+2 < len(ws) && ws[i+2].upper {
			return trigger{kind: timeline.KindCall, i: i, j: i + 1, lemma: "call", verb: true}, true
		}
		return trigger{}, false
	case "conversation", "conversations":
		return trigger{kind: timeline.KindMeeting, i: i, j: i + 1, lemma: "conversation"}, true
	case "strike", "strikes":
		// military strikes, not labour strikes
		if within(ws, i-2, i, "air", "missile", "drone", "military", "retaliatory", "nuclear", "us", "u.s.",
			"israeli", "russian", "iranian", "american", "a", "the", "their", "its", "new", "further") &&
			!within(ws, i-2, i, "general", "hunger", "labour", "labor", "rail", "workers") ||
			within(ws, i+1, i+2, "on", "against", "in") && !within(ws, i-2, i, "general", "hunger") {
			return trigger{kind: timeline.KindStrike, i: i, j: i + 1, lemma: "strike"}, true
		}
		if l == "strike" && within(ws, i-2, i, "to") {
			return trigger{kind: timeline.KindThreat, i: i, j: i + 1, lemma: "threaten", verb: true}, true
		}
		return trigger{}, false
	case "launched", "launches", "launch", "fired", "fires":
		if within(ws, i+1, i+5, "attack", "attacks", "missiles", "missile", "drones", "drone", "rockets",
			"rocket", "strike", "strikes", "offensive", "operation", "invasion", "assault", "raid", "shells", "war") {
			return trigger{kind: timeline.KindStrike, i: i, j: i + 1, lemma: "attack", verb: true}, true
		}
		return trigger{}, false
	case "hit", "hits":
		if within(ws, i-3, i, "missile", "missiles", "rocket", "rockets", "drone", "drones", "strike", "strikes", "shells") {
			return trigger{kind: timeline.KindStrike, i: i, j: i + 1, lemma: "attack", verb: true}, true
		}
		return trigger{}, false
	case "test", "tests":
		if within(ws, i-3, i, "nuclear", "missile", "missiles", "weapons", "bomb", "hydrogen", "ballistic") {
			return trigger{kind: timeline.KindThreat, i: i, j: i + 1, lemma: "test"}, true
		}
		return trigger{}, false
	case "approved", "approves", "endorsed", "endorses":
		if within(ws, i+1, i+5, "bid", "accession", "deal", "treaty", "agreement", "membership", "plan", "assessment", "accord") {
			return trigger{kind: timeline.KindAgreement, i: i, j: i + 1, lemma: "approve", verb: true}, true
		}
		return trigger{}, false
	case "joined", "joins", "join":
		if within(ws, i+1, i+3, "nato", "alliance", "union", "eu") {
			return trigger{kind: timeline.KindAgreement, i: i, j: i + 1, lemma: "join", verb: true}, true
		}
		return trigger{}, false
	case "extended", "extends":
		if within(ws, i+1, i+4, "treaty", "deal", "agreement", "truce", "ceasefire", "cease-fire", "start", "accord") {
			return trigger{kind: timeline.KindAgreement, i: i, j: i + 1, lemma: "extend", verb: true}, true
		}
		return trigger{}, false
	case "flew", "flies", "fly", "travelled", "traveled", "went", "headed", "carried":
		if within(ws, i+1, i+6, "to", "into", "in") || l == "carried" && within(ws, i+1, i+6, "to") {
			return trigger{kind: timeline.KindVisit, i: i, j: i + 1, lemma: "visit", verb: true}, true
		}
		return trigger{}, false
	case "ordered", "ordering", "orders":
		if within(ws, i+1, i+7, "out", "leave", "expelled") {
			return trigger{kind: timeline.KindSanction, i: i, j: i + 1, lemma: "expel", verb: true}, true
		}
		return trigger{}, false
	case "crossed":
		if within(ws, i-4, i, "fighters", "troops", "forces", "soldiers", "tanks", "columns") {
			return trigger{kind: timeline.KindStrike, i: i, j: i + 1, lemma: "attack", verb: true}, true
		}
		return trigger{}, false
	case "removed":
		if within(ws, i+1, i+8, "posts", "post", "office", "power") {
			return trigger{kind: timeline.KindLeadership, i: i, j: i + 1, lemma: "remove", verb: true}, true
		}
		return trigger{}, false
	case "claim", "claims", "claimed":
		return trigger{kind: timeline.KindStatement, i: i, j: i + 1, lemma: "claim", verb: l == "claimed"}, true
	case "pledged", "pledges", "pledge":
		if within(ws, i+1, i+4, "$", "€", "£", "¥", "aid", "billion", "million") {
			return trigger{kind: timeline.KindAid, i: i, j: i + 1, lemma: "aid", verb: true}, true
		}
	case "deal", "deals":
		if within(ws, i+1, i+2, "with") && !within(ws, i-1, i, "a", "the") || stateAfter(ws, i) {
			return trigger{}, false // "to deal with"
		}
	case "war":
		if !within(ws, i+1, i+3, "began", "broke", "started", "erupted") {
			return trigger{}, false // "the war in Ukraine" is a setting, not an event of one day
		}
	case "address":
		if !within(ws, i-2, i, "televised", "his", "her", "an", "day", "year's", "nation") {
			return trigger{}, false
		}
	case "respond", "retaliate":
		if !within(ws, i-2, i, "would", "will") {
			return trigger{}, false
		}
	case "package", "grant", "aid", "assistance":
		if l == "package" && !within(ws, i-3, i, "aid", "military", "humanitarian", "economic", "financial", "weapons", "arms", "support") {
			return trigger{}, false
		}
	}
	if e, ok := lexicon[l]; ok {
		return trigger{kind: e.kind, i: i, j: i + 1, lemma: e.lemma, verb: e.verb}, true
	}
	return trigger{}, false
}

// stateAfter reports whether an agreement noun at i is described as
// lasting rather than made: "the ceasefire appeared to be holding".
func stateAfter(ws []word, i int) bool {
	return within(ws, i+1, i+9, "holding", "held", "holds", "hold", "remained", "remains")
}

// modifierHeads are nouns that an event noun before them modifies: "air
// raid sirens", "war cabinet", "strike force".
var modifierHeads = map[string]bool{
	"sirens": true, "siren": true, "helicopters": true, "aircraft": true, "jets": true, "cabinet": true,
	"zone": true, "force": true, "forces": true, "movement": true, "leaders": true, "leader": true,
	"ministry": true, "minister": true, "chief": true, "council": true, "plan": true, "plans": true,
	"deadline": true, "negotiators": true, "team": true, "ship": true, "ships": true, "vehicles": true,
	"capability": true, "site": true, "sites": true,
	"warning": true, "alarm": true, "crimes": true, "criminal": true, "footing": true, "games": true,
	"room": true, "table": true, "process": true, "terms": true, "framework": true, "partner": true,
	"partners": true, "group": true, "groups": true, "camp": true, "camps": true, "tactics": true,
}

func modifierNoun(ws []word, i int) bool {
	return i+1 < len(ws) && modifierHeads[ws[i+1].low]
}

// chargeObject reports whether the noun at i names what someone is
// accused or charged with, not an event: "a case for armed mutiny",
// "accused ... of a missile strike".
func chargeObject(ws []word, i int) bool {
	for k := i - 1; k >= max(0, i-4); k-- {
		switch ws[k].low {
		case "for", "of", "over":
			return within(ws, k-6, k, "case", "accused", "accusing", "accuses", "charged", "charges",
				"investigation", "probe", "suspicion", "warrant", "responsibility", "guilty", "convicted")
		}
	}
	return false
}

// participle reports whether a past-tense event verb at i is an
// adjective: "the occupied port city", "from occupied eastern Ukraine".
func participle(ws []word, i int) bool {
	return within(ws, i-1, i, "the", "a", "an", "of", "from", "in", "into", "its", "their", "his", "her", "newly", "recently")
}

// modality reads how a sentence presents the event at trigger t that
// happens on the given date: as fact, planned, denied or hypothetical.
func modality(ws []word, t trigger, future bool) timeline.Status {
	// the clause before the event word: back to a comma or a clause mark
	from := t.i - 6
	for k := t.i - 1; k >= max(0, from); k-- {
		if ws[k].punct && strings.ContainsAny(ws[k].text, ";—,:(") {
			from = k + 1
			break
		}
	}
	before := func(want ...string) bool { return within(ws, from, t.i, want...) }
	intentTo := lowAt(ws, t.i-1) == "to" && within(ws, t.i-3, t.i-1, "agreed", "agree", "plans", "plan",
		"planned", "expected", "due", "set", "going", "intends", "aims", "wants", "hopes", "decided",
		"promised", "pledged", "vowed", "is", "are", "ready", "prepared", "scheduled", "likely", "poised")
	switch {
	case before("if", "unless", "whether", "could", "might", "should") && t.kind != timeline.KindThreat:
		return timeline.StatusHypothetical
	case before("not", "n't", "never", "refused", "failed", "declined", "without") || lowAt(ws, t.i-1) == "no":
		return timeline.StatusNegated
	case t.kind != timeline.KindThreat && t.kind != timeline.KindStatement &&
		(before("will", "'ll", "would", "scheduled", "upcoming", "planned", "expected", "due", "plans") || intentTo || future):
		return timeline.StatusPlanned
	}
	return timeline.StatusReported
}

// ofKindWord tells whether a trigger word is a plain reporting verb: such
// events are kept only when nothing more specific is dated.
func (t trigger) reporting() bool {
	return t.kind == timeline.KindStatement && t.lemma == "say"
}

func init() {
	for k := range lexicon {
		if strings.Contains(k, " ") {
			delete(lexicon, k) // multi-word forms live in phrases
		}
	}
}
