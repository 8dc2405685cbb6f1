package timex

import (
	"strings"

	"github.com/dateline/dateline/timeline"
	"github.com/dateline/dateline/timeline/extract/text"
)

// deicticDay: "today", "yesterday", "tomorrow", "tonight", "last night",
// "last evening",
// "yesterday morning", "this morning", "this evening".
func (p *parser) deicticDay(i int, out *match) bool {
	e := expr{typ: TypeDate, rel: relDeictic, unit: uDay}
	end := i + 1
	switch p.low(i) {
	case "today":
	case "yesterday":
		e.n = -1
	case "tomorrow":
		e.n = 1
	case "tonight":
		e.part, e.typ = timeline.Night, TypeTime
	case "last":
		// "last night", "last evening": the day before's
		if !p.is(i+1, "night", "evening") {
			return false
		}
		pd, _ := has(partOf, p.word(i+1))
		e.n, e.part, e.typ, end = -1, pd, TypeTime, i+2
		*out = match{end: end, e: e}
		return true
	case "this":
		pd, ok := has(partOf, p.word(i+1))
		if !ok || strings.HasSuffix(p.low(i+1), "s") {
			return false
		}
		e.part, e.typ, end = pd, TypeTime, i+2
		*out = match{end: end, e: e}
		return true
	default:
		return false
	}
	if pd, ok := has(partOf, p.word(end)); ok && e.part == "" && !strings.HasSuffix(p.low(end), "s") {
		e.part, e.typ = pd, TypeTime
		end++
	}
	*out = match{end: end, e: e}
	return true
}

// relativeUnit: "last week", "this month", "next year", "last Thursday",
// "next March", "earlier this week", "the past week" (a duration), "the
// coming weeks", "the previous day".
func (p *parser) relativeUnit(i int, out *match) bool {
	j := i
	mod := ""
	switch p.low(j) {
	case "earlier", "early":
		mod, j = "START", j+1
	case "later", "late":
		mod, j = "END", j+1
	case "mid":
		mod, j = "MID", j+1
		if p.low(j) == "-" {
			j++
		}
	}
	the := false
	if p.is(j, "the") {
		the, j = true, j+1
	}
	n := 0
	switch p.low(j) {
	case "this", "current":
		n = 0
	case "last", "past", "previous":
		n = -1
	case "next", "coming", "following":
		n = 1
	default:
		return false
	}
	dir := p.low(j)
	j++
	if dir == "this" && p.is(j, "past") { // "this past spring"
		n, j = -1, j+1
	}
	// the following Saturday, the previous Friday: counted from the story's day
	if wd, k, ok := p.weekday(j); ok && the && (dir == "following" || dir == "previous" || dir == "next") {
		*out = match{end: k, e: expr{typ: TypeDate, weekday: wd, rel: relAnaphoric, unit: "WD", n: n, mod: mod}}
		return true
	}
	// last Thursday, next Monday, this Friday
	if wd, k, ok := p.weekday(j); ok && !the {
		e := expr{typ: TypeDate, weekday: wd, rel: relDeictic, unit: "WD", n: n, mod: mod}
		if pd, ok := has(partOf, p.word(k)); ok && !strings.HasSuffix(p.low(k), "s") {
			e.part, e.typ, k = pd, TypeTime, k+1
		}
		*out = match{end: k, e: e}
		return true
	}
	// last March, next January
	if mo, k, ok := p.month(j); ok && !the {
		*out = match{end: k, e: expr{typ: TypeDate, month: mo, rel: relDeictic, unit: "MO", n: n, mod: mod}}
		return true
	}
	u, ok := has(unitOf, p.word(j))
	if !ok {
		return false
	}
	plural := strings.HasSuffix(p.low(j), "s") && p.low(j) != "hours"
	if plural || p.low(j) == "hours" {
		// "the coming weeks", "the past months": an unspecified span
		if !the && dir != "coming" && dir != "past" {
			return false
		}
		*out = match{end: j + 1, e: expr{typ: TypeDuration, dur: durationValue(0, true, u), mod: mod}}
		return true
	}
	if u == uQuarter && n == 0 {
		*out = match{end: j + 1, e: expr{typ: TypeDate, qref: qrefLatest, mod: mod}}
		return true
	}
	if the && (dir == "following" || dir == "next" || dir == "previous") {
		// "the following day", "the next week", "the previous day": the narrative's
		*out = match{end: j + 1, e: expr{typ: TypeDate, rel: relAnaphoric, unit: u, n: n, mod: mod}}
		return true
	}
	if dir == "following" || dir == "coming" && !the {
		return false
	}
	if !the && dir == "past" {
		// "past decade" without an article: a span reaching the present
		*out = match{end: j + 1, e: expr{typ: TypeDuration, dur: durationValue(1, false, u), mod: mod}}
		return true
	}
	if u == uSecond || u == uMinute || u == uHour {
		return false
	}
	*out = match{end: j + 1, e: expr{typ: TypeDate, rel: relDeictic, unit: u, n: n, mod: mod}}
	return true
}

