package extract

import "testing"

// A word that may be a verb or a noun is told apart by what stands around
// it.
func TestTags(t *testing.T) {
	tests := []struct {
		name, sentence, word string
		want                 tag
	}{
		{"a verb after its subject", "Israel strikes Iran.", "strikes", tVerb},
		{"a noun where a verb follows", "US strikes on Iran drew condemnation.", "strikes", tNoun},
		{"a noun in a compound", "Peace talks began on Monday.", "talks", tNoun},
		{"a verb after to", "Albright plans to visit Kenya.", "visit", tVerb},
		{"a noun after a determiner", "Albright began a visit to Kenya.", "visit", tNoun},
		{"a base verb after a plural subject", "The leaders meet in Geneva.", "meet", tVerb},
		{"a noun after a determiner and an adjective", "A missile hit a residential building in Beersheba.", "building", tNoun},
		{"a gerund with an object after a preposition", "Russia retaliated by ordering 23 diplomats out.", "ordering", tVerb},
		{"a participle after a plural", "EU leaders meeting in Brussels endorsed the plan.", "meeting", tVerb},
		{"do before not is an auxiliary", "Modi did not travel to Moscow.", "did", tDo},
		{"which before a verb relates", "The blasts which killed scores shocked Kenya.", "which", tRel},
		{"which before a noun determines", "Officials did not say which country paid.", "which", tDet},
		{"that after a verb opens what was said", "Iran said that the talks failed.", "that", tSub},
		{"that after a noun relates", "The deal that was signed collapsed.", "that", tRel},
		{"a noun after a preposition stays a noun", "He spoke in response to U.S. missile attacks.", "attacks", tNoun},
		{"after a verb of speech a verb", "Officials say Iran supplies weapons.", "supplies", tVerb},
		{"after a verb of speech and a determiner a verb", "Officials say the army supplies weapons.", "supplies", tVerb},
		{"after a verb of speech and adjectives a noun", "Obama announced new economic sanctions against Russia.", "sanctions", tNoun},
		{"a noun after a number and its modifiers", "Britain struck 36 Houthi targets in Yemen.", "targets", tNoun},
		{"an -ly word after a determiner is a noun", "Rouhani spoke at the assembly in New York.", "assembly", tNoun},
		{"a capitalised -ed word is a name", "Mohamed rented a house.", "Mohamed", tName},
		{"a quantifier after its noun leaves the verb a verb", "The five powers all denounced North Korea.", "denounced", tVerb},
		{"a quantifier before a noun determines it", "Leaders of all countries met.", "all", tDet},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := readSentence(t, tt.sentence)
			for i := r.s.w0; i < r.s.w1; i++ {
				if w := r.a.words[i]; w.Text == tt.word {
					if w.tag != tt.want {
						t.Errorf("%q in %q is %s, want %s", tt.word, tt.sentence, tagNames[w.tag], tagNames[tt.want])
					}
					return
				}
			}
			t.Fatalf("no word %q", tt.word)
		})
	}
}
