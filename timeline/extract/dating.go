package extract

import (
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/lexicon"
	"github.com/dateline/dateline/timeline/extract/timex"
	"time"
)

// pointPreps put an event at a date; a date after any other preposition
// ("until Friday", "by May", "since 1960", "before Sunday") bounds a span
// or says what came first, and does not date the event.
var pointPreps = map[string]bool{"on": true, "in": true, "at": true, "during": true, "of": true, "from": true, "early": true, "late": true,
	"around": true, "approximately": true, "": true}

// planVerbs govern an infinitive that is planned, not done: "agreed to
// meet", "is due to attend", "plans to visit".
var planVerbs = map[string]bool{
	"plan": true, "intend": true, "expect": true, "agree": true, "decide": true, "prepare": true, "aim": true,
	"hope": true, "want": true, "seek": true, "promise": true, "pledge": true, "vow": true, "schedule": true,
	"set": true, "propose": true, "offer": true, "threaten": true, "vote": true, "announce": true, "go": true,
	"due": true, "expected": true, "scheduled": true, "set to": true, "ask": true, "urge": true, "invite": true,
	"call": true, "try": true, "attempt": true, "need": true, "wish": true, "arrange": true,
}

// negativeVerbs govern an infinitive that did not happen: "failed to
// reach", "refused to sign".
var negativeVerbs = map[string]bool{"fail": true, "refuse": true, "decline": true, "reject": true, "avoid": true}

// date finds an event's date and status. A verb takes the date of its own
// clause, never the story's date: "condemned the bombing on Thursday"
// dates the condemnation, and the bombing needs a date of its own ("the
// Aug. 7 bombing"). A clause opened by "when" after a date takes that
// date; a verb joined by "and" to a dated one shares its date.
func (a *analysis) date(s *sentence, p *parsed, ef *eframe) {
	if ef.anchor == anchorNoun {
		ef.date = a.nounDate(p, ef.clause, ef.np)
	} else {
		ef.date = a.clauseDate(p, ef.clause, ef.trigger)
		if ef.date < 0 && ef.np >= 0 {
			ef.date = a.nounDate(p, ef.clause, ef.np)
		}
		if ef.date < 0 && s.lead && a.newsOfTheDay(p, ef.clause) {
			ef.date, ef.presumed = a.publicationDay(), true
		}
		// an event told in the simple past after a sentence that set the
		// scene's date, in a sentence with no date of its own, happened
		// then; one in the past perfect came before it, and what someone
		// said may be said on the day of the story
		if ef.date < 0 && a.scene.date >= 0 && ef.kind != timeline.KindStatement && !a.dated(s) &&
			a.pastVerb(p, ef) && !p.ch[p.cl[ef.clause].vp].perfect {
			ef.date = a.scene.date
		}
		if ef.date < 0 && a.follows(s, p, ef) {
			ef.date, a.follow.used = a.follow.date, true
		}
	}
	ef.status = a.status(s, p, ef)
}

// setScene keeps the date a sentence opens with ("On Aug. 7, ...",
// "In 1968, ...") as the paragraph's scene until a sentence with a date
// of its own ends it.
func (a *analysis) setScene(s *sentence, p *parsed) {
	if !a.dated(s) {
		return
	}
	a.scene.date = -1
	k := 0
	if k < len(p.ch) && p.ch[k].kind == kPrep && pointPreps[a.words[p.ch[k].i].Low] {
		k++
	}
	if k+1 < len(p.ch) && p.ch[k].kind == kDate && p.ch[k+1].kind == kComma && a.usable(a.words[p.ch[k].i].date) {
		a.scene.date = a.words[p.ch[k].i].date
	}
}

