package timex

import (
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the zone rules travel with the program, the same on every machine

	"github.com/dateline/dateline/timeline/extract/text"
)

// zone is the time zone a clock time is given in: a place's zone, whose
// offset depends on the day (daylight saving), or a fixed offset. The
// zero zone is none: the time floats.
type zone struct {
	name   string // IANA name ("Asia/Kolkata"); "" for a fixed offset
	offset int    // minutes east of UTC, when fixed
	fixed  bool
}

func (z zone) known() bool { return z.name != "" || z.fixed }

// offsetAt returns the zone's offset in minutes east of UTC at the wall
// clock t (read as UTC).
func (z zone) offsetAt(t time.Time) (int, bool) {
	switch {
	case z.fixed:
		return z.offset, true
	case z.name == "":
		return 0, false // floating
	}
	loc := location(z.name)
	if loc == nil {
		return 0, false
	}
	local := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, loc)
	_, off := local.Zone()
	return off / 60, true
}

var locations sync.Map // IANA name -> *time.Location (nil when unknown)

func location(name string) *time.Location {
	if l, ok := locations.Load(name); ok {
		return l.(*time.Location)
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		l = nil
	}
	locations.Store(name, l)
	return l
}

func fixedZone(minutes int) zone { return zone{offset: minutes, fixed: true} }

// zoneAbbrevs are the zones news writes in capitals after a time. The
// ones of North America follow daylight saving through their place; the
// rest name one offset. IST is India's (news rarely means Israel's or
// Ireland's by it).
var zoneAbbrevs = map[string]zone{
	"GMT": fixedZone(0), "UTC": fixedZone(0), "Z": fixedZone(0), "BST": fixedZone(60),
	"CET": fixedZone(60), "CEST": fixedZone(120), "EET": fixedZone(120), "EEST": fixedZone(180),
	"WET": fixedZone(0), "WEST": fixedZone(60), "MSK": fixedZone(180),
	"ET": {name: "America/New_York"}, "EST": fixedZone(-300), "EDT": fixedZone(-240),
	"CT": {name: "America/Chicago"}, "CST": fixedZone(-360), "CDT": fixedZone(-300),
	"MT": {name: "America/Denver"}, "MST": fixedZone(-420), "MDT": fixedZone(-360),
	"PT": {name: "America/Los_Angeles"}, "PST": fixedZone(-480), "PDT": fixedZone(-420),
	"SGT": fixedZone(480), "HKT": fixedZone(480), "JST": fixedZone(540), "KST": fixedZone(540),
	"IST": fixedZone(330), "PKT": fixedZone(300), "WIB": fixedZone(420), "AEST": fixedZone(600),
	"AEDT": fixedZone(660), "EAT": fixedZone(180), "CAT": fixedZone(120), "WAT": fixedZone(60),
	"SAST": fixedZone(120), "IRST": fixedZone(210),
}

// zoneNames are the words before "time" that name a zone rather than a
// place: "Eastern time", "Greenwich Mean Time".
var zoneNames = map[string]string{
	"eastern": "America/New_York", "central": "America/Chicago", "mountain": "America/Denver",
	"pacific": "America/Los_Angeles", "greenwich": "Etc/UTC", "universal": "Etc/UTC",
	"central european": "Europe/Paris", "eastern european": "Europe/Athens", "gulf": "Asia/Dubai",
	"british": "Europe/London", "indian": "Asia/Kolkata", "chinese": "Asia/Shanghai",
	"japanese": "Asia/Tokyo", "korean": "Asia/Seoul", "israeli": "Asia/Jerusalem",
	"iranian": "Asia/Tehran", "turkish": "Europe/Istanbul", "ukrainian": "Europe/Kyiv",
	"pakistani": "Asia/Karachi", "thai": "Asia/Bangkok", "french": "Europe/Paris",
	"german": "Europe/Berlin", "italian": "Europe/Rome", "spanish": "Europe/Madrid",
	"egyptian": "Africa/Cairo", "saudi": "Asia/Riyadh", "iraqi": "Asia/Baghdad",
	"syrian": "Asia/Damascus", "lebanese": "Asia/Beirut", "afghan": "Asia/Kabul",
	"philippine": "Asia/Manila", "vietnamese": "Asia/Ho_Chi_Minh", "taiwanese": "Asia/Taipei",
}

