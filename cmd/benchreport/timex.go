package main

import "fmt"

// timexStep runs the benchmark of "dateline timex" (timeline/extract/timex)
// on the real articles of the shared dev and news sets, against
// chrono-node 2.10 parsing the same articles in the same run (make bench
// installs it in a scratch directory and names it in DATELINE_CHRONO_DIR).
var timexStep = step{"dates", nil,
	[]string{"test", "-count=1", "-run", "^$", "-bench", "^BenchmarkTimexNews$", "-benchtime", "5x", "-timeout", "10m", "./timeline/extract/timex/"}}

// timexRows are the benchmark's lines of the table.
func timexRows(get func(name, unit string) float64) []row {
	const b = "BenchmarkTimexNews/"
	return []row{
		{"dates (dateline timex), 4 MiB of real news, article by article",
			fmt.Sprintf("%.1f MB/s; by CPU time, taking turns with chrono-node, %.1f MB/s",
				get(b+"dateline/4MiB", "MB/s"), get(b+"chrono-node/4MiB", "dateline-cpu-MB/s")),
			fmt.Sprintf("chrono-node 2.10, article by article: %.2f MB/s; by CPU time %.2f MB/s",
				get(b+"chrono-node/4MiB", "MB/s"), get(b+"chrono-node/4MiB", "cpu-MB/s")),
			fmt.Sprintf("%.1fx", get(b+"dateline/4MiB", "x-chrono")), ">= 10x", get(b+"dateline/4MiB", "x-chrono") < 10},
		{"dates, 4 MiB of real news as one text",
			fmt.Sprintf("%.1f MB/s", get(b+"dateline-one-text/4MiB", "MB/s")),
			"1 MiB as one text, CPU time per run",
			fmt.Sprintf("%.2fx the time", get(b+"dateline-one-text/4MiB", "x-1MiB-time")), "<= 4.4x",
			get(b+"dateline-one-text/4MiB", "x-1MiB-time") > 4.4},
	}
}

// timexNotes say what the date rows measure.
const timexNotes = `
## The dates rows

- **Dates**: ` + "`timex.Find`" + ` (what ` + "`dateline timex`" + ` runs) on the .txt
  articles of the shared dev and news sets, read at run time and repeated
  to 4 MiB, each article against its own publication date, against
  chrono-node 2.10 (` + "`chrono.parse`" + ` on each article with its date as the
  reference) on the same bytes in the same run. After a pass that warms
  chrono-node's JIT, the two take turns, a pass each over the 4 MiB, seven
  times, so that both see the same machine; the ratio is of the least CPU
  time of their passes (each process's own, its collector and compiler
  included), which other work on a shared machine disturbs far less than
  time on the clock. The one-text row is the time of 4 MiB read as one
  text over 1 MiB: 4x is linear.
`
