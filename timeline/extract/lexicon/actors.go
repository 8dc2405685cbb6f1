package lexicon

import (
	"fmt"
	"strings"

	"github.com/dateline/dateline/timeline"
)

// Use says how a phrase names an entity.
type Use uint8

// The uses of a name.
const (
	UseName   Use = iota + 1 // "Russia", "NATO"
	UsePeople                // "Russian", "Russians": the country's people or an adjective
	UseSeat                  // "Moscow", "the Kremlin": the seat of government, an actor when it acts
	UsePlace                 // "Kharkiv": a place in the country, never an actor
	UseFaith                 // "Catholic": a people without a state, read as a group
)

// Entity is what a phrase of the gazetteer names.
type Entity struct {
	Name    string // canonical: "United States", "NATO", "Hamas"
	Kind    timeline.ActorKind
	Country string // the country it belongs to: itself for a country
	Use     Use
}

// Standing says how much a title counts.
type Standing uint8

// The standings of titles.
const (
	Courtesy Standing = iota + 1 // Mr., Dr.
	Public                       // spokesman, director, mayor
	State                        // president, minister, ambassador, general
)

// Title is an office or courtesy title before a name.
type Title struct {
	Name     string // as the data gives it: "foreign minister"
	Standing Standing
}

func (lx *Lexicon) readActors(secs []section) error {
	for _, s := range secs {
		for _, l := range s.lines {
			f := fields(l.text)
			switch s.name {
			case "country":
				if len(f) != 4 {
					return fmt.Errorf("line %d: want \"name | other names | people | seat\"", l.n)
				}
				name := f[0]
				e := Entity{Name: name, Kind: timeline.ActorCountry, Country: name}
				lx.addEntity(name, e, UseName)
				for _, a := range entries(f[1], false) {
					lx.addEntity(a, e, UseName)
				}
				for _, p := range entries(f[2], false) {
					lx.addEntity(p, e, UsePeople)
					if strings.HasSuffix(p, "an") || strings.HasSuffix(p, "i") || strings.HasSuffix(p, "on") {
						lx.addEntity(p+"s", e, UsePeople)
					}
				}
				for _, c := range entries(f[3], false) {
					lx.addEntity(c, e, UseSeat)
				}
			case "organisation", "group":
				if len(f) > 3 {
					return fmt.Errorf("line %d: want \"name | other names | country\"", l.n)
				}
				kind := timeline.ActorOrganisation
				if s.name == "group" {
					kind = timeline.ActorGroup
				}
				e := Entity{Name: f[0], Kind: kind}
				if len(f) == 3 {
					e.Country = f[2]
				}
				lx.addEntity(f[0], e, UseName)
				if len(f) > 1 {
					for _, a := range entries(f[1], false) {
						lx.addEntity(a, e, UseName)
					}
				}
			default:
				return fmt.Errorf("unknown section [%s]", s.name)
			}
		}
	}
	return nil
}

func (lx *Lexicon) addEntity(form string, e Entity, use Use) {
	e.Use = use
	words, caps := lx.keyWords(form)
	lx.Entities.add(words, caps, e)
	for _, w := range words {
		lx.nameWords[e.Name+"\x00"+w] = true
	}
}

// CalledBy reports whether one of an entity's names holds the word: NATO
// is "the Atlantic alliance", so "the alliance" may be NATO.
func (lx *Lexicon) CalledBy(name, word string) bool { return lx.nameWords[name+"\x00"+word] }

// Entity returns the country, people, organisation or place a name as
// written stands for: "Syria", "U.S.", "Iranian".
func (lx *Lexicon) Entity(name string) (Entity, bool) { return lx.Entities.lookup(lx, name) }

// country returns the name of the country of actors.txt that a data
// file's line names.
func (lx *Lexicon) country(l line, name string) (string, error) {
	e, ok := lx.Entities.lookup(lx, name)
	if !ok || e.Kind != timeline.ActorCountry {
		return "", fmt.Errorf("line %d: %q is not a country of actors.txt", l.n, name)
	}
	return e.Name, nil
}

