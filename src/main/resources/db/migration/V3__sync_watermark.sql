-- An application's updated_at is the start time of the transaction that last wrote it, taken from
-- the database's clock (never from an application server's), whoever writes the row.
--
-- Why: academies page through their applications by (updated_at, id) from a watermark. A row is
-- safe to hand out only when no transaction still in flight can commit a row that sorts before it.
-- With updated_at = transaction_timestamp(), every such transaction shows in pg_stat_activity with
-- xact_start = the updated_at it will write, so "older than the oldest in-flight transaction start"
-- is a horizon that no later commit can fall behind (see ApplicationRepository.syncHorizon).
CREATE FUNCTION application_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := transaction_timestamp();
    RETURN NEW;
END;
$$;

CREATE TRIGGER application_touch BEFORE INSERT OR UPDATE ON application
    FOR EACH ROW EXECUTE FUNCTION application_touch();
