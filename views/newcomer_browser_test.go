package views

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/views/browsertest"
)

// What a newcomer tripped over (issue 13), page by page, in Chromium: each
// test reads the page as shown and keeps screenshots at 1280 and 390
// pixels wide.

// screenshots keeps name-1280.png and name-390.png: the page on a desktop
// and on a phone. The tab goes back to the desktop's width.
func (b *browser) screenshots(name string) {
	b.t.Helper()
	b.phone()
	b.screenshot(name + "-390")
	b.desktop()
	b.screenshot(name + "-1280")
}

func (b *browser) phone()   { b.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)) }
func (b *browser) desktop() { b.do(chromedp.EmulateViewport(1280, 900)) }

// submit clicks the submit button testid and returns the status of the
// page it loads, which may be an error with the form again.
func (b *browser) submit(testid string) int64 {
	b.t.Helper()
	resp, err := chromedp.RunResponse(b.ctx, chromedp.Click(chromedp.CSS(`[data-testid=`+testid+`]`)))
	if err != nil {
		b.t.Fatal(err)
	}
	return resp.Status
}

// value is the value of the input sel.
func (b *browser) value(sel string) string {
	b.t.Helper()
	return eval[string](b, fmt.Sprintf(`document.querySelector(%q).value`, sel))
}

// visible reports whether sel is rendered (not folded away or hidden).
func (b *browser) visible(sel string) bool {
	b.t.Helper()
	return eval[bool](b, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.checkVisibility({contentVisibilityAuto: true}) && e.getBoundingClientRect().height > 0; })()`, sel))
}

// emptyInput empties the input sel, as selecting its text and deleting it
// would.
func emptyInput(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).value = ""`, sel))
}

// candidateSel is the selector of the candidate of kind.
func candidateSel(kind string) string {
	return `[data-testid=candidate][data-kind=` + kind + `]`
}

