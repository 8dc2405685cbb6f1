package views

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract"
)

// Follow is what the Feeds page needs besides the store: a feed is added
// with its first poll enqueued in the same transaction, and polls and
// retries are jobs (work.Queue).
type Follow interface {
	AddFeed(ctx context.Context, f *timeline.Feed) error
	// PollNow reports false when a poll is waiting or running already.
	PollNow(ctx context.Context, feedID int64) (bool, error)
	RetryItem(ctx context.Context, itemID int64) error
	RemoveFeed(ctx context.Context, feedID int64) error
}

// problemsPerFeed is how many failed items the Feeds page shows a feed
// with.
const problemsPerFeed = 10

// FeedsModel is the Feeds page: the form to follow a feed and every feed
// followed, with how it is doing.
type FeedsModel struct {
	Form     FeedForm
	Feeds    []timeline.Feed
	Problems map[int64][]timeline.FeedItem
	Notice   string
	// Off says following is not available on this server.
	Off bool
}

// FeedForm is the form to follow a feed.
type FeedForm struct {
	URL, Every, Accept string
	Errors             *timeline.ValidationError
}

// everyChoices are the intervals the form offers, as --every takes them.
var everyChoices = []struct{ Value, Label string }{
	{"15m", "every 15 minutes"}, {"30m", "every 30 minutes"}, {"1h", "every hour"},
	{"6h", "every 6 hours"}, {"24h", "once a day"},
}

func (s *Server) feedsPage(w http.ResponseWriter, r *http.Request) error {
	m := FeedsModel{Form: FeedForm{Every: "30m", Accept: string(timeline.AcceptReview)}, Notice: feedNotice(r.URL.Query())}
	return s.renderFeeds(w, r, http.StatusOK, m)
}

func (s *Server) renderFeeds(w http.ResponseWriter, r *http.Request, status int, m FeedsModel) error {
	var err error
	if m.Feeds, err = s.inbox.Feeds(r.Context()); err != nil {
		return err
	}
	if m.Problems, err = s.inbox.FeedProblems(r.Context(), problemsPerFeed); err != nil {
		return err
	}
	m.Off = s.opts.Follow == nil
	return renderStatus(w, r, status, FeedsPage(m))
}

// addFeed follows the feed the form gives; its first poll is enqueued.
func (s *Server) addFeed(w http.ResponseWriter, r *http.Request) error {
	if s.opts.Follow == nil {
		return statusError{status: http.StatusServiceUnavailable, message: "Following feeds is not available on this server."}
	}
	form := FeedForm{URL: strings.TrimSpace(r.PostFormValue("url")), Every: r.PostFormValue("every"), Accept: r.PostFormValue("accept")}
	f := timeline.Feed{URL: form.URL, Accept: timeline.Accept(form.Accept)}
	v := &timeline.ValidationError{}
	every, err := time.ParseDuration(form.Every)
	if err != nil {
		v.Add("every", "choose how often to look for new articles")
	}
	f.Every = every
	if v.Err() == nil {
		err = s.opts.Follow.AddFeed(r.Context(), &f)
		if fe := timeline.FieldErrors(err); fe != nil {
			v = fe
		} else if err != nil {
			return err
		}
	}
	if v.Err() != nil {
		form.Errors = v
		return s.renderFeeds(w, r, http.StatusUnprocessableEntity, FeedsModel{Form: form})
	}
	return seeOther(w, r, "/feeds?notice=added#"+feedAnchor(f.ID))
}

// feedAction runs act on the feed or item the path names, then shows the
// Feeds page with a notice.
func (s *Server) feedAction(act func(ctx context.Context, id int64) (notice string, err error)) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.opts.Follow == nil {
			return statusError{status: http.StatusServiceUnavailable, message: "Following feeds is not available on this server."}
		}
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			return timeline.ErrNotFound
		}
		notice, err := act(r.Context(), id)
		if err != nil {
			return err
		}
		return seeOther(w, r, "/feeds?notice="+notice)
	}
}

func (s *Server) pollFeed(ctx context.Context, id int64) (string, error) {
	queued, err := s.opts.Follow.PollNow(ctx, id)
	if err != nil || queued {
		return "polling", err
	}
	return "polling-already", nil
}

func (s *Server) removeFeed(ctx context.Context, id int64) (string, error) {
	return "removed", s.opts.Follow.RemoveFeed(ctx, id)
}

func (s *Server) retryItem(ctx context.Context, id int64) (string, error) {
	return "retrying", s.opts.Follow.RetryItem(ctx, id)
}

// feedNotice is the message a redirect asked the Feeds page to show:
// fixed texts only.
func feedNotice(q url.Values) string {
	switch q.Get("notice") {
	case "added":
		return "The feed is followed. Its articles are being fetched and read; their events will wait in the inbox, or go on the timeline, as you chose."
	case "polling":
		return "The feed will be looked at in a moment."
	case "polling-already":
		return "The feed is being looked at already."
	case "removed":
		return "The feed is no longer followed. Events already on the timeline stay."
	case "retrying":
		return "The article will be fetched again in a moment."
	}
	return ""
}

func feedAnchor(id int64) string { return "feed-" + strconv.FormatInt(id, 10) }

