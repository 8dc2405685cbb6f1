-- Lighter bulk ingest (issue 15).
--
-- 1. A bulk writer that holds what its rows refer to.
--
-- The reference triggers of migration 0007 lock, at the end of each
-- statement, every event, actor and article the new event_actors and
-- mentions rows name. A batch of SaveArticles (store/batch.go) inserts
-- most of those rows itself, in the same transaction, where no other
-- writer can see them, let alone delete them; the rest it locks FOR KEY
-- SHARE itself, once: the actors when it resolves them, the stored events
-- it joins after it finds them. It says so with dateline.references set
-- to 'held' for its transaction, and the triggers stand aside. Every
-- other writer is checked as before.
DROP TRIGGER event_actors_references_insert ON event_actors;
CREATE TRIGGER event_actors_references_insert AFTER INSERT ON event_actors
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    WHEN (current_setting('dateline.references', true) IS DISTINCT FROM 'held')
    EXECUTE FUNCTION event_actors_references();

DROP TRIGGER mentions_references_insert ON mentions;
CREATE TRIGGER mentions_references_insert AFTER INSERT ON mentions
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    WHEN (current_setting('dateline.references', true) IS DISTINCT FROM 'held')
    EXECUTE FUNCTION mentions_references();

-- 2. event_terms (migration 0007) was meant to be inlined into the
-- statements that call it, but PostgreSQL inlines an IMMUTABLE function
-- only when all it calls is immutable, and array_to_string is STABLE: it
-- ran as a function call per event. STABLE is what it is.
ALTER FUNCTION event_terms(text, bigint[]) STABLE;

-- 3. Article bodies of a few KB and more are compressed as they are stored:
-- lz4 does that several times faster than the default, pglz, for a little
-- less compression. Rows stored before keep theirs; a server built
-- without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE articles ALTER COLUMN body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    NULL;
END $$;
