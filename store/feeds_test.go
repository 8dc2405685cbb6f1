package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
	"github.com/dateline/dateline/timeline"
)

func addFeed(t *testing.T, st *store.Store, f *timeline.Feed) {
	t.Helper()
	if err := st.InTx(context.Background(), func(tx store.Tx) error { return tx.AddFeed(context.Background(), f) }); err != nil {
		t.Fatal(err)
	}
}

func TestFeedsAreValidatedAndFollowedOnce(t *testing.T) {
	st := storetest.New(t)
	tests := []struct {
		name  string
		feed  timeline.Feed
		field string
	}{
		{"no address", timeline.Feed{Every: time.Hour, Accept: timeline.AcceptReview}, "url"},
		{"not the web", timeline.Feed{URL: "file:///etc/passwd", Every: time.Hour, Accept: timeline.AcceptReview}, "url"},
		{"too often", timeline.Feed{URL: "https://x.example/f", Every: time.Second, Accept: timeline.AcceptReview}, "every"},
		{"too rarely", timeline.Feed{URL: "https://x.example/f", Every: 30 * 24 * time.Hour, Accept: timeline.AcceptReview}, "every"},
		{"an unknown way of accepting", timeline.Feed{URL: "https://x.example/f", Every: time.Hour, Accept: "maybe"}, "accept"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := st.InTx(context.Background(), func(tx store.Tx) error { return tx.AddFeed(context.Background(), &tt.feed) })
			if v := timeline.FieldErrors(err); v == nil || v.Field(tt.field) == "" {
				t.Errorf("err = %v, want a problem with %s", err, tt.field)
			}
		})
	}
	f := timeline.Feed{URL: "https://x.example/f", Every: 30 * time.Minute, Accept: timeline.AcceptAuto}
	addFeed(t, st, &f)
	again := f
	err := st.InTx(context.Background(), func(tx store.Tx) error { return tx.AddFeed(context.Background(), &again) })
	if v := timeline.FieldErrors(err); v == nil || v.Field("url") != fmt.Sprintf("is followed already (feed %d)", f.ID) {
		t.Errorf("the same feed twice: %v", err)
	}
	got, err := st.Feed(context.Background(), f.ID)
	if err != nil || got.URL != f.URL || got.Every != 30*time.Minute || got.Accept != timeline.AcceptAuto {
		t.Errorf("stored feed = %+v, %v", got, err)
	}
	if err := st.RemoveFeed(context.Background(), f.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.RemoveFeed(context.Background(), f.ID); !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("removing twice: %v", err)
	}
}

// Polls that overlap, as when several processes poll the same feed, store
// each item once, and between them report each item new once.
func TestOverlappingPollsStoreEachItemOnce(t *testing.T) {
	ctx := context.Background()
	st := storetest.New(t)
	f := timeline.Feed{URL: "https://x.example/feed", Every: time.Hour, Accept: timeline.AcceptReview}
	addFeed(t, st, &f)
	var items []timeline.FeedItem
	for i := range 50 {
		u := fmt.Sprintf("https://x.example/%d", i)
		items = append(items, timeline.FeedItem{Key: u, URL: u, Title: fmt.Sprint("Item ", i)})
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		added []int64
	)
	for range 6 {
		wg.Go(func() {
			err := st.InTx(ctx, func(tx store.Tx) error {
				ids, err := tx.SavePoll(ctx, f.ID, store.Poll{Title: "X", Items: items})
				mu.Lock()
				added = append(added, ids...)
				mu.Unlock()
				return err
			})
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	seen := map[int64]bool{}
	for _, id := range added {
		if seen[id] {
			t.Errorf("item %d reported new twice", id)
		}
		seen[id] = true
	}
	got, err := st.Feed(ctx, f.ID)
	if err != nil || got.Items[timeline.ItemQueued] != len(items) || len(seen) != len(items) {
		t.Errorf("%d new reported, items stored %+v (%v); want %d once each", len(seen), got.Items, err, len(items))
	}
	err = st.InTx(ctx, func(tx store.Tx) error {
		_, err := tx.SavePoll(ctx, f.ID+1000, store.Poll{})
		return err
	})
	if !errors.Is(err, timeline.ErrNotFound) {
		t.Errorf("a poll of a removed feed: %v", err)
	}
}
