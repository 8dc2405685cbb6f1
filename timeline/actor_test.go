package timeline

import (
	"slices"
	"testing"
)

func TestAliasKeyFoldsWhatDoesNotMakeAnotherName(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Vladimir Putin", "vladimir  PUTIN"},
		{"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"},
		{"François Hollande", "Francois Hollande"},
		{"U.S.", "US"},
		{"Vladimir V. Putin", "Vladimir V Putin"},
	}
	for _, tt := range tests {
		if AliasKey(tt.a) != AliasKey(tt.b) {
			t.Errorf("AliasKey(%q) = %q, AliasKey(%q) = %q; want them equal", tt.a, AliasKey(tt.a), tt.b, AliasKey(tt.b))
		}
	}
	if AliasKey("Putin") == AliasKey("Putina") {
		t.Error("different names have one key")
	}
}

func TestPlainNameAndSurname(t *testing.T) {
	tests := []struct{ name, plain, surname string }{
		{"Vladimir Putin", "Vladimir Putin", "Putin"},
		{"Mr. Putin", "Putin", ""},
		{"Vladimir V. Putin", "Vladimir Putin", "Putin"},
		{"Dr. Martin Luther King Jr.", "Martin Luther King Jr.", "King"},
		{"Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", "Erdoğan"},
		{"Putin", "Putin", ""},
		{"Mr.", "Mr.", ""}, // a title alone stays a name
	}
	for _, tt := range tests {
		if got := PlainName(tt.name); got != tt.plain {
			t.Errorf("PlainName(%q) = %q, want %q", tt.name, got, tt.plain)
		}
		if got := Surname(tt.name); got != tt.surname {
			t.Errorf("Surname(%q) = %q, want %q", tt.name, got, tt.surname)
		}
	}
}

func TestActorAliases(t *testing.T) {
	tests := []struct {
		name    string
		actor   Actor
		written string
		want    []Alias
	}{
		{"a person: name and surname", Actor{Name: "Vladimir Putin", Kind: ActorPerson}, "Vladimir Putin",
			[]Alias{{Name: "Vladimir Putin"}, {Name: "Putin", Surname: true}}},
		{"written otherwise: kept too", Actor{Name: "Vladimir Putin", Kind: ActorPerson}, "Vladimir V. Putin",
			[]Alias{{Name: "Vladimir Putin"}, {Name: "Vladimir V. Putin"}, {Name: "Putin", Surname: true}}},
		{"a country has no surname", Actor{Name: "South Sudan", Kind: ActorCountry}, "",
			[]Alias{{Name: "South Sudan"}}},
		{"a person of one name", Actor{Name: "Prigozhin", Kind: ActorPerson}, "prigozhin",
			[]Alias{{Name: "Prigozhin"}}},
	}
	for _, tt := range tests {
		if got := ActorAliases(tt.actor, tt.written); !slices.Equal(got, tt.want) {
			t.Errorf("%s: ActorAliases = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// stored is a small store of aliases for the resolution tests.
var stored = []struct {
	id    int64
	actor Actor
}{
	{1, Actor{Name: "Vladimir Putin", Kind: ActorPerson}},
	{2, Actor{Name: "Sudan", Kind: ActorCountry}},
	{3, Actor{Name: "George Bush", Kind: ActorPerson}},
	{4, Actor{Name: "George W. Bush", Kind: ActorPerson}},
	{5, Actor{Name: "United States", Kind: ActorCountry}},
	{6, Actor{Name: "Kim Jong Un", Kind: ActorPerson}},
	{7, Actor{Name: "United Nations", Kind: ActorOrganisation}},
	{8, Actor{Name: "Bush", Kind: ActorPerson}},
}

// canonical stands in for the extractor's gazetteer.
func canonical(name string) string {
	switch AliasKey(name) {
	case "us", "america":
		return "United States"
	case "un":
		return "United Nations"
	}
	return name
}

func resolve(name string, kind ActorKind, without ...int64) ([]int64, bool) {
	lookups := NameLookups(name, kind, canonical)
	var found []AliasMatch
	for _, s := range stored {
		if slices.Contains(without, s.id) {
			continue
		}
		for _, a := range ActorAliases(s.actor, "") {
			k := AliasKey(a.Name)
			if slices.ContainsFunc(lookups, func(l NameLookup) bool { return l.Key == k }) {
				found = append(found, AliasMatch{Key: k, ActorID: s.id, Kind: s.actor.Kind, Surname: a.Surname})
			}
		}
	}
	return ResolveName(lookups, found)
}

func TestResolveNameFindsTheActorAnyAliasNames(t *testing.T) {
	tests := []struct {
		name      string
		written   string
		kind      ActorKind
		without   []int64 // actors not stored for this row
		want      []int64
		bySurname bool
	}{
		{"the canonical name", "Vladimir Putin", ActorPerson, nil, []int64{1}, false},
		{"another case and spacing", "vladimir  putin", ActorUnknown, nil, []int64{1}, false},
		{"the surname alone", "Putin", ActorUnknown, nil, []int64{1}, true},
		{"Mr. and the surname", "Mr. Putin", ActorPerson, nil, []int64{1}, true},
		{"a middle initial", "Vladimir V. Putin", ActorPerson, nil, []int64{1}, false},
		{"an office and a demonym before the name", "Russian President Vladimir Putin", ActorPerson, nil, []int64{1}, false},
		{"an office before the surname", "President Putin", ActorUnknown, nil, []int64{1}, true},
		{"a gazetteer name", "U.S.", ActorUnknown, nil, []int64{5}, false},
		{"a gazetteer abbreviation that is also a surname", "UN", ActorUnknown, nil, []int64{7}, false},
		{"a country's tail is no person", "South Sudan", ActorCountry, nil, nil, false},
		{"a name's tail finds people only", "South Sudan", ActorUnknown, nil, nil, false},
		{"an actor called by the surname wins over surnames", "Bush", ActorPerson, nil, []int64{8}, false},
		{"a shared surname names them all", "Bush", ActorPerson, []int64{8}, []int64{3, 4}, true},
		{"an unknown name", "Angela Merkel", ActorPerson, nil, nil, false},
		{"an empty name", "  ", ActorPerson, nil, nil, false},
	}
	for _, tt := range tests {
		got, bySurname := resolve(tt.written, tt.kind, tt.without...)
		if !slices.Equal(got, tt.want) || bySurname != tt.bySurname {
			t.Errorf("%s: %q resolves to %v (by surname %v), want %v (%v)", tt.name, tt.written, got, bySurname, tt.want, tt.bySurname)
		}
	}
}
