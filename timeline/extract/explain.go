package extract

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// Explain writes what each stage of the pipeline read in every sentence
// of an article: the words with their tags, the mentions, the clauses
// with their subjects, objects and dates, and the frames matched. It is
// the view to open when an event is missed or wrong.
func Explain(ctx context.Context, input string, opts Options, w io.Writer) error {
	d, res, err := prepare(ctx, input, opts)
	if err != nil {
		return err
	}
	a := newAnalysis(d, res.Published)
	a.observe = func(s *sentence, p *parsed, frames []eframe) { a.explainSentence(w, s, p, frames) }
	if err := a.run(ctx); err != nil {
		return err
	}
	fmt.Fprintf(w, "\narticle: %d political mentions in %d body sentences; countries %v; international bodies or regions %v; domestic %v\n",
		a.politicalMentions, a.bodySentences, a.countries, a.abroad, a.domestic())
	return nil
}

var tagNames = [...]string{
	tNoun: "N", tDet: "DET", tPrep: "P", tConj: "CC", tSub: "SUB", tRel: "REL", tPron: "PRON", tPoss: "POSS",
	tPossMark: "'S", tBe: "BE", tHave: "HAVE", tDo: "DO", tModal: "MD", tNeg: "NEG", tAdv: "ADV", tTo: "TO",
	tVerb: "V", tName: "NAME", tNum: "NUM", tPunct: "", tDate: "DATE",
}

var chunkNames = [...]string{kNP: "NP", kVP: "VP", kPrep: "P", kDate: "DATE", kSub: "SUB", kRel: "REL", kConj: "CC",
	kComma: ",", kStop: ";", kOpen: "(", kClose: ")", kQuote: "\"", kAdv: "ADV", kTo: "TO", kOther: "?"}

var clauseNames = [...]string{cMain: "main", cComplement: "complement", cRelative: "relative", cAdverbial: "adverbial",
	cCoordinate: "coordinate", cInfinitive: "infinitive", cParticiple: "participle", cAside: "aside"}

var mentionNames = [...]string{mCountry: "country", mPeople: "people", mSeat: "seat", mPlace: "place", mOrg: "org",
	mGroup: "group", mPerson: "person", mRole: "role", mAgent: "agent", mPron: "pron", mName: "name", mThing: "thing"}

// explainSentence writes one sentence's reading.
func (a *analysis) explainSentence(w io.Writer, s *sentence, p *parsed, frames []eframe) {
	fmt.Fprintf(w, "\n[%d] %s\n", s.n, a.d.text[s.start:s.end])
	var b strings.Builder
	for i := s.w0; i < s.w1; i++ {
		x := a.words[i]
		b.WriteString(x.Text)
		if t := tagNames[x.tag]; t != "" {
			b.WriteString("/" + t)
		}
		if x.tag == tVerb {
			b.WriteString(":" + x.verb.lemma)
		}
		b.WriteByte(' ')
	}
	fmt.Fprintf(w, "  words: %s\n", b.String())
	for _, m := range s.mentions {
		who := m.name
		if m.person != nil {
			who = fmt.Sprintf("%s (%s, %s)", m.person.name, m.person.title, m.person.country)
		}
		for _, x := range m.persons {
			who += " " + x.name
		}
		fmt.Fprintf(w, "  mention %-7s %q -> %s [country %s]\n", mentionNames[m.kind], a.span(m.i, m.j), who, m.country)
	}
	for ci, c := range p.cl {
		fmt.Fprintf(w, "  clause %d %s (parent %d)%s: %s\n", ci, clauseNames[c.kind], c.parent, map[bool]string{true: " quoted"}[c.quoted], a.chunksText(p, c.cs))
		if c.vp >= 0 {
			fmt.Fprintf(w, "    verb %q passive=%v  subj %s  obj %s\n", a.span(p.ch[c.vp].i, p.ch[c.vp].j), p.ch[c.vp].passive,
				a.chunksText(p, c.subj), a.chunksText(p, c.obj))
		}
		for _, q := range c.pps {
			fmt.Fprintf(w, "    pp %s %s\n", q.prep, a.chunksText(p, q.nps))
		}
		for _, d := range c.dates {
			fmt.Fprintf(w, "    date %q = %s\n", a.span(p.ch[d].i, p.ch[d].j), a.dates[a.words[p.ch[d].i].date].Value)
		}
	}
	for _, ef := range frames {
		date := "none"
		if ef.date >= 0 {
			date = a.dates[ef.date].Date.TIMEX()
		}
		fmt.Fprintf(w, "  frame %s %q (triggers.txt:%d) clause %d date %s status %s source %s target %s places %v\n",
			ef.kind, a.words[ef.trigger].Text, ef.f.Line, ef.clause, date, ef.status,
			a.mentionsText(s, ef.source), a.mentionsText(s, ef.target), ef.places)
	}
}

func (a *analysis) span(i, j int) string {
	if i >= j {
		return ""
	}
	return a.d.text[a.words[i].Start:a.words[j-1].End]
}

func (a *analysis) chunksText(p *parsed, cs []int) string {
	var parts []string
	for _, k := range cs {
		parts = append(parts, chunkNames[p.ch[k].kind]+"["+a.span(p.ch[k].i, p.ch[k].j)+"]")
	}
	return strings.Join(parts, " ")
}

func (a *analysis) mentionsText(s *sentence, ms []int) string {
	var parts []string
	for _, m := range ms {
		act, _ := s.mentions[m].actor()
		parts = append(parts, act.Name)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
