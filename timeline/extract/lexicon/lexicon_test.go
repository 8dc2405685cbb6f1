package lexicon

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/text"
)

func TestTheDataLoads(t *testing.T) {
	lx, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	if lx.Entities.Len() < 500 || lx.Titles.Len() < 50 || len(lx.frames) < 150 {
		t.Errorf("suspiciously little: %d entity names, %d titles, %d trigger words",
			lx.Entities.Len(), lx.Titles.Len(), len(lx.frames))
	}
}

// Every phrase is stored as the tokenizer splits it, so an entry that the
// tokenizer would read otherwise (a stray space, a bracket) shows here.
func TestEveryEntrySurvivesTheTokenizer(t *testing.T) {
	lx := Get()
	check := func(what string, words []string) {
		if len(words) == 0 {
			t.Errorf("%s: an empty phrase", what)
		}
		for _, w := range words {
			if strings.HasPrefix(w, "'") {
				continue // a possessive: "People's Republic", "Workers' Party"
			}
			toks := text.Tokenize(w)
			if len(toks) == 0 || toks[0].Kind == text.Punct && w != "$" {
				t.Errorf("%s: %q holds a word that is punctuation: %q", what, strings.Join(words, " "), w)
			}
		}
	}
	lx.Entities.Each(func(w []string, e Entity) { check("entity "+e.Name, w) })
	lx.Titles.Each(func(w []string, _ Title) { check("title", w) })
	lx.Agents.Each(func(w []string, _ string) { check("agent", w) })
	lx.Groups.Each(func(w []string, _ Entity) { check("group", w) })
	lx.Media.Each(func(w []string, _ bool) { check("media", w) })
	for k, fs := range lx.frames {
		if got := lx.Key(k.lemma); got != k.lemma || strings.Contains(got, " ") {
			t.Errorf("trigger %q is not one word to the tokenizer (%q)", k.lemma, got)
		}
		for _, f := range fs {
			for _, w := range f.Then {
				if lx.Key(w) != w {
					t.Errorf("triggers.txt:%d: %q is not one word to the tokenizer", f.Line, w)
				}
			}
		}
	}
}

