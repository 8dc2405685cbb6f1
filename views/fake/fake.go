// Package fake holds stand-ins for the storage views needs, one per
// aggregate, whose behaviour each test sets method by method: a field
// XFn answers method X. A method whose field is not set panics, so a test
// notices a call it did not expect.
package fake

import (
	"context"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/auth"
)

// EventStore stands in for views.EventStore.
type EventStore struct {
	EventsFn       func(ctx context.Context, f timeline.Filter) (timeline.Page, error)
	MonthCountsFn  func(ctx context.Context, f timeline.Filter) ([]timeline.MonthCount, error)
	EventFn        func(ctx context.Context, id int64) (timeline.Event, error)
	CreateEventFn  func(ctx context.Context, e *timeline.Event) error
	UpdateEventFn  func(ctx context.Context, e *timeline.Event) error
	DeleteEventFn  func(ctx context.Context, id int64) error
	MergeEventsFn  func(ctx context.Context, kept, gone int64) error
	MergedIntoFn   func(ctx context.Context, eventID int64) (int64, error)
	SplitMentionFn func(ctx context.Context, eventID, articleID int64, quoteStart int) (int64, error)
	NearbyEventsFn func(ctx context.Context, id int64, limit int) ([]timeline.Event, error)
}

// Events calls EventsFn.
func (s *EventStore) Events(ctx context.Context, f timeline.Filter) (timeline.Page, error) {
	return s.EventsFn(ctx, f)
}

// MonthCounts calls MonthCountsFn.
func (s *EventStore) MonthCounts(ctx context.Context, f timeline.Filter) ([]timeline.MonthCount, error) {
	return s.MonthCountsFn(ctx, f)
}

// Event calls EventFn.
func (s *EventStore) Event(ctx context.Context, id int64) (timeline.Event, error) {
	return s.EventFn(ctx, id)
}

// CreateEvent calls CreateEventFn.
func (s *EventStore) CreateEvent(ctx context.Context, e *timeline.Event) error {
	return s.CreateEventFn(ctx, e)
}

// UpdateEvent calls UpdateEventFn.
func (s *EventStore) UpdateEvent(ctx context.Context, e *timeline.Event) error {
	return s.UpdateEventFn(ctx, e)
}

// DeleteEvent calls DeleteEventFn.
func (s *EventStore) DeleteEvent(ctx context.Context, id int64) error {
	return s.DeleteEventFn(ctx, id)
}

// MergeEvents calls MergeEventsFn.
func (s *EventStore) MergeEvents(ctx context.Context, kept, gone int64) error {
	return s.MergeEventsFn(ctx, kept, gone)
}

// MergedInto calls MergedIntoFn.
func (s *EventStore) MergedInto(ctx context.Context, eventID int64) (int64, error) {
	return s.MergedIntoFn(ctx, eventID)
}

// SplitMention calls SplitMentionFn.
func (s *EventStore) SplitMention(ctx context.Context, eventID, articleID int64, quoteStart int) (int64, error) {
	return s.SplitMentionFn(ctx, eventID, articleID, quoteStart)
}

// NearbyEvents calls NearbyEventsFn.
func (s *EventStore) NearbyEvents(ctx context.Context, id int64, limit int) ([]timeline.Event, error) {
	return s.NearbyEventsFn(ctx, id, limit)
}

// ActorStore stands in for views.ActorStore.
type ActorStore struct {
	ActorsFn          func(ctx context.Context, limit int) ([]timeline.Actor, error)
	ActorFn           func(ctx context.Context, id int64) (timeline.ActorRecord, error)
	FindActorsFn      func(ctx context.Context, name string) ([]timeline.ActorRecord, error)
	ActorListFn       func(ctx context.Context, prefix, after string, limit int) ([]timeline.ActorRecord, error)
	ActorEventsFn     func(ctx context.Context, actorID int64, limit int) ([]timeline.Event, error)
	ActorLookalikesFn func(ctx context.Context, actorID int64, limit int) ([]timeline.ActorRecord, error)
	UpdateActorFn     func(ctx context.Context, a timeline.ActorRecord) error
	AddAliasFn        func(ctx context.Context, actorID int64, name string) error
	PlanActorMergeFn  func(ctx context.Context, gone, kept int64) (timeline.ActorMerge, error)
	MergeActorsFn     func(ctx context.Context, gone, kept int64) error
	ActorMergedIntoFn func(ctx context.Context, actorID int64) (int64, error)
}