// The review: a doubtful event starts unticked and says why; the date's
// reading follows what is typed; reading again keeps the edits.
func TestBrowserReviewKeepsEditsAndExplainsDoubts(t *testing.T) {
	b := newBrowser(t)
	b.open("/articles/new")
	b.do(chromedp.SetValue(chromedp.CSS(`[data-testid=article-body]`), string(article(t, "wire-summit.txt"))))
	b.click("read-article")

	visit := candidateSel("visit")
	if eval[bool](b, `document.querySelector("`+visit+` [data-testid=candidate-selected]").checked`) {
		t.Error("the planned visit starts ticked")
	}
	if got := b.text(visit + ` [data-testid=candidate-doubt]`); !strings.Contains(got, "planned") {
		t.Errorf("the visit's doubt: %q", got)
	}
	if b.text(candidateSel("meeting")+` [data-testid=candidate-doubt]`) != "" {
		t.Error("a reported, likely meeting is called doubtful")
	}

	// The call's date, retyped: its reading follows.
	call := candidateSel("call")
	b.do(
		emptyInput(call+` [data-testid=candidate-date]`),
		chromedp.SendKeys(chromedp.CSS(call+` [data-testid=candidate-date]`), "March 10, 2024"),
		chromedp.Poll[chromedp.Void](`document.querySelector("`+call+` [data-testid=candidate-date-read]").innerText.includes("10 March 2024")`),
	)
	// And one that reads two ways says so.
	b.do(
		emptyInput(call+` [data-testid=candidate-date]`),
		chromedp.SendKeys(chromedp.CSS(call+` [data-testid=candidate-date]`), "03/10/2024"),
		chromedp.Poll[chromedp.Void](`document.querySelector("`+call+` [data-testid=candidate-date-read]").innerText.includes("If you meant 3 October 2024")`),
	)
	b.do(
		emptyInput(call+` [data-testid=candidate-date]`),
		chromedp.SendKeys(chromedp.CSS(call+` [data-testid=candidate-date]`), "March 10, 2024"),
		chromedp.Clear(chromedp.CSS(candidateSel("meeting")+` [data-testid=candidate-title]`)),
		chromedp.SendKeys(chromedp.CSS(candidateSel("meeting")+` [data-testid=candidate-title]`), "Beispiel and Minta meet in Vienna"),
		chromedp.Click(chromedp.CSS(visit+` [data-testid=candidate-selected]`)),
	)
	b.screenshots("review-edits")

	// Read again from a week later: what was left alone moves, what was
	// changed stays.
	b.do(
		emptyInput(`[data-testid=published]`),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=published]`), "March 21, 2024"),
	)
	b.click("reread")
	if got := b.value(candidateSel("meeting") + ` [data-testid=candidate-date]`); got != "2024-03-21" {
		t.Errorf("the meeting, left alone, is dated %q after reading again", got)
	}
	if got := b.value(candidateSel("meeting") + ` [data-testid=candidate-title]`); got != "Beispiel and Minta meet in Vienna" {
		t.Errorf("the meeting's title went back to %q", got)
	}
	if got := b.text(call + ` [data-testid=candidate-date-read]`); !strings.Contains(got, "10 March 2024") {
		t.Errorf("the call's date reads %q after reading again", got)
	}
	if !eval[bool](b, `document.querySelector("`+visit+` [data-testid=candidate-selected]").checked`) {
		t.Error("the visit the user ticked is unticked again")
	}
	b.screenshots("review-read-again")
}

// An article from the web: its headline and publisher from the page's
// metadata, and each quote shown in its paragraph as a reader sees it.
func TestBrowserReviewingAWebPage(t *testing.T) {
	b := newBrowser(t)
	path, err := filepath.Abs("webpage/testdata/newswire.html")
	if err != nil {
		t.Fatal(err)
	}
	b.open("/articles/new")
	b.do(
		chromedp.SetUploadFiles(chromedp.CSS(`[data-testid=article-file]`), []string{path}),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=article-published]`), "April 14, 2025"),
	)
	b.click("read-article")
	if got := b.value(`[data-testid=review-title]`); got != "Oman hosts a new round of talks between Iran and the United States" {
		t.Errorf("title = %q", got)
	}
	if got := b.value(`[data-testid=review-publisher]`); got != "Gulf Newswire" {
		t.Errorf("publisher = %q", got)
	}
	context := b.text(candidateSel("meeting") + ` [data-testid=candidate-context]`)
	if !strings.Contains(context, "Iran’s nuclear programme, the Omani foreign ministry said") {
		t.Errorf("context = %q", context)
	}
	for _, markup := range []string{"<", "&", "Advertisement", "class="} {
		if strings.Contains(context, markup) {
			t.Errorf("the context shows %q: %q", markup, context)
		}
	}
	b.screenshots("review-web-page")
	b.click("accept")
	if got := b.text(`[data-testid=event-quote]`); strings.Contains(got, "&") || !strings.Contains(got, "Iran’s nuclear programme") {
		t.Errorf("the timeline's quote: %q", got)
	}
	if got := b.text(`[data-testid=event-source]`); !strings.Contains(got, "Oman hosts a new round of talks") || !strings.Contains(got, "Gulf Newswire") {
		t.Errorf("the timeline's source: %q", got)
	}
}

