-- pgbench baseline: the SQL of a final ApproveApplication (CITY stage, takes a quota place) as the
-- server sends it (run with -M prepared; the server caches its prepared statements too): the
-- reviewer's union by its code, the case locked, its campaign, the pool that covers it, the case
-- written (Hibernate's UPDATE of every column) and its updated_at read back, the history entry, then
-- the place taken and its ledger entry last (ReviewService.finalApproval), the commit; after it, the
-- answer's course and academy (the campaign comes with the approval's own read). The database's
-- triggers (V3 updated_at, V4 hash chains, V5 NOTIFY) fire as they do for the server.
-- Variables given by bench/pgbench/run.sh: -D k=0 -D nclients=<clients> -D targets=<rows of
-- bench.approve_target>. Each client walks its own slice of bench.approve_target (cases waiting at
-- CITY in the open campaign, in random order over the 22 city pools). The pick is a statement of its
-- own (a primary-key read; the server has the case id and the reviewer's union from the request).
\set k :k + 1
\set n ((:k - 1) * :nclients + :client_id) % :targets + 1
SELECT t.application_id AS app_id, t.city_code AS city FROM bench.approve_target t WHERE t.n = :n \gset
BEGIN;
SELECT o.id AS unit, o.code, o.kind, o.name, o.parent_id, o.path FROM org_unit o WHERE o.code = :city OFFSET 0 ROWS FETCH FIRST 1 ROWS ONLY \gset
SELECT a.id, a.academy_id, a.approved_at, a.campaign_id AS campaign, a.client_request_id, a.course_id AS course, a.current_stage AS stage,
       a.from_level, a.org_path AS path, a.org_unit_id, a.quota_pool_id, a.stage_unit_id AS stage_unit, a.status AS status,
       a.submitted_at, a.subsidy_fen, a.target_level, a.track AS track, a.updated_at, a.version AS version, a.worker_id
FROM application a WHERE a.id = :app_id FOR NO KEY UPDATE \gset
SELECT c.id, c.closes_at, c.created_at, c.created_by, c.enrollment_share_percent, c.max_age, c.min_age, c.name, c.opens_at,
       c.review_stages, c.status AS cstatus, c.tracks, c.year
FROM campaign c WHERE c.id = :campaign \gset
\if :stage_unit = :unit
-- the pool of the nearest ancestor of the worker's unit that has one (the server picks the deepest)
SELECT p.id AS pool, p.allocated, p.approved, p.campaign_id, p.org_unit_id, p.track FROM quota_pool p
WHERE p.campaign_id = :campaign AND p.track = :track
  AND p.org_unit_id IN (SELECT CAST(x AS bigint) FROM unnest(string_to_array(trim(BOTH '/' FROM :path), '/')) AS x)
ORDER BY array_position(string_to_array(trim(BOTH '/' FROM :path), '/')::bigint[], p.org_unit_id) DESC LIMIT 1 \gset
UPDATE application SET academy_id = academy_id, approved_at = clock_timestamp(), campaign_id = campaign_id,
       client_request_id = client_request_id, course_id = course_id, current_stage = NULL, from_level = from_level,
       org_path = org_path, org_unit_id = org_unit_id, quota_pool_id = :pool, stage_unit_id = NULL, status = 'APPROVED',
       submitted_at = submitted_at, subsidy_fen = subsidy_fen, target_level = target_level, track = track,
       version = :version + 1, worker_id = worker_id
WHERE id = :app_id;
SELECT a.updated_at FROM application a WHERE a.id = :app_id;
INSERT INTO application_history (action, actor_role, actor_subject, application_id, at, comment, from_status, to_status)
VALUES ('APPROVE', 'reviewer', 'bench-r-' || :city, :app_id, clock_timestamp(), NULL, :status, 'APPROVED') RETURNING id;
UPDATE quota_pool SET approved = approved + 1 WHERE id = :pool AND approved < allocated
RETURNING id, campaign_id, org_unit_id, track, allocated AS allocated_after, approved AS approved_after \gset
INSERT INTO quota_ledger (pool_id, delta, allocated_after, approved_after, reason, application_id, actor_subject)
VALUES (:pool, -1, :allocated_after, :approved_after, 'APPROVE', :app_id, 'bench-r-' || :city);
\endif
COMMIT;
SELECT co.id, co.academy_id AS academy, co.campaign_id, co.capacity, co.external_code, co.name, co.starts_on, co.target_level,
       co.track, co.tuition_fen FROM course co WHERE co.id IN (:course) \gset
SELECT ac.id, ac.code, ac.kind, ac.name, ac.org_unit_id, ac.parent_id FROM academy ac WHERE ac.id IN (:academy);
