package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// junkRules mark blocks that are page furniture, not the story: paywall
// and subscription prompts, ads, share and comment bars, copyright lines,
// tag lists, cookie notices. They apply to short blocks only, so that a
// paragraph that mentions "subscribers" stays. Each is a plain string the
// lower-cased block must hold and an expression it must then match: the
// expressions stay small, and run only where their string is.
var junkRules = func() []junkRule {
	rules := []struct{ hint, expr string }{
		{"subscri", `\bsubscri(be|ber|ption)\b`}, {"sign ", `\bsign (in|up)\b`}, {"log", `\blog ?in\b`},
		{"verify access", ``}, {"checking your access", ``}, {"preview view", ``}, {"reader mode", ``},
		{"advertis", `^(advertisement$|advertising\b)`}, {"story continues", ``}, {"read ", `\bread (more|entire article)\b`},
		{"related", `^related\b`}, {"more from", `^more from\b`}, {"most ", `^most (read|popular|viewed)\b`},
		{"recommended", `^recommended\b`}, {"share", `^share\b`}, {"print", `^print\b`}, {"mail", `^e-?mail\b`},
		{"comment", `^comments?\b|\bcomments? \d+`}, {"listen ", `\blisten \d+ min`}, {"gift article", ``},
		{"copyright", ``}, {"all rights reserved", ``}, {"©", ``}, {"(c) ", `\(c\) \d{4}`}, {"tag", `^tags?:`},
		{"topic", `^topics?:`}, {"cookie", `\bcookies?\b`}, {"privacy ", `\bprivacy (notice|policy)\b`},
		{"newsletter", `\bnewsletter\b`}, {"follow us", `^follow us\b`}, {"click here", `\bclick here\b`},
		{"skip ", `^skip (to|next)\b`}, {"key events", `^show key events`}, {"this article is more than", ``},
		{"image caption", `^image caption\b`}, {"photo", `^photo(graph)?:`}, {"watch:", `^watch:`}, {"video:", `^video:`},
		{"get the latest news", ``}, {"about us", `^about us\b`}, {"terms of ", `\bterms of (use|service)\b`},
	}
	out := make([]junkRule, len(rules))
	for i, r := range rules {
		out[i].hint = r.hint
		if r.expr != "" {
			out[i].re = regexp.MustCompile(r.expr)
		}
	}
	return out
}()

type junkRule struct {
	hint string
	re   *regexp.Regexp // nil: the string is enough
}

// isJunk reports whether a short block's lower-cased text is furniture.
func isJunk(low string) bool {
	for _, r := range junkRules {
		if strings.Contains(low, r.hint) && (r.re == nil || r.re.MatchString(low)) {
			return true
		}
	}
	return false
}

// captionMarks mark photo captions and credits, wherever they appear in
// the block (lower-cased): a caption's "on Wednesday" describes a picture,
// not an event. Plain substrings, so that every paragraph of a long page
// is checked in one pass each.
var captionMarks = []string{"credit...", "credit…", "credit:", "credit :", "| photo", "|photo", "| staff photo",
	"photo: ", "photograph: ", "photo by ", "ap photo", "getty images", "image caption", "/afp", "/reuters",
	"/epa", "/ap ", "(photo"}

func isCaption(low string) bool {
	for _, m := range captionMarks {
		if strings.Contains(low, m) {
			return true
		}
	}
	return strings.HasSuffix(low, "/ap")
}

// relatedHeader starts a list of links to other stories; their headlines
// and dates are not this story's.
var relatedHeader = regexp.MustCompile(`^(related( stories| coverage| content| news| articles| subjects)?|read more|more from\b.*|more on this( story)?|see also|you may also like|recommended|most read|latest)\s*:?\s*$`)

// isRelatedHeader reports whether a block is such a header.
func isRelatedHeader(text string) bool {
	if len(text) >= 80 {
		return false
	}
	low := strings.ToLower(strings.TrimSpace(text))
	if low == "" || !strings.ContainsRune("rmsyl", rune(low[0])) {
		return false // what the expression needs to begin with
	}
	return relatedHeader.MatchString(low)
}

// classify decides what one block is by its text alone.
func classify(text string) blockKind {
	st := measure(text)
	if len(text) >= 200 && 3*st.letters < st.runes {
		return blockJunk // symbols, numbers, markup: no story
	}
	low := strings.ToLower(text)
	if isCaption(low) {
		return blockJunk
	}
	if st.words <= 30 && isJunk(low) {
		return blockJunk
	}
	if st.words < 8 {
		return blockHeader
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	endsSentence := strings.ContainsRune(".!?\"”'’)", last)
	if !endsSentence && (st.words < 25 || 3*st.lowerWords < st.letterWords) {
		return blockHeader // a headline, a standfirst or a byline
	}
	if st.upper == st.letters {
		return blockHeader // ALL CAPS
	}
	return blockBody
}

// textStats are counts of a block's text, taken in one pass.
type textStats struct {
	runes, letters, upper int
	words                 int // runs of non-space characters
	letterWords           int // words that start with a letter
	lowerWords            int // words that start with a lower-case letter
}

func measure(text string) textStats {
	var st textStats
	inWord := false
	for _, r := range text {
		st.runes++
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		letter := unicode.IsLetter(r)
		if letter {
			st.letters++
			if !unicode.IsLower(r) {
				st.upper++
			}
		}
		if !inWord {
			inWord = true
			st.words++
			if letter {
				st.letterWords++
				if unicode.IsLower(r) {
					st.lowerWords++
				}
			}
		}
	}
	return st
}

// classifyText marks the blocks of pasted text. After a "Related" or "Read
// more" header, the list of other stories that follows is junk until the
// next paragraph of prose.
func (d *document) classifyText() {
	inRelated := false
	for i := range d.blocks {
		bl := &d.blocks[i]
		bl.kind = classify(bl.text)
		if isRelatedHeader(bl.text) {
			inRelated = true
			bl.kind = blockJunk
			continue
		}
		if inRelated {
			if bl.kind == blockBody && len(strings.Fields(bl.text)) >= 25 {
				inRelated = false
				continue
			}
			bl.kind = blockJunk
		}
	}
	for _, bl := range d.blocks {
		if bl.kind != blockJunk {
			d.title = bl.text
			break
		}
	}
	d.shortText()
}

// shortText reads a paste of a few short sentences, which has no block
// long enough to look like a story's paragraph: its blocks that end as
// sentences do are the story.
func (d *document) shortText() {
	for _, bl := range d.blocks {
		if bl.kind == blockBody {
			return
		}
	}
	for i := range d.blocks {
		bl := &d.blocks[i]
		last, _ := utf8.DecodeLastRuneInString(bl.text)
		if bl.kind == blockHeader && strings.ContainsRune(".!?\"”'’", last) {
			bl.kind = blockBody
		}
	}
}