// Every kind of the fixed vocabulary has triggers, title forms, a colour
// on the page and a place in the database's CHECK.
func TestEveryKindIsComplete(t *testing.T) {
	lx := Get()
	css := readRepoFile(t, "views/static/style.css")
	var migrations strings.Builder
	paths, _ := filepath.Glob(repoPath(t, "migrations/*.sql"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		migrations.Write(b)
	}
	check := regexp.MustCompile(`kind\s+text NOT NULL CHECK \(kind IN \(([^)]*)\)`).FindStringSubmatch(migrations.String())
	if check == nil {
		t.Fatal("no CHECK on events.kind in the migrations")
	}
	triggers := map[timeline.Kind]int{}
	for _, fs := range lx.frames {
		for _, f := range fs {
			if !f.Support {
				triggers[f.Kind]++
			}
		}
	}
	for _, k := range timeline.Kinds {
		ki := lx.Kind(k)
		switch {
		case ki == nil:
			t.Errorf("%s: no section in triggers.txt", k)
			continue
		case len(ki.Titles) == 0:
			t.Errorf("%s: no title forms", k)
		case triggers[k] == 0:
			t.Errorf("%s: no triggers", k)
		case len(ki.Targets) == 0:
			t.Errorf("%s: no target prepositions", k)
		}
		if !strings.Contains(css, ".kind-"+string(k)) {
			t.Errorf("%s: no .kind-%s in style.css", k, k)
		}
		if !strings.Contains(check[1], "'"+string(k)+"'") {
			t.Errorf("%s: not in the database's CHECK (%s)", k, check[1])
		}
		for _, title := range ki.Titles {
			for _, slot := range regexp.MustCompile(`\{[^}]*\}`).FindAllString(title, -1) {
				if !strings.Contains("{S}{T}{P}{O}{V}{v}{L}", slot) {
					t.Errorf("%s: title %q has an unknown slot %s", k, title, slot)
				}
			}
		}
	}
}

func TestVerbForms(t *testing.T) {
	lx := Get()
	tests := []struct {
		form, lemma string
		want        Form
	}{
		{"signed", "sign", Past | Part},
		{"signs", "sign", Third},
		{"signing", "sign", Ing},
		{"struck", "strike", Past | Part},
		{"striking", "strike", Ing},
		{"expelled", "expel", Past | Part},
		{"expelling", "expel", Ing},
		{"agreeing", "agree", Ing},
		{"dying", "die", Ing},
		{"met", "meet", Past | Part},
		{"cut", "cut", Base | Past | Part},
		{"goes", "go", Third},
		{"travelled", "travel", Past | Part},
		{"carries", "carry", Third},
		{"carried", "carry", Past | Part},
	}
	for _, tt := range tests {
		var got Form
		for _, v := range lx.Verb(tt.form) {
			if v.Lemma == tt.lemma {
				got = v.Forms
			}
		}
		if got != tt.want {
			t.Errorf("%s as %s: forms %05b, want %05b", tt.form, tt.lemma, got, tt.want)
		}
	}
	if lx.Third("expel") != "expels" || lx.Third("carry") != "carries" || lx.Third("reach") != "reaches" {
		t.Errorf("third person: %s %s %s", lx.Third("expel"), lx.Third("carry"), lx.Third("reach"))
	}
}

func TestNounsAndClasses(t *testing.T) {
	lx := Get()
	for plural, want := range map[string]string{
		"treaties": "treaty", "talks": "talks", "sanctions": "sanction", "strikes": "strike",
		"embassies": "embassy", "crisis": "crisis", "status": "status", "missiles": "missile",
		"ceasefires": "ceasefire", "barrages": "barrage",
	} {
		if got := lx.Noun(plural); got != want {
			t.Errorf("Noun(%q) = %q, want %q", plural, got, want)
		}
	}
	for _, tt := range []struct {
		class, noun string
		want        bool
	}{
		{"deal", "treaty", true}, {"deal", "cease-fire", true}, {"deal", "attack", false},
		{"weapon", "missile", true}, {"talks", "talks", true}, {"phone", "telephone", true},
	} {
		if got := lx.InClass(tt.class, tt.noun); got != tt.want {
			t.Errorf("InClass(%s, %s) = %v", tt.class, tt.noun, got)
		}
	}
}

func TestEntities(t *testing.T) {
	lx := Get()
	tests := []struct {
		phrase  string
		name    string
		use     Use
		country string
	}{
		{"U.S.", "United States", UseName, "United States"},
		{"United States", "United States", UseName, "United States"},
		{"Russians", "Russia", UsePeople, "Russia"},
		{"Israeli", "Israel", UsePeople, "Israel"},
		{"Kremlin", "Russia", UseSeat, "Russia"},
		{"Kharkiv", "Kharkiv", UsePlace, "Ukraine"},
		{"FBI", "Federal Bureau of Investigation", UseName, "United States"},
		{"NATO", "NATO", UseName, ""},
		{"Nato", "NATO", UseName, ""},
		{"Khmer Rouge", "Khmer Rouge", UseName, ""},
	}
	for _, tt := range tests {
		e, ok := lx.Entities.lookup(lx, tt.phrase)
		if !ok || e.Name != tt.name || e.Use != tt.use || e.Country != tt.country {
			t.Errorf("%q = %+v, %v; want %s (use %d, country %q)", tt.phrase, e, ok, tt.name, tt.use, tt.country)
		}
	}
	for _, lower := range []string{"us", "who", "un", "eta"} {
		if e, ok := lx.Entities.lookup(lx, lower); ok {
			t.Errorf("%q in lower case matched %+v: acronyms match only in capitals", lower, e)
		}
	}
}

func TestTitlesAndGroups(t *testing.T) {
	lx := Get()
	for phrase, want := range map[string]Standing{
		"foreign minister": State, "Secretary of State": State, "Gen.": State, "spokesman": Public, "Mr.": Courtesy,
	} {
		if ti, ok := lx.Titles.lookup(lx, phrase); !ok || ti.Standing != want {
			t.Errorf("title %q = %+v, %v", phrase, ti, ok)
		}
	}
	if g, ok := lx.Groups.lookup(lx, "separatists"); !ok || g.Name != "Separatists" {
		t.Errorf("separatists = %+v", g)
	}
	if g, ok := lx.Groups.lookup(lx, "Catholic"); !ok || g.Name != "Catholics" {
		t.Errorf("Catholic = %+v", g)
	}
	if _, ok := lx.Media.lookup(lx, "Associated Press"); !ok {
		t.Error("Associated Press is not media")
	}
}

// A word that names two kinds is told apart by the frames' constraints:
// "strike" with a deal is an agreement, with a target an attack.
func TestFramesOfOneWord(t *testing.T) {
	lx := Get()
	kinds := map[timeline.Kind]bool{}
	for _, f := range lx.Frames("strike", false) {
		kinds[f.Kind] = true
	}
	if !kinds[timeline.KindStrike] || !kinds[timeline.KindAgreement] {
		t.Errorf("strike frames: %v", kinds)
	}
	fs := lx.Frames("strike", false)
	if !fs[0].Support {
		t.Errorf("a support frame (strike + deal) must be tried before the bare verb: %+v", fs[0])
	}
	var tookEffect bool
	for _, f := range lx.Frames("take", false) {
		if len(f.Then) == 1 && f.Then[0] == "effect" && f.Kind == timeline.KindAgreement {
			tookEffect = true
		}
	}
	if !tookEffect {
		t.Error("take_effect is not a frame of take")
	}
}

func TestBrokenDataIsReported(t *testing.T) {
	files := fstest.MapFS{}
	_ = fs.WalkDir(data, "data", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(data, p)
			files[p] = &fstest.MapFile{Data: b}
		}
		return nil
	})
	tests := []struct{ file, add, want string }{
		{"data/triggers.txt", "[protest]\nverb strike obj=@nosuchclass\n", "unknown class @nosuchclass"},
		{"data/triggers.txt", "[nosuchkind]\n", `unknown kind "nosuchkind"`},
		{"data/places.txt", "[place]\nAtlantis | Oceania\n", `"Oceania" is not a country`},
		{"data/leaders.txt", "Juan Perez | Atlantis\n", `"Atlantis" is not a country`},
		{"data/leaders.txt", "Fidel Castro | Spain\n", "Fidel Castro is listed for Cuba and Spain"},
		{"data/places.txt", "[region]\nAtlantis | Oceania\n", "want a region's name alone"},
		{"data/verbs.txt", "[irregular]\ngo went\n", "want \"lemma past participle\""},
		{"data/triggers.txt", "[protest]\nverb strike conf=2\n", "conf 2 is not in (0, 1]"},
	}
	for _, tt := range tests {
		orig := files[tt.file].Data
		files[tt.file] = &fstest.MapFile{Data: append(append([]byte{}, orig...), tt.add...)}
		_, err := Load(files)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("adding %q to %s: error %v, want %q", tt.add, tt.file, err, tt.want)
		}
		files[tt.file] = &fstest.MapFile{Data: orig}
	}
}

// repoPath finds a file of the repository from this package's directory.
func repoPath(t *testing.T, rel string) string {
	t.Helper()
	return filepath.Join("..", "..", "..", rel)
}

func readRepoFile(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(repoPath(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
