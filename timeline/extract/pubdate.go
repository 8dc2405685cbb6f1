package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/timex"
)

// Where a publication date came from.
const (
	SourceGiven    = "given"    // the user or caller said so
	SourceMetadata = "metadata" // article:published_time or JSON-LD datePublished
	SourceDateline = "dateline" // a date line or byline near the top of the text
	SourceUpdated  = "updated"  // only an "Updated ..." time was found
)

// publication finds the date an article was published, the reference for
// every relative date in it: page metadata first, then a date line near
// the top ("July 3, 2025Updated 6:31 p.m. ET", "Published 24 February
// 2022", "Date 21.03.2023"). A date labelled as an update is used only when
// nothing else is found. Dates in the story itself are never taken.
func (d *document) publication() (timeline.Date, string) {
	if d.meta.published != "" {
		if t, err := time.Parse("2006-01-02T15:04:05-07:00", d.meta.published); err == nil {
			if dd, err := timeline.DayDate(t.Year(), t.Month(), t.Day()); err == nil {
				return dd, SourceMetadata
			}
		}
	}
	var plain, updated, wire timeline.Date
	bodies := 0
	for i, bl := range d.blocks {
		if i >= 25 || bodies >= 3 {
			break
		}
		if bl.kind == blockBody {
			if bodies == 0 {
				wire = wireDate(bl.text)
			}
			bodies++
			continue
		}
		if len(bl.text) > 300 {
			continue
		}
		for _, t := range timex.Find(bl.text, time.Time{}) {
			if t.Date.IsZero() || t.Date.Precision() < timeline.PrecisionDay {
				continue
			}
			day := dayOf(t.Date)
			switch label(bl.text[:t.Start]) {
			case "published":
				return day, SourceDateline
			case "updated":
				if updated.IsZero() {
					updated = day
				}
			default:
				if plain.IsZero() {
					plain = day
				}
			}
		}
	}
	switch {
	case !plain.IsZero():
		return plain, SourceDateline
	case !wire.IsZero():
		return wire, SourceDateline
	case !updated.IsZero():
		return updated, SourceUpdated
	}
	return timeline.Date{}, ""
}

// wireDate reads the date of a wire dateline that opens a story's first
// paragraph, "CHICAGO—(ENEWSPF)—April 4, 2013. Chicago's ...", "WASHINGTON,
// March 12, 2019 (Xinhua) --": a whole date after the place in capitals
// and before any word of the story, that is any word in lower case ("On
// March 12, 2019, the leaders met" is the story).
func wireDate(body string) timeline.Date {
	head := body[:min(len(body), 120)]
	for _, t := range timex.Find(head, time.Time{}) {
		if t.Date.IsZero() || t.Date.Precision() < timeline.PrecisionDay {
			continue
		}
		words := strings.FieldsFunc(head[:t.Start], func(r rune) bool { return !unicode.IsLetter(r) })
		if len(words) == 0 || len(words[0]) < 2 || strings.ToUpper(words[0]) != words[0] {
			return timeline.Date{}
		}
		for _, w := range words {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
				return timeline.Date{}
			}
		}
		return dayOf(t.Date)
	}
	return timeline.Date{}
}

// dayOf is the day a date of day precision or finer falls on: a
// publication date keeps no clock time.
func dayOf(d timeline.Date) timeline.Date {
	start := d.Start()
	day, _ := timeline.DayDate(start.Year(), start.Month(), start.Day())
	return day
}

// labelRE finds the labels of date lines, as whole words.
var labelRE = regexp.MustCompile(`(?i)\b(updated|modified|last edited|published|posted|online|filed|date|issued|first published|created)\b`)

// label reads the words before a date in a date line; the nearest label
// wins ("Published 1 May ... Updated <date>").
func label(before string) string {
	ms := labelRE.FindAllString(before, -1)
	if len(ms) == 0 {
		return ""
	}
	switch strings.ToLower(ms[len(ms)-1]) {
	case "updated", "modified", "last edited":
		return "updated"
	}
	return "published"
}
