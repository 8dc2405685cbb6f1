// Package dateline_test holds the house's own tests: the rules about which
// part may import which, checked against the real import graph (go list,
// tests included), README's statement of that graph, and the length of
// hand-written files. They read the repository, not a database or browser,
// so they run in seconds, in make test and alone (go test .).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// goPackage is what the house tests read of go list -json.
type goPackage struct {
	ImportPath   string
	Module       *struct{ Path string }
	Imports      []string
	TestImports  []string
	XTestImports []string
	Error        *struct{ Err string }
}

// allImports returns the package's imports, its tests' included.
func (p goPackage) allImports() []string {
	all := slices.Concat(p.Imports, p.TestImports, p.XTestImports)
	slices.Sort(all)
	return slices.Compact(all)
}

// moduleGraph is the module's packages, by path relative to the module
// ("timeline/extract", "cmd/dateline"), each with the packages it imports
// (tests included): the module's own, also relative, and the others as
// written. prod holds the module's own imported by the package itself,
// its tests left out.
type moduleGraph struct {
	internal map[string][]string
	prod     map[string][]string
	external map[string][]string
}

// readGraph lists the module's packages with the go tool, skipping the
// test when there is none.
func readGraph(t *testing.T) moduleGraph {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go tool is not on PATH: the house tests read the import graph with go list")
	}
	cmd := exec.Command(goTool, "list", "-e", "-json=ImportPath,Module,Imports,TestImports,XTestImports,Error", "./...")
	cmd.Dir = moduleRoot
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []goPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p goPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("read go list's output: %v", err)
		}
		if p.Error != nil {
			t.Fatalf("go list: %s: %s", p.ImportPath, p.Error.Err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) == 0 || pkgs[0].Module == nil {
		t.Fatal("go list found no package of a module")
	}
	module := pkgs[0].Module.Path
	g := moduleGraph{internal: map[string][]string{}, prod: map[string][]string{}, external: map[string][]string{}}
	for _, p := range pkgs {
		if p.ImportPath == module {
			continue // these tests
		}
		from, ok := strings.CutPrefix(p.ImportPath, module+"/")
		if !ok {
			t.Fatalf("go list: %s is outside module %s", p.ImportPath, module)
		}
		g.internal[from] = nil
		for _, imp := range p.Imports {
			if rel, ok := strings.CutPrefix(imp, module+"/"); ok {
				g.prod[from] = append(g.prod[from], rel)
			}
		}
		for _, imp := range p.allImports() {
			if rel, ok := strings.CutPrefix(imp, module+"/"); ok {
				if rel != from {
					g.internal[from] = append(g.internal[from], rel)
				}
			} else if imp != module {
				g.external[from] = append(g.external[from], imp)
			}
		}
	}
	return g
}

// within reports whether path is part or a package under it.
func within(path, part string) bool {
	return path == part || strings.HasPrefix(path, part+"/")
}

// standard reports whether an import path is the standard library's:
// its first element has no dot, as no module path's does.
func standard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// mayImport is the house's direction: each top-level part imports only
// the parts listed for it (and packages of its own), tests and test
// helpers included. The domain imports nothing of the adapters, the
// store nothing of the pages, nothing imports cmd.
var mayImport = map[string][]string{
	"timeline":   {},
	"migrations": {},
	"store":      {"timeline", "migrations"},
	"views":      {"store", "timeline"},
	"cmd":        {"views", "store", "timeline", "migrations"},
}

func TestEveryPartImportsOnlyInward(t *testing.T) {
	g := readGraph(t)
	for _, from := range slices.Sorted(maps.Keys(g.internal)) {
		part, _, _ := strings.Cut(from, "/")
		allowed, ok := mayImport[part]
		if !ok {
			t.Errorf("%s is under %s, which is not a part of the house (%v)", from, part, slices.Sorted(maps.Keys(mayImport)))
			continue
		}
		for _, to := range g.internal[from] {
			if within(to, part) || slices.ContainsFunc(allowed, func(p string) bool { return within(to, p) }) {
				continue
			}
			t.Errorf("%s imports %s: the packages of %s import only each other and %v", from, to, part, allowed)
		}
	}
}

// adapterTechnology is what the domain never imports, tests included:
// the technologies the adapters are named for.
var adapterTechnology = []string{
	"net/http",
	"database/sql",
	"github.com/jackc/pgx",
	"github.com/a-h/templ",
	"github.com/chromedp",
	"github.com/riverqueue",
}

// timelineModules are the only modules beyond the standard library that
// packages under timeline use, each for a job the standard library does
// not do: Unicode normalisation and charsets, argon2, an HTML parser,
// readability for an article's text, when for clock times. A new one is
// a decision, made here and in README.
var timelineModules = []string{
	"golang.org/x/text",
	"golang.org/x/crypto",
	"golang.org/x/net",
	"codeberg.org/readeck/go-readability",
	"github.com/olebedev/when",
}

func TestTimelineStaysPure(t *testing.T) {
	g := readGraph(t)
	for _, from := range slices.Sorted(maps.Keys(g.external)) {
		if !within(from, "timeline") {
			continue
		}
		for _, imp := range g.external[from] {
			if slices.ContainsFunc(adapterTechnology, func(p string) bool { return within(imp, p) }) {
				t.Errorf("%s imports %s: the domain uses no adapter's technology", from, imp)
				continue
			}
			if standard(imp) {
				continue
			}
			if from == "timeline" && !within(imp, "golang.org/x/text") {
				t.Errorf("timeline imports %s: the domain's core uses the standard library and golang.org/x/text only", imp)
			}
			if !slices.ContainsFunc(timelineModules, func(m string) bool { return within(imp, m) }) {
				t.Errorf("%s imports %s, a module timeline does not use (%v): choose it in house_test.go and README", from, imp, timelineModules)
			}
		}
	}
}

