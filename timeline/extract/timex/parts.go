package timex

import (
	"strings"

	"github.com/dateline/dateline/timeline/extract/text"
)

// quantity reads an amount at i: "3", "three", "twenty-four", "a", "a few",
// "several". It returns the amount (or vague), and the token after it.
func (p *parser) quantity(i int) (n int, vague bool, end int, ok bool) {
	t := p.tok(i)
	switch {
	case t.Kind == text.Numeral && !t.Ordinal() && t.Number() >= 0 && t.Digits() <= 4:
		if p.low(i-1) == "$" || p.low(i+1) == "%" {
			return 0, false, 0, false
		}
		if p.low(i+1) == "," && p.glued(i+1) && p.tok(i+2).Kind == text.Numeral && p.glued(i+2) {
			return 0, false, 0, false // 5,000
		}
		if p.low(i+1) == "." && p.glued(i+1) && p.tok(i+2).Kind == text.Numeral && p.glued(i+2) {
			return 0, false, 0, false // 1.5
		}
		return t.Number(), false, i + 1, true
	case p.low(i) == "a" || p.low(i) == "an":
		switch {
		case p.is(i+1, "few", "couple", "handful"):
			end := i + 2
			if p.is(end, "of") {
				end++
			}
			if p.is(i+1, "couple") {
				return 2, false, end, true
			}
			return 0, true, end, true
		case p.is(i+1, "dozen"):
			return 12, false, i + 2, true
		case p.is(i+1, "half") && p.is(i+2, "dozen"):
			return 6, false, i + 3, true
		}
		return 1, false, i + 1, true
	case p.low(i) == "couple" && p.is(i+1, "of"):
		return 2, false, i + 2, true
	case vagueOf[p.word(i)]:
		end := i + 1
		if p.is(end, "of") {
			end++
		}
		return 0, true, end, true
	}
	if v, ok := has(numberOf, p.word(i)); ok && v > 0 {
		end := i + 1
		// twenty-four, twenty four, one hundred
		if v >= 20 && v < 100 && v%10 == 0 {
			j := end
			if p.low(j) == "-" && p.glued(j) {
				j++
			}
			if u, ok := has(numberOf, p.word(j)); ok && u > 0 && u < 10 {
				v += u
				end = j + 1
			}
		}
		if p.is(end, "hundred") {
			v *= 100
			end++
		}
		return v, false, end, true
	}
	return 0, false, 0, false
}

// clockAt reports whether a clock time ("6:31", "9.30") starts at i.
func (p *parser) clockAt(i int) bool {
	sep := p.low(i + 1)
	return p.tok(i).Kind == text.Numeral && (sep == ":" || sep == ".") && p.glued(i+1) &&
		p.tok(i+2).Kind == text.Numeral && p.tok(i+2).Digits() == 2 && p.glued(i+2)
}

// dayNumber reads a day of the month: "21", "21st", "twenty-first".
func (p *parser) dayNumber(i int) (int, int, bool) {
	t := p.tok(i)
	if t.Kind == text.Numeral && t.Digits() <= 2 && t.Number() >= 1 && t.Number() <= 31 {
		return t.Number(), i + 1, true
	}
	return 0, 0, false
}

// yearNumber reads a four-digit year, or a two-digit one after an
// apostrophe ('98).
func (p *parser) yearNumber(i int) (int, int, bool) {
	t := p.tok(i)
	if t.Kind == text.Numeral && !t.Ordinal() && t.Digits() == 4 && t.Number() >= 1000 && t.Number() <= 2999 {
		return t.Number(), i + 1, true
	}
	if p.low(i) == "'" && p.tok(i+1).Kind == text.Numeral && p.tok(i+1).Digits() == 2 && p.glued(i+1) {
		return 1900 + p.tok(i+1).Number(), i + 2, true
	}
	return 0, 0, false
}

// month reads a month name at i. Ambiguous ones ("May", "March") are
// months only when capitalised, and abbreviations only before a period or
// a number, so "Mar-a-Lago" and "may" stay words.
func (p *parser) month(i int) (int, int, bool) {
	t := p.tok(i)
	if t.Kind != text.Alpha {
		return 0, 0, false
	}
	if m, ok := has(monthOf, p.word(i)); ok {
		if !t.Upper() {
			return 0, 0, false
		}
		return m, i + 1, true
	}
	if m, ok := has(monthAbbrevOf, p.word(i)); ok && t.Upper() {
		if p.low(i+1) == "." && p.glued(i+1) {
			return m, i + 2, true
		}
		if p.tok(i+1).Kind == text.Numeral || p.low(i+1) == "," && p.tok(i+2).Kind == text.Numeral {
			return m, i + 1, true // "Jan 9", "09 Jan, 2019"
		}
	}
	return 0, 0, false
}

// weekday reads a weekday name; abbreviations only before a number or
// punctuation that continues a date ("Sun 14 April", "Thu., Jan 8").
func (p *parser) weekday(i int) (int, int, bool) {
	t := p.tok(i)
	if t.Kind != text.Alpha || !t.Upper() {
		return 0, 0, false
	}
	if d, ok := has(weekdayOf, p.word(i)); ok {
		return d, i + 1, true
	}
	if d, ok := weekdays[strings.TrimSuffix(p.low(i), "s")]; ok && p.low(i) != "" {
		return d, i + 1, true // "Sundays" as a set is handled by set; here a plain day
	}
	if d, ok := has(weekdayAbbrevOf, p.word(i)); ok {
		j := i + 1
		if p.low(j) == "." && p.glued(j) {
			j++
		}
		if p.low(j) == "," {
			j++
		}
		if p.tok(j).Kind == text.Numeral {
			return d, i + 1, true
		}
	}
	return 0, 0, false
}
