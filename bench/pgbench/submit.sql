-- pgbench baseline: the SQL a SubmitApplication transaction needs, as a server would send it
-- (one statement per round trip, bound parameters: run with -M prepared). Variables given by
-- bench/pgbench/run.sh: -D k=0 -D nclients=<clients> -D targets=<rows of bench.submit_target>.
-- Each client walks its own slice of bench.submit_target (workers without any application, each
-- with a course that fits them), so no two transactions pick the same worker.
\set k :k + 1
\set n ((:k - 1) * :nclients + :client_id) % :targets + 1
BEGIN;
-- the caller's profile, by token subject (the subquery only names the bench's pick of worker)
SELECT w.id AS wid, w.org_unit_id AS unit, w.birth_date AS birth, w.frontline AS frontline, w.employer_kind AS ekind,
       w.education_level AS edu, coalesce(w.skill_grade, '') AS skill, length(w.id_number_enc) AS enc_len
FROM worker w WHERE w.subject = (SELECT t.subject FROM bench.submit_target t WHERE t.n = :n) \gset
-- the campaign: status, window, age bounds, stages
SELECT c.id AS campaign, c.status AS cstatus, c.opens_at <= now() AND now() < c.closes_at AS in_window,
       c.min_age AS min_age, c.max_age AS max_age, c.review_stages AS stages
FROM campaign c WHERE c.id = (SELECT t.campaign_id FROM bench.submit_target t WHERE t.n = :n) \gset
-- the course: campaign, track, level, tuition, academy
SELECT co.id AS course, co.campaign_id AS course_campaign, co.track AS track, co.target_level AS target,
       co.tuition_fen AS tuition, co.academy_id AS academy
FROM course co WHERE co.id = (SELECT t.course_id FROM bench.submit_target t WHERE t.n = :n) \gset
-- the standard of the target level
SELECT s.max_subsidy_fen AS std FROM subsidy_standard s WHERE s.campaign_id = :campaign AND s.level = :target \gset
-- the worker's org unit path (scope of the case) and first review unit
SELECT o.path AS path FROM org_unit o WHERE o.id = :unit \gset
-- idempotency: the same clientRequestId again returns the earlier case
SELECT count(*) AS same_request FROM application a WHERE a.worker_id = :wid AND a.client_request_id = 'pgb-' || :client_id || '-' || :k \gset
-- one live application per campaign; never subsidised twice for the same level
SELECT count(*) AS blocking FROM application a
WHERE a.worker_id = :wid AND ((a.campaign_id = :campaign AND a.status NOT IN ('REJECTED', 'WITHDRAWN', 'CANCELLED'))
                              OR (a.status = 'COMPLETED' AND a.target_level = :target)) \gset
\if :blocking = 0
INSERT INTO application (worker_id, campaign_id, course_id, academy_id, client_request_id, track, from_level, target_level,
                         subsidy_fen, status, current_stage, stage_unit_id, org_unit_id, org_path)
VALUES (:wid, :campaign, :course, :academy, 'pgb-' || :client_id || '-' || :k, :track,
        nullif(CASE WHEN :track = 'SKILL' THEN :skill ELSE :edu END, ''), :target,
        least(:std::int, :tuition::int), 'SUBMITTED', 'GRASSROOTS', :unit, :unit, :path)
RETURNING id AS app_id \gset
INSERT INTO application_history (application_id, actor_subject, actor_role, action, from_status, to_status)
VALUES (:app_id, 'bench-w-' || :wid, 'worker', 'SUBMIT', NULL, 'SUBMITTED');
SELECT pg_notify('application_changed', '{"id":' || :app_id || ',"workerId":' || :wid || ',"campaignId":' || :campaign || ',"version":1}') AS notified \gset
\endif
COMMIT;
