package lexicon

import (
	"sort"
	"strings"

	"github.com/dateline/dateline/timeline/extract/text"
)

// Matcher finds the longest phrase of a list at a position in a sentence.
type Matcher[T any] struct {
	first map[string][]phrase[T] // by first word, longest first
	count int
}

type phrase[T any] struct {
	words []string
	caps  bool // written in capitals: matches only capitals
	value T
}

// add stores a phrase, given as its key's words; the first value given
// for a phrase wins.
func (m *Matcher[T]) add(words []string, caps bool, v T) {
	if len(words) == 0 {
		return
	}
	if m.first == nil {
		m.first = map[string][]phrase[T]{}
	}
	for _, p := range m.first[words[0]] {
		if p.caps == caps && strings.Join(p.words, " ") == strings.Join(words, " ") {
			return
		}
	}
	m.first[words[0]] = append(m.first[words[0]], phrase[T]{words, caps, v})
	m.count++
}

func (m *Matcher[T]) sort() {
	for _, ps := range m.first {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
}

// firsts returns the words phrases begin with.
func (m *Matcher[T]) firsts() []string {
	out := make([]string, 0, len(m.first))
	for w := range m.first {
		out = append(out, w)
	}
	return out
}

// Len is the number of phrases.
func (m *Matcher[T]) Len() int { return m.count }

// Words is a run of words a matcher reads.
type Words interface {
	Word(i int) *text.Word
}

// Slice is a []text.Word read as Words.
type Slice []text.Word

// Word returns the i-th word.
func (s Slice) Word(i int) *text.Word { return &s[i] }

// Match returns the value of the longest phrase starting at word i of ws
// and ending before end, and the number of words it covers.
func (m *Matcher[T]) Match(ws Words, i, end int) (v T, n int, ok bool) {
	if i >= end {
		return v, 0, false
	}
	for _, p := range m.first[ws.Word(i).Low] {
		if i+len(p.words) > end {
			continue
		}
		match := true
		for k, w := range p.words {
			x := ws.Word(i + k)
			if x.Low != w || p.caps && !x.Caps && x.Kind == text.Alpha {
				match = false
				break
			}
		}
		if match {
			return p.value, len(p.words), true
		}
	}
	return v, 0, false
}

// Lookup returns the value of a whole phrase, as written.
func (m *Matcher[T]) lookup(lx *Lexicon, s string) (T, bool) {
	ws := lx.split(s)
	v, n, ok := m.Match(Slice(ws), 0, len(ws))
	if ok && n == len(ws) {
		return v, true
	}
	var zero T
	return zero, false
}

// Each calls f with every phrase's words, in no order.
func (m *Matcher[T]) Each(f func(words []string, v T)) {
	for _, ps := range m.first {
		for _, p := range ps {
			f(p.words, p.value)
		}
	}
}

// keyWords returns the words of a phrase as the matcher stores them, and
// whether it is written in capitals (an acronym such as "UN" that must not
// match "un").
func (lx *Lexicon) keyWords(s string) ([]string, bool) {
	ws := lx.split(s)
	out := make([]string, len(ws))
	caps := len(ws) > 0
	for i, w := range ws {
		out[i] = w.Low
		if w.Kind == text.Alpha && !w.Caps {
			caps = false
		}
	}
	return out, caps
}
