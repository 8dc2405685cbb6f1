package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a token of a sentence for the event layer: a word (with
// internal hyphens and acronym periods kept: "cease-fire", "U.S.") or one
// punctuation character.
type word struct {
	start, end int // offsets in document text
	text, low  string
	upper      bool // starts with an upper-case letter
	punct      bool
}

// words tokenises text[start:end] of the document.
func words(text string, start, end int) []word {
	s := text[start:end]
	out := make([]word, 0, len(s)/5+1) // about one word in five bytes of news

	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < len(s) {
				r2, s2 := utf8.DecodeRuneInString(s[j:])
				switch {
				case unicode.IsLetter(r2) || unicode.IsDigit(r2):
					j += s2
					continue
				case (r2 == '-' || r2 == '.') && j+1 < len(s):
					r3, _ := utf8.DecodeRuneInString(s[j+1:])
					if unicode.IsLetter(r3) || unicode.IsDigit(r3) && r2 == '-' {
						if r2 == '.' && !acronymAt(s, i, j) {
							break
						}
						j += s2
						continue
					}
					if r2 == '.' && acronymAt(s, i, j) {
						j += s2 // the final period of "U.S."
					}
				}
				break
			}
			w := s[i:j]
			out = append(out, word{start: start + i, end: start + j, text: w, low: strings.ToLower(w), upper: unicode.IsUpper(r)})
			i = j
		case (r == '\'' || r == '’') && len(out) > 0 && !out[len(out)-1].punct && i+size < len(s) &&
			(s[i+size] == 's' || s[i+size] == 'S') && (i+size+1 == len(s) || !isLetterByte(s[i+size+1])):
			out = append(out, word{start: start + i, end: start + i + size + 1, text: s[i : i+size+1], low: "'s"})
			i += size + 1
		default:
			out = append(out, word{start: start + i, end: start + i + size, text: s[i : i+size], low: s[i : i+size], punct: true})
			i += size
		}
	}
	return out
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// acronymAt reports whether the word s[i:j] followed by a period is an
// acronym in dotted form ("U.S", "U.N") rather than the end of a sentence.
func acronymAt(s string, i, j int) bool {
	w := s[i:j]
	if len(w) == 1 && unicode.IsUpper(rune(w[0])) && j+2 < len(s) && s[j+2] == '.' {
		return true // U.S.
	}
	return strings.Count(w, ".") >= 1 && len(w) <= 5
}
