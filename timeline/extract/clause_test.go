package extract

import "testing"

// Each verb finds its subject and object across what a sentence puts
// between them: appositions, relative clauses, phrases, dates.
func TestClauses(t *testing.T) {
	tests := []struct {
		name, sentence, verb string
		kind                 clauseKind
		subj, obj            string // chunks joined by " | "
	}{
		{"subject and object", "Israel struck Iran on Friday.", "struck", cMain, "Israel", "Iran"},
		{"a coordinated subject", "Poland, Hungary and the Czech Republic joined NATO on Friday.", "joined", cMain,
			"Poland | Hungary | the Czech Republic", "NATO"},
		{"past an apposition", "Kishida and his counterpart, Yun Byung-se, announced an accord on Monday.", "announced", cMain,
			"Kishida | his counterpart", "an accord"},
		{"past a relative clause", "Biden, who cut short a trip, spoke to Netanyahu on Saturday.", "spoke", cMain, "Biden", ""},
		{"past an adjunct between commas", "The embassy bombings, on Aug. 7, killed 247 people.", "killed", cMain,
			"The embassy bombings", "247 people"},
		{"past phrases of the subject", "The talks on Wednesday at Villa La Grange lasted three hours.", "lasted", cMain, "The talks", ""},
		{"a relative clause's subject is its noun", "The bombings which killed 224 people shocked Kenya.", "killed", cRelative,
			"The bombings", "224 people"},
		{"a relative clause's object is its noun", "The treaty which the two presidents signed collapsed.", "signed", cRelative,
			"the two presidents", "The treaty"},
		{"what was said", "Iran said on Monday that Israel had struck Tehran.", "struck", cComplement, "Israel", "Tehran"},
		{"what was said, without that", "Trump said the summit was back on.", "was", cComplement, "the summit", ""},
		{"a verb joined by and", "Merkel and Hollande flew to Kiev and met Putin.", "met", cCoordinate, "Merkel | Hollande", "Putin"},
		{"a clause joined by and", "Lukashenko held talks today, and the Wagner chief accepted a proposal.", "accepted", cMain,
			"the Wagner chief", "a proposal"},
		{"an infinitive", "The leaders agreed to meet in Minsk.", "meet", cInfinitive, "The leaders", ""},
		{"a participle before the subject", "Speaking to reporters on Saturday, Erdogan blamed Gulen.", "Speaking", cParticiple, "Erdogan", ""},
		{"a participle after a noun", "EU leaders meeting in Brussels endorsed the plan.", "meeting", cParticiple, "EU leaders", ""},
		{"a gerund after by", "Russia retaliated by ordering 23 diplomats out.", "ordering", cParticiple, "Russia", "23 diplomats"},
		{"an adverbial clause", "After the leaders met in Geneva, they signed a deal.", "met", cAdverbial, "the leaders", ""},
		{"a quantity", "More than 2,000 Catholic protesters rallied on Sunday.", "rallied", cMain, "More than 2,000 Catholic protesters", ""},
		{"an object after a date", "The IMF announced on Thursday a new loan program.", "announced", cMain, "The IMF", "a new loan program"},
		{"past places with their countries", "Bombings at embassies in Nairobi, Kenya, and Dar es Salaam, Tanzania, on Aug. 7 killed 224 people.",
			"killed", cMain, "Bombings", "224 people"},
		{"a past participle before by", "Israel thwarted an attack launched by Iran on Saturday.", "launched", cParticiple,
			"an attack", ""},
		{"the passive", "Sinn Fein was expelled from the talks on Feb. 20.", "expelled", cMain, "Sinn Fein", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := readSentence(t, tt.sentence)
			c := r.clauseWithVerb(t, tt.verb)
			if c.kind != tt.kind {
				t.Errorf("clause kind %s, want %s", clauseNames[c.kind], clauseNames[tt.kind])
			}
			if got := r.chunksOf(c.subj); got != tt.subj {
				t.Errorf("subject %q, want %q", got, tt.subj)
			}
			if got := r.chunksOf(c.obj); got != tt.obj {
				t.Errorf("object %q, want %q", got, tt.obj)
			}
		})
	}
}

// A clause's dates are its own: a date inside a noun phrase before its
// noun belongs to the noun.
func TestClauseDates(t *testing.T) {
	r := readSentence(t, "Mr. Trump ordered the June 21 bombing of Iran's sites on Thursday.")
	c := r.clauseWithVerb(t, "ordered")
	if got := r.chunksOf(c.dates); got != "Thursday" {
		t.Errorf("the clause's dates are %q, want Thursday", got)
	}
	for _, k := range c.obj {
		if ch := r.p.ch[k]; ch.date < 0 {
			t.Errorf("the object %q holds no date", r.text(ch.i, ch.j))
		}
	}
}
