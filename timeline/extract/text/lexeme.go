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

// Lexicon is a vocabulary of words that the scan looks every word up in
// as it reads it (case folded), so that every word of the vocabulary
// comes out of the scan already known by its id.
//
// The lookup costs the same for every word and waits on no byte after
// another: a word is keyed by its length and its first eight bytes, read
// at once, and sits in one of two slots of a table that its key picks; the
// scan reads both and keeps the one that holds the key, with no branch.
// (Only a word longer than eight bytes that is found has the rest of its
// bytes compared.) Two words of the vocabulary longer than eight bytes may
// not share their length and first eight bytes. (A trie's automaton run
// over each word's bytes, which this replaced, made the whole date scan
// some 15% slower: each byte's step waited on the one before, and where a
// word left the automaton was a branch no processor foresees.)
type Lexicon struct {
	slots []slot    // a power of two of them
	shift uint      // 64 less the bits of a slot's index
	mul   [2]uint64 // the multipliers of the two hashes
	words []string  // words[id]
}

// slot holds a word of the vocabulary, or none (n 0).
type slot struct {
	key uint64 // the word's first eight bytes, little-endian, zero-padded
	n   uint32 // the word's length in bytes
	id  uint32
}

// NewLexicon builds the lookup table of words: lower-case ASCII letters,
// digits and apostrophes ("'s", "n't"). Ids count from 1 in the order
// given.
func NewLexicon(words []string) (*Lexicon, error) {
	if len(words) >= 1<<16-1 {
		return nil, errors.New("lexicon: too many words")
	}
	l := &Lexicon{words: []string{""}}
	ids := map[string]uint32{}
	long := map[[2]uint64]string{}
	for _, w := range words {
		if w == "" {
			return nil, errors.New("lexicon: an empty word")
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'') {
				return nil, fmt.Errorf("lexicon: %q has a byte other than a-z, 0-9 and '", w)
			}
		}
		if _, ok := ids[w]; ok {
			continue
		}
		if len(w) > 8 {
			k := [2]uint64{keyOf(w), uint64(len(w))}
			if other, ok := long[k]; ok {
				return nil, fmt.Errorf("lexicon: %q and %q share their length and first eight bytes", other, w)
			}
			long[k] = w
		}
		ids[w] = uint32(len(l.words))
		l.words = append(l.words, w)
	}
	// a table of four slots a word or more: the two-slot placing then
	// fails so rarely that trying other multipliers costs nothing
	bits := 4
	for 1<<bits < 4*len(l.words) {
		bits++
	}
	l.shift = uint(64 - bits)
	for try := uint64(0); ; try++ {
		l.mul = [2]uint64{0x9E3779B97F4A7C15 + try*0x5851F42D4C957F2E, 0xC2B2AE3D27D4EB4F + try*0x2545F4914F6CDD1C}
		l.mul[0] |= 1
		l.mul[1] |= 1
		if l.place() {
			return l, nil
		}
		if try > 1000 {
			return nil, errors.New("lexicon: no table holds the words")
		}
	}
}

// place puts every word in one of its two slots, moving a word that is in
// the way to its other slot (cuckoo hashing); false when it cannot.
func (l *Lexicon) place() bool {
	l.slots = make([]slot, 1<<(64-l.shift))
	for id := 1; id < len(l.words); id++ {
		w := l.words[id]
		s := slot{key: keyOf(w), n: uint32(len(w)), id: uint32(id)}
		at := l.hash(0, s.key, s.n)
		for kick := 0; ; kick++ {
			if kick > 64 {
				return false
			}
			s, l.slots[at] = l.slots[at], s
			if s.n == 0 {
				break
			}
			// the word put out goes to its other slot
			h0 := l.hash(0, s.key, s.n)
			if at == h0 {
				at = l.hash(1, s.key, s.n)
			} else {
				at = h0
			}
		}
	}
	return true
}

// hash is the slot of a key by the first or second hash.
func (l *Lexicon) hash(which int, key uint64, n uint32) uint64 {
	return ((key ^ uint64(n)<<56 ^ uint64(n)) * l.mul[which]) >> l.shift
}

// keyOf is the first eight bytes of w, little-endian, zero-padded.
func keyOf(w string) uint64 {
	var k uint64
	for i := 0; i < len(w) && i < 8; i++ {
		k |= uint64(w[i]) << (8 * i)
	}
	return k
}

