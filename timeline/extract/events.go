package extract

import (
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/timex"
)

// candidate is an event found in one sentence, before merging.
type candidate struct {
	event    timeline.Event
	sentence int  // index of the sentence in the article
	weak     bool // the actors were inferred from earlier sentences
	trig     trigger
	words    []word
	agents   int    // how many of the actors act (the rest are acted on)
	span     [2]int // the date's words
}

// narrative is the body of the article as one text, for date resolution:
// "two days later" counts from the last date of the story, so the story
// must be read in one piece, without headlines and captions.
type narrative struct {
	text   string
	starts []int // per body block: offset in text
	blocks []int // per body block: index in document.blocks
}

func (d *document) narrative() narrative {
	var n narrative
	var b strings.Builder
	for i, bl := range d.blocks {
		if bl.kind != blockBody {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		n.starts = append(n.starts, b.Len())
		n.blocks = append(n.blocks, i)
		b.WriteString(bl.text)
	}
	n.text = b.String()
	return n
}

// dated is a date expression of the body, in document offsets.
type dated struct {
	start, end int
	date       timeline.Date
	future     bool
	implicit   bool // no expression: the date of a live-blog entry
}

// boundaryWords before a date make it the edge of a span, not the date of
// the event: "through 2030", "until Friday", "by the end of the year".
var boundaryWords = map[string]bool{"until": true, "till": true, "through": true, "by": true, "before": true, "since": true}

// events reads the body sentences for dated events.
func (d *document) events(dct time.Time, published timeline.Date) []timeline.Event {
	n := d.narrative()
	byBlock := map[int][]dated{}
	for _, t := range timex.Find(n.text, dct) {
		if t.Date.IsZero() || t.Vague || (t.Type != timex.TypeDate && t.Type != timex.TypeTime) {
			continue
		}
		k := sort.SearchInts(n.starts, t.Start+1) - 1
		if k < 0 {
			continue
		}
		bi := n.blocks[k]
		off := d.blocks[bi].start - n.starts[k]
		before := strings.Fields(strings.ToLower(n.text[max(0, t.Start-12):t.Start]))
		if len(before) > 0 && boundaryWords[before[len(before)-1]] {
			continue
		}
		byBlock[bi] = append(byBlock[bi], dated{start: t.Start + off, end: t.End + off, date: t.Date, future: t.Future})
	}
	entries := d.liveEntries(published)

	reg := newPeople()
	// first pass: learn full names, so "Merkel" early on is "Angela Merkel"
	type sent struct {
		sentence
		ws []word
	}
	sents := map[int][]sent{}
	for bi, bl := range d.blocks {
		if bl.kind == blockJunk {
			continue
		}
		for _, s := range d.sentences(bi) {
			ws := words(d.text, s.start, s.end)
			findActors(ws, reg, true)
			if bl.kind == blockBody {
				sents[bi] = append(sents[bi], sent{s, ws})
			}
		}
	}
	callStory := callHints(n)
	var (
		cands   []candidate
		story   storyActors
		sentNum int
	)
	for bi := range d.blocks {
		if d.blocks[bi].kind != blockBody {
			continue
		}
		for si, st := range sents[bi] {
			sentNum++
			s, ws := st.sentence, st.ws
			skip := 0
			if bi == n.blocks[0] && si == 0 {
				skip = datelinePrefix(ws)
			}
			ms := findActors(ws[skip:], reg, false)
			for k := range ms {
				ms[k].i += skip
				ms[k].j += skip
			}
			var times []dated
			for _, t := range byBlock[bi] {
				if t.start >= s.start && t.end <= s.end {
					times = append(times, t)
				}
			}
			var trigs []trigger
			if len(times) > 0 || !entries[bi].IsZero() {
				trigs = findTriggers(ws)
			}
			if len(times) == 0 && !entries[bi].IsZero() {
				// a live-blog entry: what it reports in the present happened
				// on the day it was posted
				if t, ok := presentTrigger(ws, trigs); ok {
					times = append(times, dated{start: ws[t.i].start, end: ws[t.i].start, date: entries[bi], implicit: true})
				}
			}
			first := len(cands)
			for _, p := range pair(ws, trigs, times) {
				t, when := trigs[p.trigger], times[p.time]
				t = promote(ws, trigs, p.trigger)
				kind := t.kind
				if t.lemma == "conversation" && callStory {
					kind = timeline.KindCall
				}
				span := spanOf(ws, when.start, when.end)
				if when.implicit {
					span = [2]int{t.i, t.i}
				}
				actors, agents, weak := story.actorsFor(ws, ms, t, span, kind, p.coordinated || coordinated(ws, t))
				if len(actors) == 0 {
					continue
				}
				future := when.future || !published.IsZero() && !when.date.Start().Before(published.End())
				status := modality(ws, t, future)
				quote, qs, qe := d.quote(s.start, s.end)
				e := timeline.Event{
					Kind: kind, Date: when.date, Actors: actors, Status: status,
					Confidence: confidence(t, p.score, when.date, status, weak || when.implicit, len(actors)),
					Origin:     timeline.ByExtractor,
					Mentions:   []timeline.Mention{{Quote: quote, Start: qs, End: qe, ExtractorVersion: Version}},
				}
				cands = append(cands, candidate{event: e, sentence: sentNum, weak: weak, trig: t, words: ws, agents: agents, span: span})
			}
			shareTargets(cands[first:])
			for k := first; k < len(cands); k++ {
				c := &cands[k]
				c.event.Title = makeTitle(c.event.Kind, c.trig, c.words, c.event.Actors, c.agents, c.span, c.event.Status)
				c.words = nil
			}
			story.update(ws, ms)
		}
	}
	return merge(cands)
}

// shareTargets gives a strike that names only who struck the countries
// struck in the strikes beside it: "the June 21 bombing of Iran's sites in
// support of the Israeli bombing campaign that began on June 13".
func shareTargets(cs []candidate) {
	for i := range cs {
		ei := &cs[i].event
		if ei.Kind != timeline.KindStrike || len(ei.Actors) != 1 {
			continue
		}
		for j := range cs {
			ej := cs[j].event
			if i == j || ej.Kind != timeline.KindStrike {
				continue
			}
			for _, a := range ej.Actors[1:] {
				if a.Kind == timeline.ActorCountry && !hasActor(ei.Actors, a) {
					ei.Actors = append(ei.Actors, a)
				}
			}
		}
	}
}

// datelineRE matches the dateline that opens wire copy: "MINSK, Belarus
// (WW) —", "GENEVA —", "WASHINGTON, March 12 (Xinhua) --".
var datelineRE = regexp.MustCompile(`^[A-Z][A-Z .'-]+(, [A-Za-z .]+)?( \([^)]*\))? ?(—|--|-) `)

// datelinePrefix returns how many words of the opening sentence are its
// dateline: the place a story was filed from is not a party to it.
func datelinePrefix(ws []word) int {
	if len(ws) == 0 {
		return 0
	}
	for k, w := range ws {
		if k > 12 {
			break
		}
		if w.text == "—" || w.text == "-" && (k+1 < len(ws) && ws[k+1].text == "-" || k > 0 && ws[k-1].text == ")") {
			head := ws[:k]
			upper := 0
			for _, h := range head {
				if !h.punct && strings.ToUpper(h.text) == h.text {
					upper++
				}
			}
			if upper > 0 && ws[0].text == strings.ToUpper(ws[0].text) {
				return k + 1
			}
			return 0
		}
	}
	return 0
}

var clockHeader = regexp.MustCompile(`^\d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?( [A-Z]{2,4})?$`)

// liveEntries finds the entries of a live blog: body blocks that follow a
// header that is only a clock time ("17:12 GMT"). They were posted on the
// publication day.
func (d *document) liveEntries(published timeline.Date) map[int]timeline.Date {
	out := map[int]timeline.Date{}
	if published.IsZero() {
		return out
	}
	day, _ := timeline.DayDate(published.Start().Year(), published.Start().Month(), published.Start().Day())
	in := false
	for i, bl := range d.blocks {
		switch {
		case bl.kind != blockBody && clockHeader.MatchString(strings.TrimSpace(bl.text)):
			in = true
		case in && bl.kind == blockBody:
			out[i] = day
		}
	}
	return out
}

// presentTrigger picks the event a live-blog sentence reports in the
// present or present perfect: "Prigozhin says", "forces have taken control".
func presentTrigger(ws []word, trigs []trigger) (trigger, bool) {
	var say *trigger
	for k := range trigs {
		t := trigs[k]
		if !t.verb {
			continue
		}
		perfect := within(ws, t.i-2, t.i, "has", "have")
		present := strings.HasSuffix(ws[t.i].low, "s") && !strings.HasSuffix(ws[t.i].low, "ss")
		switch {
		case perfect && t.kind != timeline.KindStatement:
			return t, true
		case present && t.kind == timeline.KindStatement && say == nil:
			say = &trigs[k]
		}
	}
	if say != nil {
		return *say, true
	}
	return trigger{}, false
}

// callHints reports whether the story is about a phone call, so that "a
// conversation between the leaders" is read as the call.
func callHints(n narrative) bool {
	low := strings.ToLower(n.text)
	return strings.Contains(low, "phone") || strings.Contains(low, "telephone")
}

// spanOf returns the word indexes covering document offsets [start, end).
func spanOf(ws []word, start, end int) [2]int {
	i, j := -1, -1
	for k, w := range ws {
		if w.end > start && w.start < end {
			if i < 0 {
				i = k
			}
			j = k + 1
		}
	}
	if i < 0 {
		return [2]int{0, 0}
	}
	return [2]int{i, j}
}

type pairing struct {
	trigger, time int
	score         float64
	coordinated   bool // the event verb shares its subject with an earlier verb
}

// The farthest a date may be from the event word it dates, in words.
const (
	maxVerbScore = 14
	maxNounScore = 10
)

// pair attaches dates to the event words they date. The closest pairs are
// taken first, each date and each event word once; a date left over may
// share the event word nearest it ("met on April 27 and again on May 26").
// A verb coordinated with a dated one ("met on Tuesday ..., and signed a
// statement") shares its date. A sentence with one date and one event word
// pairs them whatever the distance.
func pair(ws []word, trigs []trigger, times []dated) []pairing {
	type option struct {
		g, t int
		sc   float64
	}
	spans := make([][2]int, len(times))
	for ti, t := range times {
		spans[ti] = spanOf(ws, t.start, t.end)
		if t.implicit {
			for gi, g := range trigs {
				if ws[g.i].start == t.start {
					return []pairing{{trigger: gi, time: ti}}
				}
			}
		}
	}
	var opts []option
	for ti := range times {
		for gi, g := range trigs {
			if g.i >= spans[ti][0] && g.i < spans[ti][1] {
				continue // the event word is part of the date ("Election Day")
			}
			sc := distance(ws, g, spans[ti])
			limit := float64(maxVerbScore)
			if !g.verb {
				limit = maxNounScore
			}
			if sc <= limit {
				opts = append(opts, option{gi, ti, sc})
			}
		}
	}
	sort.SliceStable(opts, func(a, b int) bool { return opts[a].sc < opts[b].sc })
	var out []pairing
	usedT, usedG := map[int]bool{}, map[int]bool{}
	for _, o := range opts {
		if usedT[o.t] || usedG[o.g] {
			continue
		}
		usedT[o.t], usedG[o.g] = true, true
		out = append(out, pairing{trigger: o.g, time: o.t, score: o.sc})
	}
	for _, o := range opts {
		// a date left over shares the event word of the date it is listed
		// with: "met on April 27 and again on May 26"
		if usedT[o.t] {
			continue
		}
		for _, p := range out {
			if p.trigger == o.g && linked(ws, spans[p.time], spans[o.t]) {
				usedT[o.t] = true
				out = append(out, pairing{trigger: o.g, time: o.t, score: o.sc + 1})
				break
			}
		}
	}
	for gi, g := range trigs { // coordinated verbs share the date of the verb before them
		if usedG[gi] || !g.verb || g.kind == timeline.KindStatement || !coordinated(ws, g) {
			continue
		}
		prev := -1
		for hi, h := range trigs {
			if h.j <= g.i && h.verb {
				prev = hi
			}
		}
		if prev < 0 || !usedG[prev] || trigs[prev].kind == g.kind || within(ws, trigs[prev].j, g.i, "that", "which", "who", "when", "after", "before", "because", "while", "as") {
			continue
		}
		for _, p := range out {
			if p.trigger == prev {
				out = append(out, pairing{trigger: gi, time: p.time, score: p.score + 3, coordinated: true})
				usedG[gi] = true
				break
			}
		}
	}
	if len(out) == 0 && len(times) == 1 {
		// one date, one event word: they belong together
		only := -1
		for gi, g := range trigs {
			if g.kind == timeline.KindStatement || within(ws, g.i-3, g.i, "before", "after", "since", "until", "following") {
				continue
			}
			if only >= 0 {
				only = -2
				break
			}
			only = gi
		}
		if only >= 0 {
			out = append(out, pairing{trigger: only, time: 0, score: maxVerbScore})
		}
	}
	return out
}

// linked reports whether two dates are listed together: "on April 27
// and again on May 26", "in 2006 and 2009".
func linked(ws []word, a, b [2]int) bool {
	if a[1] > b[0] {
		a, b = b, a
	}
	for k := a[1]; k < b[0]; k++ {
		switch ws[k].low {
		case "and", "again", "or", ",", "on", "in", "then", "later":
		default:
			return false
		}
	}
	return true
}

// coordinated reports whether the event verb at g is the second verb of
// its subject: ", and signed", "and then flew".
func coordinated(ws []word, g trigger) bool {
	k := g.i - 1
	if lowAt(ws, k) == "then" || lowAt(ws, k) == "later" || lowAt(ws, k) == "also" {
		k--
	}
	return lowAt(ws, k) == "and"
}

// distance is the cost of reading date span s as the date of trigger g:
// the words between them, more for each comma or clause crossed.
func distance(ws []word, g trigger, s [2]int) float64 {
	var from, to int
	after := g.j <= s[0] // the date follows the event word, as usual
	fronted := !after && frontedDate(ws, s)
	if after {
		from, to = g.j, s[0]
		if to > from && isPrep(ws[to-1].low) {
			to-- // the date's own preposition: "met on Tuesday"
		}
	} else {
		from, to = s[1], g.i
		if fronted {
			from = mainClause(ws, s)
			if g.i < from {
				return maxVerbScore + 1 // inside the subordinate clause: "Early on Tuesday, as the truce ..."
			}
		}
	}
	if to < from {
		return 0
	}
	sc := float64(to - from)
	if !after && !fronted {
		sc += 3 // a date usually follows its verb: "spoke to X on Saturday and reaffirmed"
		if within(ws, from, to, "and", "but") {
			sc += 3
		}
	}
	for k := from; k < to; k++ {
		if ws[k].text == "," {
			if end := appositive(ws, k); end > k && end < to {
				sc -= float64(end - k) // ", Anatoly Antonov," names someone; it does not end a clause
				k = end
				sc += 1
				continue
			}
		}
		switch ws[k].text {
		case ",", "—", "(", ")":
			sc += 3
		case ";", ":":
			sc += 10
		}
		switch ws[k].low {
		case "which", "who", "whom", "where", "while", "although", "because", "that":
			sc += 2
		}
	}
	if within(ws, g.i-3, g.i, "before", "after", "since", "until", "following", "ahead") {
		sc += 5 // "weeks before Russia's invasion": a reference point, not the event
	}
	if modifierDate(ws, s) && !(after && g.i == s[1]) && !(g.j == s[0]) {
		sc += 6 // "the June 13-24 conflict": the date belongs to its noun
	}
	if g.reporting() {
		sc += 1.5
	}
	if !g.verb {
		sc += 0.5
	}
	return sc
}

// appositive returns the index of the comma closing ", Name Name," that
// opens at k, or k when there is none.
func appositive(ws []word, k int) int {
	for j := k + 1; j < min(len(ws), k+5); j++ {
		if ws[j].text == "," {
			if j > k+1 {
				return j
			}
			return k
		}
		if !ws[j].upper || ws[j].punct {
			return k
		}
	}
	return k
}

// frontedDate reports whether a date opens its clause: "On Monday, ...",
// "Also on Tuesday, ...", or stands between commas before the main clause
// ("Weeks before the invasion, on Feb. 4, 2022, the two leaders ...").
func frontedDate(ws []word, s [2]int) bool {
	if s[1] >= len(ws) || ws[s[1]].text != "," {
		return false
	}
	k := s[0] - 1
	for k >= 0 && (ws[k].low == "on" || ws[k].low == "in") {
		k--
	}
	if k >= 0 && ws[k].text == "," {
		return true
	}
	for k := 0; k < s[0]; k++ {
		switch ws[k].low {
		case "on", "in", "also", "then", "later", "earlier", "but", "and", "at", "by", "early", "late":
		default:
			return false
		}
	}
	return true
}

// mainClause returns where the main clause starts after a fronted date:
// after its comma, and after a subordinate clause that follows it ("Early
// on Tuesday, as the truce was coming into force, an Iranian missile hit").
func mainClause(ws []word, s [2]int) int {
	k := s[1] + 1 // after the comma
	switch lowAt(ws, k) {
	case "as", "while", "when", "after", "before", "although", "though", "despite", "with", "amid":
		for j := k + 1; j < len(ws); j++ {
			if ws[j].text == "," {
				return j + 1
			}
		}
	}
	return k
}

// modifierDate reports whether a date modifies the noun after it, as in
// "the June 21 bombing" or "the June 13-24 conflict".
func modifierDate(ws []word, s [2]int) bool {
	if s[0] == 0 || s[1] >= len(ws) {
		return false
	}
	prev, next := ws[s[0]-1], ws[s[1]]
	det := prev.low == "the" || prev.low == "a" || prev.low == "an" || prev.low == "its" || prev.low == "'s" || prev.low == "their"
	return det && !next.punct && !next.upper && !isPrep(next.low)
}

func isPrep(w string) bool {
	switch w {
	case "on", "in", "at", "during", "from", "of", "over", "for":
		return true
	}
	return false
}

// promote turns "announced ... an accord" into the agreement it announces:
// a reporting verb whose object is an event noun reports that event.
func promote(ws []word, trigs []trigger, gi int) trigger {
	g := trigs[gi]
	if g.kind != timeline.KindStatement {
		return g
	}
	switch ws[g.i].low {
	case "announced", "announces", "declared", "declares", "unveiled", "issued", "proposed", "signed":
	case "claim", "claims":
		// "North Korea's claim on Wednesday that it had detonated a bomb":
		// the claim reports the event it claims
		for _, h := range trigs[gi+1:] {
			if h.i > g.j+14 {
				break
			}
			if h.kind != timeline.KindStatement && h.verb && within(ws, g.j, h.i, "that") {
				h.i = g.i
				return h
			}
		}
		return g
	default:
		return g
	}
	for _, h := range trigs[gi+1:] {
		if h.i > g.j+8 {
			break
		}
		if within(ws, g.j, h.i, "that", ";", ",") {
			break
		}
		if h.kind != timeline.KindStatement && !h.verb {
			h.i = g.i // the event spans from the verb to its object
			h.verb = true
			return h
		}
	}
	return g
}

// storyActors remembers who the story is about, for sentences that name
// no one ("Formal negotiations followed on Tuesday") and for "he", "the
// leaders" and "the two countries".
type storyActors struct {
	persons   []timeline.Actor // people named so far, most recent first
	countries []timeline.Actor // countries named so far, most recent first
}

func (s *storyActors) update(ws []word, ms []mention) {
	for k := len(ms) - 1; k >= 0; k-- { // the sentence's last mention ends up first
		m := ms[k]
		switch m.actor.Kind {
		case timeline.ActorPerson:
			s.persons = moveToFront(s.persons, m.actor)
		case timeline.ActorCountry:
			if !m.location && !m.source {
				s.countries = moveToFront(s.countries, m.actor)
			}
		}
	}
}

// storyMemory is how many recent actors the story keeps: anaphora reach
// back a few names, not the whole article.
const storyMemory = 8

func moveToFront(as []timeline.Actor, a timeline.Actor) []timeline.Actor {
	out := make([]timeline.Actor, 1, storyMemory)
	out[0] = a
	for _, x := range as {
		if len(out) == storyMemory {
			break
		}
		if !strings.EqualFold(x.Name, a.Name) {
			out = append(out, x)
		}
	}
	return out
}

// recent returns the n most recently named actors of as.
func recent(as []timeline.Actor, n int) []timeline.Actor {
	return as[:min(n, len(as))]
}

// anaphorCount is how many parties a plural anaphor names: "the four
// leaders" four, "the leaders" two.
func anaphorCount(ws []word) int {
	for _, w := range ws {
		switch w.low {
		case "three":
			return 3
		case "four":
			return 4
		case "five":
			return 5
		}
	}
	return 2
}

// interactive kinds involve the people the story is about; a sentence
// that names no one ("The talks on Wednesday lasted three hours") is about
// them.
func interactive(k timeline.Kind) bool {
	switch k {
	case timeline.KindCall, timeline.KindMeeting, timeline.KindVisit, timeline.KindAgreement:
		return true
	}
	return false
}

// clauseBreakWords end the clause of an event word to its right.
var clauseBreakWords = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "when": true, "after": true,
	"before": true, "because": true, "while": true, "although": true, "as": true, "since": true,
	"where": true, "but": true, "according": true,
}

