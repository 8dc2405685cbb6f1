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
	if occurrenceKind(a.Kind) != occurrenceKind(b.Kind) || OccurrenceDay(a.Date) != OccurrenceDay(b.Date) {
		return false
	}
	if a.Kind == KindStatement {
		return len(a.Actors) > 0 && len(b.Actors) > 0 && ActorKey(a.Actors[0].Name) == ActorKey(b.Actors[0].Name)
	}
	pa, pb := people(a.Actors), people(b.Actors)
	if len(pa) > 0 && len(pb) > 0 {
		return shareActor(pa, pb)
	}
	return shareActor(a.Actors, b.Actors)
}

func people(as []Actor) []Actor {
	var out []Actor
	for _, a := range as {
		if a.Kind == ActorPerson {
			out = append(out, a)
		}
	}
	return out
}

func shareActor(a, b []Actor) bool {
	keys := make(map[string]bool, len(a))
	for _, x := range a {
		keys[ActorKey(x.Name)] = true
	}
	for _, x := range b {
		if keys[ActorKey(x.Name)] {
			return true
		}
	}
	return false
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
