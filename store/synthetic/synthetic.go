// Package synthetic writes a made-up timeline straight into a Dateline
// database, fast (COPY), so that benchmarks and load tests can have a
// million events in minutes. The same size always gives the same data.
// It is for benchmark databases only: it disables the tables' triggers
// while it loads.
package synthetic

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/dateline/dateline/timeline"
	"github.com/jackc/pgx/v5"
)

// Info describes the made-up timeline Load writes, so that tests and
// benchmarks can ask for things they know are there.
type Info struct {
	Events int
	First  time.Time // the earliest date start
	Last   time.Time // the latest date start
	// Actor is a country in about one event in thirty, Rare a person in
	// about one in two hundred, Common an organisation in one in four.
	Actor, Rare, Common string
	// ActorAlias is another name of Actor, known to the extractor's
	// gazetteer (the seat of its government), not stored as an alias.
	ActorAlias string
	// Word is in the titles of about one event in thirty (and in some
	// quotes).
	Word string
}

var countries = []string{
	"Argentina", "Australia", "Brazil", "Canada", "China", "Egypt", "Ethiopia", "France",
	"Germany", "India", "Indonesia", "Iran", "Iraq", "Israel", "Italy", "Japan", "Jordan",
	"Kenya", "Mexico", "Nigeria", "North Korea", "Pakistan", "Poland", "Qatar", "Russia",
	"Saudi Arabia", "South Africa", "South Korea", "Spain", "Syria", "Türkiye", "Ukraine",
	"United Kingdom", "United States", "Venezuela", "Vietnam",
}

// organisation is in every fourth event.
const organisation = "United Nations"

