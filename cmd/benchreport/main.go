// Command benchreport runs Dateline's benchmarks ("make bench") and prints
// one table of the results, every speed next to the baseline it was
// measured against in the same run, then writes the table, the query
// plans and how to reproduce them to docs/PERFORMANCE.md.
//
//	go run ./cmd/benchreport [-events 1000000] [-out docs/PERFORMANCE.md]
//
// It runs go test -bench for each package, and the load run of
// cmd/dateline (wrk), and reads their output; it measures nothing itself.
// The data sets are synthetic and deterministic (see cmd/synth); the
// million-event database is built once and kept.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	events := flag.Int("events", 1_000_000, "events in the timeline the pages and wrk are measured on")
	out := flag.String("out", "docs/PERFORMANCE.md", "where to write the report")
	flag.Parse()
	if err := run(*events, *out); err != nil {
		fmt.Fprintf(os.Stderr, "benchreport: %v\n", err)
		os.Exit(1)
	}
}

// result is one benchmark line: its metrics by unit.
type result map[string]float64

// results are the benchmark lines of a run, by name without the
// GOMAXPROCS suffix.
type results map[string]result

// step is one command of the run.
type step struct {
	what string
	env  []string
	args []string
}

func run(events int, out string) error {
	plans, err := filepath.Abs(filepath.Join(os.TempDir(), "dateline-bench-plans.txt"))
	if err != nil {
		return err
	}
	steps := []step{
		{"extraction", nil, []string{"test", "-count=1", "-run", "^$", "-bench", "^(BenchmarkExtract|BenchmarkRunOn)$", "-benchtime", "3x", "./timeline/extract/"}},
		{"real articles", nil, []string{"test", "-count=1", "-run", "^$", "-bench", "^BenchmarkRealArticles$", "-benchtime", "1x", "-timeout", "30m", "./cmd/benchreport/"}},
		timexStep,
		{"batched inserts", nil, []string{"test", "-count=1", "-run", "^$", "-bench", "^BenchmarkSaveArticles$", "-benchtime", "1x", "-timeout", "30m", "./store/"}},
		{"ingest", nil, []string{"test", "-count=1", "-run", "^$", "-bench", "^BenchmarkIngest(News)?$", "-benchtime", "1x", "-timeout", "30m", "./store/"}},
		{"pages", []string{fmt.Sprintf("DATELINE_BENCH_EVENTS=%d", events), "DATELINE_BENCH_PLANS=" + plans},
			[]string{"test", "-count=1", "-run", "^$", "-bench", "^BenchmarkPages$", "-benchtime", "200x", "-timeout", "90m", "./views/"}},
		{"exports", nil, []string{"test", "-count=1", "-run", "^$", "-bench", "^BenchmarkExport$", "-benchtime", "3x", "-timeout", "30m", "./views/"}},
		{"HTTP load", []string{fmt.Sprintf("LOAD_EVENTS=%d", events), "LOAD_CONNECTIONS=64", "LOAD_DURATION=10s"},
			[]string{"test", "-count=1", "-run", "^TestLoad$", "-v", "-timeout", "90m", "./cmd/dateline/"}},
	}
	all := results{}
	var load string
	started := time.Now()
	busy := watchLoad()
	for _, s := range steps {
		fmt.Fprintf(os.Stderr, "benchreport: %s: go %s\n", s.what, strings.Join(s.args, " "))
		output, err := goCommand(s.env, s.args...)
		if err != nil {
			return fmt.Errorf("%s: %w\n%s", s.what, err, output)
		}
		for name, r := range parse(output) {
			all[name] = r
		}
		if m := regexp.MustCompile(`(?m)^load result: .*$`).Find(output); m != nil {
			load = string(m)
		}
	}
	table, err := render(all, load, events)
	if err != nil {
		return err
	}
	fmt.Println(table)
	plan, _ := os.ReadFile(plans)
	return os.WriteFile(out, []byte(document(table, string(plan), busy(), events, time.Since(started))+timexNotes), 0o644)
}