// follows reports whether an event goes on with the story of the sentence
// before, and so took place on its date: "Obama and Putin met on Monday.
// The two leaders discussed Syria and agreed to hold talks." The event is
// told in the simple past in a sentence with no date of its own, right
// after a sentence whose main clause is dated, and one of its parties is
// a party of that clause; what someone said may be said any day.
func (a *analysis) follows(s *sentence, p *parsed, ef *eframe) bool {
	if a.follow.date < 0 || a.follow.sent != s.n-1 || ef.kind == timeline.KindStatement || a.dated(s) ||
		!a.pastVerb(p, ef) || p.ch[p.cl[ef.clause].vp].perfect {
		return false
	}
	for _, x := range a.actorsOf(s, ef.source, nil) {
		if hasActor(a.follow.actors, x) {
			return true
		}
	}
	return false
}

// setFollow keeps the date and the subject's parties of a sentence whose
// main clause is dated, and carries them on through a sentence that
// followed them; any other sentence ends the story they tell.
func (a *analysis) setFollow(s *sentence, p *parsed) {
	used := a.follow.used
	a.follow.used = false
	if used && !a.dated(s) {
		a.follow.sent = s.n
		return
	}
	a.follow.date = -1
	for _, c := range p.cl {
		if c.kind != cMain {
			continue
		}
		for _, k := range c.dates {
			if d := a.words[p.ch[k].i].date; a.usable(d) && a.dates[d].Date.Precision() >= timeline.PrecisionDay && len(c.subj) > 0 {
				a.follow.sent, a.follow.date = s.n, d
				a.follow.actors = a.actorsOf(s, a.mentionsOf(s, p, c.subj), nil)
				return
			}
		}
		return
	}
}

// dated reports whether a sentence has a date that dates events.
func (a *analysis) dated(s *sentence) bool {
	for k := s.w0; k < s.w1; k++ {
		if a.usable(a.words[k].date) {
			return true
		}
	}
	return false
}

// nounDate returns the date an event noun phrase gives itself: inside it
// ("the June 21 bombing", "last Friday's bombings"), right after it
// ("attacks Aug. 7"), or in a phrase after it ("a call on April 13").
func (a *analysis) nounDate(p *parsed, ci, k int) int {
	ch := p.ch[k]
	if ch.date >= 0 {
		if a.usable(ch.date) {
			return ch.date
		}
		return -1 // "a weekend trip"
	}
	if k+1 < len(p.ch) && p.ch[k+1].kind == kDate && a.inClause(p, ci, k+1) && a.usable(a.words[p.ch[k+1].i].date) {
		return a.words[p.ch[k+1].i].date
	}
	pps := a.ppsAfter(p, ci, k)
	if n := len(pps); n > 0 && len(pps[n-1].nps) > 0 {
		// "condemned the bombings in Kenya and Tanzania Friday": a date
		// closing the phrases after the noun is the noun's when the verb
		// has a date of its own
		end := pps[n-1].nps[len(pps[n-1].nps)-1] + 1
		if c := &p.cl[ci]; c.vp >= 0 && k > c.vp && end < len(p.ch) && p.ch[end].kind == kDate && a.inClause(p, ci, end) &&
			a.otherDate(p, ci, end) && a.usable(a.words[p.ch[end].i].date) {
			return a.words[p.ch[end].i].date
		}
	}
	for _, q := range pps {
		if q.date < 0 || !pointPreps[q.prep] || !a.usable(a.words[p.ch[q.date].i].date) {
			continue
		}
		// "condemned the bombing of the embassies on Thursday", "was
		// expelled from peace talks on Feb. 20": after a verb, a date at
		// the end is the verb's, unless the verb has a date of its own
		// ("On Monday, Iran fired missiles in retaliation for US strikes
		// on Sunday")
		if c := &p.cl[ci]; c.vp >= 0 && k > c.vp && (contains(c.obj, k) || !a.otherDate(p, ci, q.date)) {
			return -1
		}
		return a.words[p.ch[q.date].i].date
	}
	return -1
}

// boundingPreps open a phrase that tells what came before or after, or
// since when: a date that closes such a phrase is the phrase's.
var boundingPreps = map[string]bool{"since": true, "until": true, "till": true, "before": true, "after": true}

