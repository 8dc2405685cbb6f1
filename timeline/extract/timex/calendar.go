package timex

import (
	"strconv"
	"strings"

	"github.com/dateline/dateline/timeline/extract/text"
)

// isoDate: 2025-06-21, 2025-06, 2025/06/21.
func (p *parser) isoDate(i int, out *match) bool {
	y := p.tok(i)
	if y.Kind != text.Numeral || y.Digits() != 4 {
		return false
	}
	sep := p.low(i + 1)
	if (sep != "-" && sep != "/") || !p.glued(i+1) || !p.glued(i+2) {
		return false
	}
	m := p.tok(i + 2)
	if m.Kind != text.Numeral || m.Digits() != 2 || m.Number() < 1 || m.Number() > 12 {
		return false
	}
	e := expr{typ: TypeDate, year: y.Number(), month: m.Number()}
	end := i + 3
	if p.low(end) == sep && p.glued(end) && p.tok(end+1).Kind == text.Numeral && p.tok(end+1).Digits() == 2 && p.glued(end+1) {
		e.day = p.tok(end + 1).Number()
		end += 2
		// 2025-06-21T18:31
		if t, tx := p.tok(end), p.textOf(end); t.Kind == text.Alpha && p.glued(end) && len(tx) <= 3 && (tx[0] == 'T' || tx[0] == 't') {
			if h, err := strconv.Atoi(tx[1:]); err == nil && p.low(end+1) == ":" && p.tok(end+2).Kind == text.Numeral {
				e.hour, e.minute, e.clock, e.typ = h, p.tok(end+2).Number(), true, TypeTime
				end += 3
			}
		}
	} else if sep == "/" {
		return false // 2025/06 is a ratio or a fiscal year, not a month
	}
	if p.low(end) == "-" && p.glued(end) && p.tok(end+1).Kind == text.Numeral {
		return false // part of a longer code
	}
	*out = match{end: end, e: e}
	return true
}

// numericDate: 21.03.2023 (day first) and 03/21/2023 or 03-21-2023 (US
// month first; day first when the first number cannot be a month:
// 24-03-2022).
func (p *parser) numericDate(i int, out *match) bool {
	a := p.tok(i)
	if a.Kind != text.Numeral || a.Digits() > 2 || a.Ordinal() {
		return false
	}
	sep := p.low(i + 1)
	if (sep != "." && sep != "/" && sep != "-") || !p.glued(i+1) || !p.glued(i+2) || p.low(i+3) != sep || !p.glued(i+3) || !p.glued(i+4) {
		return false
	}
	b, c := p.tok(i+2), p.tok(i+4)
	if b.Kind != text.Numeral || c.Kind != text.Numeral || b.Digits() > 2 || (c.Digits() != 4 && c.Digits() != 2) {
		return false
	}
	year := c.Number()
	if c.Digits() == 2 {
		if sep != "/" { // "24-03-22" could be anything
			return false
		}
		year += 2000
		if year > 2069 {
			year -= 100
		}
	}
	day, month := a.Number(), b.Number()
	if sep != "." && a.Number() <= 12 {
		day, month = b.Number(), a.Number()
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return false
	}
	if p.tok(i+5).Kind == text.Punct && p.glued(i+5) && p.tok(i+6).Kind == text.Numeral && p.glued(i+6) {
		return false // a version number or an IP address
	}
	*out = match{end: i + 5, e: expr{typ: TypeDate, year: year, month: month, day: day}}
	return true
}

