package extract

import (
	"sort"

	"github.com/dateline/dateline/timeline/extract/lexicon"
	"github.com/dateline/dateline/timeline/extract/text"
)

// word is a word of the article with what the stages learn of it.
type word struct {
	text.Word
	lexicon.Lexeme
	tag    tag
	verb   verbInfo // when tag is tVerb
	date   int      // index in analysis.dates, or -1
	ment   int      // index in the sentence's mentions, or -1
	quoted bool     // inside quotation marks: someone's words
}

// sentence is a run of words of one body block.
type sentence struct {
	w0, w1     int // words [w0, w1) of the article
	block      int
	n          int // its number in the article
	start, end int // bytes of the document text
	// skip counts the words of a wire dateline at its start ("MINSK,
	// Belarus (AP) —"): the place a story was filed from is no party to it.
	skip     int
	mentions []mention
	// header marks a headline, byline or caption: read for the people it
	// names ("Wagner chief Prigozhin"), never for events
	header bool
	// lead marks the story's first sentence, which tells the news
	lead bool
}

// maxSentenceWords bounds a sentence: text without sentence ends (a list,
// a table, run-on words) is cut into pieces of at most this many words,
// so that the work per sentence, and so per article, stays linear.
const maxSentenceWords = 120

// splitSentences splits the body blocks, and the headlines and bylines,
// into sentences. A period ends a
// sentence when a capitalised word, a number or a quotation follows; a
// period taken by an abbreviation or an acronym ("U.S.", "Gen.") ends one
// only when a word that commonly opens sentences follows ("U.S. The").
func (a *analysis) splitSentences() {
	first := true
	for bi, bl := range a.d.blocks {
		if bl.kind == blockJunk {
			continue
		}
		w0 := sort.Search(len(a.words), func(i int) bool { return a.words[i].Start >= bl.start })
		w1 := sort.Search(len(a.words), func(i int) bool { return a.words[i].Start >= bl.start+len(bl.text) })
		a.markQuotes(w0, w1)
		start := w0
		for i := w0; i < w1; i++ {
			end := a.sentenceEnd(i, w1)
			if end < 0 && i-start+1 >= maxSentenceWords {
				end = i + 1
			}
			if end < 0 {
				continue
			}
			a.addSentence(start, end, bi, first)
			first = first && bl.kind != blockBody
			start, i = end, end-1
		}
		if start < w1 {
			a.addSentence(start, w1, bi, first)
			first = first && bl.kind != blockBody
		}
	}
}

func (a *analysis) addSentence(w0, w1, block int, first bool) {
	s := sentence{w0: w0, w1: w1, block: block, n: len(a.sents), start: a.words[w0].Start, end: a.words[w1-1].End,
		header: a.d.blocks[block].kind != blockBody}
	if first && !s.header {
		s.skip = datelinePrefix(a.words[w0:w1])
		s.lead = true
	}
	for i := w0 + 1; i < w1; i++ {
		if w := a.words[i]; w.Upper && w.Kind == text.Alpha && w.date < 0 {
			a.capitals[w.Low]++
		}
	}
	a.sents = append(a.sents, s)
}

// sentenceEnd returns the end (exclusive) of a sentence that ends at word
// i, closing quotes and brackets included, or -1.
func (a *analysis) sentenceEnd(i, limit int) int {
	w := a.words[i]
	abbrev := w.Period
	if !abbrev && (w.Kind != text.Punct || w.Low != "." && w.Low != "!" && w.Low != "?") {
		return -1
	}
	j := i + 1
	for j < limit && a.words[j].Kind == text.Punct && !a.words[j].Space && closing(a.words[j].Low) {
		j++
	}
	if j >= limit {
		return limit
	}
	next := a.words[j]
	if !next.Space {
		return -1
	}
	opens := next.Upper || next.Kind == text.Numeral || next.Kind == text.Punct && (next.Low == "\"" || next.Low == "(" || next.Text == "`")
	if !opens {
		return -1
	}
	if abbrev {
		// "U.S. officials" goes on; "in the U.S. The" ends
		if !a.lx.StartsSentence(next.Low) || a.lx.Titles.Len() > 0 && isTitleAbbrev(a.lx, w.Low) {
			return -1
		}
	}
	return j
}

// isTitleAbbrev reports an abbreviation that stands before a name ("Gen.",
// "Mr."): a period after it never ends a sentence.
func isTitleAbbrev(lx *lexicon.Lexicon, low string) bool {
	_, _, ok := lx.Titles.Match(lexicon.Slice{{Low: low}}, 0, 1)
	return ok
}

func closing(p string) bool {
	switch p {
	case "\"", "'", ")", "]":
		return true
	}
	return false
}

// markQuotes marks the words between quotation marks of a block. Straight
// quotes alternate; an unclosed quote ends with its block.
func (a *analysis) markQuotes(w0, w1 int) {
	in := false
	for i := w0; i < w1; i++ {
		w := &a.words[i]
		if w.Kind == text.Punct && w.Low == "\"" {
			switch w.Text {
			case "“":
				in = true
			case "”":
				in = false
			default:
				in = !in
			}
			continue
		}
		if w.Kind == text.Punct && w.Text == "`" && i+1 < w1 && a.words[i+1].Text == "`" {
			in = true // ``wire copy quotes''
			continue
		}
		if w.Kind == text.Punct && w.Text == "'" && i+1 < w1 && a.words[i+1].Text == "'" && !a.words[i+1].Space {
			in = false
			continue
		}
		w.quoted = in
	}
}

// datelinePrefix returns how many words open a wire story with the place
// it was filed from: "MINSK, Belarus (AP) —", "GENEVA —", "O'SMACH,
// Cambodia (AP)_".
func datelinePrefix(ws []word) int {
	if len(ws) < 3 || !ws[0].Caps {
		return 0
	}
	for k := 1; k < len(ws) && k <= 12; k++ {
		w := ws[k]
		if w.Kind == text.Punct && (w.Low == "—" || w.Low == "-" || w.Low == "_") {
			for k+1 < len(ws) && ws[k+1].Kind == text.Punct && (ws[k+1].Low == "-" || ws[k+1].Low == "—") {
				k++ // "--"
			}
			return k + 1
		}
		switch {
		case w.Kind == text.Punct && (w.Low == "," || w.Low == "(" || w.Low == ")" || w.Low == "."):
		case w.Upper || w.Caps || w.Kind == text.Numeral:
		default:
			return 0
		}
	}
	return 0
}