// inBoundingPhrase reports whether date chunk k closes a phrase opened by
// a bounding preposition: "on his first visit since taking up his post
// three years ago" does not date the visit.
func (a *analysis) inBoundingPhrase(p *parsed, ci, k int) bool {
	for j := k - 1; j >= 0 && a.inClause(p, ci, j); j-- {
		switch p.ch[j].kind {
		case kNP:
		case kPrep:
			if boundingPreps[a.prep(p, j)] {
				return true
			}
		default:
			return false
		}
	}
	return false
}

// usable reports whether date d dates an event: a calendar date, not a
// duration, a set or a vague "the night".
func (a *analysis) usable(d int) bool {
	return d >= 0 && !a.dates[d].Vague && !a.dates[d].Date.IsZero()
}

// otherDate reports whether clause ci has a date other than chunk k.
func (a *analysis) otherDate(p *parsed, ci, k int) bool {
	for _, d := range p.cl[ci].dates {
		if d != k {
			return true
		}
	}
	return false
}

func (a *analysis) inClause(p *parsed, ci, k int) bool {
	for _, x := range p.cl[ci].cs {
		if x == k {
			return true
		}
	}
	return false
}

// clauseDate returns the date of a clause nearest its trigger, or one it
// shares with the clause that governs or precedes it.
func (a *analysis) clauseDate(p *parsed, ci, trigger int) int {
	c := &p.cl[ci]
	best, dist := -1, 1<<30
	for _, k := range c.dates {
		prep := ""
		if k > 0 && p.ch[k-1].kind == kPrep && a.inClause(p, ci, k-1) {
			prep = a.prep(p, k-1)
		}
		if !pointPreps[prep] || a.namedDay(p, c, k) || prep == "" && a.inBoundingPhrase(p, ci, k) {
			continue
		}
		d := a.words[p.ch[k].i].date
		if !a.usable(d) {
			continue
		}
		n := abs(p.ch[k].i - trigger)
		if n < dist {
			best, dist = d, n
		}
	}
	if best >= 0 {
		return best
	}
	// "Speaking to a crowd on Saturday, Erdogan blamed ...": a fronted
	// participle's date is the clause's
	for j := range p.cl {
		if x := &p.cl[j]; x.parent == ci && x.fronted {
			if d := a.clauseDate(p, j, trigger); d >= 0 {
				return d
			}
		}
	}
	if d := a.siblingDate(p, ci, trigger); d >= 0 && c.kind != cCoordinate {
		return d
	}
	if c.joined {
		// "Lukashenko held talks with Prigozhin today, and the Wagner
		// chief accepted a proposal": clauses joined by "and" tell one
		// occasion
		for j := ci - 1; j >= 0; j-- {
			if x := &p.cl[j]; x.parent == c.parent && x.kind == c.kind {
				if d := a.clauseDate(p, j, trigger); d >= 0 {
					return d
				}
				break
			}
		}
	}
	switch c.kind {
	case cAdverbial:
		// "in New York, where John Kerry held talks": at the place and
		// on the occasion the clause before told
		if c.marker >= 1 && a.words[p.ch[c.marker].i].Low == "where" && c.parent >= 0 && c.vp >= 0 &&
			!p.ch[c.vp].perfect && p.ch[c.vp].modal == "" {
			if d := a.clauseDate(p, c.parent, trigger); d >= 0 {
				return d
			}
		}
		// "on June 13, when Israel launched a surprise attack"
		if c.marker >= 1 && a.words[p.ch[c.marker].i].Low == "when" {
			k := c.marker - 1
			if k >= 0 && p.ch[k].kind == kComma {
				k--
			}
			if k >= 0 && p.ch[k].kind == kDate {
				return a.words[p.ch[k].i].date
			}
		}
	case cCoordinate, cParticiple:
		if c.fronted {
			break
		}
		if d := a.siblingDate(p, ci, trigger); d >= 0 {
			return d
		}
		if c.kind == cParticiple && c.marker >= 0 {
			// a gerund after "by" or "while" tells the same occasion
			// ("retaliated on Saturday by ordering ..."); after other
			// prepositions ("interest in resuming talks", "after
			// meeting") it does not
			if m := a.words[p.ch[c.marker].i].Low; m != "by" && m != "while" {
				break
			}
		}
		for j := ci - 1; j >= 0; j-- {
			if p.cl[j].parent == c.parent || j == c.parent {
				if d := a.clauseDate(p, j, trigger); d >= 0 {
					return d
				}
				break
			}
		}
	}
	return -1
}

