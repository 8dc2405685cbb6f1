package timeline

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Action names a kind of change to the timeline, as its history records
// it.
type Action string

// The changes a history records.
const (
	ActionCreate        Action = "create"         // an event added, by hand or from an article
	ActionSource        Action = "source"         // an article's mentions added to a stored event
	ActionEdit          Action = "edit"           // an event's fields changed
	ActionDelete        Action = "delete"         // an event deleted
	ActionMerge         Action = "merge"          // another event merged into this one (Other)
	ActionMergedInto    Action = "merged into"    // this event merged into Other, and gone
	ActionSplit         Action = "split"          // a mention of this event split off into Other
	ActionSplitFrom     Action = "split from"     // this event split off from Other
	ActionRenameActor   Action = "rename actor"   // an actor renamed
	ActionMergeActors   Action = "merge actors"   // actor Other merged into this actor
	ActionAlias         Action = "alias"          // a name added to an actor
	ActionArticleDate   Action = "article date"   // an article's publication date set
	ActionDeleteArticle Action = "delete article" // an article deleted with the events only it reported
)

// Change is one recorded change: who made it, when, to what, and what it
// did, in words.
type Change struct {
	At     time.Time
	Author string // the signed-in user; "" when changes needed no sign-in
	Action Action
	// The event, actor or article changed, and the other event or actor
	// of a merge or split; 0 where none.
	EventID, ActorID, ArticleID, Other int64
	Detail                             string
}

type authorKey struct{}

// WithAuthor returns a context whose changes are recorded as made by
// author, the signed-in user.
func WithAuthor(ctx context.Context, author string) context.Context {
	return context.WithValue(ctx, authorKey{}, author)
}

// AuthorOf is who makes the changes of ctx (WithAuthor), or "".
func AuthorOf(ctx context.Context) string {
	a, _ := ctx.Value(authorKey{}).(string)
	return a
}

// Differences says in words what an edit changed of an event: "date
// from 21 June 2025 to 22 June 2025; actors from Iran to Iran, Qatar".
// Long texts are named, not quoted.
func Differences(before, after Event) string {
	var parts []string
	change := func(what, from, to string) {
		if from == to {
			return
		}
		if from == "" {
			from = "none"
		}
		if to == "" {
			to = "none"
		}
		parts = append(parts, fmt.Sprintf("%s from %s to %s", what, from, to))
	}
	change("date", before.Date.String(), after.Date.String())
	change("kind", before.Kind.Label(), after.Kind.Label())
	change("title", quoted(before.Title), quoted(after.Title))
	change("actors", strings.Join(before.ActorNames(), ", "), strings.Join(after.ActorNames(), ", "))
	change("status", string(before.Status), string(after.Status))
	if before.Summary != after.Summary {
		parts = append(parts, "description")
	}
	if before.SourceURL != after.SourceURL {
		parts = append(parts, "source address")
	}
	if len(parts) == 0 {
		return "nothing changed"
	}
	return strings.Join(parts, "; ")
}

func quoted(s string) string {
	if s == "" {
		return ""
	}
	return "“" + s + "”"
}
