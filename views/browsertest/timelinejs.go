package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/dateline/dateline/timeline/export/exporttest"
)

// TimelineJSResult is what TimelineJS made of a document.
type TimelineJSResult struct {
	Loaded bool     // TimelineJS fired "loaded": it built the timeline
	Events int      // events TimelineJS accepted (title slide aside)
	Slides []string // headline of every slide, title slide first
	Groups []string // the groups shown on the time axis
	// Errors are TimelineJS's own complaints about the data and everything
	// the page logged as an error: console errors, uncaught exceptions,
	// failed requests.
	Errors []string
}

const timelinePage = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>TimelineJS check</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/timelinejs/css/timeline.css">
<script src="/timelinejs/js/timeline.js"></script>
</head><body>
<div id="timeline" style="width: 1200px; height: 700px"></div>
<script>
window.check = {done: false, loaded: false, errors: []};
try {
  const tl = new TL.Timeline("timeline", "/timeline.json", {
    hash_bookmark: false, language: "en",
    // TimelineJS loads fonts and languages from script_path, by default a
    // CDN; its default font comes from Google Fonts. Georgia and Helvetica
    // are fonts the system has.
    script_path: location.origin + "/timelinejs/js/",
    font: "georgia-helvetica",
  });
  window.tl = tl;
  tl.on("loaded", () => { window.check.loaded = true; window.check.done = true; });
  setTimeout(() => { window.check.done = true; }, 15000);
} catch (e) {
  window.check.errors.push("TL.Timeline: " + e);
  window.check.done = true;
}
</script>
</body></html>`

// collect reads the outcome once TimelineJS is done.
const collect = `(() => {
  const c = window.check, tl = window.tl;
  const errs = c.errors.slice();
  if (tl && tl.config && tl.config.getErrors) errs.push(...tl.config.getErrors().map(String));
  const msg = document.querySelector(".tl-message-content");
  if (msg && msg.offsetParent !== null && msg.textContent.trim()) errs.push("message: " + msg.textContent.trim());
  return {
    loaded: c.loaded,
    events: tl && tl.config && tl.config.events ? tl.config.events.length : 0,
    slides: Array.from(document.querySelectorAll(".tl-storyslider .tl-slide")).map(
      s => (s.querySelector(".tl-headline") || {textContent: ""}).textContent.trim()),
    groups: Array.from(document.querySelectorAll(".tl-timegroup-message")).map(g => g.textContent.trim()),
    errors: errs,
  };
})()`

// RenderTimelineJS loads doc into TimelineJS in headless Chromium. The
// library comes from the npm package @knight-lab/timelinejs installed in
// .ci/node, served with the document by a local server: nothing is
// fetched from the network.
func RenderTimelineJS(t testing.TB, doc []byte) TimelineJSResult {
	t.Helper()
	dist := filepath.Join(exporttest.Root(t), ".ci/node/node_modules/@knight-lab/timelinejs/dist")
	if _, err := os.Stat(filepath.Join(dist, "js/timeline.js")); err != nil {
		Need(t, "TimelineJS is not installed", "run: npm ci --prefix .ci/node")
	}
	ctx := New(t)

	mux := http.NewServeMux()
	mux.Handle("GET /timelinejs/", http.StripPrefix("/timelinejs/", http.FileServer(http.Dir(dist))))
	mux.HandleFunc("GET /timeline.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(doc)
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(timelinePage))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	// Subscribe before navigating, so that no message is lost; read them
	// after the page is done.
	consoleCtx, stopConsole := context.WithCancel(ctx)
	messages := chromedp.Console(consoleCtx)
	runCtx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	err := chromedp.Do(runCtx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.Poll[chromedp.Void](`window.check && window.check.done`, chromedp.WithPollingInterval(50*time.Millisecond)),
		// Let TimelineJS finish laying out what it loaded.
		chromedp.Sleep(300*time.Millisecond),
	)
	if err != nil {
		stopConsole()
		t.Fatalf("render TimelineJS: %v", err)
	}
	raw, err := chromedp.Run(runCtx, chromedp.Evaluate[json.RawMessage](collect))
	if err != nil {
		stopConsole()
		t.Fatalf("read TimelineJS's state: %v", err)
	}
	var logged []string
	stopConsole()
	for m, err := range messages {
		if err != nil {
			break
		}
		if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException || m.Type == "assert" {
			logged = append(logged, fmt.Sprintf("%s %s", m, m.URL))
		}
	}
	var res struct {
		Loaded bool     `json:"loaded"`
		Events int      `json:"events"`
		Slides []string `json:"slides"`
		Groups []string `json:"groups"`
		Errors []string `json:"errors"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatal(err)
	}
	return TimelineJSResult{
		Loaded: res.Loaded, Events: res.Events, Slides: res.Slides, Groups: res.Groups,
		Errors: append(res.Errors, logged...),
	}
}
