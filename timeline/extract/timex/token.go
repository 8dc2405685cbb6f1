package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota + 1
	tNum
	tPunct
)

// token is a word, a run of digits (with an ordinal suffix folded in:
// "21st") or one punctuation character, with its byte range in the text.
type token struct {
	start, end int
	kind       tokKind
	text       string // as written
	low        string // lower case
	num        int    // value of a number token (digits only); -1 if too long
	digits     int    // number of digits in a number token
	ordinal    bool   // "21st", "3rd"
	space      bool   // whitespace (or the start of text) before the token
	upper      bool   // starts with an upper-case letter
	break_     bool   // a paragraph break (blank line) comes before the token
}

// tokenize splits text into tokens in one pass. Apostrophes inside words
// split off a possessive ("Thursday's" -> "Thursday", "'s") so that a
// weekday in the possessive still reads as a weekday.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5)
	space, brk := true, false
	newlines := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			newlines++
			if newlines >= 2 {
				brk = true
			}
			space = true
			i += size
		case unicode.IsSpace(r):
			space = true
			i += size
		case unicode.IsLetter(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
					break
				}
				j += s2
			}
			w := text[i:j]
			toks = append(toks, token{start: i, end: j, kind: tWord, text: w, low: strings.ToLower(w),
				space: space, upper: unicode.IsUpper(r), break_: brk})
			i = j
			space, brk, newlines = false, false, 0
		case r >= '0' && r <= '9':
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
			t := token{start: i, end: j, kind: tNum, text: text[i:j], low: text[i:j], num: n, digits: j - i,
				space: space, break_: brk}
			if k := ordinalSuffix(text, j); k > j {
				t.end, t.ordinal = k, true
				t.text = text[i:k]
				t.low = strings.ToLower(t.text)
				j = k
			}
			toks = append(toks, t)
			i = j
			space, brk, newlines = false, false, 0
		default:
			if (r == '\'' || r == '’') && len(toks) > 0 && !space {
				// possessive or contraction: "'s", "'ll", "'90s"
				j := i + size
				k := j
				for k < len(text) && k-j < 3 && text[k] >= 'a' && text[k] <= 'z' {
					k++
				}
				if k > j && (k == len(text) || !isWordByte(text[k])) {
					w := text[i:k]
					toks = append(toks, token{start: i, end: k, kind: tWord, text: w, low: "'" + strings.ToLower(text[j:k])})
					i = k
					space, brk, newlines = false, false, 0
					continue
				}
			}
			toks = append(toks, token{start: i, end: i + size, kind: tPunct, text: text[i : i+size],
				low: normPunct(r), space: space, break_: brk})
			i += size
			space, brk, newlines = false, false, 0
		}
	}
	return toks
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

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

// normPunct folds typographic variants so the grammar sees one form.
func normPunct(r rune) string {
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
	return string(r)
}