// monthFirst: "June 21", "June 21, 2025", "Feb. 24, 2022", "June 2025",
// "June of 2025", "June 11-13", "January" (with context).
func (p *parser) monthFirst(i int, out *match) bool {
	mo, end, ok := p.month(i)
	if !ok {
		return false
	}
	e := expr{typ: TypeDate, month: mo}
	if d, j, ok := p.dayNumber(end); ok && !p.clockAt(end) {
		// not "June 2025" (4 digits fail dayNumber) and not a clock time
		e.day = d
		end = j
		// a range "June 11-13" or "June 11 to 13": the start is the date
		if (p.low(end) == "-" || p.low(end) == "to") && p.tok(end+1).Kind == text.Numeral && p.tok(end+1).Digits() <= 2 {
			end += 2
		}
		k := end
		if p.low(k) == "," {
			k++
		}
		if y, j, ok := p.yearNumber(k); ok {
			e.year, end = y, j
		}
	} else {
		k := end
		if p.is(k, "of") || p.low(k) == "," {
			k++
		}
		if y, j, ok := p.yearNumber(k); ok {
			e.year, end = y, j
		} else if !p.monthContext(i) {
			return false
		}
	}
	if e.year == 0 {
		e.rel = relTense
	}
	*out = match{end: end, e: e}
	return true
}

// monthContext reports whether a month name standing alone at i reads as a
// month: after a preposition or a modifier ("in January", "last March"),
// or before "last year", "'s".
func (p *parser) monthContext(i int) bool {
	l := p.low(i)
	if l != "may" && l != "march" && l != "august" {
		return true
	}
	switch p.low(i - 1) {
	case "in", "on", "since", "until", "till", "by", "last", "next", "this", "early", "late",
		"mid", "from", "through", "during", "before", "after", "of", "between", "-", "and",
		"to", "or", "into", "throughout", "end", "since early", "until late":
		return true
	}
	return false
}

// dayFirst: "24 February 2022", "21 June", "the 21st of June", "4 April".
func (p *parser) dayFirst(i int, out *match) bool {
	j := i
	if p.is(j, "the") {
		j++
	}
	d, k, ok := p.dayNumber(j)
	if !ok {
		if v, ok2 := has(ordinalOf, p.word(j)); ok2 && p.is(j+1, "of") {
			d, k, ok = v, j+1, true
		}
	}
	if !ok {
		return false
	}
	if p.is(k, "of") {
		k++
	}
	mo, end, ok := p.month(k)
	if !ok {
		return false
	}
	if j > i && !p.tok(j).Ordinal() && p.low(j+1) != "of" {
		return false // "the 21 June" is not English; leave "the"
	}
	e := expr{typ: TypeDate, month: mo, day: d}
	k = end
	if p.low(k) == "," {
		k++
	}
	if y, j2, ok := p.yearNumber(k); ok {
		e.year, end = y, j2
	} else {
		e.rel = relTense
	}
	*out = match{end: end, e: e}
	return true
}

// weekdayDate: "Monday, Oct. 26", "Sun 14 April 2024", "Thursday", and
// "Thursday morning", "Friday night".
func (p *parser) weekdayDate(i int, out *match) bool {
	wd, end, ok := p.weekday(i)
	if !ok {
		return false
	}
	k := end
	if p.low(k) == "." && p.glued(k) {
		k++
	}
	if p.low(k) == "," {
		k++
	}
	var m match
	for _, r := range [...]ruleID{ruleMonthFirst, ruleDayFirst, ruleIsoDate, ruleNumericDate} {
		if p.rule(r, k, &m) && m.e.day > 0 {
			m.e.weekday = wd
			*out = m
			return true
		}
	}
	if strings.HasSuffix(p.low(i), "s") && p.low(i) != "tues" && p.low(i) != "thurs" {
		if _, ok := has(weekdayOf, p.word(i)); !ok {
			return false // "Sundays" is a set
		}
	}
	e := expr{typ: TypeDate, weekday: wd, rel: relTense}
	if p.is(end, "'s") && !(p.is(i-1, "of") && p.is(i-2, "ahead")) {
		e.past = true // "Wednesday's ruling": an event already reported; not "ahead of Tuesday's talks"
	}
	if pd, ok := has(partOf, p.word(end)); ok && !strings.HasSuffix(p.low(end), "s") {
		e.part = pd
		e.typ = TypeTime
		end++
	}
	*out = match{end: end, e: e}
	return true
}

