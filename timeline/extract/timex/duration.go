package timex

import (
	"strconv"
	"strings"

	"github.com/dateline/dateline/timeline/extract/text"
)

// duration: "three years", "two weeks", "24 hours", "a few days",
// "five-year", "the past four months", "the next few days", "for years".
func (p *parser) duration(i int, out *match) bool {
	j := i
	mod := ""
	lead := 0
	switch {
	case p.is(j, "the") && p.is(j+1, "past", "last", "next", "first", "previous", "coming", "following"):
		j += 2
		lead = 2
	case p.is(j, "about", "around", "some", "roughly", "approximately", "nearly", "almost"):
		mod, j = "APPROX", j+1
	case p.is(j, "more", "over") && p.is(j+1, "than"):
		mod, j = "MORE_THAN", j+2
	case p.is(j, "less", "fewer") && p.is(j+1, "than"):
		mod, j = "LESS_THAN", j+2
	case p.is(j, "at") && p.is(j+1, "least"):
		mod, j = "EQUAL_OR_MORE", j+2
	case p.is(j, "up") && p.is(j+1, "to"):
		mod, j = "EQUAL_OR_LESS", j+2
	case p.is(j, "within"):
		mod, j = "EQUAL_OR_LESS", j+1
	case p.is(j, "past", "last", "recent", "coming") && !p.is(j-1, "the"):
		j++
		lead = 1
	}
	n, vague, k, ok := p.quantity(j)
	if !ok {
		u, isUnit := has(unitOf, p.word(j))
		plural := isUnit && strings.HasSuffix(p.low(j), "s")
		switch {
		case plural && lead > 0:
			// "the past months", "recent years", "coming weeks"
			*out = match{end: j + 1, e: expr{typ: TypeDuration, dur: durationValue(0, true, u), mod: mod}}
			return true
		case plural && j == i && p.low(j+1) == "-" && p.is(j+2, "long"):
			*out = match{end: j + 3, e: expr{typ: TypeDuration, dur: durationValue(0, true, u)}}
			return true
		case plural && j == i && p.is(j-1, "for", "within", "over") && p.tok(j+1).Kind != text.Alpha:
			// "for weeks", "within weeks"
			*out = match{end: j + 1, e: expr{typ: TypeDuration, dur: durationValue(0, true, u)}}
			return true
		case plural && j == i && p.is(j-1, "for", "within", "over") && !p.nounAt(j+1):
			*out = match{end: j + 1, e: expr{typ: TypeDuration, dur: durationValue(0, true, u)}}
			return true
		}
		return false
	}
	if p.is(k, "to", "or", "-") && !vague {
		if _, v2, k2, ok := p.quantity(k + 1); ok && !v2 {
			if _, isUnit := has(unitOf, p.word(k2)); isUnit {
				k = k2 // "two to three weeks": the lower bound
			}
		}
	}
	half := false
	if p.tok(k).Kind == text.Numeral && p.tok(k).Number() == 1 && p.low(k+1) == "/" && p.tok(k+2).Number() == 2 && p.glued(k+1) {
		half, k = true, k+3 // 2 1/2 years
	}
	if p.is(k, "more", "full", "straight", "consecutive", "long") {
		k++ // "two more weeks"
	}
	adjectival := false
	if p.low(k) == "-" && p.glued(k) && p.glued(k+1) {
		k++ // "five-year", "12-day"
		adjectival = true
	}
	u, ok := has(unitOf, p.word(k))
	if !ok {
		return false
	}
	if u == uSecond && p.is(k, "second") && (p.nounAt(k+1) || p.tok(k+1).Kind == text.Alpha && p.tok(k+1).Upper()) {
		return false // "a second group": an ordinal
	}
	if adjectival && strings.HasSuffix(p.low(k), "s") {
		return false
	}
	if p.tok(j).Kind == text.Numeral && p.tok(j).Number() > 1 && !strings.HasSuffix(p.low(k), "s") && !adjectival && p.low(k-1) != "-" {
		// "5 year" without a plural reads as an adjective ("a five year low") and is a duration too
		adjectival = true
	}
	end := k + 1
	if p.is(end, "ago", "later", "earlier", "afterwards", "afterward") {
		return false // agoLater
	}
	if p.is(end, "old") || (p.low(end) == "-" && p.is(end+1, "old")) {
		return false // "a 6-year-old", "five years old": an age, not a time
	}
	if p.is(end, "and") && p.is(end+1, "a") && p.is(end+2, "half") {
		half, end = true, end+3 // a minute and a half
	}
	e := expr{typ: TypeDuration, dur: durationValue(n, vague, u), mod: mod}
	if half && !vague {
		e.dur = halfDuration(n, u)
	}
	*out = match{end: end, e: e}
	return true
}

