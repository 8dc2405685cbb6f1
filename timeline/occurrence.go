package timeline

// SameOccurrence reports whether two events describe one real-world
// occurrence, so that the second is more evidence for the first rather
// than a new event: the same kind (a visit and a meeting count as one
// kind), the same day, and at least one actor in common (by ActorKey).
// When both name people, they must share a person: Erdogan's call with
// Putin and Macron's with Putin are two calls even though both involve
// Russia. Statements are one only when the same speaker (the first actor)
// made them.
//
// "The same day" compares dates at day precision: "2025-07-03",
// "2025-07-03TMO" and "2025-07-03T18:31" are one day. Dates coarser than a
// day must be equal ("2025-06" matches only "2025-06"). Approximation marks
// are ignored. Events without a shared actor never match: two strikes on
// one day are different strikes unless someone is named in both.
//
// The rule is the one extraction uses inside an article, and the store
// uses across articles, so that "reported by N sources" counts the same
// way everywhere.
func SameOccurrence(a, b Event) bool {
	if occurrenceKind(a.Kind) != occurrenceKind(b.Kind) || !sameDay(a.Date, b.Date) {
		return false
	}
	if a.Kind == KindStatement {
		return len(a.Actors) > 0 && len(b.Actors) > 0 && sameActor(a.Actors[0].Name, b.Actors[0].Name)
	}
	// people when both name people, anyone otherwise
	persons := hasPerson(a.Actors) && hasPerson(b.Actors)
	for _, x := range a.Actors {
		if persons && x.Kind != ActorPerson {
			continue
		}
		for _, y := range b.Actors {
			if (!persons || y.Kind == ActorPerson) && sameActor(x.Name, y.Name) {
				return true
			}
		}
	}
	return false
}

func hasPerson(as []Actor) bool {
	for _, a := range as {
		if a.Kind == ActorPerson {
			return true
		}
	}
	return false
}

// sameDay reports whether OccurrenceDay(a) == OccurrenceDay(b), without
// writing either: the store and the extractor compare many pairs.
func sameDay(a, b Date) bool {
	day := a.Precision() >= PrecisionDay
	if day != (b.Precision() >= PrecisionDay) {
		return false // a day is never a coarser date
	}
	if !day {
		return OccurrenceDay(a) == OccurrenceDay(b)
	}
	ya, ma, da := a.Start().Date()
	yb, mb, db := b.Start().Date()
	return ya == yb && ma == mb && da == db
}

// sameActor reports whether ActorKey(x) == ActorKey(y), without
// allocating for ASCII names, the common case.
func sameActor(x, y string) bool {
	if x == y {
		return true
	}
	if !isASCII(x) || !isASCII(y) {
		return ActorKey(x) == ActorKey(y) // Unicode spaces and cases
	}
	i, j := 0, 0
	for {
		for i < len(x) && asciiSpace(x[i]) {
			i++
		}
		for j < len(y) && asciiSpace(y[j]) {
			j++
		}
		if i == len(x) || j == len(y) {
			return i == len(x) && j == len(y)
		}
		for i < len(x) && j < len(y) && !asciiSpace(x[i]) && !asciiSpace(y[j]) {
			if lowerASCII(x[i]) != lowerASCII(y[j]) {
				return false
			}
			i, j = i+1, j+1
		}
		// both words must end here
		if i < len(x) && !asciiSpace(x[i]) || j < len(y) && !asciiSpace(y[j]) {
			return false
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// asciiSpace is strings.Fields' separator for ASCII bytes.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// occurrenceKind folds kinds that news uses for one occurrence: a leader's
// visit abroad is also reported as a meeting with the host.
func occurrenceKind(k Kind) Kind {
	if k == KindVisit {
		return KindMeeting
	}
	return k
}

// OccurrenceKinds returns the kinds that SameOccurrence treats as k.
func OccurrenceKinds(k Kind) []Kind {
	if c := occurrenceKind(k); c == KindMeeting {
		return []Kind{KindMeeting, KindVisit}
	}
	return []Kind{k}
}

// OccurrenceDay is the date as SameOccurrence compares it: the TIMEX value
// cut to the day for day and finer dates ("2025-07-03TMO" is
// "2025-07-03"), the whole value for coarser ones, without the
// approximation mark. The zero Date gives "".
func OccurrenceDay(d Date) string {
	v := d.TIMEX()
	if d.Precision() >= PrecisionDay && len(v) > 10 {
		return v[:10]
	}
	return v
}
