package extract

import (
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/lexicon"
)

// anchor says where an event's date comes from.
type anchor uint8

const (
	anchorClause anchor = iota // the clause's date: a verb, or a noun a verb carries
	anchorNoun                 // only a date of the noun phrase itself ("the Aug. 7 bombings")
)

// eframe is an event found in a sentence: a frame of the lexicon matched
// against a clause or a noun phrase, with who acts and who is acted on.
type eframe struct {
	f       *lexicon.Frame
	kind    timeline.Kind
	clause  int
	trigger int // the trigger's word
	np      int // the event noun's chunk, -1 for a verb
	anchor  anchor
	source  []int // mentions of the sentence
	target  []int
	places  []string // countries of the places of the clause
	place   string   // the first place as written, for titles
	object  []int    // the object's chunks, for titles
	// also are actors found outside the sentence: who "their" in "their
	// first summit" refers to
	also []timeline.Actor
	// definite marks an event noun with "the" and no actors of its own:
	// the one the article told before ("the talks")
	definite bool
	// unnamed marks a subject that is a body of no known country ("the
	// two foreign ministers")
	unnamed bool
	date    int // in analysis.dates, -1 until dated
	// presumed marks a date the event took from the day of the news
	// ("Sweden has become a member", in the story's first sentence)
	presumed bool
	status   timeline.Status
	conf     float64
}

// frames matches the lexicon's frames against the clauses and noun
// phrases of a sentence: a verb's here, an event noun's in nounframe.go,
// each checked against the frame's constraints in frameconstraint.go.
func (a *analysis) frames(s *sentence, p *parsed) []eframe {
	var out []eframe
	consumed := map[int]bool{} // event nouns a support verb carries
	for ci := range p.cl {
		c := &p.cl[ci]
		if c.vp < 0 {
			continue
		}
		if ef, ok := a.verbFrame(s, p, ci); ok {
			if ef.np >= 0 {
				consumed[ef.np] = true
			}
			out = append(out, ef)
		}
	}
	for ci := range p.cl {
		c := &p.cl[ci]
		for _, k := range c.cs {
			if p.ch[k].kind != kNP || consumed[k] {
				continue
			}
			if ef, ok := a.nounFrame(s, p, ci, k); ok {
				out = append(out, ef)
			}
		}
	}
	return out
}

// logical returns the clause's logical subject and object: in the
// passive, the subject is what was acted on and "by" names who acted.
func (a *analysis) logical(p *parsed, c *clause) (subj, obj []int) {
	if !p.ch[c.vp].passive {
		return append(c.subj[:len(c.subj):len(c.subj)], c.subjOf...), c.obj
	}
	for _, q := range c.pps {
		if q.prep == "by" && q.at > c.vp {
			subj = q.nps
		}
	}
	return subj, c.subj
}

