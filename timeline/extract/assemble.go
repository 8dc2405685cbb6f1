package extract

import (
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/lexicon"
)

// candidate is an event of one sentence, before merging.
type candidate struct {
	event    timeline.Event
	sentence int
	trigger  string // the trigger's lemma
	// weak marks an event whose parties hold no office the article
	// tells: kept only when the article is about diplomacy
	weak bool
	// placed says the event's clause names where it happened
	placed bool
	// presumed marks a date taken from the day of the news, which the
	// article may give more exactly later
	presumed bool
	// title holds what the title is made of; it is written once the
	// whole article is read, when it is known what the article calls
	// its people
	title titleParts
}

// hint is an event the article names without a date ("a phone call with
// Putin"): not an event of the timeline, but evidence of what a dated one
// was.
type hint struct {
	kind   timeline.Kind
	actors []timeline.Actor
	// political says the actors include a state, a body, a group or a
	// person in office
	political bool
}

// candidates turns a sentence's dated frames into events. An event must
// have a date of its own, be told outside someone's quoted words, and
// have an actor; a statement needs a speaker who speaks for a state, a
// body or a group. Planned, denied and supposed events keep their status,
// with the confidence it allows.
func (a *analysis) candidates(s *sentence, p *parsed, frames []eframe) {
	first := len(a.cands)
	var from []*eframe // the frame of each candidate from first on
	defer func() {
		a.cands = append(a.cands[:first], dropReports(p, a.cands[first:], from)...)
		shareTargets(a.cands[first:])
	}()
	var speakers []timeline.Actor
	for i := range frames {
		if frames[i].kind == timeline.KindStatement {
			for _, x := range a.actorsOf(s, frames[i].source, nil) {
				if x.Kind == timeline.ActorCountry {
					speakers = addActor(speakers, nil, x)
				}
			}
		}
	}
	for i := range frames {
		ef := &frames[i]
		c := &p.cl[ef.clause]
		if c.quoted || a.words[ef.trigger].quoted {
			continue
		}
		when, ok := a.when(s, p, ef)
		if ok && ef.status == timeline.StatusPlanned && when.Precision() < timeline.PrecisionMonth {
			// "this summer", "next year": a plan too loose to place on
			// a timeline
			ok = false
		}
		source := a.actorsOf(s, ef.source, nil)
		for _, x := range ef.also {
			source = addActor(source, nil, x)
		}
		if as := append(source, a.actorsOf(s, ef.target, source)...); len(as) > 0 {
			h := hint{ef.kind, as, a.anyPolitical(s, ef)}
			a.told = append(a.told, h)
			if !ok {
				a.hints = append(a.hints, h)
			}
		}
		if !ok {
			continue
		}
		toldPolitical := false
		if ef.definite && len(source) == 0 && len(ef.target) == 0 && a.holds(ef.kind, when) {
			continue // "Thursday's deal": the deal of Thursday, told already
		}
		if ef.definite && len(source) == 0 && len(ef.target) == 0 && len(ef.places) == 0 {
			// "the talks": the talks the article told before
			var h hint
			h, toldPolitical = a.lastOf(ef.kind)
			source, toldPolitical = h.actors, toldPolitical && h.political
		}
		weak := false
		if ef.kind == timeline.KindStatement && !a.speaks(s, ef.source) {
			// a speaker with no office the article tells: news of
			// diplomacy if the article is about it
			if !a.named(s, ef.source) {
				continue
			}
			weak = true
		}
		target := a.actorsOf(s, ef.target, source)
		if a.lx.Kind(ef.kind).Places == "destination" && (len(source) == 0 && !ef.unnamed || len(target)+len(ef.places) == 0 && ef.place == "") {
			// "the president arrived in Philadelphia": where, but not
			// who; "landed at the airport": who, but not where
			continue
		}
		if a.lx.Kind(ef.kind).Places == "destination" && len(source) == 0 {
			// "chief diplomats are flying to Geneva": a visit of people
			// the article does not name is a visit of those its speakers
			// name, or of no one it can tell
			if source = speakers; len(source) == 0 {
				continue
			}
		}
		var located []timeline.Actor
		switch a.lx.Kind(ef.kind).Places {
		case "target", "destination":
			for _, country := range ef.places {
				target = addActor(target, source, timeline.Actor{Name: country, Kind: timeline.ActorCountry})
			}
		case "location":
			for _, country := range ef.places {
				located = addActor(located, append(source, target...), timeline.Actor{Name: country, Kind: timeline.ActorCountry})
			}
		}
		if len(source)+len(target) == 0 && ef.unnamed {
			// "the two foreign ministers will meet ..., Turkey and
			// Greece said": bodies the speakers name
			source = speakers
		}
		if len(source)+len(target) == 0 {
			continue
		}
		if !a.anyPolitical(s, ef) && !politicalActors(source) && !toldPolitical {
			weak = true // named people, no office known
		}
		actors := append(append(append([]timeline.Actor(nil), source...), target...), located...)
		actors = a.withCountries(s, ef, actors)
		if len(actors) > timeline.MaxActors {
			actors = actors[:timeline.MaxActors]
		}
		quote, qs, qe := a.d.quote(s.start, s.end)
		e := timeline.Event{
			Kind: ef.kind, Date: when, Actors: actors, Status: ef.status, Origin: timeline.ByExtractor,
			Confidence: a.confidence(ef, len(actors), when, c.quoted),
			Mentions:   []timeline.Mention{{Quote: quote, Start: qs, End: qe, ExtractorVersion: Version}},
		}
		from = append(from, ef)
		a.cands = append(a.cands, candidate{event: e, sentence: s.n, trigger: ef.f.Lemma, weak: weak, placed: len(ef.places) > 0,
			presumed: ef.presumed, title: a.titleParts(s, p, ef, source, target)})
	}
}

