package extract

import (
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/lexicon"
)

// clauseKind says how a clause hangs on the one that governs it.
type clauseKind uint8

const (
	cMain       clauseKind = iota
	cComplement            // what was said: "said (that) ..."
	cRelative              // "who ...", "which ...", "that ..." after a noun
	cAdverbial             // "when ...", "after ...", "because ...", "if ..."
	cCoordinate            // "... and signed ...": the subject of the clause before
	cInfinitive            // "to meet ...": the subject of the governing clause
	cParticiple            // "..., killing 17", "a deal struck in Geneva"
	cAside                 // an apposition or a parenthesis: ", a loyalist of ...,"
)

// clause is a predicate with its arguments, read from chunks.
type clause struct {
	kind   clauseKind
	parent int // index of the governing clause, -1 for a main clause
	marker int // chunk of the word that opens it ("when", "who"), -1
	cs     []int
	vp     int   // chunk of the main verb group, -1 when the clause has none
	subj   []int // noun phrase chunks of the subject (coordinated)
	subjOf []int // noun phrases of "of ..." after the subject ("the leader of Iran")
	obj    []int // of the direct object
	pps    []pp
	dates  []int // date chunks of the clause itself
	// inherited says the subject was taken from another clause ("who",
	// "and signed", "to meet").
	inherited bool
	// antecedent is the noun phrase a relative clause describes.
	antecedent []int
	quoted     bool
	// ofNoun marks a complement of a noun ("the claim that ..."), which
	// ends where the governing clause's verb comes.
	ofNoun bool
	// joined marks a clause with a subject of its own that "and" joins
	// to the one before
	joined bool
	// fronted marks a participle before its governor's subject
	// ("Speaking on Saturday, Erdogan said"): the two tell one occasion.
	fronted bool
}

// pp is a prepositional phrase: "on Iran", "with the Russian president",
// "on Thursday".
type pp struct {
	prep string
	at   int   // chunk of the preposition
	nps  []int // chunks of its noun phrases
	date int   // chunk of a date it takes, -1
}

// parsed is a sentence read into chunks and clauses.
type parsed struct {
	ch []chunk
	cl []clause
}

// inserting are prepositions that open an insertion between commas:
// "the bombings which killed 224 people, including 12 Americans, on Aug.
// 7".
var inserting = map[string]bool{"including": true, "excluding": true, "besides": true, "like": true}

// clauseOpeners are prepositions that open a clause when a subject and a
// verb follow: "after the leaders met", "before Iran retaliated".
var clauseOpeners = map[string]bool{"after": true, "before": true, "since": true, "until": true, "as": true, "once": true, "while": true, "following": true}

// clauses reads the clauses of a sentence: segment assigns the chunks to
// clauses, then parseClause (clauseroles.go) finds each one's subject,
// object, phrases and dates.
func (a *analysis) clauses(s *sentence) *parsed {
	p := &parsed{ch: a.chunks(s)}
	p.segment(a)
	for i := range p.cl {
		p.parseClause(a, i)
	}
	p.inherit()
	for _, c := range p.cl {
		for _, k := range c.subj {
			if m := a.words[p.ch[k].head].ment; m >= 0 && !c.inherited {
				s.mentions[m].subject = true
			}
		}
	}
	a.possessives(s, p)
	return p
}

// possessives makes "its" and "their" at the head of a noun phrase
// mentions of whom they stand for: "Iran said the operation was
// retaliation for a strike on its embassy" (Iran's embassy). "Its" is the
// state, body or group the sentence's first subject names; "their" the
// actors of the last subject that named two or more.
func (a *analysis) possessives(s *sentence, p *parsed) {
	var first []timeline.Actor
	for _, c := range p.cl {
		for _, m := range a.mentionsOf(s, p, c.subj) {
			if mm := &s.mentions[m]; mm.kind == mCountry || mm.kind == mSeat || mm.kind == mOrg || mm.kind == mGroup {
				act, _ := mm.actor()
				first = []timeline.Actor{act}
				break
			}
		}
		if first != nil {
			break
		}
	}
	for _, ch := range p.ch {
		w := &a.words[ch.i]
		if ch.kind != kNP || w.tag != tPoss || w.ment >= 0 {
			continue
		}
		var group []timeline.Actor
		switch w.Low {
		case "its":
			group = first
		case "their":
			group = a.lastSubject
		}
		if len(group) > 0 {
			a.add(s, mention{i: ch.i, j: ch.i + 1, kind: mRole, group: group})
		}
	}
}