// actorsFor picks the actors of an event: the subject nearest before the
// event word first, then those in its clause and around its date. A
// sentence that names no one, "he", or "the leaders" take them from the
// story so far.
func (s *storyActors) actorsFor(ws []word, ms []mention, t trigger, date [2]int, kind timeline.Kind, coord bool) ([]timeline.Actor, int, bool) {
	lo := min(t.i, date[0]) - 8
	hi := max(t.j, date[1]) + 8
	// the clause ends at a clause word or mark after the event word
	for k := t.j; k < min(hi, len(ws)); k++ {
		if k > t.j && k >= date[1] && (clauseBreakWords[ws[k].low] || ws[k].text == ";" || ws[k].text == "—" ||
			ws[k].low == "and" && k+1 < len(ws) && verbish(ws[k+1])) {
			hi = k // "met in Paris on Wednesday and agreed to ...": the next verb has its own objects
			break
		}
	}
	// The subject may be long ("Germany's Anna Keller and Poland's Piotr
	// Nowak held talks"): when the sentence starts near the event word,
	// with no clause mark between, the whole start is the subject.
	far, broke := min(t.i, date[0])-14, false
	for k := t.i - 1; k >= max(0, far); k-- {
		l := ws[k].low
		if ws[k].text == ";" || ws[k].text == "—" || (clauseBreakWords[l] && l != "that" && l != "who" && l != "which" && k < date[0]) {
			lo, broke = max(lo, k), true
			break
		}
	}
	if !broke && far < 0 {
		lo = -1
	}
	var subject, others []timeline.Actor
	place := kind == timeline.KindVisit || kind == timeline.KindMeeting || kind == timeline.KindProtest
	for _, m := range ms {
		if m.j <= lo || m.i >= hi || m.source || m.location && !place {
			continue
		}
		if m.j <= t.i {
			subject = append(subject, m.actor) // the last one before is nearest
		} else {
			others = append(others, m.actor)
		}
	}
	var out []timeline.Actor
	add := func(a timeline.Actor) {
		if !hasActor(out, a) {
			out = append(out, a)
		}
	}
	// the subject first, then objects
	for _, a := range subject {
		add(a)
	}
	agents := len(out)
	if coord {
		// coordinated verbs share the subject: everyone named before the
		// sentence's first event word
		firstVerb := t.i
		for _, m := range ms {
			if m.i < firstVerb && m.i < firstTriggerAt(ws) {
				add(m.actor)
			}
		}
	}
	for _, a := range others {
		add(a)
	}
	window := ws[max(0, lo):min(len(ws), hi)]
	weak := false
	pronoun := within(ws, max(0, t.i-3), t.i, "he", "she")
	thing := within(ws, max(0, t.i-2), t.i, "it", "they")
	switch {
	case pronoun && (len(s.persons) > 0 || len(personsBefore(ms, t.i)) > 0):
		// "he" is the last person named: in this sentence, else before
		he := s.persons
		if before := personsBefore(ms, t.i); len(before) > 0 {
			he = before
		}
		if !hasActor(out, he[0]) {
			out = append([]timeline.Actor{he[0]}, out...)
			agents++
		}
	case thing && t.kind != timeline.KindStatement:
		// "since it invaded Ukraine": the sentence's subject, else the
		// country the story named last
		var it timeline.Actor
		if len(ms) > 0 && ms[0].i < t.i && ms[0].actor.Kind != timeline.ActorPerson {
			it = ms[0].actor
		} else if len(s.countries) > 0 {
			it = s.countries[0]
		}
		if it.Name != "" && !hasActor(out, it) {
			out = append([]timeline.Actor{it}, out...)
			agents++
		}
	case hasAnaphor(window, countryAnaphora):
		for _, a := range recent(s.countries, anaphorCount(window)) {
			add(a)
		}
		agents, weak = len(out), true
	case hasAnaphor(window, pluralAnaphora):
		parties := s.persons
		if len(parties) == 0 {
			parties = s.countries // "the two ministers" of two countries
		}
		for _, a := range recent(parties, anaphorCount(window)) {
			add(a)
		}
		agents, weak = len(out), true
	case len(out) == 0 && interactive(kind) && t.i <= 4:
		// "Formal negotiations followed on Tuesday": the story's parties
		for _, a := range recent(s.persons, 2) {
			add(a)
		}
		for _, a := range recent(s.countries, 2) {
			add(a)
		}
		agents, weak = len(out), true
	case len(out) == 0 && kind != timeline.KindStatement:
		// "The war began on June 13, when Israel launched ...": the actors
		// may sit beyond the clause
		for _, m := range ms {
			if !m.source && !(m.location && !place) {
				add(m.actor)
			}
		}
	}
	return out, agents, weak
}

