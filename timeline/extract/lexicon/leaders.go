package lexicon

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func (lx *Lexicon) readLeaders(secs []section) error {
	lx.leaders, lx.surnames = map[string]string{}, map[string]string{}
	for _, s := range secs {
		if s.name != "leader" {
			return fmt.Errorf("unknown section [%s]", s.name)
		}
		for _, l := range s.lines {
			f := fields(l.text)
			if len(f) != 2 {
				return fmt.Errorf("line %d: want \"name | country\"", l.n)
			}
			country, err := lx.country(l, f[1])
			if err != nil {
				return err
			}
			name := foldName(f[0])
			if c, ok := lx.leaders[name]; ok && c != country {
				return fmt.Errorf("line %d: %s is listed for %s and %s", l.n, f[0], c, country)
			}
			lx.leaders[name] = country
			words := strings.Fields(name)
			last := words[len(words)-1]
			if c, ok := lx.surnames[last]; ok && c != country {
				lx.surnames[last] = "" // "Johnson": two countries' leaders
			} else {
				lx.surnames[last] = country
			}
		}
	}
	return nil
}

// Leader returns the country a leader of leaders.txt led, by the name
// written in full ("Bill Clinton", "François Mitterrand").
func (lx *Lexicon) Leader(name string) (string, bool) {
	c, ok := lx.leaders[foldName(name)]
	return c, ok
}

// LeaderBySurname returns the country of the one leader with surname
// ("Bush"); none when leaders of two countries share it.
func (lx *Lexicon) LeaderBySurname(surname string) (string, bool) {
	c := lx.surnames[foldName(surname)]
	return c, c != ""
}

// foldName lowers a name and drops its accents: news writes "Francois"
// and "François".
func foldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
