// Package text is the one tokenizer of the extractor: the event pipeline
// reads its Tokens and Words, the date grammar (package timex) the Lexemes
// of the same scan, so that an offset means the same thing to both. The
// scan also looks every word up in a Lexicon as it reads it, so that a
// reader knows its vocabulary's words by id without strings.
package text

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Kind says what a token is.
type Kind uint8

// The kinds of token.
const (
	Alpha   Kind = iota + 1 // letters and digits, starting with a letter: "Putin", "G7"
	Numeral                 // a run of digits, an ordinal suffix folded in: "21st"
	Punct                   // one character that is neither letter, digit nor space
)

// Token is a word, a run of digits or one punctuation character, with its
// byte range in the text.
type Token struct {
	Start, End int
	Kind       Kind
	Text       string // as written
	Low        string // lower case; typographic punctuation folded ("’" is "'")
	Num        int    // value of a number token; -1 when it has more than 9 digits
	Digits     int    // digits in a number token
	Ordinal    bool   // "21st", "3rd"
	Space      bool   // whitespace (or the start of the text) comes before the token
	Upper      bool   // starts with an upper-case letter
	Break      bool   // a paragraph break (blank line) comes before the token
}

// Tokenize splits text into tokens in one pass. An apostrophe after a word
// starts a token of its own ("Thursday's" is "Thursday", "'s"), so that a
// weekday or a country in the possessive still reads as itself.
func Tokenize(text string) []Token {
	return AppendTokens(make([]Token, 0, len(text)/5+1), text, 0)
}

// AppendTokens appends the tokens of text to dst, their offsets moved by
// at (the tokens of a part of a larger text, in place), and returns the
// extended slice: Tokenize for a caller that reuses its slice.
// The tokens are the lexemes of AppendLexemes with their strings: the
// lower-case forms of ASCII words are slices of one lower-cased copy of
// the text, so that a scan makes no string per token.
func AppendTokens(dst []Token, text string, at int) []Token {
	lp := lexemes.Get().(*[]Lexeme)
	lx := AppendLexemes((*lp)[:0], text, nil)
	var low string // text, lower-cased, once a word needs it
	for k := range lx {
		l := &lx[k]
		s, e := int(l.Start), int(l.End)
		t := Token{Start: s + at, End: e + at, Kind: l.Kind, Text: text[s:e], Num: int(l.Num), Digits: l.Digits(),
			Ordinal: l.Ordinal(), Space: l.Space(), Upper: l.Upper(), Break: l.Break()}
		switch {
		case l.Kind == Punct:
			t.Low = FoldPunct(t.Text)
		case l.Kind == Numeral && !l.Ordinal(), l.Kind == Alpha && IsLowerWord(t.Text):
			t.Low = t.Text
		case l.Kind == Alpha && text[s] == '\'':
			t.Low = apostrophed(text, s, s+1, e) // a contraction: "'s"
		case l.Kind == Alpha && isApostrophe(text[s:]):
			t.Low = apostrophed(text, s, s+len("’"), e)
		case isASCII(t.Text):
			if low == "" {
				low = lowerASCII(text)
			}
			t.Low = low[s:e]
		default:
			t.Low = strings.ToLower(t.Text)
		}
		dst = append(dst, t)
	}
	*lp = lx[:0]
	if cap(lx) <= 1<<16 {
		lexemes.Put(lp)
	}
	return dst
}

var lexemes = sync.Pool{New: func() any { return new([]Lexeme) }}

func isApostrophe(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '’'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// contraction returns the end of the up to three lower-case letters of a
// contraction starting at j ("s" of "'s", "ll" of "'ll"), or j if there
// is none or they run on into a longer word.
func contraction(text string, j int) int {
	k := j
	for k < len(text) && k-j < 3 && text[k] >= 'a' && text[k] <= 'z' {
		k++
	}
	if k == j || k < len(text) && isWordByte(text[k]) {
		return j
	}
	return k
}

// apostrophed is the lower-case form of the contraction text[i:k] whose
// letters start at j: the apostrophe folded to '.
func apostrophed(text string, i, j, k int) string {
	if j == i+1 {
		return text[i:k] // already '
	}
	switch text[j:k] {
	case "s":
		return "'s"
	case "t":
		return "'t"
	case "ll":
		return "'ll"
	case "re":
		return "'re"
	case "ve":
		return "'ve"
	case "d":
		return "'d"
	case "m":
		return "'m"
	}
	return "'" + text[j:k]
}

// The classes of bytes the scan branches on.
const (
	classOther   uint8 = iota // ASCII punctuation and controls
	classLetter               // A-Z, a-z
	classDigit                // 0-9
	classSpace                // space, tab, carriage return
	classNewline              // \n
	classHigh                 // a byte of a multi-byte UTF-8 sequence
)

var byteClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			t[c] = classLetter
		case c >= '0' && c <= '9':
			t[c] = classDigit
		case c == ' ', c == '\t', c == '\r':
			t[c] = classSpace
		case c == '\n':
			t[c] = classNewline
		case c >= utf8.RuneSelf:
			t[c] = classHigh
		}
	}
	return t
}()

// lowerASCII returns s with the ASCII letters A-Z lower-cased and every
// other byte as it is, so that offsets into s hold in the copy.
func lowerASCII(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:i])
			b.WriteByte(c + 'a' - 'A')
			last = i + 1
		}
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func isWordByte(b byte) bool { return isASCIILetter(b) || b >= '0' && b <= '9' }

// ordinalSuffix returns the end of "st", "nd", "rd" or "th" after a number
// ending at j, or j if there is none.
func ordinalSuffix(text string, j int) int {
	if j+2 > len(text) {
		return j
	}
	s := strings.ToLower(text[j : j+2])
	if s != "st" && s != "nd" && s != "rd" && s != "th" {
		return j
	}
	if j+2 < len(text) && isWordByte(text[j+2]) {
		return j
	}
	return j + 2
}

// normPunct folds typographic variants so that grammars see one form.
func normPunct(r rune, s string) string {
	switch r {
	case '–', '‒', '−':
		return "-"
	case '—', '―':
		return "—"
	case '’', '‘', '`':
		return "'"
	case '“', '”', '„':
		return "\""
	}
	return s
}