// verbFrame matches the frames of a clause's verb.
func (a *analysis) verbFrame(s *sentence, p *parsed, ci int) (eframe, bool) {
	c := &p.cl[ci]
	vp := p.ch[c.vp]
	head := a.words[vp.head]
	if head.tag != tVerb {
		return eframe{}, false
	}
	subj, obj := a.logical(p, c)
	for _, f := range a.lx.Frames(head.verb.lemma, false) {
		if !a.followedBy(s, vp.head, f.Then) {
			continue
		}
		if f.Voice == lexicon.Passive && !vp.passive || f.Voice == lexicon.Active && vp.passive {
			continue
		}
		if f.NoObj && len(obj) > 0 || f.Inf && !a.hasInfinitive(p, ci, f.InfNot) || f.Comp && !a.hasComplement(p, ci) {
			continue
		}
		fobj := obj
		if f.Support {
			fobj = a.supported(p, c, obj)
		}
		if f.Subj.Set() && !a.meets(s, p, subj, f.Subj) || f.Obj.Set() && !a.meets(s, p, fobj, f.Obj) {
			continue
		}
		if a.speakerRefused(s, p, subj, f.Kind) {
			continue
		}
		if !a.prepsMeet(s, p, c.pps, f.Preps) {
			continue
		}
		ef := eframe{f: f, kind: f.Kind, clause: ci, trigger: vp.head, np: -1, date: -1, conf: f.Conf, object: obj}
		ki := a.lx.Kind(f.Kind)
		if f.Support && len(fobj) > 0 {
			ef.np = fobj[0]
			ef.trigger = p.ch[fobj[0]].head
			// the noun's own modifiers and phrases count too: "launched
			// Israeli strikes on Iran"
			src, tgt := a.nounRoles(s, p, ci, fobj[0], ki)
			ef.source = append(ef.source, src...)
			ef.target = append(ef.target, tgt...)
		}
		ef.source = append(a.mentionsOf(s, p, subj), ef.source...)
		ef.unnamed = a.unnamedBodies(s, p, subj)
		if f.Subj.Set() && len(ef.source) == 0 && len(subj) > 0 && a.words[p.ch[subj[0]].i].Low != "a" {
			// "The ceasefire took effect": the ceasefire the article told
			ef.definite = true
		}
		if !f.Support {
			ef.target = append(ef.target, a.mentionsOf(s, p, obj)...)
			if len(obj) > 0 {
				// "ties between the two countries were severed": the
				// parties of what the verb acts on
				for _, r := range a.ppsAfter(p, a.clauseOf(p, obj[0]), obj[len(obj)-1]) {
					if r.prep == "between" || r.prep == "with" {
						ef.target = append(ef.target, a.mentionsOf(s, p, r.nps)...)
					}
				}
			}
		}
		for _, q := range a.verbPPs(p, c) {
			if (ki.IsTarget(q.prep) || framePrep(f, q.prep)) && len(q.nps) > 0 {
				ef.target = append(ef.target, a.mentionsOf(s, p, q.nps)...)
				// "against the annual parades by the Orange Order"
				for _, r := range a.ppsAfter(p, ci, q.nps[len(q.nps)-1]) {
					if r.prep == "by" || r.prep == "of" {
						ef.target = append(ef.target, a.mentionsOf(s, p, r.nps)...)
					}
				}
			}
		}
		if f.Kind == timeline.KindStatement {
			// a statement is about the actors of what was said:
			// "condemned the bombing of the U.S. embassies in Kenya"
			if len(obj) > 0 {
				for _, r := range a.ppsAfter(p, ci, obj[len(obj)-1]) {
					ef.target = append(ef.target, a.mentionsOf(s, p, r.nps)...)
				}
			}
			for j := range p.cl {
				if x := &p.cl[j]; x.parent == ci && x.kind == cComplement {
					ef.target = append(ef.target, a.mentionsIn(s, p, x)...)
				}
			}
		}
		ef.places, ef.place = a.placesIn(s, p, a.verbPlacePPs(s, p, c, ci, f.Kind))
		return ef, true
	}
	return eframe{}, false
}

// verbPlacePPs leaves out of a verb's places the phrases that belong to an
// event its object names: "discussed the fighting in Gaza" was not
// discussed in Gaza. An object of the verb's own kind keeps them ("launched
// strikes on Gaza").
func (a *analysis) verbPlacePPs(s *sentence, p *parsed, c *clause, ci int, kind timeline.Kind) []pp {
	if len(c.obj) == 0 {
		return c.pps
	}
	last := c.obj[len(c.obj)-1]
	f := a.nounFrameOf(s, p, ci, last)
	if f == nil || f.Kind == kind {
		return c.pps
	}
	// the object's phrases are a run of the clause's phrases
	own := a.ppsAfter(p, ci, last)
	if len(own) == 0 {
		return c.pps
	}
	var out []pp
	for _, q := range c.pps {
		if q.at < own[0].at || q.at > own[len(own)-1].at {
			out = append(out, q)
		}
	}
	return out
}

// unnamedBodies reports whether noun phrases name a body of no known
// country: "the two foreign ministers", "officials".
func (a *analysis) unnamedBodies(s *sentence, p *parsed, nps []int) bool {
	for _, k := range nps {
		ch := p.ch[k]
		for m := range s.mentions {
			if mm := &s.mentions[m]; mm.i >= ch.i && mm.j <= ch.j && mm.kind == mAgent && mm.country == "" && mm.name == "" {
				return true
			}
		}
	}
	return false
}

