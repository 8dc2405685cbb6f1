package extract

import (
	"strings"
	"testing"
)

// Mentions compose names, offices and countries: one mention for
// "Iranian Foreign Minister Mohammad Javad Zarif", a person of Iran.
func TestMentions(t *testing.T) {
	tests := []struct {
		name, text string
		mention    string // the mention's words
		kind       mentionKind
		actor      string // the actor it stands for, "" for none
		country    string
	}{
		{"an office, a people and a name", "Iranian Foreign Minister Mohammad Javad Zarif met envoys on Monday.",
			"Iranian Foreign Minister Mohammad Javad Zarif", mPerson, "Mohammad Javad Zarif", "Iran"},
		{"a country after the name", "President Vladimir V. Putin of Russia called on Monday.",
			"President Vladimir V. Putin of Russia", mPerson, "Vladimir Putin", "Russia"},
		{"a name with its country", "Talks between Anna Berg of Sweden and France ended on Monday.",
			"Anna Berg of Sweden", mPerson, "Anna Berg", "Sweden"},
		{"a plural office is each name's", "Foreign Ministers Anna Berg of Sweden and Jean Martin of France met on Monday.",
			"Jean Martin of France", mPerson, "Jean Martin", "France"},
		{"a portfolio before the office", "The envoy met Trade Minister Joseph Kimotho on Monday.",
			"Trade Minister Joseph Kimotho", mPerson, "Joseph Kimotho", ""},
		{"a portfolio opening the sentence", "Finance Minister Anna Berg of Sweden resigned on Monday.",
			"Finance Minister Anna Berg of Sweden", mPerson, "Anna Berg", "Sweden"},
		{"a region is no actor", "The Soviet Union sent an envoy to the Middle East on Monday.", "Middle East", mPlace, "", ""},
		{"a name that begins with a place", "The Black Sea Trade Commission met on Monday.", "Black Sea Trade Commission", mOrg,
			"Black Sea Trade Commission", ""},
		{"a body's name goes on after of", "The Union of Baltic Ports said on Monday that talks ended.", "Union of Baltic Ports", mOrg,
			"Union of Baltic Ports", ""},
		{"an unknown name after in is a place", "President Clinton told reporters in the Rose Garden on Wednesday.", "Rose Garden", mPlace, "", ""},
		{"a possessive country's place", "Bush may extend the quarantine to Jordan's Red Sea port on Monday.", "Red Sea", mPlace, "", ""},
		{"a country joined to a noun", "The U.S. attacked a Syria-government airfield on Thursday.", "Syria-government", mPeople, "Syria", "Syria"},
		{"a country that backs is no party", "Iran-backed militias fired rockets on Friday.", "Iran-backed", mThing, "", "Iran"},
		{"a people's body by its name", "The rebel Tigray People's Liberation Front signed the accord on Friday.",
			"Tigray People's Liberation Front", mOrg, "Tigray People's Liberation Front", ""},
		{"a possessive country", "Iraq's Saddam Hussein spoke on Thursday.", "Iraq's Saddam Hussein", mPerson, "Saddam Hussein", "Iraq"},
		{"a courtesy title and a name written as a word", "Mrs May told MPs on Monday that Russia was responsible.",
			"Mrs May", mPerson, "May", ""},
		{"an office with no name stands for its state", "The foreign minister of Estonia resigned on Friday.",
			"foreign minister of Estonia", mRole, "Estonia", "Estonia"},
		{"a body of a country", "Iraqi military authorities ordered Americans out on Thursday.",
			"authorities", mAgent, "Iraq", "Iraq"},
		{"a body by its name", "U.S. State Department officials said on Monday that visas were granted.",
			"U.S. State Department officials", mAgent, "State Department", "United States"},
		{"a seat of government", "The Kremlin said on Monday that talks were useful.", "Kremlin", mSeat, "Russia", "Russia"},
		{"a place is no actor", "The talks in Kharkiv ended on Monday.", "Kharkiv", mPlace, "", "Ukraine"},
		{"a place takes the region after it", "A bomb hit a clinic in Birmingham, Ala., on Monday.", "Birmingham", mPlace, "", "United States"},
		{"a people before a business is no state", "A British subsidiary was sold on Monday.", "British", mThing, "", "United Kingdom"},
		{"a people before a rebel group is a group", "A Cambodian resistance force said on Thursday it had left.",
			"Cambodian resistance", mGroup, "Cambodian resistance", ""},
		{"a group by its faith", "Catholic protesters rallied on Sunday.", "Catholic protesters", mGroup, "Catholics", ""},
		{"fighters of a named group are that group", "Hamas militants attacked Israel on Monday.", "Hamas militants", mGroup, "Hamas", ""},
		{"a news agency is no actor", "The Middle East News Agency said on Thursday that talks ended.",
			"Middle East News Agency", mThing, "", ""},
		{"a company is no actor", "Orkem S.A. said on Monday it would merge.", "Orkem S.A.", mThing, "", ""},
		{"an acronym in capitals only", "Officials met us on Monday.", "us", 0, "", ""},
		{"an unknown name of two words", "Sinn Fein was expelled from the talks on Friday.", "Sinn Fein", mName, "Sinn Fein", ""},
		{"one unknown word used once is a fragment", "He stood in the Olympic stadium on Friday.", "Olympic", mName, "", ""},
		{"a common noun opening a sentence is no name", "Rocket attacks by Hamas resumed on Thursday.", "Rocket", 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := readSentence(t, tt.text)
			found := r.mention(tt.mention)
			if tt.kind == 0 {
				if found != nil {
					t.Errorf("%q is a mention: %+v", tt.mention, found)
				}
				return
			}
			if found == nil {
				var all []string
				for _, m := range r.s.mentions {
					all = append(all, r.text(m.i, m.j))
				}
				t.Fatalf("no mention %q among %q", tt.mention, all)
			}
			if found.kind != tt.kind {
				t.Errorf("kind %s, want %s", mentionNames[found.kind], mentionNames[tt.kind])
			}
			act, ok := found.actor()
			if tt.actor == "" && ok || tt.actor != "" && act.Name != tt.actor {
				t.Errorf("actor %q (%v), want %q", act.Name, ok, tt.actor)
			}
			country := found.country
			if found.person != nil {
				country = found.person.country
			}
			if country != tt.country {
				t.Errorf("country %q, want %q", country, tt.country)
			}
		})
	}
}

