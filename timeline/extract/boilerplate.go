package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// junkPatterns mark blocks that are page furniture, not the story: paywall
// and subscription prompts, ads, share and comment bars, copyright lines,
// tag lists, cookie notices. They apply to short blocks only, so that a
// paragraph that mentions "subscribers" stays.
var junkPatterns = regexp.MustCompile(`(?i)` + strings.Join([]string{
	`\bsubscribe\b`, `\bsubscriber\b`, `\bsubscription\b`, `\bsign (in|up)\b`, `\blog ?in\b`,
	`\bverify access\b`, `\bchecking your access\b`, `\bpreview view\b`, `\breader mode\b`,
	`^advertisement$`, `story continues`, `\bread (more|entire article)\b`, `^related\b`,
	`^more from\b`, `^most (read|popular|viewed)\b`, `^recommended\b`, `^(share|print|e-?mail|comments?)\b`,
	`\bcomments? \d+`, `\blisten \d+ min`, `\bgift article\b`, `\bcopyright\b`, `all rights reserved`,
	`©`, `\(c\) \d{4}`, `^tags?:`, `^topics?:`, `\bcookies?\b`, `\bprivacy (notice|policy)\b`,
	`\bnewsletter\b`, `^follow us\b`, `\bclick here\b`, `^skip (to|next)\b`, `^show key events`,
	`\bthis article is more than\b`, `^image caption\b`, `^photo(graph)?:`, `^watch:`, `^video:`,
	`\bget the latest news\b`, `^advertising\b`, `^about us\b`, `\bterms of (use|service)\b`,
}, "|"))

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
var relatedHeader = regexp.MustCompile(`(?i)^(related( stories| coverage| content| news| articles| subjects)?|read more|more from\b.*|more on this( story)?|see also|you may also like|recommended|most read|latest)\s*:?\s*$`)

// junkHints are cheap tests that a block might match junkPatterns, so
// that the regular expression runs on few blocks.
var junkHints = []string{"subscri", "sign in", "sign up", "log in", "login", "verify access", "checking your access",
	"preview view", "reader mode", "advertis", "story continues", "read more", "read entire", "related", "more from",
	"most read", "most popular", "most viewed", "recommended", "share", "print", "mail", "comment", "listen ",
	"gift article", "copyright", "rights reserved", "©", "(c) ", "tag", "topic", "cookie", "privacy", "newsletter",
	"follow us", "click here", "skip ", "key events", "this article is more", "image caption", "photo", "watch:",
	"video:", "latest news", "about us", "terms of"}

func hints(low string, words []string) bool {
	for _, w := range words {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
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
	if st.words <= 30 && hints(low, junkHints) && junkPatterns.MatchString(text) {
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
		if len(bl.text) < 80 && relatedHeader.MatchString(strings.TrimSpace(bl.text)) {
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
