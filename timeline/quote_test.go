package timeline_test

import (
	"testing"

	"github.com/dateline/dateline/timeline"
)

func TestQuoteTextIsWhatAReaderSees(t *testing.T) {
	tests := []struct {
		name, quote, want string
	}{
		{"plain text stays", "Leaders met on 3 July 2025.", "Leaders met on 3 July 2025."},
		{"named references are decoded", "talks in 2024&ndash;2025 went on", "talks in 2024–2025 went on"},
		{"numeric references are decoded", "the &#8220;deal&#x201D; held", "the “deal” held"},
		{"tags inside a sentence go", `Putin <a href="/p">spoke</a> with <em>Trump</em>.`, "Putin spoke with Trump."},
		{"block tags separate words", "ends here.</p>\n<p>Starts there", "ends here. Starts there"},
		{"a line break separates", "one<br/>two", "one two"},
		{"comments go", "a<!-- ad -->b", "ab"},
		{"white space folds", "two\n   lines\tof it", "two lines of it"},
		{"a lone ampersand stays", "AT&T and P&O", "AT&T and P&O"},
		{"a less-than sign that starts no tag stays", "a < b and c > d", "a < b and c > d"},
		{"an unclosed tag stays", "x <b y", "x <b y"},
		{"an escaped tag is text", "write &lt;b&gt; for bold", "write <b> for bold"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (timeline.Mention{Quote: tt.quote}).Text(); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.quote, got, tt.want)
			}
		})
	}
}
