package extract

import (
	"testing"

	"github.com/dateline/dateline/timeline"
)

// A word's sense comes from its frame: what stands around it decides
// whether "strike" is an attack or an agreement, and who acts on whom.
func TestFrames(t *testing.T) {
	tests := []struct {
		name, sentence, trigger string
		kind                    timeline.Kind
		source, target          []string // among the frame's actors
	}{
		{"strike a target", "Israel struck Iran on Friday.", "struck", timeline.KindStrike, []string{"Israel"}, []string{"Iran"}},
		{"strike a deal", "Iran struck a deal with six powers on Friday.", "deal", timeline.KindAgreement, []string{"Iran"}, nil},
		{"a deal struck", "Iran rejected an interim deal struck in Geneva.", "deal", timeline.KindAgreement, nil, nil},
		{"hold talks", "Xi Jinping held talks with Vladimir Putin on Monday.", "talks", timeline.KindMeeting, []string{"Xi Jinping"}, []string{"Putin"}},
		{"launch strikes on", "Israel launched strikes on Iran on Friday.", "strikes", timeline.KindStrike, []string{"Israel"}, []string{"Iran"}},
		{"a campaign against", "Israel's campaign against Iran began on June 13.", "campaign", timeline.KindStrike,
			[]string{"Israel"}, []string{"Iran"}},
		{"expel, in the passive", "Russian diplomats were expelled by Britain on Wednesday.", "expelled", timeline.KindSanction,
			[]string{"United Kingdom"}, []string{"Russia"}},
		{"order diplomats out", "Russia retaliated by ordering 23 British diplomats out.", "ordering", timeline.KindSanction,
			[]string{"Russia"}, []string{"United Kingdom"}},
		{"speak by phone", "Emmanuel Macron spoke by phone with Olaf Scholz on Tuesday.", "spoke", timeline.KindCall, []string{"Macron"}, []string{"Scholz"}},
		{"a phone call between", "A phone call between Donald Trump and Vladimir Putin took place on Thursday.", "call", timeline.KindCall,
			nil, []string{"Trump", "Putin"}},
		{"become a member of", "Sweden became a member of NATO on Thursday.", "became", timeline.KindAgreement,
			[]string{"Sweden"}, []string{"NATO"}},
		{"a statement's speaker and what it is about", "The Security Council condemned the bombing of the U.S. embassy on Thursday.",
			"condemned", timeline.KindStatement, []string{"United Nations"}, []string{"United States"}},
		{"an explosion with a weapon as subject", "A car bomb exploded outside the embassy in Nairobi on Friday.", "exploded",
			timeline.KindStrike, nil, nil},
		{"a visit to a place", "Madeleine Albright flew to Nairobi on Tuesday.", "flew", timeline.KindVisit, []string{"Albright"}, nil},
		{"a coup d'etat", "Hun Sen staged a coup d'etat against Prince Norodom Ranariddh in July 1997.", "d'etat", timeline.KindLeadership,
			[]string{"Hun Sen"}, []string{"Ranariddh"}},
		{"conduct a conversation by phone", "Vladimir Putin and Barack Obama conducted a telephone conversation on Wednesday.", "conversation",
			timeline.KindCall, []string{"Putin", "Obama"}, nil},
		{"a call in scare quotes", "Vladimir Putin and Donald Trump discussed Iran on Monday during a \"frank and constructive\" telephone call.",
			"call", timeline.KindCall, []string{"Putin", "Trump"}, nil},
		{"whom the subject acts on in a call", "Donald Trump congratulated Vladimir Putin on his victory in a phone call on Tuesday.", "call",
			timeline.KindCall, []string{"Trump"}, []string{"Putin"}},
		{"a crowd on the streets", "Tens of thousands of demonstrators packed the streets of Tehran on Monday.", "packed",
			timeline.KindProtest, []string{"Protesters"}, nil},
		{"accept a call from", "Hassan Rouhani accepted a call from Barack Obama in September.", "accepted", timeline.KindCall,
			[]string{"Rouhani"}, []string{"Obama"}},
		{"the parties of what was cut", "Ties between Iran and the United States were severed in 1979.",
			"severed", timeline.KindSanction, nil, []string{"Iran", "United States"}},
		{"summon an ambassador", "France on Tuesday summoned the Russian ambassador.", "summoned", timeline.KindStatement,
			[]string{"France"}, []string{"Russia"}},
		{"a measure of an event", "The Treasury Department announced a series of new sanctions against Russia on Thursday.", "sanctions",
			timeline.KindSanction, []string{"Treasury Department"}, []string{"Russia"}},
		{"aid in an amount", "Germany pledged $500 million in military aid to Ukraine on Tuesday.", "aid", timeline.KindAid,
			[]string{"Germany"}, []string{"Ukraine"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := readSentence(t, tt.sentence)
			f := r.frameOf(t, tt.trigger)
			if f.kind != tt.kind {
				t.Errorf("kind %s, want %s", f.kind, tt.kind)
			}
			src, tgt := r.actorNames(f.source), r.actorNames(f.target)
			for _, w := range tt.source {
				if !hasName(src, w) {
					t.Errorf("source %v, want %s among them", src, w)
				}
			}
			for _, w := range tt.target {
				if !hasName(tgt, w) {
					t.Errorf("target %v, want %s among them", tgt, w)
				}
			}
		})
	}
}

// Words with no frame in their place make no event: sense is decided by
// the frames' constraints, never by a word alone.
func TestNoFrame(t *testing.T) {
	tests := []struct{ name, sentence, trigger string }{
		{"an agreement to meet is a plan to meet", "The four leaders agreed on Sunday to meet in Minsk.", "agreed"},
		{"signing a law is no agreement", "The president signed the bill into law on Monday.", "signed"},
		{"claiming lives is no statement", "The blast claimed 12 lives on Monday.", "claimed"},
		{"a labour strike is no attack", "Dockers began a general strike on Monday.", "strike"},
		{"seizing weapons is no attack", "Police seized a car bomb on Sunday.", "seized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := readSentence(t, tt.sentence)
			for _, f := range r.frames {
				if r.a.words[f.trigger].Text == tt.trigger {
					t.Errorf("%q made a %s frame", tt.trigger, f.kind)
				}
			}
		})
	}
}
