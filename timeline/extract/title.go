package extract

import (
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

// shortName is an actor as a headline names it: a person by surname, a
// long name by its usual short form.
func shortName(a timeline.Actor) string {
	if a.Kind == timeline.ActorPerson {
		if f := strings.Fields(a.Name); len(f) > 1 {
			keys := nameKeys(a.Name)
			last := f[len(f)-1]
			if strings.EqualFold(keys[0], last) {
				return last
			}
		}
		return a.Name
	}
	if s, ok := shortNames[a.Name]; ok {
		return s
	}
	return a.Name
}

// names joins actors as a headline would: "A", "A and B", "A, B and C".
func names(as []timeline.Actor) string {
	ns := make([]string, 0, len(as))
	for _, a := range as {
		n := shortName(a)
		dup := false
		for _, x := range ns {
			if x == n {
				dup = true
			}
		}
		if !dup {
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

// title writes an event's title from its kind's title forms: the first
// form whose slots are all filled. {S} is who acts, {T} who is acted on,
// {P} everyone, {O} the object as written, {V} the trigger verb.
func (a *analysis) title(s *sentence, p *parsed, ef *eframe, source, target []timeline.Actor) string {
	verb := ""
	if !ef.f.Noun && !ef.f.Support {
		verb = a.lx.Third(ef.f.Lemma)
		if len(ef.f.Then) > 0 {
			verb += " " + strings.Join(ef.f.Then, " ")
		}
	}
	return a.titleOf(ef.kind, ef.f.Title, source, target, a.objectText(s, p, ef), verb, ef.place)
}

// retitle writes the title of an event whose kind changed after its
// frame was read: from its actors alone.
func (a *analysis) retitle(e timeline.Event) string {
	if len(e.Actors) == 0 {
		return capitalize(e.Kind.Label())
	}
	return a.titleOf(e.Kind, "", e.Actors[:1], e.Actors[1:], "", "", "")
}

func (a *analysis) titleOf(kind timeline.Kind, frameTitle string, source, target []timeline.Actor, object, verb, place string) string {
	ki := a.lx.Kind(kind)
	forms := ki.Titles
	if frameTitle != "" {
		forms = append([]string{frameTitle}, forms...)
	}
	src, tgt := personsFirst(source), personsFirst(target)
	if ki.Symmetric && len(src) == 0 && len(tgt) > 1 {
		src, tgt = tgt[:1], tgt[1:]
	}
	slots := map[string]string{"{S}": names(src), "{T}": names(tgt), "{P}": "", "{O}": object, "{V}": verb, "{L}": place}
	if len(src)+len(tgt) >= 2 {
		slots["{P}"] = names(append(append([]timeline.Actor(nil), src...), tgt...))
	}
	for _, form := range forms {
		if t, ok := fill(form, slots); ok {
			return capitalize(t)
		}
	}
	return capitalize(kind.Label())
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

// objectText writes what a verb acts on, as the article words it, or for
// a statement what was said: "Russian diplomats", "the agreement cuts off
// ...". It stops at eight words.
func (a *analysis) objectText(s *sentence, p *parsed, ef *eframe) string {
	from, to := -1, -1
	if ef.kind == timeline.KindStatement {
		// what was said: the clause the verb governs
		for _, c := range p.cl {
			if c.parent == ef.clause && c.kind == cComplement && len(c.cs) > 0 {
				from, to = p.ch[c.cs[0]].i, p.ch[c.cs[len(c.cs)-1]].j
				break
			}
		}
	}
	if from < 0 && len(ef.object) > 0 {
		from, to = p.ch[ef.object[0]].i, p.ch[ef.object[len(ef.object)-1]].j
	}
	if from < 0 {
		return ""
	}
	var parts []string
	for k := from; k < to && len(parts) < 8; k++ {
		w := a.words[k]
		if w.Kind == text.Punct && (w.Low == "," || w.Low == "\"" || w.Low == "'") {
			if len(parts) > 3 {
				break
			}
			continue
		}
		parts = append(parts, w.Text)
	}
	return strings.Join(parts, " ")
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