// dropReports leaves out a statement that only reports another event of
// its sentence: in "the United States and Russia have agreed on a plan,
// Kerry said on Saturday", Kerry's words are the source of the news, not
// news of their own. The statement goes when its verb reports (say,
// announce) and an event of the clause it governs falls on its day; what
// a reaction is about ("deplored the blasts which killed ...") is no
// report. cands are one sentence's candidates, from their frames.
func dropReports(p *parsed, cands []candidate, from []*eframe) []candidate {
	reported := func(i int) bool {
		for j, x := range cands {
			if from[i].f.Reports && x.event.Kind != timeline.KindStatement && reportedIn(p, from[i].clause, from[j].clause) &&
				timeline.OccurrenceDay(x.event.Date) == timeline.OccurrenceDay(cands[i].event.Date) {
				return true
			}
		}
		return false
	}
	var kept []candidate // nil while every candidate stays: most sentences
	for i := range cands {
		switch {
		case !reported(i):
			if kept != nil {
				kept = append(kept, cands[i])
			}
		case kept == nil:
			kept = append(make([]candidate, 0, len(cands)), cands[:i]...)
		}
	}
	if kept == nil {
		return cands
	}
	return kept
}

// reportedIn reports whether clause cj tells what clause ci says: it is
// governed by ci through what was said, its participles and infinitives.
func reportedIn(p *parsed, ci, cj int) bool {
	for k := cj; p.cl[k].parent >= 0; k = p.cl[k].parent {
		switch p.cl[k].kind {
		case cComplement, cParticiple, cInfinitive:
		default:
			return false
		}
		if p.cl[k].parent == ci {
			return true
		}
	}
	return false
}

// shareTargets gives a strike of a sentence that names only who struck the
// countries struck in the sentence's other strikes: "the June 21 bombing
// of Iran's sites in support of the Israeli bombing campaign".
func shareTargets(cs []candidate) {
	for i := range cs {
		ci := &cs[i]
		if ci.event.Kind != timeline.KindStrike || len(ci.event.Actors) != 1 {
			continue
		}
		for j := range cs {
			if i == j || cs[j].event.Kind != timeline.KindStrike {
				continue
			}
			// its targets, not the country of who struck ("Trump" is the
			// United States')
			for _, x := range cs[j].title.target {
				if x.Kind == timeline.ActorCountry && !hasActor(ci.event.Actors, x) {
					ci.event.Actors = append(ci.event.Actors, x)
					ci.title.target = append(ci.title.target, x)
				}
			}
		}
	}
}

// when returns the date of a frame: its own, or for a live blog's entry
// told in the present, the day the entry was posted.
func (a *analysis) when(s *sentence, p *parsed, ef *eframe) (timeline.Date, bool) {
	if ef.date >= 0 {
		d := a.dates[ef.date].Date
		return eventDate(d), !d.IsZero()
	}
	day, live := a.live[s.block]
	if !live || ef.anchor != anchorClause {
		return timeline.Date{}, false
	}
	c := &p.cl[ef.clause]
	if c.vp < 0 || c.kind != cMain {
		return timeline.Date{}, false
	}
	vp := p.ch[c.vp]
	head := a.words[vp.head]
	// "Prigozhin says", "forces have taken control": the present and the
	// present perfect
	present := head.verb.forms&(lexicon.Third|lexicon.Base) != 0 && !vp.perfect || vp.perfect && (a.words[vp.i].Low == "has" || a.words[vp.i].Low == "have")
	if !present {
		return timeline.Date{}, false
	}
	return day, true
}