// segment assigns every chunk to a clause.
func (p *parsed) segment(a *analysis) {
	p.cl = append(a.clauseBuf[:0], clause{kind: cMain, parent: -1, marker: -1, vp: -1})
	defer func() { a.clauseBuf = p.cl[:0] }()
	stack := []int{0}
	top := func() *clause { return &p.cl[stack[len(stack)-1]] }
	push := func(kind clauseKind, marker int) {
		parent := stack[len(stack)-1]
		p.cl = append(p.cl, clause{kind: kind, parent: parent, marker: marker, vp: -1})
		stack = append(stack, len(p.cl)-1)
	}
	pop := func() {
		if len(stack) > 1 {
			stack = stack[:len(stack)-1]
		}
	}
	// sibling starts a clause beside the top one, governed by the same
	// clause: "X met Y and Z signed", "he said X and Y".
	sibling := func(kind clauseKind) {
		parent := p.cl[stack[len(stack)-1]].parent
		stack = stack[:len(stack)-1]
		p.cl = append(p.cl, clause{kind: kind, parent: parent, marker: -1, vp: -1})
		stack = append(stack, len(p.cl)-1)
	}
	for ci := 0; ci < len(p.ch); ci++ {
		c := p.ch[ci]
		t := top()
		switch c.kind {
		case kStop:
			if a.words[c.i].Low == ":" && t.vp >= 0 && a.isSpeech(p, t) {
				push(cComplement, ci)
				continue
			}
			stack = stack[:1]
			p.cl = append(p.cl, clause{kind: cMain, parent: -1, marker: -1, vp: -1})
			stack[0] = len(p.cl) - 1
			continue
		case kOpen:
			push(cAside, ci)
			continue
		case kClose:
			for len(stack) > 1 && top().kind != cAside {
				pop()
			}
			pop()
			continue
		case kRel:
			ante := p.npBefore(ci)
			push(cRelative, ci)
			top().antecedent = ante
			continue
		case kSub:
			low := a.words[c.i].Low
			kind := cAdverbial
			if low == "that" || low == "whether" || low == "if" && t.vp >= 0 && a.isSpeech(p, t) {
				kind = cComplement
			}
			push(kind, ci)
			// "North Korea's claim on Wednesday that it had detonated
			// a bomb drew condemnation": what a noun says ends where its
			// governor's verb comes
			top().ofNoun = kind == cComplement && t.vp < 0
			continue
		case kPrep:
			if clauseOpeners[a.words[c.i].Low] && p.clauseFollows(ci+1) {
				push(cAdverbial, ci)
				continue
			}
			// "by ordering 23 diplomats out", "after meeting Putin": a
			// gerund's clause, with the subject of the clause it is in
			if ci+1 < len(p.ch) && p.ch[ci+1].kind == kVP && !p.ch[ci+1].finite &&
				a.words[p.ch[ci+1].head].verb.forms&lexicon.Ing != 0 {
				push(cParticiple, ci)
				continue
			}
		case kTo:
			if ci+1 < len(p.ch) && p.ch[ci+1].kind == kVP {
				push(cInfinitive, ci)
				continue
			}
		case kConj:
			if t.vp >= 0 && ci+1 < len(p.ch) {
				next := p.ch[ci+1]
				if next.kind == kVP || next.kind == kAdv && ci+2 < len(p.ch) && p.ch[ci+2].kind == kVP {
					for top().kind == cInfinitive || top().kind == cParticiple {
						pop()
					}
					sibling(cCoordinate)
					continue
				}
				if p.clauseFollows(ci + 1) {
					kind := top().kind
					if kind == cCoordinate {
						kind = cMain
						if top().parent >= 0 {
							kind = cComplement
						}
					}
					sibling(kind)
					top().joined = a.words[c.i].Low == "and"
					continue
				}
			}
		case kComma:
			// a comma closes the embedded clauses that have their verb,
			// and an aside: "Skripal, a former officer ... who had spied
			// for Britain, and his daughter"
			// ", but mostly claimed African lives": a verb joined to the
			// embedded clause's own keeps it open
			conjVP := ci+2 < len(p.ch) && p.ch[ci+1].kind == kConj && (p.ch[ci+2].kind == kVP ||
				p.ch[ci+2].kind == kAdv && ci+3 < len(p.ch) && p.ch[ci+3].kind == kVP)
			// ", including 12 Americans,": an insertion, not the end
			conjVP = conjVP || ci+1 < len(p.ch) && p.ch[ci+1].kind == kPrep && inserting[a.words[p.ch[ci+1].i].Low] ||
				ci > 0 && p.ch[ci-1].kind == kNP && ci >= 2 && p.ch[ci-2].kind == kPrep && inserting[a.words[p.ch[ci-2].i].Low]
			for len(stack) > 1 && !conjVP {
				k := top().kind
				if k == cAside || (k == cRelative || k == cAdverbial || k == cParticiple || k == cInfinitive) && top().vp >= 0 {
					closing := k == cAside
					pop()
					if closing {
						break
					}
					continue
				}
				break
			}
			t = top()
			if t.vp >= 0 && p.clauseFollows(ci+1) {
				// "..., Turkey and Greece said": a new clause after a
				// complete one
				kind := t.kind
				if kind == cCoordinate || kind == cParticiple || kind == cInfinitive {
					kind = cMain
				}
				sibling(kind)
				continue
			}
			if ci+1 < len(p.ch) {
				next := p.ch[ci+1]
				if next.kind == kVP && !next.finite && a.words[next.head].verb.forms&lexicon.Ing != 0 {
					push(cParticiple, ci)
					continue
				}
				if t.vp < 0 && len(t.cs) > 0 && p.appositive(a, ci+1) {
					push(cAside, ci)
					continue
				}
			}
		case kVP:
			// "Speaking to a crowd on Saturday, Erdogan blamed ...": a
			// participle before the subject
			if !c.finite && t.vp < 0 && t.kind == cMain && p.onlyAdjuncts(t) && a.words[c.head].tag == tVerb &&
				a.words[c.head].verb.forms&(lexicon.Ing|lexicon.Part) != 0 {
				push(cParticiple, -1)
				top().fronted = true
				top().cs = append(top().cs, ci)
				top().vp = ci
				continue
			}
			// "an attack launched by Iran": a verb that may be a past
			// participle, right after a noun and before "by", is one
			if c.finite && c.i == c.head && ci > 0 && ci+1 < len(p.ch) && p.ch[ci-1].kind == kNP && p.ch[ci+1].kind == kPrep &&
				a.words[p.ch[ci+1].i].Low == "by" && a.words[c.head].tag == tVerb && a.words[c.head].verb.forms&lexicon.Part != 0 {
				c.finite, c.passive = false, true
				p.ch[ci] = c
			}
			// "EU leaders meeting in Brussels endorsed ...", "a deal
			// struck in Geneva": a participle after a noun describes it
			if !c.finite && ci > 0 && p.ch[ci-1].kind == kNP && a.words[c.head].tag == tVerb && t.kind != cInfinitive &&
				(t.vp >= 0 || p.laterFiniteVP(ci+1)) {
				push(cParticiple, -1)
				top().antecedent = p.groupEndingAt(ci - 1)
				top().cs = append(top().cs, ci)
				top().vp = ci
				continue
			}
			if t.vp >= 0 && c.finite {
				switch {
				case t.kind == cRelative || t.kind == cAdverbial || t.kind == cAside || t.kind == cParticiple || t.kind == cInfinitive || t.ofNoun:
					// the relative clause ended and its governor's verb
					// comes: "the agreements that were signed Friday
					// allow ..."
					for len(stack) > 1 && top().vp >= 0 && (top().kind != cMain && top().kind != cComplement || top().ofNoun) {
						pop()
					}
				default:
					// "said the deal was signed": a clause of what was
					// said without "that"; its subject moves with it
					subj := p.trailingNPs(t)
					push(cComplement, -1)
					nt := top()
					nt.cs = append(nt.cs, subj...)
					pt := &p.cl[nt.parent]
					pt.cs = pt.cs[:len(pt.cs)-len(subj)]
				}
			}
			t = top()
			if t.vp < 0 {
				t.vp = ci
			}
		}
		top().cs = append(top().cs, ci)
	}
}

