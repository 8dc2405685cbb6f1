package timex

import "github.com/dateline/dateline/timeline/extract/text"

// tense of the clause around an expression.
type tense int8

const (
	tenseUnknown tense = iota
	tensePast
	tenseFuture
)

// reading is what the clause around an expression says of its time.
type reading struct {
	tense tense
	// fromPast: the clause looks forward from a moment in the past ("he
	// said he would travel on Monday", "the summit was to take place in
	// October"): forward from that moment when the sentence names it,
	// else from the publication date.
	fromPast bool
}

// cue is what one word says of its clause's time: dir +1 forward, -1
// back, 0 nothing; fromPast as in reading.
type cue struct {
	dir      int8
	fromPast bool
}

var (
	noCue      = cue{}
	pastCue    = cue{dir: -1}
	futureCue  = cue{dir: 1}
	laterCue   = cue{dir: 1, fromPast: true}
	tenseReach = 11 // words either side a cue is looked for
)

// tenseAround reads the clause around tokens [i, j): the nearest tense cue
// wins, looking a few words either side without crossing clause
// punctuation.
func (p *parser) tenseAround(i, j int) reading {
	var left, right cue
	lw, rw := 0, 0
	// a date at the head of its sentence ("On Friday, the leaders will
	// meet") takes its tense from the clause after the comma; elsewhere the
	// comma closes the clause
	fronted := i == 0 || p.clauseBreak(i-1) || p.low(i-1) == "on" && (i == 1 || p.clauseBreak(i-2))
	for k, n := i-1, 1; k >= 0 && n <= tenseReach; k, n = k-1, n+1 {
		if p.clauseBreak(k) {
			break
		}
		if !p.mayCue(k) {
			continue
		}
		if c := p.cue(k); c.dir != 0 {
			left, lw = c, tenseReach+1-n
			break
		}
	}
	// a cue right before the date wins over any after it
	for k, n := j, 1; lw < tenseReach && k < len(p.toks) && n <= tenseReach; k, n = k+1, n+1 {
		if p.clauseBreak(k) || !fronted && p.toks[k].Kind == text.Punct && p.text[p.toks[k].Start] == ',' {
			break
		}
		if !p.mayCue(k) {
			continue
		}
		if c := p.cue(k); c.dir != 0 {
			right, rw = c, tenseReach+1-n
			break
		}
	}
	// the nearer cue wins; at equal distance the one before the date
	c := left
	if rw > lw {
		c = right
	}
	switch c.dir {
	case 1:
		return reading{tense: tenseFuture, fromPast: c.fromPast}
	case -1:
		return reading{tense: tensePast}
	}
	return reading{}
}

func (p *parser) clauseBreak(k int) bool {
	return k >= 0 && k < len(p.toks) && (p.toks[k].Break() || p.cls[k]&wBreak != 0)
}

// sentenceBreak reports whether a sentence ends between tokens i and j.
func (p *parser) sentenceBreak(i, j int) bool {
	for k := max(i, 0); k < j && k < len(p.toks); k++ {
		if p.toks[k].Break() || p.cls[k]&wStop != 0 {
			return true
		}
	}
	return false
}

// reportedBetween reports whether a verb of saying or deciding stands
// just before token i ("said on Tuesday") or between i and j ("on
// Tuesday he said"): a date there is when a plan was told of.
func (p *parser) reportedBetween(i, j int) bool {
	for k := max(0, i-3); k < j; k++ {
		if reportingVerbs[p.low(k)] {
			return true
		}
	}
	return false
}

// reportingVerbs tell of a plan at the moment they are dated by.
var reportingVerbs = map[string]bool{
	"said": true, "told": true, "announced": true, "stated": true, "declared": true, "promised": true,
	"agreed": true, "decided": true, "pledged": true, "vowed": true, "insisted": true, "confirmed": true,
	"indicated": true, "suggested": true, "warned": true, "wrote": true, "added": true, "predicted": true,
}

// mayCue is a quick test of whether the word at k can be a cue: a word of
// the tense lexicon, or a lower-case word in -ed.
func (p *parser) mayCue(k int) bool {
	return p.cls[k]&wTense != 0 || p.edWord(k)
}

// edWord reports a lower-case word of five letters or more in -ed.
func (p *parser) edWord(k int) bool {
	t := &p.toks[k]
	return t.Kind == text.Alpha && !t.Upper() && t.End-t.Start > 4 && p.text[t.End-2:t.End] == "ed"
}

// cue reads the word at k.
func (p *parser) cue(k int) cue {
	if p.cls[k]&wTense == 0 {
		if p.edWord(k) {
			return p.pastParticiple(k)
		}
		return noCue
	}
	l := p.low(k)
	switch l {
	case "would":
		// "would not comment": a refusal already made; "would have
		// met": a past that did not happen
		if p.is(k+1, "not", "n't") && refusals[p.low(k+2)] || p.is(k+1, "have") || p.is(k+1, "not", "n't") && p.is(k+2, "have") {
			return pastCue
		}
		return laterCue
	case "wouldn":
		if p.is(k+1, "'t") && refusals[p.low(k+2)] {
			return pastCue
		}
		return laterCue
	case "won":
		if p.is(k+1, "'t") {
			return futureCue // won't
		}
	case "to":
		return p.toCue(k)
	case "ahead":
		if p.is(k+1, "of") {
			return futureCue // "ahead of Tuesday's talks"
		}
	case "expected":
		if p.is(k-1, "is", "are", "be", "'s", "'re") {
			return futureCue // "elections are expected in October"
		}
		if p.is(k-1, "was", "were") {
			return laterCue
		}
		return noCue
	case "takes", "take", "comes", "come", "enters", "enter", "goes", "go":
		if p.is(k+1, "effect") || p.is(k+1, "into") && p.is(k+2, "force", "effect") {
			return futureCue // "the truce, which takes effect on Monday"
		}
	}
	switch {
	case futureCues[l]:
		return futureCue
	case pastCues[l] || irregularPast[l]:
		return pastCue
	}
	if p.edWord(k) {
		return p.pastParticiple(k)
	}
	return noCue
}

