package text

import (
	"strings"
	"testing"
)

// The scan the date grammar reads and Tokenize split a text the same way.
func TestLexemesAreTheTokens(t *testing.T) {
	for _, s := range []string{
		"Putin met Xi on Thursday’s 21ST of June, 2025; the U.S. said \"no\".\n\nIran's G7 talks – 6:31 p.m. ET",
		"Erdoğan and Türkiye, 1234567890 troops, ’90s and '90s, O'Smach, x’abcd, a\v\fb",
		"\xff\xfe invalid bytes, İstanbul, ÉTAT, 3rdx, 2ndä, \u00a0no-break space",
	} {
		toks := Tokenize(s)
		lx := AppendLexemes(nil, s, nil)
		if len(lx) != len(toks) {
			t.Fatalf("%q: %d lexemes, %d tokens", s, len(lx), len(toks))
		}
		for i, l := range lx {
			tk := toks[i]
			if int(l.Start) != tk.Start || int(l.End) != tk.End || l.Kind != tk.Kind || int(l.Num) != tk.Num ||
				l.Digits() != tk.Digits || l.Ordinal() != tk.Ordinal || l.Space() != tk.Space || l.Upper() != tk.Upper ||
				l.Break() != tk.Break {
				t.Errorf("%q: lexeme %+v, token %+v", s, l, tk)
			}
			if IsLowerWord(tk.Text) != (tk.Kind != Punct && tk.Low == tk.Text && isASCII(tk.Text) && !strings.HasPrefix(tk.Text, "'")) {
				t.Errorf("%q: IsLowerWord(%q) is %v", s, tk.Text, IsLowerWord(tk.Text))
			}
		}
	}
}

// The scan names every word by the id Lexicon.ID gives its lower-case form.
func TestTheScanNamesWordsAsIDDoes(t *testing.T) {
	words := strings.Fields("the a an june jun monday mondays week weeks year years day said will of to last next two q3 's 'll o i")
	lex, err := NewLexicon(words)
	if err != nil {
		t.Fatal(err)
	}
	s := "The JUNE jun. Junes mondays Monday's a an on i o q3 Q3 q33 week-long weekS. Two Said'll daylight years—day 'twas x'll"
	for _, l := range AppendLexemes(nil, s, lex) {
		if l.Kind != Alpha {
			continue
		}
		w := s[l.Start:l.End]
		if want := lex.ID(strings.ToLower(w)); l.Word != want {
			t.Errorf("%q: scanned as %q, ID gives %q", w, lex.Word(l.Word), lex.Word(want))
		}
	}
}

func TestLexiconKnowsItsWordsAsTheScanReadsThem(t *testing.T) {
	lex, err := NewLexicon([]string{"june", "jun", "q3", "'s", "year"})
	if err != nil {
		t.Fatal(err)
	}
	s := "June JUN Jun. juneau q3 Q3 Iran's ju years year"
	want := map[string]string{"June": "june", "JUN": "jun", "Jun": "jun", "juneau": "", "q3": "q3", "Q3": "q3",
		"Iran": "", "'s": "'s", "ju": "", "years": "", "year": "year", ".": ""}
	for _, l := range AppendLexemes(nil, s, lex) {
		word := s[l.Start:l.End]
		if got := lex.Word(l.Word); got != want[word] {
			t.Errorf("%q read as word %q, want %q", word, got, want[word])
		}
	}
	if lex.Len() != 5 || lex.ID("YEAR") != lex.ID("year") || lex.ID("yea") != 0 || lex.Word(lex.ID("q3")) != "q3" {
		t.Errorf("Len %d, ID(YEAR) %d, ID(yea) %d", lex.Len(), lex.ID("YEAR"), lex.ID("yea"))
	}
	for _, bad := range [][]string{{""}, {"Upper"}, {"two words"}, {"été"}, {"septembers", "septemberz"}} {
		if _, err := NewLexicon(bad); err == nil {
			t.Errorf("NewLexicon(%q) took it", bad)
		}
	}
}