// onlyAdjuncts reports whether a clause so far holds only what may stand
// before a subject: dates, prepositional phrases, adverbs, commas.
func (p *parsed) onlyAdjuncts(c *clause) bool {
	for _, k := range c.cs {
		switch p.ch[k].kind {
		case kDate, kPrep, kAdv, kComma, kQuote:
		default:
			return false
		}
	}
	return true
}

// laterFiniteVP reports whether a finite verb group comes at or after
// chunk k before the clause ends.
func (p *parsed) laterFiniteVP(k int) bool {
	for ; k < len(p.ch); k++ {
		switch p.ch[k].kind {
		case kVP:
			if p.ch[k].finite {
				return true
			}
		case kStop, kSub, kRel, kConj:
			return false
		}
	}
	return false
}

// isSpeech reports whether clause t's verb reports speech or thought.
func (a *analysis) isSpeech(p *parsed, t *clause) bool {
	if t.vp < 0 {
		return false
	}
	return a.isSpeechVerb(a.words[p.ch[t.vp].head].verb.lemma)
}

// isSpeechVerb reports whether a verb reports speech or thought: a
// statement's trigger, or a verb of knowing and believing.
func (a *analysis) isSpeechVerb(lemma string) bool {
	for _, f := range a.lx.Frames(lemma, false) {
		if f.Kind == "statement" && !f.Support {
			return true
		}
	}
	switch lemma {
	case "believe", "think", "know", "hope", "fear", "feel", "expect", "suggest", "show", "mean", "learn":
		return true
	}
	return false
}

