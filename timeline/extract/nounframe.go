package extract

import (
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/lexicon"
)

// nounFrame matches the frames of a noun phrase's head.
func (a *analysis) nounFrame(s *sentence, p *parsed, ci, k int) (eframe, bool) {
	ch := p.ch[k]
	head := a.words[ch.head]
	if head.tag != tNoun {
		return eframe{}, false
	}
	f := a.nounFrameOf(s, p, ci, k)
	if f == nil {
		return eframe{}, false
	}
	ef := eframe{f: f, kind: f.Kind, clause: ci, trigger: ch.head, np: k, anchor: anchorNoun, date: -1, conf: f.Conf * 0.9}
	c := &p.cl[ci]
	ki := a.lx.Kind(f.Kind)
	ef.source, ef.target = a.nounRoles(s, p, ci, k, ki)
	for _, q := range a.ppsAfter(p, ci, k) {
		// "a statement by FBI spokesman Tom Smith": who may not speak
		// for a kind by a verb may not by a noun either
		if q.prep == "by" && a.speakerRefused(s, p, q.nps, f.Kind) {
			return eframe{}, false
		}
	}
	switch first := a.words[ch.i].Low; {
	case first == "their" || first == "his" || first == "her" || first == "its":
		ef.also = a.possessor(s, p, ci, k, first)
	case len(ef.source)+len(ef.target) == 0 && (first == "the" || first != "a" && first != "an" && a.isSubjectOf(c, k)) &&
		!a.described(p, ci, k):
		// "the talks", "formal negotiations followed": those the article
		// told; not "the January 1998 bombing of a Birmingham clinic",
		// which says which it is
		ef.definite = true
	}
	if oc := a.occurrenceOf(s, p, k); oc >= 0 {
		// "the talks took place on Monday", "the bombings killed 224",
		// "the campaign that began on June 13"
		ef.anchor, ef.clause = anchorClause, oc
		for _, x := range a.withSiblings(p, oc) {
			places, place := a.placesOf(s, p, &p.cl[x])
			ef.places = append(ef.places, places...)
			if ef.place == "" {
				ef.place = place
			}
			if ki.Places == "target" {
				// "the bombings killed 224 people, including 12
				// Americans", "outside embassies of the United States"
				ef.target = append(ef.target, a.mentionsOf(s, p, p.cl[x].obj)...)
				for _, q := range a.verbPPs(p, &p.cl[x]) {
					if q.prep == "including" || q.prep == "outside" || q.prep == "of" || ki.IsTarget(q.prep) {
						ef.target = append(ef.target, a.mentionsOf(s, p, q.nps)...)
					}
				}
			}
		}
		return ef, true
	}
	if ki.Places != "" {
		// "the Aug. 7 bombings in Nairobi and Dar es Salaam"
		ef.places, ef.place = a.placesIn(s, p, a.ppsAfter(p, ci, k))
	}
	switch {
	case c.vp >= 0 && a.inAdjunct(p, c, k, f.Kind):
		// "on a visit to East Africa", "during a summit in Tehran": the
		// clause's subject takes part, on the clause's date
		ef.anchor = anchorClause
		subj, obj := a.logical(p, c)
		ef.source = append(a.mentionsOf(s, p, subj), ef.source...)
		ef.unnamed = a.unnamedBodies(s, p, subj)
		if ki.Symmetric {
			// "Trump congratulated Putin in a phone call": whom the
			// subject acted on took part too
			ef.target = append(ef.target, a.personsOf(s, p, obj)...)
		}
		if f.Subj.Set() && len(ef.source) == 0 && len(subj) > 0 && a.words[p.ch[subj[0]].i].Low != "a" {
			// "The ceasefire took effect": the ceasefire the article told
			ef.definite = true
		}
	}
	return ef, true
}

// possessor resolves "their", "his" or "her" before an event noun: the
// subject of the clause when the noun is not in it, else the subject of
// the clause before ("Biden and Putin agreed ..., but their first summit
// produced few results").
func (a *analysis) possessor(s *sentence, p *parsed, ci, k int, pron string) []timeline.Actor {
	switch pron {
	case "his", "her":
		if x := a.people.salient(s.n + 1); x != nil {
			return []timeline.Actor{{Name: x.name, Kind: timeline.ActorPerson}}
		}
		return nil
	case "its":
		// "Iran said the operation was retaliation for an April 1 strike
		// on its embassy": a state or a body the sentence's subject names
		for j := 0; j < len(p.cl); j++ {
			c := &p.cl[j]
			for _, m := range a.mentionsOf(s, p, c.subj) {
				if mm := &s.mentions[m]; mm.kind == mCountry || mm.kind == mSeat || mm.kind == mOrg || mm.kind == mGroup {
					act, _ := mm.actor()
					return []timeline.Actor{act}
				}
			}
		}
		return nil
	}
	for j := ci; j >= 0; j-- {
		c := &p.cl[j]
		if len(c.subj) == 0 || j == ci && a.isSubjectOf(c, k) {
			continue
		}
		if as := a.actorsOf(s, a.mentionsOf(s, p, c.subj), nil); len(as) >= 2 {
			return as
		}
	}
	return a.lastSubject
}

// described reports whether an event noun phrase says what it was done
// to: a phrase with "of", "on" or "against" after it.
func (a *analysis) described(p *parsed, ci, k int) bool {
	for _, q := range a.ppsAfter(p, ci, k) {
		if len(q.nps) > 0 && (q.prep == "of" || q.prep == "on" || q.prep == "against") {
			return true
		}
	}
	return false
}