// personsBefore lists the people named before word i, nearest first.
func personsBefore(ms []mention, i int) []timeline.Actor {
	var out []timeline.Actor
	for k := len(ms) - 1; k >= 0; k-- {
		if ms[k].j <= i && ms[k].actor.Kind == timeline.ActorPerson {
			out = append(out, ms[k].actor)
		}
	}
	return out
}

// verbish reports whether w looks like a verb in the past tense or a known
// event or reporting verb.
func verbish(w word) bool {
	if w.upper || w.punct {
		return false
	}
	if e, ok := lexicon[w.low]; ok && e.verb {
		return true
	}
	return len(w.low) > 4 && strings.HasSuffix(w.low, "ed") || irregularPastVerbs[w.low]
}

var irregularPastVerbs = map[string]bool{
	"met": true, "flew": true, "held": true, "spoke": true, "took": true, "made": true, "went": true,
	"gave": true, "sent": true, "struck": true, "told": true, "said": true, "signed": true, "left": true,
}

// firstTriggerAt returns the index of the first event word of a sentence.
func firstTriggerAt(ws []word) int {
	for i := range ws {
		if t, ok := triggerAt(ws, i); ok && t.verb {
			return i
		}
	}
	return len(ws)
}

// countryAnaphora refer back to the countries of the story.
var countryAnaphora = []string{"the two countries", "the two governments", "the two nations", "both countries", "both governments"}

func hasAnaphor(ws []word, phrases []string) bool {
	for i, w := range ws {
		if w.low != "the" && w.low != "both" {
			continue
		}
	phrase:
		for _, p := range phrases {
			parts := strings.Fields(p)
			if i+len(parts) > len(ws) {
				continue
			}
			for k, part := range parts {
				if ws[i+k].low != part {
					continue phrase
				}
			}
			return true
		}
	}
	return false
}

// confidence scores how sure the extractor is: event verbs over nouns,
// dates attached closely, actors named in the sentence, facts over plans.
func confidence(t trigger, score float64, d timeline.Date, status timeline.Status, inferred bool, actors int) float64 {
	c := 0.55
	if t.verb {
		c += 0.1
	}
	c -= 0.02 * score
	if d.Precision() >= timeline.PrecisionDay {
		c += 0.1
	}
	if actors >= 2 {
		c += 0.1
	}
	if inferred {
		c -= 0.15
	}
	if status != timeline.StatusReported {
		c -= 0.1
	}
	if t.kind == timeline.KindStatement {
		c -= 0.05
	}
	return min(0.95, max(0.1, float64(int(c*100+0.5))/100))
}
