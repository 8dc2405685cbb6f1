package extract

import (
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the sentences, as written
	}{
		{"periods end sentences", "Putin met Xi. They signed a deal.", []string{"Putin met Xi.", "They signed a deal."}},
		{"an initial does not", "Vladimir V. Putin met Xi on Monday.", []string{"Vladimir V. Putin met Xi on Monday."}},
		{"a title's abbreviation does not", "Gen. Nhek Bunchhay said so. Mr. Putin agreed.",
			[]string{"Gen. Nhek Bunchhay said so.", "Mr. Putin agreed."}},
		{"an acronym goes on before a name", "U.S. officials met Iranian envoys.", []string{"U.S. officials met Iranian envoys."}},
		{"an acronym ends one before a sentence opener", "The envoy flew to the U.S. The talks began.",
			[]string{"The envoy flew to the U.S.", "The talks began."}},
		{"closing quotes stay with their sentence", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"a wire quote opens one", "He left. ``We will be back,'' he said.", []string{"He left.", "``We will be back,'' he said."}},
		{"a lower-case word after a period goes on", "The talks, said the U.N. envoy, went well.",
			[]string{"The talks, said the U.N. envoy, went well."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range readText(t, tt.text, "2025-07-03") {
				got = append(got, r.text(r.s.w0, r.s.w1))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// Text with no sentence ends is cut into pieces of bounded length, so that
// the work per sentence stays bounded and the whole stays linear.
func TestRunOnTextIsCut(t *testing.T) {
	text := strings.Repeat("the leaders met again and again ", 200)
	for _, r := range readText(t, text, "2025-07-03") {
		if n := r.s.w1 - r.s.w0; n > maxSentenceWords {
			t.Fatalf("a sentence of %d words, more than %d", n, maxSentenceWords)
		}
	}
}

// The place a wire story was filed from opens its first sentence and is no
// party to its events.
func TestDatelineIsSkipped(t *testing.T) {
	tests := []struct{ text, first string }{
		{"MINSK, Belarus (AP) — The leaders met on Wednesday.", "The"},
		{"GENEVA — President Biden met Putin on Wednesday.", "President"},
		{"O'SMACH, Cambodia (AP)_ The top commander said Thursday he had left.", "The"},
		{"WASHINGTON, March 12 (Xinhua) -- The talks ended.", "The"},
		{"Moscow said on Monday it would respond.", "Moscow"},
	}
	for _, tt := range tests {
		r := readText(t, tt.text, "2025-07-03")[0]
		if got := r.a.words[r.s.w0+r.s.skip].Text; got != tt.first {
			t.Errorf("%q: the story starts at %q, want %q", tt.text, got, tt.first)
		}
	}
}