// Uploads that cannot be used say why, next to the file field, with the
// rest of the form kept; a file in Latin-1 is converted.
func TestBrowserUploadsSayWhatIsWrong(t *testing.T) {
	b := newBrowser(t, func(s *Server) { s.opts.MaxArticleBytes = 4 << 10 })
	dir := t.TempDir()
	write := func(name string, content []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct {
		name, file string
		content    []byte
		status     int64
		says       string
	}{
		{"a picture", "photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"), 422, "photo.png is a PNG image, not an article’s text"},
		{"a file over the limit", "long.txt", []byte(strings.Repeat("Leaders met again. ", 400)), 413, "long.txt is 7 KiB, and this Dateline takes articles up to 4 KiB"},
	}
	for _, tt := range tests {
		b.open("/articles/new")
		b.do(
			chromedp.SetUploadFiles(chromedp.CSS(`[data-testid=article-file]`), []string{write(tt.file, tt.content)}),
			chromedp.SendKeys(chromedp.CSS(`[data-testid=article-url]`), "https://news.example/story"),
			chromedp.SendKeys(chromedp.CSS(`[data-testid=article-published]`), "March 14, 2024"),
		)
		if status := b.submit("read-article"); status != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, status, tt.status)
		}
		if got := b.text(`[data-testid=error-file]`); !strings.Contains(got, tt.says) {
			t.Errorf("%s: next to the file: %q", tt.name, got)
		}
		if b.value(`[data-testid=article-url]`) != "https://news.example/story" || b.value(`[data-testid=article-published]`) != "March 14, 2024" {
			t.Errorf("%s: the form lost what was typed", tt.name)
		}
		if tt.status == 413 {
			b.screenshots("upload-too-large")
		} else {
			b.screenshots("upload-not-text")
		}
	}

	latin1 := "Leaders met in Gen\xe8ve on Thursday, the minist\xe8re said.\n"
	b.open("/articles/new")
	b.do(
		chromedp.SetUploadFiles(chromedp.CSS(`[data-testid=article-file]`), []string{write("latin1.txt", []byte(latin1))}),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=article-published]`), "March 14, 2024"),
	)
	b.click("read-article")
	if got := b.text(`[data-testid=notes]`); !strings.Contains(got, "Windows-1252 (Latin-1)") {
		t.Errorf("notes = %q", got)
	}
	if got := eval[string](b, `document.querySelector("input[name=body]").value`); !strings.Contains(got, "Genève") {
		t.Errorf("the article reads %q", got)
	}
}

// On a phone the filters fold behind a summary of what they select, and
// the first event shows on the first screen; on a desktop they are open.
// The strip shows every year that has events; the date range reads dates
// as typed, and says what is wrong next to the field.
func TestBrowserTimelineFiltersStripAndPages(t *testing.T) {
	b := newBrowser(t)
	ctx := context.Background()
	if err := b.store.CreateEvent(ctx, ptr(handEvent(t, timeline.KindStatement, "2014-03-19", "A statement long ago", "Russia"))); err != nil {
		t.Fatal(err)
	}
	last := ""
	for i := range 60 {
		day := fmt.Sprintf("2025-%02d-%02d", 1+i%6, 1+i%28)
		last = max(last, day)
		e := handEvent(t, timeline.KindStrike, day, fmt.Sprintf("Strike %d", i), "Iran", "Israel")
		if err := b.store.CreateEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}

	b.phone()
	b.open("/?actor=Iran&kind=strike")
	if b.visible(`[data-testid=filters]`) {
		t.Error("on a phone the filters are open")
	}
	if got := b.text(`[data-testid=filter-summary]`); !strings.Contains(got, "Strike · Iran") {
		t.Errorf("the summary says %q", got)
	}
	top := eval[float64](b, `document.querySelector("[data-testid=event]").getBoundingClientRect().top`)
	if top > 844 {
		t.Errorf("on a phone the first event starts at %.0f px, below the first screen", top)
	}
	t.Logf("on a phone the first event starts at %.0f px", top)
	b.screenshot("timeline-filters-folded-390")
	b.do(chromedp.Click(chromedp.CSS(`[data-testid=filter-summary]`)))
	if !b.visible(`[data-testid=filters]`) {
		t.Error("the summary does not open the filters")
	}
	b.screenshot("timeline-filters-open-390")

	b.desktop()
	b.open("/?actor=Iran&kind=strike")
	if !b.visible(`[data-testid=filters]`) || b.visible(`[data-testid=filter-summary]`) {
		t.Error("on a desktop the filters are folded")
	}
	b.open("/")
	for _, width := range []int64{1280, 390} {
		if width == 390 {
			b.phone()
		}
		heights := eval[[]float64](b, `Array.from(document.querySelectorAll("[data-testid=overview-bar] rect")).map(r => r.getBoundingClientRect().height)`)
		if len(heights) != 2 {
			t.Errorf("%d px: %d bars, want the years 2014 and 2025", width, len(heights))
		}
		for _, h := range heights {
			if h < 10 {
				t.Errorf("%d px: a bar of %.1f px", width, h)
			}
		}
		t.Logf("%d px wide: bars of %.1f px", width, heights)
	}
	b.desktop()
	b.screenshots("timeline-strip")

	// The date range, as people write dates.
	b.open("/?actor=Iran")
	b.do(
		chromedp.SendKeys(chromedp.CSS(`[data-testid=filter-from]`), "March 2025"),
		chromedp.Poll[chromedp.Void](`document.querySelector("[data-testid=filter-from-reading]").innerText.includes("March 2025")`),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=filter-to]`), "04/30/2025"),
	)
	b.click("filter-submit")
	for _, e := range b.timeline() {
		if e.Date < "2025-03" || e.Date > "2025-04-30" {
			t.Errorf("March to April shows %s on %s", e.Title, e.Date)
		}
	}
	if got := b.value(`[data-testid=filter-from]`); got != "March 2025" {
		t.Errorf("the field shows %q, not what was typed", got)
	}
	// Wrong, and reversed: said next to the field, the filters kept.
	b.do(
		emptyInput(`[data-testid=filter-from]`),
		chromedp.SendKeys(chromedp.CSS(`[data-testid=filter-from]`), "June 2025"),
	)
	if status := b.submit("filter-submit"); status != 400 {
		t.Errorf("a reversed range: %d", status)
	}
	if got := b.text(`[data-testid=error-to]`); !strings.Contains(got, "30 April 2025 is before June 2025") {
		t.Errorf("next to To: %q", got)
	}
	if b.text(`[data-testid=filter-actor-chip]`) != "Iran ×" && !strings.Contains(b.text(`[data-testid=filter-actor-chip]`), "Iran") {
		t.Errorf("the actor filter is gone: %q", b.text(`[data-testid=filter-actor-chip]`))
	}
	b.screenshots("timeline-filter-problem")

	// Oldest first, the latest events are a jump away; the whole
	// selection prints from one page.
	b.open("/?kind=strike")
	b.click("latest")
	shown := b.timeline()
	if len(shown) == 0 || shown[len(shown)-1].Date != last {
		t.Errorf("the latest page ends with %+v", shown[len(shown)-1:])
	}
	b.open("/?kind=strike")
	b.click("print-view")
	if n := len(b.timeline()); n != 60 {
		t.Errorf("the print view shows %d events, want all 60", n)
	}
	if got := b.text(`[data-testid=print-headline]`); got != "Strikes" {
		t.Errorf("print headline %q", got)
	}
	if !b.visible(`[data-testid=print]`) {
		t.Error("no print button")
	}
	b.screenshots("print")
	b.emulate("print-paper", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
}