// places are the places whose clocks news gives times by ("Moscow time",
// "3 a.m. local time" in a story from Kyiv), each with its zone. Countries
// that span several zones (the United States, Russia, Canada, Brazil,
// Australia...) are here only by their cities.
var places = map[string]string{
	"afghanistan": "Asia/Kabul", "kabul": "Asia/Kabul", "kandahar": "Asia/Kabul",
	"albania": "Europe/Tirane", "tirana": "Europe/Tirane", "algeria": "Africa/Algiers", "algiers": "Africa/Algiers",
	"armenia": "Asia/Yerevan", "yerevan": "Asia/Yerevan", "austria": "Europe/Vienna", "vienna": "Europe/Vienna",
	"azerbaijan": "Asia/Baku", "baku": "Asia/Baku", "bahrain": "Asia/Bahrain", "manama": "Asia/Bahrain",
	"bangladesh": "Asia/Dhaka", "dhaka": "Asia/Dhaka", "belarus": "Europe/Minsk", "minsk": "Europe/Minsk",
	"belgium": "Europe/Brussels", "brussels": "Europe/Brussels", "bosnia": "Europe/Sarajevo",
	"sarajevo": "Europe/Sarajevo", "bulgaria": "Europe/Sofia", "sofia": "Europe/Sofia",
	"cambodia": "Asia/Phnom_Penh", "phnom penh": "Asia/Phnom_Penh", "china": "Asia/Shanghai",
	"beijing": "Asia/Shanghai", "shanghai": "Asia/Shanghai", "hong kong": "Asia/Hong_Kong",
	"colombia": "America/Bogota", "bogota": "America/Bogota", "croatia": "Europe/Zagreb", "zagreb": "Europe/Zagreb",
	"cuba": "America/Havana", "havana": "America/Havana", "cyprus": "Asia/Nicosia", "nicosia": "Asia/Nicosia",
	"czech republic": "Europe/Prague", "prague": "Europe/Prague", "denmark": "Europe/Copenhagen",
	"copenhagen": "Europe/Copenhagen", "egypt": "Africa/Cairo", "cairo": "Africa/Cairo",
	"estonia": "Europe/Tallinn", "tallinn": "Europe/Tallinn", "ethiopia": "Africa/Addis_Ababa",
	"addis ababa": "Africa/Addis_Ababa", "finland": "Europe/Helsinki", "helsinki": "Europe/Helsinki",
	"france": "Europe/Paris", "paris": "Europe/Paris", "germany": "Europe/Berlin", "berlin": "Europe/Berlin",
	"ghana": "Africa/Accra", "accra": "Africa/Accra", "greece": "Europe/Athens", "athens": "Europe/Athens",
	"hungary": "Europe/Budapest", "budapest": "Europe/Budapest", "iceland": "Atlantic/Reykjavik",
	"reykjavik": "Atlantic/Reykjavik", "india": "Asia/Kolkata", "new delhi": "Asia/Kolkata",
	"delhi": "Asia/Kolkata", "mumbai": "Asia/Kolkata", "iran": "Asia/Tehran", "tehran": "Asia/Tehran",
	"iraq": "Asia/Baghdad", "baghdad": "Asia/Baghdad", "mosul": "Asia/Baghdad", "basra": "Asia/Baghdad",
	"ireland": "Europe/Dublin", "dublin": "Europe/Dublin", "israel": "Asia/Jerusalem",
	"jerusalem": "Asia/Jerusalem", "tel aviv": "Asia/Jerusalem", "gaza": "Asia/Gaza",
	"west bank": "Asia/Hebron", "ramallah": "Asia/Hebron", "italy": "Europe/Rome", "rome": "Europe/Rome",
	"japan": "Asia/Tokyo", "tokyo": "Asia/Tokyo", "jordan": "Asia/Amman", "amman": "Asia/Amman",
	"kenya": "Africa/Nairobi", "nairobi": "Africa/Nairobi", "kuwait": "Asia/Kuwait", "latvia": "Europe/Riga",
	"riga": "Europe/Riga", "lebanon": "Asia/Beirut", "beirut": "Asia/Beirut", "libya": "Africa/Tripoli",
	"tripoli": "Africa/Tripoli", "lithuania": "Europe/Vilnius", "vilnius": "Europe/Vilnius",
	"malaysia": "Asia/Kuala_Lumpur", "kuala lumpur": "Asia/Kuala_Lumpur", "moldova": "Europe/Chisinau",
	"chisinau": "Europe/Chisinau", "morocco": "Africa/Casablanca", "rabat": "Africa/Casablanca",
	"myanmar": "Asia/Yangon", "yangon": "Asia/Yangon", "nepal": "Asia/Kathmandu", "kathmandu": "Asia/Kathmandu",
	"netherlands": "Europe/Amsterdam", "amsterdam": "Europe/Amsterdam", "the hague": "Europe/Amsterdam",
	"nigeria": "Africa/Lagos", "lagos": "Africa/Lagos", "abuja": "Africa/Lagos", "norway": "Europe/Oslo",
	"oslo": "Europe/Oslo", "north korea": "Asia/Pyongyang", "pyongyang": "Asia/Pyongyang",
	"oman": "Asia/Muscat", "muscat": "Asia/Muscat", "pakistan": "Asia/Karachi", "islamabad": "Asia/Karachi",
	"karachi": "Asia/Karachi", "philippines": "Asia/Manila", "manila": "Asia/Manila", "poland": "Europe/Warsaw",
	"warsaw": "Europe/Warsaw", "portugal": "Europe/Lisbon", "lisbon": "Europe/Lisbon", "qatar": "Asia/Qatar",
	"doha": "Asia/Qatar", "romania": "Europe/Bucharest", "bucharest": "Europe/Bucharest",
	"moscow": "Europe/Moscow", "sochi": "Europe/Moscow", "kaliningrad": "Europe/Kaliningrad",
	"vladivostok": "Asia/Vladivostok", "saudi arabia": "Asia/Riyadh", "riyadh": "Asia/Riyadh",
	"jeddah": "Asia/Riyadh", "serbia": "Europe/Belgrade", "belgrade": "Europe/Belgrade",
	"singapore": "Asia/Singapore", "slovakia": "Europe/Bratislava", "bratislava": "Europe/Bratislava",
	"slovenia": "Europe/Ljubljana", "ljubljana": "Europe/Ljubljana", "somalia": "Africa/Mogadishu",
	"mogadishu": "Africa/Mogadishu", "south africa": "Africa/Johannesburg", "johannesburg": "Africa/Johannesburg",
	"pretoria": "Africa/Johannesburg", "cape town": "Africa/Johannesburg", "south korea": "Asia/Seoul",
	"seoul": "Asia/Seoul", "spain": "Europe/Madrid", "madrid": "Europe/Madrid", "sri lanka": "Asia/Colombo",
	"colombo": "Asia/Colombo", "sudan": "Africa/Khartoum", "khartoum": "Africa/Khartoum",
	"sweden": "Europe/Stockholm", "stockholm": "Europe/Stockholm", "switzerland": "Europe/Zurich",
	"geneva": "Europe/Zurich", "zurich": "Europe/Zurich", "bern": "Europe/Zurich", "syria": "Asia/Damascus",
	"damascus": "Asia/Damascus", "aleppo": "Asia/Damascus", "taiwan": "Asia/Taipei", "taipei": "Asia/Taipei",
	"thailand": "Asia/Bangkok", "bangkok": "Asia/Bangkok", "tunisia": "Africa/Tunis", "tunis": "Africa/Tunis",
	"turkey": "Europe/Istanbul", "türkiye": "Europe/Istanbul", "ankara": "Europe/Istanbul",
	"istanbul": "Europe/Istanbul", "ukraine": "Europe/Kyiv", "kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv",
	"kharkiv": "Europe/Kyiv", "odesa": "Europe/Kyiv", "odessa": "Europe/Kyiv", "lviv": "Europe/Kyiv",
	"united arab emirates": "Asia/Dubai", "uae": "Asia/Dubai", "dubai": "Asia/Dubai", "abu dhabi": "Asia/Dubai",
	"britain": "Europe/London", "united kingdom": "Europe/London", "england": "Europe/London",
	"london": "Europe/London", "scotland": "Europe/London", "venezuela": "America/Caracas",
	"caracas": "America/Caracas", "vietnam": "Asia/Ho_Chi_Minh", "hanoi": "Asia/Ho_Chi_Minh",
	"yemen": "Asia/Aden", "sanaa": "Asia/Aden", "new zealand": "Pacific/Auckland",
	"wellington": "Pacific/Auckland", "washington": "America/New_York", "new york": "America/New_York",
	"boston": "America/New_York", "miami": "America/New_York", "atlanta": "America/New_York",
	"chicago": "America/Chicago", "houston": "America/Chicago", "dallas": "America/Chicago",
	"denver": "America/Denver", "los angeles": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
	"seattle": "America/Los_Angeles", "ottawa": "America/Toronto", "toronto": "America/Toronto",
	"montreal": "America/Toronto", "mexico city": "America/Mexico_City", "lima": "America/Lima",
	"peru": "America/Lima", "sao paulo": "America/Sao_Paulo", "brasilia": "America/Sao_Paulo",
	"buenos aires": "America/Argentina/Buenos_Aires", "argentina": "America/Argentina/Buenos_Aires",
	"santiago": "America/Santiago", "sydney": "Australia/Sydney", "canberra": "Australia/Sydney",
	"melbourne": "Australia/Melbourne", "tbilisi": "Asia/Tbilisi", "astana": "Asia/Almaty",
	"almaty": "Asia/Almaty", "tashkent": "Asia/Tashkent", "jakarta": "Asia/Jakarta",
	"honolulu": "Pacific/Honolulu", "marmaris": "Europe/Istanbul",
	"tanzania": "Africa/Dar_es_Salaam", "dar es salaam": "Africa/Dar_es_Salaam", "dodoma": "Africa/Dar_es_Salaam",
	"uganda": "Africa/Kampala", "kampala": "Africa/Kampala", "rwanda": "Africa/Kigali", "kigali": "Africa/Kigali",
	"congo": "Africa/Kinshasa", "kinshasa": "Africa/Kinshasa", "zimbabwe": "Africa/Harare", "harare": "Africa/Harare",
	"zambia": "Africa/Lusaka", "lusaka": "Africa/Lusaka", "angola": "Africa/Luanda", "luanda": "Africa/Luanda",
	"senegal": "Africa/Dakar", "dakar": "Africa/Dakar", "mali": "Africa/Bamako", "bamako": "Africa/Bamako",
	"eritrea": "Africa/Asmara", "asmara": "Africa/Asmara", "djibouti": "Africa/Djibouti",
	"mozambique": "Africa/Maputo", "maputo": "Africa/Maputo",
	"uzbekistan": "Asia/Tashkent", "kazakhstan": "Asia/Almaty", "kyrgyzstan": "Asia/Bishkek", "bishkek": "Asia/Bishkek",
	"tajikistan": "Asia/Dushanbe", "dushanbe": "Asia/Dushanbe", "mongolia": "Asia/Ulaanbaatar",
	"ulaanbaatar": "Asia/Ulaanbaatar", "laos": "Asia/Vientiane", "vientiane": "Asia/Vientiane",
	"indonesia": "Asia/Jakarta", "brunei": "Asia/Brunei", "georgia": "Asia/Tbilisi", "auckland": "Pacific/Auckland",
}

