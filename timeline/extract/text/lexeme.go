package text

import (
	"errors"
	"fmt"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Lexeme is a token as the scan finds it, in 16 bytes and without
// strings: where it is, what kind, its number, and which word of a Lexicon
// it is. A reader that needs only a few tokens' text (the date grammar)
// reads a long text at a few bytes a token and looks no word up; Tokenize
// builds Tokens from the same scan, so that both split a text the same
// way.
type Lexeme struct {
	Start, End int32  // byte range in the text
	Num        int32  // value of a number; -1 when it has more than 9 digits
	Word       uint16 // the Lexicon's id of the word, case folded; 0 for none
	Kind       Kind
	Flags      Flags
}

// Flags are what a Lexeme knows of itself and what comes before it.
type Flags uint8

// The flags of a Lexeme.
const (
	FlagSpace   Flags = 1 << iota // whitespace (or the start of the text) comes before it
	FlagBreak                     // a paragraph break (blank line) comes before it
	FlagUpper                     // it starts with an upper-case letter
	FlagOrdinal                   // a number with its ordinal suffix: "21st"
)

// Space reports whitespace (or the start of the text) before the lexeme.
func (l *Lexeme) Space() bool { return l.Flags&FlagSpace != 0 }

// Break reports a paragraph break before the lexeme.
func (l *Lexeme) Break() bool { return l.Flags&FlagBreak != 0 }

// Upper reports a word that starts with an upper-case letter.
func (l *Lexeme) Upper() bool { return l.Flags&FlagUpper != 0 }

// Ordinal reports a number with its ordinal suffix ("21st").
func (l *Lexeme) Ordinal() bool { return l.Flags&FlagOrdinal != 0 }

// Number is the value of a number, as an int; -1 when it has more than 9
// digits.
func (l *Lexeme) Number() int { return int(l.Num) }

// Digits is the number of digits of a number.
func (l *Lexeme) Digits() int {
	if l.Kind != Numeral {
		return 0
	}
	if l.Ordinal() {
		return int(l.End-l.Start) - 2
	}
	return int(l.End - l.Start)
}

// before are the flags of what comes before a lexeme.
func before(space, brk bool) Flags {
	return Flags(b2u(space))*FlagSpace | Flags(b2u(brk))*FlagBreak
}

// b2u is 1 for true, 0 for false, with no branch.
func b2u(b bool) uint8 {
	var u uint8
	if b {
		u = 1
	}
	return u
}

// MaxTextBytes is the longest text a scan takes: Lexemes hold 32-bit
// offsets. (Dateline reads articles of at most 64 MiB.)
const MaxTextBytes = 1<<31 - 1

// Lexicon is an automaton over a vocabulary of words, run by the scan as
// it reads each word (case folded), so that every word of the vocabulary
// comes out of the scan already known by its id, and every other word is
// dropped after a byte or two.
//
// Each state is a row of auto: the id of the word that ends there, then
// the state after each symbol. Besides the states of the words' prefixes
// there are two: stop, where a byte that ends a word leads (any byte not
// a letter or digit), and dead, where a letter or digit that continues
// no word of the vocabulary leads; so that the scan learns both what a
// word is and where it ends from one load a byte.
type Lexicon struct {
	// sym maps a byte to its symbol: 1 to n for the bytes of the
	// vocabulary, then one for the other letters and digits, one for
	// the rest
	sym   [256]uint8
	width uint32   // a state's row: the id and a next state per symbol
	auto  []uint32 // the states' rows: stop, dead, the root, the others
	words []string // words[id]
}

// The first rows: where a word ends, where it is no word of the
// vocabulary, and where every word starts.
const stop, dead, root = 0, 1, 2

// NewLexicon builds the automaton of words: lower-case ASCII letters,
// digits and apostrophes ("'s"). Ids count from 1 in the order given.
func NewLexicon(words []string) (*Lexicon, error) {
	if len(words) >= 1<<16-1 {
		return nil, errors.New("lexicon: too many words")
	}
	l := &Lexicon{words: []string{""}}
	nsym := 0
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
				nsym++
				l.sym[c] = uint8(nsym)
				if c >= 'a' && c <= 'z' {
					l.sym[c-'a'+'A'] = uint8(nsym) // folded
				}
			}
		}
	}
	otherWord, ends := uint8(nsym+1), uint8(nsym+2)
	for c := range l.sym {
		if l.sym[c] == 0 {
			l.sym[c] = ends
			if asciiWord[c] {
				l.sym[c] = otherWord
			}
		}
	}
	l.width = uint32(nsym) + 3
	l.auto = make([]uint32, 3*l.width)
	l.row(dead, dead)
	l.row(root, dead)
	apostrophe := uint32(l.sym['\''])
	for _, w := range words {
		state := uint32(root) * l.width
		for i := 0; i < len(w); i++ {
			k := state + uint32(l.sym[w[i]])
			if l.auto[k] == dead*l.width {
				next := uint32(len(l.auto)) / l.width
				l.auto = append(l.auto, make([]uint32, l.width)...)
				l.row(next, dead)
				if apostrophe != 0 {
					l.auto[next*l.width+apostrophe] = stop // only a contraction starts with one
				}
				l.auto[k] = next * l.width
			}
			state = l.auto[k]
		}
		if l.auto[state] == 0 {
			l.auto[state] = uint32(len(l.words))
			l.words = append(l.words, w)
		}
	}
	if apostrophe != 0 {
		l.auto[dead*l.width+apostrophe] = stop
	}
	return l, nil
}

