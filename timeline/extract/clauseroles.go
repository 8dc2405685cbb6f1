package extract

// parseClause finds the subject, object, prepositional phrases and dates
// of clause i among its own chunks (those of clauses inside it left out).
func (p *parsed) parseClause(a *analysis, i int) {
	c := &p.cl[i]
	cs := c.cs
	quoted := 0
	vpPos := -1
	for idx, k := range cs {
		ch := p.ch[k]
		if a.words[ch.i].quoted {
			quoted++
		}
		if k == c.vp {
			vpPos = idx
		}
		switch ch.kind {
		case kDate:
			c.dates = append(c.dates, k)
		case kPrep:
			q := pp{prep: a.prep(p, k), at: k, date: -1}
			if idx+1 < len(cs) {
				switch p.ch[cs[idx+1]].kind {
				case kDate:
					q.date = cs[idx+1]
				case kNP:
					q.nps = p.groupFrom(cs, idx+1)
				}
			}
			c.pps = append(c.pps, q)
		}
	}
	c.quoted = quoted*2 > len(cs)
	if vpPos < 0 {
		return
	}
	// the subject: the noun phrases before the verb that are not the
	// object of a preposition ("The talks on Wednesday at Villa La
	// Grange lasted"), with the phrases "of ..." that complete them ("the
	// leader of Iran")
	k := vpPos - 1
	for k >= 0 {
		switch kind := p.ch[cs[k]].kind; {
		case kind == kAdv || kind == kDate || kind == kQuote:
			k--
			continue
		case kind == kComma && k >= 1 && p.ch[cs[k-1]].kind == kComma:
			k-- // the commas around a relative clause: "Biden, who ..., spoke"
			continue
		case kind == kComma && k >= 1:
			// "The embassy bombings, on Aug. 7, killed": an adjunct
			// between commas; "Kishida and his counterpart, Yun
			// Byung-se, announced": an apposition, whose office the
			// subject names
			j := k - 1
			for j >= 0 && (p.ch[cs[j]].kind == kDate || p.ch[cs[j]].kind == kPrep || p.ch[cs[j]].kind == kAdv) {
				j--
			}
			if j >= 0 && j < k-1 && p.ch[cs[j]].kind == kComma {
				k = j - 1
				continue
			}
			if p.ch[cs[k-1]].kind == kNP && k >= 3 && p.ch[cs[k-2]].kind == kComma && p.ch[cs[k-3]].kind == kNP {
				k -= 3
				continue
			}
			if p.ch[cs[k-1]].kind == kNP {
				k--
				continue
			}
		case kind == kPrep && k+1 < len(cs) && p.ch[cs[k+1]].kind == kDate && k >= 1:
			k-- // "on Thursday"
			continue
		case kind == kNP:
			// a phrase's object: "of Iran", "between Beispiel and
			// Minta"; those of "of" complete the subject
			g, first := p.groupTo(cs, k)
			if first >= 1 && p.ch[cs[first-1]].kind == kPrep && first >= 2 {
				if a.words[p.ch[cs[first-1]].i].Low == "of" {
					c.subjOf = append(c.subjOf, g...)
				}
				k = first - 2
				continue
			}
		}
		break
	}
	if k >= 0 && p.ch[cs[k]].kind == kNP && (k == 0 || p.ch[cs[k-1]].kind != kPrep) {
		c.subj, _ = p.groupTo(cs, k)
	} else {
		c.subjOf = nil
	}
	// the object: the noun phrases just after the verb, past adverbs and
	// dates ("announced on Thursday a new loan program")
	k = vpPos + 1
	for k < len(cs) {
		kind := p.ch[cs[k]].kind
		if kind == kAdv || kind == kDate {
			k++
			continue
		}
		if kind == kPrep && k+1 < len(cs) && p.ch[cs[k+1]].kind == kDate {
			k += 2
			continue
		}
		break
	}
	if k < len(cs) && p.ch[cs[k]].kind == kNP {
		c.obj = p.groupFrom(cs, k)
	} else if k+2 < len(cs) && p.ch[cs[k]].kind == kPrep && p.ch[cs[k+1]].kind == kNP && p.ch[cs[k+2]].kind == kNP {
		c.obj = p.groupFrom(cs, k+2) // "announced in Seoul an accord"
	}
}

