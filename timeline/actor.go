package timeline

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ActorRecord is a stored actor as an identity: one real person, country,
// organisation or group, under its canonical name (Actor.Name), with the
// other names it is known by and how many events it takes part in.
type ActorRecord struct {
	ID int64
	Actor
	// Country is the country a person acts for ("Russia" for Vladimir
	// Putin), "" when unknown or not a person.
	Country string
	// Aliases are the names the actor is found under, its canonical name
	// first.
	Aliases []Alias
	Events  int
}

// Alias is a name an actor is found under: a name it was written or
// called by, or a person's surname, which alone may be shared.
type Alias struct {
	Name    string
	Surname bool
}

// AliasKey is the form under which actors' names are looked up: ActorKey
// also without accents and full stops, so that "Erdoğan" is "Erdogan" and
// "Vladimir V. Putin" is "Vladimir V Putin".
func AliasKey(name string) string {
	if isASCII(name) && !strings.Contains(name, ".") {
		return ActorKey(name)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		if r == '.' || unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// courtesy are the words before a name that are no part of it: "Mr.
// Putin" is Putin. Offices ("President") are not here: a written name
// with one finds its person through the shorter tails of the name (see
// NameLookups), and the extractor writes names without them.
var courtesy = []string{"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor"}

// generational are the words after a surname that are no surname.
var generational = []string{"jr", "sr", "ii", "iii", "iv"}

// WithoutCourtesy is a person's name without courtesy titles before it:
// "Mr. Putin" is "Putin".
func WithoutCourtesy(name string) string {
	words := strings.Fields(name)
	for len(words) > 1 && slices.Contains(courtesy, AliasKey(words[0])) {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// PlainName is a person's name without courtesy titles before it and
// without middle initials: "Mr. Vladimir V. Putin" is "Vladimir Putin".
func PlainName(name string) string {
	words := strings.Fields(WithoutCourtesy(name))
	if len(words) > 2 {
		kept := []string{words[0]}
		for _, w := range words[1 : len(words)-1] {
			if !initial(w) {
				kept = append(kept, w)
			}
		}
		words = append(kept, words[len(words)-1])
	}
	return strings.Join(words, " ")
}

// initial reports whether w is a middle initial: "V." or "V".
func initial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// Surname is what news calls a person by alone: the last word of the
// name (before "Jr." and the like), "" for a name of one word.
func Surname(name string) string {
	words := strings.Fields(PlainName(name))
	if n := len(words); n >= 3 && slices.Contains(generational, AliasKey(strings.Trim(words[n-1], ","))) {
		words = words[:n-1]
	}
	if len(words) < 2 {
		return ""
	}
	return strings.Trim(words[len(words)-1], ",")
}

// ActorAliases are the aliases an actor gets when it is stored: its
// canonical name, the name as written when that differs, and a person's
// surname.
func ActorAliases(a Actor, written string) []Alias {
	aliases := []Alias{{Name: a.Name}}
	if written != "" && AliasKey(written) != AliasKey(a.Name) {
		aliases = append(aliases, Alias{Name: written})
	}
	if a.Kind == ActorPerson {
		if s := Surname(a.Name); s != "" {
			aliases = append(aliases, Alias{Name: s, Surname: true})
		}
	}
	return aliases
}

// NameLookup is one key under which a written name may be stored. A
// lookup of the name itself takes any actor; the shorter forms of a
// person's name take only people ("Sudan" is no tail of "South Sudan");
// Surnames lets a person's surname answer it.
type NameLookup struct {
	Key         string
	PersonsOnly bool
	Surnames    bool
}

// NameLookups are the keys to look a written name up under, most
// specific first: the name itself; the name canonical gives it (the
// extractor's canonical name of a country or organisation, "U.S." is
// "United States"), which ends the list when it differs; then, unless
// the name is known not to be a person's, the name without courtesy
// titles and initials, and each shorter tail of it, so that "Russian
// President Vladimir Putin" finds "Vladimir Putin" and "Mr. Putin" his
// surname. canonical may be nil.
func NameLookups(name string, kind ActorKind, canonical func(string) string) []NameLookup {
	key := AliasKey(name)
	if key == "" {
		return nil
	}
	lookups := []NameLookup{{Key: key}}
	if canonical != nil {
		if c := AliasKey(canonical(name)); c != "" && c != key {
			return append(lookups, NameLookup{Key: c})
		}
	}
	if kind != ActorPerson && kind != ActorUnknown {
		return lookups
	}
	words := strings.Fields(PlainName(name))
	for i := range words {
		tail := AliasKey(strings.Join(words[i:], " "))
		if tail == "" {
			continue
		}
		surname := i == len(words)-1
		if tail == key && !surname {
			continue // the name itself, looked up first
		}
		lookups = append(lookups, NameLookup{Key: tail, PersonsOnly: true, Surnames: surname})
	}
	return lookups
}

// AliasMatch is an alias stored under a key: the actor it names, that
// actor's kind, and whether it is the actor's surname.
type AliasMatch struct {
	Key     string
	ActorID int64
	Kind    ActorKind
	Surname bool
}

// ResolveName picks the actors a written name names among the aliases
// found under its lookups' keys: those of the first lookup that any
// alias answers, in the order found. A name the actor was called by
// wins over a surname at the same lookup. bySurname reports that only
// surnames answered, which may be a family's or a coincidence: a writer
// links such a name only when one person has that surname.
func ResolveName(lookups []NameLookup, found []AliasMatch) (ids []int64, bySurname bool) {
	for _, l := range lookups {
		var names, surnames []int64
		for _, m := range found {
			if m.Key != l.Key || l.PersonsOnly && m.Kind != ActorPerson {
				continue
			}
			switch {
			case !m.Surname && !slices.Contains(names, m.ActorID):
				names = append(names, m.ActorID)
			case m.Surname && l.Surnames && !slices.Contains(surnames, m.ActorID):
				surnames = append(surnames, m.ActorID)
			}
		}
		if len(names) > 0 {
			return names, false
		}
		if len(surnames) > 0 {
			return surnames, true
		}
	}
	return nil, false
}

// Validate checks an actor's name, kind and country.
func (a *ActorRecord) Validate() error {
	v := &ValidationError{}
	checkText(v, "name", a.Name, true, MaxActorRunes, false)
	if !a.Kind.Valid() {
		v.Add("kind", "choose a kind: person, country, organisation or group")
	}
	checkText(v, "country", a.Country, false, MaxActorRunes, false)
	return v.Err()
}

// Changes says in words what an edit of the actor changes, as
// Differences does for events.
func (a ActorRecord) Changes(to ActorRecord) string {
	var parts []string
	if a.Name != to.Name {
		parts = append(parts, fmt.Sprintf("renamed from “%s” to “%s”", a.Name, to.Name))
	}
	if a.Kind != to.Kind {
		parts = append(parts, fmt.Sprintf("kind from %s to %s", kindWord(a.Kind), kindWord(to.Kind)))
	}
	if a.Country != to.Country {
		parts = append(parts, fmt.Sprintf("country from %s to %s", orNone(a.Country), orNone(to.Country)))
	}
	if len(parts) == 0 {
		return "nothing changed"
	}
	return strings.Join(parts, "; ")
}

func kindWord(k ActorKind) string {
	if k == ActorUnknown {
		return "unknown"
	}
	return string(k)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// NameTakenError refuses to give an actor a name another actor is
// called by: the two are one, and merging them is what the editor wants.
type NameTakenError struct {
	Name  string
	Other int64 // the actor with that name
}

func (e *NameTakenError) Error() string {
	return fmt.Sprintf("%q is the name of another actor (%d)", e.Name, e.Other)
}

// ActorMerge is what merging one actor into another will do, for the
// page that asks before it is done.
type ActorMerge struct {
	Gone, Kept ActorRecord
	// Moving are the events of Gone that Kept will take part in; Both
	// those that name both already, which keep Kept alone.
	Moving, Both int
}
