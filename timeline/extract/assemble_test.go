package extract

import (
	"slices"
	"testing"

	"github.com/dateline/dateline/timeline"
)

// Events are assembled from a whole article: mentions of one occurrence
// merge, general words take the kind the article gives them elsewhere,
// and articles that are not about diplomacy stay silent.
func TestAssembly(t *testing.T) {
	pub := day(t, "2025-07-03")
	t.Run("a conversation is the call the article tells of", func(t *testing.T) {
		text := "President Donald Trump said on Thursday that a phone call with President Vladimir Putin of Russia had gone badly. " +
			"The impasse came during an hourlong conversation between the leaders on Thursday morning."
		res, err := Article(t.Context(), text, Options{Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		call := event(t, res, timeline.KindCall, "2025-07-03TMO")
		if !hasActors(call, "Donald Trump", "Vladimir Putin") {
			t.Errorf("call actors = %v", call.ActorNames())
		}
	})
	t.Run("leaders of two states who speak with no place named call", func(t *testing.T) {
		text := "US President Joe Biden spoke to Israeli Prime Minister Benjamin Netanyahu on Saturday night."
		res, err := Article(t.Context(), text, Options{Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		event(t, res, timeline.KindCall, "2025-06-28TNI")
	})
	t.Run("a place of what was discussed is no place of the talk", func(t *testing.T) {
		text := "President Joe Biden discussed the fighting in Gaza with Egyptian President Abdel Fattah al-Sisi on Thursday. " +
			"Secretary of State Antony Blinken discussed trade with Chinese Foreign Minister Qin Gang in Beijing on Sunday."
		res, err := Article(t.Context(), text, Options{Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		event(t, res, timeline.KindCall, "2025-07-03")
		event(t, res, timeline.KindMeeting, "2025-06-29")
	})
	t.Run("talks at a place were held in person", func(t *testing.T) {
		text := "President Joe Biden talked with President Vladimir Putin of Russia in Geneva on Wednesday."
		res, err := Article(t.Context(), text, Options{Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		event(t, res, timeline.KindMeeting, "2025-07-02")
	})
	t.Run("a strike with no target shares its sentence's", func(t *testing.T) {
		text := "President Donald Trump ordered the June 21 bombing of Iran's nuclear sites in support of the Israeli bombing campaign that began on June 13."
		res, err := Article(t.Context(), text, Options{Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		if e := event(t, res, timeline.KindStrike, "2025-06-13"); !hasActors(e, "Israel", "Iran") || e.Title != "Israel strikes Iran" {
			t.Errorf("campaign actors = %v, title %q", e.ActorNames(), e.Title)
		}
		// "in support of" the campaign names no place of the bombing
		if e := event(t, res, timeline.KindStrike, "2025-06-21"); e.Title != "Trump strikes Iran" {
			t.Errorf("bombing title %q, want %q", e.Title, "Trump strikes Iran")
		}
	})
	t.Run("the talks are those told before", func(t *testing.T) {
		text := "President Joe Biden and President Vladimir Putin of Russia agreed on Wednesday to return their ambassadors, " +
			"but their first summit produced few results. The talks on Wednesday lasted three hours."
		res, err := Article(t.Context(), text, Options{Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		if e := event(t, res, timeline.KindMeeting, "2025-07-02"); !hasActors(e, "Joe Biden", "Vladimir Putin") {
			t.Errorf("talks actors = %v", e.ActorNames())
		}
	})
	t.Run("a short article naming two states once each is not domestic news", func(t *testing.T) {
		text := "Russia's foreign ministry said on Monday that the U.S. ambassador had been summoned."
		res, err := Article(t.Context(), text, Options{Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		event(t, res, timeline.KindStatement, "2025-06-30")
	})
	t.Run("a visit goes to a region, or to a city named after of", func(t *testing.T) {
		text := "Secretary of State Madeleine Albright flew to East Africa on Tuesday. " +
			"President Vladimir Putin of Russia made a trip to the port city of Mariupol on Saturday."
		res, err := Article(t.Context(), text, Options{Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		event(t, res, timeline.KindVisit, "2025-07-01")
		if e := event(t, res, timeline.KindVisit, "2025-06-28"); !hasActors(e, "Vladimir Putin", "Ukraine") {
			t.Errorf("trip actors = %v", e.ActorNames())
		}
	})
	t.Run("arriving for a visit, at around a time", func(t *testing.T) {
		text := "Chinese President Xi Jinping arrived at the airport at around 11:30 a.m. Tuesday for his first state visit to the Philippines."
		res, err := Article(t.Context(), text, Options{Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		if e := event(t, res, timeline.KindVisit, "2025-07-01T11:30"); !hasActors(e, "Xi Jinping", "Philippines") {
			t.Errorf("visit actors = %v", e.ActorNames())
		}
	})
	t.Run("a visit needs a visitor and a destination", func(t *testing.T) {
		text := "The president arrived in Philadelphia on Friday. President Emil Kovac of Slovakia landed at the airport on Saturday. " +
			"Chief diplomats are flying to Geneva on Sunday to seal an accord."
		res, err := Article(t.Context(), text, Options{Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Events {
			t.Errorf("event %s %s %v: %q", e.Date.Value(), e.Kind, e.ActorNames(), e.Title)
		}
	})
	t.Run("news of the day takes the date the article tells after", func(t *testing.T) {
		text := "Foreign Minister Anna Berg of Sweden and her Finnish counterpart, Jussi Lehto, have held talks in Oslo, the ministry said Friday. " +
			"The top diplomats of the two nations held a meeting in Oslo on Thursday to discuss trade."
		res, err := Article(t.Context(), text, Options{Published: day(t, "2025-07-04")})
		if err != nil {
			t.Fatal(err)
		}
		var meetings []timeline.Event
		for _, e := range res.Events {
			if e.Kind == timeline.KindMeeting {
				meetings = append(meetings, e)
			}
		}
		if len(meetings) != 1 || meetings[0].Date.Value() != "2025-07-03" || !hasActors(meetings[0], "Anna Berg", "Jussi Lehto") {
			t.Errorf("meetings = %+v, want one on 2025-07-03 between Berg and Lehto", meetings)
		}
	})
	t.Run("an event told twice is one, with both as evidence", func(t *testing.T) {
		text := "Chancellor Karl Beispiel met Prime Minister Laszlo Minta on Thursday in Vienna. " +
			"The talks between Beispiel and Minta on Thursday lasted three hours."
		res, err := Article(t.Context(), text, Options{Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Events) != 1 || len(res.Events[0].Mentions) != 2 {
			t.Errorf("events %+v, want one meeting with two mentions", res.Events)
		}
	})
	t.Run("an event told by its month is the one of a day in it", func(t *testing.T) {
		text := "Bombs exploded at the U.S. embassies in Kenya and Tanzania on Aug. 7, 2025. " +
			"Foreign Minister Don McKinnon of New Zealand said on Tuesday that the bombings this month of U.S. embassies in Kenya and Tanzania showed the danger."
		res, err := Article(t.Context(), text, Options{Published: day(t, "2025-08-20")})
		if err != nil {
			t.Fatal(err)
		}
		var strikes []timeline.Event
		for _, e := range res.Events {
			if e.Kind == timeline.KindStrike {
				strikes = append(strikes, e)
			}
		}
		if len(strikes) != 1 || strikes[0].Date.Value() != "2025-08-07" || len(strikes[0].Mentions) != 2 {
			t.Errorf("strikes = %+v, want one of 2025-08-07 told twice", strikes)
		}
	})
	t.Run("a bare date after an event noun leaves its parties to it", func(t *testing.T) {
		text := "The officials took part in talks Sunday in Sanaa between the rebels and UN envoy Ismail Ould Cheikh Ahmed."
		res, err := Article(t.Context(), text, Options{Published: day(t, "2016-03-22")})
		if err != nil {
			t.Fatal(err)
		}
		if e := event(t, res, timeline.KindMeeting, "2016-03-20"); !hasActors(e, "Ismail Ould Cheikh Ahmed") {
			t.Errorf("talks actors = %v", e.ActorNames())
		}
	})
	t.Run("they are the parties the sentence before named", func(t *testing.T) {
		text := "Prime Minister Narendra Modi and US President Donald Trump held a telephonic conversation last evening. " +
			"They met for a trilateral forum with Japan in Argentina in November."
		res, err := Article(t.Context(), text, Options{Published: day(t, "2019-01-09")})
		if err != nil {
			t.Fatal(err)
		}
		if e := event(t, res, timeline.KindMeeting, "2018-11"); !hasActors(e, "Narendra Modi", "Donald Trump") {
			t.Errorf("meeting actors = %v", e.ActorNames())
		}
	})
	t.Run("saying that an event happened is no event of its own", func(t *testing.T) {
		tests := []struct {
			text  string
			kinds []timeline.Kind
		}{
			{"The United States and Russia have agreed on a plan to destroy Syria's chemical weapons, Secretary of State John Kerry said on Saturday.",
				[]timeline.Kind{timeline.KindAgreement}},
			{"Iran and six world powers have reached an agreement on a nuclear deal, EU foreign policy chief Catherine Ashton said on Sunday.",
				[]timeline.Kind{timeline.KindAgreement}},
			// what a reaction is about is not what it reports
			{"South Africa deplored on Friday the bomb blasts which killed scores of people outside the embassy of the United States in Kenya earlier that day.",
				[]timeline.Kind{timeline.KindStatement, timeline.KindStrike}},
		}
		for _, tt := range tests {
			res, err := Article(t.Context(), tt.text, Options{Published: pub})
			if err != nil {
				t.Fatal(err)
			}
			var got []timeline.Kind
			for _, e := range res.Events {
				got = append(got, e.Kind)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.kinds) {
				t.Errorf("%q: kinds %v, want %v", tt.text, got, tt.kinds)
			}
		}
	})
}

// News that is not about diplomacy gives no events: companies, courts,
// markets, sport.
func TestSilenceOnOtherNews(t *testing.T) {
	stories := map[string]string{
		"business": "Orkem S.A. and Coates said on Wednesday that the two were considering a merger. " +
			"Control Data reported third-quarter earnings of $9.8 million on Monday. Paribas said on Monday that it intends to bid for a stake in Navigation Mixte.",
		"sport": "Manchester United beat Liverpool 2-1 on Saturday. The manager said on Sunday that the team had played well. " +
			"The two clubs will meet again in the cup final in May.",
		"courts": "A jury convicted John Smith of fraud on Tuesday. His lawyer said on Wednesday that he would appeal. " +
			"The judge set sentencing for next month.",
		"weather": "A storm hit the coast on Monday, cutting power to thousands of homes. Forecasters said on Tuesday that more rain would come.",
		"one country's politics": "U.S. Senator John Smith said on Monday that the budget bill would pass the Senate. " +
			"The White House said on Tuesday that the president would sign it. Lawmakers in Washington said on Wednesday that the vote was close.",
		"a town's council": "Members of the Lake Charles City Council voted yes on the proposal during Tuesday's special session. " +
			"The City Council will meet again on Friday to approve the budget.",
		"a storm and a governor": "Hurricane Florence struck the coast of North Carolina on Friday. " +
			"\"Do not go back yet,\" North Carolina Gov. Roy Cooper said on Monday.",
		"an investigation of a bombing abroad": "Kenyan police said on Tuesday they had arrested 14 foreigners in their search for the bombers of the U.S. embassy. " +
			"The FBI and Tanzanian investigators said on Wednesday that a suspect had not admitted any role. " +
			"The evidence is being analyzed, FBI spokesman Tom Smith said on Monday. " +
			"The suspect from Tanzania will appear before a U.S. judge, according to a statement today by U.S. Attorney Mary Jo White.",
	}
	for name, text := range stories {
		t.Run(name, func(t *testing.T) {
			res, err := Article(t.Context(), text, Options{Published: day(t, "2025-07-03")})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range res.Events {
				t.Errorf("event %s %s %v: %q", e.Date.Value(), e.Kind, e.ActorNames(), e.Title)
			}
		})
	}
}

func TestTitles(t *testing.T) {
	tests := []struct {
		sentence, want string
	}{
		{"Israel struck Iran on Friday.", "Israel strikes Iran"},
		{"Armenia and Azerbaijan reached a peace deal on Friday.", "Armenia and Azerbaijan reach peace deal"},
		{"Secretary of State Madeleine Albright visited Kenya and Tanzania on Tuesday.", "Albright visits Kenya and Tanzania"},
		{"Russian President Vladimir Putin met Chinese President Xi Jinping on Monday. Xi thanked Putin on Tuesday.", "Putin and Xi meet"},
		{"Britain expelled 23 Russian diplomats on Wednesday.", "UK expels 23 Russian diplomats"},
		{"Iran condemned Iraq's invasion of Kuwait on Thursday.", "Iran condemns Iraq's invasion of Kuwait"},
		{"Secretary of State Marco Rubio took office in January.", "Rubio takes office"},
		{"Italian Prime Minister Matteo Renzi resigned on Friday.", "Renzi resigns"},
		{"President Barack Obama said on Tuesday the deal ensures that Iran will not get a nuclear weapon.", "Obama says deal ensures that Iran will not get a nuclear weapon"},
		{"The resignation of Sri Lankan President Gotabaya Rajapaksa on Thursday ended months of protests.", "Rajapaksa resigns"},
		{"Prime Minister Narendra Modi and US President Donald Trump held a telephonic conversation last evening.", "Modi and Trump speak by phone"},
		{"Russian President Vladimir Putin signed a treaty with Crimean officials on Tuesday.", "Putin signs treaty"},
		{"Turkey joined NATO in 1952.", "Turkey joins NATO"},
		{"Russian President Vladimir Putin congratulated Chinese President Xi Jinping on his reelection on Friday.", "Putin congratulates Chinese President Xi Jinping"},
		{"Russia vetoed a UN Security Council resolution on Ukraine on Friday.", "Russia vetoes UN Security Council resolution"},
		{"Gunmen assassinated Haitian President Jovenel Moise on Wednesday.", "Gunmen kill Moise"},
		{"The European Union widened its sanctions against Iran on Tuesday.", "EU widens its sanctions"},
		{"Chinese Foreign Minister Wang Yi voiced concern over the strikes on Wednesday.", "Wang voices concern"},
		{"Chinese Foreign Minister Wang Yi met Secretary of State Antony Blinken in Munich on Saturday.", "Wang and Blinken meet"},
		{"Taliban militants on Sunday took over the Afghan capital.", "Taliban takes over Afghanistan"},
		{"Rebels took over Kabul on Monday.", "Rebels take over Afghanistan"},
		{"Secretary of State John Kerry attended talks in Geneva on Sunday.", "Kerry holds talks"},
		{"The United States and Britain struck 36 Houthi targets in Yemen on Saturday.", "US and UK strike Houthis and Yemen"},
		{"President Bush said on Tuesday that the United States may extend its naval quarantine to Jordan's Red Sea port.",
			"Bush says United States may extend its naval quarantine to Jordan"},
	}
	for _, tt := range tests {
		res, err := Article(t.Context(), tt.sentence, Options{Published: day(t, "2025-07-03")})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Events) == 0 {
			t.Errorf("%q: no event", tt.sentence)
			continue
		}
		if got := res.Events[0].Title; got != tt.want {
			t.Errorf("%q: title %q, want %q", tt.sentence, got, tt.want)
		}
	}
}
