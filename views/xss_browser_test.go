package views

import (
	"strings"
	"sync/atomic"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// hostileArticle reports a real-looking event with script in every form an
// article may carry it: a script element, event-handler attributes, a
// javascript: link, and the same as plain text that the pages show.
const hostileArticle = `<html><head><title>Summit <script>window.__xss = "title"; alert("title")</script></title>
<meta property="article:published_time" content="2025-07-03T10:00:00Z">
<script>window.__xss = "head"; alert("head")</script></head>
<body><article>
<h1 onmouseover="window.__xss = 'h1'">Leaders meet at the border</h1>
<p>On July 2, 2025, President Ana Lopez of Chile met President Luis Arce of Bolivia in La Paz <img src="x" onerror="window.__xss = 'img'; alert('img')">, officials said.</p>
<p>The talks, <a href="javascript:window.__xss='link';alert('link')">reported here</a>, ended with an agreement &lt;script&gt;window.__xss = "text"; alert("text")&lt;/script&gt; signed on July 3, 2025.</p>
<svg onload="window.__xss = 'svg'"><script>window.__xss = "svg script"</script></svg>
<iframe src="javascript:window.top.__xss='iframe'"></iframe>
</article></body></html>`

// Nothing in an article runs, at any step: pasted, reviewed, accepted,
// on the timeline and on the event's page. A script that ran would set
// window.__xss or open a dialog.
func TestBrowserScriptInAnArticleNeverRuns(t *testing.T) {
	b := newBrowser(t)
	var dialogs atomic.Int32
	err := chromedp.Listen(b.ctx, func(ev any) {
		if _, ok := ev.(*cdppage.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
			go chromedp.Call(b.ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	ran := func(step string) {
		t.Helper()
		if v := eval[string](b, `String(window.__xss)`); v != "undefined" {
			t.Errorf("%s: a script in the article ran (window.__xss = %q)", step, v)
		}
		if n := dialogs.Load(); n > 0 {
			t.Errorf("%s: %d dialogs opened", step, n)
		}
	}
	plain := "On July 2, 2025, President Ana Lopez of Chile met President Luis Arce of Bolivia " +
		`<script>window.__xss = "plain"; alert("plain")</script> <img src=x onerror="window.__xss='plain img'"> in La Paz.`

	for _, body := range []string{hostileArticle, plain} {
		b.open("/articles/new")
		b.do(chromedp.SetValue(chromedp.CSS(`[data-testid=article-body]`), body))
		b.click("read-article")
		ran("review")
		if b.eval(`document.querySelectorAll("[data-testid=candidate]").length`) == 0 {
			t.Fatalf("no event found in the article: %s", b.text("main"))
		}
		b.click("accept")
		ran("timeline")
		b.load(chromedp.Click(chromedp.CSS(`[data-testid=event-title]`)))
		ran("event page")
		// Links on the pages lead nowhere but http(s) and the site.
		if bad := b.eval(`Array.from(document.querySelectorAll("a[href]")).filter(a => !/^(https?:|\/|#)/.test(a.getAttribute("href"))).length`); bad != 0 {
			t.Errorf("%d links with another scheme on the event page", bad)
		}
	}
	// The plain article's script is on the page as words, not as code.
	if shown := b.text("main"); !strings.Contains(shown, `<script>window.__xss = "plain"`) {
		t.Errorf("the event page does not show the quoted script as text: %.300s", shown)
	}
	b.screenshot("hostile-article")
}

// eval is eval[int] for counts.
func (b *browser) eval(script string) int {
	b.t.Helper()
	return eval[int](b, script)
}