// Words longer than the eight bytes of a key are told apart by the rest;
// a word that is no word of the lexicon is none, however it starts or
// ends, and whatever follows it.
func TestLexiconTellsLongWordsAndOthersApart(t *testing.T) {
	lex, err := NewLexicon([]string{"september", "septembe", "septembers", "n't", "'s", "next", "afternoon", "12345678"})
	if err != nil {
		t.Fatal(err)
	}
	s := "SEPTEMBER Septembe Septembers septemberz septembe' afternoons Afternoon 12345678 123456789 Erdoğan n septembér"
	want := map[string]string{"SEPTEMBER": "september", "Septembe": "septembe", "Septembers": "septembers",
		"septembe": "septembe", "afternoons": "", "Afternoon": "afternoon", "n": ""}
	for _, l := range AppendLexemes(nil, s, lex) {
		word := s[l.Start:l.End]
		if got := lex.Word(l.Word); got != want[word] {
			t.Errorf("%q read as word %q, want %q", word, got, want[word])
		}
	}
	for w, id := range map[string]uint16{"n't": lex.ID("n't"), "N'T": lex.ID("n't"), "n": 0, ".": 0, "Erdoğan": 0,
		"june x": 0, "next.": 0, "": 0, "'S": lex.ID("'s"), "septemberZ": 0} {
		if got := lex.ID(w); got != id || w == "n't" && id == 0 {
			t.Errorf("ID(%q) = %d (%q), want %d", w, got, lex.Word(got), id)
		}
	}
}

func TestAppendTokensAppends(t *testing.T) {
	first := Tokenize("One two.")
	both := AppendTokens(first, "Three", 0)
	if len(both) != 4 || both[0].Low != "one" || both[3].Low != "three" || both[3].Start != 0 {
		t.Errorf("AppendTokens = %+v", both)
	}
	// a part of a larger text: offsets into the whole
	whole := "One two. Three Four"
	part := AppendTokens(nil, whole[9:], 9)
	if len(part) != 2 || whole[part[1].Start:part[1].End] != "Four" || part[1].Text != "Four" || part[0].Low != "three" {
		t.Errorf("AppendTokens of a part = %+v", part)
	}
}

// FuzzLexemes: the scan and Tokenize agree on every text, and the scan
// names every word as Lexicon.ID does.
func FuzzLexemes(f *testing.F) {
	for _, s := range []string{"Putin met Xi on Thursday’s 21ST of June", "Iran's '90s\n\nthe U.S.", "\xffé x’ll 3rd", "June JUN weeks", "SEPTEMBER Wednesdays septembers"} {
		f.Add(s)
	}
	lex, err := NewLexicon(strings.Fields("the june jun week weeks 's 'll 3rd q3 n't september wednesdays"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		lx := AppendLexemes(nil, s, lex)
		if len(lx) != len(toks) {
			t.Fatalf("%d lexemes, %d tokens", len(lx), len(toks))
		}
		for i, l := range lx {
			tk := toks[i]
			if int(l.Start) != tk.Start || int(l.End) != tk.End || l.Kind != tk.Kind {
				t.Fatalf("lexeme %+v, token %+v", l, tk)
			}
			if l.Kind == Alpha && isASCII(tk.Text) && l.Word != lex.ID(strings.ToLower(tk.Text)) {
				t.Fatalf("%q scanned as %q", tk.Text, lex.Word(l.Word))
			}
		}
	})
}

// A word ends, eight bytes at a time, where a byte by byte reading ends
// it, at every byte, in every place, however near the end of the text;
// and wordAt hands back the first eight bytes (or fewer) as they are.
func TestWordAtEndsWhereAByteEnds(t *testing.T) {
	for c := 0; c < 256; c++ {
		for at := 0; at < 20; at++ {
			for cut := at + 1; cut <= 24; cut++ {
				b := []byte("abcdefghijXYZ0123456789q")
				b[at] = byte(c)
				s := string(b[:cut])
				want := 0
				for want < len(s) && asciiWord[s[want]] {
					want++
				}
				var first uint64
				for k := min(len(s), 8) - 1; k >= 0; k-- {
					first = first<<8 | uint64(s[k])
				}
				if end, got := wordAt(s, 0); end != want || got != first {
					t.Fatalf("%q: wordAt %d, %#x; not %d, %#x", s, end, got, want, first)
				}
			}
		}
	}
}