// People are one person however the article names them later.
func TestCoreference(t *testing.T) {
	tests := []struct {
		name, text, last string // the mention in the last sentence
		want             string
	}{
		{"a surname", "Russian President Vladimir Putin arrived on Monday. Putin met Xi on Tuesday.", "Putin", "Vladimir Putin"},
		{"a courtesy title", "Iranian Foreign Minister Mohammad Javad Zarif arrived on Monday. Mr. Zarif met envoys on Tuesday.",
			"Mr. Zarif", "Mohammad Javad Zarif"},
		{"an office", "Iranian Foreign Minister Mohammad Javad Zarif arrived on Monday. The minister met envoys on Tuesday.",
			"minister", "Mohammad Javad Zarif"},
		{"a family name written first", "North Korean leader Kim Jong Un arrived on Monday. Kim met Trump on Tuesday.", "Kim", "Kim Jong Un"},
		{"a name in apposition to an office", "His South Korean counterpart, Yun Byung-se, spoke on Monday.", "Yun Byung-se", "Yun Byung-se"},
		{"another first name is another person", "President Fidel Castro spoke on Monday. Juanita Castro left on Tuesday.",
			"Juanita Castro", "Juanita Castro"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := readText(t, tt.text, "2025-07-03")
			r := rs[len(rs)-1]
			for _, m := range r.s.mentions {
				if r.text(m.i, m.j) != tt.last {
					continue
				}
				if m.person == nil || m.person.name != tt.want {
					t.Errorf("%q is %+v, want %s", tt.last, m.person, tt.want)
				}
				return
			}
			t.Fatalf("no mention %q", tt.last)
		})
	}
}

// "The two leaders" are the two people of state the article is about;
// "he" the subject of the sentence before.
func TestPeopleByRole(t *testing.T) {
	rs := readText(t, "Russian President Vladimir Putin met Chinese President Xi Jinping on Monday. "+
		"The two leaders signed a treaty on Tuesday. He said it was historic.", "2025-07-03")
	frame := rs[1].frameOf(t, "treaty") // "signed" carries it
	if got := rs[1].actorNames(frame.source); !hasName(got, "Putin") || !hasName(got, "Xi Jinping") {
		t.Errorf("the two leaders = %v", got)
	}
	said := rs[2].frameOf(t, "said")
	if got := rs[2].actorNames(said.source); len(got) != 1 || got[0] != "Vladimir Putin" {
		t.Errorf("he = %v, want the subject of the sentence before", got)
	}
}