// row starts state n's row: every letter and digit to state next, every
// other byte to stop.
func (l *Lexicon) row(n, next uint32) {
	r := l.auto[n*l.width : (n+1)*l.width]
	for s := range r {
		r[s] = next * l.width
	}
	r[0] = 0            // no word ends here yet
	r[l.width-1] = stop // a byte that ends a word
}

// Len is the number of words; ids run from 1 to Len.
func (l *Lexicon) Len() int { return len(l.words) - 1 }

// Word returns the word of an id, "" for 0.
func (l *Lexicon) Word(id uint16) string { return l.words[id] }

// ID returns the id of a word, case folded, or 0.
func (l *Lexicon) ID(w string) uint16 {
	state := uint32(root) * l.width
	for i := 0; i < len(w) && state != stop; i++ {
		state = l.step(state, w[i])
	}
	return l.id(state)
}

// step moves the automaton from a state by a byte.
func (l *Lexicon) step(state uint32, c byte) uint32 { return l.auto[state+uint32(l.sym[c])] }

// id is the word that ends at a state, 0 for none.
func (l *Lexicon) id(state uint32) uint16 { return uint16(l.auto[state]) }

// AppendLexemes appends the lexemes of text to dst, each word looked up in
// lex as it is read (lex may be nil). The scan is the one Tokenize reads:
// the same tokens in the same places. A text longer than MaxTextBytes
// panics.
func AppendLexemes(dst []Lexeme, text string, lex *Lexicon) []Lexeme {
	if len(text) > MaxTextBytes {
		panic("text: a text longer than MaxTextBytes")
	}
	if lex == nil {
		lex = noWords
	}
	deadState, rootState := dead*lex.width, root*lex.width
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
			t := Lexeme{Start: int32(i), End: int32(j), Kind: Numeral, Num: int32(n), Flags: before(space, brk)}
			if k := ordinalSuffix(text, j); k > j {
				t.End, t.Flags = int32(k), t.Flags|FlagOrdinal
				j = k
			}
			dst = append(dst, t)
			i = j
		case classLetter:
			// words, and the lexicon's automaton over each as long as a
			// word of it may be read; then on to the word's end. The
			// commonest next is one space and another word, read here.
			for {
				state := lex.step(rootState, c)
				j := i + 1
				for state > deadState && j < len(text) {
					next := lex.step(state, text[j])
					if next <= deadState { // the word ends, or is none of the lexicon
						if next == deadState {
							state = deadState
						}
						break
					}
					state = next
					j++
				}
				if state == deadState {
					// a word of none of the lexicon goes on to its end
					j = wordEnd(text, j)
				}
				var end byte // the byte after the word; 0 at the end of the text
				if j < len(text) {
					end = text[j]
				}
				if end >= utf8.RuneSelf {
					// letters outside ASCII: no word of the lexicon
					for j < len(text) {
						if asciiWord[text[j]] {
							j++
							continue
						}
						r, s := utf8.DecodeRuneInString(text[j:])
						if text[j] < utf8.RuneSelf || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
							break
						}
						state = deadState
						j += s
					}
					end = 0
				}
				// c is a letter: bit 5 clear for A-Z; no branch on it
				f := before(space, brk) | Flags(^c>>5&1)*FlagUpper
				dst = append(dst, Lexeme{Start: int32(i), End: int32(j), Kind: Alpha, Flags: f, Word: lex.id(state)})
				i = j
				if end != ' ' || j+1 >= len(text) || byteClass[text[j+1]] != classLetter {
					break
				}
				i, c, space, brk = j+1, text[j+1], true, false
			}
		case classOther:
			// ASCII punctuation, by far the most: no decoding
			switch {
			case c == '\v' || c == '\f':
				space = true // what unicode.IsSpace also calls space
				i++
				continue
			case c == '\'' && len(dst) > 0 && !space && contraction(text, i+1) > i+1:
				k := contraction(text, i+1)
				dst = append(dst, Lexeme{Start: int32(i), End: int32(k), Kind: Alpha, Word: lex.contraction(text[i+1 : k])})
				i = k
			default:
				dst = append(dst, Lexeme{Start: int32(i), End: int32(i + 1), Kind: Punct, Flags: before(space, brk)})
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
				f := before(space, brk)
				if unicode.IsUpper(r) {
					f |= FlagUpper
				}
				dst = append(dst, Lexeme{Start: int32(i), End: int32(j), Kind: Alpha, Flags: f})
				i = j
			case (r == '\'' || r == '’') && len(dst) > 0 && !space && contraction(text, i+size) > i+size:
				// a possessive or contraction: "'s", "'ll", "'90s"
				k := contraction(text, i+size)
				dst = append(dst, Lexeme{Start: int32(i), End: int32(k), Kind: Alpha, Word: lex.contraction(text[i+size : k])})
				i = k
			default:
				dst = append(dst, Lexeme{Start: int32(i), End: int32(i + size), Kind: Punct, Flags: before(space, brk)})
				i += size
			}
		}
		space, brk, newlines = false, false, 0
	}
	return dst
}