var (
	given  = []string{"Amina", "Boris", "Chen", "Dara", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas"}
	family = []string{"Adeyemi", "Brandt", "Costa", "Dimitrov", "Eriksen", "Fischer", "Gupta", "Haddad", "Ivanova", "Jaber", "Kowalski", "Lindqvist"}
	verbs  = map[timeline.Kind]string{
		timeline.KindCall: "speaks by phone with", timeline.KindMeeting: "meets", timeline.KindVisit: "visits",
		timeline.KindAgreement: "signs an accord with", timeline.KindStatement: "condemns", timeline.KindThreat: "warns",
		timeline.KindSanction: "sanctions", timeline.KindStrike: "strikes", timeline.KindLeadership: "swears in a government beside",
		timeline.KindAid: "sends aid to", timeline.KindProtest: "sees protests against",
	}
	words = []string{"border", "ceasefire", "harbour", "pipeline", "summit", "drone", "grain", "reactor", "embassy", "tariff",
		"corridor", "election", "satellite", "refinery", "convoy", "treaty", "airport", "frontier", "dam", "mine",
		"bridge", "island", "strait", "militia", "parliament", "capital", "province", "port", "railway", "cable"}
)

// Load fills the empty, migrated database of conn with n made-up events
// spread over 2000 to 2025 (mostly day dates, some months, parts of day and
// years), one to three actors each from a pool of about 150, and a mention
// in one of n/3 articles for seven events in ten. It writes with COPY, with
// the tables' triggers off, then builds the search documents in one pass
// and analyzes the tables, as a long-running database would be.
func Load(ctx context.Context, conn *pgx.Conn, n int) (Info, error) {
	if err := load(ctx, conn, n); err != nil {
		return Info{}, fmt.Errorf("load %d synthetic events: %w", n, err)
	}
	return Describe(ctx, conn)
}

// Describe tells what a database that Load filled holds.
func Describe(ctx context.Context, conn *pgx.Conn) (Info, error) {
	s := Info{Actor: "Russia", ActorAlias: "Kremlin", Rare: given[3] + " " + family[7], Common: organisation, Word: "reactor"}
	err := conn.QueryRow(ctx, `SELECT count(*), min(date_start), max(date_start) FROM events`).Scan(&s.Events, &s.First, &s.Last)
	if err != nil {
		return Info{}, fmt.Errorf("describe synthetic events: %w", err)
	}
	return s, nil
}

func load(ctx context.Context, conn *pgx.Conn, n int) error {
	var existing int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM events`).Scan(&existing); err != nil {
		return fmt.Errorf("count: %w", err)
	}
	if existing != 0 {
		return fmt.Errorf("the database already has %d events", existing)
	}
	tables := []string{"events", "actors", "event_actors", "articles", "mentions"}
	for _, t := range tables {
		if _, err := conn.Exec(ctx, "ALTER TABLE "+t+" DISABLE TRIGGER USER"); err != nil {
			return fmt.Errorf("disable triggers: %w", err)
		}
	}
	defer func() {
		for _, t := range tables {
			conn.Exec(context.WithoutCancel(ctx), "ALTER TABLE "+t+" ENABLE TRIGGER USER")
		}
	}()
	rnd := rand.New(rand.NewPCG(uint64(n), 42))

	// Actors: the countries, and people named from two short lists.
	var actorRows [][]any
	for _, c := range countries {
		actorRows = append(actorRows, []any{c, timeline.ActorKey(c), string(timeline.ActorCountry)})
	}
	for _, g := range given {
		for _, f := range family {
			name := g + " " + f
			actorRows = append(actorRows, []any{name, timeline.ActorKey(name), string(timeline.ActorPerson)})
		}
	}
	common := len(actorRows)
	actorRows = append(actorRows, []any{organisation, timeline.ActorKey(organisation), string(timeline.ActorOrganisation)})
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"actors"}, []string{"name", "key", "kind"}, pgx.CopyFromRows(actorRows)); err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	actorIDs, err := ids(ctx, conn, "actors")
	if err != nil {
		return err
	}
	var aliasRows [][]any
	for i, row := range actorRows {
		a := timeline.Actor{Name: row[0].(string), Kind: timeline.ActorKind(row[2].(string))}
		for _, al := range timeline.ActorAliases(a, "") {
			aliasRows = append(aliasRows, []any{timeline.AliasKey(al.Name), actorIDs[i], al.Name, al.Surname})
		}
	}
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"actor_aliases"}, []string{"key", "actor_id", "name", "surname"},
		pgx.CopyFromRows(aliasRows)); err != nil {
		return fmt.Errorf("actor aliases: %w", err)
	}

	// Articles: three sentences each, one per event that cites it.
	nArticles := max(1, n/3)
	articleRows := make([][]any, nArticles)
	bodies := make([][]string, nArticles)
	for i := range articleRows {
		sentences := []string{
			fmt.Sprintf("Report %d opens with the %s.", i, words[i%len(words)]),
			fmt.Sprintf("Officials said talks on the %s would continue.", words[(i/7)%len(words)]),
			fmt.Sprintf("Witnesses described the scene near the %s.", words[(i/3)%len(words)]),
		}
		bodies[i] = sentences
		body := strings.Join(sentences, " ")
		sum := sha256.Sum256([]byte(body))
		published := time.Date(2000+i%26, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		articleRows[i] = []any{sum[:], fmt.Sprintf("https://news.example/%d", i), fmt.Sprintf("Report %d", i),
			"Example Wire", published, "dateline", body}
	}
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"articles"},
		[]string{"sha256", "url", "title", "publisher", "published_value", "published_source", "body"},
		pgx.CopyFromRows(articleRows)); err != nil {
		return fmt.Errorf("articles: %w", err)
	}
	articleIDs, err := ids(ctx, conn, "articles")
	if err != nil {
		return err
	}

	// Events, with their actors and mentions decided now and written once
	// the events have ids.
	type plan struct {
		actors  []int
		article int // -1: none
		start   time.Time
		rank    int
		kind    string
	}
	plans := make([]plan, n)
	span := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Sub(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	eventRows := make([][]any, n)
	for i := range eventRows {
		start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rnd.Int64N(int64(span))))
		d, err := date(rnd, start)
		if err != nil {
			return err
		}
		kind := timeline.Kinds[rnd.IntN(len(timeline.Kinds))]
		p := plan{article: -1}
		for range 1 + rnd.IntN(3) {
			var a int
			if rnd.IntN(3) == 0 {
				a = len(countries) + rnd.IntN(common-len(countries))
			} else {
				a = rnd.IntN(len(countries))
			}
			if !slices.Contains(p.actors, a) {
				p.actors = append(p.actors, a)
			}
		}
		if i%4 == 0 {
			p.actors = append(p.actors, common)
		}
		if rnd.IntN(10) < 7 {
			p.article = i % nArticles
		}
		plans[i] = p
		subject := actorRows[p.actors[0]][0].(string)
		object := "its neighbours"
		if len(p.actors) > 1 {
			object = actorRows[p.actors[1]][0].(string)
		}
		title := fmt.Sprintf("%s %s %s over the %s", subject, verbs[kind], object, words[rnd.IntN(len(words))])
		status := timeline.StatusReported
		if rnd.IntN(20) == 0 {
			status = timeline.StatusPlanned
		}
		origin, confidence := timeline.ByExtractor, 0.4+0.55*rnd.Float64()
		if p.article < 0 {
			origin, confidence = timeline.ByHand, 1
		}
		s, rank := d.SortKey()
		plans[i].start, plans[i].rank, plans[i].kind = s, rank, string(kind)
		eventRows[i] = []any{string(kind), d.Value(), d.Precision().String(), s, d.End(), rank, string(status), title,
			"", confidence, string(origin)}
	}
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"events"},
		[]string{"kind", "date_value", "date_precision", "date_start", "date_end", "date_rank", "status", "title",
			"summary", "confidence", "origin"}, pgx.CopyFromRows(eventRows)); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	eventIDs, err := ids(ctx, conn, "events")
	if err != nil {
		return err
	}
	var eaRows, mentionRows [][]any
	for i, p := range plans {
		for pos, a := range p.actors {
			eaRows = append(eaRows, []any{eventIDs[i], actorIDs[a], int16(pos), p.start, int16(p.rank), p.kind})
		}
		if p.article >= 0 {
			sentences := bodies[p.article]
			k := i % len(sentences)
			start := 0
			for _, s := range sentences[:k] {
				start += len(s) + 1
			}
			mentionRows = append(mentionRows, []any{eventIDs[i], articleIDs[p.article], sentences[k],
				int32(start), int32(start + len(sentences[k])), "synthetic"})
		}
	}
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"event_actors"}, []string{"event_id", "actor_id", "position", "event_start", "event_rank", "event_kind"},
		pgx.CopyFromRows(eaRows)); err != nil {
		return fmt.Errorf("event actors: %w", err)
	}
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"mentions"},
		[]string{"event_id", "article_id", "quote", "quote_start", "quote_end", "extractor_version"},
		pgx.CopyFromRows(mentionRows)); err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	if _, err := conn.Exec(ctx, `UPDATE events SET search = event_search(id, kind, title, summary)`); err != nil {
		return fmt.Errorf("search documents: %w", err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO event_months (month, kind, events)
		SELECT date_trunc('month', date_start), kind, count(*) FROM events GROUP BY 1, 2`); err != nil {
		return fmt.Errorf("month counts: %w", err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO actor_months (actor_id, month, kind, events)
		SELECT actor_id, date_trunc('month', event_start), event_kind, count(*) FROM event_actors GROUP BY 1, 2, 3`); err != nil {
		return fmt.Errorf("month counts per actor: %w", err)
	}
	if _, err = conn.Exec(ctx, `VACUUM ANALYZE events, actors, actor_aliases, event_actors, articles, mentions, event_months, actor_months`); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	return nil
}

// date is a date starting around start: mostly days, some parts
// of day, months and years.
func date(rnd *rand.Rand, start time.Time) (timeline.Date, error) {
	y, m, d := start.Date()
	switch r := rnd.IntN(100); {
	case r < 3:
		return timeline.YearDate(y)
	case r < 13:
		return timeline.MonthDate(y, m)
	case r < 20:
		parts := []timeline.PartOfDay{timeline.Morning, timeline.Afternoon, timeline.Evening, timeline.Night}
		return timeline.PartOfDayDate(y, m, d, parts[rnd.IntN(len(parts))])
	case r < 23:
		return timeline.MinuteDate(y, m, d, start.Hour(), start.Minute())
	default:
		return timeline.DayDate(y, m, d)
	}
}

// ids returns the ids of table in insertion order: COPY into an empty
// table draws identity values in row order.
func ids(ctx context.Context, conn *pgx.Conn, table string) ([]int64, error) {
	rows, err := conn.Query(ctx, "SELECT id FROM "+pgx.Identifier{table}.Sanitize()+" ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("%s ids: %w", table, err)
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}
