package timex

import (
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/text"
)

// clock: "9 a.m.", "6:31 p.m.", "21:40", "noon", "midnight". The hour and
// minute are read with when's clock rules.
func (p *parser) clock(i int, out *match) bool {
	if p.is(i-1, "high") {
		return false // "high noon"
	}
	switch p.low(i) {
	case "noon", "midday":
		*out = match{end: i + 1, e: expr{typ: TypeTime, hour: 12, clock: true, minutes: true}}
		return true
	case "midnight":
		*out = match{end: i + 1, e: expr{typ: TypeTime, hour: 24, clock: true}}
		return true
	}
	t := p.tok(i)
	if t.Kind != text.Numeral || t.Digits() > 2 || t.Ordinal() {
		return false
	}
	end := i + 1
	hasMinutes := false
	if (p.low(end) == ":" || p.low(end) == ".") && p.glued(end) && p.tok(end+1).Kind == text.Numeral && p.tok(end+1).Digits() == 2 && p.glued(end+1) {
		hasMinutes = true
		end += 2
	}
	ampm := 0
	switch p.low(end) {
	case "am", "pm":
		ampm = 1
	case "a", "p":
		if p.low(end+1) == "." && p.glued(end+1) && p.is(end+2, "m") {
			ampm = 3
			if p.low(end+3) == "." && p.glued(end+3) {
				ampm = 4
			}
		}
	}
	if ampm == 0 && (!hasMinutes || p.low(i+1) != ":") {
		return false
	}
	end += ampm
	h, m, ok := clockOf(p.text[t.Start:p.tok(end-1).End])
	if !ok {
		return false
	}
	e := expr{typ: TypeTime, hour: h, minute: m, clock: true, minutes: hasMinutes}
	// a time zone: "6:31 p.m. ET", "21:40 SGT", "14:05 GMT+1", "15:35
	// Indian time", "3 a.m. local time"
	if z, k, ok := p.zoneAt(end); ok {
		e.zone, end = z, k
	}
	// the same time in GMT after it gives the offset: "10:35 a.m. (0735
	// GMT)"; the reading resumes after it
	resume := end
	if gmt, k, ok := p.gmtAside(end); ok {
		if !e.zone.known() {
			e.zone = fixedZone(offsetBetween(60*e.hour+e.minute, gmt))
		}
		resume = k
	}
	*out = match{end: end, resume: resume, e: e}
	return true
}

// gmtAside reads "(0735 GMT)" or "(07:35 GMT)" at i: the minute of the
// day in UTC, and the token after the parenthesis.
func (p *parser) gmtAside(i int) (int, int, bool) {
	if p.low(i) != "(" {
		return 0, i, false
	}
	n := p.tok(i + 1)
	h, m, k := 0, 0, i+2
	switch {
	case n.Kind == text.Numeral && n.Digits() == 4:
		h, m = n.Number()/100, n.Number()%100
	case p.clockAt(i + 1):
		h, m, k = n.Number(), p.tok(i+3).Number(), i+4
	default:
		return 0, i, false
	}
	if !p.is(k, "gmt", "utc") || p.low(k+1) != ")" || h > 23 || m > 59 {
		return 0, i, false
	}
	return 60*h + m, k + 2, true
}

// offsetBetween is the offset of a zone whose clock reads local minutes
// of the day when UTC reads utc, between -12:00 and +14:00.
func offsetBetween(local, utc int) int {
	off := local - utc
	for off <= -12*60 {
		off += 24 * 60
	}
	for off > 14*60 {
		off -= 24 * 60
	}
	return off
}

// partOfDay: "that evening", "the same day", "that week", "the day
// before", "overnight". "The morning of June 21" is handled by modified.
func (p *parser) partOfDay(i int, out *match) bool {
	if p.is(i, "overnight") {
		*out = match{end: i + 1, e: expr{typ: TypeTime, part: timeline.Night, rel: relDeictic, unit: uDay}}
		return true
	}
	j := i
	switch {
	case p.is(j, "that") && p.is(j+1, "same"):
		j += 2
	case p.is(j, "the") && p.is(j+1, "same"):
		j += 2
	case p.is(j, "that"):
		j++
	case p.is(j, "the"):
		// "the morning" alone: a part of the day the story is at
		if pd, ok := has(partOf, p.word(j+1)); ok && !strings.HasSuffix(p.low(j+1), "s") && !p.is(j+2, "of") {
			*out = match{end: j + 2, e: expr{typ: TypeTime, part: pd, rel: relAnaphoric, unit: uDay}}
			return true
		}
		// "the early hours" alone
		if p.is(j+1, "early", "small", "wee") && p.is(j+2, "hours") && !p.is(j+3, "of") {
			*out = match{end: j + 3, e: expr{typ: TypeTime, part: timeline.EarlyHours, rel: relAnaphoric, unit: uDay, mod: "START"}}
			return true
		}
		if p.is(j+1, "day", "night") && p.is(j+2, "before", "after") && !p.followsObject(j+3) {
			n := 1
			if p.is(j+2, "before") {
				n = -1
			}
			*out = match{end: j + 3, e: expr{typ: TypeDate, rel: relAnaphoric, unit: uDay, n: n}}
			return true
		}
		return false
	default:
		return false
	}
	if pd, ok := has(partOf, p.word(j)); ok && !strings.HasSuffix(p.low(j), "s") {
		*out = match{end: j + 1, e: expr{typ: TypeTime, part: pd, rel: relAnaphoric, unit: uDay}}
		return true
	}
	if u, ok := has(unitOf, p.word(j)); ok && !strings.HasSuffix(p.low(j), "s") && u != uHour && u != uMinute && u != uSecond {
		*out = match{end: j + 1, e: expr{typ: TypeDate, rel: relAnaphoric, unit: u}}
		return true
	}
	return false
}

// dawn: "at dawn", "by daybreak", "before dawn", "pre-dawn", "predawn":
// dawn, or the early hours before it, of the day the story is at, or of
// the day it is joined to ("at dawn on Saturday", "Saturday before
// dawn"). Alone, "dawn" is a time only after a preposition: "the dawn of
// a new era" is none.
func (p *parser) dawn(i int, out *match) bool {
	part, end := timeline.Dawn, 0
	switch {
	case p.predawn(i) > 0:
		part, end = timeline.EarlyHours, p.predawn(i)
		switch {
		case p.is(end, "hours") && !p.is(end+1, "of"):
			end++ // "in the pre-dawn hours" (with "of", modified reads it)
		case p.nounAt(end) && !p.is(end, "hours"):
			return false // "a pre-dawn raid": it dates the raid only with a day
		}
	case p.is(i, "dawn", "daybreak", "sunrise") && p.is(i-1, "at", "by", "until", "till", "from", "after", "around", "near", "before"):
		end = i + 1
		if p.is(i-1, "before") {
			part = timeline.EarlyHours
		}
	default:
		return false
	}
	*out = match{end: end, e: expr{typ: TypeTime, part: part, rel: relAnaphoric, unit: uDay}}
	return true
}

// predawn returns the end of "pre-dawn" or "predawn" at i, or 0.
func (p *parser) predawn(i int) int {
	switch {
	case p.is(i, "predawn"):
		return i + 1
	case p.is(i, "pre") && p.low(i+1) == "-" && p.glued(i+1) && p.is(i+2, "dawn"):
		return i + 3
	}
	return 0
}
