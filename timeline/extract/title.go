package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline"
)

// shortName is how a headline names an actor: people by surname.
func shortName(a timeline.Actor) string {
	if a.Kind != timeline.ActorPerson {
		return a.Name
	}
	parts := strings.Fields(a.Name)
	if len(parts) > 1 && eastAsianSurnames[strings.ToLower(parts[0])] {
		return parts[0]
	}
	return parts[len(parts)-1]
}

// join lists names as a headline does: "A", "A and B", "A, B and C".
func join(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// presentTense turns a reporting verb into a headline's present tense.
var presentTense = map[string]string{
	"said": "says", "told": "tells", "announced": "announces", "declared": "declares",
	"warned": "warns", "accused": "accuses", "blamed": "blames", "condemned": "condemns",
	"denied": "denies", "insisted": "insists", "urged": "urges", "praised": "praises",
	"criticised": "criticises", "criticized": "criticizes", "called": "calls", "claimed": "claims",
	"dismissed": "dismisses", "welcomed": "welcomes", "rejected": "rejects", "confirmed": "confirms",
	"demanded": "demands", "promised": "promises", "vowed": "vows", "pledged": "pledges",
	"issued": "issues", "recalled": "recalls", "reiterated": "reiterates", "predicted": "predicts",
	"acknowledged": "acknowledges", "apologized": "apologizes", "apologised": "apologises",
	"proposed": "proposes", "reaffirmed": "reaffirms", "addressed": "addresses", "tweeted": "tweets",
}

// makeTitle writes a short headline for an event: "Trump and Putin speak
// by phone", "United States strikes Iran", "Turkey says it crushed a coup".
func makeTitle(kind timeline.Kind, t trigger, ws []word, actors []timeline.Actor, agents int, date [2]int, status timeline.Status) string {
	// people make the headline when there are any: "Trump and Putin",
	// not "Trump, Putin and Russia"
	named := persons(actors)
	switch {
	case len(named) == 0 || kind == timeline.KindStrike || kind == timeline.KindSanction:
		named = actors
	case kind == timeline.KindVisit && len(named) == 1:
		// "Minta visits the European Union": the person and where they go
		for _, x := range actors {
			if x.Kind != timeline.ActorPerson {
				named = append(named, x)
				break
			}
		}
	}
	names := make([]string, 0, len(named))
	for _, a := range named {
		names = append(names, shortName(a))
	}
	if len(names) > 4 {
		names = names[:4]
	}
	a := "Unnamed parties"
	if len(names) > 0 {
		a = names[0]
	}
	rest := join(names[min(1, len(names)):])
	all := join(names)
	var s string
	switch kind {
	case timeline.KindCall:
		if len(names) >= 2 {
			s = all + " speak by phone"
		} else {
			s = a + " holds a phone call"
		}
	case timeline.KindMeeting:
		switch {
		case t.lemma == "meeting" && strings.HasPrefix(lowAt(ws, t.i), "summit"):
			s = all + " hold a summit"
		case len(names) >= 2:
			s = all + " meet"
		default:
			s = a + " holds talks"
		}
	case timeline.KindVisit:
		if rest != "" {
			s = a + " visits " + rest
		} else {
			s = a + " makes a visit"
		}
	case timeline.KindAgreement:
		switch {
		case t.lemma == "join" && rest != "":
			s = a + " joins " + rest
		case strings.HasPrefix(lowAt(ws, t.i), "sign") && len(names) >= 2:
			s = all + " sign an agreement"
		case len(names) >= 2:
			s = all + " reach an agreement"
		default:
			s = a + " agreement"
		}
	case timeline.KindStatement:
		verb := presentTense[lowAt(ws, t.i)]
		if verb == "" {
			verb = "makes a statement"
			s = a + " " + verb
		} else {
			s = a + " " + verb + clauseAfter(ws, t, date)
		}
	case timeline.KindThreat:
		switch {
		case t.lemma == "test":
			s = a + " conducts a weapons test"
		case rest != "":
			s = a + " threatens " + rest
		default:
			s = a + " issues a threat"
		}
	case timeline.KindSanction:
		switch {
		case t.lemma == "expel" || strings.HasPrefix(lowAt(ws, t.i), "expel"):
			if rest != "" {
				s = a + " expels " + rest + " diplomats"
			} else {
				s = a + " expels diplomats"
			}
		case agents == 0:
			s = "Sanctions on " + all
		case rest != "":
			s = a + " sanctions " + rest
		default:
			s = a + " imposes sanctions"
		}
	case timeline.KindStrike:
		switch {
		case agents == 0:
			s = "Attack on " + all // "Missiles struck targets in Nigeria"
		case rest != "":
			s = a + " strikes " + rest
		default:
			s = a + " carries out an attack"
		}
	case timeline.KindLeadership:
		if len(persons(actors)) == 0 {
			// "The foreign minister of Estonia resigned": name the office
			if office := officeBefore(ws, t.i); office != "" {
				a = a + "'s " + office
			}
		}
		switch verb := lowAt(ws, t.i); {
		case t.lemma == "take office":
			s = a + " takes office"
		case t.lemma == "resign" || verb == "resigned" || verb == "resigns":
			s = a + " resigns"
		case t.lemma == "remove":
			s = a + " removes officials"
		case verb == "elected" || verb == "re-elected" || verb == "reelected":
			s = a + " elected"
		case verb == "appointed" || verb == "inaugurated" || verb == "ousted" || verb == "impeached" || verb == "toppled":
			s = a + " " + verb
		case t.lemma == "election":
			s = a + " election"
		default:
			s = a + " leadership change"
		}
	case timeline.KindAid:
		if rest != "" {
			s = a + " gives aid to " + rest
		} else {
			s = a + " aid"
		}
	case timeline.KindProtest:
		s = "Protest: " + all
		if all == "" {
			s = "Protest"
		}
	default:
		s = all
	}
	switch status {
	case timeline.StatusPlanned:
		s = "Planned: " + s
	case timeline.StatusNegated:
		s = "Denied: " + s
	case timeline.StatusHypothetical:
		s = "Possible: " + s
	}
	if len(s) > 200 {
		s = s[:200]
	}
	return capitalize(s)
}

// officeBefore finds the office named before an event word: "the foreign
// minister", "the prime minister".
func officeBefore(ws []word, i int) string {
	for k := i - 1; k >= max(0, i-6); k-- {
		switch ws[k].low {
		case "minister", "president", "premier", "chancellor", "secretary", "ambassador", "governor", "mayor", "king", "queen", "leader", "chief":
			start := k
			for start > 0 && !ws[start-1].punct && titles[ws[start-1].low] && ws[start-1].low != "of" {
				start--
			}
			var parts []string
			for _, w := range ws[start : k+1] {
				parts = append(parts, w.low)
			}
			return strings.Join(parts, " ")
		}
	}
	return ""
}

// clauseAfter is what a reporting verb reports: " it crushed a coup", up
// to the end of the clause, at most ten words.
func clauseAfter(ws []word, t trigger, date [2]int) string {
	var parts []string
	k := t.j
	if k == date[0] || k+1 == date[0] && isPrep(ws[k].low) {
		k = date[1] // "said on Saturday that": skip the date
	}
	// skip the date and the addressee: "said on Saturday that", "told reporters"
	for k < len(ws) && (ws[k].low == "on" || ws[k].low == "that" || ws[k].low == "reporters" ||
		ws[k].low == "journalists" || ws[k].upper && isMonthOrDay(ws[k].low) || ws[k].low == "morning" ||
		ws[k].low == "evening" || ws[k].low == "night" || ws[k].low == "afternoon") {
		k++
	}
	for ; k < len(ws) && len(parts) < 10; k++ {
		w := ws[k]
		if w.punct && strings.ContainsAny(w.text, ",.;:!?—(") {
			break
		}
		if w.low == "'s" || w.punct {
			if len(parts) > 0 {
				parts[len(parts)-1] += w.text
			}
			continue
		}
		if len(w.text) == 1 && w.upper && k+1 < len(ws) && ws[k+1].text == "." {
			k++ // an initial: "Vladimir V. Putin"
			continue
		}
		parts = append(parts, w.text)
	}
	if len(parts) < 2 {
		return ""
	}
	s := " " + strings.Join(parts, " ")
	if k < len(ws) && !ws[k].punct {
		s += "…"
	}
	return s
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// persons lists the people among actors.
func persons(as []timeline.Actor) []timeline.Actor {
	var out []timeline.Actor
	for _, a := range as {
		if a.Kind == timeline.ActorPerson {
			out = append(out, a)
		}
	}
	return out
}