// nounFrameOf returns the first frame of the noun at chunk k whose
// constraints hold, or nil.
func (a *analysis) nounFrameOf(s *sentence, p *parsed, ci, k int) *lexicon.Frame {
	ch := p.ch[k]
	lemma := a.lx.Noun(a.words[ch.head].Low)
	for _, f := range a.lx.Frames(lemma, true) {
		if f.Mod.Set() && !a.modMeets(s, ch, f.Mod) {
			continue
		}
		if len(f.Preps) > 0 && !a.prepsMeet(s, p, a.ppsAfter(p, ci, k), f.Preps) {
			continue
		}
		return f
	}
	return nil
}

// occurrenceOf returns the clause whose verb says the event noun at chunk
// k happened (k is its subject, or the noun a relative clause describes),
// or -1.
func (a *analysis) occurrenceOf(s *sentence, p *parsed, k int) int {
	for ci := range p.cl {
		c := &p.cl[ci]
		if c.vp >= 0 && a.isSubjectOf(c, k) && !p.ch[c.vp].passive && a.occurs(s, p, c) {
			return ci
		}
	}
	return -1
}

// isSubjectOf reports whether chunk k is in the subject of c.
func (a *analysis) isSubjectOf(c *clause, k int) bool {
	for _, x := range c.subj {
		if x == k {
			return true
		}
	}
	return false
}

// occurs reports whether the clause's verb says its subject happened.
func (a *analysis) occurs(s *sentence, p *parsed, c *clause) bool {
	head := a.words[p.ch[c.vp].head]
	if head.tag != tVerb {
		return false
	}
	for _, then := range a.lx.Occurrence(head.verb.lemma) {
		if a.followedBy(s, p.ch[c.vp].head, then) {
			return true
		}
	}
	return false
}

// inAdjunct reports whether chunk k is the object of "on", "during" or
// "at" in clause c: an event the clause's subject takes part in.
func (a *analysis) inAdjunct(p *parsed, c *clause, k int, kind timeline.Kind) bool {
	for _, q := range c.pps {
		switch q.prep {
		case "on", "during", "at", "in":
		case "for":
			// "arrived in Manila for a state visit": what someone came for
			if c.vp < 0 || !arrivals[a.words[p.ch[c.vp].head].verb.lemma] {
				continue
			}
		default:
			continue
		}
		if !contains(q.nps, k) {
			continue
		}
		// "in" joins many phrases to the noun before them ("interference
		// in the election"); it is the clause's when it follows the verb
		// or its object, or names a way of speaking ("in a televised
		// address", "in a letter")
		if q.prep == "in" && kind != timeline.KindStatement && kind != timeline.KindCall && !a.followsVerb(p, c, q.at) {
			return false
		}
		return true
	}
	return false
}

// arrivals are the verbs of coming somewhere, after which "for" names
// the event that brought the subject: "arrived for talks".
var arrivals = map[string]bool{"arrive": true, "come": true, "travel": true, "fly": true, "land": true, "be": true}

// followsVerb reports whether chunk k comes right after the clause's verb
// group or its object (adverbs and dates between allowed).
func (a *analysis) followsVerb(p *parsed, c *clause, k int) bool {
	if c.vp < 0 {
		return false
	}
	end := c.vp
	if len(c.obj) > 0 {
		end = c.obj[len(c.obj)-1]
	}
	for j := end + 1; j < k; j++ {
		if kind := p.ch[j].kind; kind != kAdv && kind != kDate && kind != kComma {
			return false
		}
	}
	return k > end
}

// ppsAfter returns the prepositional phrases that follow noun phrase k
// directly or through other such phrases: "strikes on three sites in
// Iran".
func (a *analysis) ppsAfter(p *parsed, ci, k int) []pp {
	var out []pp
	next := k + 1
	for _, q := range p.cl[ci].pps {
		if q.at < next {
			continue
		}
		for next < q.at && p.ch[next].kind == kDate {
			next++ // "talks Sunday in Sanaa between ...": a bare date goes on
		}
		if q.at != next {
			break
		}
		// "in support of the Israeli campaign" is no place of the
		// strike: a phrase goes on only through places and actors
		if len(out) > 0 && q.date < 0 && !a.namesSomething(p, q.nps) {
			break
		}
		out = append(out, q)
		next = q.at + 1
		if len(q.nps) > 0 {
			next = q.nps[len(q.nps)-1] + 1
		} else if q.date >= 0 {
			next = q.date + 1
		}
	}
	return out
}

// namesSomething reports whether noun phrases hold a mention or a site
// ("sites", "embassies").
func (a *analysis) namesSomething(p *parsed, nps []int) bool {
	for _, k := range nps {
		ch := p.ch[k]
		for i := ch.i; i < ch.j; i++ {
			if a.words[i].ment >= 0 {
				return true
			}
		}
		if a.lx.InClass("site", a.lx.Noun(a.words[ch.head].Low)) {
			return true
		}
	}
	return false
}

// nounRoles finds who acts and who is acted on in an event noun phrase:
// its possessor and the actors before its head act ("Israel's campaign",
// "US strikes"); "by" names who acts; the kind's target prepositions
// ("on Iran", "with Putin") and "of" name the rest.
func (a *analysis) nounRoles(s *sentence, p *parsed, ci, k int, ki *lexicon.KindInfo) (src, tgt []int) {
	ch := p.ch[k]
	for m := range s.mentions {
		mm := &s.mentions[m]
		if mm.i >= ch.i && mm.j <= ch.head && mm.kind != mPlace && mm.kind != mThing {
			src = append(src, m)
		}
	}
	for _, q := range a.ppsAfter(p, ci, k) {
		switch {
		case q.prep == "by":
			src = append(src, a.mentionsOf(s, p, q.nps)...)
		case ki.IsTarget(q.prep) || q.prep == "of":
			tgt = append(tgt, a.mentionsOf(s, p, q.nps)...)
		}
	}
	return src, tgt
}
