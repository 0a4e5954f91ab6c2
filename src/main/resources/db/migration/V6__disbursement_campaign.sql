-- PendingDisbursements lists a campaign's unpaid instalments, oldest first. Until V6 the campaign
-- lived only on the application, so the one partial index (disbursement_pending_idx on
-- (created_at, id) WHERE status = 'PENDING') made PostgreSQL walk the pending instalments of every
-- campaign in creation order, older campaigns first, look up each one's application and drop the
-- other campaigns' rows: at 1,000,000 applications 105-410 ms for the first page and 520-840 ms for
-- totalCount (bench/plans/README.md, Q10). From V6 every instalment carries its application's
-- campaign, and the partial index starts with it: a page reads its rows and no others.

-- Added without a default (no table rewrite), filled from the application in this same migration:
-- on an existing database every row gets its campaign before NOT NULL holds; on an empty one the
-- UPDATE does nothing. application_id is NOT NULL and references application, so no row stays NULL.
ALTER TABLE disbursement ADD COLUMN campaign_id bigint;
UPDATE disbursement d SET campaign_id = a.campaign_id FROM application a WHERE a.id = d.application_id;
ALTER TABLE disbursement ALTER COLUMN campaign_id SET NOT NULL;
-- the foreign key after the backfill: validated by one query, not by a check per updated row
ALTER TABLE disbursement ADD CONSTRAINT disbursement_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaign (id);

-- The keyset of the list (created_at, id) behind the campaign. The status stays a literal in the
-- queries ('PENDING'), so the partial index is usable in generic plans too.
CREATE INDEX disbursement_pending_campaign_idx ON disbursement (campaign_id, created_at, id) WHERE status = 'PENDING';
-- Nothing lists pending instalments across campaigns (the list is per campaign; an application's
-- instalments are read through UNIQUE (application_id, stage)), so the old index only costs writes.
DROP INDEX disbursement_pending_idx;

-- The copy of the campaign must never differ from the application's (an instalment would appear in
-- another campaign's list). The service writes it itself; the database holds it for every writer:
-- an INSERT that leaves it out gets the application's campaign (a replica still running the code
-- before V6 during a rolling update, a hand-run fix in psql), and one that names another campaign is
-- refused. An application never changes its campaign. Created after the backfill, which it would
-- only slow down. Does not fire under session_replication_role = replica (the bench generator sets
-- the column itself).
CREATE FUNCTION disbursement_campaign() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    app_campaign bigint;
BEGIN
    SELECT a.campaign_id INTO app_campaign FROM application a WHERE a.id = NEW.application_id;
    IF app_campaign IS NULL THEN
        RETURN NEW;  -- no such application: the foreign key on application_id refuses the row
    END IF;
    IF NEW.campaign_id IS NULL THEN
        NEW.campaign_id := app_campaign;
    ELSIF NEW.campaign_id <> app_campaign THEN
        RAISE EXCEPTION 'disbursement of application %: campaign % is not the application''s campaign %',
            NEW.application_id, NEW.campaign_id, app_campaign USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER disbursement_campaign BEFORE INSERT OR UPDATE OF application_id, campaign_id ON disbursement
    FOR EACH ROW EXECUTE FUNCTION disbursement_campaign();