// halfDuration writes n and a half units: P2Y6M, PT1M30S.
func halfDuration(n int, u unit) string {
	switch u {
	case uYear:
		return "P" + strconv.Itoa(n) + "Y6M"
	case uDay:
		return "P" + strconv.Itoa(n) + "DT12H"
	case uHour:
		return "PT" + strconv.Itoa(n) + "H30M"
	case uMinute:
		return "PT" + strconv.Itoa(n) + "M30S"
	case uMonth:
		return "P" + strconv.Itoa(n) + "M15D"
	}
	return durationValue(n, false, u)
}

// durationValue writes a TIMEX3 duration: P3Y, PT24H, PXD.
func durationValue(n int, vague bool, u unit) string {
	amount := strconv.Itoa(n)
	if vague {
		amount = "X"
	}
	switch u {
	case uSecond:
		return "PT" + amount + "S"
	case uMinute:
		return "PT" + amount + "M"
	case uHour:
		return "PT" + amount + "H"
	case uDecade:
		if !vague {
			return "P" + strconv.Itoa(10*n) + "Y"
		}
		return "PXE"
	case uCentury:
		if !vague {
			return "P" + strconv.Itoa(100*n) + "Y"
		}
		return "PXC"
	case uWeekend:
		return "P" + amount + "WE"
	}
	return "P" + amount + string(u)
}

// set: "every week", "each year", "daily", "annually", "every Monday".
func (p *parser) set(i int, out *match) bool {
	if u, ok := has(unitlyOf, p.word(i)); ok {
		if p.low(i) == "annual" || p.nounAt(i+1) {
			return false // "quarterly dividend", "daily volume": an adjective
		}
		*out = match{end: i + 1, e: expr{typ: TypeSet, dur: durationValue(1, false, u)}}
		return true
	}
	// "$2 million a year", "four flights a week", "24 hours a day"
	if p.is(i, "a", "per") && !p.is(i+2, "ago", "later", "earlier", "before", "after") {
		if u, ok := has(unitOf, p.word(i+1)); ok && !strings.HasSuffix(p.low(i+1), "s") {
			prev := p.tok(i - 1)
			if prev.Kind == text.Numeral || p.low(i-1) == "million" || p.low(i-1) == "billion" || p.low(i-1) == "%" ||
				(prev.Kind == text.Alpha && len(p.name(i-1)) > 3 && strings.HasSuffix(p.name(i-1), "s") && !p.is(i-1, "was", "has", "is", "this", "its", "as")) {
				*out = match{end: i + 2, e: expr{typ: TypeSet, dur: durationValue(1, false, u)}}
				return true
			}
		}
	}
	if !p.is(i, "every", "each", "per") {
		return false
	}
	j := i + 1
	n := 1
	if p.is(j, "other") {
		n, j = 2, j+1
	} else if q, vague, k, ok := p.quantity(j); ok && !vague && p.low(j) != "a" {
		n, j = q, k
	}
	if u, ok := has(unitOf, p.word(j)); ok {
		*out = match{end: j + 1, e: expr{typ: TypeSet, dur: durationValue(n, false, u)}}
		return true
	}
	if wd, k, ok := p.weekday(j); ok {
		*out = match{end: k, e: expr{typ: TypeSet, dur: "XXXX-WXX-" + strconv.Itoa(wd)}}
		return true
	}
	if mo, k, ok := p.month(j); ok {
		*out = match{end: k, e: expr{typ: TypeSet, dur: "XXXX-" + pad2(mo)}}
		return true
	}
	if pd, ok := has(partOf, p.word(j)); ok {
		*out = match{end: j + 1, e: expr{typ: TypeSet, dur: "TXX" + string(pd)}}
		return true
	}
	return false
}

// nounAt reports whether token i looks like a noun that an adjective
// before it would modify: a lower-case word that is not a function word.
func (p *parser) nounAt(i int) bool {
	t := p.tok(i)
	if t.Kind != text.Alpha || t.Upper() {
		return false
	}
	switch p.low(i) {
	case "and", "or", "but", "in", "on", "at", "to", "for", "from", "by", "with", "since", "until",
		"the", "a", "an", "of", "as", "than", "that", "which", "who", "while", "when", "through",
		"basis", "is", "are", "was", "were", "will", "would", "said", "says":
		return false
	}
	return true
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
