package timex

import (
	"github.com/dateline/dateline/timeline"
)

// modified: an expression with a leading modifier that belongs to it:
// "early on Tuesday", "late Friday", "the end of the year", "mid-June",
// "the morning of June 21", "the early hours of Saturday".
func (p *parser) modified(i int, out *match) bool {
	j := i
	mod := ""
	part := timeline.PartOfDay("")
	switch {
	case p.is(j, "early", "earlier"):
		mod, j = "START", j+1
	case p.is(j, "late", "later"):
		mod, j = "END", j+1
	case p.is(j, "mid"):
		mod, j = "MID", j+1
		if p.low(j) == "-" {
			j++
		}
	case p.is(j, "the", "at", "by") && p.is(j+1, "end", "beginning", "start", "middle") && p.is(j+2, "of"):
		mod = map[string]string{"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[p.low(j+1)]
		j += 3
	case p.is(j, "the") && p.is(j+1, "early", "small", "wee") && p.is(j+2, "hours") && p.is(j+3, "of"):
		mod, part, j = "START", timeline.EarlyHours, j+4
	case p.is(j, "the") && p.predawn(j+1) > 0 && p.is(p.predawn(j+1), "hours") && p.is(p.predawn(j+1)+1, "of"):
		part, j = timeline.EarlyHours, p.predawn(j+1)+2 // "the pre-dawn hours of Saturday"
	case p.is(j, "the") && p.is(j+1, "morning", "afternoon", "evening", "night") && p.is(j+2, "of"):
		part, j = partOf[p.word(j+1)], j+3
	case p.is(j, "the") && p.is(j+1, "first", "last") && p.is(j+2, "week", "day") && p.is(j+3, "of"):
		mod, j = map[string]string{"first": "START", "last": "END"}[p.low(j+1)], j+4
	default:
		return false
	}
	if p.is(j, "on", "in") && mod != "" && !p.is(j-1, "of") {
		j++ // "late on Friday", "early in the year"
	}
	if p.is(j, "the") && p.is(j+1, "year", "month", "week", "day") && !p.is(j+2, "before", "after") {
		e := expr{typ: TypeDate, rel: relAnaphoric, unit: unitOf[p.word(j+1)], mod: mod}
		if p.is(j+1, "year") || p.is(j+1, "month") {
			e.rel = relDeictic // "the end of the year": this year
		}
		*out = match{end: j + 2, e: e}
		return true
	}
	m, ok := p.parseAt(j)
	if !ok {
		return false
	}
	switch m.e.typ {
	case TypeDate, TypeTime:
	default:
		return false
	}
	if m.e.mod == "" {
		m.e.mod = mod
	}
	if part != "" && (m.e.day > 0 || m.e.weekday > 0 || m.e.rel == relDeictic) {
		m.e.part, m.e.typ = part, TypeTime
	}
	// "late on Friday" keeps the day; "late Friday night" keeps the part
	*out = match{end: m.end, e: m.e}
	return true
}