// namedDay reports a date that is what the verb acts on, not when it
// acts: "has declared Monday a non-working day" (a bare date between the
// verb and "a ...").
func (a *analysis) namedDay(p *parsed, c *clause, k int) bool {
	if c.vp < 0 || k != c.vp+1 || k+1 >= len(p.ch) || p.ch[k+1].kind != kNP {
		return false
	}
	first := a.words[p.ch[k+1].i].Low
	return first == "a" || first == "an"
}

// siblingDate returns the date of a verb joined to clause ci's by "and"
// after it, which both share: "the blasts which killed scores of people
// and injured more than 1,000 others earlier in the day".
func (a *analysis) siblingDate(p *parsed, ci, trigger int) int {
	for j := ci + 1; j < len(p.cl); j++ {
		x := &p.cl[j]
		if x.kind != cCoordinate || x.parent != p.cl[ci].parent {
			continue
		}
		for _, k := range x.dates {
			if d := a.words[p.ch[k].i].date; !a.dates[d].Vague && !a.dates[d].Date.IsZero() {
				return d
			}
		}
		return -1
	}
	return -1
}

// prep returns the preposition of chunk k, with "as" before it: "as of
// Monday" dates figures, not events.
func (a *analysis) prep(p *parsed, k int) string {
	low := a.words[p.ch[k].i].Low
	if low == "of" && k > 0 && p.ch[k-1].kind == kPrep && a.words[p.ch[k-1].i].Low == "as" {
		return "as of"
	}
	return low
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// status reads tense and modality: "will meet" is planned, "did not
// meet" negated, "could meet" hypothetical; an event dated after the
// publication date is planned.
func (a *analysis) status(s *sentence, p *parsed, ef *eframe) timeline.Status {
	c := &p.cl[ef.clause]
	planned := false
	if c.vp >= 0 && ef.anchor == anchorClause {
		vp := p.ch[c.vp]
		if vp.negated {
			return timeline.StatusNegated
		}
		switch vp.modal {
		case "will", "shall", "'ll":
			planned = true
		case "would":
			if a.reported(p, ef.clause) {
				planned = true // "said he would travel": the future of then
			} else {
				return timeline.StatusHypothetical
			}
		case "could", "might", "may", "should", "must", "can":
			return timeline.StatusHypothetical
		}
		if c.kind == cAdverbial && c.marker >= 0 {
			switch a.words[p.ch[c.marker].i].Low {
			case "if", "unless", "whether":
				return timeline.StatusHypothetical
			}
		}
		if c.kind == cInfinitive && c.parent >= 0 {
			par := &p.cl[c.parent]
			if par.vp >= 0 {
				pv := p.ch[par.vp]
				lemma := a.words[pv.head].verb.lemma
				if pv.negated && !negativeVerbs[lemma] {
					return timeline.StatusNegated
				}
				before := ""
				if c.marker > 0 {
					before = a.words[p.ch[c.marker].i-1].Low
				}
				switch {
				case negativeVerbs[lemma]:
					return timeline.StatusNegated
				case planVerbs[lemma] || planVerbs[before] || a.words[pv.head].tag == tBe:
					planned = true
				}
			}
		}
	}
	if ef.date >= 0 && !a.published.IsZero() {
		d := a.dates[ef.date].Date
		if !d.Start().Before(a.published.End()) {
			// after the article: planned, unless the verb says it was
			// done, when the date belongs to something else ("told oil
			// companies of a cutback in September") or is the day after,
			// where a story dated the evening before happened ("New
			// Zealand said Friday" in a wire story of Thursday)
			if a.pastVerb(p, ef) {
				if d.Start().Before(a.published.End().Add(24 * time.Hour)) {
					return timeline.StatusReported
				}
				ef.date = -1
				return timeline.StatusReported
			}
			planned = true
		}
	}
	if planned {
		if ef.date >= 0 && !a.published.IsZero() && a.dates[ef.date].Date.End().Before(a.published.Start()) {
			// planned for a day before the article: whether it happened
			// the article does not say ("were invited to join NATO in
			// July 1997")
			ef.date = -1
		}
		return timeline.StatusPlanned
	}
	return timeline.StatusReported
}

// reported reports whether clause ci is what someone said: a complement
// of a verb of speech.
func (a *analysis) reported(p *parsed, ci int) bool {
	for c := &p.cl[ci]; c.parent >= 0; c = &p.cl[c.parent] {
		if c.kind == cComplement {
			return true
		}
	}
	return false
}

// pastVerb reports whether a frame's verb is in a past tense without a
// modal: "told", "had signed", "was expelled".
func (a *analysis) pastVerb(p *parsed, ef *eframe) bool {
	c := &p.cl[ef.clause]
	if c.vp < 0 || ef.anchor != anchorClause {
		return false
	}
	vp := p.ch[c.vp]
	if vp.modal != "" {
		return false
	}
	for k := vp.i; k <= vp.head; k++ {
		switch w := a.words[k]; {
		case w.tag == tBe && (w.Low == "was" || w.Low == "were"), w.tag == tHave && w.Low == "had":
			return true
		case w.tag == tVerb && k == vp.head && k == vp.i && w.verb.forms&lexicon.Past != 0 && w.verb.forms&lexicon.Base == 0:
			return true
		}
	}
	return false
}

// confidence weighs how sure an event is: the frame's prior, what was
// found of its actors and date, and how the text tells it.
func (a *analysis) confidence(ef *eframe, actors int, d timeline.Date, quoted bool) float64 {
	c := ef.conf
	switch {
	case actors == 0:
		c *= 0.5
	case actors == 1:
		c *= 0.9
	}
	switch d.Precision() {
	case timeline.PrecisionYear, timeline.PrecisionSeason:
		c *= 0.85
	case timeline.PrecisionMonth, timeline.PrecisionWeek:
		c *= 0.9
	}
	switch ef.status {
	case timeline.StatusPlanned:
		c *= 0.85
	case timeline.StatusNegated, timeline.StatusHypothetical:
		c *= 0.5
	}
	if quoted {
		c *= 0.6
	}
	if ef.f.Support {
		c = min(1, c*1.05)
	}
	return min(0.99, c)
}

// newsOfTheDay reports whether clause ci tells what has just happened: a
// main clause in the present perfect ("Sweden has become the 32nd member
// of Nato"). In a story's first sentence, that is the news of the day the
// story was published.
func (a *analysis) newsOfTheDay(p *parsed, ci int) bool {
	c := &p.cl[ci]
	if c.kind != cMain || c.vp < 0 {
		return false
	}
	vp := p.ch[c.vp]
	first := a.words[vp.i].Low
	return vp.perfect && vp.modal == "" && (first == "has" || first == "have") && !vp.negated
}

// publicationDay returns the index of a date standing for the
// publication day, or -1 when it is unknown.
func (a *analysis) publicationDay() int {
	if a.published.IsZero() {
		return -1
	}
	if a.pubDay < 0 {
		a.dates = append(a.dates, dated{Timex: timex.Timex{Date: a.published, Type: timex.TypeDate, Value: a.published.Value()}, w0: -1, w1: -1})
		a.pubDay = len(a.dates) - 1
	}
	return a.pubDay
}