// The event page leads to the article, at the sentence; the article's
// page marks every sentence its events quote.
func TestBrowserAnEventLeadsToItsArticle(t *testing.T) {
	b := newBrowser(t)
	for _, name := range []string{"grain-corridor.txt", "odesa-port.txt"} {
		b.open("/articles/new")
		b.do(chromedp.SetValue(chromedp.CSS(`[data-testid=article-body]`), string(article(t, name))))
		b.click("read-article")
		b.click("accept")
	}
	b.open("/?kind=strike")
	if got := b.text(`[data-testid=event-source]`); !strings.Contains(got, "2024 · reported by 2 sources") {
		t.Errorf("source line %q", got)
	}
	b.load(chromedp.Click(chromedp.CSS(`[data-testid=event-title]`)))
	if strings.Contains(b.text("main"), "Bytes") {
		t.Error("the event page speaks of bytes")
	}
	b.screenshots("event-mentions")
	b.load(chromedp.Click(chromedp.CSS(`[data-testid=mention-in-article]`)))
	if got := eval[string](b, `(document.querySelector(":target + mark") || {innerText: ""}).innerText`); !strings.HasPrefix(got, "Russia struck the port of Odesa") {
		t.Errorf("the link lands on %q", got)
	}
	if n := eval[int](b, `document.querySelectorAll("[data-testid=article-mark]").length`); n < 2 {
		t.Errorf("%d sentences marked", n)
	}
	b.screenshots("article")

	b.open("/?kind=strike")
	b.load(chromedp.Click(chromedp.CSS(`[data-testid=event-title]`)))
	b.click("delete")
	if got := b.text(".lead"); !strings.Contains(got, "the articles stay. This cannot be undone.") {
		t.Errorf("the delete page says %q", got)
	}
	b.screenshots("delete")
}

// The TimelineJS story of a filtered timeline is headed by its filters,
// as TimelineJS itself shows it.
func TestBrowserTimelineJSTitleSlideNamesTheFilters(t *testing.T) {
	b := newBrowser(t)
	for _, e := range []timeline.Event{
		handEvent(t, timeline.KindStrike, "2025-06-13", "Israel strikes Iran", "Israel", "Iran"),
		handEvent(t, timeline.KindStrike, "2025-06-21", "US strikes Iran", "United States", "Iran"),
	} {
		if err := b.store.CreateEvent(context.Background(), &e); err != nil {
			t.Fatal(err)
		}
	}
	b.open("/?actor=Iran&kind=strike&from=2025&to=2025")
	href := eval[string](b, `document.querySelector("[data-testid=more-formats]").href.replace("/export?", "/timelinejs.json?")`)
	doc, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](fmt.Sprintf(`fetch(%q).then(r => r.text())`, href), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	res := browsertest.RenderTimelineJS(t, []byte(doc))
	if len(res.Slides) == 0 || res.Slides[0] != "Iran, strikes, 2025" {
		t.Errorf("slides %q", res.Slides)
	}
}

func ptr[T any](v T) *T { return &v }
