package timeline

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseDate parses a TIMEX3-style value: "2025", "2025-SU", "2025-Q2",
// "2025-06", "2025-W25", "2025-06-21", "2025-06-21TMO", "2025-06-21T18:31"
// (a floating time), "2025-06-21T15:35+05:30" and "2025-06-21T14:05Z" (a
// time with its zone's offset). A leading "~" marks the date as
// approximate.
func ParseDate(value string) (Date, error) {
	s := value
	approx := strings.HasPrefix(s, "~")
	s = strings.TrimPrefix(s, "~")
	d, err := parseValue(s)
	if err != nil {
		return Date{}, err
	}
	d.approx = approx
	return d, nil
}

func parseValue(s string) (Date, error) {
	if len(s) < 4 {
		return Date{}, dateErr("%q is not a date value", s)
	}
	y, err := digits(s[:4])
	if err != nil {
		return Date{}, dateErr("%q does not start with a four-digit year", s)
	}
	rest := s[4:]
	switch {
	case rest == "":
		return YearDate(y)
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'Q':
		q, err := digits(rest[2:])
		if err != nil {
			return Date{}, dateErr("%q has a bad quarter", s)
		}
		return QuarterDate(y, q)
	case len(rest) == 4 && rest[0] == '-' && rest[1] == 'W':
		w, err := digits(rest[2:])
		if err != nil {
			return Date{}, dateErr("%q has a bad week", s)
		}
		return WeekDate(y, w)
	case len(rest) == 3 && rest[0] == '-' && seasonStart[Season(rest[1:])] != 0:
		return SeasonDate(y, Season(rest[1:]))
	case len(rest) == 3 && rest[0] == '-':
		m, err := digits(rest[1:])
		if err != nil {
			return Date{}, dateErr("%q has a bad month", s)
		}
		return MonthDate(y, time.Month(m))
	case len(rest) >= 6 && rest[0] == '-' && rest[3] == '-':
		m, err1 := digits(rest[1:3])
		d, err2 := digits(rest[4:6])
		if err1 != nil || err2 != nil {
			return Date{}, dateErr("%q is not YYYY-MM-DD", s)
		}
		tail := rest[6:]
		switch {
		case tail == "":
			return DayDate(y, time.Month(m), d)
		case len(tail) == 3 && tail[0] == 'T' && partHours[PartOfDay(tail[1:])] != [2]int{}:
			return PartOfDayDate(y, time.Month(m), d, PartOfDay(tail[1:]))
		case len(tail) >= 6 && tail[0] == 'T' && tail[3] == ':':
			h, err1 := digits(tail[1:3])
			mi, err2 := digits(tail[4:6])
			if err1 != nil || err2 != nil {
				return Date{}, dateErr("%q has a bad time", s)
			}
			date, err := MinuteDate(y, time.Month(m), d, h, mi)
			if err != nil || len(tail) == 6 {
				return date, err
			}
			off, err := parseOffset(tail[6:])
			if err != nil {
				return Date{}, dateErr("%q has a bad UTC offset", s)
			}
			return date.WithOffset(off)
		}
	}
	return Date{}, dateErr("%q is not a date value", s)
}

// parseOffset reads "Z", "+05:30" or "-04:00" as minutes east of UTC.
func parseOffset(s string) (int, error) {
	if s == "Z" {
		return 0, nil
	}
	if len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' {
		return 0, errors.New("not ±hh:mm")
	}
	h, err1 := digits(s[1:3])
	m, err2 := digits(s[4:6])
	if err1 != nil || err2 != nil || m > 59 {
		return 0, errors.New("not ±hh:mm")
	}
	off := 60*h + m
	if s[0] == '-' {
		if off == 0 {
			return 0, errors.New("-00:00 names no zone") // RFC 3339: an unknown offset
		}
		off = -off
	}
	return off, nil
}

// formatOffset writes minutes east of UTC as "Z" or "+05:30".
func formatOffset(off int) string {
	if off == 0 {
		return "Z"
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d:%02d", sign, off/60, off%60)
}

// digits parses a run of ASCII digits; strconv.Atoi would take signs.
func digits(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, errors.New("not a digit")
		}
	}
	return strconv.Atoi(s)
}

// Value returns the TIMEX3-style value ("2025-06-21TMO"), prefixed with "~"
// when approximate; ParseDate reads it back.
func (d Date) Value() string {
	if d.IsZero() {
		return ""
	}
	v := d.exactValue()
	if d.approx {
		v = "~" + v
	}
	return v
}

// TIMEX returns the TIMEX3 value without the approximation mark, as
// TempEval writes it: a clock time without its zone, and a part of the
// day TIMEX3 lacks as the one it falls in ("the early hours" as NI,
// "dawn" as MO).
func (d Date) TIMEX() string {
	if p, ok := timexParts[d.part]; ok {
		d.part = p
	}
	d.zoned = false
	return d.exactValue()
}

func (d Date) exactValue() string {
	// written by hand, not with fmt: the date grammar writes a value for
	// every date it reads
	var buf [32]byte
	s := d.start
	year, month, day := s.Date()
	b := appendDigits(buf[:0], year, 4)
	switch d.precision {
	case PrecisionYear:
	case PrecisionSeason:
		for code, m := range seasonStart {
			if m == month {
				b = append(append(b, '-'), code...)
			}
		}
	case PrecisionQuarter:
		b = append(b, '-', 'Q', byte('1'+(int(month)-1)/3))
	case PrecisionMonth:
		b = appendDigits(append(b, '-'), int(month), 2)
	case PrecisionWeek:
		iy, iw := s.ISOWeek()
		b = appendDigits(append(appendDigits(buf[:0], iy, 4), '-', 'W'), iw, 2)
	case PrecisionDay:
		b = appendDigits(append(appendDigits(append(b, '-'), int(month), 2), '-'), day, 2)
		if d.part != "" {
			b = append(append(b, 'T'), d.part...)
		}
	case PrecisionMinute:
		b = appendDigits(append(appendDigits(append(b, '-'), int(month), 2), '-'), day, 2)
		h, mi, _ := s.Clock()
		b = appendDigits(append(appendDigits(append(b, 'T'), h, 2), ':'), mi, 2)
		if d.zoned {
			b = append(b, formatOffset(int(d.offset))...)
		}
	default:
		return ""
	}
	return string(b)
}

// appendDigits appends n, zero-padded to width digits.
func appendDigits(b []byte, n, width int) []byte {
	var tmp [20]byte
	i := len(tmp)
	for n > 0 || i > len(tmp)-width {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, tmp[i:]...)
}

// MarshalText implements encoding.TextMarshaler with Value.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.Value()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDate; empty
// text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
