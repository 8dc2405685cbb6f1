package views

import (
	"bytes"
	"slices"
	"testing"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/export"
	"github.com/dateline/dateline/timeline/export/exporttest"
	"github.com/dateline/dateline/views/browsertest"
)

// TimelineJS itself, from the npm package, loads the export in Chromium:
// every event becomes a slide, grouped by kind, with no error in the
// console. The check lives with the pages, which serve the export
// (/timelinejs.json), because the browser is theirs to drive: timeline
// imports nothing outer.
func TestTimelineJSLoadsInTheBrowser(t *testing.T) {
	_, events := exporttest.Tricky(t)
	var buf bytes.Buffer
	w := export.NewTimelineJS(&buf, export.Options{Title: "Dateline <test> & more", Description: "Every kind of date."})
	for _, e := range events {
		if err := w.WriteEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	res := browsertest.RenderTimelineJS(t, buf.Bytes())
	for _, e := range res.Errors {
		t.Errorf("TimelineJS: %s", e)
	}
	if !res.Loaded {
		t.Fatal("TimelineJS did not finish loading")
	}
	if res.Events != len(events) || len(res.Slides) != len(events)+1 {
		t.Errorf("%d events, %d slides; want %d events and a title slide", res.Events, len(res.Slides), len(events))
	}
	if len(res.Slides) > 0 && res.Slides[0] != "Dateline <test> & more" {
		t.Errorf("title slide %q", res.Slides[0])
	}
	for _, e := range events {
		if !slices.Contains(res.Slides, e.Title) {
			t.Errorf("no slide for %q", e.Title)
		}
	}
	for _, kind := range []timeline.Kind{timeline.KindCall, timeline.KindStrike, timeline.KindStatement} {
		if !slices.Contains(res.Groups, kind.Label()) {
			t.Errorf("no group %q on the time axis (groups: %v)", kind.Label(), res.Groups)
		}
	}
}
