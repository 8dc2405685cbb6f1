package lexicon

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dateline/dateline/timeline"
)

// Frame is one way of naming an event: a verb or a noun, the words that
// must follow it, and what must stand around it (triggers.txt).
type Frame struct {
	Kind  timeline.Kind
	Noun  bool
	Lemma string   // the trigger word: a verb's lemma, a noun's singular
	Then  []string // words that follow it: "take" + "effect"
	// Support marks a frame made from a kind's support verbs: the verb
	// carries an event noun of its kind ("held talks").
	Support bool

	Subj, Obj, Mod Constraint
	Preps          []PrepConstraint
	NoObj          bool
	Inf            bool          // an infinitive clause follows
	InfNot         timeline.Kind // whose verb is no trigger of this kind
	Comp           bool          // a clause of what was said follows
	// Reports marks a verb that tells what others did ("said",
	// "announced"): when what it tells is an event of its own, the
	// telling is the source of the news and no event.
	Reports bool
	Voice   Voice
	Conf    float64
	Title   string
	Line    int // in triggers.txt, for messages
}

// Voice constrains a verb frame.
type Voice uint8

// The voices.
const (
	AnyVoice Voice = iota
	Active
	Passive
)

// Constraint is what a phrase must be: one of Any, or (Not) none of them.
// The zero Constraint holds for anything.
type Constraint struct {
	Any []Cond
	Not bool
}

// Set reports whether the constraint says anything.
func (c Constraint) Set() bool { return len(c.Any) > 0 }

// Cond is one thing a phrase may be: a word, a noun of a class, or an
// actor of some kind.
type Cond struct {
	Word  string
	Class string
	Actor string // "actor", "person", "country", "organisation", "group", "place"
	// Event asks for a noun that names an event of this kind (the
	// object of a support verb).
	Event timeline.Kind
}

// PrepConstraint asks for a phrase "P ..." with P one of Preps whose head
// meets C.
type PrepConstraint struct {
	Preps []string
	C     Constraint
}

// KindInfo is what triggers.txt says of a kind as a whole.
type KindInfo struct {
	Kind      timeline.Kind
	Titles    []string
	Targets   []string
	Symmetric bool
	// Places says what places in the clause are: "target" (a strike on a
	// city is on its country) or "destination" (a visit to it).
	Places string
	// Refines lists the trigger words of other kinds that name an event
	// of this kind when the article names one between the same people.
	Refines []string
	// Speaker is a constraint on every frame's subject.
	Speaker Constraint
}

type frameKey struct {
	lemma string
	noun  bool
}

// Frames returns the frames whose trigger is lemma, as a verb or a noun,
// most specific first.
func (lx *Lexicon) Frames(lemma string, noun bool) []*Frame {
	return lx.frames[frameKey{lemma, noun}]
}

// Occurrence returns the words that must follow lemma for it to be a verb
// of occurrence ("take" + "place"), or nil; an empty list means lemma
// alone is one ("begin").
func (lx *Lexicon) Occurrence(lemma string) [][]string { return lx.occur[lemma] }

// Kind returns what triggers.txt says of kind k.
func (lx *Lexicon) Kind(k timeline.Kind) *KindInfo { return lx.kinds[string(k)] }

// IsTarget reports whether prep introduces a target of kind k.
func (ki *KindInfo) IsTarget(prep string) bool {
	for _, p := range ki.Targets {
		if p == prep {
			return true
		}
	}
	return false
}

// specificity orders frames: the more a frame asks, the sooner it is
// tried.
func (f *Frame) specificity() int {
	n := len(f.Then) * 2
	for _, c := range []Constraint{f.Subj, f.Obj, f.Mod} {
		if c.Set() {
			n += 2
			if c.Not {
				n--
			}
		}
	}
	n += 2 * len(f.Preps)
	if f.NoObj || f.Inf || f.Comp || f.Voice != AnyVoice {
		n++
	}
	if f.Support {
		n += 3
	}
	return n
}

