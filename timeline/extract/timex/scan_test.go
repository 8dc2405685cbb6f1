package timex

import (
	"go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline/extract/evaldata"
	"github.com/dateline/dateline/timeline/extract/text"
)

func TestLexiconClassifiesWords(t *testing.T) {
	tests := []struct {
		word string
		want uint32 // bits that must be set
		not  uint32 // bits that must not
	}{
		{"june", wStart | wAnchor, 0},
		{"yesterday", wStart | wAnchor, 0},
		{"weeks", wStart | wAnchor, 0},
		{"the", wStart, wAnchor},
		{"more", wStart, wAnchor},
		{"two", wStart | wNumber, wAnchor},
		{"of", wGlue, wStart | wAnchor},
		{"said", wTense, wStart},
		{"'ll", wTense, 0},
		{"christmas", wHoliday, 0},
		{"president", 0, wStart | wAnchor | wTense | wGlue},
		{"jun", wStart | wAnchor, 0},
		{"ju", 0, wStart | wAnchor}, // a prefix of words is no word
		{"", 0, wStart | wAnchor},
		{"été", 0, wStart | wAnchor},
	}
	for _, tt := range tests {
		c := wordClasses[lexicon.ID(tt.word)]
		if c&tt.want != tt.want || c&tt.not != 0 {
			t.Errorf("%q: classes %016b, want %016b set and %016b clear", tt.word, c, tt.want, tt.not)
		}
	}
}

// Every word the rules compare tokens with is in the lexicon, since a
// capitalised word outside it reads as "" ("On Friday" must read "on").
func TestTheLexiconHoldsEveryWordTheGrammarReads(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`^'?[a-z][a-z0-9']*$`)
	fset := gotoken.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if _, ok := n.(*ast.ImportSpec); ok {
				return false
			}
			// places and zones are read by name, not compared as words
			if v, ok := n.(*ast.ValueSpec); ok && len(v.Names) == 1 && (v.Names[0].Name == "places" || v.Names[0].Name == "zoneNames") {
				return false
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != gotoken.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err == nil && word.MatchString(s) && lexicon.ID(s) == 0 {
				t.Errorf("%s: %q is not in the lexicon; add it to grammarWords", fset.Position(lit.Pos()), s)
			}
			return true
		})
	}
}

// The candidate scan and the index of rules by first word lose nothing:
// every rule run at every token that can begin an expression finds the
// same expressions.
func TestCandidateScanFindsWhatEveryRuleFinds(t *testing.T) {
	texts := []string{
		"at the end of the year, more than a few days later, in the near term",
		"two weeks ago; nineteen ninety-six; twenty-four hours; the '90s; a couple of months",
		"the early hours of Saturday, the pre-dawn hours of Sunday, up to two full weeks, a week or so ago",
		"the two leaders met; a man said; that is all; the first half of 2024; every other week",
		"Five thousand people; one of them; the latest quarter; the year-ago period; last Christmas",
	}
	for _, set := range []string{"dev", "news"} {
		files, _ := filepath.Glob(filepath.Join(evaldata.Dir(t, set), "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	for _, s := range texts {
		sameAsExhaustive(t, s)
	}
}

func sameAsExhaustive(t *testing.T, s string) {
	t.Helper()
	toks := text.AppendLexemes(nil, s, lexicon)
	cls, starts := classify(s, toks, nil, nil)
	p := parser{text: s, toks: toks, cls: cls, starts: starts}
	fast := p.parseAll(nil)
	p.exhaustive = true
	all := p.parseAll(nil)
	if !reflect.DeepEqual(fast, all) {
		for i := range min(len(fast), len(all)) {
			if fast[i].start != all[i].start || fast[i].end != all[i].end {
				t.Fatalf("the candidate scan found %q where every rule finds %q",
					span(p, fast[i]), span(p, all[i]))
			}
		}
		t.Fatalf("the candidate scan found %d expressions, every rule %d", len(fast), len(all))
	}
}

func span(p parser, m match) string {
	return p.text[p.toks[m.start].Start:p.toks[m.end-1].End]
}

// A long text read a stretch at a time reads as it does whole.
func TestLongTextsReadInStretchesReadAsOne(t *testing.T) {
	var texts []string
	for _, set := range []string{"dev", "news"} {
		files, _ := filepath.Glob(filepath.Join(evaldata.Dir(t, set), "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	var whole []byte
	for len(whole) < 3*chunkBytes {
		for _, s := range texts {
			whole = append(append(whole, s...), "\n\n"...)
		}
	}
	s := string(whole)
	dct := time.Date(2016, 1, 7, 0, 0, 0, 0, time.UTC)
	got := Find(s, dct)
	want := FindTokens(s, text.Tokenize(s), dct)
	if len(got) != len(want) {
		t.Fatalf("in stretches %d expressions, whole %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("expression %d: in stretches %+v, whole %+v", i, got[i], want[i])
		}
	}
}