// zoneAt reads a time zone after a clock time, at token i: "GMT",
// "GMT+3", "UTC-04:00", "ET", "Indian time", "Moscow time", "Eastern
// time", "local time" (the place is looked for in the story). It returns
// the zone, whether one was written, and the token after it.
func (p *parser) zoneAt(i int) (zone, int, bool) {
	t := p.tok(i)
	if t.Kind != text.Alpha {
		return zone{}, i, false
	}
	if z, ok := zoneAbbrevs[p.textOf(i)]; ok {
		end := i + 1
		if z.fixed && z.offset == 0 && p.textOf(i) != "Z" {
			if off, k, ok := p.offsetAt(end); ok {
				z, end = fixedZone(off), k // GMT+3
			}
		}
		return z, end, true
	}
	if !t.Upper() {
		if p.is(i, "local") && p.is(i+1, "time") {
			return p.localZone(i), i + 2, true
		}
		return zone{}, i, false
	}
	// "Central European time", "Moscow time", "Indian time", "New York time"
	for n := 3; n >= 1; n-- {
		if !p.is(i+n, "time") {
			continue
		}
		name := p.words(i, i+n)
		if z, ok := zoneNames[name]; ok {
			return zone{name: z}, i + n + 1, true
		}
		if z, ok := places[name]; ok {
			return zone{name: z}, i + n + 1, true
		}
	}
	return zone{}, i, false
}

