package text

import (
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Lexeme is a token as the scan finds it, without strings: where it is,
// what kind, its number, and which word of a Lexicon it is. A reader that
// needs only a few tokens' text (the date grammar) reads a long text at a
// few bytes a token and looks no word up; Tokenize builds Tokens from the
// same scan, so that both split a text the same way.
type Lexeme struct {
	Num        int    // value of a number; -1 when it has more than 9 digits
	Digits     int    // digits in a number
	Start, End int32  // byte range in the text
	Word       uint16 // the Lexicon's id of the word, case folded; 0 for none
	Kind       Kind
	Ordinal    bool // "21st", "3rd"
	Space      bool // whitespace (or the start of the text) comes before it
	Upper      bool // starts with an upper-case letter
	Break      bool // a paragraph break (blank line) comes before it
	// Lower: a word of lower-case ASCII letters and digits, which is its
	// own lower-case form.
	Lower bool
}

// MaxTextBytes is the longest text a scan takes: Lexemes hold 32-bit
// offsets. (Dateline reads articles of at most 64 MiB.)
const MaxTextBytes = 1<<31 - 1

// Lexicon is an automaton over a vocabulary of words, run by the scan as
// it reads each word (case folded), so that every word of the vocabulary
// comes out of the scan already known by its id, and every other word is
// dropped after a byte or two.
type Lexicon struct {
	sym   [256]uint8 // byte -> symbol + 1; 0 for a byte no word has
	nsym  int
	next  []uint16 // next[node*nsym+symbol]: the next node, 0 for none
	id    []uint16 // id[node]: the word that ends at node, 0 for none
	words []string // words[id]
}

// NewLexicon builds the automaton of words: lower-case ASCII letters,
// digits and apostrophes ("'s"). Ids count from 1 in the order given.
func NewLexicon(words []string) (*Lexicon, error) {
	l := &Lexicon{words: []string{""}}
	for _, w := range words {
		if w == "" {
			return nil, errors.New("lexicon: an empty word")
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'') {
				return nil, fmt.Errorf("lexicon: %q has a byte other than a-z, 0-9 and '", w)
			}
			if l.sym[c] == 0 {
				l.nsym++
				l.sym[c] = uint8(l.nsym)
				if c >= 'a' && c <= 'z' {
					l.sym[c-'a'+'A'] = uint8(l.nsym) // folded
				}
			}
		}
	}
	if len(words) >= 1<<16-1 {
		return nil, errors.New("lexicon: too many words")
	}
	l.next = make([]uint16, l.nsym) // node 0: the root
	l.id = make([]uint16, 1)
	for _, w := range words {
		node := 0
		for i := 0; i < len(w); i++ {
			k := node*l.nsym + int(l.sym[w[i]]) - 1
			if l.next[k] == 0 {
				if len(l.id) == 1<<16 {
					return nil, errors.New("lexicon: too many letters")
				}
				l.next[k] = uint16(len(l.id))
				l.next = append(l.next, make([]uint16, l.nsym)...)
				l.id = append(l.id, 0)
			}
			node = int(l.next[k])
		}
		if l.id[node] == 0 {
			l.id[node] = uint16(len(l.words))
			l.words = append(l.words, w)
		}
	}
	return l, nil
}

// Len is the number of words; ids run from 1 to Len.
func (l *Lexicon) Len() int { return len(l.words) - 1 }

// Word returns the word of an id, "" for 0.
func (l *Lexicon) Word(id uint16) string { return l.words[id] }

// ID returns the id of a word, case folded, or 0.
func (l *Lexicon) ID(w string) uint16 {
	node := 0
	for i := 0; i < len(w); i++ {
		if node = l.step(node, w[i]); node < 0 {
			return 0
		}
	}
	return l.id[node]
}

// step moves the automaton from node by byte c; -1 when no word goes on.
func (l *Lexicon) step(node int, c byte) int {
	s := l.sym[c]
	if s == 0 {
		return -1
	}
	n := int(l.next[node*l.nsym+int(s)-1])
	if n == 0 {
		return -1
	}
	return n
}

