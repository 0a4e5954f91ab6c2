-- pgbench baseline: the SQL of a SubmitApplication transaction as the server sends it (run with
-- -M prepared; the server caches its prepared statements too): the facts read
-- (SubmissionFactsRepository, the columns Hibernate selects for its entities), the application and
-- its history entry in one statement (ApplicationRepository.insertSubmitted), the commit; the
-- database's own triggers (V3 updated_at, V4 hash chain, V5 NOTIFY) fire as they do for the server.
-- Variables given by bench/pgbench/run.sh: -D k=0 -D nclients=<clients> -D targets=<rows of bench.submit_target>.
-- Each client walks its own slice of bench.submit_target (workers without any application, each
-- with a course that fits them), so no two transactions pick the same worker. The pick is a
-- statement of its own before the transaction (a primary-key read; the server has the subject,
-- campaign and course from the token and the request), so the facts read is the server's, join for join.
\set k :k + 1
\set n ((:k - 1) * :nclients + :client_id) % :targets + 1
SELECT t.subject AS subject, t.campaign_id AS pick_campaign, t.course_id AS pick_course FROM bench.submit_target t WHERE t.n = :n \gset
BEGIN;
SELECT w.id AS wid, w.birth_date, w.created_at, w.education_level AS edu, w.employer, w.employer_kind, w.frontline,
       w.id_number_enc, w.id_number_hash, w.id_number_masked, w.name, w.org_unit_id AS unit, w.phone_enc, w.phone_masked,
       coalesce(w.skill_grade, '') AS skill, w.subject, w.union_member_no, w.updated_at,
       c.id AS campaign, c.closes_at, c.created_at, c.created_by, c.enrollment_share_percent, c.max_age, c.min_age, c.name,
       c.opens_at, c.review_stages, c.status, c.tracks, c.year,
       co.id AS course, co.academy_id AS academy, co.campaign_id, co.capacity, co.external_code, co.name, co.starts_on,
       co.target_level AS target, co.track AS track, co.tuition_fen AS tuition,
       ac.id, ac.code, ac.kind, ac.name, ac.org_unit_id, ac.parent_id,
       o.id, o.code, o.kind, o.name, o.parent_id, o.path AS path,
       (SELECT s.max_subsidy_fen FROM subsidy_standard s WHERE s.campaign_id = c.id AND s.level = co.target_level) AS std,
       (SELECT max(a.id) FROM application a WHERE a.worker_id = w.id AND a.client_request_id = 'pgb-' || :client_id || '-' || :k) AS same_request,
       (SELECT count(a.id) FROM application a WHERE a.worker_id = w.id AND a.campaign_id = c.id
            AND a.status NOT IN ('REJECTED', 'WITHDRAWN', 'CANCELLED')) AS live,
       (SELECT count(a.id) FROM application a WHERE a.worker_id = w.id AND a.target_level = co.target_level
            AND a.status = 'COMPLETED') AS completed
FROM worker w, campaign c, course co, academy ac, org_unit o
WHERE w.subject = :subject AND c.id = :pick_campaign AND co.id = :pick_course AND ac.id = co.academy_id
  AND o.id = w.org_unit_id \gset
\if :live = 0
WITH a AS (INSERT INTO application (worker_id, campaign_id, course_id, academy_id, client_request_id, track, from_level, target_level,
                                    subsidy_fen, status, current_stage, stage_unit_id, org_unit_id, org_path)
           VALUES (:wid, :campaign, :course, :academy, 'pgb-' || :client_id || '-' || :k, :track,
                   nullif(CASE WHEN :track = 'SKILL' THEN :skill ELSE :edu END, ''), :target,
                   least(:std::int, :tuition::int), 'SUBMITTED', 'GRASSROOTS', :unit, :unit, :path)
           RETURNING id, submitted_at, updated_at),
     h AS (INSERT INTO application_history (application_id, actor_subject, actor_role, action, from_status, to_status)
           SELECT a.id, 'bench-w-' || :wid, 'worker', 'SUBMIT', NULL, 'SUBMITTED' FROM a)
SELECT id, submitted_at, updated_at FROM a;
\endif
COMMIT;
