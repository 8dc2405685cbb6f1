-- The version of everything the exports show, for HTTP validators (ETag,
-- Last-Modified) on /calendar.ics and the other exports. One row: n counts
-- committed changes, changed_at says when the last one committed.
--
-- A counter, rather than count(*) and max(updated_at) of the exported rows,
-- because deleting an event, adding a mention or renaming an actor changes
-- an export without leaving a newer row behind.
CREATE TABLE export_version (
    one        boolean PRIMARY KEY DEFAULT true CHECK (one),
    n          bigint NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
INSERT INTO export_version DEFAULT VALUES;

-- bump_export_version runs at commit (the triggers below are deferred), so
-- writers queue for the counter's row lock only while they commit, never
-- while they work, and changed_at is close to the moment the change becomes
-- visible. A transaction bumps the counter once, however many rows it wrote.
-- changed_at never goes backwards, so Last-Modified only grows.
CREATE FUNCTION bump_export_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('dateline.export_version_bumped', true) IS DISTINCT FROM 'yes' THEN
        UPDATE export_version SET n = n + 1, changed_at = greatest(clock_timestamp(), changed_at);
        PERFORM set_config('dateline.export_version_bumped', 'yes', true);
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER events_export_version AFTER INSERT OR UPDATE OR DELETE ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_export_version();
CREATE CONSTRAINT TRIGGER event_actors_export_version AFTER INSERT OR UPDATE OR DELETE ON event_actors
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_export_version();
CREATE CONSTRAINT TRIGGER actors_export_version AFTER INSERT OR UPDATE OR DELETE ON actors
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_export_version();
CREATE CONSTRAINT TRIGGER mentions_export_version AFTER INSERT OR UPDATE OR DELETE ON mentions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_export_version();
CREATE CONSTRAINT TRIGGER articles_export_version AFTER INSERT OR UPDATE OR DELETE ON articles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_export_version();

