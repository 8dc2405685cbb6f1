package views

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
)

// slashDate is an all-numeric date with slashes ("06/07/2025", "6/7/25"),
// which the world writes both day first and month first. Dates with dots
// ("06.07.2025") are written day first everywhere that uses them.
var slashDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$`)

// Reading is what a typed date reads as: the date, or why it does not
// read; and a note when the text could also mean another date.
type Reading struct {
	Date  timeline.Date
	Error string
	Note  string
}

// readTyped reads a date as readDate does. A slash date whose day and
// month could be swapped ("06/07/2025") is read month first, as the date
// reader does, or day first when dayFirst (the page it came from is
// written so); either way the note says how it was read, and how to
// write the other date.
func readTyped(s string, ref time.Time, dayFirst bool) Reading {
	d, err := readDate(s, ref)
	if err != nil {
		return Reading{Date: d, Error: err.Error()}
	}
	r := Reading{Date: d}
	m := slashDate.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return r
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	if a == b || a > 12 || b > 12 || a == 0 || b == 0 {
		return r
	}
	year := d.Start().Year()
	monthFirst, err1 := timeline.DayDate(year, time.Month(a), b)
	dayFirstDate, err2 := timeline.DayDate(year, time.Month(b), a)
	if err1 != nil || err2 != nil {
		return r
	}
	read, other, how := monthFirst, dayFirstDate, "month first (as in the United States)"
	if dayFirst {
		read, other, how = dayFirstDate, monthFirst, "day first (as the article's page writes dates)"
	}
	r.Date = read
	r.Note = fmt.Sprintf("“%s” is read %s: %s. If you meant %s, write it so, or as %s.",
		strings.TrimSpace(s), how, read.String(), other.String(), other.Value())
	return r
}

// dayFirstLanguage reports whether a page in language lang (a tag such
// as "en-GB") writes numeric dates day first: every language but US (and
// Philippine) English does; English with no country says nothing.
func dayFirstLanguage(lang string) bool {
	lang = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	switch {
	case lang == "" || lang == "en":
		return false
	case strings.HasPrefix(lang, "en-us"), strings.HasPrefix(lang, "en-ph"):
		return false
	}
	return true
}