// watchLoad samples the machine's load (the one-minute load average of
// /proc/loadavg) every five seconds until the returned function is
// called, which says what it saw: on a shared machine, how busy the
// others kept it is part of the result. It says nothing where there is
// no /proc/loadavg.
func watchLoad() func() string {
	var (
		mu      sync.Mutex
		samples []float64
	)
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(5 * time.Second)
		defer tick.Stop()
		for {
			if b, err := os.ReadFile("/proc/loadavg"); err == nil {
				if f := strings.Fields(string(b)); len(f) > 0 {
					if v, err := strconv.ParseFloat(f[0], 64); err == nil {
						mu.Lock()
						samples = append(samples, v)
						mu.Unlock()
					}
				}
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() string {
		close(done)
		mu.Lock()
		defer mu.Unlock()
		if len(samples) == 0 {
			return ""
		}
		sum, most := 0.0, 0.0
		for _, v := range samples {
			sum, most = sum+v, max(most, v)
		}
		return fmt.Sprintf(" The load average (one minute, %d samples) was %.1f on the\naverage during the run and %.1f at most: about %.0f processes wanting each CPU.",
			len(samples), sum/float64(len(samples)), most, sum/float64(len(samples))/float64(runtime.NumCPU()))
	}
}

func goCommand(env []string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), env...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	return buf.Bytes(), err
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

// parse reads the benchmark lines of go test's output.
func parse(output []byte) results {
	rs := results{}
	sc := bufio.NewScanner(bytes.NewReader(output))
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		r := result{}
		f := strings.Fields(m[2])
		for i := 0; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				r[f[i+1]] = v
			}
		}
		rs[m[1]] = r
	}
	return rs
}

// metric finds a metric, or says which is missing.
func (rs results) metric(name, unit string) (float64, error) {
	r, ok := rs[name]
	if !ok {
		return 0, fmt.Errorf("no result for %s", name)
	}
	v, ok := r[unit]
	if !ok {
		return 0, fmt.Errorf("%s has no %s", name, unit)
	}
	return v, nil
}

// row is a line of the table. missed is set when the row's goal is not
// met, for the list under the table.
type row struct {
	what, measured, baseline, ratio, goal string
	missed                                bool
}

