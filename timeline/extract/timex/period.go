package timex

import (
	"github.com/dateline/dateline/timeline/extract/text"
)

// quarter: "the third quarter", "third-quarter", "the fourth quarter of
// 1997", "Q3", "the first two quarters".
func (p *parser) quarter(i int, out *match) bool {
	j := i
	if p.is(j, "the") {
		j++
	}
	q := 0
	t := p.tok(j)
	switch {
	case len(p.low(j)) == 2 && p.low(j)[0] == 'q' && p.low(j)[1] >= '1' && p.low(j)[1] <= '4':
		q = int(p.low(j)[1] - '0')
		e := expr{typ: TypeDate, quarter: q, fyQ: true}
		end := j + 1
		if y, k, ok := p.yearNumber(end); ok {
			e.year, e.fyQ, end = y, false, k
		}
		*out = match{end: end, e: e}
		return true
	case ordinalOf[p.word(j)] >= 1 && ordinalOf[p.word(j)] <= 4:
		q = ordinalOf[p.word(j)]
	case t.Kind == text.Numeral && t.Ordinal() && t.Number() >= 1 && t.Number() <= 4:
		q = t.Number()
	case p.low(j) == "last" || p.low(j) == "latest" || p.low(j) == "current" || p.low(j) == "same" || p.low(j) == "recent":
	case t.Kind == text.Numeral && t.Digits() == 4:
		// "the 1988 second quarter", "the 1989 period"
		if q, k, ok := p.ordinalQuarter(j + 1); ok {
			*out = match{end: k, e: expr{typ: TypeDate, year: t.Number(), quarter: q}}
			return true
		}
		if j > i && p.is(j+1, "period", "quarter") {
			*out = match{end: j + 2, e: expr{typ: TypeDate, year: t.Number(), qref: qrefSameInYear}}
			return true
		}
		return false
	case p.low(j) == "year" && p.low(j+1) == "-" && p.is(j+2, "ago", "earlier"):
		// "year-ago", "the year-earlier period": the same quarter a year before
		end := j + 3
		if p.is(end, "quarter", "period") {
			end++
		} else if j > i {
			return false
		}
		*out = match{end: end, e: expr{typ: TypeDate, qref: qrefYearAgo}}
		return true
	case (p.low(j) == "this" || p.low(j) == "last" || p.low(j) == "next") && p.is(j+1, "year") && p.is(j+2, "'s") && j == i:
		// "this year's third quarter", "last year's quarter"
		shift := map[string]int{"this": 0, "last": -1, "next": 1}[p.low(j)]
		if q, k, ok := p.ordinalQuarter(j + 3); ok {
			*out = match{end: k, e: expr{typ: TypeDate, quarter: q, rel: relDeictic, unit: uYear,
				hasYearShift: true, yearShift: shift}}
			return true
		}
		if p.is(j+3, "quarter", "period") {
			*out = match{end: j + 4, e: expr{typ: TypeDate, qref: qrefLatest, yearShift: shift}}
			return true
		}
		return false
	case p.low(j) == "quarter" && j > i:
		*out = match{end: j + 1, e: expr{typ: TypeDate, qref: qrefLatest}}
		return true
	default:
		return false
	}
	k := j + 1
	if p.low(k) == "-" && p.glued(k) {
		k++
	}
	if !p.is(k, "quarter") {
		return false
	}
	if q == 0 {
		if j == i {
			return false
		}
		if p.low(j) == "last" {
			*out = match{end: k + 1, e: expr{typ: TypeDate, rel: relDeictic, unit: uQuarter, n: -1}}
			return true
		}
		*out = match{end: k + 1, e: expr{typ: TypeDate, qref: qrefLatest}}
		return true
	}
	e := expr{typ: TypeDate, quarter: q, fyQ: true}
	end := k + 1
	m := end
	if p.is(m, "of") || p.low(m) == "," {
		m++
	}
	if y, k2, ok := p.yearNumber(m); ok {
		e.year, e.fyQ, end = y, false, k2
	} else if p.is(m, "last", "this", "next") && p.is(m+1, "year") {
		e.rel, e.fyQ, e.hasYearShift, end = relDeictic, false, true, m+2
		e.unit = uYear
		e.yearShift = map[string]int{"last": -1, "this": 0, "next": 1}[p.low(m)]
	}
	*out = match{end: end, e: e}
	return true
}

