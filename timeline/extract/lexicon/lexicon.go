// Package lexicon holds what the extractor knows of words, as data: the
// closed-class words and verb forms the clause reader needs, the actors
// (countries, organisations, groups, places, titles) and the event
// frames. Every list lives in a text file under data/, so that adding a
// trigger or a country is an edit of data, and every entry is read
// through the same tokenizer as the articles.
package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/dateline/dateline/timeline/extract/text"
)

//go:embed data/*.txt
var data embed.FS

// Lexicon is the extractor's knowledge of words.
type Lexicon struct {
	pos        map[string]POS
	verbs      map[string][]VerbForm
	thirds     map[string]string // lemma -> third person singular
	plurals    map[string]string // irregular plural -> singular
	classes    map[string]map[string]bool
	classNouns map[string]bool // every noun of every class
	abbrevs    map[string]bool

	Entities    Matcher[Entity]
	Titles      Matcher[Title]
	Agents      Matcher[string]
	Groups      Matcher[Entity]
	Media       Matcher[bool]
	nonactor    map[string]bool
	orgHeads    map[string]bool
	company     map[string]bool
	local       map[string]bool
	familyFirst map[string]bool // countries
	mediaWords  map[string]bool
	nonstate    map[string]bool
	nameWords   map[string]bool   // entity name + NUL + a word of one of its names
	titleWords  map[string]Title  // titles of one word
	leaders     map[string]string // folded full name -> country
	surnames    map[string]string // folded last word -> country, "" when two countries share it

	frames map[frameKey][]*Frame
	kinds  map[string]*KindInfo
	occur  map[string][][]string

	// lexemes holds, for each word any list knows, what the clause
	// reader asks of it most: one lookup a word instead of one a list
	lexemes map[string]Lexeme
}

// Lexeme is what the lexicon knows of a word at a glance: its classes
// and the phrase lists with a phrase that begins with it.
type Lexeme struct {
	POS    POS
	Starts Starts
}

// Starts says which phrase lists have a phrase beginning with a word.
type Starts uint8

const (
	StartsEntity Starts = 1 << iota
	StartsTitle
	StartsAgent
	StartsGroup
	StartsMedia
)

// Lexeme returns what the lexicon knows of the word low at a glance.
func (lx *Lexicon) Lexeme(low string) Lexeme { return lx.lexemes[low] }

// indexLexemes builds the lexemes once every list is read.
func (lx *Lexicon) indexLexemes() {
	lx.lexemes = make(map[string]Lexeme, len(lx.pos))
	for w, p := range lx.pos {
		lx.lexemes[w] = Lexeme{POS: p}
	}
	mark := func(first []string, b Starts) {
		for _, w := range first {
			l := lx.lexemes[w]
			l.Starts |= b
			lx.lexemes[w] = l
		}
	}
	mark(lx.Entities.firsts(), StartsEntity)
	mark(lx.Titles.firsts(), StartsTitle)
	mark(lx.Agents.firsts(), StartsAgent)
	mark(lx.Groups.firsts(), StartsGroup)
	mark(lx.Media.firsts(), StartsMedia)
}

var (
	loadOnce sync.Once
	loaded   *Lexicon
)

// Get returns the lexicon built from the embedded data files. The files
// are checked by the package's tests; a broken one stops the program at
// its first extraction.
func Get() *Lexicon {
	loadOnce.Do(func() {
		lx, err := Load(data)
		if err != nil {
			panic("lexicon: " + err.Error())
		}
		loaded = lx
	})
	return loaded
}

