-- Pages whose filters select a large share of a million events, and bulk
-- writes that keep up with extraction (issue 15). docs/PERFORMANCE.md has
-- the plans these serve.

-- 1. event_actors copies the event's kind, as it copies its sort key, so
-- that an actor's page filtered by kind reads only the actor's index
-- (event_kind is INCLUDEd in it), and so that counts per actor can be kept
-- from event_actors alone, even for rows whose event is being deleted.
ALTER TABLE event_actors ADD COLUMN event_kind text;
UPDATE event_actors ea SET event_kind = e.kind FROM events e WHERE e.id = ea.event_id;
ALTER TABLE event_actors ALTER COLUMN event_kind SET NOT NULL;

DROP INDEX event_actors_timeline;
CREATE INDEX event_actors_timeline ON event_actors (actor_id, event_start, event_rank, event_id) INCLUDE (event_kind);

CREATE OR REPLACE FUNCTION event_actors_sort_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT date_start, date_rank, kind INTO NEW.event_start, NEW.event_rank, NEW.event_kind
    FROM events WHERE id = NEW.event_id;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION events_move_actors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE event_actors SET event_start = NEW.date_start, event_rank = NEW.date_rank, event_kind = NEW.kind
    WHERE event_id = NEW.id;
    RETURN NULL;
END $$;

DROP TRIGGER events_move_actors ON events;
CREATE TRIGGER events_move_actors AFTER UPDATE OF date_start, date_rank, kind ON events
    FOR EACH ROW WHEN (OLD.date_start IS DISTINCT FROM NEW.date_start OR OLD.date_rank IS DISTINCT FROM NEW.date_rank
        OR OLD.kind IS DISTINCT FROM NEW.kind)
    EXECUTE FUNCTION events_move_actors();

-- 2. The overview of one actor (with kinds or not) reads counts kept per
-- actor, month and kind, as event_months keeps them per month and kind:
-- counting an actor in a quarter of a million events took 150 ms. Kept by
-- a deferred trigger that, like count_event_months, takes the
-- export_version row lock first, or by bulk writers once per batch.
CREATE TABLE actor_months (
    actor_id bigint NOT NULL,
    month    timestamp NOT NULL, -- first instant of the month the events start in
    kind     text NOT NULL,
    events   bigint NOT NULL,
    PRIMARY KEY (actor_id, month, kind)
);