// agoLater: "two years ago", "a week ago", "three days later", "two days
// earlier", "hours later", "days later", "a year earlier".
func (p *parser) agoLater(i int, out *match) bool {
	j := i
	mod := ""
	switch {
	case p.is(j, "about", "around", "some", "roughly", "approximately", "nearly", "almost"):
		mod, j = "APPROX", j+1
	case p.is(j, "more") && p.is(j+1, "than"):
		mod, j = "MORE_THAN", j+2
	case p.is(j, "less") && p.is(j+1, "than"):
		mod, j = "LESS_THAN", j+2
	case p.is(j, "only", "just"):
		j++
	}
	n, vague, k, ok := p.quantity(j)
	if !ok {
		if _, isUnit := has(unitOf, p.word(j)); isUnit && strings.HasSuffix(p.low(j), "s") {
			n, vague, k, ok = 0, true, j, true // "days later", "years ago"
		} else {
			return false
		}
	}
	u, ok := has(unitOf, p.word(k))
	if !ok {
		return false
	}
	k++
	if p.is(k, "or") && p.is(k+1, "so") {
		k += 2 // "a week or so ago"
	}
	switch p.low(k) {
	case "ago":
		e := expr{typ: TypeDate, rel: relDeictic, unit: u, n: -n, vague: vague, ago: true, mod: mod,
			sameQuarter: u == uYear && n == 1 && !vague}
		if vague {
			e.ref = "PAST_REF"
		}
		*out = match{end: k + 1, e: e}
		return true
	case "later", "afterwards", "afterward":
		*out = match{end: k + 1, e: expr{typ: TypeDate, rel: relAnaphoric, unit: u, n: n, vague: vague, mod: mod,
			sameQuarter: u == uYear && n == 1 && !vague}}
		return true
	case "earlier", "before", "previously":
		if p.low(k) == "before" && p.followsObject(k+1) {
			return false // "two days before the vote": counted from an event, not a date
		}
		*out = match{end: k + 1, e: expr{typ: TypeDate, rel: relAnaphoric, unit: u, n: -n, vague: vague, mod: mod,
			sameQuarter: u == uYear && n == 1 && !vague}}
		return true
	case "after":
		if p.followsObject(k + 1) {
			return false
		}
		*out = match{end: k + 1, e: expr{typ: TypeDate, rel: relAnaphoric, unit: u, n: n, vague: vague, mod: mod}}
		return true
	}
	return false
}

// followsObject reports whether a noun phrase or clause starts at i (so the
// preceding "before"/"after" is a preposition with an object).
func (p *parser) followsObject(i int) bool {
	t := p.tok(i)
	if t.Kind == text.Punct || t.Kind == 0 {
		return false
	}
	return !p.is(i, "and", "or", "but", "when", "while")
}

// reference: "now", "currently", "recently", "the past", "the future".
func (p *parser) reference(i int, out *match) bool {
	switch p.low(i) {
	case "now":
		*out = match{end: i + 1, e: expr{typ: TypeDate, ref: "PRESENT_REF"}}
		return true
	case "currently", "nowadays", "presently":
		*out = match{end: i + 1, e: expr{typ: TypeDate, ref: "PRESENT_REF"}}
		return true
	case "recently", "lately", "previously", "formerly":
		*out = match{end: i + 1, e: expr{typ: TypeDate, ref: "PAST_REF"}}
		return true
	case "soon":
		if p.is(i-1, "as") || p.is(i+1, "after") {
			return false // "as soon as", "soon after": a conjunction
		}
		*out = match{end: i + 1, e: expr{typ: TypeDate, ref: "FUTURE_REF"}}
		return true
	case "these":
		if p.is(i+1, "days") {
			*out = match{end: i + 2, e: expr{typ: TypeDate, ref: "PRESENT_REF"}}
			return true
		}
	case "the":
		switch p.low(i + 1) {
		case "past":
			if _, ok := has(unitOf, p.word(i+2)); ok {
				return false
			}
			if _, _, _, ok := p.quantity(i + 2); ok {
				return false
			}
			*out = match{end: i + 2, e: expr{typ: TypeDate, ref: "PAST_REF"}}
			return true
		case "future":
			if p.is(i+2, "of") {
				return false // "the future of NATO" is a topic
			}
			*out = match{end: i + 2, e: expr{typ: TypeDate, ref: "FUTURE_REF"}}
			return true
		case "present":
			*out = match{end: i + 2, e: expr{typ: TypeDate, ref: "PRESENT_REF"}}
			return true
		case "near", "foreseeable", "distant":
			if p.is(i+2, "future") {
				*out = match{end: i + 3, e: expr{typ: TypeDate, ref: "FUTURE_REF"}}
				return true
			}
			if p.is(i+1, "near") && p.is(i+2, "term") {
				*out = match{end: i + 3, e: expr{typ: TypeDate, ref: "FUTURE_REF"}}
				return true
			}
		case "short":
			if p.is(i+2, "term") {
				*out = match{end: i + 3, e: expr{typ: TypeDate, ref: "FUTURE_REF"}}
				return true
			}
		case "weekend":
			// "over the weekend": the last one in a past clause, the next in a future one
			*out = match{end: i + 2, e: expr{typ: TypeDate, weekend: true}}
			return true
		}
	}
	return false
}
