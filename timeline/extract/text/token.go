// Package text is the one tokenizer of the extractor: the date grammar
// (package timex) and the event pipeline read the same tokens, so that an
// offset means the same thing to both and an article is split once.
package text

import (
	"strings"
	"unicode"
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
	return AppendTokens(make([]Token, 0, len(text)/5), text, 0)
}

// AppendTokens appends the tokens of text to toks, their offsets moved by
// at: the tokens of a part of a larger text, in place.
func AppendTokens(toks []Token, text string, at int) []Token {
	first := len(toks)
	defer func() {
		if at != 0 {
			for i := first; i < len(toks); i++ {
				toks[i].Start += at
				toks[i].End += at
			}
		}
	}()
	space, brk := true, false
	newlines := 0
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			newlines++
			if newlines >= 2 {
				brk = true
			}
			space = true
			i++
		case c == ' ' || c == '\t' || c == '\r':
			space = true
			i++
		case c >= '0' && c <= '9':
			j := i
			n := 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if n >= 0 && j-i < 9 {
					n = n*10 + int(text[j]-'0')
				} else {
					n = -1
				}
				j++
			}
			t := Token{Start: i, End: j, Kind: Numeral, Text: text[i:j], Low: text[i:j], Num: n, Digits: j - i,
				Space: space, Break: brk}
			if k := ordinalSuffix(text, j); k > j {
				t.End, t.Ordinal = k, true
				t.Text = text[i:k]
				t.Low = strings.ToLower(t.Text)
				j = k
			}
			toks = append(toks, t)
			i = j
			space, brk, newlines = false, false, 0
		case c < utf8.RuneSelf && isASCIILetter(c):
			j := i + 1
			ascii := true
			for j < len(text) {
				b := text[j]
				if b < utf8.RuneSelf {
					if !isASCIILetter(b) && !(b >= '0' && b <= '9') {
						break
					}
					j++
					continue
				}
				r, s := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				ascii = false
				j += s
			}
			toks = append(toks, wordToken(text, i, j, c >= 'A' && c <= 'Z', space, brk, ascii))
			i = j
			space, brk, newlines = false, false, 0
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
				toks = append(toks, wordToken(text, i, j, unicode.IsUpper(r), space, brk, false))
				i = j
				space, brk, newlines = false, false, 0
				continue
			}
			if (r == '\'' || r == '’') && len(toks) > 0 && !space {
				// a possessive or contraction: "'s", "'ll", "'90s"
				j := i + size
				k := j
				for k < len(text) && k-j < 3 && text[k] >= 'a' && text[k] <= 'z' {
					k++
				}
				if k > j && (k == len(text) || !isWordByte(text[k])) {
					toks = append(toks, Token{Start: i, End: k, Kind: Alpha, Text: text[i:k], Low: "'" + text[j:k]})
					i = k
					space, brk, newlines = false, false, 0
					continue
				}
			}
			toks = append(toks, Token{Start: i, End: i + size, Kind: Punct, Text: text[i : i+size],
				Low: normPunct(r, text[i:i+size]), Space: space, Break: brk})
			i += size
			space, brk, newlines = false, false, 0
		}
	}
	return toks
}

// wordToken makes the token of the word text[i:j]; ascii says the word
// is plain ASCII, so lower-casing it is cheap.
func wordToken(text string, i, j int, upper, space, brk, ascii bool) Token {
	w := text[i:j]
	low := w
	if ascii {
		for k := 0; k < len(w); k++ {
			if w[k] >= 'A' && w[k] <= 'Z' {
				low = strings.ToLower(w)
				break
			}
		}
	} else {
		low = strings.ToLower(w)
	}
	return Token{Start: i, End: j, Kind: Alpha, Text: w, Low: low, Space: space, Upper: upper, Break: brk}
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
