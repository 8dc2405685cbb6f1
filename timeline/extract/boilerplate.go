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

// captionPatterns mark photo captions and credits, wherever they appear in
// the block: a caption's "on Wednesday" describes a picture, not an event.
var captionPatterns = regexp.MustCompile(`(?i)(credit\s*(\.\.\.|…|:)|\|\s*(staff )?photo\b|\bphoto(graph)?:\s|\bphoto by\b|\bap photo\b|getty images|\bimage caption\b|\bphotograph: |/(afp|reuters|epa|ap)\b|\(photo\b)`)

// relatedHeader starts a list of links to other stories; their headlines
// and dates are not this story's.
var relatedHeader = regexp.MustCompile(`(?i)^(related( stories| coverage| content| news| articles| subjects)?|read more|more from\b.*|more on this( story)?|see also|you may also like|recommended|most read|latest)\s*:?\s*$`)

// junkHints and captionHints are cheap tests that a block might match
// the patterns, so that the regular expressions run on few blocks.
var (
	junkHints = []string{"subscri", "sign ", "log", "access", "preview", "reader", "advert", "continues",
		"read ", "related", "more ", "most ", "recommend", "share", "print", "mail", "comment", "listen",
		"gift", "copyright", "rights", "©", "(c)", "tag", "topic", "cookie", "privacy", "newsletter",
		"follow", "click", "skip", "key events", "this article", "caption", "photo", "watch", "video",
		"latest news", "about us", "terms"}
	captionHints = []string{"credit", "photo", "getty", "caption", "afp", "reuters", "epa", "/ap"}
)

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
	if len(text) >= 200 && !prose(text) {
		return blockJunk // symbols, numbers, markup: no story
	}
	words := len(strings.Fields(text))
	low := strings.ToLower(text)
	if hints(low, captionHints) && captionPatterns.MatchString(text) {
		return blockJunk
	}
	if words <= 30 && hints(low, junkHints) && junkPatterns.MatchString(text) {
		return blockJunk
	}
	if words < 8 {
		return blockHeader
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	endsSentence := strings.ContainsRune(".!?\"”'’)", last)
	if !endsSentence && (words < 25 || !hasLowerWords(text)) {
		return blockHeader // a headline, a standfirst or a byline
	}
	if strings.ToUpper(text) == text {
		return blockHeader // ALL CAPS
	}
	return blockBody
}

// prose reports whether at least a third of a text's bytes are letters,
// as in any language's running text.
func prose(text string) bool {
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return 3*letters >= utf8.RuneCountInString(text)
}

// hasLowerWords reports whether at least a third of the words start in
// lower case, as running prose does and headlines in title case do not.
func hasLowerWords(text string) bool {
	lower, total := 0, 0
	for _, w := range strings.Fields(text) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		total++
		if unicode.IsLower(r) {
			lower++
		}
	}
	return total > 0 && 3*lower >= total
}

// classifyText marks the blocks of pasted text. After a "Related" or "Read
// more" header, the list of other stories that follows is junk until the
// next paragraph of prose.
func (d *document) classifyText() {
	inRelated := false
	for i := range d.blocks {
		bl := &d.blocks[i]
		bl.kind = classify(bl.text)
		if relatedHeader.MatchString(strings.TrimSpace(bl.text)) {
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