// Actors calls ActorsFn.
func (s *ActorStore) Actors(ctx context.Context, limit int) ([]timeline.Actor, error) {
	return s.ActorsFn(ctx, limit)
}

// Actor calls ActorFn.
func (s *ActorStore) Actor(ctx context.Context, id int64) (timeline.ActorRecord, error) {
	return s.ActorFn(ctx, id)
}

// FindActors calls FindActorsFn.
func (s *ActorStore) FindActors(ctx context.Context, name string) ([]timeline.ActorRecord, error) {
	return s.FindActorsFn(ctx, name)
}

// ActorList calls ActorListFn.
func (s *ActorStore) ActorList(ctx context.Context, prefix, after string, limit int) ([]timeline.ActorRecord, error) {
	return s.ActorListFn(ctx, prefix, after, limit)
}

// ActorEvents calls ActorEventsFn.
func (s *ActorStore) ActorEvents(ctx context.Context, actorID int64, limit int) ([]timeline.Event, error) {
	return s.ActorEventsFn(ctx, actorID, limit)
}

// ActorLookalikes calls ActorLookalikesFn.
func (s *ActorStore) ActorLookalikes(ctx context.Context, actorID int64, limit int) ([]timeline.ActorRecord, error) {
	return s.ActorLookalikesFn(ctx, actorID, limit)
}

// UpdateActor calls UpdateActorFn.
func (s *ActorStore) UpdateActor(ctx context.Context, a timeline.ActorRecord) error {
	return s.UpdateActorFn(ctx, a)
}

// AddAlias calls AddAliasFn.
func (s *ActorStore) AddAlias(ctx context.Context, actorID int64, name string) error {
	return s.AddAliasFn(ctx, actorID, name)
}

// PlanActorMerge calls PlanActorMergeFn.
func (s *ActorStore) PlanActorMerge(ctx context.Context, gone, kept int64) (timeline.ActorMerge, error) {
	return s.PlanActorMergeFn(ctx, gone, kept)
}

// MergeActors calls MergeActorsFn.
func (s *ActorStore) MergeActors(ctx context.Context, gone, kept int64) error {
	return s.MergeActorsFn(ctx, gone, kept)
}

// ActorMergedInto calls ActorMergedIntoFn.
func (s *ActorStore) ActorMergedInto(ctx context.Context, actorID int64) (int64, error) {
	return s.ActorMergedIntoFn(ctx, actorID)
}

// ArticleStore stands in for views.ArticleStore.
type ArticleStore struct {
	SaveArticleFn         func(ctx context.Context, a *timeline.Article, events []timeline.Event) (duplicate bool, err error)
	ArticleByBodyFn       func(ctx context.Context, body string) (timeline.Article, error)
	ArticleEventsFn       func(ctx context.Context, articleID int64) ([]timeline.Event, error)
	ArticleFn             func(ctx context.Context, id int64) (timeline.Article, error)
	ArticleMentionsFn     func(ctx context.Context, articleID int64) ([]timeline.Mention, error)
	ArticlesFn            func(ctx context.Context, undated bool, before int64, limit int) ([]timeline.ArticleEntry, error)
	HasUndatedFn          func(ctx context.Context) (bool, error)
	SetArticlePublishedFn func(ctx context.Context, id int64, d timeline.Date) error
	AddArticleEventsFn    func(ctx context.Context, articleID int64, events []timeline.Event) (added []int64, err error)
	DeleteArticleFn       func(ctx context.Context, id int64) (deleted []int64, err error)
}

// SaveArticle calls SaveArticleFn.
func (s *ArticleStore) SaveArticle(ctx context.Context, a *timeline.Article, events []timeline.Event) (duplicate bool, err error) {
	return s.SaveArticleFn(ctx, a, events)
}

// ArticleByBody calls ArticleByBodyFn.
func (s *ArticleStore) ArticleByBody(ctx context.Context, body string) (timeline.Article, error) {
	return s.ArticleByBodyFn(ctx, body)
}