CREATE FUNCTION count_actor_months() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.actor_id = NEW.actor_id AND OLD.event_kind = NEW.event_kind
            AND date_trunc('month', OLD.event_start) = date_trunc('month', NEW.event_start) THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM export_version FOR UPDATE;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE actor_months SET events = events - 1
        WHERE actor_id = OLD.actor_id AND month = date_trunc('month', OLD.event_start) AND kind = OLD.event_kind;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO actor_months (actor_id, month, kind, events)
        VALUES (NEW.actor_id, date_trunc('month', NEW.event_start), NEW.event_kind, 1)
        ON CONFLICT (actor_id, month, kind) DO UPDATE SET events = actor_months.events + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER event_actors_month_counts AFTER INSERT OR UPDATE OR DELETE ON event_actors
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (current_setting('dateline.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION count_actor_months();

INSERT INTO actor_months (actor_id, month, kind, events)
SELECT actor_id, date_trunc('month', event_start), event_kind, count(*) FROM event_actors GROUP BY 1, 2, 3;

-- 3. The search document also carries the event's filter keys, lexemes no
-- query text can spell (a parser never keeps '#'): '#k' || kind and
-- '#a' || actor id. A search with kinds and actors is then one tsquery,
-- intersected inside the GIN index ('reactor' & '#a25' & '#kstrike'
-- finds 170 events among a million in a few milliseconds, where two
-- indexes and a join took 50 ms).
--
-- Quotes enter the document one vector each, concatenated in mention
-- order, so that a writer adding a mention appends its quote's vector to
-- the stored document (search || quote_document(q)) and gets exactly what
-- recomputing it would give, without reading the event's other rows.
CREATE AGGREGATE tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

CREATE FUNCTION quote_document(quote text) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector('english', quote), 'D')
$$;

-- (one expression that names each argument once, so that PostgreSQL
-- inlines it into the statements that call it)
CREATE FUNCTION event_terms(kind text, actor_ids bigint[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
    SELECT array_to_tsvector(string_to_array(
        '#k' || kind || coalesce(' #a' || nullif(array_to_string(actor_ids, ' #a'), ''), ''), ' '))
$$;

DROP FUNCTION event_search(bigint, text, text);
DROP FUNCTION event_document(text, text, text, text);

-- event_document is the part of the document a writer has at hand when
-- it inserts an event: title (A), actor names (B), summary (C).
CREATE FUNCTION event_document(title text, actors text, summary text) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', actors), 'B')
        || setweight(to_tsvector('english', summary), 'C')
$$;

-- event_search is the whole document of a stored event.
CREATE FUNCTION event_search(event_id bigint, kind text, title text, summary text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
    SELECT event_document(title,
            coalesce((SELECT string_agg(a.name, ' ' ORDER BY ea.position)
                      FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
                      WHERE ea.event_id = event_search.event_id), ''),
            summary)
        || coalesce((SELECT tsvector_agg(quote_document(m.quote) ORDER BY m.id)
                     FROM mentions m WHERE m.event_id = event_search.event_id), '')
        || event_terms(kind, coalesce((SELECT array_agg(ea.actor_id)
                     FROM event_actors ea WHERE ea.event_id = event_search.event_id), '{}'))
$$;

CREATE OR REPLACE FUNCTION events_search_own() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := event_search(NEW.id, NEW.kind, NEW.title, NEW.summary);
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION events_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events e SET search = event_search(e.id, e.kind, e.title, e.summary)
    WHERE e.id IN (SELECT DISTINCT event_id FROM changed);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION actors_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events e SET search = event_search(e.id, e.kind, e.title, e.summary)
    WHERE e.id IN (
        SELECT ea.event_id
        FROM changed c JOIN before_change b ON b.id = c.id
        JOIN event_actors ea ON ea.actor_id = c.id
        WHERE c.name IS DISTINCT FROM b.name);
    RETURN NULL;
END $$;

DROP TRIGGER events_search ON events;
CREATE TRIGGER events_search BEFORE INSERT OR UPDATE OF title, summary, kind ON events
    FOR EACH ROW
    WHEN (current_setting('dateline.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION events_search_own();

UPDATE events SET search = event_search(id, kind, title, summary);

-- 4. Samples for overviews too large to count: the events whose id hashes
-- to 0 modulo 16, 256 and 4096, each level with its own small search
-- index. An overview that would count more events than it may estimates
-- from the densest level it can afford, and says "about" (store.MonthCounts).
CREATE INDEX events_search_1in16 ON events USING gin (search) WHERE (hashint8(id) & 15) = 0;
CREATE INDEX events_search_1in256 ON events USING gin (search) WHERE (hashint8(id) & 255) = 0;
CREATE INDEX events_search_1in4096 ON events USING gin (search) WHERE (hashint8(id) & 4095) = 0;

-- 5. One index entry fewer per event: pages by kind walk the timeline
-- index and keep their kinds (a kind is rarely rarer than one event in a
-- hundred), overviews by kind read event_months, and kinds with an actor
-- or words go through event_actors or the search index.
DROP INDEX events_kind_chrono;

-- And one fewer per mention: its key is the place it quotes (event,
-- article, start), which a unique index already kept; nothing looks a
-- mention up by its id, which stays as a column.
ALTER TABLE mentions DROP CONSTRAINT mentions_pkey,
    DROP CONSTRAINT mentions_event_id_article_id_quote_start_key,
    ADD PRIMARY KEY (event_id, article_id, quote_start);

-- 6. The references of event_actors and mentions are checked once per
-- statement instead of once per row. A foreign key checks each new row
-- with a query of its own (a plan started, a row locked): per article of
-- a bulk ingest some 60 of them, a quarter of PostgreSQL's time. The
-- triggers below do what those keys did, for all the rows of a statement
-- at once: lock the rows referenced FOR KEY SHARE, in id order, so that
-- they cannot be deleted before the writer commits, refuse a row whose
-- reference is missing (SQLSTATE 23503, as a foreign key), and delete
-- the rows of a deleted event, article or actor (ON DELETE CASCADE). Ids
-- never change: identity columns refuse new values but DEFAULT, and the
-- last triggers refuse that.
ALTER TABLE event_actors DROP CONSTRAINT event_actors_event_id_fkey,
    DROP CONSTRAINT event_actors_actor_id_fkey;
ALTER TABLE mentions DROP CONSTRAINT mentions_event_id_fkey,
    DROP CONSTRAINT mentions_article_id_fkey;

-- lock_referenced locks the rows of table with the given ids (distinct,
-- sorted) FOR KEY SHARE, through its primary key, and refuses the
-- statement when some are missing.
CREATE FUNCTION lock_referenced(tab regclass, ids bigint[], referrer text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    found bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM (SELECT FROM %s WHERE id = ANY($1) ORDER BY id FOR KEY SHARE) x', tab)
        INTO found USING ids;
    IF found < cardinality(ids) THEN
        RAISE foreign_key_violation USING MESSAGE = format('%s: a row of %s it names does not exist', referrer, tab);
    END IF;
END $$;

CREATE FUNCTION event_actors_references() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lock_referenced('events', ARRAY(SELECT DISTINCT event_id FROM added ORDER BY 1), 'event_actors');
    PERFORM lock_referenced('actors', ARRAY(SELECT DISTINCT actor_id FROM added ORDER BY 1), 'event_actors');
    RETURN NULL;
END $$;

CREATE FUNCTION mentions_references() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lock_referenced('events', ARRAY(SELECT DISTINCT event_id FROM added ORDER BY 1), 'mentions');
    PERFORM lock_referenced('articles', ARRAY(SELECT DISTINCT article_id FROM added ORDER BY 1), 'mentions');
    RETURN NULL;
END $$;

CREATE TRIGGER event_actors_references_insert AFTER INSERT ON event_actors
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION event_actors_references();
CREATE TRIGGER event_actors_references_update AFTER UPDATE ON event_actors
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION event_actors_references();
CREATE TRIGGER mentions_references_insert AFTER INSERT ON mentions
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION mentions_references();
CREATE TRIGGER mentions_references_update AFTER UPDATE ON mentions
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION mentions_references();

CREATE FUNCTION delete_referring() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    CASE TG_TABLE_NAME
    WHEN 'events' THEN
        DELETE FROM event_actors WHERE event_id IN (SELECT id FROM gone);
        DELETE FROM mentions WHERE event_id IN (SELECT id FROM gone);
    WHEN 'articles' THEN
        DELETE FROM mentions WHERE article_id IN (SELECT id FROM gone);
    WHEN 'actors' THEN
        DELETE FROM event_actors WHERE actor_id IN (SELECT id FROM gone);
    END CASE;
    RETURN NULL;
END $$;

CREATE TRIGGER events_delete_referring AFTER DELETE ON events
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION delete_referring();
CREATE TRIGGER articles_delete_referring AFTER DELETE ON articles
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION delete_referring();
CREATE TRIGGER actors_delete_referring AFTER DELETE ON actors
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION delete_referring();

CREATE FUNCTION ids_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE foreign_key_violation USING MESSAGE = TG_TABLE_NAME || ': ids never change';
END $$;

CREATE TRIGGER events_ids_never_change BEFORE UPDATE OF id ON events
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ids_never_change();
CREATE TRIGGER articles_ids_never_change BEFORE UPDATE OF id ON articles
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ids_never_change();
CREATE TRIGGER actors_ids_never_change BEFORE UPDATE OF id ON actors
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ids_never_change();
