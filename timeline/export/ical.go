package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline"
)

// RefreshInterval is how often subscribed calendars are asked to look for
// new events (REFRESH-INTERVAL and X-PUBLISHED-TTL).
const RefreshInterval = 6 * time.Hour

// maxLineOctets is the longest content line RFC 5545 allows, CRLF aside.
const maxLineOctets = 75

const (
	icalDate     = "20060102"
	icalDateTime = "20060102T150405Z"
	icalFloating = "20060102T150405" // a wall clock in no zone (RFC 5545 3.3.5)
)

// ICal writes an iCalendar (RFC 5545) calendar with one VEVENT per event,
// following the rules of DESIGN.md: CRLF lines folded at 75 octets
// between UTF-8 sequences, escaped TEXT, all-day events with an exclusive
// DTEND, UIDs and DTSTAMPs that only change with the event, SEQUENCE for
// edits, and TENTATIVE where the day is not known.
type ICal struct {
	w       *bufio.Writer
	skipped int
	err     error
	line    []byte // reused buffer for one content line
}

// NewICal starts a calendar on w.
func NewICal(w io.Writer, opts Options) *ICal {
	c := &ICal{w: bufio.NewWriterSize(w, 32<<10)}
	c.prop("BEGIN", "VCALENDAR")
	c.prop("VERSION", "2.0")
	c.prop("PRODID", "-//Dateline//Dateline timeline//EN")
	c.prop("CALSCALE", "GREGORIAN")
	c.prop("NAME", escapeText(opts.title()))
	c.prop("X-WR-CALNAME", escapeText(opts.title()))
	if opts.Description != "" {
		c.prop("DESCRIPTION", escapeText(opts.Description))
		c.prop("X-WR-CALDESC", escapeText(opts.Description))
	}
	c.prop("REFRESH-INTERVAL;VALUE=DURATION", icalDuration(RefreshInterval))
	c.prop("X-PUBLISHED-TTL", icalDuration(RefreshInterval))
	return c
}

// Skipped is the number of events left out so far because a calendar
// cannot express their dates (see CalendarCanHold).
func (c *ICal) Skipped() int { return c.skipped }

// CalendarCanHold reports whether an iCalendar event can carry d. Dates
// are four-digit years from 1 (RFC 5545 DATE), so events before year 1 are
// left out, and so is an all-day event on 31 December 9999, whose
// exclusive end would fall in year 10000.
func CalendarCanHold(d timeline.Date) bool {
	start := d.Start()
	if d.IsZero() || start.Year() < 1 {
		return false
	}
	if d.Precision() == timeline.PrecisionMinute {
		if at, ok := d.Instant(); ok {
			start = at
		}
		return start.Year() >= 1 && start.Year() <= 9999
	}
	return start.AddDate(0, 0, 1).Year() <= 9999
}

// WriteEvent writes e as a VEVENT, or counts it in Skipped when a calendar
// cannot express its date.
func (c *ICal) WriteEvent(e timeline.Event) error {
	if c.err != nil {
		return c.err
	}
	if !CalendarCanHold(e.Date) {
		c.skipped++
		return nil
	}
	d := e.Date
	c.prop("BEGIN", "VEVENT")
	c.prop("UID", fmt.Sprintf("event-%d@dateline", e.ID))
	// DTSTAMP is the event's last change, not the time of the export, so
	// that an unchanged event is written with the same bytes every time.
	c.prop("DTSTAMP", icalTime(e.UpdatedAt))
	if !e.CreatedAt.IsZero() {
		c.prop("CREATED", icalTime(e.CreatedAt))
	}
	if !e.UpdatedAt.IsZero() {
		c.prop("LAST-MODIFIED", icalTime(e.UpdatedAt))
	}
	c.prop("SEQUENCE", strconv.Itoa(e.Sequence))
	if d.Precision() == timeline.PrecisionMinute {
		// A clock time whose zone is known is written in UTC; one without
		// a zone floats (RFC 5545 3.3.5): the wall clock the source gave,
		// never a local time marked as UTC. The duration is unknown, so
		// there is no DTEND: the event is an instant (RFC 5545 3.6.1).
		if at, ok := d.Instant(); ok {
			c.prop("DTSTART", at.UTC().Format(icalDateTime))
		} else {
			c.prop("DTSTART", d.Start().Format(icalFloating))
		}
	} else {
		// Everything else is an all-day event on the first day it covers.
		day := d.Start()
		c.prop("DTSTART;VALUE=DATE", day.Format(icalDate))
		c.prop("DTEND;VALUE=DATE", day.AddDate(0, 0, 1).Format(icalDate))
	}
	c.prop("SUMMARY", escapeText(icalSummary(e)))
	c.prop("DESCRIPTION", escapeText(icalDescription(e)))
	// A URI value cannot be escaped as TEXT is: an address with control
	// characters (which validation never lets in) is left out rather than
	// allowed to break the calendar's lines.
	if u := eventURL(e); u != "" && !strings.ContainsFunc(u, unicode.IsControl) {
		c.prop("URL", u)
	}
	c.prop("CATEGORIES", escapeText(string(e.Kind)))
	c.prop("STATUS", icalStatus(e))
	c.prop("TRANSP", "TRANSPARENT")
	c.prop("END", "VEVENT")
	return c.err
}

