-- Articles as users gave them; the body is kept byte for byte so that
-- mention offsets stay true. sha256 (of the normalised body) recognises an
-- article submitted twice.
CREATE TABLE articles (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256           bytea NOT NULL UNIQUE CHECK (octet_length(sha256) = 32),
    url              text NOT NULL DEFAULT '',
    title            text NOT NULL DEFAULT '',
    publisher        text NOT NULL DEFAULT '',
    published_value  text,          -- TIMEX3 value; NULL when not found
    published_source text NOT NULL DEFAULT '',
    body             text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- Dates are calendar dates, not instants: date_start/date_end are the
-- half-open interval the date covers, as wall-clock timestamps without a
-- zone. The timeline sorts by (date_start, date_rank, id): coarse dates
-- first at equal starts (see timeline.Date.SortKey).
CREATE TABLE events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           text NOT NULL CHECK (kind IN ('call', 'meeting', 'visit', 'agreement',
                       'statement', 'threat', 'sanction', 'strike', 'leadership', 'aid', 'protest')),
    date_value     text NOT NULL,
    date_precision text NOT NULL CHECK (date_precision IN ('year', 'season', 'quarter',
                       'month', 'week', 'day', 'minute')),
    date_start     timestamp NOT NULL,
    date_end       timestamp NOT NULL,
    date_rank      smallint NOT NULL,
    status         text NOT NULL CHECK (status IN ('reported', 'planned', 'negated', 'hypothetical')),
    title          text NOT NULL CHECK (title <> ''),
    summary        text NOT NULL DEFAULT '',
    confidence     real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    origin         text NOT NULL CHECK (origin IN ('extractor', 'hand', 'import')),
    source_url     text NOT NULL DEFAULT '',
    sequence       integer NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    search         tsvector GENERATED ALWAYS AS
                       (to_tsvector('english', title || ' ' || summary)) STORED,
    CHECK (date_end > date_start)
);

CREATE INDEX events_chrono ON events (date_start, date_rank, id);
CREATE INDEX events_kind_chrono ON events (kind, date_start, date_rank, id);
CREATE INDEX events_search ON events USING gin (search);

-- Actors under one canonical name; key is the case- and space-folded name
-- (timeline.ActorKey), so "united states" and "United States" are one actor.
CREATE TABLE actors (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL CHECK (name <> ''),
    key  text NOT NULL UNIQUE,
    kind text NOT NULL DEFAULT ''
);

CREATE TABLE event_actors (
    event_id bigint NOT NULL REFERENCES events ON DELETE CASCADE,
    actor_id bigint NOT NULL REFERENCES actors ON DELETE CASCADE,
    position smallint NOT NULL,
    PRIMARY KEY (event_id, actor_id)
);

CREATE INDEX event_actors_actor ON event_actors (actor_id, event_id);

-- Mentions are the evidence: where an article reports an event.
CREATE TABLE mentions (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id          bigint NOT NULL REFERENCES events ON DELETE CASCADE,
    article_id        bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
    quote             text NOT NULL,
    quote_start       integer NOT NULL CHECK (quote_start >= 0),
    quote_end         integer NOT NULL CHECK (quote_end >= quote_start),
    extractor_version text NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, article_id, quote_start)
);

CREATE INDEX mentions_article ON mentions (article_id);
