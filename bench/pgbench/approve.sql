-- pgbench baseline: the SQL of a final ApproveApplication (CITY stage, takes a quota place), as a
-- server would send it (one statement per round trip, bound parameters: run with -M prepared).
-- Variables given by bench/pgbench/run.sh: -D k=0 -D nclients=<clients> -D targets=<rows of
-- bench.approve_target>. Each client walks its own slice of bench.approve_target (cases waiting at
-- CITY in the open campaign, in random order over the 22 city pools).
\set k :k + 1
\set n ((:k - 1) * :nclients + :client_id) % :targets + 1
BEGIN;
-- lock the case (the subquery only names the bench's pick of case)
SELECT a.id AS app_id, a.version AS version, a.campaign_id AS campaign, a.track AS track, a.org_path AS path,
       a.worker_id AS wid, (a.status IN ('SUBMITTED', 'IN_REVIEW') AND a.current_stage = 'CITY')::int AS at_city
FROM application a WHERE a.id = (SELECT t.application_id FROM bench.approve_target t WHERE t.n = :n) FOR UPDATE \gset
-- the campaign's stages: is CITY the last one
SELECT c.review_stages AS stages, c.status AS cstatus FROM campaign c WHERE c.id = :campaign \gset
\if :at_city
-- the pool of the nearest ancestor of the worker's unit that has one
SELECT p.id AS pool FROM quota_pool p
WHERE p.campaign_id = :campaign AND p.track = :track
  AND p.org_unit_id = ANY (string_to_array(trim(BOTH '/' FROM :path), '/')::bigint[])
ORDER BY array_position(string_to_array(trim(BOTH '/' FROM :path), '/')::bigint[], p.org_unit_id) DESC LIMIT 1 \gset
-- take a place: conditional update, the CHECK constraint behind it
UPDATE quota_pool SET approved = approved + 1 WHERE id = :pool AND approved < allocated
RETURNING allocated AS allocated, approved AS approved \gset
INSERT INTO quota_ledger (pool_id, delta, allocated_after, approved_after, reason, application_id, actor_subject)
VALUES (:pool, -1, :allocated, :approved, 'APPROVE', :app_id, 'bench-r-city');
UPDATE application SET status = 'APPROVED', current_stage = NULL, stage_unit_id = NULL, quota_pool_id = :pool,
       version = version + 1, updated_at = clock_timestamp(), approved_at = clock_timestamp()
WHERE id = :app_id AND version = :version;
INSERT INTO application_history (application_id, actor_subject, actor_role, action, from_status, to_status)
VALUES (:app_id, 'bench-r-city', 'reviewer', 'APPROVE', 'IN_REVIEW', 'APPROVED');
SELECT pg_notify('application_changed', '{"id":' || :app_id || ',"workerId":' || :wid || ',"campaignId":' || :campaign || ',"version":' || (:version + 1) || '}') AS n1,
       pg_notify('quota_changed', '{"poolId":' || :pool || ',"campaignId":' || :campaign || ',"allocated":' || :allocated || ',"approved":' || :approved || '}') AS n2 \gset
\endif
COMMIT;