// framePrep reports whether a frame asks for a phrase with prep: its
// object is then a party ("became a member of NATO").
func framePrep(f *lexicon.Frame, prep string) bool {
	for _, pc := range f.Preps {
		if contains(pc.Preps, prep) && pc.C.Set() {
			return true
		}
	}
	return false
}

// verbPPs returns the prepositional phrases that hang on a clause's verb:
// those after it, up to one that names an event or a reason, whose
// phrases are that event's ("fired missiles at Al Udeid in retaliation
// for US strikes on three Iranian sites").
func (a *analysis) verbPPs(p *parsed, c *clause) []pp {
	var out []pp
	for _, q := range c.pps {
		if q.at < c.vp {
			continue
		}
		out = append(out, q)
		if reasonPreps[q.prep] {
			break
		}
		if len(q.nps) > 0 {
			if len(a.lx.Frames(a.lx.Noun(a.words[p.ch[q.nps[0]].head].Low), true)) > 0 {
				break
			}
		}
	}
	return out
}

// reasonPreps introduce a reason or a circumstance, after which phrases
// are no longer the verb's.
var reasonPreps = map[string]bool{"for": true, "after": true, "before": true, "despite": true, "amid": true, "following": true}

// hasComplement reports whether a clause of what was said hangs on
// clause ci.
func (a *analysis) hasComplement(p *parsed, ci int) bool {
	for _, c := range p.cl {
		if c.parent == ci && c.kind == cComplement {
			return true
		}
	}
	return false
}

// supported returns the noun phrase a support verb carries: its object,
// or past an amount or a measure the phrase after it ("pledged $500
// million in military aid", "announced a series of new sanctions").
func (a *analysis) supported(p *parsed, c *clause, obj []int) []int {
	if len(obj) == 0 {
		return obj
	}
	if head := a.words[p.ch[obj[0]].head]; head.tag != tNum && !a.lx.InClass("measure", a.lx.Noun(head.Low)) {
		return obj
	}
	// only the phrase right after: "$500 million in military aid"
	if pps := a.ppsAfter(p, a.clauseOf(p, obj[0]), obj[len(obj)-1]); len(pps) > 0 {
		if q := pps[0]; (q.prep == "in" || q.prep == "of") && len(q.nps) > 0 {
			return q.nps[:1]
		}
	}
	return obj
}

// hasInfinitive reports whether an infinitive clause hangs on clause ci,
// whose verb is no trigger of kind not (when not is set): "agreed to send
// their ambassadors back", not "agreed to meet".
func (a *analysis) hasInfinitive(p *parsed, ci int, not timeline.Kind) bool {
	for _, c := range p.cl {
		if c.parent != ci || c.kind != cInfinitive || c.vp < 0 {
			continue
		}
		if not != "" {
			for _, f := range a.lx.Frames(a.words[p.ch[c.vp].head].verb.lemma, false) {
				if f.Kind == not && !f.Support {
					return false
				}
			}
		}
		return true
	}
	return false
}

// followedBy reports whether the words after a verb are then ("take" +
// "effect"), allowing one pronoun between ("called it off").
func (a *analysis) followedBy(s *sentence, i int, then []string) bool {
	if len(then) == 0 {
		return true
	}
	k := i + 1
	if k < s.w1 && a.words[k].tag == tPron && k+1 < s.w1 && a.words[k+1].Low == then[0] {
		k++
	}
	for _, w := range then {
		if k >= s.w1 || a.words[k].Low != w {
			return false
		}
		k++
	}
	return true
}

// mentionsOf returns the mentions that can be actors in noun phrases.
func (a *analysis) mentionsOf(s *sentence, p *parsed, nps []int) []int {
	var out []int
	for _, k := range nps {
		ch := p.ch[k]
		for m := range s.mentions {
			mm := &s.mentions[m]
			if mm.i >= ch.i && mm.j <= ch.j && mm.kind != mPlace && mm.kind != mThing {
				if mm.kind == mName && mm.j <= ch.head && a.words[ch.head].tag == tNoun {
					continue // "Al Udeid air base": the name of a thing
				}
				if _, ok := mm.actor(); ok || len(mm.persons) > 0 || len(mm.group) > 0 {
					out = append(out, m)
				}
			}
		}
	}
	return out
}

