package timeline

import (
	"fmt"
	"strings"
	"time"
)

// Accept says what becomes of the events found in a followed feed's
// articles.
type Accept string

// The ways of accepting a feed's events.
const (
	// AcceptReview puts them in the inbox, off the timeline until a
	// person accepts them.
	AcceptReview Accept = "review"
	// AcceptAuto puts them on the timeline at once, marked as not
	// reviewed.
	AcceptAuto Accept = "auto"
)

// Valid reports whether a is a known way of accepting.
func (a Accept) Valid() bool { return a == AcceptReview || a == AcceptAuto }

// Bounds of a feed's polling interval: often enough to follow a story,
// rarely enough to be a polite client.
const (
	MinFeedEvery     = time.Minute
	MaxFeedEvery     = 7 * 24 * time.Hour
	DefaultFeedEvery = 30 * time.Minute
)

// Feed is a news feed (RSS, Atom or JSON Feed) that Dateline follows: it
// is polled every Every, and each new item's article is fetched and read.
type Feed struct {
	ID     int64
	URL    string
	Title  string // the feed's own, once polled
	Every  time.Duration
	Accept Accept
	// NextPoll is when the feed is due; Polled when it last answered.
	NextPoll, Polled time.Time
	// Error says why the last poll failed, at Failed; "" when it
	// succeeded.
	Error     string
	Failed    time.Time
	CreatedAt time.Time
	// Items counts the feed's items in each state.
	Items map[ItemState]int
}

// Validate checks the feed and returns a *ValidationError, or nil.
func (f *Feed) Validate() error {
	v := &ValidationError{}
	if f.URL == "" {
		v.Add("url", "give the feed's address")
	} else {
		checkURL(v, "url", f.URL)
	}
	if f.Every < MinFeedEvery || f.Every > MaxFeedEvery {
		v.Add("every", fmt.Sprintf("poll between every %s and every %s", ShortDuration(MinFeedEvery), ShortDuration(MaxFeedEvery)))
	}
	if !f.Accept.Valid() {
		v.Add("accept", `choose "review" or "auto"`)
	}
	return v.Err()
}

// ShortDuration writes a duration without its zero parts, as --every
// takes it: "1m", "30m", "2h", "1h30m".
func ShortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// ItemState is where an item of a feed stands.
type ItemState string

// The states of an item.
const (
	ItemQueued    ItemState = "queued"    // a job will fetch and read it
	ItemInbox     ItemState = "inbox"     // its events wait for review
	ItemAdded     ItemState = "added"     // its article and events are stored
	ItemKnown     ItemState = "known"     // its article was stored or waiting already
	ItemDismissed ItemState = "dismissed" // a person chose not to add it
	ItemFailed    ItemState = "failed"    // it could not be fetched or read; Error says why
)

// FeedItem is one entry of a followed feed: the address of an article.
type FeedItem struct {
	ID, FeedID int64
	// Key identifies the item within its feed: its guid or id, else its
	// address. An item is stored once per key.
	Key       string
	URL       string
	Title     string
	Published time.Time // as the feed gives it; zero when it does not
	State     ItemState
	// Error says why fetching or reading failed, so far (while retries
	// remain) or for good (ItemFailed).
	Error     string
	Attempts  int
	ArticleID int64
	UpdatedAt time.Time
}

// InboxArticle is an article fetched from a feed, with the events
// extraction found in it, waiting for a person to accept or dismiss them.
// Nothing of it is on the timeline.
type InboxArticle struct {
	ItemID    int64
	Feed      Feed // ID, URL and Title
	Article   Article
	Events    []Event // candidates, with their mentions
	Notes     []string
	CreatedAt time.Time
}
