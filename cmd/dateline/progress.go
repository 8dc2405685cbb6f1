package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows how far a long command has got. On a terminal
// schollz/progressbar draws it, fitted to the terminal's width with the
// rate and the time left, redrawn in place. Elsewhere (a log, CI) redrawn
// lines would pile up as carriage returns, so it writes a plain line
// every few seconds, and the last one always, with the same bar's count.
type progress struct {
	what, unit string
	total      int
	w          io.Writer
	tty        bool
	bar        *progressbar.ProgressBar // nil when total is not known
	every      time.Duration
	shown      time.Time
	pending    func() // the latest state, not yet shown
}

// newProgress reports on what, total units of unit.
func newProgress(w io.Writer, what, unit string, total int) *progress {
	p := &progress{what: what, unit: unit, total: total, w: w, every: 5 * time.Second}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty, p.every = true, 200*time.Millisecond
	}
	if total <= 0 {
		return p
	}
	out := io.Discard // the plain lines are written here
	if p.tty {
		out = w
	}
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(out),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(unit),
		progressbar.OptionFullWidth(),
		progressbar.OptionSetRenderBlankState(true),
	)
	return p
}

// show reports done of the total, with detail (such as counts of
// failures) when there is more to say. It draws at most every p.every;
// done draws what was left.
func (p *progress) show(done int, detail string) {
	p.pending = func() { p.draw(done, detail) }
	if time.Since(p.shown) >= p.every {
		p.flush()
	}
}

func (p *progress) flush() {
	if p.pending != nil {
		p.pending()
		p.pending, p.shown = nil, time.Now()
	}
}

func (p *progress) draw(done int, detail string) {
	if p.bar != nil {
		p.bar.Set(min(done, p.total))
		if detail != "" {
			p.bar.Describe(p.what + ": " + detail)
		}
	}
	if p.tty {
		return
	}
	line := fmt.Sprintf("%s: %d/%d %s", p.what, done, p.total, p.unit)
	if detail != "" {
		line += ", " + detail
	}
	if p.bar != nil {
		s := p.bar.State()
		if s.SecondsSince > 0 {
			line += fmt.Sprintf(", %.1f/s", float64(s.CurrentNum)/s.SecondsSince)
		}
		if s.CurrentNum > 0 {
			line += ", ETA " + time.Duration(s.SecondsLeft*float64(time.Second)).Round(time.Second).String()
		}
	}
	fmt.Fprintln(p.w, line)
}

// done shows the last state and ends the bar's line.
func (p *progress) done() {
	p.flush()
	if p.tty && p.bar != nil {
		fmt.Fprintln(p.w)
	}
}