// pastParticiple reads a word in -ed at k: a past tense, unless it is a
// participle after "be" or "to", or a word of plans.
func (p *parser) pastParticiple(k int) cue {
	switch p.textOf(k) {
	case "scheduled", "expected", "planned", "proposed", "needed", "intended", "supposed":
		return noCue
	}
	if p.is(k-1, "be", "being", "to", "get") {
		return noCue // "will be paid", "to be completed": a participle, not a past tense
	}
	return pastCue
}

// contextCues say a tense only with the words around them (see cue).
var contextCues = map[string]bool{
	"would": true, "wouldn": true, "won": true, "to": true, "ahead": true, "expected": true,
	"takes": true, "take": true, "comes": true, "come": true, "enters": true, "enter": true,
	"goes": true, "go": true,
}

// toCue reads "to" after a word that makes it look forward: "is due to",
// "plans to", "was to", "were expected to".
func (p *parser) toCue(k int) cue {
	prev := p.low(k - 1)
	past := p.is(k-2, "was", "were", "had")
	switch {
	case prev == "was" || prev == "were":
		if p.is(k+1, "blame") || p.tok(k+1).Kind != text.Alpha || p.tok(k+1).Upper() {
			return noCue // "was to blame", "were to the north"
		}
		return laterCue // "the summit was to take place in October"
	case prev == "due":
		// "is due to arrive", not "cancelled due to the storm"
		if !p.is(k-2, "is", "are", "was", "were", "be", "been", "'s", "'re", "not", "also", "still", ",") ||
			causeWords[p.low(k+1)] {
			return noCue
		}
	case !futureBeforeTo[prev]:
		return noCue
	}
	if past || pastPlans[prev] {
		return laterCue
	}
	return futureCue
}

// futureCues mark a clause as looking forward: a bare weekday or month in
// it names the next one, not the last. Cues that need a following "to"
// ("is due to", "is set to") are in futureBeforeTo.
var futureCues = map[string]bool{
	"will": true, "'ll": true, "shall": true, "tomorrow": true, "next": true,
	"upcoming": true, "scheduled": true, "soon": true, "coming": true,
	"wo": true, "planned": true, "could": true, "might": true,
	// a condition looks at what has not happened yet: "if the talks fail on Friday"
	"if": true, "unless": true,
	// the present of a timetable: "the trial, which opens on Monday"
	"begins": true, "opens": true, "resumes": true, "expires": true, "convenes": true,
}

var futureBeforeTo = map[string]bool{
	"due": true, "set": true, "expected": true, "going": true, "plans": true, "plan": true,
	"planning": true, "intends": true, "aims": true, "hopes": true, "is": true, "are": true,
	"poised": true, "likely": true, "scheduled": true, "agreed": true, "agree": true, "decided": true,
	"promised": true, "pledged": true, "vowed": true, "ready": true, "planned": true, "intended": true,
	"supposed": true, "slated": true,
}

// pastPlans are past tenses of planning: what they look forward to is
// seen from the moment the plan was made ("Russia agreed to withdraw on
// Friday").
var pastPlans = map[string]bool{
	"agreed": true, "decided": true, "promised": true, "pledged": true, "vowed": true,
	"planned": true, "intended": true, "supposed": true,
}

// causeWords follow "due to" when it gives a cause rather than a plan.
var causeWords = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true,
	"our": true, "this": true, "that": true, "these": true, "those": true, "bad": true, "poor": true,
	"heavy": true, "security": true, "technical": true, "lack": true, "concerns": true, "fears": true,
}

// refusals after "would not" report a refusal, not a plan: "the Kremlin
// would not comment on Friday".
var refusals = map[string]bool{
	"comment": true, "say": true, "confirm": true, "elaborate": true, "disclose": true,
	"discuss": true, "reveal": true, "speculate": true, "answer": true, "specify": true, "deny": true,
}

// pastCues mark a clause as reporting what happened.
var pastCues = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "did": true, "ago": true,
	"last": true, "yesterday": true, "told": true, "announced": true, "earlier": true,
	"since": true, "has": true, "have": true, "been": true, "says": true,
}

// irregularPast are past-tense verbs that do not end in -ed.
var irregularPast = map[string]bool{
	"began": true, "met": true, "flew": true, "held": true, "spoke": true, "took": true,
	"came": true, "went": true, "gave": true, "made": true, "sat": true, "fought": true,
	"broke": true, "fell": true, "left": true, "led": true, "won": true, "lost": true,
	"sent": true, "struck": true, "saw": true, "drew": true, "wrote": true, "rose": true,
	"ran": true, "brought": true, "bought": true, "sought": true, "thought": true, "felt": true,
	"kept": true, "became": true, "found": true, "stood": true, "paid": true, "knew": true,
	"grew": true, "threw": true, "chose": true, "shook": true, "spent": true, "sold": true,
	"hit": false, "shot": true, "fled": true, "swept": true, "stole": true, "wore": true,
	"arose": true, "forgot": true, "withdrew": true, "overtook": true, "undertook": true,
}