// readmeArrow is one line of README's dependency list: a part, the parts
// its packages import, and after "tests also" those only their tests
// import: "- `views` → `views/webpage`, `timeline`; tests also `store`".
var readmeArrow = regexp.MustCompile("^[-*] `([^`]+)` *(?:→|->) *(.*)$")

// quoted finds the names in backquotes.
var quoted = regexp.MustCompile("`([^`]+)`")

// arrows are a part's stated imports: by its packages, and by their
// tests alone.
type arrows struct{ prod, test []string }

// readmeArrows reads the dependency list of README's Architecture
// section. Lines may come in any order and the section may say anything
// else around them.
func readmeArrows(t *testing.T) map[string]arrows {
	t.Helper()
	f, err := os.Open(filepath.Join(moduleRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stated := map[string]arrows{}
	section := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "## ") {
			section = line == "## Architecture"
			continue
		}
		m := readmeArrow.FindStringSubmatch(line)
		if !section || m == nil {
			continue
		}
		if _, dup := stated[m[1]]; dup {
			t.Errorf("README: %s has two dependency lines", m[1])
		}
		prod, test, _ := strings.Cut(m[2], "tests also")
		var a arrows
		for _, to := range quoted.FindAllStringSubmatch(prod, -1) {
			a.prod = append(a.prod, to[1])
		}
		for _, to := range quoted.FindAllStringSubmatch(test, -1) {
			a.test = append(a.test, to[1])
		}
		stated[m[1]] = a
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(stated) == 0 {
		t.Fatal("README's Architecture section has no dependency list (lines such as \"- `views` → `store`, `timeline`\")")
	}
	return stated
}

// The Architecture section of README says which part imports which, at
// the level it names parts: a package belongs to the deepest part named
// that holds it (timeline/extract/timex to timeline/extract, store/storetest
// to store). Its list and the imports must agree both ways, the arrows
// that only tests draw apart.
func TestREADMEStatesTheImports(t *testing.T) {
	stated := readmeArrows(t)
	g := readGraph(t)
	parts := slices.Sorted(maps.Keys(stated))
	partOf := func(pkg string) string {
		best := ""
		for _, p := range parts {
			if within(pkg, p) && len(p) > len(best) {
				best = p
			}
		}
		return best
	}
	packages := slices.Collect(maps.Keys(g.internal))
	for _, p := range parts {
		if !slices.ContainsFunc(packages, func(pkg string) bool { return within(pkg, p) }) {
			t.Errorf("README names part %s, which holds no package", p)
		}
		for _, to := range slices.Concat(stated[p].prod, stated[p].test) {
			if _, ok := stated[to]; !ok {
				t.Errorf("README: %s → %s, but %s has no line of its own", p, to, to)
			}
		}
	}
	// partArrows lifts a package graph to the parts.
	partArrows := func(graph map[string][]string) map[string]map[string]bool {
		lifted := map[string]map[string]bool{}
		for from, imports := range graph {
			pf := partOf(from)
			for _, to := range imports {
				if pt := partOf(to); pf != "" && pt != "" && pt != pf {
					if lifted[pf] == nil {
						lifted[pf] = map[string]bool{}
					}
					lifted[pf][pt] = true
				}
			}
		}
		return lifted
	}
	for _, pkg := range slices.Sorted(slices.Values(packages)) {
		if partOf(pkg) == "" {
			t.Errorf("%s belongs to no part README's Architecture section names", pkg)
		}
	}
	prod, all := partArrows(g.prod), partArrows(g.internal)
	for _, from := range parts {
		for _, to := range slices.Sorted(maps.Keys(all[from])) {
			switch {
			case prod[from][to] && !slices.Contains(stated[from].prod, to):
				t.Errorf("README leaves out %s → %s", from, to)
			case !prod[from][to] && !slices.Contains(stated[from].test, to):
				t.Errorf("README leaves out %s → %s (tests also)", from, to)
			}
		}
		for _, to := range stated[from].prod {
			if !prod[from][to] {
				t.Errorf("README says %s → %s, but no package of %s imports one of %s outside its tests", from, to, from, to)
			}
		}
		for _, to := range stated[from].test {
			switch {
			case prod[from][to]:
				t.Errorf("README says %s → %s in tests only, but %s's packages import it", from, to, from)
			case !all[from][to]:
				t.Errorf("README says %s's tests import %s, but none does", from, to)
			}
		}
	}
}

// maxLines is where a hand-written Go file starts to be long.
const maxLines = 600

// moduleRoot is the repository's top, seen from this package.
const moduleRoot = "../.."

// longReason is how a long file says why at its top, within its first
// lines: "// This file is long because ...".
const longReason = "This file is long because"

func TestLongFilesSayWhy(t *testing.T) {
	err := filepath.WalkDir(moduleRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			// What the go tool ignores, and the npm packages of .ci/node.
			if path != moduleRoot && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_templ.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		lines := bytes.Count(src, []byte("\n"))
		head := string(src[:min(len(src), 4096)])
		if lines <= maxLines || generated(head) {
			return nil
		}
		if !strings.Contains(head, "// "+longReason) {
			t.Errorf("%s has %d lines, over %d: split it by job, or say at its top why not (%q)", path, lines, maxLines, "// "+longReason+" ...")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// generated reports whether a file's head carries Go's marker of
// generated code.
func generated(head string) bool {
	return regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`).MatchString(head)
}