// AppendLexemes appends the lexemes of text to dst, each word looked up in
// lex as it is read (lex may be nil). The scan is the one Tokenize reads:
// the same tokens in the same places. A text longer than MaxTextBytes
// panics.
func AppendLexemes(dst []Lexeme, text string, lex *Lexicon) []Lexeme {
	if len(text) > MaxTextBytes {
		panic("text: a text longer than MaxTextBytes")
	}
	space, brk := true, false
	newlines := 0
	for i := 0; i < len(text); {
		c := text[i]
		switch byteClass[c] {
		case classNewline:
			newlines++
			if newlines >= 2 {
				brk = true
			}
			space = true
			i++
			continue
		case classSpace:
			space = true
			i++
			continue
		case classDigit:
			j, n := i, 0
			for j < len(text) && byteClass[text[j]] == classDigit {
				n = n*10 + int(text[j]-'0')
				j++
			}
			if j-i > 9 {
				n = -1
			}
			t := Lexeme{Start: int32(i), End: int32(j), Kind: Numeral, Num: n, Digits: j - i, Space: space, Break: brk}
			if k := ordinalSuffix(text, j); k > j {
				t.End, t.Ordinal = int32(k), true
				j = k
			}
			dst = append(dst, t)
			i = j
		case classLetter:
			// the word, and the lexicon's automaton over it as it goes
			node, lower := -1, c >= 'a'
			if lex != nil {
				node = lex.step(0, c)
			}
			j := i + 1
			for j < len(text) {
				b := text[j]
				switch byteClass[b] {
				case classLetter, classDigit:
					if b <= 'Z' && b >= 'A' {
						lower = false
					}
					if node >= 0 {
						node = lex.step(node, b)
					}
					j++
					continue
				case classHigh:
					r, s := utf8.DecodeRuneInString(text[j:])
					if unicode.IsLetter(r) || unicode.IsDigit(r) {
						node, lower = -1, false
						j += s
						continue
					}
				}
				break
			}
			t := Lexeme{Start: int32(i), End: int32(j), Kind: Alpha, Space: space, Upper: c <= 'Z', Break: brk, Lower: lower}
			if node >= 0 {
				t.Word = lex.id[node]
			}
			dst = append(dst, t)
			i = j
		case classOther:
			// ASCII punctuation, by far the most: no decoding
			switch {
			case c == '\v' || c == '\f':
				space = true // what unicode.IsSpace also calls space
				i++
				continue
			case c == '\'' && len(dst) > 0 && !space && contraction(text, i+1) > i+1:
				k := contraction(text, i+1)
				t := Lexeme{Start: int32(i), End: int32(k), Kind: Alpha}
				if lex != nil {
					node := lex.step(0, '\'')
					for b := i + 1; b < k && node >= 0; b++ {
						node = lex.step(node, text[b])
					}
					if node >= 0 {
						t.Word = lex.id[node]
					}
				}
				dst = append(dst, t)
				i = k
			default:
				dst = append(dst, Lexeme{Start: int32(i), End: int32(i + 1), Kind: Punct, Space: space, Break: brk})
				i++
			}
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsSpace(r):
				space = true
				i += size
				continue
			case unicode.IsLetter(r):
				j := i + size
				for j < len(text) {
					r2, s2 := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
						break
					}
					j += s2
				}
				dst = append(dst, Lexeme{Start: int32(i), End: int32(j), Kind: Alpha, Space: space, Upper: unicode.IsUpper(r), Break: brk})
				i = j
			case (r == '\'' || r == '’') && len(dst) > 0 && !space && contraction(text, i+size) > i+size:
				// a possessive or contraction: "'s", "'ll", "'90s"
				k := contraction(text, i+size)
				t := Lexeme{Start: int32(i), End: int32(k), Kind: Alpha}
				if lex != nil {
					node := lex.step(0, '\'')
					for b := i + size; b < k && node >= 0; b++ {
						node = lex.step(node, text[b])
					}
					if node >= 0 {
						t.Word = lex.id[node]
					}
				}
				dst = append(dst, t)
				i = k
			default:
				dst = append(dst, Lexeme{Start: int32(i), End: int32(i + size), Kind: Punct, Space: space, Break: brk})
				i += size
			}
		}
		space, brk, newlines = false, false, 0
	}
	return dst
}

// FoldPunct is the form of a punctuation mark grammars compare: dashes as
// "-" (or "—" for the long ones), typographic quotes as ' and ".
func FoldPunct(mark string) string {
	r, _ := utf8.DecodeRuneInString(mark)
	return normPunct(r, mark)
}
