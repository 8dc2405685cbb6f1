-- Actors as identities, and an editor's control over events and
-- articles (issue 12).

-- 1. One actor per real entity, found under any of its names. An alias
-- key (timeline.AliasKey: case, spaces, accents and full stops folded)
-- may name several actors: a surname shared by two people, or a name
-- given to two actors by hand. A filter takes all it names; a writer
-- links a name to an actor only when it names one (timeline.ResolveName).
-- Aliases of the actors stored before are written by store.Migrate,
-- which computes keys as the code does.
ALTER TABLE actors ADD COLUMN country text NOT NULL DEFAULT '';

CREATE TABLE actor_aliases (
    key      text NOT NULL CHECK (key <> ''),
    actor_id bigint NOT NULL REFERENCES actors ON DELETE CASCADE,
    name     text NOT NULL CHECK (name <> ''), -- as written or given
    surname  boolean NOT NULL DEFAULT false,   -- a person's surname, which alone may be shared
    PRIMARY KEY (key, actor_id)
);

CREATE INDEX actor_aliases_actor ON actor_aliases (actor_id);

-- 2. Who changed what, and when. Events had no author; now every change
-- made through the pages (and the changes of the commands that make
-- them one at a time) is a row here, shown on the pages of the events,
-- actors and articles it concerns. No references: the history of an
-- event merged away or deleted stays, and says where it went.
CREATE TABLE changes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    author     text NOT NULL DEFAULT '', -- the signed-in user's name; '' when changes needed no sign-in
    action     text NOT NULL CHECK (action IN ('create', 'source', 'edit', 'delete', 'merge', 'merged into',
                   'split', 'split from', 'rename actor', 'merge actors', 'alias', 'article date', 'delete article')),
    event_id   bigint,
    actor_id   bigint,
    article_id bigint,
    other_id   bigint, -- the other event or actor of a merge or split
    detail     text NOT NULL DEFAULT ''
);

CREATE INDEX changes_event ON changes (event_id, id) WHERE event_id IS NOT NULL;
CREATE INDEX changes_actor ON changes (actor_id, id) WHERE actor_id IS NOT NULL;
CREATE INDEX changes_article ON changes (article_id, id) WHERE article_id IS NOT NULL;

-- 3. Articles stored without a publication date, which the timeline
-- lists for fixing: few, and found without reading the others.
CREATE INDEX articles_undated ON articles (id) WHERE published_value IS NULL;
