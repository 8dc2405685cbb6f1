package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is what the event pipeline reads: one token, or tokens written
// together that read as one word: "U.S.", "cease-fire", "Mr.", "V." (an
// initial), "1,000", "17.5", "O'Smach".
type Word struct {
	Start, End int // byte range in the text
	T0, T1     int // tokens [T0, T1)
	Kind       Kind
	Text       string // as written
	Low        string // lower case, typographic punctuation folded
	Upper      bool   // starts with an upper-case letter
	Caps       bool   // two or more letters, all upper case: "NATO", "U.S."
	Space      bool   // whitespace comes before the word
	Break      bool   // a paragraph break comes before the word
	// Period says the word took the period after it (an abbreviation,
	// an initial or a dotted acronym): that period may still end a
	// sentence.
	Period bool
}

// Words groups tokens into words. abbrev reports whether a lower-case
// word followed by a period is an abbreviation ("mr", "gen", "sept"), so
// that the period belongs to it.
func Words(s string, toks []Token, abbrev func(low string) bool) []Word {
	out := make([]Word, 0, len(toks))
	EachWord(s, toks, abbrev, func(w Word) { out = append(out, w) })
	return out
}

// EachWord calls f with each word of toks in turn, as Words would return
// them, for a caller that keeps them in a form of its own.
func EachWord(s string, toks []Token, abbrev func(low string) bool, f func(Word)) {
	glued := func(k int) bool { return k < len(toks) && !toks[k].Space }
	for i := 0; i < len(toks); {
		t := toks[i]
		j := i + 1
		period := false
		switch {
		case t.Kind == Alpha && isLetters(t.Text, 1) && glued(j) && toks[j].Low == "." && glued(j+1) &&
			toks[j+1].Kind == Alpha && isLetters(toks[j+1].Text, 1):
			// a dotted acronym: U.S., U.N., a.m., D.C.
			for glued(j) && toks[j].Low == "." && glued(j+1) && toks[j+1].Kind == Alpha && isLetters(toks[j+1].Text, 1) {
				j += 2
			}
			if glued(j) && toks[j].Low == "." {
				j++
				period = true
			}
		case t.Kind == Alpha && glued(j) && toks[j].Low == "." && (isLetters(t.Text, 1) && t.Upper && j+1 < len(toks) && toks[j+1].Upper ||
			abbrev != nil && abbrev(t.Low)):
			// an initial ("Vladimir V. Putin") or an abbreviation ("Gen.")
			j++
			period = true
		case t.Kind == Numeral:
			// 1,000 and 17.5: separators between digits
			for glued(j) && (toks[j].Low == "," || toks[j].Low == ".") && glued(j+1) && toks[j+1].Kind == Numeral && !toks[j+1].Ordinal &&
				(toks[j].Low == "." || toks[j+1].Digits == 3) {
				j += 2
			}
		}
		if !period && (t.Kind == Alpha || t.Kind == Numeral && j == i+1) {
			// hyphenated and apostrophe compounds: cease-fire, al-Assad,
			// four-day, Rostov-on-Don, O'Smach, d'etat; not 1950-53
			for joins(toks, j, j-1) {
				j += 2
			}
		}
		f(makeWord(s, toks, i, j, period))
		i = j
	}
}

// joins reports whether the punctuation token k glues token prev to the
// token after k into one word.
func joins(toks []Token, k, prev int) bool {
	if k+1 >= len(toks) || toks[k].Space || toks[k+1].Space || toks[k+1].Kind == Punct {
		return false
	}
	next := toks[k+1]
	switch toks[k].Low {
	case "-":
		return !(toks[prev].Kind == Numeral && next.Kind == Numeral)
	case "'":
		// O'Smach, N'Djamena, d'etat; a possessive is a token of its own
		return next.Kind == Alpha && !strings.HasPrefix(next.Low, "'") &&
			(next.Upper || isLetters(toks[prev].Text, 1))
	}
	return false
}

func makeWord(s string, toks []Token, i, j int, period bool) Word {
	first := toks[i]
	if j == i+1 {
		return Word{Start: first.Start, End: first.End, T0: i, T1: j, Kind: first.Kind, Text: first.Text, Low: first.Low,
			Upper: first.Upper, Caps: caps(first.Text), Space: first.Space, Break: first.Break}
	}
	start, end := first.Start, toks[j-1].End
	var low strings.Builder
	for k := i; k < j; k++ {
		low.WriteString(toks[k].Low)
	}
	txt := s[start:end]
	kind := first.Kind
	if kind == Punct {
		kind = Alpha
	}
	return Word{Start: start, End: end, T0: i, T1: j, Kind: kind, Text: txt, Low: low.String(),
		Upper: first.Upper, Caps: caps(txt), Space: first.Space, Break: first.Break, Period: period}
}

// isLetters reports whether w is n letters.
func isLetters(w string, n int) bool {
	if utf8.RuneCountInString(w) != n {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// caps reports whether w has two or more letters, all upper case.
func caps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}