// npBefore returns the noun phrases just before chunk ci (past a comma),
// with those coordinated with them.
func (p *parsed) npBefore(ci int) []int {
	k := ci - 1
	if k >= 0 && p.ch[k].kind == kComma {
		k--
	}
	if k < 0 || p.ch[k].kind != kNP {
		return nil
	}
	return p.groupEndingAt(k)
}

// groupEndingAt returns the coordinated noun phrases ending with chunk k:
// "Poland, Hungary and the Czech Republic".
func (p *parsed) groupEndingAt(k int) []int {
	g := []int{k}
	for k >= 2 && (p.ch[k-1].kind == kConj || p.ch[k-1].kind == kComma) && p.ch[k-2].kind == kNP {
		k -= 2
		g = append([]int{k}, g...)
	}
	if k >= 3 && p.ch[k-1].kind == kConj && p.ch[k-2].kind == kComma && p.ch[k-3].kind == kNP {
		g = append([]int{k - 3}, g...)
	}
	return g
}

// clauseFollows reports whether a subject and a finite verb start at
// chunk k: "after [the leaders] [met]", "and [Iran] [retaliated]". The
// subject may be coordinated ("Kenya and Tanzania") and carry phrases
// ("the leader of Iran"), but "and" after such a phrase joins verbs, not
// subjects.
func (p *parsed) clauseFollows(k int) bool {
	const (
		wantNP = iota
		afterNP
		inPP
		afterPP
		adjuncts
	)
	state := wantNP
	for ; k < len(p.ch); k++ {
		kind := p.ch[k].kind
		if kind == kVP {
			return state != wantNP && state != inPP && p.ch[k].finite
		}
		switch {
		case state == wantNP && kind == kNP:
			state = afterNP
		case state == afterNP && kind == kComma && k+2 < len(p.ch) && p.ch[k+1].kind == kNP && p.ch[k+2].kind == kComma:
			k += 2 // "its prime minister, Ulf Kristersson, handed"
		case state == afterNP && kind == kConj:
			state = wantNP
		case (state == afterNP || state == afterPP) && kind == kPrep:
			state = inPP
		case state == inPP && kind == kNP:
			state = afterPP
		case state != wantNP && state != inPP && (kind == kAdv || kind == kDate):
			state = adjuncts
		default:
			return false
		}
	}
	return false
}

// appositive reports whether the chunks from k to the next comma are a
// noun phrase in apposition ("a loyalist of ousted ... Ranariddh") with a
// verb after it: no verb inside, a determiner, possessive or office at
// its start.
func (p *parsed) appositive(a *analysis, k int) bool {
	if k >= len(p.ch) || p.ch[k].kind != kNP {
		return false
	}
	first := a.words[p.ch[k].i]
	if first.tag != tDet && first.tag != tPoss && !(first.ment >= 0 && first.tag == tNoun) && first.tag != tNum {
		if first.tag != tName || !a.hasTitle(p.ch[k]) {
			return false
		}
	}
	for j := k; j < len(p.ch); j++ {
		switch p.ch[j].kind {
		case kVP:
			if p.ch[j].finite {
				return false
			}
		case kSub, kStop:
			return false
		case kRel:
			return true
		case kComma:
			return j+1 < len(p.ch) && (p.ch[j+1].kind == kVP || p.ch[j+1].kind == kAdv || p.ch[j+1].kind == kDate)
		}
	}
	return false
}

// hasTitle reports whether a noun phrase names someone by office.
func (a *analysis) hasTitle(c chunk) bool {
	for k := c.i; k < c.j; k++ {
		if _, _, ok := a.titleAt(a.words[:c.j], k); ok {
			return true
		}
	}
	return false
}

// trailingNPs returns the chunks of t after its verb group's last
// argument that form the subject of a following verb: the noun phrases
// (and what joins them) at the end of t.
func (p *parsed) trailingNPs(t *clause) []int {
	n := len(t.cs)
	k := n
	for k > 0 {
		kind := p.ch[t.cs[k-1]].kind
		if kind == kNP || kind == kConj && k < n || kind == kComma && k < n {
			k--
			continue
		}
		break
	}
	// keep the verb's object: "told reporters the talks were useful"
	if k < n && k > 0 && t.cs[k-1] == t.vp && n-k > 1 {
		k++
	}
	for k < n && p.ch[t.cs[k]].kind != kNP {
		k++
	}
	if k == n || t.cs[k] <= t.vp {
		return nil
	}
	return append([]int(nil), t.cs[k:]...)
}

// governs reports whether clause ci is an ancestor of clause cj.
func governs(p *parsed, ci, cj int) bool {
	for k := p.cl[cj].parent; k >= 0; k = p.cl[k].parent {
		if k == ci {
			return true
		}
	}
	return false
}