func render(rs results, load string, events int) (string, error) {
	var errs []error
	get := func(name, unit string) float64 {
		v, err := rs.metric(name, unit)
		errs = append(errs, err)
		return v
	}
	size := fmt.Sprintf("%dk", events/1000)
	if events%1_000_000 == 0 {
		size = fmt.Sprintf("%dM", events/1_000_000)
	}
	page := func(name string) row {
		b := "BenchmarkPages/" + name + "/"
		p99 := get(b+size, "p99-ms")
		return row{
			fmt.Sprintf("%s, %s events (server time)", strings.ReplaceAll(name, "_", " "), size),
			fmt.Sprintf("p50 %.1f ms, p99 %.1f ms", get(b+size, "p50-ms"), p99),
			fmt.Sprintf("100 events: p50 %.1f ms", get(b+"base", "p50-ms")),
			fmt.Sprintf("%.1fx", get(b+size, "x-base")),
			"p99 < 50 ms", p99 >= 50,
		}
	}
	export := func(format string) row {
		b := "BenchmarkExport/" + format + "/"
		return row{
			format + ", 100,000 events",
			fmt.Sprintf("%.0f ms, peak live heap %.1f MiB", get(b+"100k", "ms/op"), get(b+"100k", "peak-live-MiB")),
			fmt.Sprintf("10,000: %.0f ms, %.1f MiB", get(b+"10k", "ms/op"), get(b+"10k", "peak-live-MiB")),
			fmt.Sprintf("time %.1fx, memory %.2fx", get(b+"100k", "x-10k-time"), get(b+"100k", "peak-live-MiB")/get(b+"10k", "peak-live-MiB")),
			"memory flat", get(b+"100k", "peak-live-MiB") > 1.5*get(b+"10k", "peak-live-MiB"),
		}
	}
	rows := []row{
		{"extraction, 1 MiB of synthetic articles",
			fmt.Sprintf("%.2f MB/s", get("BenchmarkExtract/dateline/1MiB", "MB/s")),
			fmt.Sprintf("when all-matches loop: %.2f MB/s", get("BenchmarkExtract/when-loop/1MiB", "MB/s")),
			fmt.Sprintf("%.1fx", get("BenchmarkExtract/dateline/1MiB", "x-when")), ">= 20x",
			get("BenchmarkExtract/dateline/1MiB", "x-when") < 20},
		{"extraction, 4 MiB as one text",
			fmt.Sprintf("%.2f MB/s", get("BenchmarkExtract/dateline/4MiB", "MB/s")),
			"1 MiB, time per run",
			fmt.Sprintf("%.2fx the time", get("BenchmarkExtract/dateline/4MiB", "x-1MiB-time")), "<= 4.4x",
			get("BenchmarkExtract/dateline/4MiB", "x-1MiB-time") > 4.4},
		{"extraction, 86 KB of words with no sentence end",
			fmt.Sprintf("%.2f MB/s", get("BenchmarkRunOn/86KB", "MB/s")),
			"43 KB, time per run",
			fmt.Sprintf("%.2fx the time", get("BenchmarkRunOn/86KB", "x-43KB-time")), "<= 2.6x",
			get("BenchmarkRunOn/86KB", "x-43KB-time") > 2.6},
	}
	rows = append(rows, realArticleRows(rs)...)
	// extraction alone, measured before and after ingest: the load of a
	// shared machine may change between them
	ingestRow := func(what, bench string) row {
		before, after := get(bench+"/extract-only", "articles/s"), get(bench+"/extract-only-after", "articles/s")
		ratio := get(bench+"/ingest", "articles/s") / ((before + after) / 2)
		return row{what,
			fmt.Sprintf("%.0f articles/s, %.0f events/s (%.1f per article)", get(bench+"/ingest", "articles/s"),
				get(bench+"/ingest", "events/s"), get(bench+"/ingest", "events/article")),
			fmt.Sprintf("extraction alone: %.0f articles/s (before %.0f, after %.0f)", (before+after)/2, before, after),
			fmt.Sprintf("%.2fx", ratio), ">= 0.5x", ratio < 0.5}
	}
	importRate := get("BenchmarkSaveArticles/import", "events/s")
	rows = append(rows,
		ingestRow("ingest, 10,000 synthetic articles end to end", "BenchmarkIngest"),
		ingestRow("ingest, real articles (shared dev + news, 45 years of copies)", "BenchmarkIngestNews"),
		row{"event inserts, batches of 100 articles",
			fmt.Sprintf("%.0f events/s", get("BenchmarkSaveArticles/batch-100", "events/s")),
			fmt.Sprintf("row by row: %.0f events/s", get("BenchmarkSaveArticles/row-by-row", "events/s")),
			fmt.Sprintf("%.1fx", get("BenchmarkSaveArticles/batch-100", "x-row-by-row")), ">= 10x",
			get("BenchmarkSaveArticles/batch-100", "x-row-by-row") < 10},
		row{"import of the same events (dateline import)",
			fmt.Sprintf("%.0f events/s", importRate),
			fmt.Sprintf("batches of 100 articles: %.0f events/s", get("BenchmarkSaveArticles/batch-100", "events/s")),
			fmt.Sprintf("%.2fx", get("BenchmarkSaveArticles/import", "x-batch")), ">= 1,300 events/s", importRate < 1300},
	)
	for _, name := range []string{"timeline", "timeline_newest_first", "timeline_deep_page", "timeline_month",
		"timeline_by_kinds", "timeline_by_actor", "timeline_by_actor_alias", "timeline_by_rare_actor", "timeline_by_common_actor",
		"timeline_by_actor,_kind_and_year", "timeline_search", "timeline_all_filters"} {
		rows = append(rows, page(name))
	}
	rows = append(rows, timexRows(get)...)
	rows = append(rows, export("calendar.ics"), export("export.json"))
	if m := regexp.MustCompile(`rps=([\d.]+) p99-ms=([\d.]+) healthz-rps=([\d.]+) healthz-p99-ms=([\d.]+) x-healthz=([\d.]+) errors=(\w+)`).
		FindStringSubmatch(load); m != nil {
		errors := "no errors"
		if m[6] == "true" {
			errors = "ERRORS"
		}
		rows = append(rows, row{fmt.Sprintf("HTTP: wrk on /, %s events, 64 connections, 10 s", size),
			fmt.Sprintf("%s req/s, p99 %s ms, %s", m[1], m[2], errors),
			fmt.Sprintf("/healthz: %s req/s, p99 %s ms", m[3], m[4]),
			m[5] + "x", "no errors", m[6] == "true"})
	} else {
		errs = append(errs, fmt.Errorf("no load result"))
	}
	if err := errors.Join(errs...); err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintln(&b, "| measure | Dateline | baseline, same run | ratio | goal |")
	fmt.Fprintln(&b, "|---|---|---|---|---|")
	var missed []string
	for _, r := range rows {
		goal := r.goal
		if r.missed {
			goal += " **(missed)**"
			missed = append(missed, r.what)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", r.what, r.measured, r.baseline, r.ratio, goal)
	}
	if len(missed) == 0 {
		fmt.Fprintln(&b, "\nEvery goal of the table is met in this run.")
	} else {
		fmt.Fprintf(&b, "\nGoals missed in this run: %s.\n", strings.Join(missed, "; "))
	}
	return b.String(), nil
}

// realArticleRows are the rows of BenchmarkRealArticles, or a row that
// says why they are missing: the shared evaluation data or chrono-node
// absent.
func realArticleRows(rs results) []row {
	const b = "BenchmarkRealArticles/"
	speed := func(name string) float64 { return rs[b+name+"/1MiB"]["MB/s"] }
	if speed("dateline") == 0 {
		return []row{{what: "extraction, real articles", measured: "not measured: no shared evaluation data (../shared/eval)"}}
	}
	chrono := "chrono-node: not installed"
	if c := speed("chrono"); c > 0 {
		chrono = fmt.Sprintf("chrono-node per article: %.2f MB/s", c)
	}
	ratio := func(name string) string {
		r := fmt.Sprintf("%.1fx when", rs[b+name+"/1MiB"]["x-when"])
		if x := rs[b+name+"/1MiB"]["x-chrono"]; x > 0 {
			r += fmt.Sprintf(", %.2fx chrono", x)
		}
		return r
	}
	return []row{
		{"extraction, real articles (shared dev + news, 1 MiB)",
			fmt.Sprintf("%.2f MB/s", speed("dateline")),
			fmt.Sprintf("when all-matches loop: %.2f MB/s; %s", speed("when"), chrono),
			ratio("dateline"), ">= 20x when", rs[b+"dateline/1MiB"]["x-when"] < 20},
		{"dates alone (timex.Find), real articles, 1 MiB",
			fmt.Sprintf("%.2f MB/s", speed("timex")),
			fmt.Sprintf("when all-matches loop: %.2f MB/s; %s", speed("when"), chrono),
			ratio("timex"), ">= 1x chrono", rs[b+"timex/1MiB"]["x-chrono"] < 1},
	}
}

func document(table, plans, busy string, events int, took time.Duration) string {
	var b strings.Builder
	goVersion, _ := goCommand(nil, "env", "GOVERSION")
	fmt.Fprintf(&b, `# Performance

Written by `+"`make bench`"+` (cmd/benchreport) on %s, in %s: %d CPUs, %s,
PostgreSQL on the same machine. That machine is shared: other engineers'
builds and tests run on the same two cores during the run, so absolute
numbers move from one run to the next, sometimes by half, and the p99 of
a page shows the moments others took the CPUs.%s Every speed is
therefore measured against a baseline run in the same process or the same
run, and the ratios hold better than the absolute numbers. Nothing here is
asserted by the tests. How this grows to 10 and 100 million events, and
where ingest spends its time, is in [SCALING.md](SCALING.md).

%s
## How the pages stay fast at a million events

Each timeline page runs two queries at once: the page itself (51 events in
date order) and its overview strip (how many events each month holds).
The plans below, from EXPLAIN ANALYZE on the million events, show each.

- **The timeline, its deep pages, newest first, a month**: the timeline
  index `+"`events_chrono`"+` (date_start, date_rank, id) read in order from
  the cursor, stopping after a page. The overview of the unfiltered
  timeline, and of kinds, reads `+"`event_months`"+`, counts kept per month and
  kind in the writing transaction (about 3,400 rows at a million events).
- **Kinds**: the same walk, keeping the events of the kinds (each kind is
  one event in eleven here; a kind in one event in a hundred still reads
  only some 5,000 index entries for a page). Migration 0007 dropped the
  index on (kind, date) that served this: one index entry fewer for every
  event written.
- **One actor, with kinds or a date range or not**: `+"`event_actors`"+` holds a
  copy of each event's sort key and kind, and its index (actor, date, rank,
  id) INCLUDE (kind) gives the actor's events already in order, however
  many or few they are. Its overview reads `+"`actor_months`"+`, counts kept per
  actor, month and kind like event_months: an actor in a quarter of all
  events took 150 ms to count, and now reads a few hundred rows.
- **Words, and several actors**: the search document of each event also
  carries its kind and actors as lexemes no text can spell ('#kstrike',
  '#a25'), so that words, kinds and actors are one tsquery and the search
  index intersects them at once: "reactor" by one country and one kind is
  some 170 events among a million, found in a few milliseconds, where
  intersecting the word's 50,000 events with the country's 36,000 through
  two indexes and a join took 50 ms. A common word alone walks the
  timeline index and keeps the matches (the planner chooses from its
  statistics of the lexemes; a rare word goes to the search index).
  Words with one actor of at most 1,000 events of the kinds and range
  (actor_months says how many) read that actor's events in order instead:
  the index's intersection costs in proportion to the lists it reads,
  which grow with the timeline.
- **Plans for the parameters at hand**: pgx prepares each statement, and
  after five runs PostgreSQL may keep one plan for any parameters; the
  best plan here depends on them (an actor in 36,000 events or in 5), so
  the store sets `+"`plan_cache_mode = force_custom_plan`"+` (a millisecond of
  planning) and `+"`jit = off`"+`.
- **The overview of a search**: counting a word in 50,000 events means
  visiting 50,000 rows, 100 to 200 ms whatever the index. So a search's
  overview reads at most 4,000 events: from the densest of three fixed
  samples that it can afford (the events whose id hashes to 0 modulo 16,
  256 or 4096, each with a small partial search index), multiplied up, or
  every event when the search selects fewer than that. An estimate is
  said to be one: the strip's caption begins "About" and says it is
  estimated from a sample, and each bar says "about N events". The plans
  show the sample's index (events_search_1in16...) and how many rows it
  read.

## What the rows measure

- **Extraction**: the whole extractor (cleaning, publication date, dates,
  events) over a synthetic corpus (timeline/extract/synthetic, seed 42),
  against the plain way to find every date with olebedev/when (parse,
  skip past the match, parse again), article by article on the same 1 MiB.
  The 4 MiB row is the time of one 4 MiB text over one 1 MiB text: 4x is
  linear.
- **Real articles**: the plain-text articles of the shared evaluation sets
  (../shared/eval/dev and news: 45 wire, newspaper and broadcast stories),
  read at run time and repeated to 1 MiB, each with its publication date;
  Dateline's extractor, and its date finder alone (timex.Find), against the
  when loop and against chrono-node 2.10.3 (npm, installed by make bench
  in a scratch directory) parsing each article on its own, timed inside
  node after a warm-up run.
- **Ingest**: 10,000 synthetic articles as .txt files, read, extracted on
  every core and saved in batches of 100 into an empty database, against
  extracting the same files alone on as many cores, just before and just
  after (their mean: the others' load may change between the runs). The
  synthetic articles are short and dense (about twelve events in 1.5 KB),
  so the database weighs most there. The second row does the same with
  the real articles above, each ingested 45 times, moved back by 0 to 44
  years (the years in its text and its publication date, printed above
  it), so that every copy is a new article about other days: 2,025
  articles of about 3 KB with three or four events each.
- **Event inserts**: the events of 1,000 extracted articles saved by
  SaveArticles in batches of 100 (one transaction and a fixed number of
  statements each) against SaveArticle per article (a transaction per
  article, statements per event, actor and mention). Both merge reports
  of one occurrence by the same rule.
- **Import**: the same articles and events through Import, as
  `+"`dateline import`"+` of a JSON export brings them back (every event
  added, none merged), in one transaction written 1,000 events at a time;
  before issue 15 an import wrote row by row, at about 128 events a second.
- **Pages**: the server time of a page (request read to last byte
  written, in the process), 200 requests each, on a kept database of
  %d synthetic events (store/synthetic), against the same page on 100.
- **Exports**: the whole iCalendar feed and JSON export of 100,000 events
  streamed to a writer that keeps nothing, against 10,000; the peak live
  heap is sampled after a collection every MiB written.
- **HTTP**: `+"`dateline serve`"+` on the same database, wrk with 64
  connections for 10 s on `+"`/`"+`, then on `+"`/healthz`"+` (which reads
  one row, the schema version) as the baseline; wrk, the server and PostgreSQL share the
  machine.

## Reproduce

    make bench                       # everything above; the first run builds the
                                     # million-event database (minutes), later runs reuse it
    go run ./cmd/synth articles DIR  # the 10,000 articles, as files
    go run ./cmd/synth events        # the million events, in the kept database
    go run ./cmd/synth drop          # remove the kept databases

One benchmark alone, e.g. the pages at 100,000 events:

    go test -run '^$' -bench BenchmarkPages ./views/

## Query plans at %d events

How PostgreSQL runs the timeline's queries (EXPLAIN ANALYZE, the lines that
say how rows are found and ordered). An overview that samples runs one
query per sample it reads, sparsest first; each plan follows the last.

`+"```"+`
%s
`+"```"+`
`, time.Now().UTC().Format("2006-01-02"), took.Round(time.Minute), runtime.NumCPU(), strings.TrimSpace(string(goVersion)),
		busy, table, events, events, strings.TrimSpace(plans))
	return b.String()
}
