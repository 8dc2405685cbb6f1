package extract

import (
	"github.com/dateline/dateline/timeline/extract/lexicon"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/text"
)

// shortNames are how headlines write the actors with long names.
var shortNames = map[string]string{
	"United States": "US", "United Kingdom": "UK", "United Nations": "UN", "European Union": "EU",
	"United Arab Emirates": "UAE", "International Monetary Fund": "IMF", "International Criminal Court": "ICC",
	"International Atomic Energy Agency": "IAEA",
}

// shortName is an actor as a headline names it: a person by the one word
// the article calls them by most ("Putin", "Xi"), else by surname; a long
// name by its usual short form.
func (a *analysis) shortName(x timeline.Actor) string {
	if x.Kind == timeline.ActorPerson {
		if p := a.people.full[strings.ToLower(x.Name)]; p != nil {
			return p.short(a.lx.FamilyFirst(p.country))
		}
		if f := strings.Fields(x.Name); len(f) > 1 {
			return f[len(f)-1]
		}
		return x.Name
	}
	if s, ok := shortNames[x.Name]; ok {
		return s
	}
	return x.Name
}

// names joins actors as a headline would: "A", "A and B", "A, B and C".
func (a *analysis) names(as []timeline.Actor) string {
	ns := make([]string, 0, len(as))
	for _, x := range as {
		n := a.shortName(x)
		if !contains(ns, n) {
			ns = append(ns, n)
		}
	}
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

// titleParts is what an event's title is made of.
type titleParts struct {
	kind           timeline.Kind
	form           string // the frame's own title form, if any
	source, target []timeline.Actor
	object         string // what the verb acts on, or what was said
	base           string // the trigger verb's plain form and the words after it ("take effect"); "" for a noun
	place          string // the first place as written
}

func (a *analysis) titleParts(s *sentence, p *parsed, ef *eframe, source, target []timeline.Actor) titleParts {
	base := ""
	if !ef.f.Noun {
		base = strings.Join(append([]string{ef.f.Lemma}, ef.f.Then...), " ")
	}
	object := a.objectText(s, p, ef)
	if then := strings.Join(ef.f.Then, " "); then != "" && !ef.f.Noun {
		// "took office": the verb's own words are no object of it
		if rest, ok := strings.CutPrefix(strings.ToLower(object), then); ok && (rest == "" || rest[0] == ' ') {
			object = strings.TrimSpace(object[len(then):])
		}
	}
	return titleParts{kind: ef.kind, form: ef.f.Title, source: source, target: target,
		object: object, base: base, place: ef.place}
}

// titleOf writes a title from the kind's title forms: the first form whose
// slots are all filled. {S} is who acts, {T} who is acted on, {P}
// everyone, {O} the object as written, {V} the trigger verb in the
// present, {v} its plain form, {L} the place.
func (a *analysis) titleOf(t titleParts) string {
	ki := a.lx.Kind(t.kind)
	forms := ki.Titles
	if t.form != "" {
		// the frame's own forms come first: "{S} resigns | {T} resigns"
		var own []string
		for _, f := range strings.Split(t.form, "|") {
			own = append(own, strings.TrimSpace(f))
		}
		forms = append(own, forms...)
	}
	src, tgt := personsFirst(t.source), personsFirst(t.target)
	if ki.Symmetric && len(src) == 0 && len(tgt) > 1 {
		src, tgt = tgt[:1], tgt[1:]
	}
	// "US and UK strike", "Rebels strike": the subject is plural
	many := len(src) >= 2 || len(src) == 1 && src[0].Kind == timeline.ActorGroup && pluralName(a.shortName(src[0]))
	verb := ""
	if t.base != "" {
		first, rest, _ := strings.Cut(t.base, " ")
		if !many {
			first = a.lx.Third(first) // "UK strikes", "US and UK strike"
		}
		verb = strings.TrimSpace(first + " " + rest)
	}
	slots := map[string]string{"{S}": a.names(src), "{T}": a.names(tgt), "{P}": "", "{O}": t.object, "{V}": verb, "{v}": t.base, "{L}": t.place}
	if len(src)+len(tgt) >= 2 {
		slots["{P}"] = a.names(append(append([]timeline.Actor(nil), src...), tgt...))
	}
	for _, form := range forms {
		if many {
			form = a.plural(form)
		}
		if s, ok := fill(form, slots); ok {
			return capitalize(s)
		}
	}
	return capitalize(t.kind.Label())
}

// plural makes the verb after {S} in a title form agree with a subject
// of two or more: "{S} strikes {T}" becomes "{S} strike {T}".
func (a *analysis) plural(form string) string {
	head, rest, ok := strings.Cut(form, "{S} ")
	if !ok {
		return form
	}
	verb, tail, _ := strings.Cut(rest, " ")
	for _, v := range a.lx.Verb(verb) {
		if v.Forms&lexicon.Third != 0 {
			return strings.TrimSpace(head + "{S} " + v.Lemma + " " + tail)
		}
	}
	return form
}

// personsFirst keeps only the people of a list that has any: in a title,
// a president stands for the country.
func personsFirst(as []timeline.Actor) []timeline.Actor {
	var out []timeline.Actor
	for _, x := range as {
		if x.Kind == timeline.ActorPerson {
			out = append(out, x)
		}
	}
	if len(out) > 0 {
		return out
	}
	return as
}

// fill replaces the slots of a title form, or reports that one is empty.
func fill(form string, slots map[string]string) (string, bool) {
	out := form
	for k, v := range slots {
		if !strings.Contains(form, k) {
			continue
		}
		if v == "" {
			return "", false
		}
		out = strings.ReplaceAll(out, k, v)
	}
	return out, true
}

// objectText writes what a verb acts on, as the article words it, with
// the phrase "of ..." that completes it ("expulsion of 23 Russian
// diplomats"), and for a statement whom it was told to and what was said:
// "MPs it was highly likely Russia was responsible". It stops at ten
// words, at a comma after four.
func (a *analysis) objectText(s *sentence, p *parsed, ef *eframe) string {
	var spans [][2]int
	if len(ef.object) > 0 {
		last := ef.object[len(ef.object)-1]
		end := p.ch[last].j
		for _, q := range a.ppsAfter(p, ef.clause, last) {
			if q.prep != "of" || len(q.nps) == 0 {
				break
			}
			end = p.ch[q.nps[len(q.nps)-1]].j
		}
		spans = append(spans, [2]int{p.ch[ef.object[0]].i, end})
	}
	if ef.kind == timeline.KindStatement {
		// what was said, with the clauses it goes on in ("says the deal
		// ensures | that Iran will not build a bomb")
		for ci, c := range p.cl {
			if c.parent == ef.clause && c.kind == cComplement && len(c.cs) > 0 {
				from, to := p.ch[c.cs[0]].i, p.ch[c.cs[len(c.cs)-1]].j
				for cj := ci + 1; cj < len(p.cl); cj++ {
					if d := p.cl[cj]; len(d.cs) > 0 && governs(p, ci, cj) && p.ch[d.cs[0]].i >= to {
						to = max(to, p.ch[d.cs[len(d.cs)-1]].j)
					}
				}
				spans = append(spans, [2]int{from, to})
				break
			}
		}
	}
	// up to ten words, which are written as in the text ("Gonzalez's"
	// whole) and do not end on a word that wants more ("of", "Jordan's")
	var kept []int
	spaced := map[int]bool{}
	for _, sp := range spans {
		from, to := sp[0], sp[1]
		for from < to && (a.words[from].Low == "a" || a.words[from].Low == "an" || a.words[from].Low == "the") {
			from++ // headlines drop articles
		}
		gap := true
	words:
		for k := from; k < to && len(kept) < 10; k++ {
			w := a.words[k]
			if w.Kind == text.Punct && (w.Low == "," || w.Low == "\"" || w.Low == "'" || w.Low == ".") {
				if len(kept) > 4 {
					break words
				}
				gap = true
				continue
			}
			spaced[k] = w.Space || gap
			kept, gap = append(kept, k), false
		}
		if len(kept) > 4 && len(kept) < 10 && len(spans) > 1 {
			break
		}
	}
	// a name cut by the limit goes whole ("to the United"), then the
	// words that want more after them ("of", "Jordan's", "will")
	if n := len(kept); n > 0 {
		last := kept[n-1]
		if m := a.words[last].ment; m >= 0 && last+1 < len(a.words) && a.words[last+1].ment == m {
			for len(kept) > 0 && a.words[kept[len(kept)-1]].ment == m {
				kept = kept[:len(kept)-1]
			}
		}
	}
	for len(kept) > 0 {
		w := a.words[kept[len(kept)-1]]
		if w.POS&(lexicon.Det|lexicon.Prep|lexicon.Conj|lexicon.Sub|lexicon.Rel|lexicon.Poss|lexicon.To|lexicon.Modal|lexicon.Have|lexicon.Be|lexicon.Neg|lexicon.Pron) == 0 &&
			!strings.HasSuffix(w.Low, "'s") {
			break
		}
		kept = kept[:len(kept)-1]
	}
	var b strings.Builder
	for i, k := range kept {
		if i > 0 && spaced[k] {
			b.WriteByte(' ')
		}
		b.WriteString(a.words[k].Text)
	}
	return b.String()
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// pluralName reports whether a group's name is a plural noun: "Rebels",
// "Houthis", "Gunmen"; not "Hamas" or "Taliban", which the press treats
// as one body.
func pluralName(name string) bool {
	return strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "as") || strings.HasSuffix(name, "men")
}
