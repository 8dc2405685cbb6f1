package views

import (
	"fmt"

	"github.com/dateline/dateline/timeline"
)

// authorText names who made a change: the signed-in user, or nobody
// when changes needed no sign-in.
func authorText(author string) string {
	if author == "" {
		return "Someone not signed in"
	}
	return author
}

// actionText says what a change did, after its author.
func actionText(a timeline.Action) string {
	switch a {
	case timeline.ActionCreate:
		return "added it"
	case timeline.ActionSource:
		return "added a source"
	case timeline.ActionEdit:
		return "edited it"
	case timeline.ActionDelete:
		return "deleted it"
	case timeline.ActionMerge:
		return "merged another event into it"
	case timeline.ActionMergedInto:
		return "merged it into another event"
	case timeline.ActionSplit:
		return "split a mention off"
	case timeline.ActionSplitFrom:
		return "split it off another event"
	case timeline.ActionRenameActor:
		return "edited an actor"
	case timeline.ActionMergeActors:
		return "merged two actors"
	case timeline.ActionAlias:
		return "gave an actor a name"
	case timeline.ActionArticleDate:
		return "set the publication date"
	case timeline.ActionDeleteArticle:
		return "deleted the article"
	}
	return string(a)
}

// link is an address and its text.
type link struct{ url, text string }

// changeLink leads from a change to what it concerns besides the page
// it is shown on: the other event of a split, the actor of a change an
// event's page shows.
func changeLink(c timeline.Change, onEvent bool) link {
	switch c.Action {
	case timeline.ActionSplit, timeline.ActionSplitFrom:
		return link{fmt.Sprintf("/events/%d", c.Other), "the other event"}
	case timeline.ActionRenameActor, timeline.ActionMergeActors, timeline.ActionAlias:
		if onEvent {
			return link{fmt.Sprintf("/actors/%d", c.ActorID), "the actor"}
		}
	}
	return link{}
}
