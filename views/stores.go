package views

import (
	"context"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/auth"
)

// The pages' needs from storage, one interface per aggregate, so that a
// handler depends on what it uses and its tests can fake just that (see
// views/fake). store.Store satisfies them all; its methods document the
// error contracts: timeline.ErrNotFound, timeline.ErrConflict,
// *timeline.ValidationError, timeline.ErrUnavailable.

// EventStore keeps the events of the timeline.
type EventStore interface {
	Events(ctx context.Context, f timeline.Filter) (timeline.Page, error)
	// MonthCounts is the density of the events f selects, for the
	// overview strip.
	MonthCounts(ctx context.Context, f timeline.Filter) ([]timeline.MonthCount, error)
	Event(ctx context.Context, id int64) (timeline.Event, error)
	CreateEvent(ctx context.Context, e *timeline.Event) error
	UpdateEvent(ctx context.Context, e *timeline.Event) error
	DeleteEvent(ctx context.Context, id int64) error
	// Editing events beyond their fields: merging two, splitting a
	// mention off, and the events one may be merged with. MergedInto
	// follows an event merged away to the one that took it.
	MergeEvents(ctx context.Context, kept, gone int64) error
	MergedInto(ctx context.Context, eventID int64) (int64, error)
	SplitMention(ctx context.Context, eventID, articleID int64, quoteStart int) (int64, error)
	NearbyEvents(ctx context.Context, id int64, limit int) ([]timeline.Event, error)
}

// ActorStore keeps actors as identities: an actor with its names, the
// actors a name names, a page of actors by name, an actor's latest events
// and the actors that may be the same.
type ActorStore interface {
	// Actors lists actor names to suggest, most used first.
	Actors(ctx context.Context, limit int) ([]timeline.Actor, error)
	Actor(ctx context.Context, id int64) (timeline.ActorRecord, error)
	FindActors(ctx context.Context, name string) ([]timeline.ActorRecord, error)
	ActorList(ctx context.Context, prefix, after string, limit int) ([]timeline.ActorRecord, error)
	ActorEvents(ctx context.Context, actorID int64, limit int) ([]timeline.Event, error)
	ActorLookalikes(ctx context.Context, actorID int64, limit int) ([]timeline.ActorRecord, error)
	UpdateActor(ctx context.Context, a timeline.ActorRecord) error
	AddAlias(ctx context.Context, actorID int64, name string) error
	PlanActorMerge(ctx context.Context, gone, kept int64) (timeline.ActorMerge, error)
	MergeActors(ctx context.Context, gone, kept int64) error
	ActorMergedInto(ctx context.Context, actorID int64) (int64, error)
}

// ArticleStore keeps the articles events were read from.
type ArticleStore interface {
	// SaveArticle stores an article with its chosen events in one
	// transaction, merging events already stored (see
	// store.Store.SaveArticle).
	SaveArticle(ctx context.Context, a *timeline.Article, events []timeline.Event) (duplicate bool, err error)
	ArticleByBody(ctx context.Context, body string) (timeline.Article, error)
	ArticleEvents(ctx context.Context, articleID int64) ([]timeline.Event, error)
	// Article is a stored article with its body; ArticleMentions the
	// mentions that quote it, in the order they appear.
	Article(ctx context.Context, id int64) (timeline.Article, error)
	ArticleMentions(ctx context.Context, articleID int64) ([]timeline.Mention, error)
	// Articles lists stored articles, newest first (undated: only those
	// without a publication date); HasUndated says whether any is.
	Articles(ctx context.Context, undated bool, before int64, limit int) ([]timeline.ArticleEntry, error)
	HasUndated(ctx context.Context) (bool, error)
	// SetArticlePublished corrects an article's publication date, and
	// AddArticleEvents stores what reading it again found; DeleteArticle
	// deletes it with the events only it reported.
	SetArticlePublished(ctx context.Context, id int64, d timeline.Date) error
	AddArticleEvents(ctx context.Context, articleID int64, events []timeline.Event) (added []int64, err error)
	DeleteArticle(ctx context.Context, id int64) (deleted []int64, err error)
}

// ChangeStore is the history of changes to events, actors and articles.
type ChangeStore interface {
	EventHistory(ctx context.Context, eventID int64) ([]timeline.Change, error)
	ActorHistory(ctx context.Context, actorID int64) ([]timeline.Change, error)
	ArticleHistory(ctx context.Context, articleID int64) ([]timeline.Change, error)
}

// ExportStore reads the timeline whole, for exports and for what is
// cached by version.
type ExportStore interface {
	// Export streams the articles cited by the events f selects, then
	// the events, from one snapshot (see store.Store.Export).
	Export(ctx context.Context, f timeline.Filter, article func(timeline.Article) error, event func(timeline.Event) error) error
	// Version changes with every change an export could show.
	Version(ctx context.Context) (timeline.Version, error)
	CountEvents(ctx context.Context, f timeline.Filter) (total, notInCalendar int, err error)
}

// UserStore keeps users and their sessions: HasUsers says whether changes
// need a signed-in user; Credentials finds a user by name, with their
// password hash; sessions are known by their token's hash.
type UserStore interface {
	HasUsers(ctx context.Context) (bool, error)
	Credentials(ctx context.Context, name string) (auth.User, string, error)
	CreateSession(ctx context.Context, userID int64, tokenHash [32]byte, expires time.Time) error
	Session(ctx context.Context, tokenHash [32]byte) (auth.User, time.Time, error)
	ExtendSession(ctx context.Context, tokenHash [32]byte, expires time.Time) error
	EndSession(ctx context.Context, tokenHash [32]byte) error
}

// InboxStore keeps the feeds followed with their items counted by state,
// the items that failed, and the articles whose events wait for review.
type InboxStore interface {
	Feeds(ctx context.Context) ([]timeline.Feed, error)
	FeedProblems(ctx context.Context, perFeed int) (map[int64][]timeline.FeedItem, error)
	Inbox(ctx context.Context) ([]timeline.InboxArticle, error)
	InboxArticle(ctx context.Context, itemID int64) (timeline.InboxArticle, error)
	AcceptInbox(ctx context.Context, itemID int64, a *timeline.Article, events []timeline.Event) (duplicate bool, err error)
	DismissInbox(ctx context.Context, itemID int64) error
	AcceptFeedInbox(ctx context.Context, feedID int64) (articles, events int, err error)
}

// HealthChecker checks that the database answers with the schema this
// code needs.
type HealthChecker interface {
	Health(ctx context.Context) error
}

// Store is all of storage, as the whole application is given it.
type Store interface {
	EventStore
	ActorStore
	ArticleStore
	ChangeStore
	ExportStore
	UserStore
	InboxStore
	HealthChecker
}