// A name written short means the person the article has named in full:
// a surname its holder, a first name the person the article calls by it.
func TestPeopleByShortName(t *testing.T) {
	tests := []struct {
		name, text, word, want string
	}{
		{"a surname", "President Vladimir Putin of Russia spoke on Monday. Putin said on Tuesday that talks would go on.",
			"Putin", "Vladimir Putin"},
		{"a first name", "Bashar al-Assad fled on Sunday. Bashar was seen in Moscow on Monday.", "Bashar", "Bashar al-Assad"},
		{"a surname with its particle", "President Bashar al-Assad of Syria fled on Sunday. On Monday, al-Assad was seen in Moscow.",
			"al-Assad", "Bashar al-Assad"},
		{"a surname the article shares between two", "Elian Gonzalez stayed in Miami. His father, Juan Miguel Gonzalez, asked for him. " +
			"Elian played on Monday. Gonzalez said on Tuesday that he would fly to Miami.", "Gonzalez", "Juan Miguel Gonzalez"},
		{"a surname after an office", "Chinese President Xi Jinping arrived on Tuesday. President Xi was welcomed by the minister.", "President Xi",
			"Xi Jinping"},
		{"a king by his given name is not the surname's holder", "Iraq's Saddam Hussein spoke on Monday. King Hussein of Jordan replied on Tuesday.",
			"King Hussein of Jordan", "Hussein"},
		{"a full name is not another full name", "Fidel Castro spoke on Monday. Juanita Castro left Cuba in 1964.", "Juanita Castro",
			"Juanita Castro"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := readText(t, tt.text, "2025-07-03")
			m := rs[len(rs)-1].mention(tt.word)
			if m == nil {
				t.Fatalf("no mention %q in the last sentence", tt.word)
			}
			if m.person == nil || m.person.name != tt.want {
				t.Errorf("%q is %+v, want %s", tt.word, m.person, tt.want)
			}
		})
	}
}

// A leader the article names without a country is known by name:
// "President Bush" speaks for the United States. A surname alone counts
// only after an office of state, and only when one country's leader has
// it.
func TestKnownLeaders(t *testing.T) {
	tests := []struct {
		name, text, mention, country string
	}{
		{"a full name", "Fidel Castro spoke on Monday.", "Fidel Castro", "Cuba"},
		{"written with accents", "François Mitterrand spoke on Monday.", "François Mitterrand", "France"},
		{"a surname after a head's office", "President Bush spoke on Monday.", "President Bush", "United States"},
		{"a surname after another office", "Governor Brown spoke on Monday.", "Governor Brown", ""},
		{"a surname two countries' leaders share", "Prime Minister Johnson spoke on Monday.", "Prime Minister Johnson", ""},
		{"a king by his first name", "King Hussein spoke on Monday.", "King Hussein", ""},
		{"the article's word first", "Chinese Premier Li Peng met Prime Minister Tony Blair on Monday.", "Prime Minister Tony Blair",
			"United Kingdom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := readSentence(t, tt.text).mention(tt.mention)
			if m == nil {
				t.Fatalf("no mention %q", tt.mention)
			}
			if m.person == nil || m.person.country != tt.country {
				t.Errorf("%q is %+v, want a person of %q", tt.mention, m.person, tt.country)
			}
		})
	}
}

// "The two leaders" and "the two countries" are the pair the article is
// about at that point: people of state named in the sentence or the one
// before, else those it names most, and their states.
func TestThePair(t *testing.T) {
	tests := []struct {
		name, text, mention string
		want                []string
	}{
		{"the two leaders named last", "President Vladimir Putin of Russia spoke on Monday. Putin spoke again on Tuesday. " +
			"Prime Minister Ulf Kristersson of Sweden travelled to Budapest to see Prime Minister Viktor Orban of Hungary. " +
			"There the two leaders announced a deal.",
			"two leaders", []string{"Ulf Kristersson", "Viktor Orban"}},
		{"the two countries of the leaders", "President Hassan Rouhani of Iran spoke with President Barack Obama on Friday. " +
			"Ties between the two countries were severed in 1979.", "two countries", []string{"Iran", "United States"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := readText(t, tt.text, "2025-07-03")
			m := rs[len(rs)-1].mention(tt.mention)
			if m == nil {
				t.Fatalf("no mention %q", tt.mention)
			}
			var got []string
			for _, x := range m.persons {
				got = append(got, x.name)
			}
			for _, x := range m.group {
				got = append(got, x.Name)
			}
			if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
				t.Errorf("%q is %v, want %v", tt.mention, got, tt.want)
			}
		})
	}
}
