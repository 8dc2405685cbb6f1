package timex

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dateline/dateline/timeline/extract/evaldata"
)

// newsArticle is one real article of the shared evaluation data with its
// publication date.
type newsArticle struct {
	Text string    `json:"text"`
	DCT  string    `json:"dct"`
	dct  time.Time // DCT, parsed
}

// newsArticles reads the .txt articles of the shared dev and news sets, in
// name order, each with the publication date of its gold file. They are
// read at run time and never copied into the repository.
func newsArticles(tb testing.TB) []newsArticle {
	tb.Helper()
	var out []newsArticle
	for _, set := range []string{"dev", "news"} {
		dir := evaldata.Dir(tb, set)
		names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			tb.Fatal(err)
		}
		sort.Strings(names)
		for _, name := range names {
			body, err := os.ReadFile(name)
			if err != nil {
				tb.Fatal(err)
			}
			gold, err := os.ReadFile(strings.TrimSuffix(name, ".txt") + ".gold.json")
			if err != nil {
				tb.Fatal(err)
			}
			var g struct {
				DCT string `json:"dct"`
			}
			if err := json.Unmarshal(gold, &g); err != nil {
				tb.Fatalf("%s: %v", name, err)
			}
			dct, err := time.Parse("2006-01-02", g.DCT)
			if err != nil {
				tb.Fatalf("%s: dct: %v", name, err)
			}
			out = append(out, newsArticle{Text: string(body), DCT: g.DCT, dct: dct})
		}
	}
	if len(out) == 0 {
		tb.Fatal("no .txt articles in the shared dev and news sets")
	}
	return out
}

// repeatTo repeats the articles, in order, until they hold at least size
// bytes of text.
func repeatTo(arts []newsArticle, size int) []newsArticle {
	var out []newsArticle
	for n := 0; n < size; {
		for _, a := range arts {
			if n >= size {
				break
			}
			out = append(out, a)
			n += len(a.Text)
		}
	}
	return out
}

func bytesOf(arts []newsArticle) int {
	n := 0
	for _, a := range arts {
		n += len(a.Text)
	}
	return n
}

// timexBaseline holds what later sub-benchmarks are compared with:
// "chrono" (bytes per CPU second of chrono-node) and "1MiB", "one-1MiB"
// (CPU seconds per 1 MiB run).
var timexBaseline sync.Map

// BenchmarkTimexNews measures Find on the real articles of the shared dev
// and news sets, repeated to 1 and 4 MiB: article by article, each against
// its publication date, and as one text (as "dateline timex FILE" reads
// it). chrono-node 2.10 (installed by "make bench" in a scratch directory
// named by DATELINE_CHRONO_DIR) parses the same 4 MiB article by article,
// in the same run, as the baseline. The article runs report their speed as
// a multiple of chrono-node's (x-chrono), and every 4 MiB run its cost as
// a multiple of its 1 MiB run's (x-1MiB-time: 4 when the cost grows
// linearly).
//
// The ratios are of CPU time (cpu-MB/s: the bytes over the CPU time the
// process spent on the least costly of its runs, its collector's and
// compiler's threads included), which other work on a shared machine
// disturbs far less than the time on the clock; MB/s is by the clock, the
// mean of the runs, as usual.
func BenchmarkTimexNews(b *testing.B) {
	arts := newsArticles(b)
	var chrono struct {
		once             sync.Once
		speed, cpuSpeed  float64
		version, skipped string
	}
	b.Run("chrono-node/4MiB", func(b *testing.B) {
		chrono.once.Do(func() {
			dir := os.Getenv("DATELINE_CHRONO_DIR")
			if dir == "" {
				chrono.skipped = "chrono-node is not installed: make bench installs it and sets DATELINE_CHRONO_DIR"
				return
			}
			chrono.speed, chrono.cpuSpeed, chrono.version = chronoSpeed(b, dir, repeatTo(arts, 4<<20))
			timexBaseline.Store("chrono", chrono.cpuSpeed)
		})
		if chrono.skipped != "" {
			b.Skip(chrono.skipped)
		}
		for b.Loop() {
			// measured once, by node: see chronoSpeed
		}
		b.ReportMetric(chrono.speed/1e6, "MB/s")
		b.ReportMetric(chrono.cpuSpeed/1e6, "cpu-MB/s")
		b.Logf("chrono-node %s", chrono.version)
	})
	for _, mib := range []int{1, 4} {
		set := repeatTo(arts, mib<<20)
		size := bytesOf(set)
		b.Run(fmt.Sprintf("dateline/%dMiB", mib), func(b *testing.B) {
			b.SetBytes(int64(size))
			least := math.Inf(1)
			for b.Loop() {
				cpu := cpuTime(b)
				for _, a := range set {
					Find(a.Text, a.dct)
				}
				least = min(least, cpuTime(b)-cpu)
			}
			reportTimex(b, "", mib, size, least)
		})
	}
	for _, mib := range []int{1, 4} {
		set := repeatTo(arts, mib<<20)
		var whole strings.Builder
		for _, a := range set {
			whole.WriteString(a.Text)
			whole.WriteString("\n\n")
		}
		text, dct := whole.String(), set[0].dct
		b.Run(fmt.Sprintf("dateline-one-text/%dMiB", mib), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			least := math.Inf(1)
			for b.Loop() {
				cpu := cpuTime(b)
				Find(text, dct)
				least = min(least, cpuTime(b)-cpu)
			}
			reportTimex(b, "one-", mib, len(text), least)
		})
	}
}