func (lx *Lexicon) readPlaces(secs []section) error {
	for _, s := range secs {
		switch s.name {
		case "place":
		case "region":
			for _, l := range s.lines {
				if f := fields(l.text); len(f) != 1 {
					return fmt.Errorf("line %d: want a region's name alone", l.n)
				}
				lx.addEntity(l.text, Entity{Name: l.text, Kind: timeline.ActorUnknown}, UsePlace)
			}
			continue
		default:
			return fmt.Errorf("unknown section [%s]", s.name)
		}
		for _, l := range s.lines {
			f := fields(l.text)
			if len(f) != 2 {
				return fmt.Errorf("line %d: want \"place | country\"", l.n)
			}
			country, err := lx.country(l, f[1])
			if err != nil {
				return err
			}
			lx.addEntity(f[0], Entity{Name: f[0], Kind: timeline.ActorUnknown, Country: country}, UsePlace)
		}
	}
	return nil
}

var standings = map[string]Standing{"title state": State, "title public": Public, "title courtesy": Courtesy}

func (lx *Lexicon) readPeople(secs []section) error {
	for _, s := range secs {
		for _, l := range s.lines {
			switch {
			case standings[s.name] != 0:
				for _, t := range entries(l.text, false) {
					words, _ := lx.keyWords(t)
					title := Title{Name: strings.Join(words, " "), Standing: standings[s.name]}
					lx.Titles.add(words, false, title)
					if _, dup := lx.titleWords[title.Name]; len(words) == 1 && !dup {
						lx.titleWords[title.Name] = title
					}
				}
			case s.name == "agent":
				for _, a := range entries(l.text, false) {
					words, _ := lx.keyWords(a)
					lx.Agents.add(words, false, strings.Join(words, " "))
				}
			case s.name == "group" || s.name == "faith":
				f := fields(l.text)
				if len(f) != 2 {
					return fmt.Errorf("line %d: want \"words | name\"", l.n)
				}
				name, forms := f[1], []string{f[0]}
				use := Use(UseName)
				if s.name == "faith" {
					name, forms, use = f[0], entries(f[1], false), UseFaith
				}
				for _, form := range forms {
					words, _ := lx.keyWords(form)
					lx.Groups.add(words, false, Entity{Name: name, Kind: timeline.ActorGroup, Use: use})
				}
			case s.name == "media":
				for _, m := range entries(l.text, false) {
					words, caps := lx.keyWords(m)
					lx.Media.add(words, caps, true)
				}
			case s.name == "nonactor":
				for _, w := range entries(l.text, true) {
					lx.nonactor[w] = true
				}
			case s.name == "orghead":
				for _, w := range entries(l.text, true) {
					lx.orgHeads[w] = true
				}
			case s.name == "company":
				for _, w := range entries(l.text, true) {
					lx.company[w] = true
				}
			case s.name == "local":
				for _, w := range entries(l.text, true) {
					lx.local[w] = true
				}
			case s.name == "family name first":
				for _, c := range entries(l.text, false) {
					lx.familyFirst[c] = true
				}
			case s.name == "medianame":
				for _, w := range entries(l.text, true) {
					lx.mediaWords[w] = true
				}
			case s.name == "nonstate":
				for _, w := range entries(l.text, true) {
					lx.nonstate[w] = true
				}
			default:
				return fmt.Errorf("unknown section [%s]", s.name)
			}
		}
	}
	return nil
}

// Title returns the one-word title low ("minister"), if it is one.
func (lx *Lexicon) Title(low string) (Title, bool) {
	t, ok := lx.titleWords[low]
	return t, ok
}

// NonActor reports whether a capitalised name ending in low names a thing
// or a place rather than an actor ("Library", "Airport").
func (lx *Lexicon) NonActor(low string) bool { return lx.nonactor[low] }

// OrgHead reports whether a capitalised name ending in low names a body of
// state or a political organisation ("Ministry", "Council", "Party").
func (lx *Lexicon) OrgHead(low string) bool { return lx.orgHeads[low] }

// MediaWord reports whether a word makes a capitalised name a news
// organisation ("News", "Radio").
func (lx *Lexicon) MediaWord(low string) bool { return lx.mediaWords[low] }

// NonState reports whether a word after a people's adjective names a
// group outside its state ("resistance", "rebels", "exiles").
func (lx *Lexicon) NonState(low string) bool { return lx.nonstate[low] }

// FamilyFirst reports whether the press names people of country family
// name first ("Xi Jinping", "Yoon Suk Yeol").
func (lx *Lexicon) FamilyFirst(country string) bool { return lx.familyFirst[country] }

// Local reports whether low, in a capitalised body's name before its last
// word, makes it one of local government ("City Council", "County
// Commission").
func (lx *Lexicon) Local(low string) bool { return lx.local[low] }

// Company reports whether a capitalised name ending in low names a
// business ("Inc.", "Corp.", "Bank").
func (lx *Lexicon) Company(low string) bool { return lx.company[low] }
