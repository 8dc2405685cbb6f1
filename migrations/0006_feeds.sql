-- Following the news: feeds Dateline polls, the items it found in them,
-- and the inbox where their extracted events wait for review. The jobs
-- that do the work live in River's own tables (river_job and the rest),
-- which store.Migrate creates with River's migrations after these.

-- A feed is polled every "every"; next_poll_at is when it is due. etag and
-- last_modified are the validators of the last answer, for a conditional
-- GET. error says why the last poll failed ('' when it succeeded), for the
-- Feeds page.
CREATE TABLE feeds (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url           text NOT NULL UNIQUE CHECK (url ~ '^https?://'),
    title         text NOT NULL DEFAULT '',
    every         interval NOT NULL CHECK (every >= interval '1 minute'),
    accept        text NOT NULL DEFAULT 'review' CHECK (accept IN ('review', 'auto')),
    etag          text NOT NULL DEFAULT '',
    last_modified text NOT NULL DEFAULT '',
    next_poll_at  timestamptz NOT NULL DEFAULT now(),
    polled_at     timestamptz,
    error         text NOT NULL DEFAULT '',
    failed_at     timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX feeds_due ON feeds (next_poll_at);

-- An item is stored once per feed, whatever polls or processes see it
-- again: (feed_id, key) is unique, key being the item's guid or id, else
-- its address. state follows it: queued (a job will fetch it), inbox (its
-- events wait for review), added (its article is stored), known (its
-- article was stored or waiting already, from elsewhere), dismissed (a
-- person chose not to add it), failed (error says why).
CREATE TABLE feed_items (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feed_id    bigint NOT NULL REFERENCES feeds ON DELETE CASCADE,
    key        text NOT NULL,
    url        text NOT NULL,
    title      text NOT NULL DEFAULT '',
    published  timestamptz,
    state      text NOT NULL DEFAULT 'queued'
                   CHECK (state IN ('queued', 'inbox', 'added', 'known', 'dismissed', 'failed')),
    error      text NOT NULL DEFAULT '',
    attempts   integer NOT NULL DEFAULT 0,
    article_id bigint REFERENCES articles ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (feed_id, key)
);

CREATE INDEX feed_items_feed_state ON feed_items (feed_id, state);

-- The inbox: an article fetched from a feed, with the events extraction
-- found in it (JSON, as store.inboxEvent), waiting for a person. Nothing
-- here is on the timeline. sha256 is the article's hash
-- (timeline.ArticleHash): an article waits once, whichever feeds list it.
CREATE TABLE inbox (
    item_id          bigint PRIMARY KEY REFERENCES feed_items ON DELETE CASCADE,
    sha256           bytea NOT NULL UNIQUE CHECK (octet_length(sha256) = 32),
    url              text NOT NULL DEFAULT '',
    title            text NOT NULL DEFAULT '',
    published_value  text,
    published_source text NOT NULL DEFAULT '',
    body             text NOT NULL,
    events           jsonb NOT NULL,
    notes            text[] NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- Events a feed added with --accept auto are on the timeline without a
-- person having looked at them; the pages say so until someone edits the
-- event. Every event before this was reviewed (or typed, or imported).
ALTER TABLE events ADD COLUMN reviewed boolean NOT NULL DEFAULT true;