// Close ends the calendar and flushes it.
func (c *ICal) Close() error {
	c.prop("END", "VCALENDAR")
	if c.err == nil {
		c.err = c.w.Flush()
	}
	return c.err
}

// dayKnown reports whether d names one calendar day (or a part of it, or
// a time on it), as opposed to a week, month, season, quarter or year.
func dayKnown(d timeline.Date) bool {
	return d.Precision() == timeline.PrecisionDay || d.Precision() == timeline.PrecisionMinute
}

func icalSummary(e timeline.Event) string {
	s := e.Title
	var notes []string
	switch d := e.Date; {
	case !dayKnown(d):
		notes = append(notes, "exact day unknown")
	case d.PartOfDay() != "":
		// "morning of 3 July 2025" -> "morning"
		part, _, _ := strings.Cut(d.String(), " of ")
		notes = append(notes, strings.TrimPrefix(part, "about "))
	case d.Precision() == timeline.PrecisionMinute:
		if _, zoned := d.Offset(); !zoned {
			notes = append(notes, "local time, zone unknown")
		}
	}
	if e.Date.Approx() && dayKnown(e.Date) {
		notes = append(notes, "approximate date")
	}
	if n := statusNote[e.Status]; n != "" {
		notes = append(notes, n)
	}
	if len(notes) > 0 {
		s += " (" + strings.Join(notes, ", ") + ")"
	}
	return s
}

func icalDescription(e timeline.Event) string {
	var b strings.Builder
	if e.Summary != "" {
		b.WriteString(strings.TrimSpace(e.Summary))
		b.WriteString("\n\n")
	}
	fmt.Fprintf(&b, "When: %s (%s)\n", e.Date.String(), e.Date.Value())
	fmt.Fprintf(&b, "What: %s", e.Kind.Label())
	if e.Status != timeline.StatusReported {
		fmt.Fprintf(&b, ", %s", e.Status)
	}
	b.WriteString("\n")
	if len(e.Actors) > 0 {
		fmt.Fprintf(&b, "Who: %s\n", strings.Join(e.ActorNames(), ", "))
	}
	if len(e.Mentions) > 0 {
		b.WriteString("\nSources:\n")
		for _, m := range e.Mentions {
			fmt.Fprintf(&b, "“%s”\n", m.Text())
			if m.Article != nil {
				fmt.Fprintf(&b, "— %s\n", sourceLine(m.Article))
			}
		}
	}
	if e.SourceURL != "" {
		fmt.Fprintf(&b, "\nSource: %s\n", e.SourceURL)
	}
	return strings.TrimRight(b.String(), "\n")
}

// eventURL is where a reader can check the event: the source given by
// hand, else the first article that reports it.
func eventURL(e timeline.Event) string {
	if e.SourceURL != "" {
		return e.SourceURL
	}
	for _, m := range e.Mentions {
		if m.Article != nil && m.Article.URL != "" {
			return m.Article.URL
		}
	}
	return ""
}

func icalStatus(e timeline.Event) string {
	switch {
	case e.Status == timeline.StatusNegated:
		return "CANCELLED"
	case e.Status != timeline.StatusReported, !dayKnown(e.Date), e.Date.Approx():
		return "TENTATIVE"
	}
	return "CONFIRMED"
}

func icalTime(t time.Time) string {
	if t.IsZero() {
		// Only events that never were stored lack timestamps; a fixed
		// value keeps the output reproducible.
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(icalDateTime)
}

// icalDuration formats d as an RFC 5545 DURATION in whole seconds.
func icalDuration(d time.Duration) string {
	switch s := int64(d / time.Second); {
	case s%3600 == 0:
		return fmt.Sprintf("PT%dH", s/3600)
	case s%60 == 0:
		return fmt.Sprintf("PT%dM", s/60)
	default:
		return fmt.Sprintf("PT%dS", s)
	}
}

// escapeText escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon,
// comma and line breaks. Other control characters cannot appear in TEXT
// and become spaces; invalid UTF-8 becomes U+FFFD, so every line is valid
// UTF-8.
func escapeText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue // CRLF is one line break
			}
			b.WriteString(`\n`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteByte('\t')
		case r < 0x20, r == 0x7f:
			b.WriteByte(' ')
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// prop writes one content line "name:value", folded: lines longer than 75
// octets are split before a UTF-8 sequence starts, each continuation line
// beginning with a space (RFC 5545 3.1).
func (c *ICal) prop(name, value string) {
	if c.err != nil {
		return
	}
	line := append(append(append(c.line[:0], name...), ':'), value...)
	c.line = line
	limit := maxLineOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		c.w.Write(line[:cut])
		c.w.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLineOctets - 1 // the leading space counts
	}
	c.w.Write(line)
	_, c.err = c.w.WriteString("\r\n")
}
