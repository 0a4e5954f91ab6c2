-- Live updates (myApplicationChanged, quotaChanged) come from PostgreSQL NOTIFY, delivered to the
-- LISTEN connection of every replica when the writing transaction commits (ChangeFeed). Until V5 the
-- services sent each NOTIFY as a statement of their own after every change. From V5 the database
-- announces the changes itself, with these triggers: one statement less per change, and no writer
-- (service, batch, or a hand-run fix in psql) can change a case or a pool without its subscribers
-- hearing of it. The payloads are the ones the services sent.

-- An application was created, or changed its version (every transition counts the version up).
CREATE FUNCTION application_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('application_changed', json_build_object(
        'id', NEW.id, 'workerId', NEW.worker_id, 'campaignId', NEW.campaign_id, 'version', NEW.version)::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER application_notify_insert AFTER INSERT ON application
    FOR EACH ROW EXECUTE FUNCTION application_notify();
CREATE TRIGGER application_notify_update AFTER UPDATE OF version ON application
    FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version) EXECUTE FUNCTION application_notify();

-- A pool's size or its approved count changed. A pool created empty is announced by its first allocation.
CREATE FUNCTION quota_pool_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('quota_changed', json_build_object(
        'poolId', NEW.id, 'campaignId', NEW.campaign_id, 'orgUnitId', NEW.org_unit_id, 'track', NEW.track,
        'allocated', NEW.allocated, 'approved', NEW.approved)::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER quota_pool_notify AFTER UPDATE OF allocated, approved ON quota_pool
    FOR EACH ROW EXECUTE FUNCTION quota_pool_notify();
