package extract

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/lexicon"
	"github.com/dateline/dateline/timeline/extract/text"
	"github.com/dateline/dateline/timeline/extract/timex"
)

// analysis is one article on its way through the pipeline:
//
//	document -> tokens and words -> dates -> sentences -> per sentence:
//	tags -> mentions -> phrases -> clauses -> frames -> dating
//	-> assembly and merge -> titles
//
// Each stage lives in its own file and adds to this state; the state of
// a sentence is dropped once its candidates are made, so memory follows
// the article's length.
type analysis struct {
	d         *document
	lx        *lexicon.Lexicon
	toks      []text.Token
	seq       lexicon.Words // the words as the lexicon's matchers read them
	words     []word
	dates     []dated
	sents     []sentence
	people    *people
	dct       time.Time
	published timeline.Date
	live      map[int]timeline.Date // body blocks of a live blog: the day they were posted
	cands     []candidate
	hints     []hint // events named without a date
	told      []hint // every event named with its actors, in order
	// lastSubject is the subject of the last sentence that named two
	// actors or more in its subject, for "their".
	lastSubject []timeline.Actor
	// subjectSent is the sentence that named lastSubject
	subjectSent int
	orgs        []string // the organisations named, in order, for "the alliance"
	// politicalMentions counts the body's mentions of states, bodies of
	// state, organisations, groups and people in office
	politicalMentions int
	// countries holds the countries the article's mentions belong to,
	// and abroad says it names a body or a region of no one state: an
	// article of one country and neither is domestic news
	countries     map[string]int
	abroad        bool
	bodySentences int
	pubDay        int // in dates: the publication day, once a lead's news needs it
	// scene is the date a paragraph's narrative is set at by a sentence
	// that opens with it: "On Aug. 7, the staff had just ended a news
	// conference. They were talking when the bomb went off."
	scene struct{ block, date int }
	// follow is the date and the parties of the last sentence whose main
	// clause is dated: the next sentence may go on telling what the same
	// people did then (see follows)
	follow struct {
		sent, date int
		actors     []timeline.Actor
		used       bool
	}
	// capitals counts each word written with a capital inside sentences:
	// a single unknown name the article uses again is a name, not a
	// fragment
	capitals map[string]int
	// chunkBuf and clauseBuf hold a sentence's chunks and clauses, which
	// live until the next sentence is read
	chunkBuf  []chunk
	clauseBuf []clause
	// observe, when set, sees each sentence's reading: Explain and the
	// stages' tests use it
	observe func(s *sentence, p *parsed, frames []eframe)
}

// wordSeq shows the article's words to the lexicon's matchers.
type wordSeq []word

func (ws wordSeq) Word(i int) *text.Word { return &ws[i].Word }

// dated is a date expression of the body.
type dated struct {
	timex.Timex
	w0, w1 int // words [w0, w1)
}

// analyse runs the pipeline over a document. It checks ctx between
// sentences, so a cancelled request stops within one sentence's work.
func analyse(ctx context.Context, d *document, published timeline.Date) ([]timeline.Event, error) {
	a := newAnalysis(d, published)
	b, _ := buffersPool.Get().(*buffers)
	if b == nil {
		b = &buffers{}
	}
	a.toks, a.words, a.chunkBuf, a.clauseBuf = b.toks[:0], b.words[:0], b.chunks[:0], b.clauses[:0]
	defer func() {
		// the events keep no word, chunk or clause: the next article may
		// write over them (bulk ingest reads thousands)
		*b = buffers{a.toks[:0], a.words[:0], a.chunkBuf[:0], a.clauseBuf[:0]}
		buffersPool.Put(b)
	}()
	if err := a.run(ctx); err != nil {
		return nil, err
	}
	return a.assemble(), nil
}

// buffers are an analysis's large slices, kept between articles.
type buffers struct {
	toks    []text.Token
	words   []word
	chunks  []chunk
	clauses []clause
}

var buffersPool sync.Pool

func newAnalysis(d *document, published timeline.Date) *analysis {
	a := &analysis{d: d, lx: lexicon.Get(), published: published, capitals: map[string]int{}, pubDay: -1,
		countries: map[string]int{}}
	a.people = newPeople(a.lx)
	a.scene.block = -1
	a.follow.date = -1
	if !published.IsZero() {
		a.dct = published.Start()
	}
	return a
}

