-- Tamper evidence for the two append-only tables (issue 7). Every application_history row and every
-- quota_ledger row carries hash = sha256(prev_hash || canonical text of its content), where prev_hash
-- is the hash of the previous row of the same chain: one chain per application for the history, one
-- chain per pool for the ledger. Their writers already hold the application's or the pool's row lock,
-- so chaining adds no contention and submissions never queue on a global chain.
--
-- The database computes the hashes (BEFORE INSERT triggers), whoever writes the row, and the verifier
-- (AuditRepository) recomputes them with the very same functions below, so the two cannot drift.
-- Changing a canonical form changes every expected hash: it needs a new version tag and a re-hash
-- of the old rows in the same migration, never a silent edit.

-- sha256 over the previous hash (none for a chain's first row) and the content's UTF-8 bytes.
CREATE FUNCTION audit_chain_hash(prev bytea, content text) RETURNS bytea
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT sha256(coalesce(prev, ''::bytea) || convert_to(content, 'UTF8')) $$;

-- A timestamp as UTC ISO-8601 with microseconds (PostgreSQL's precision): '2026-03-01T08:00:00.123456Z'.
CREATE FUNCTION audit_utc(t timestamptz) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

-- Canonical text of a history row: a version tag, then every column but id and the hash columns, in a
-- fixed order, '|'-separated. Each value is quoted as a literal (quote_nullable: quotes doubled, NULL as
-- the bare word NULL), so a comment holding '|' or quotes cannot shift the fields.
CREATE FUNCTION audit_history_content(h application_history) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT concat_ws('|', 'application_history/v1',
        quote_nullable(h.application_id), quote_nullable(audit_utc(h.at)), quote_nullable(h.actor_subject),
        quote_nullable(h.actor_role), quote_nullable(h.action), quote_nullable(h.from_status),
        quote_nullable(h.to_status), quote_nullable(h.comment)) $$;

CREATE FUNCTION audit_ledger_content(l quota_ledger) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT concat_ws('|', 'quota_ledger/v1',
        quote_nullable(l.pool_id), quote_nullable(audit_utc(l.at)), quote_nullable(l.delta),
        quote_nullable(l.allocated_after), quote_nullable(l.approved_after), quote_nullable(l.reason),
        quote_nullable(l.application_id), quote_nullable(l.actor_subject)) $$;

ALTER TABLE application_history ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;
ALTER TABLE quota_ledger ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;

-- Rows written before this migration: chained in id order, chain by chain. The append-only triggers
-- are lifted for this transaction only (Flyway runs the migration in one).
ALTER TABLE application_history DISABLE TRIGGER application_history_append_only;
ALTER TABLE quota_ledger DISABLE TRIGGER quota_ledger_append_only;
DO $$
DECLARE
    r record;
    prev bytea;
    chain bigint;
BEGIN
    chain := NULL;
    FOR r IN SELECT h.id, h.application_id, audit_history_content(h) AS content FROM application_history h
             ORDER BY h.application_id, h.id LOOP
        IF chain IS DISTINCT FROM r.application_id THEN
            prev := NULL;
            chain := r.application_id;
        END IF;
        UPDATE application_history SET prev_hash = prev, hash = audit_chain_hash(prev, r.content)
            WHERE id = r.id RETURNING hash INTO prev;
    END LOOP;
    chain := NULL;
    FOR r IN SELECT l.id, l.pool_id, audit_ledger_content(l) AS content FROM quota_ledger l
             ORDER BY l.pool_id, l.id LOOP
        IF chain IS DISTINCT FROM r.pool_id THEN
            prev := NULL;
            chain := r.pool_id;
        END IF;
        UPDATE quota_ledger SET prev_hash = prev, hash = audit_chain_hash(prev, r.content)
            WHERE id = r.id RETURNING hash INTO prev;
    END LOOP;
END;
$$;
ALTER TABLE application_history ENABLE TRIGGER application_history_append_only;
ALTER TABLE quota_ledger ENABLE TRIGGER quota_ledger_append_only;

ALTER TABLE application_history ALTER COLUMN hash SET NOT NULL;
ALTER TABLE quota_ledger ALTER COLUMN hash SET NOT NULL;

-- The triggers: whatever a writer sends for prev_hash and hash is replaced. The parent row is locked
-- first (FOR NO KEY UPDATE, which every current writer already holds: a no-op for them) so that even a
-- writer that forgot its lock cannot fork a chain; the next statement then sees the newest committed
-- row of the chain (READ COMMITTED takes a fresh snapshot per statement). NO KEY UPDATE, not UPDATE:
-- foreign-key checks from other rows (FOR KEY SHARE) are not blocked by it.
CREATE FUNCTION application_history_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM application WHERE id = NEW.application_id FOR NO KEY UPDATE;
    SELECT h.hash INTO NEW.prev_hash FROM application_history h
        WHERE h.application_id = NEW.application_id ORDER BY h.id DESC LIMIT 1;
    NEW.hash := audit_chain_hash(NEW.prev_hash, audit_history_content(NEW));
    RETURN NEW;
END;
$$;

CREATE FUNCTION quota_ledger_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM quota_pool WHERE id = NEW.pool_id FOR NO KEY UPDATE;
    SELECT l.hash INTO NEW.prev_hash FROM quota_ledger l
        WHERE l.pool_id = NEW.pool_id ORDER BY l.id DESC LIMIT 1;
    NEW.hash := audit_chain_hash(NEW.prev_hash, audit_ledger_content(NEW));
    RETURN NEW;
END;
$$;

CREATE TRIGGER application_history_chain BEFORE INSERT ON application_history
    FOR EACH ROW EXECUTE FUNCTION application_history_chain();
CREATE TRIGGER quota_ledger_chain BEFORE INSERT ON quota_ledger
    FOR EACH ROW EXECUTE FUNCTION quota_ledger_chain();