// personsOf returns the mentions of people among the noun phrases: the
// people a verb acts on, not the subjects it is about ("discussed the
// Iran war").
func (a *analysis) personsOf(s *sentence, p *parsed, nps []int) []int {
	var out []int
	for _, m := range a.mentionsOf(s, p, nps) {
		if s.mentions[m].person != nil {
			out = append(out, m)
		}
	}
	return out
}

// mentionsIn returns the actor mentions of a clause's own noun phrases.
func (a *analysis) mentionsIn(s *sentence, p *parsed, c *clause) []int {
	var nps []int
	for _, k := range c.cs {
		if p.ch[k].kind == kNP {
			nps = append(nps, k)
		}
	}
	return a.mentionsOf(s, p, nps)
}

// placesOf returns the countries of the places a clause names ("in
// Nairobi", "to Kharkiv"), and the first place as written.
func (a *analysis) placesOf(s *sentence, p *parsed, c *clause) ([]string, string) {
	return a.placesIn(s, p, c.pps)
}

// placesIn returns the countries of the places some phrases name, and the
// first as written.
func (a *analysis) placesIn(s *sentence, p *parsed, pps []pp) ([]string, string) {
	var out []string
	first := ""
	after := -1 // the last chunk of the last place phrase, for "of" after it
	for _, q := range pps {
		switch q.prep {
		case "in", "at", "to", "near", "outside", "into", "on", "across", "over":
		case "of": // "to the port city of Mariupol"
			if q.at != after+1 {
				continue
			}
		default:
			continue
		}
		for _, k := range q.nps {
			ch := p.ch[k]
			if head := a.lx.Noun(a.words[ch.head].Low); a.lx.InClass("site", head) || len(a.lx.Frames(head, true)) > 0 {
				// "the port city of Mariupol", "in the occupation of
				// Czechoslovakia" name a place by "of"; "in support of"
				// does not
				after = k
			}
			for m := range s.mentions {
				mm := &s.mentions[m]
				if mm.i < ch.i || mm.j > ch.j || !(mm.kind == mPlace || mm.kind == mCountry || mm.kind == mSeat || mm.kind == mPeople) {
					continue
				}
				if mm.country != "" {
					out = append(out, mm.country)
					after = k
				}
				if first == "" && (mm.country != "" || mm.intl) {
					first = a.span(mm.i, mm.j) // a region is a place too: "to East Africa"
				}
			}
		}
	}
	return out, first
}

// withSiblings returns clause ci and the verbs joined to it by "and".
func (a *analysis) withSiblings(p *parsed, ci int) []int {
	out := []int{ci}
	for j := ci + 1; j < len(p.cl); j++ {
		if x := &p.cl[j]; x.kind == cCoordinate && x.parent == p.cl[ci].parent {
			out = append(out, j)
		}
	}
	return out
}

// speakerRefused reports whether the noun phrases that speak (a verb's
// subject, a statement's "by") fail the kind's speaker constraint, by
// their heads or, for a constraint that excludes, by a word before a head:
// "FBI spokesman Tom Smith" speaks for the police as "the FBI" does.
func (a *analysis) speakerRefused(s *sentence, p *parsed, nps []int, kind timeline.Kind) bool {
	sp := a.lx.Kind(kind).Speaker
	if !sp.Set() || len(nps) == 0 {
		return false
	}
	if !a.meets(s, p, nps, sp) {
		return true
	}
	if !sp.Not {
		return false
	}
	for _, k := range nps {
		ch := p.ch[k]
		for i := ch.i; i < ch.head; i++ {
			for _, cond := range sp.Any {
				if cond.Class != "" && a.lx.InClass(cond.Class, a.lx.Noun(a.words[i].Low)) {
					return true
				}
			}
		}
	}
	return false
}