func (a *analysis) run(ctx context.Context) error {
	d := a.d
	// the blocks read are tokenized, each in its place in the text; junk
	// (navigation, symbol soup) is never split
	if a.toks == nil {
		a.toks = make([]text.Token, 0, len(d.text)/5)
	}
	for _, bl := range d.blocks {
		if bl.kind != blockJunk {
			a.toks = text.AppendTokens(a.toks, bl.text, bl.start)
		}
	}
	if a.words == nil {
		a.words = make([]word, 0, len(a.toks))
	}
	text.EachWord(d.text, a.toks, a.lx.IsAbbreviation, func(w text.Word) {
		a.words = append(a.words, word{Word: w, Lexeme: a.lx.Lexeme(w.Low), date: -1, ment: -1})
	})
	a.seq = wordSeq(a.words)
	a.findDates()
	a.live = d.liveEntries(a.published)
	a.splitSentences()
	for i := range a.sents {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		a.read(&a.sents[i])
	}
	return nil
}

// findDates resolves the date expressions of the body blocks in reading
// order: "two days later" counts from the story's last date, so headlines
// and captions are left out of that reading.
func (a *analysis) findDates() {
	// the body's tokens: a slice of the article's when the body is all
	// of a piece (headlines before it, nothing read after), else a copy
	var body []text.Token
	lo, hi := -1, -1
	for _, bl := range a.d.blocks {
		if bl.kind != blockBody {
			continue
		}
		l := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= bl.start })
		h := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= bl.start+len(bl.text) })
		switch {
		case lo < 0:
			lo, hi = l, h
		case l == hi && body == nil:
			hi = h
		default:
			if body == nil {
				body = append(make([]text.Token, 0, len(a.toks)), a.toks[lo:hi]...)
			}
			body = append(body, a.toks[l:h]...)
		}
	}
	if body == nil && lo >= 0 {
		body = a.toks[lo:hi]
	}
	for _, t := range timex.FindTokens(a.d.text, body, a.dct) {
		w0 := a.wordAt(t.Start)
		w1 := a.wordAt(t.End-1) + 1
		if w0 < 0 || w1 <= w0 {
			continue
		}
		a.dates = append(a.dates, dated{Timex: t, w0: w0, w1: w1})
		for k := w0; k < w1; k++ {
			a.words[k].date = len(a.dates) - 1
		}
	}
}

// wordAt returns the index of the word holding byte offset off, or -1.
func (a *analysis) wordAt(off int) int {
	i := sort.Search(len(a.words), func(i int) bool { return a.words[i].End > off })
	if i == len(a.words) || a.words[i].Start > off {
		return -1
	}
	return i
}

// read runs the sentence stages over one sentence and keeps its
// candidates.
func (a *analysis) read(s *sentence) {
	ws := a.words[s.w0:s.w1]
	if len(ws) == 0 {
		return
	}
	a.findMentions(s)
	if s.header {
		return
	}
	a.bodySentences++
	for i := range s.mentions {
		if s.mentions[i].weighty() {
			a.politicalMentions++
		}
	}
	a.tag(s)
	cl := a.clauses(s)
	frames := a.frames(s, cl)
	if s.block != a.scene.block {
		a.scene.block, a.scene.date = s.block, -1
	}
	for i := range frames {
		a.date(s, cl, &frames[i])
	}
	a.setScene(s, cl)
	a.candidates(s, cl, frames)
	a.setFollow(s, cl)
	a.noteSubject(s, cl)
	if a.observe != nil {
		a.observe(s, cl, frames)
	}
	a.people.endSentence(s)
}

// noteSubject keeps the subject of a sentence's main clause when it names
// two actors or more: "their" in the next sentences may be them.
func (a *analysis) noteSubject(s *sentence, p *parsed) {
	for _, c := range p.cl {
		if c.kind != cMain || len(c.subj) == 0 {
			continue
		}
		if as := a.actorsOf(s, a.mentionsOf(s, p, append(c.subj[:len(c.subj):len(c.subj)], c.subjOf...)), nil); len(as) >= 2 {
			a.lastSubject, a.subjectSent = as, s.n
		}
		return
	}
}
