package extract

import (
	"github.com/dateline/dateline/timeline/extract/lexicon"
)

// meets reports whether a group of noun phrases meets a constraint.
func (a *analysis) meets(s *sentence, p *parsed, nps []int, c lexicon.Constraint) bool {
	for _, cond := range c.Any {
		if cond.Actor == "plural" && a.actorCount(s, p, nps) >= 2 {
			return !c.Not
		}
	}
	any := false
	for _, k := range nps {
		if a.npMeets(s, p, k, c) {
			any = true
			break
		}
	}
	if c.Not {
		return !any
	}
	return any
}

func (a *analysis) npMeets(s *sentence, p *parsed, k int, c lexicon.Constraint) bool {
	ch := p.ch[k]
	head := a.words[ch.head]
	lemma := a.lx.Noun(head.Low)
	for _, cond := range c.Any {
		switch {
		case cond.Word != "":
			if head.Low == cond.Word || lemma == cond.Word {
				return true
			}
		case cond.Class != "":
			if a.lx.InClass(cond.Class, lemma) {
				return true
			}
		case cond.Event != "":
			if f := a.nounFrameOf(s, p, a.clauseOf(p, k), k); f != nil && f.Kind == cond.Event {
				return true
			}
		case cond.Actor != "":
			for m := range s.mentions {
				mm := &s.mentions[m]
				if mm.i >= ch.i && mm.j <= ch.j && actorMeets(mm, cond.Actor) {
					return true
				}
			}
		}
	}
	return false
}

// actorCount counts the actors a group of noun phrases names.
func (a *analysis) actorCount(s *sentence, p *parsed, nps []int) int {
	n := 0
	for _, m := range a.mentionsOf(s, p, nps) {
		if ps := s.mentions[m].persons; len(ps) > 0 {
			n += len(ps)
		} else {
			n++
		}
	}
	return n
}

// clauseOf returns the clause that holds chunk k.
func (a *analysis) clauseOf(p *parsed, k int) int {
	for ci, c := range p.cl {
		for _, x := range c.cs {
			if x == k {
				return ci
			}
		}
	}
	return 0
}

func actorMeets(m *mention, want string) bool {
	switch want {
	case "actor":
		_, ok := m.actor()
		return ok && m.kind != mPlace || len(m.persons) > 0
	case "person":
		return m.kind == mPerson || m.kind == mRole || m.kind == mPron
	case "country":
		return m.kind == mCountry || m.kind == mSeat || m.kind == mPeople
	case "organisation":
		return m.kind == mOrg
	case "group":
		return m.kind == mGroup
	case "place":
		return m.kind == mPlace || m.kind == mCountry || m.kind == mSeat
	}
	return false
}

// modMeets reports whether a word before a noun's head meets c: "phone"
// in "phone call", "joint" in "joint statement".
func (a *analysis) modMeets(s *sentence, ch chunk, c lexicon.Constraint) bool {
	any := false
	for k := ch.i; k < ch.head && !any; k++ {
		w := a.words[k]
		lemma := a.lx.Noun(w.Low)
		for _, cond := range c.Any {
			if cond.Word != "" && (w.Low == cond.Word || lemma == cond.Word) || cond.Class != "" && a.lx.InClass(cond.Class, lemma) {
				any = true
				break
			}
		}
	}
	if c.Not {
		return !any
	}
	return any
}

// prepsMeet reports whether every prepositional constraint is met by one
// of the phrases.
func (a *analysis) prepsMeet(s *sentence, p *parsed, pps []pp, want []lexicon.PrepConstraint) bool {
	for _, pc := range want {
		ok := false
		for _, q := range pps {
			if !contains(pc.Preps, q.prep) {
				continue
			}
			if !pc.C.Set() || a.meets(s, p, q.nps, pc.C) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func contains[T comparable](list []T, s T) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
