package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/work"
	"github.com/dateline/dateline/timeline"
)

const feedUsage = "feed add URL [--every 30m] [--accept review|auto] | feed list | feed remove ID [--database-url URL]"

// feedCmd follows feeds: add enqueues the first poll in the same
// transaction, for whichever process works the queue (serve or work).
func feedCmd(ctx context.Context, args []string, e env) error {
	sub, err := action("feed", feedUsage, args, e)
	if err != nil {
		return err
	}
	fs := newFlags("feed "+sub, feedUsage, e)
	dbURL := databaseFlag(fs, e)
	var every *time.Duration
	var accept *string
	wantArgs := 1
	switch sub {
	case "add":
		every = fs.Duration("every", timeline.DefaultFeedEvery, "how often to look for new articles (at least 1m)")
		accept = fs.String("accept", string(timeline.AcceptReview), "review: events wait in the inbox; auto: they go on the timeline, marked as not reviewed")
	case "remove":
	case "list":
		wantArgs = 0
	default:
		return usageError{fmt.Sprintf("feed: unknown action %q: %s", sub, feedUsage)}
	}
	rest, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) != wantArgs {
		return usageError{"feed " + sub + ": " + feedUsage}
	}
	var id int64
	if sub == "remove" {
		if id, err = strconv.ParseInt(rest[0], 10, 64); err != nil {
			return usageError{fmt.Sprintf("feed remove: %q is not a feed number (see dateline feed list)", rest[0])}
		}
	}
	if accept != nil && !timeline.Accept(*accept).Valid() {
		return usageError{fmt.Sprintf("feed add: --accept %q: say review or auto", *accept)}
	}
	cfg, err := databaseConfig(*dbURL)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()

	switch sub {
	case "add":
		q, err := work.New(st, work.Options{})
		if err != nil {
			return err
		}
		f := timeline.Feed{URL: rest[0], Every: *every, Accept: timeline.Accept(*accept)}
		if err := q.AddFeed(ctx, &f); err != nil {
			if v := timeline.FieldErrors(err); v != nil {
				return fmt.Errorf("feed add: %s", v.Error())
			}
			return err
		}
		where := "wait in the inbox for review"
		if f.Accept == timeline.AcceptAuto {
			where = "go on the timeline, marked as not reviewed"
		}
		fmt.Fprintf(e.stdout, "following feed %d: %s, every %s; its events %s. "+
			"dateline serve or dateline work fetches it.\n", f.ID, f.URL, timeline.ShortDuration(f.Every), where)
	case "remove":
		if err := st.RemoveFeed(ctx, id); errors.Is(err, timeline.ErrNotFound) {
			return fmt.Errorf("feed remove: no feed %d (see dateline feed list)", id)
		} else if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "feed %d is no longer followed; events already on the timeline stay\n", id)
	case "list":
		feeds, err := st.Feeds(ctx)
		if err != nil {
			return err
		}
		if len(feeds) == 0 {
			fmt.Fprintln(e.stdout, "no feeds are followed (dateline feed add URL)")
			return nil
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tEVERY\tACCEPT\tLAST POLLED\tARTICLES\tURL")
		for _, f := range feeds {
			polled := "never"
			if !f.Polled.IsZero() {
				polled = f.Polled.UTC().Format("2006-01-02 15:04 UTC")
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", f.ID, timeline.ShortDuration(f.Every), f.Accept, polled, counts(f), f.URL)
			if f.Error != "" {
				fmt.Fprintf(tw, "\t\t\t\t\t  failing: %s\n", f.Error)
			}
		}
		return tw.Flush()
	}
	return nil
}

// counts says briefly what became of a feed's items.
func counts(f timeline.Feed) string {
	var parts []string
	for _, s := range []timeline.ItemState{timeline.ItemQueued, timeline.ItemInbox, timeline.ItemAdded,
		timeline.ItemKnown, timeline.ItemDismissed, timeline.ItemFailed} {
		if n := f.Items[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}
