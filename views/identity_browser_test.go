package views

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/dateline/dateline/timeline"
)

// texts are the texts of the elements sel finds in the browser's page.
func (b *browser) texts(sel string) []string {
	b.t.Helper()
	return eval[[]string](b, fmt.Sprintf(`Array.from(document.querySelectorAll(%q)).map(e => e.innerText.trim())`, sel))
}

func TestBrowserAnArticleReadAgainWithItsDateThenDeleted(t *testing.T) {
	b := newBrowser(t)
	// Stored without a publication date, as an ingest of a page without
	// one stores it: "Thursday" could not be placed, so no event.
	a := timeline.Article{Title: "Leaders talk", Publisher: "Example Wire", Body: undatedArticle}
	if _, err := b.store.SaveArticle(context.Background(), &a, nil); err != nil {
		t.Fatal(err)
	}

	b.open("/")
	if got := b.text(`[data-testid=undated-notice]`); !strings.Contains(got, "no publication date") {
		t.Fatalf("the timeline does not point at the undated article: %q", got)
	}
	b.click("undated-articles")
	b.click("article-entry-link")
	if got := b.text(`[data-testid=article-published]`); !strings.Contains(got, "None") {
		t.Errorf("the article page says its date is %q", got)
	}
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-testid=reread-published]`), "July 4, 2025"))
	b.screenshots("article-date")
	b.click("reread-article")

	if got := b.text(`[data-testid=reread-lead]`); !strings.Contains(got, "read again") {
		t.Errorf("review lead = %q", got)
	}
	dates := eval[[]string](b, `Array.from(document.querySelectorAll("[data-testid=candidate]")).map(c => c.dataset.kind + "@" + c.dataset.date)`)
	if len(dates) != 1 || dates[0] != "call@2025-07-03" {
		t.Fatalf("candidates after reading again with 4 July: %v, want the call of Thursday 3 July", dates)
	}
	b.screenshots("article-read-again")
	b.click("accept")
	shown := b.timeline()
	if len(shown) != 1 || shown[0].Date != "2025-07-03" || !shown[0].New || !strings.Contains(shown[0].Source, "4 July 2025") {
		t.Fatalf("timeline = %+v, want the call, new, from the article dated 4 July", shown)
	}
	if n := len(b.texts(`[data-testid=undated-notice]`)); n != 0 {
		t.Error("the timeline still says an article has no date")
	}

	// The article page shows the event's sentence, the date and who set it.
	b.click("event-title")
	b.click("mention-in-article")
	if got := b.texts(`[data-testid=article-mark]`); len(got) != 1 || !strings.Contains(got[0], "spoke by phone on Thursday") {
		t.Errorf("marked = %v", got)
	}
	if got := b.text(`[data-testid=article-published]`); !strings.Contains(got, "4 July 2025, as given") {
		t.Errorf("publication date = %q", got)
	}
	if got := b.texts(`[data-testid=change]`); len(got) != 1 || !strings.Contains(got[0], "publication date from none to 4 July 2025") {
		t.Errorf("history = %v", got)
	}

	// Deleting it says what goes with it, and takes it.
	b.click("delete-article")
	if got := b.texts(`[data-testid=going-event]`); len(got) != 1 || !strings.Contains(got[0], "3 July 2025") {
		t.Errorf("the confirmation lists %v as going", got)
	}
	b.screenshots("article-delete")
	b.click("confirm-delete-article")
	if got := b.text(`[data-testid=notice]`); got != "The article was deleted, with the 1 event only it reported." {
		t.Errorf("notice = %q", got)
	}
	if shown := b.timeline(); len(shown) != 0 {
		t.Errorf("the timeline still shows %+v", shown)
	}
}

func TestBrowserMergingActorsAndEvents(t *testing.T) {
	b := newBrowser(t)
	ctx := context.Background()
	for _, e := range []timeline.Event{
		personEvent(t, timeline.KindCall, "2025-07-03", "Trump and Putin speak", "Donald Trump", "Vladimir Putin"),
		personEvent(t, timeline.KindCall, "2025-07-04", "The Kremlin reports a call", "Kremlin spokesman"),
	} {
		if err := b.store.CreateEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	// the filter finds Putin by his surname
	b.open("/")
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-testid=filter-actor]`), "Putin"))
	b.click("filter-submit")
	if shown := b.timeline(); len(shown) != 1 || shown[0].Title != "Trump and Putin speak" {
		t.Fatalf("filtered by Putin: %+v", shown)
	}

	// the spokesman's actor is merged into Putin's, from its page
	b.open("/actors?name=" + "Kremlin+spokesman")
	b.do(chromedp.SendKeys(chromedp.CSS(`[data-testid=merge-into]`), "Mr. Putin"))
	b.click("merge-continue")
	if got := b.text(`[data-testid=merge-plan]`); !strings.Contains(got, "1 event of Kremlin spokesman will name Vladimir Putin instead") {
		t.Errorf("merge plan = %q", got)
	}
	b.screenshots("actor-merge")
	b.click("confirm-actor-merge")
	if got := b.text(`[data-testid=actor-name]`); got != "Vladimir Putin" {
		t.Errorf("after the merge, the page of %q", got)
	}
	if got := b.texts(`[data-testid=actor-event]`); len(got) != 2 {
		t.Errorf("Putin's events = %v", got)
	}
	// the spokesman's name came along, not his surname
	if got := strings.Join(b.texts(`[data-testid=actor-alias]`), "; "); !strings.Contains(got, "Kremlin spokesman") || strings.Contains(got, "spokesman (surname") {
		t.Errorf("Putin's names = %s", got)
	}
	b.screenshots("actor")

	// the two calls, a day apart, are one: merged from the first's page
	b.click("actor-timeline")
	b.click("event-title")
	b.click("merge-nearby")
	b.screenshots("event-merge")
	b.click("confirm-merge")
	if got := b.text(`[data-testid=event-sources]`); got != "No article" {
		t.Errorf("sources = %q", got)
	}
	if got := b.texts(`[data-testid=change-action]`); len(got) == 0 || got[0] != "merged another event into it" {
		t.Errorf("history = %v", got)
	}
	b.open("/")
	if shown := b.timeline(); len(shown) != 1 {
		t.Errorf("the timeline shows %d events after the merge, want 1", len(shown))
	}
}