// year: a bare year, guarded against quantities and codes ("2,745",
// "Resolution 2231", "1500 troops", "$2000").
func (p *parser) year(i int, out *match) bool {
	j := i
	fiscal := false
	if p.is(j, "fiscal") {
		fiscal = true
		j++
	}
	if p.is(j, "the") && p.is(j+1, "year") {
		j += 2
	}
	y, end, ok := p.yearNumber(j)
	if !ok {
		if y, end, ok := p.spokenYear(j); ok {
			*out = match{end: end, e: expr{typ: TypeDate, year: y}}
			return true
		}
		return false
	}
	if p.low(j) == "'" && !yearPrepositions[p.low(j-1)] {
		return false // '60 Minutes
	}
	if p.tok(j).Kind == text.Numeral {
		prev := p.low(j - 1)
		if prev == "$" || prev == "no" || prev == "#" || prev == "number" || prev == "resolution" ||
			prev == "flight" || prev == "article" || prev == "route" || prev == "page" || prev == "room" ||
			prev == "model" || prev == "chapter" || prev == "section" || prev == "item" || prev == "code" ||
			prev == "pp" || prev == "." || prev == "€" || prev == "£" || prev == "¥" {
			return false
		}
		if p.tok(j-1).Upper() && p.tok(j-1).Kind == text.Alpha && !yearPrepositions[prev] && j-1 > 0 && !p.tok(j-1).Break() {
			// "Boeing 1000", "Resolution 2231": a name followed by a number
			if _, isMonth := months[prev]; !isMonth && !p.isSentenceStart(j-1) {
				if _, ok := seasons[prev]; !ok {
					return false
				}
			}
		}
		next := p.tok(end)
		if next.Kind == text.Numeral || p.low(end) == "%" || ((p.low(end) == "," || p.low(end) == ".") && p.glued(end) && p.tok(end+1).Kind == text.Numeral && p.glued(end+1)) {
			return false // 2,745 or an index at 2082.1
		}
		if next.Kind == text.Alpha && quantityNouns(p.name(end)) {
			return false
		}
		if (p.low(end) == "-" || p.low(end) == "/") && p.glued(end) && p.tok(end+1).Kind == text.Numeral {
			// "1950-53", "2006-2009": a span of years; keep the first
			to := p.tok(end + 1)
			later := to.Digits() == 2 && to.Number() > y%100 || to.Digits() == 4 && to.Number() > y
			if !later || (p.low(end+2) == "-" || p.low(end+2) == "/") && p.glued(end+2) {
				return false // 2025-13-01 is no date at all
			}
			end += 2
		}
		if y < 1600 && !yearPrepositions[prev] {
			return false
		}
	}
	e := expr{typ: TypeDate, year: y}
	_ = fiscal
	*out = match{end: end, e: e}
	return true
}

// spokenYear reads a year in words, as broadcast transcripts write them:
// "nineteen ninety-six", "two thousand", "two thousand and one".
func (p *parser) spokenYear(i int) (int, int, bool) {
	hi, ok := has(numberOf, p.word(i))
	if !ok {
		return 0, 0, false
	}
	if hi == 2 && p.is(i+1, "thousand") {
		end := i + 2
		if p.is(end, "and") {
			if n, _, k, ok := p.quantity(end + 1); ok && n > 0 && n < 100 {
				return 2000 + n, k, true
			}
		}
		if !p.is(i-1, "year", "in", "since", "by", "until", "of") {
			return 0, 0, false
		}
		return 2000, end, true
	}
	if hi < 10 || hi > 20 {
		return 0, 0, false
	}
	lo, _, end, ok := p.quantity(i + 1)
	if !ok || lo < 10 || lo > 99 || p.tok(i+1).Kind == text.Numeral {
		return 0, 0, false
	}
	return hi*100 + lo, end, true
}

