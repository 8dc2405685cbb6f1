package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is a range of document text.
type sentence struct {
	start, end int
	block      int
}

// abbreviations end in a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "lt": true,
	"col": true, "sgt": true, "capt": true, "cpt": true, "maj": true, "adm": true, "sen": true,
	"rep": true, "gov": true, "pres": true, "prof": true, "rev": true, "jr": true, "sr": true,
	"no": true, "nos": true, "vs": true, "etc": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "approx": true,
	"ave": true, "blvd": true, "mt": true, "ft": true, "fig": true, "op": true, "vol": true,
	"e.g": true, "i.e": true, "a.m": true, "p.m": true, "u.s": true, "u.k": true, "u.n": true,
	"e.u": true, "d.c": true, "rt": true, "hon": true, "amb": true, "messrs": true, "mme": true,
}

// sentenceStarters are words that begin a new sentence even after an
// abbreviation such as "U.S." or "p.m.".
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "In": true, "He": true, "She": true, "It": true,
	"They": true, "But": true, "And": true, "On": true, "At": true, "We": true, "I": true,
	"This": true, "That": true, "His": true, "Her": true, "Their": true, "There": true,
	"After": true, "Before": true, "Meanwhile": true, "However": true, "Officials": true,
}

// sentences splits a block into sentences, aware of abbreviations and
// initials ("Vladimir V. Putin", "Mr. Trump", "U.S. officials").
func (d *document) sentences(bi int) []sentence {
	bl := d.blocks[bi]
	text := bl.text
	var out []sentence
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && strings.IndexByte("\"')]”’", text[j]) >= 0 {
			j++
		}
		if j < len(text) && strings.HasPrefix(text[j:], "”") || j < len(text) && strings.HasPrefix(text[j:], "’") {
			j += 3
		}
		if j >= len(text) || text[j] != ' ' && text[j] != '\n' {
			continue
		}
		k := j
		for k < len(text) && (text[k] == ' ' || text[k] == '\n') {
			k++
		}
		if k >= len(text) {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("\"“'‘(", next) {
			continue
		}
		if c == '.' && !endsSentence(text[start:i], text[k:]) {
			continue
		}
		out = append(out, sentence{start: bl.start + start, end: bl.start + j, block: bi})
		start = k
	}
	if start < len(text) {
		out = append(out, sentence{start: bl.start + start, end: bl.start + len(text), block: bi})
	}
	return out
}

// endsSentence decides whether a period after before ends the sentence,
// given the text after it.
func endsSentence(before, after string) bool {
	w := before
	if i := strings.LastIndexAny(before, " \n(\"“"); i >= 0 {
		w = before[i+1:]
	}
	lw := strings.ToLower(w)
	nextWord := after
	if i := strings.IndexAny(after, " \n,"); i >= 0 {
		nextWord = after[:i]
	}
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return false // an initial: "Vladimir V. Putin"
	}
	if abbreviations[lw] || abbreviations[strings.TrimSuffix(lw, ".")] {
		// "U.S." or "p.m." may end a sentence when a new one clearly starts
		return (strings.Contains(lw, ".") || lw == "inc" || lw == "co" || lw == "corp" || lw == "ltd" || lw == "etc") &&
			sentenceStarters[nextWord]
	}
	return true
}
