package timex

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
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

// newsArticles reads the plain-text articles of the shared dev and news
// sets, each with the publication date of its gold file. They are read
// at run time and never copied into the repository.
func newsArticles(tb testing.TB) []newsArticle {
	tb.Helper()
	var out []newsArticle
	for _, a := range evaldata.Articles(tb, "dev", "news") {
		out = append(out, newsArticle{Text: a.Text, DCT: a.Published.Format(time.DateOnly), dct: a.Published})
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
// "x-chrono" (dateline's speed over chrono-node's, taking turns) and
// "1MiB", "one-1MiB" (CPU seconds per 1 MiB run).
var timexBaseline sync.Map

// BenchmarkTimexNews measures Find on the real articles of the shared dev
// and news sets, repeated to 1 and 4 MiB: article by article, each against
// its publication date, and as one text (as "dateline timex FILE" reads
// it).
//
// chrono-node 2.10 (installed by "make bench" in a scratch directory named
// by DATELINE_CHRONO_DIR) is the baseline: the chrono-node run takes turns
// with it, a pass of chrono.parse over the 4 MiB, article by article, then
// a pass of Find over the same, seven times, so that both see the same
// machine; the dateline/4MiB run reports the ratio of their speeds
// (x-chrono). Speeds and ratios are of CPU time (cpu-MB/s: the bytes over
// the CPU time of the least costly pass, each process's collector and
// compiler included), which other work on a shared machine disturbs far
// less than the time on the clock; MB/s is by the clock, as usual. Every
// 4 MiB run also reports its cost as a multiple of its 1 MiB run's
// (x-1MiB-time: 4 when the cost grows linearly).
func BenchmarkTimexNews(b *testing.B) {
	arts := newsArticles(b)
	b.Run("chrono-node/4MiB", func(b *testing.B) {
		dir := os.Getenv("DATELINE_CHRONO_DIR")
		if dir == "" {
			b.Skip("chrono-node is not installed: make bench installs it and sets DATELINE_CHRONO_DIR")
		}
		set := repeatTo(arts, 4<<20)
		size := bytesOf(set)
		turns := takeTurns(b, dir, set, 7)
		for b.Loop() {
			// the turns above are the measure: b.N is no count of them
		}
		b.ReportMetric(float64(size)/turns.chronoClock/1e6, "MB/s")
		b.ReportMetric(float64(size)/turns.chrono/1e6, "cpu-MB/s")
		b.ReportMetric(float64(size)/turns.dateline/1e6, "dateline-cpu-MB/s")
		timexBaseline.Store("x-chrono", turns.chrono/turns.dateline)
		b.Logf("chrono-node %s", turns.version)
	})
	for _, mib := range []int{1, 4} {
		set := repeatTo(arts, mib<<20)
		size := bytesOf(set)
		b.Run(fmt.Sprintf("dateline/%dMiB", mib), func(b *testing.B) {
			b.SetBytes(int64(size))
			least := math.Inf(1)
			for b.Loop() {
				least = min(least, findAll(b, set))
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

// findAll runs Find on every article and returns the CPU time it took.
func findAll(b *testing.B, set []newsArticle) float64 {
	cpu := cpuTime(b)
	for _, a := range set {
		Find(a.Text, a.dct)
	}
	return cpuTime(b) - cpu
}

// cpuTime is the CPU time the process has spent, in seconds.
func cpuTime(b *testing.B) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// reportTimex reports the speed of the least costly run by CPU time, its
// ratio to chrono-node's taking turns (at 4 MiB, article by article) and,
// at 4 MiB, its cost against the 1 MiB run of the same kind.
func reportTimex(b *testing.B, kind string, mib, size int, perOp float64) {
	b.ReportMetric(float64(size)/perOp/1e6, "cpu-MB/s")
	if x, ok := timexBaseline.Load("x-chrono"); ok && kind == "" && mib == 4 {
		b.ReportMetric(x.(float64), "x-chrono")
	}
	if mib == 1 {
		timexBaseline.Store(kind+"1MiB", perOp)
	} else if one, ok := timexBaseline.Load(kind + "1MiB"); ok {
		b.ReportMetric(perOp/one.(float64), "x-1MiB-time")
	}
}

// chronoTurns are the least CPU seconds of a pass of chrono-node and of
// Find over the same articles, taking turns, and chrono-node's least time
// on the clock.
type chronoTurns struct {
	chrono, dateline, chronoClock float64
	version                       string
}

// takeTurns runs testdata/chrono-bench.cjs on the articles and, turn
// about, a pass of it and a pass of Find, rounds times.
func takeTurns(b *testing.B, dir string, set []newsArticle, rounds int) chronoTurns {
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
	var stderr bytes.Buffer
	cmd := exec.CommandContext(b.Context(), "node", script, dir, file)
	cmd.Stderr = &stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	out := bufio.NewScanner(outPipe)
	read := func(v any) {
		if !out.Scan() {
			b.Fatalf("chrono-bench said nothing more: %v\n%s", out.Err(), stderr.Bytes())
		}
		if err := json.Unmarshal(out.Bytes(), v); err != nil {
			b.Fatalf("chrono-bench output %q: %v", out.Bytes(), err)
		}
	}
	var head struct {
		Version string `json:"version"`
		Bytes   int    `json:"bytes"`
	}
	read(&head)
	if head.Bytes != bytesOf(set) {
		b.Fatalf("chrono-bench read %d bytes, want %d", head.Bytes, bytesOf(set))
	}
	if !strings.HasPrefix(head.Version, "2.10.") {
		b.Fatalf("chrono-node %s in %s; the baseline is 2.10.x", head.Version, dir)
	}
	turns := chronoTurns{chrono: math.Inf(1), dateline: math.Inf(1), chronoClock: math.Inf(1), version: head.Version}
	for range rounds {
		if _, err := io.WriteString(in, "pass\n"); err != nil {
			b.Fatal(err)
		}
		var pass struct {
			Seconds    float64 `json:"seconds"`
			CPUSeconds float64 `json:"cpu_seconds"`
			Found      int     `json:"found"`
		}
		read(&pass)
		if pass.CPUSeconds <= 0 || pass.Found == 0 {
			b.Fatalf("chrono-bench took %gs and found %d dates", pass.CPUSeconds, pass.Found)
		}
		turns.chrono = min(turns.chrono, pass.CPUSeconds)
		turns.chronoClock = min(turns.chronoClock, pass.Seconds)
		turns.dateline = min(turns.dateline, findAll(b, set))
	}
	in.Close()
	if err := cmd.Wait(); err != nil {
		b.Fatalf("node %s: %v\n%s", script, err, stderr.Bytes())
	}
	return turns
}