func (lx *Lexicon) readTriggers(secs []section) error {
	for _, s := range secs {
		if s.name == "occurrence" {
			for _, l := range s.lines {
				for _, v := range entries(l.text, true) {
					lemma, then := splitLemma(v)
					lx.addVerb(lemma, "", "", false)
					lx.occur[lemma] = append(lx.occur[lemma], then)
				}
			}
			continue
		}
		kind, err := timeline.ParseKind(s.name)
		if err != nil {
			return err
		}
		ki := &KindInfo{Kind: kind}
		lx.kinds[s.name] = ki
		var support []string
		for _, l := range s.lines {
			head, rest, _ := strings.Cut(l.text, " ")
			switch head {
			case "title:":
				ki.Titles = fields(rest)
			case "targets:":
				ki.Targets = strings.Fields(rest)
			case "support:":
				support = strings.Fields(rest)
			case "symmetric:":
				ki.Symmetric = strings.TrimSpace(rest) == "yes"
			case "places:":
				ki.Places = strings.TrimSpace(rest)
			case "refines:":
				ki.Refines = strings.Fields(rest)
			case "speaker:":
				var err error
				if ki.Speaker, err = lx.parseConstraint(strings.TrimSpace(rest)); err != nil {
					return fmt.Errorf("line %d: %w", l.n, err)
				}
			case "verb", "noun":
				f, err := lx.parseFrame(kind, head == "noun", rest, l.n)
				if err != nil {
					return err
				}
				lx.addFrame(f)
			default:
				return fmt.Errorf("line %d: unknown line %q", l.n, head)
			}
		}
		for _, v := range support {
			lemma, then := splitLemma(v)
			lx.addVerb(lemma, "", "", false)
			lx.addFrame(&Frame{Kind: kind, Lemma: lemma, Then: then, Support: true,
				Obj: Constraint{Any: []Cond{{Event: kind}}}, Conf: 0.85})
		}
	}
	for k, fs := range lx.frames {
		sortFrames(fs)
		lx.frames[k] = fs
	}
	return nil
}

func (lx *Lexicon) addFrame(f *Frame) {
	if !f.Noun {
		lx.addVerb(f.Lemma, "", "", false)
	}
	k := frameKey{f.Lemma, f.Noun}
	lx.frames[k] = append(lx.frames[k], f)
}

func sortFrames(fs []*Frame) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].specificity() > fs[j-1].specificity(); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// splitLemma reads "take_effect" as the verb "take" followed by "effect".
func splitLemma(s string) (string, []string) {
	parts := strings.Split(s, "_")
	return parts[0], parts[1:]
}

func (lx *Lexicon) parseFrame(kind timeline.Kind, noun bool, rest string, n int) (*Frame, error) {
	words, title := rest, ""
	if i := strings.Index(rest, `title="`); i >= 0 {
		j := strings.LastIndexByte(rest, '"')
		if j <= i+7 {
			return nil, fmt.Errorf("line %d: unterminated title", n)
		}
		words, title = rest[:i]+rest[j+1:], rest[i+7:j]
	}
	f := strings.Fields(words)
	if len(f) == 0 {
		return nil, fmt.Errorf("line %d: a frame needs its word", n)
	}
	fr := &Frame{Kind: kind, Noun: noun, Conf: 0.8, Title: title, Line: n}
	fr.Lemma, fr.Then = splitLemma(f[0])
	if noun {
		fr.Lemma = lx.Key(strings.ReplaceAll(f[0], "_", " "))
		fr.Then = nil
	}
	for _, opt := range f[1:] {
		key, val, _ := strings.Cut(opt, "=")
		var err error
		switch key {
		case "subj":
			fr.Subj, err = lx.parseConstraint(val)
		case "obj":
			fr.Obj, err = lx.parseConstraint(val)
		case "mod":
			fr.Mod, err = lx.parseConstraint(val)
		case "prep":
			ps, c, _ := strings.Cut(val, ":")
			pc := PrepConstraint{Preps: strings.Split(ps, "|")}
			if c != "" {
				pc.C, err = lx.parseConstraint(c)
			}
			fr.Preps = append(fr.Preps, pc)
		case "noobj":
			fr.NoObj = true
		case "inf":
			fr.Inf = true
			if k, ok := strings.CutPrefix(val, "!"); ok {
				fr.InfNot, err = timeline.ParseKind(k)
			}

		case "comp":
			fr.Comp = true
		case "reports":
			fr.Reports = true
		case "active":
			fr.Voice = Active
		case "passive":
			fr.Voice = Passive
		case "conf":
			fr.Conf, err = strconv.ParseFloat(val, 64)
			if err == nil && (fr.Conf <= 0 || fr.Conf > 1) {
				err = fmt.Errorf("conf %v is not in (0, 1]", fr.Conf)
			}
		default:
			err = fmt.Errorf("unknown option %q", opt)
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
	}
	return fr, nil
}

var actorConds = map[string]bool{"actor": true, "person": true, "country": true, "organisation": true, "group": true, "place": true, "plural": true}

func (lx *Lexicon) parseConstraint(s string) (Constraint, error) {
	var c Constraint
	if strings.HasPrefix(s, "!") {
		c.Not, s = true, s[1:]
	}
	for _, alt := range strings.Split(s, "|") {
		switch {
		case alt == "":
			return c, fmt.Errorf("empty alternative in %q", s)
		case strings.HasPrefix(alt, "@"):
			name := alt[1:]
			if !lx.HasClass(name) {
				return c, fmt.Errorf("unknown class %s", alt)
			}
			c.Any = append(c.Any, Cond{Class: name})
		case actorConds[alt]:
			c.Any = append(c.Any, Cond{Actor: alt})
		default:
			c.Any = append(c.Any, Cond{Word: lx.Key(alt)})
		}
	}
	return c, nil
}