// cpuTime is the CPU time the process has spent, in seconds.
func cpuTime(b *testing.B) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// reportTimex reports the speed of the least costly run by CPU time,
// against chrono-node's and, at 4 MiB, its cost against the 1 MiB run of
// the same kind.
func reportTimex(b *testing.B, kind string, mib, size int, perOp float64) {
	b.ReportMetric(float64(size)/perOp/1e6, "cpu-MB/s")
	if base, ok := timexBaseline.Load("chrono"); ok && kind == "" {
		b.ReportMetric(float64(size)/perOp/base.(float64), "x-chrono")
	}
	if mib == 1 {
		timexBaseline.Store(kind+"1MiB", perOp)
	} else if one, ok := timexBaseline.Load(kind + "1MiB"); ok {
		b.ReportMetric(perOp/one.(float64), "x-1MiB-time")
	}
}

// chronoSpeed runs testdata/chrono-bench.cjs on the articles and returns
// chrono-node's speed in bytes per second by the clock and by CPU time,
// and its version.
func chronoSpeed(b *testing.B, dir string, set []newsArticle) (speed, cpuSpeed float64, version string) {
	input, err := json.Marshal(set)
	if err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(b.TempDir(), "articles.json")
	if err := os.WriteFile(file, input, 0o600); err != nil {
		b.Fatal(err)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "chrono-bench.cjs"))
	if err != nil {
		b.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(b.Context(), "node", script, dir, file, "5")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("node %s: %v\n%s", script, err, stderr.Bytes())
	}
	var got struct {
		Version    string  `json:"version"`
		Bytes      int     `json:"bytes"`
		Seconds    float64 `json:"seconds"`
		CPUSeconds float64 `json:"cpu_seconds"`
		Found      int     `json:"found"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		b.Fatalf("chrono-bench output %q: %v", stdout.Bytes(), err)
	}
	if got.Bytes != bytesOf(set) || got.Seconds <= 0 || got.CPUSeconds <= 0 || got.Found == 0 {
		b.Fatalf("chrono-bench read %d bytes (want %d) in %gs and found %d dates", got.Bytes, bytesOf(set), got.Seconds, got.Found)
	}
	if !strings.HasPrefix(got.Version, "2.10.") {
		b.Fatalf("chrono-node %s in %s; the baseline is 2.10.x", got.Version, dir)
	}
	return float64(got.Bytes) / got.Seconds, float64(got.Bytes) / got.CPUSeconds, got.Version
}