// ArticleEvents calls ArticleEventsFn.
func (s *ArticleStore) ArticleEvents(ctx context.Context, articleID int64) ([]timeline.Event, error) {
	return s.ArticleEventsFn(ctx, articleID)
}

// Article calls ArticleFn.
func (s *ArticleStore) Article(ctx context.Context, id int64) (timeline.Article, error) {
	return s.ArticleFn(ctx, id)
}

// ArticleMentions calls ArticleMentionsFn.
func (s *ArticleStore) ArticleMentions(ctx context.Context, articleID int64) ([]timeline.Mention, error) {
	return s.ArticleMentionsFn(ctx, articleID)
}

// Articles calls ArticlesFn.
func (s *ArticleStore) Articles(ctx context.Context, undated bool, before int64, limit int) ([]timeline.ArticleEntry, error) {
	return s.ArticlesFn(ctx, undated, before, limit)
}

// HasUndated calls HasUndatedFn.
func (s *ArticleStore) HasUndated(ctx context.Context) (bool, error) {
	return s.HasUndatedFn(ctx)
}

// SetArticlePublished calls SetArticlePublishedFn.
func (s *ArticleStore) SetArticlePublished(ctx context.Context, id int64, d timeline.Date) error {
	return s.SetArticlePublishedFn(ctx, id, d)
}

// AddArticleEvents calls AddArticleEventsFn.
func (s *ArticleStore) AddArticleEvents(ctx context.Context, articleID int64, events []timeline.Event) (added []int64, err error) {
	return s.AddArticleEventsFn(ctx, articleID, events)
}

// DeleteArticle calls DeleteArticleFn.
func (s *ArticleStore) DeleteArticle(ctx context.Context, id int64) (deleted []int64, err error) {
	return s.DeleteArticleFn(ctx, id)
}

// ChangeStore stands in for views.ChangeStore.
type ChangeStore struct {
	EventHistoryFn   func(ctx context.Context, eventID int64) ([]timeline.Change, error)
	ActorHistoryFn   func(ctx context.Context, actorID int64) ([]timeline.Change, error)
	ArticleHistoryFn func(ctx context.Context, articleID int64) ([]timeline.Change, error)
}

// EventHistory calls EventHistoryFn.
func (s *ChangeStore) EventHistory(ctx context.Context, eventID int64) ([]timeline.Change, error) {
	return s.EventHistoryFn(ctx, eventID)
}

// ActorHistory calls ActorHistoryFn.
func (s *ChangeStore) ActorHistory(ctx context.Context, actorID int64) ([]timeline.Change, error) {
	return s.ActorHistoryFn(ctx, actorID)
}

// ArticleHistory calls ArticleHistoryFn.
func (s *ChangeStore) ArticleHistory(ctx context.Context, articleID int64) ([]timeline.Change, error) {
	return s.ArticleHistoryFn(ctx, articleID)
}

// ExportStore stands in for views.ExportStore.
type ExportStore struct {
	ExportFn      func(ctx context.Context, f timeline.Filter, article func(timeline.Article) error, event func(timeline.Event) error) error
	VersionFn     func(ctx context.Context) (timeline.Version, error)
	CountEventsFn func(ctx context.Context, f timeline.Filter) (total, notInCalendar int, err error)
}

// Export calls ExportFn.
func (s *ExportStore) Export(ctx context.Context, f timeline.Filter, article func(timeline.Article) error, event func(timeline.Event) error) error {
	return s.ExportFn(ctx, f, article, event)
}

// Version calls VersionFn.
func (s *ExportStore) Version(ctx context.Context) (timeline.Version, error) {
	return s.VersionFn(ctx)
}

// CountEvents calls CountEventsFn.
func (s *ExportStore) CountEvents(ctx context.Context, f timeline.Filter) (total, notInCalendar int, err error) {
	return s.CountEventsFn(ctx, f)
}

// UserStore stands in for views.UserStore.
type UserStore struct {
	HasUsersFn      func(ctx context.Context) (bool, error)
	CredentialsFn   func(ctx context.Context, name string) (auth.User, string, error)
	CreateSessionFn func(ctx context.Context, userID int64, tokenHash [32]byte, expires time.Time) error
	SessionFn       func(ctx context.Context, tokenHash [32]byte) (auth.User, time.Time, error)
	ExtendSessionFn func(ctx context.Context, tokenHash [32]byte, expires time.Time) error
	EndSessionFn    func(ctx context.Context, tokenHash [32]byte) error
}