// offsetAt reads a UTC offset at i: "+3", "-4", "+05:30", "+0530".
func (p *parser) offsetAt(i int) (int, int, bool) {
	sign := 0
	switch p.low(i) {
	case "+":
		sign = 1
	case "-":
		sign = -1
	default:
		return 0, i, false
	}
	n := p.tok(i + 1)
	if n.Kind != text.Numeral || !p.glued(i+1) {
		return 0, i, false
	}
	h, m, end := n.Number(), 0, i+2
	switch {
	case n.Digits() == 4:
		h, m = n.Number()/100, n.Number()%100
	case n.Digits() > 2:
		return 0, i, false
	case p.low(end) == ":" && p.glued(end) && p.tok(end+1).Kind == text.Numeral && p.tok(end+1).Digits() == 2:
		m, end = p.tok(end+1).Number(), end+2
	}
	off := sign * (60*h + m)
	if m > 59 || off < -14*60 || off > 14*60 {
		return 0, i, false
	}
	return off, end, true
}

// words joins the lower-case words of tokens [i, j) with spaces.
func (p *parser) words(i, j int) string {
	if j == i+1 {
		return p.name(i)
	}
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(p.name(k))
	}
	return b.String()
}

// localZone finds the place "local time" at token i refers to: the
// nearest place named in its sentence, else the place of the story's
// dateline ("MINSK, Belarus (WW) —"). Without one the time floats.
func (p *parser) localZone(i int) zone {
	best, dist := "", 0
	for k := i - 1; k >= 0 && !p.sentenceBreak(k, k+1); k-- {
		if z, _, ok := p.placeAt(k); ok {
			best, dist = z, i-k
			break
		}
	}
	for k := i + 2; k < len(p.toks) && !p.sentenceBreak(k, k+1) && (best == "" || k-i < dist); k++ {
		if z, _, ok := p.placeAt(k); ok {
			best = z
			break
		}
	}
	if best == "" && p.doc != nil {
		best = p.doc.datelineZone()
	}
	if best == "" {
		return zone{}
	}
	return zone{name: best}
}

