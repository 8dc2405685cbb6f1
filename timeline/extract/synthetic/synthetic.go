// Package synthetic writes deterministic news-like articles for benchmarks
// and load tests: real-looking headlines, datelines, actors and date
// expressions from this package's own templates. The same seed always
// gives the same corpus, so anyone can rebuild a data set.
package synthetic

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

type person struct{ title, name, country string }

var people = []person{
	{"President", "Anna Keller", "Germany"}, {"Prime Minister", "Marco Bellini", "Italy"},
	{"President", "Jean Moreau", "France"}, {"Chancellor", "Lukas Weber", "Austria"},
	{"Foreign Minister", "Ingrid Dahl", "Norway"}, {"President", "Olena Kovalenko", "Ukraine"},
	{"Prime Minister", "Piotr Nowak", "Poland"}, {"President", "Mehmet Aydin", "Turkey"},
	{"Prime Minister", "Hiroshi Tanaka", "Japan"}, {"President", "Carlos Mendes", "Brazil"},
	{"Secretary of State", "Daniel Brooks", "United States"}, {"Foreign Minister", "Li Wen", "China"},
	{"President", "Amara Okafor", "Nigeria"}, {"Prime Minister", "Sofia Lind", "Sweden"},
	{"Defence Minister", "Yossi Levin", "Israel"}, {"Foreign Minister", "Reza Karimi", "Iran"},
}

var capitals = map[string]string{
	"Germany": "Berlin", "Italy": "Rome", "France": "Paris", "Austria": "Vienna", "Norway": "Oslo",
	"Ukraine": "Kyiv", "Poland": "Warsaw", "Turkey": "Ankara", "Japan": "Tokyo", "Brazil": "Brasilia",
	"United States": "Washington", "China": "Beijing", "Nigeria": "Abuja", "Sweden": "Stockholm",
	"Israel": "Jerusalem", "Iran": "Tehran",
}

var orgs = []string{"the United Nations", "NATO", "the European Union", "the African Union", "the IMF"}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// sentence templates; {A} and {B} are people, {CA}/{CB} their countries,
// {CITY} a capital, {ORG} an organisation, {D} a date expression.
var templates = []string{
	"{TA} {A} met {TB} {B} in {CITY} {D} to discuss trade and security.",
	"{TA} {A} spoke by phone with {TB} {B} {D}, officials said.",
	"{A} arrived in {CITY} {D} for a two-day visit, the first since {YEAR}.",
	"{CA} and {CB} signed an agreement on energy cooperation {D}.",
	"{CA} said {D} that it would not accept the proposal.",
	"{ORG} announced new sanctions on {CB} {D}, citing the attacks.",
	"Missiles struck targets in {CB} {D}, according to local officials.",
	"{A} told reporters {D} that talks would continue next week.",
	"Thousands of protesters rallied in {CITY} {D} against the government.",
	"{CA} pledged $2 billion in aid to {CB} {D}.",
	"The ministers had last met in {MONTH} {YEAR} in {CITY}.",
	"Two days later, {CB} expelled three diplomats from {CA}.",
	"Analysts said the dispute, which began in {YEAR}, was unlikely to end soon.",
	"Prices rose 4.5% over the past 12 months, and the index closed at 2,745 points.",
}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// dateExpr writes a date expression relative to pub, as news does.
func dateExpr(r *rand.Rand, pub time.Time) string {
	switch r.IntN(7) {
	case 0, 1:
		return "on " + weekdays[r.IntN(7)]
	case 2:
		d := pub.AddDate(0, 0, -r.IntN(40))
		return "on " + d.Format("January 2")
	case 3:
		d := pub.AddDate(0, 0, -r.IntN(400))
		return "on " + d.Format("2 January 2006")
	case 4:
		return []string{"last week", "yesterday", "this morning", "on Thursday evening"}[r.IntN(4)]
	case 5:
		return "late on " + weekdays[r.IntN(7)]
	default:
		return "earlier this month"
	}
}

// Article writes article number i of the corpus of seed: its text and its
// publication date.
func Article(seed uint64, i int) (string, time.Time) {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	pub := time.Date(2015+r.IntN(11), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	a, b := people[r.IntN(len(people))], people[r.IntN(len(people))]
	for b == a {
		b = people[r.IntN(len(people))]
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s and %s discuss %s\n\n", last(a.name), last(b.name), []string{"trade", "security", "the war", "energy"}[r.IntN(4)])
	fmt.Fprintf(&sb, "By Staff Reporter\n%s\n\n", pub.Format("January 2, 2006 3:04 PM"))
	paragraphs := 4 + r.IntN(5)
	for p := 0; p < paragraphs; p++ {
		if p == 0 {
			fmt.Fprintf(&sb, "%s — ", strings.ToUpper(capitals[a.country]))
		}
		for s := 0; s < 2+r.IntN(3); s++ {
			sb.WriteString(fill(templates[r.IntN(len(templates))], r, pub, a, b))
			sb.WriteByte(' ')
		}
		sb.WriteString("\n\n")
	}
	if r.IntN(3) == 0 {
		sb.WriteString("Advertisement\n\nSubscribe for unlimited access. Already a subscriber? Log in.\n")
	}
	return sb.String(), pub
}

// Corpus concatenates articles of seed until the text is at least size
// bytes.
func Corpus(seed uint64, size int) string {
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		text, _ := Article(seed, i)
		sb.WriteString(text)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func fill(t string, r *rand.Rand, pub time.Time, a, b person) string {
	org := orgs[r.IntN(len(orgs))]
	return strings.NewReplacer(
		"{TA}", a.title, "{TB}", b.title, "{A}", a.name, "{B}", b.name,
		"{CA}", a.country, "{CB}", b.country, "{CITY}", capitals[b.country],
		"{ORG}", capitalizeFirst(org), "{D}", dateExpr(r, pub),
		"{YEAR}", fmt.Sprint(pub.Year()-1-r.IntN(8)), "{MONTH}", months[r.IntN(12)],
	).Replace(t)
}

func last(name string) string {
	f := strings.Fields(name)
	return f[len(f)-1]
}

func capitalizeFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