// Load builds a lexicon from the data/*.txt files of fsys.
func Load(fsys fs.FS) (*Lexicon, error) {
	lx := &Lexicon{
		pos: map[string]POS{}, verbs: map[string][]VerbForm{}, thirds: map[string]string{},
		plurals: map[string]string{}, classes: map[string]map[string]bool{}, classNouns: map[string]bool{}, abbrevs: map[string]bool{},
		nonactor: map[string]bool{}, orgHeads: map[string]bool{}, local: map[string]bool{}, familyFirst: map[string]bool{},
		company: map[string]bool{}, mediaWords: map[string]bool{}, nonstate: map[string]bool{}, nameWords: map[string]bool{}, titleWords: map[string]Title{},
		frames: map[frameKey][]*Frame{}, kinds: map[string]*KindInfo{},
		occur: map[string][][]string{},
	}
	steps := []struct {
		file string
		read func(*Lexicon, []section) error
	}{
		{"words.txt", (*Lexicon).readWords},
		{"verbs.txt", (*Lexicon).readVerbs},
		{"classes.txt", (*Lexicon).readClasses},
		{"actors.txt", (*Lexicon).readActors},
		{"places.txt", (*Lexicon).readPlaces},
		{"people.txt", (*Lexicon).readPeople},
		{"leaders.txt", (*Lexicon).readLeaders},
		{"triggers.txt", (*Lexicon).readTriggers},
	}
	for _, s := range steps {
		secs, err := readSections(fsys, "data/"+s.file)
		if err != nil {
			return nil, err
		}
		if err := s.read(lx, secs); err != nil {
			return nil, fmt.Errorf("%s: %w", s.file, err)
		}
	}
	lx.Entities.sort()
	lx.Titles.sort()
	lx.Agents.sort()
	lx.Groups.sort()
	lx.Media.sort()
	lx.indexLexemes()
	return lx, nil
}

// section is a [name] of a data file and its lines, comments and blank
// lines left out; a line starting with white space continues the one
// before.
type section struct {
	name  string
	lines []line
}

type line struct {
	n    int // line number in the file
	text string
}

func readSections(fsys fs.FS, name string) ([]section, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var secs []section
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		t := strings.TrimSpace(raw)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			secs = append(secs, section{name: strings.TrimSpace(t[1 : len(t)-1])})
			continue
		}
		if len(secs) == 0 {
			return nil, fmt.Errorf("%s:%d: a line before the first [section]", name, n)
		}
		s := &secs[len(secs)-1]
		if (raw[0] == ' ' || raw[0] == '\t') && len(s.lines) > 0 {
			s.lines[len(s.lines)-1].text += " " + t
			continue
		}
		s.lines = append(s.lines, line{n, t})
	}
	return secs, sc.Err()
}

// entries splits a line at commas, or at spaces too when words is set.
func entries(l string, words bool) []string {
	var out []string
	sep := func(r rune) bool { return r == ',' || words && (r == ' ' || r == '\t') }
	for _, e := range strings.FieldsFunc(l, sep) {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// fields splits "a | b | c" into its trimmed parts.
func fields(l string) []string {
	parts := strings.Split(l, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// Key is the form under which the lexicon stores a phrase: the lower-case
// words of text.Words, joined by spaces. Phrases are read by the same
// tokenizer as articles, so an entry matches what an article says.
func (lx *Lexicon) Key(phrase string) string {
	ws := lx.split(phrase)
	lows := make([]string, len(ws))
	for i, w := range ws {
		lows[i] = w.Low
	}
	return strings.Join(lows, " ")
}

func (lx *Lexicon) split(phrase string) []text.Word {
	return text.Words(phrase, text.Tokenize(phrase), lx.IsAbbreviation)
}

// IsAbbreviation reports whether low, followed by a period, is an
// abbreviation whose period does not end a sentence ("mr", "gen").
func (lx *Lexicon) IsAbbreviation(low string) bool { return lx.abbrevs[low] }

// StartsSentence reports whether a capitalised low commonly opens a
// sentence (a determiner, pronoun, conjunction, preposition or adverb), so
// that a period before it ends one even after "U.S.".
func (lx *Lexicon) StartsSentence(low string) bool {
	return lx.pos[low]&(Det|Pron|Conj|Prep|Sub|Adv|Poss) != 0
}