// placeAt reads a place name of one or two capitalised words at k and
// returns its zone and the token after it.
func (p *parser) placeAt(k int) (string, int, bool) {
	if !p.tok(k).Upper() {
		return "", k, false
	}
	if p.tok(k + 1).Upper() {
		if z, ok := places[p.name(k)+" "+p.name(k+1)]; ok {
			return z, k + 2, true
		}
		if z, ok := places[p.name(k)+" "+p.name(k+1)+" "+p.name(k+2)]; ok && p.tok(k+2).Kind == text.Alpha {
			return z, k + 3, true // "Dar es Salaam", written in capitals in a dateline
		}
	}
	if p.tok(k - 1).Upper() {
		if _, ok := places[p.name(k-1)+" "+p.name(k)]; ok {
			return "", k, false // the second word of a two-word place: "New York" is not "York"
		}
	}
	z, ok := places[p.name(k)]
	return z, k + 1, ok
}

// name is the lower-case form of a word that may be outside the lexicon
// ("Türkiye").
func (p *parser) name(k int) string {
	if l := p.low(k); l != "" || p.tok(k).Kind != text.Alpha {
		return l
	}
	return strings.ToLower(p.textOf(k))
}

// datelinePlace is the place of a dateline at the head of the story: a
// place name that starts a line among the story's first words, followed
// by a comma, a parenthesis or a dash ("MINSK, Belarus (WW) —", "KYIV
// (Reuters) -").
func (p *parser) datelinePlace() string {
	for k := 0; k < len(p.toks) && k < 80; k++ {
		if !p.toks[k].Upper() || !p.startsLine(k) {
			continue
		}
		if z, n, ok := p.placeAt(k); ok && p.is(n, ",", "(", "-", "—") {
			return z
		}
		// a city the list does not know, then its country: "O'SMACH,
		// Cambodia (AP)"
		for n := k; n < len(p.toks) && n < k+6 && (p.toks[n].Kind == text.Alpha || p.is(n, "'", "-", ".")); n++ {
			if p.is(n+1, ",") {
				if z, m, ok := p.placeAt(n + 2); ok && p.is(m, "(", "-", "—", ",") {
					return z
				}
				break
			}
		}
	}
	return ""
}

// startsLine reports whether token k is the first of its line.
func (p *parser) startsLine(k int) bool {
	for i := p.tok(k).Start - 1; i >= 0; i-- {
		switch p.text[i] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}
