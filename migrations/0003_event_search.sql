-- Full-text search finds an event by what people remember of it: its title,
-- its actors, its summary and the quotes that report it. Those live in four
-- tables, which a generated column cannot read, so events.search becomes a
-- plain column that triggers keep current. Its GIN index stays as it is.
--
-- Weights rank the fields (title A, actors B, summary C, quotes D) for a
-- later relevance order; the timeline itself stays chronological.
ALTER TABLE events ALTER COLUMN search DROP EXPRESSION;

-- event_search is the search document of one event, from its own title and
-- summary (passed in, as a BEFORE trigger has them before they are stored)
-- and its stored actors and quotes.
CREATE FUNCTION event_search(event_id bigint, title text, summary text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', coalesce((
               SELECT string_agg(a.name, ' ' ORDER BY ea.position)
               FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
               WHERE ea.event_id = event_search.event_id), '')), 'B')
        || setweight(to_tsvector('english', summary), 'C')
        || setweight(to_tsvector('english', coalesce((
               SELECT string_agg(m.quote, ' ' ORDER BY m.id)
               FROM mentions m
               WHERE m.event_id = event_search.event_id), '')), 'D')
$$;

-- An event's own text: computed before the row is written. The trigger
-- fires only when title or summary change, so the updates below, which
-- set search alone, do not compute it twice.
CREATE FUNCTION events_search_own() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := event_search(NEW.id, NEW.title, NEW.summary);
    RETURN NEW;
END $$;

CREATE TRIGGER events_search BEFORE INSERT OR UPDATE OF title, summary ON events
    FOR EACH ROW EXECUTE FUNCTION events_search_own();

-- Actors and quotes: once per statement, for the events the statement
-- touched (the transition table "changed"), so that saving an event with
-- five actors rewrites its row once, not five times. Rows of deleted
-- events are simply not found.
CREATE FUNCTION events_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events e SET search = event_search(e.id, e.title, e.summary)
    WHERE e.id IN (SELECT DISTINCT event_id FROM changed);
    RETURN NULL;
END $$;

CREATE TRIGGER event_actors_search_insert AFTER INSERT ON event_actors
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION events_search_refresh();
CREATE TRIGGER event_actors_search_delete AFTER DELETE ON event_actors
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION events_search_refresh();
CREATE TRIGGER event_actors_search_update AFTER UPDATE ON event_actors
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION events_search_refresh();
CREATE TRIGGER mentions_search_insert AFTER INSERT ON mentions
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION events_search_refresh();
CREATE TRIGGER mentions_search_delete AFTER DELETE ON mentions
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION events_search_refresh();
CREATE TRIGGER mentions_search_update AFTER UPDATE ON mentions
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION events_search_refresh();

-- A renamed actor changes the documents of all its events. Saving an event
-- "updates" each of its actors (an upsert that may fill in the kind), so
-- only rows whose name really changed count.
CREATE FUNCTION actors_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events e SET search = event_search(e.id, e.title, e.summary)
    WHERE e.id IN (
        SELECT ea.event_id
        FROM changed c JOIN before_change b ON b.id = c.id
        JOIN event_actors ea ON ea.actor_id = c.id
        WHERE c.name IS DISTINCT FROM b.name);
    RETURN NULL;
END $$;

CREATE TRIGGER actors_search_update AFTER UPDATE ON actors
    REFERENCING OLD TABLE AS before_change NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION actors_search_refresh();

UPDATE events SET search = event_search(id, title, summary);

-- The timeline's overview strip shows how many events start in each month.
-- Counting them reads every event (25 ms at 100,000, ten times that at a
-- million), so the counts per month and kind are kept here; filtered
-- overviews count their smaller selections directly.
CREATE TABLE event_months (
    month  timestamp NOT NULL, -- first instant of the month events start in
    kind   text NOT NULL,
    events bigint NOT NULL,
    PRIMARY KEY (month, kind)
);

-- count_event_months runs at commit, like bump_export_version, and takes
-- the export_version row lock first: writers update the counters one at a
-- time, so two transactions touching the same months in opposite orders
-- cannot deadlock, and nobody waits on a counter while working.
CREATE FUNCTION count_event_months() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND date_trunc('month', OLD.date_start) = date_trunc('month', NEW.date_start)
            AND OLD.kind = NEW.kind THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM export_version FOR UPDATE;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE event_months SET events = events - 1
        WHERE month = date_trunc('month', OLD.date_start) AND kind = OLD.kind;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO event_months (month, kind, events)
        VALUES (date_trunc('month', NEW.date_start), NEW.kind, 1)
        ON CONFLICT (month, kind) DO UPDATE SET events = event_months.events + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER events_month_counts AFTER INSERT OR UPDATE OR DELETE ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_event_months();

INSERT INTO event_months (month, kind, events)
SELECT date_trunc('month', date_start), kind, count(*) FROM events GROUP BY 1, 2;

-- Pages and overviews of one actor's events read them from event_actors in
-- timeline order: event_start and event_rank copy the event's sort key
-- (date_start, date_rank; then event_id for id), kept by the triggers
-- below, so that the index gives an actor's events already sorted,
-- however few of all events they are.
ALTER TABLE event_actors ADD COLUMN event_start timestamp, ADD COLUMN event_rank smallint;
UPDATE event_actors ea SET event_start = e.date_start, event_rank = e.date_rank
FROM events e WHERE e.id = ea.event_id;
ALTER TABLE event_actors ALTER COLUMN event_start SET NOT NULL, ALTER COLUMN event_rank SET NOT NULL;

CREATE INDEX event_actors_timeline ON event_actors (actor_id, event_start, event_rank, event_id);
DROP INDEX event_actors_actor; -- the new index starts with actor_id too

CREATE FUNCTION event_actors_sort_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT date_start, date_rank INTO NEW.event_start, NEW.event_rank FROM events WHERE id = NEW.event_id;
    RETURN NEW;
END $$;

CREATE TRIGGER event_actors_sort_key BEFORE INSERT OR UPDATE OF event_id ON event_actors
    FOR EACH ROW EXECUTE FUNCTION event_actors_sort_key();

CREATE FUNCTION events_move_actors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE event_actors SET event_start = NEW.date_start, event_rank = NEW.date_rank
    WHERE event_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER events_move_actors AFTER UPDATE OF date_start, date_rank ON events
    FOR EACH ROW WHEN (OLD.date_start IS DISTINCT FROM NEW.date_start OR OLD.date_rank IS DISTINCT FROM NEW.date_rank)
    EXECUTE FUNCTION events_move_actors();