var yearPrepositions = map[string]bool{
	"in": true, "since": true, "by": true, "of": true, "until": true, "from": true, "to": true,
	"during": true, "before": true, "after": true, "and": true, "or": true, "through": true,
	"between": true, "early": true, "late": true, "mid": true, "-": true, "year": true,
	"fiscal": true, "circa": true, "c": true, "around": true, "spring": true, "summer": true,
	"autumn": true, "fall": true, "winter": true, "the": true, "'": true, "till": true,
}

// quantityNouns are words after a number that make it a count, not a
// year: "1500 troops", "2000 people".
func quantityNouns(w string) bool {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		switch w {
		case "was", "has", "is", "this", "its", "his", "as", "us", "thus", "plus", "olympics", "elections", "talks", "games", "protests", "riots":
			return false
		}
		return true
	}
	switch w {
	case "people", "percent", "million", "billion", "trillion", "thousand", "men", "women",
		"children", "km", "kg", "mw", "feet", "miles", "metres", "meters", "kilometres", "tonnes", "tons":
		return true
	}
	return false
}

func (p *parser) isSentenceStart(i int) bool {
	if i == 0 || p.tok(i).Break() {
		return true
	}
	prev := p.low(i - 1)
	return prev == "." || prev == "!" || prev == "?" || prev == "\"" || prev == ":"
}

// decade: "the 1990s", "the '90s", "the nineties", "the 1990's".
func (p *parser) decade(i int, out *match) bool {
	j := i
	if p.is(j, "the") {
		j++
	}
	mod := ""
	switch p.low(j) {
	case "early":
		mod = "START"
		j++
	case "mid":
		mod = "MID"
		j++
		if p.low(j) == "-" && p.glued(j) {
			j++
		}
	case "late":
		mod = "END"
		j++
	}
	t := p.tok(j)
	e := expr{typ: TypeDate, mod: mod}
	end := 0
	switch {
	case t.Kind == text.Numeral && t.Digits() == 4 && t.Number()%10 == 0 && p.glued(j+1) &&
		(p.low(j+1) == "s" || p.low(j+1) == "'s"):
		e.decade = t.Number() / 10
		end = j + 2
	case t.Kind == text.Numeral && t.Digits() == 4 && t.Number()%10 == 0 && strings.HasSuffix(p.text[t.Start:min(len(p.text), int(t.End)+1)], "s"):
		e.decade = t.Number() / 10
		end = j + 1
	case p.low(j) == "'" && p.tok(j+1).Kind == text.Numeral && p.tok(j+1).Digits() == 2 && p.glued(j+1) && p.low(j+2) == "s" && p.glued(j+2):
		e.decade = 190 + p.tok(j+1).Number()/10
		end = j + 3
	default:
		if d, ok := has(decadeOf, p.word(j)); ok && (j > i || mod != "") {
			e.decade = 190 + d
			end = j + 1
		}
	}
	if end == 0 {
		return false
	}
	*out = match{end: end, e: e}
	return true
}

var decadeWords = map[string]int{
	"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
	"eighties": 8, "nineties": 9,
}

// century: "the 20th century", "the twentieth century", "this century".
func (p *parser) century(i int, out *match) bool {
	j := i
	if p.is(j, "the", "this", "last", "next") {
		j++
	}
	t := p.tok(j)
	c := 0
	switch {
	case t.Kind == text.Numeral && t.Ordinal() && t.Number() >= 1 && t.Number() <= 30:
		c = t.Number()
	case ordinalOf[p.word(j)] > 0:
		c = ordinalOf[p.word(j)]
		if p.low(j) == "twenty" && p.low(j+1) == "-" {
			return false
		}
	}
	if p.is(j, "century") && j > i {
		e := expr{typ: TypeDate, rel: relDeictic, unit: uCentury}
		switch p.low(i) {
		case "last":
			e.n = -1
		case "next":
			e.n = 1
		case "this":
		default:
			return false
		}
		*out = match{end: j + 1, e: e}
		return true
	}
	if c == 0 || !p.is(j+1, "century") {
		return false
	}
	*out = match{end: j + 2, e: expr{typ: TypeDate, century: c - 1}}
	return true
}