// lookup returns the id of a word of n bytes whose first bytes (up to
// eight, case folded, zero-padded) are key; rest is what follows them, to
// be compared case folded when the word is longer than eight bytes.
func (l *Lexicon) lookup(key uint64, n int, rest string) uint16 {
	a, b := &l.slots[l.hash(0, key, uint32(n))], &l.slots[l.hash(1, key, uint32(n))]
	var id uint32
	if a.key^key|uint64(a.n^uint32(n)) == 0 {
		id = a.id
	}
	if b.key^key|uint64(b.n^uint32(n)) == 0 {
		id = b.id
	}
	if n > 8 && id != 0 {
		return l.longWord(id, rest)
	}
	return uint16(id)
}

// longWord is id when the rest of its word, after the first eight bytes,
// is rest; 0 when not.
func (l *Lexicon) longWord(id uint32, rest string) uint16 {
	if !equalFoldASCII(l.words[id][8:], rest) {
		return 0
	}
	return uint16(id)
}

// equalFoldASCII reports whether t is lower, its ASCII letters in either
// case.
func equalFoldASCII(lower, t string) bool {
	if len(lower) != len(t) {
		return false
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// Len is the number of words; ids run from 1 to Len.
func (l *Lexicon) Len() int { return len(l.words) - 1 }

// Word returns the word of an id, "" for 0.
func (l *Lexicon) Word(id uint16) string { return l.words[id] }

// ID returns the id of a word, case folded, or 0.
func (l *Lexicon) ID(w string) uint16 {
	if w == "" {
		return 0
	}
	var key uint64
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !asciiWord[c] && c != '\'' {
			return 0
		}
		if i < 8 {
			key |= uint64(c|0x20) << (8 * i) // A-Z to a-z; digits and ' keep the bit
		}
	}
	rest := ""
	if len(w) > 8 {
		rest = w[8:]
	}
	return l.lookup(key, len(w), rest)
}

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
			// words, each looked up as read; the commonest next is one
			// space and another word, read here
			for {
				j, first := wordAt(text, i)
				ascii := true // and so maybe a word of the lexicon
				var end byte  // the byte after the word; 0 at the end of the text
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
						ascii = false
						j += s
					}
					end = 0
				}
				// c is a letter: bit 5 clear for A-Z; no branch on it
				f := before(space, brk) | Flags(^c>>5&1)*FlagUpper
				var word uint16
				if ascii {
					// the first eight bytes or fewer, folded: A-Z to a-z
					// (digits have the bit already)
					drop := 64 - 8*uint(min(j-i, 8))
					key := (first | 0x2020202020202020) << drop >> drop
					word = lex.lookup(key, j-i, text[min(i+8, j):j])
				}
				dst = append(dst, Lexeme{Start: int32(i), End: int32(j), Kind: Alpha, Flags: f, Word: word})
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

// wordAt returns where the run of ASCII letters and digits from i ends,
// reading eight bytes at a time as long as eight are left; and the first
// eight bytes from i (fewer at the end of the text), little-endian.
func wordAt(text string, i int) (end int, first uint64) {
	j := i
	if j+8 > len(text) {
		for k := len(text) - 1; k >= i; k-- {
			first = first<<8 | uint64(text[k])
		}
	}
	for ; j+8 <= len(text); j += 8 {
		x := load8(text[j : j+8])
		if j == i {
			first = x
		}
		if ends := wordEnds(x); ends != 0 {
			return j + bits.TrailingZeros64(ends)>>3, first
		}
	}
	for j < len(text) && asciiWord[text[j]] {
		j++
	}
	return j, first
}

// load8 reads eight bytes, little-endian.
func load8(b string) uint64 {
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// wordEnds marks (top bit) each of the eight bytes of x that is no ASCII
// letter or digit, with no branch.
func wordEnds(x uint64) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	// (v + 0x80 - k) has a byte's top bit set just when the byte of v
	// (below 0x80) is k or more, and carries no further
	low := x &^ high
	lower := low | 0x20*ones // A-Z to a-z
	letters := (lower + (0x80-'a')*ones) & high &^ ((lower + (0x80-'z'-1)*ones) & high)
	digits := (low + (0x80-'0')*ones) & high &^ ((low + (0x80-'9'-1)*ones) & high)
	return high&^(letters|digits) | x&high
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
	if l == nil || len(letters) > 7 {
		return 0
	}
	key := uint64('\'')
	for i := 0; i < len(letters); i++ {
		key |= uint64(letters[i]|0x20) << (8 * (i + 1))
	}
	return l.lookup(key, 1+len(letters), "")
}

// FoldPunct is the form of a punctuation mark grammars compare: dashes as
// "-" (or "—" for the long ones), typographic quotes as ' and ".
func FoldPunct(mark string) string {
	r, _ := utf8.DecodeRuneInString(mark)
	return normPunct(r, mark)
}