// wordEnd returns where the run of ASCII letters and digits from i ends:
// eight bytes at a time, each tested with no branch, as long as eight
// are left.
func wordEnd(text string, i int) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	// atLeast marks the bytes of v (each below 0x80) of k or more: the
	// sum carries into a byte's top bit just then, and no further.
	atLeast := func(v uint64, k byte) uint64 { return (v + uint64(0x80-k)*ones) & high }
	for i+8 <= len(text) {
		b := text[i : i+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		low := x &^ high
		lower := low | 0x20*ones // A-Z to a-z
		letters := atLeast(lower, 'a') &^ atLeast(lower, 'z'+1)
		digits := atLeast(low, '0') &^ atLeast(low, '9'+1)
		if ends := (high &^ (letters | digits)) | x&high; ends != 0 {
			return i + bits.TrailingZeros64(ends)>>3
		}
		i += 8
	}
	for i < len(text) && asciiWord[text[i]] {
		i++
	}
	return i
}

// asciiWord marks the ASCII bytes of words: letters and digits.
var asciiWord = func() (w [256]bool) {
	for c := range w {
		w[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return w
}()

// IsLowerWord reports whether w is ASCII letters and digits with no
// capital: its own lower-case form.
func IsLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !asciiWord[c] || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return w != ""
}

// noWords is the lexicon of no word, which a scan without one runs.
var noWords, _ = NewLexicon(nil)

// contraction returns the id of "'" and letters, as in "'s".
func (l *Lexicon) contraction(letters string) uint16 {
	if l == nil {
		return 0
	}
	state := l.step(root*l.width, '\'')
	for i := 0; i < len(letters) && state != stop; i++ {
		state = l.step(state, letters[i])
	}
	return l.id(state)
}

// FoldPunct is the form of a punctuation mark grammars compare: dashes as
// "-" (or "—" for the long ones), typographic quotes as ' and ".
func FoldPunct(mark string) string {
	r, _ := utf8.DecodeRuneInString(mark)
	return normPunct(r, mark)
}
