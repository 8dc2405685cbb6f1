package text

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // tokens' Low joined by |
	}{
		{"words and punctuation", "Putin met Xi.", "putin|met|xi|."},
		{"a possessive is a token of its own", "Iran's sites", "iran|'s|sites"},
		{"a typographic apostrophe folds to '", "Thursday’s talks", "thursday|'s|talks"},
		{"an ordinal folds into its number", "the 21st of June", "the|21st|of|june"},
		{"acronym periods stay tokens", "U.S. forces", "u|.|s|.|forces"},
		{"hyphens split words", "cease-fire", "cease|-|fire"},
		{"dashes fold", "Kyiv – Moscow — Minsk", "kyiv|-|moscow|—|minsk"},
		{"quotes fold", "“deal”", "\"|deal|\""},
		{"letters outside ASCII", "Erdoğan and Türkiye", "erdoğan|and|türkiye"},
		{"digits after letters stay in the word", "the G7 summit", "the|g7|summit"},
		{"a clock time", "6:31 p.m.", "6|:|31|p|.|m|."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lows []string
			for _, tok := range Tokenize(tt.in) {
				if tt.in[tok.Start:tok.End] != tok.Text {
					t.Errorf("token %q is not at [%d, %d)", tok.Text, tok.Start, tok.End)
				}
				lows = append(lows, tok.Low)
			}
			if got := strings.Join(lows, "|"); got != tt.want {
				t.Errorf("Tokenize(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenFlags(t *testing.T) {
	toks := Tokenize("He said\n\nThe 3rd 1234567890 Kim")
	if !toks[0].Space || !toks[0].Upper || toks[0].Break {
		t.Errorf("first token: %+v", toks[0])
	}
	if !toks[2].Break || !toks[2].Upper {
		t.Errorf("a token after a blank line starts a paragraph: %+v", toks[2])
	}
	if n := toks[3]; n.Kind != Numeral || n.Num != 3 || !n.Ordinal || n.Digits != 1 {
		t.Errorf("ordinal: %+v", n)
	}
	if n := toks[4]; n.Num != -1 || n.Digits != 10 {
		t.Errorf("a number too long to hold: %+v", n)
	}
	if toks[1].Upper {
		t.Errorf("lower-case word marked upper: %+v", toks[1])
	}
}
