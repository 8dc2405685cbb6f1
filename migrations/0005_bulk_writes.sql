-- Bulk writes. Saving a batch of articles inserts thousands of rows, and
-- the triggers that keep derived data (search documents, month counts, the
-- export version, event_actors' copy of the sort key) ran for each row or
-- statement: each new event's search document was computed three times,
-- and thousands of deferred trigger calls queued for the commit. Together
-- they were most of a bulk ingest's database time.
--
-- A transaction that sets dateline.bulk to 'on' (transaction-local) takes
-- those duties on itself, once for the whole batch, before it commits:
--   * event_actors.event_start and event_rank given with each row;
--   * the search documents of every event it inserted (event_document, as
--     it knows the actors and quotes) or added mentions to (event_search);
--   * event_months counts for the events it inserted;
--   * one export_version bump, taking its row lock before event_months.
-- store.SaveArticles is such a writer. The triggers below are skipped for
-- it (a WHEN clause, so they are not even queued); every other writer is
-- unaffected. Bulk writers only insert.

-- event_search's document from its four texts (actor names and quotes
-- each joined by spaces, in position and mention order), for writers that
-- have them at hand.
CREATE FUNCTION event_document(title text, actors text, summary text, quotes text) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', actors), 'B')
        || setweight(to_tsvector('english', summary), 'C')
        || setweight(to_tsvector('english', quotes), 'D')
$$;

CREATE OR REPLACE FUNCTION event_search(event_id bigint, title text, summary text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
    SELECT event_document(title,
        coalesce((SELECT string_agg(a.name, ' ' ORDER BY ea.position)
                  FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
                  WHERE ea.event_id = event_search.event_id), ''),
        summary,
        coalesce((SELECT string_agg(m.quote, ' ' ORDER BY m.id)
                  FROM mentions m
                  WHERE m.event_id = event_search.event_id), ''))
$$;

-- The bump itself, callable by bulk writers, and the trigger's body.
CREATE FUNCTION export_version_bump() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('dateline.export_version_bumped', true) IS DISTINCT FROM 'yes' THEN
        UPDATE export_version SET n = n + 1, changed_at = greatest(clock_timestamp(), changed_at);
        PERFORM set_config('dateline.export_version_bumped', 'yes', true);
    END IF;
END $$;

CREATE OR REPLACE FUNCTION bump_export_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM export_version_bump();
    RETURN NULL;
END $$;

DROP TRIGGER events_export_version ON events;
DROP TRIGGER event_actors_export_version ON event_actors;
DROP TRIGGER actors_export_version ON actors;
DROP TRIGGER mentions_export_version ON mentions;
DROP TRIGGER articles_export_version ON articles;
DROP TRIGGER events_search ON events;
DROP TRIGGER event_actors_search_insert ON event_actors;
DROP TRIGGER mentions_search_insert ON mentions;
DROP TRIGGER events_month_counts ON events;
DROP TRIGGER event_actors_sort_key ON event_actors;

CREATE CONSTRAINT TRIGGER events_export_version AFTER INSERT OR UPDATE OR DELETE ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (current_setting('dateline.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION bump_export_version();
CREATE CONSTRAINT TRIGGER event_actors_export_version AFTER INSERT OR UPDATE OR DELETE ON event_actors
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (current_setting('dateline.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION bump_export_version();
CREATE CONSTRAINT TRIGGER actors_export_version AFTER INSERT OR UPDATE OR DELETE ON actors
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (current_setting('dateline.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION bump_export_version();
CREATE CONSTRAINT TRIGGER mentions_export_version AFTER INSERT OR UPDATE OR DELETE ON mentions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (current_setting('dateline.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION bump_export_version();
CREATE CONSTRAINT TRIGGER articles_export_version AFTER INSERT OR UPDATE OR DELETE ON articles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (current_setting('dateline.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION bump_export_version();

CREATE TRIGGER events_search BEFORE INSERT OR UPDATE OF title, summary ON events
    FOR EACH ROW
    WHEN (current_setting('dateline.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION events_search_own();
CREATE TRIGGER event_actors_search_insert AFTER INSERT ON event_actors
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    WHEN (current_setting('dateline.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION events_search_refresh();
CREATE TRIGGER mentions_search_insert AFTER INSERT ON mentions
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    WHEN (current_setting('dateline.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION events_search_refresh();

CREATE CONSTRAINT TRIGGER events_month_counts AFTER INSERT OR UPDATE OR DELETE ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (current_setting('dateline.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION count_event_months();

CREATE TRIGGER event_actors_sort_key BEFORE INSERT OR UPDATE OF event_id ON event_actors
    FOR EACH ROW
    WHEN (current_setting('dateline.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION event_actors_sort_key();