// holds reports whether the article has an event of kind k (or one that
// counts as the same) on date d already.
func (a *analysis) holds(k timeline.Kind, d timeline.Date) bool {
	class := timeline.OccurrenceKinds(k)[0]
	day := timeline.OccurrenceDay(d)
	for _, c := range a.cands {
		if timeline.OccurrenceKinds(c.event.Kind)[0] == class && timeline.OccurrenceDay(c.event.Date) == day {
			return true
		}
	}
	return false
}

// lastOf returns the last event of kind k (or one that counts as the
// same) the article named, dated or not.
func (a *analysis) lastOf(k timeline.Kind) (hint, bool) {
	class := timeline.OccurrenceKinds(k)[0]
	for i := len(a.told) - 1; i >= 0; i-- {
		if timeline.OccurrenceKinds(a.told[i].kind)[0] == class {
			return a.told[i], true
		}
	}
	return hint{}, false
}

// eventDate is the date an event takes from its expression. A week ("last
// week") is shown as its month: a timeline groups by month, and a reader
// takes "last week" as a time in that month, not as a numbered week. The
// month is that of the week's Thursday, which holds most of its days.
func eventDate(d timeline.Date) timeline.Date {
	if d.Precision() != timeline.PrecisionWeek {
		return d
	}
	thu := d.Start().AddDate(0, 0, 3)
	m, err := timeline.MonthDate(thu.Year(), thu.Month())
	if err != nil {
		return d
	}
	return m
}

// actorsOf resolves mentions to actors, leaving out those already in
// skip.
func (a *analysis) actorsOf(s *sentence, ms []int, skip []timeline.Actor) []timeline.Actor {
	var out []timeline.Actor
	for _, m := range ms {
		mm := &s.mentions[m]
		if len(mm.persons) > 0 {
			for _, x := range mm.persons {
				out = addActor(out, skip, timeline.Actor{Name: x.name, Kind: timeline.ActorPerson})
			}
			continue
		}
		for _, x := range mm.group {
			out = addActor(out, skip, x)
		}
		if act, ok := mm.actor(); ok {
			out = addActor(out, skip, act)
		}
	}
	return out
}

func addActor(as, skip []timeline.Actor, a timeline.Actor) []timeline.Actor {
	if a.Name == "" || hasActor(as, a) || hasActor(skip, a) {
		return as
	}
	return append(as, a)
}

// hasActor reports whether as names a (case aside).
func hasActor(as []timeline.Actor, a timeline.Actor) bool {
	for _, x := range as {
		if strings.EqualFold(x.Name, a.Name) {
			return true
		}
	}
	return false
}

// speaks reports whether a statement's speaker speaks for a state, a
// body or a group.
func (a *analysis) speaks(s *sentence, source []int) bool {
	for _, m := range source {
		if s.mentions[m].political() || len(s.mentions[m].persons) > 0 {
			return true
		}
	}
	return false
}

// anyPolitical reports whether any party of a frame is a state, a body, a
// group or a person in office.
func (a *analysis) anyPolitical(s *sentence, ef *eframe) bool {
	for _, ms := range [][]int{ef.source, ef.target} {
		for _, m := range ms {
			if s.mentions[m].political() || len(s.mentions[m].persons) > 0 {
				return true
			}
		}
	}
	return len(ef.places) > 0 && a.lx.Kind(ef.kind).Places != ""
}

// named reports whether a statement's speaker is a person or a name.
func (a *analysis) named(s *sentence, source []int) bool {
	for _, m := range source {
		if mm := &s.mentions[m]; mm.kind == mPerson || mm.kind == mName && strings.Contains(mm.name, " ") || mm.kind == mPron && mm.person != nil {
			return true
		}
	}
	return false
}

// politicalActors reports whether actors found outside the sentence
// ("the ceasefire" the article told, "its") include a state, an
// organisation or a group.
func politicalActors(as []timeline.Actor) bool {
	for _, x := range as {
		if x.Kind == timeline.ActorCountry || x.Kind == timeline.ActorOrganisation || x.Kind == timeline.ActorGroup {
			return true
		}
	}
	return false
}

// withCountries adds the countries of the people and bodies named, after
// them: a president's visit is also his country's.
func (a *analysis) withCountries(s *sentence, ef *eframe, actors []timeline.Actor) []timeline.Actor {
	out := actors
	for _, ms := range [][]int{ef.source, ef.target} {
		for _, m := range ms {
			mm := &s.mentions[m]
			if (mm.kind == mOrg || mm.kind == mAgent && mm.name != "") && mm.country != "" {
				// "the State Department": the United States' body
				out = addActor(out, nil, timeline.Actor{Name: mm.country, Kind: timeline.ActorCountry})
			}
			ps := mm.persons
			if mm.person != nil {
				ps = append(ps, mm.person)
			}
			for _, x := range ps {
				if x.country != "" {
					out = addActor(out, nil, timeline.Actor{Name: x.country, Kind: timeline.ActorCountry})
				}
			}
		}
	}
	return out
}
