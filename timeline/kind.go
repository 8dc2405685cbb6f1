package timeline

import "fmt"

// Kind is what happened. The vocabulary is fixed (see the design): exports,
// the evaluation and other tools match on these exact strings.
type Kind string

// The event kinds, with their PLOVER/CAMEO counterparts noted where the
// mapping is not obvious from the name.
const (
	KindCall       Kind = "call"       // phone or video call (CAMEO 041)
	KindMeeting    Kind = "meeting"    // talks, summit, negotiation in person
	KindVisit      Kind = "visit"      // official travel to another country
	KindAgreement  Kind = "agreement"  // deal, treaty, ceasefire, joint declaration
	KindStatement  Kind = "statement"  // notable statement, announcement, accusation
	KindThreat     Kind = "threat"     // threat, ultimatum, weapons test
	KindSanction   Kind = "sanction"   // sanctions, embargo, expulsion, cutting ties
	KindStrike     Kind = "strike"     // any military attack
	KindLeadership Kind = "leadership" // election, inauguration, resignation
	KindAid        Kind = "aid"        // military or humanitarian aid
	KindProtest    Kind = "protest"    // demonstration, protest
)

// Kinds lists every kind in the order the interface offers them.
var Kinds = []Kind{
	KindCall, KindMeeting, KindVisit, KindAgreement, KindStatement, KindThreat,
	KindSanction, KindStrike, KindLeadership, KindAid, KindProtest,
}

var kindLabels = map[Kind]string{
	KindCall:       "Call",
	KindMeeting:    "Meeting",
	KindVisit:      "Visit",
	KindAgreement:  "Agreement",
	KindStatement:  "Statement",
	KindThreat:     "Threat",
	KindSanction:   "Sanction",
	KindStrike:     "Strike",
	KindLeadership: "Leadership",
	KindAid:        "Aid",
	KindProtest:    "Protest",
}

var kindPlurals = map[Kind]string{
	KindCall:       "calls",
	KindMeeting:    "meetings",
	KindVisit:      "visits",
	KindAgreement:  "agreements",
	KindStatement:  "statements",
	KindThreat:     "threats",
	KindSanction:   "sanctions",
	KindStrike:     "strikes",
	KindLeadership: "changes of leadership",
	KindAid:        "aid",
	KindProtest:    "protests",
}

// Valid reports whether k is one of the fixed kinds.
func (k Kind) Valid() bool {
	_, ok := kindLabels[k]
	return ok
}

// Label is the kind as people read it.
func (k Kind) Label() string {
	if l, ok := kindLabels[k]; ok {
		return l
	}
	return string(k)
}

// Plural names events of the kind in a phrase: "strikes", "aid".
func (k Kind) Plural() string {
	if p, ok := kindPlurals[k]; ok {
		return p
	}
	return string(k)
}

// ParseKind returns the kind named s, which must be one of the fixed kinds.
func ParseKind(s string) (Kind, error) {
	k := Kind(s)
	if !k.Valid() {
		return "", fmt.Errorf("unknown kind %q", s)
	}
	return k, nil
}