// groupFrom returns the coordinated noun phrases of a clause starting at
// position k of its chunks: "Kenya and Tanzania", "Poland, Hungary and
// the Czech Republic". Commas join noun phrases only in a list that "and"
// or "or" closes; otherwise a comma sets off an apposition.
func (p *parsed) groupFrom(cs []int, k int) []int {
	g := []int{cs[k]}
	j := k
	var commas []int
	for j+2 < len(cs) && p.ch[cs[j+2]].kind == kNP {
		sep := p.ch[cs[j+1]].kind
		if sep == kConj {
			g = append(g, commas...)
			g = append(g, cs[j+2])
			return g
		}
		if sep != kComma {
			break
		}
		commas = append(commas, cs[j+2])
		j += 2
	}
	// ", and" closing a list, or joining two places that hold commas
	// ("in Nairobi, Kenya, and Dar es Salaam, Tanzania")
	if j+3 < len(cs) && p.ch[cs[j+1]].kind == kComma && p.ch[cs[j+2]].kind == kConj && p.ch[cs[j+3]].kind == kNP && (len(commas) > 0 || p.ch[cs[j]].joined) {
		g = append(g, commas...)
		return append(g, cs[j+3])
	}
	return g
}

// groupTo returns the coordinated noun phrases ending at position k of a
// clause's chunks, and the position of the first.
func (p *parsed) groupTo(cs []int, k int) ([]int, int) {
	g := []int{cs[k]}
	if k < 2 || p.ch[cs[k-1]].kind != kConj {
		return g, k
	}
	j := k
	for j >= 2 {
		sep, before := p.ch[cs[j-1]].kind, j-2
		if sep == kConj && before >= 1 && p.ch[cs[before]].kind == kComma {
			before-- // ", and"
		}
		if (sep == kConj || sep == kComma) && p.ch[cs[before]].kind == kNP && (before < 1 || p.ch[cs[before-1]].kind != kPrep || sep == kConj) {
			g = append([]int{cs[before]}, g...)
			j = before
			k = j
			continue
		}
		break
	}
	return g, k
}

// inherit gives clauses without a subject of their own the one they
// share: a relative clause its antecedent, a coordinated verb the subject
// before it, an infinitive or participle its governor's.
func (p *parsed) inherit() {
	for i := range p.cl {
		c := &p.cl[i]
		if c.kind == cRelative && c.vp >= 0 && len(c.subj) > 0 && len(c.obj) == 0 {
			c.obj = c.antecedent // "the treaty which the two presidents signed"
		}
		if len(c.subj) > 0 || c.vp < 0 {
			continue
		}
		switch c.kind {
		case cRelative:
			if c.marker >= 0 && c.marker+1 == c.vp || c.marker >= 0 && c.marker+2 == c.vp && p.ch[c.marker+1].kind == kAdv {
				c.subj, c.inherited = c.antecedent, true
			}
		case cCoordinate:
			for j := i - 1; j >= 0; j-- {
				if len(p.cl[j].subj) > 0 && p.cl[j].parent == c.parent {
					c.subj, c.inherited = p.cl[j].subj, true
					break
				}
			}
		case cParticiple:
			switch {
			case len(c.antecedent) > 0:
				// a participle after a noun: "EU leaders meeting in
				// Brussels", and passive when it is a past participle
				// ("a deal struck in Geneva")
				c.subj, c.inherited = c.antecedent, true
			case c.parent >= 0:
				c.subj, c.inherited = p.cl[c.parent].subj, true
			}
		case cInfinitive:
			if c.parent >= 0 {
				c.subj, c.inherited = p.cl[c.parent].subj, true
			}
		}
	}
}