// feedName is a feed's title, or its address before its first poll.
func feedName(f timeline.Feed) string {
	if f.Title != "" {
		return f.Title
	}
	return f.URL
}

// everyText says a polling interval in words.
func everyText(d time.Duration) string {
	for _, c := range everyChoices {
		if e, _ := time.ParseDuration(c.Value); e == d {
			return c.Label
		}
	}
	return "every " + timeline.ShortDuration(d)
}

// whenText says an instant of the recent past or near future in UTC.
func whenText(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2 Jan 2006, 15:04 UTC")
}

// itemCounts says what became of a feed's items, in the order of their
// life.
func itemCounts(f timeline.Feed) string {
	var parts []string
	for _, st := range []struct {
		state timeline.ItemState
		label string
	}{
		{timeline.ItemQueued, "being fetched"}, {timeline.ItemInbox, "in the inbox"}, {timeline.ItemAdded, "added"},
		{timeline.ItemKnown, "known already"}, {timeline.ItemDismissed, "dismissed"}, {timeline.ItemFailed, "failed"},
	} {
		if n := f.Items[st.state]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, st.label))
		}
	}
	if len(parts) == 0 {
		return "no articles yet"
	}
	return strings.Join(parts, ", ")
}

// InboxModel is the inbox: articles from feeds whose events wait for
// review, by feed.
type InboxModel struct {
	Groups []InboxGroup
	Notice string
}

// InboxGroup is one feed's waiting articles.
type InboxGroup struct {
	Feed     timeline.Feed
	Articles []timeline.InboxArticle
}

func (s *Server) inboxPage(w http.ResponseWriter, r *http.Request) error {
	waiting, err := s.inbox.Inbox(r.Context())
	if err != nil {
		return err
	}
	m := InboxModel{Notice: inboxNotice(r.URL.Query())}
	for _, ia := range waiting {
		if n := len(m.Groups); n == 0 || m.Groups[n-1].Feed.ID != ia.Feed.ID {
			m.Groups = append(m.Groups, InboxGroup{Feed: ia.Feed})
		}
		g := &m.Groups[len(m.Groups)-1]
		g.Articles = append(g.Articles, ia)
	}
	return render(w, r, InboxPage(m))
}

func inboxNotice(q url.Values) string {
	switch q.Get("notice") {
	case "dismissed":
		return "The article was dismissed: nothing of it was added, and it will not be fetched again."
	case "gone":
		return "That article is no longer waiting: someone accepted or dismissed it already."
	case "accepted":
		return fmt.Sprintf("%s with %s added to the timeline.",
			plural(queryCount(q, "articles"), "article", "articles"), plural(queryCount(q, "events"), "event", "events"))
	}
	return ""
}

// inboxItem is the inbox article the path names.
func inboxItem(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return 0, timeline.ErrNotFound
	}
	return id, nil
}

// reviewInbox shows a waiting article for review, with the same controls
// as a pasted one.
func (s *Server) reviewInbox(w http.ResponseWriter, r *http.Request) error {
	id, err := inboxItem(r)
	if err != nil {
		return err
	}
	ia, err := s.inbox.InboxArticle(r.Context(), id)
	if errors.Is(err, timeline.ErrNotFound) {
		return seeOther(w, r, "/inbox?notice=gone")
	}
	if err != nil {
		return err
	}
	res := extract.Result{Title: ia.Article.Title, Published: ia.Article.Published,
		PublishedSource: ia.Article.PublishedSource, Events: ia.Events, Notes: ia.Notes}
	m := reviewOf(ArticleForm{Body: ia.Article.Body, URL: ia.Article.URL}, res)
	m.InboxItem, m.FeedTitle = id, feedName(ia.Feed)
	return render(w, r, ReviewPage(m))
}

func (s *Server) dismissInbox(w http.ResponseWriter, r *http.Request) error {
	id, err := inboxItem(r)
	if err != nil {
		return err
	}
	if err := s.inbox.DismissInbox(r.Context(), id); errors.Is(err, timeline.ErrNotFound) {
		return seeOther(w, r, "/inbox?notice=gone")
	} else if err != nil {
		return err
	}
	return seeOther(w, r, "/inbox?notice=dismissed")
}

// acceptFeedInbox adds every waiting article of a feed as extraction
// found it.
func (s *Server) acceptFeedInbox(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return timeline.ErrNotFound
	}
	articles, events, err := s.inbox.AcceptFeedInbox(r.Context(), id)
	if err != nil {
		return err
	}
	q := url.Values{"notice": {"accepted"}, "articles": {strconv.Itoa(articles)}, "events": {strconv.Itoa(events)}}
	return seeOther(w, r, "/inbox?"+q.Encode())
}

// itemName is an item's title, or its address.
func itemName(it timeline.FeedItem) string {
	if it.Title != "" {
		return it.Title
	}
	return it.URL
}

// inboxEvents says how many events an article brings, and when it was
// published.
func inboxEvents(ia timeline.InboxArticle) string {
	s := "no dated events found"
	if len(ia.Events) > 0 {
		s = plural(len(ia.Events), "event", "events")
	}
	if !ia.Article.Published.IsZero() {
		s += ", published " + ia.Article.Published.String()
	}
	return s
}