// ordinalQuarter reads "second quarter" or "second-quarter" at i.
func (p *parser) ordinalQuarter(i int) (int, int, bool) {
	q := ordinalOf[p.word(i)]
	if p.tok(i).Kind == text.Numeral && p.tok(i).Ordinal() {
		q = p.tok(i).Number()
	}
	if q < 1 || q > 4 {
		return 0, 0, false
	}
	k := i + 1
	if p.low(k) == "-" && p.glued(k) {
		k++
	}
	if !p.is(k, "quarter") {
		return 0, 0, false
	}
	return q, k + 1, true
}

// half: "the first half of 1997", "the second half".
func (p *parser) half(i int, out *match) bool {
	if !p.is(i, "the") {
		return false
	}
	h := 0
	switch p.low(i + 1) {
	case "first":
		h = 1
	case "second", "last":
		h = 2
	default:
		return false
	}
	if !p.is(i+2, "half") {
		return false
	}
	e := expr{typ: TypeDate, half: h, fyQ: true}
	end := i + 3
	if p.is(end, "of") {
		if y, k, ok := p.yearNumber(end + 1); ok {
			e.year, e.fyQ, end = y, false, k
		} else if p.is(end+1, "the") && p.is(end+2, "year") {
			end += 3
		} else if p.is(end+1, "this", "last", "next") && p.is(end+2, "year") {
			e.rel, e.fyQ, e.hasYearShift, end = relDeictic, false, true, end+3
			e.yearShift = map[string]int{"last": -1, "this": 0, "next": 1}[p.low(end-2)]
		}
	}
	*out = match{end: end, e: e}
	return true
}

// season: "summer", "this summer", "last fall", "the summer of 2024",
// "spring 2024".
func (p *parser) season(i int, out *match) bool {
	j := i
	e := expr{typ: TypeDate}
	switch p.low(j) {
	case "this", "last", "next", "the", "past":
		j++
	}
	if p.is(j, "early", "late", "mid") {
		e.mod = map[string]string{"early": "START", "late": "END", "mid": "MID"}[p.low(j)]
		j++
		if p.low(j) == "-" {
			j++
		}
	}
	s, ok := has(seasonOf, p.word(j))
	if !ok {
		return false
	}
	if p.low(j) == "fall" && !p.is(i, "this", "last", "next", "the", "past") && !p.tok(j).Upper() {
		if _, yok := p.yearNumberAfter(j + 1); !yok {
			return false // "the fall of the regime" is handled by the "of" check; bare "fall" is a verb
		}
	}
	e.season = s
	end := j + 1
	k := end
	if p.is(k, "of") {
		k++
	}
	if y, k2, ok := p.yearNumber(k); ok {
		e.year, end = y, k2
		*out = match{end: end, e: e}
		return true
	}
	if p.is(end, "of") {
		return false // "the fall of Kabul"
	}
	switch p.low(i) {
	case "this":
		e.rel, e.unit, e.n = relDeictic, uYear, 0
	case "last", "past":
		e.rel, e.unit, e.n = relDeictic, uYear, -1
	case "next":
		e.rel, e.unit, e.n = relDeictic, uYear, 1
	default:
		e.rel = relTense
	}
	*out = match{end: end, e: e}
	return true
}

func (p *parser) yearNumberAfter(i int) (int, bool) {
	if p.is(i, "of") {
		i++
	}
	y, _, ok := p.yearNumber(i)
	return y, ok
}
