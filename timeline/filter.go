package timeline

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Order is the direction of a timeline.
type Order int

// The two directions of a timeline.
const (
	OldestFirst Order = iota
	NewestFirst
)

// Page sizes for Filter.Limit.
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

// Limits on a filter, which anyone can send in a link: a search text of
// at most MaxFilterTextRunes, and at most MaxFilterValues kinds and as
// many actors.
const (
	MaxFilterTextRunes = 500
	MaxFilterValues    = 30
)

// Filter selects events for a timeline page or an export. The zero Filter
// selects every event, oldest first, one default page at a time.
type Filter struct {
	Text   string   // full-text search over titles, actor names, summaries and quotes
	Kinds  []Kind   // any of these kinds; none = all
	Actors []string // events with any of these actors (by ActorKey); none = all
	// From and To bound the dates: an event is selected when its whole
	// interval lies within [From.Start, To.End). Zero = open.
	From, To Date
	Order    Order
	After    Cursor // continue after this position; zero = from the start
	Limit    int    // page size; 0 = DefaultPageSize
}

// PageSize is the effective page size of f.
func (f Filter) PageSize() int {
	switch {
	case f.Limit <= 0:
		return DefaultPageSize
	case f.Limit > MaxPageSize:
		return MaxPageSize
	}
	return f.Limit
}

// Range returns the instants that bound f's dates; zero times are open.
func (f Filter) Range() (from, to time.Time) {
	if !f.From.IsZero() {
		from = f.From.Start()
	}
	if !f.To.IsZero() {
		to = f.To.End()
	}
	return from, to
}

// Validate reports impossible filters, such as a range that ends before it
// starts or an unknown kind, and text the database cannot compare (not
// UTF-8, or with control characters). Its messages name the filter's URL
// parameters: q, actor, kind, to.
func (f Filter) Validate() error {
	v := &ValidationError{}
	checkText(v, "q", f.Text, false, MaxFilterTextRunes, false)
	if len(f.Actors) > MaxFilterValues {
		v.Add("actor", fmt.Sprintf("filters take at most %d actors", MaxFilterValues))
	}
	if len(f.Kinds) > MaxFilterValues {
		v.Add("kind", fmt.Sprintf("filters take at most %d kinds", MaxFilterValues))
	}
	for _, a := range f.Actors {
		if checkText(v, "actor", a, false, MaxActorRunes, false); v.Field("actor") != "" {
			break
		}
	}
	for _, k := range f.Kinds {
		if !k.Valid() {
			v.Add("kind", fmt.Sprintf("%q is not one of the kinds", k))
			break
		}
	}
	if from, to := f.Range(); !from.IsZero() && !to.IsZero() && !from.Before(to) {
		v.Add("to", "ends before it starts")
	}
	return v.Err()
}

// Cursor is a position in a chronology: the sort key of an event and its id,
// which breaks ties. Pages continue strictly after it (keyset pagination),
// so inserts and deletes never shift or repeat rows.
type Cursor struct {
	Start time.Time
	Rank  int
	ID    int64
}

// CursorAt is the position of e.
func CursorAt(e Event) Cursor {
	start, rank := e.Date.SortKey()
	return Cursor{Start: start, Rank: rank, ID: e.ID}
}

// IsZero reports whether c is the start of the chronology.
func (c Cursor) IsZero() bool { return c.ID == 0 }

// String encodes c for a URL: opaque to users, stable for sharing.
func (c Cursor) String() string {
	if c.IsZero() {
		return ""
	}
	raw := fmt.Sprintf("%d.%d.%d", c.Start.UnixMicro(), c.Rank, c.ID)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// ParseCursor is the inverse of Cursor.String; "" is the zero Cursor.
func ParseCursor(s string) (Cursor, error) {
	if s == "" {
		return Cursor{}, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Cursor{}, fmt.Errorf("bad page cursor: %w", err)
	}
	parts := strings.Split(string(raw), ".")
	if len(parts) != 3 {
		return Cursor{}, fmt.Errorf("bad page cursor")
	}
	us, err1 := strconv.ParseInt(parts[0], 10, 64)
	rank, err2 := strconv.ParseInt(parts[1], 10, 16) // a sort rank is a smallint
	id, err3 := strconv.ParseInt(parts[2], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || id <= 0 {
		return Cursor{}, fmt.Errorf("bad page cursor")
	}
	return Cursor{Start: time.UnixMicro(us).UTC(), Rank: int(rank), ID: id}, nil
}

// Page is one page of a timeline.
type Page struct {
	Events []Event
	Next   Cursor // zero on the last page
}

// MonthCount is how many of a filter's events start in one month: the
// density of a timeline, for an overview of where its events lie.
type MonthCount struct {
	Month  time.Time // the first instant of the month, UTC
	Events int
	// About is set when Events is estimated from a sample of the events,
	// because counting them all would take too long.
	About bool
}