// HasUsers calls HasUsersFn.
func (s *UserStore) HasUsers(ctx context.Context) (bool, error) {
	return s.HasUsersFn(ctx)
}

// Credentials calls CredentialsFn.
func (s *UserStore) Credentials(ctx context.Context, name string) (auth.User, string, error) {
	return s.CredentialsFn(ctx, name)
}

// CreateSession calls CreateSessionFn.
func (s *UserStore) CreateSession(ctx context.Context, userID int64, tokenHash [32]byte, expires time.Time) error {
	return s.CreateSessionFn(ctx, userID, tokenHash, expires)
}

// Session calls SessionFn.
func (s *UserStore) Session(ctx context.Context, tokenHash [32]byte) (auth.User, time.Time, error) {
	return s.SessionFn(ctx, tokenHash)
}

// ExtendSession calls ExtendSessionFn.
func (s *UserStore) ExtendSession(ctx context.Context, tokenHash [32]byte, expires time.Time) error {
	return s.ExtendSessionFn(ctx, tokenHash, expires)
}

// EndSession calls EndSessionFn.
func (s *UserStore) EndSession(ctx context.Context, tokenHash [32]byte) error {
	return s.EndSessionFn(ctx, tokenHash)
}

// InboxStore stands in for views.InboxStore.
type InboxStore struct {
	FeedsFn           func(ctx context.Context) ([]timeline.Feed, error)
	FeedProblemsFn    func(ctx context.Context, perFeed int) (map[int64][]timeline.FeedItem, error)
	InboxFn           func(ctx context.Context) ([]timeline.InboxArticle, error)
	InboxArticleFn    func(ctx context.Context, itemID int64) (timeline.InboxArticle, error)
	AcceptInboxFn     func(ctx context.Context, itemID int64, a *timeline.Article, events []timeline.Event) (duplicate bool, err error)
	DismissInboxFn    func(ctx context.Context, itemID int64) error
	AcceptFeedInboxFn func(ctx context.Context, feedID int64) (articles, events int, err error)
}

// Feeds calls FeedsFn.
func (s *InboxStore) Feeds(ctx context.Context) ([]timeline.Feed, error) {
	return s.FeedsFn(ctx)
}

// FeedProblems calls FeedProblemsFn.
func (s *InboxStore) FeedProblems(ctx context.Context, perFeed int) (map[int64][]timeline.FeedItem, error) {
	return s.FeedProblemsFn(ctx, perFeed)
}

// Inbox calls InboxFn.
func (s *InboxStore) Inbox(ctx context.Context) ([]timeline.InboxArticle, error) {
	return s.InboxFn(ctx)
}

// InboxArticle calls InboxArticleFn.
func (s *InboxStore) InboxArticle(ctx context.Context, itemID int64) (timeline.InboxArticle, error) {
	return s.InboxArticleFn(ctx, itemID)
}

// AcceptInbox calls AcceptInboxFn.
func (s *InboxStore) AcceptInbox(ctx context.Context, itemID int64, a *timeline.Article, events []timeline.Event) (duplicate bool, err error) {
	return s.AcceptInboxFn(ctx, itemID, a, events)
}

// DismissInbox calls DismissInboxFn.
func (s *InboxStore) DismissInbox(ctx context.Context, itemID int64) error {
	return s.DismissInboxFn(ctx, itemID)
}

// AcceptFeedInbox calls AcceptFeedInboxFn.
func (s *InboxStore) AcceptFeedInbox(ctx context.Context, feedID int64) (articles, events int, err error) {
	return s.AcceptFeedInboxFn(ctx, feedID)
}

// HealthChecker stands in for views.HealthChecker.
type HealthChecker struct {
	HealthFn func(ctx context.Context) error
}

// Health calls HealthFn.
func (s *HealthChecker) Health(ctx context.Context) error {
	return s.HealthFn(ctx)
}

// Store stands in for all of storage: set the fields of the parts a
// test reaches.
type Store struct {
	EventStore
	ActorStore
	ArticleStore
	ChangeStore
	ExportStore
	UserStore
	InboxStore
	HealthChecker
}
