-- The SQL of the list paths, written from the schema (the features are being built: compare with
-- what the server really sends, bench/db.sh psql DB -c "SELECT query, calls, mean_exec_time FROM
-- pg_stat_statements ORDER BY total_exec_time DESC"). Parameters are picked from the generated data
-- by code, so the same units, worker and academy are used at every size:
--   reviewer units: the demo identities' 330106001001 (GRASSROOTS), 330106001 (TOWNSHIP),
--   330106 (COUNTY), 330100 (CITY); worker bench-w-3000; academy ZJGJ; campaign 3 (OPEN).
-- Run by bench/plans/plans.sh: the whole file twice, the second (warm cache) run kept.
\set ON_ERROR_STOP on
\pset pager off
SET jit = off;
SELECT id AS grassroots FROM org_unit WHERE code = '330106001001' \gset
SELECT id AS township FROM org_unit WHERE code = '330106001' \gset
SELECT id AS county FROM org_unit WHERE code = '330106' \gset
SELECT id AS city FROM org_unit WHERE code = '330100' \gset
SELECT id AS academy FROM academy WHERE code = 'ZJGJ' \gset
SELECT value::bigint AS campaign FROM bench.meta WHERE key = 'open_campaign_id' \gset
-- an academy watermark in the middle of its approved cases
SELECT updated_at AS wm_at, id AS wm_id FROM application WHERE academy_id = :academy AND approved_at IS NOT NULL
ORDER BY updated_at, id OFFSET (SELECT count(*) / 2 FROM application WHERE academy_id = :academy AND approved_at IS NOT NULL) LIMIT 1 \gset
-- a review queue cursor after the first page (21st entry of the city queue)
SELECT submitted_at AS cur_at, id AS cur_id FROM application WHERE campaign_id = :campaign AND current_stage = 'CITY'
  AND stage_unit_id = :city AND status IN ('SUBMITTED', 'IN_REVIEW') ORDER BY submitted_at, id OFFSET 20 LIMIT 1 \gset

\qecho '# EXPLAIN (ANALYZE, BUFFERS) of the list paths on' :DBNAME
\qecho
\set ECHO queries
SELECT 'applications' AS what, count(*) FROM application
UNION ALL SELECT 'queue GRASSROOTS 330106001001', count(*) FROM application WHERE campaign_id = :campaign AND current_stage = 'GRASSROOTS' AND stage_unit_id = :grassroots AND status IN ('SUBMITTED', 'IN_REVIEW')
UNION ALL SELECT 'queue TOWNSHIP 330106001', count(*) FROM application WHERE campaign_id = :campaign AND current_stage = 'TOWNSHIP' AND stage_unit_id = :township AND status IN ('SUBMITTED', 'IN_REVIEW')
UNION ALL SELECT 'queue COUNTY 330106', count(*) FROM application WHERE campaign_id = :campaign AND current_stage = 'COUNTY' AND stage_unit_id = :county AND status IN ('SUBMITTED', 'IN_REVIEW')
UNION ALL SELECT 'queue CITY 330100', count(*) FROM application WHERE campaign_id = :campaign AND current_stage = 'CITY' AND stage_unit_id = :city AND status IN ('SUBMITTED', 'IN_REVIEW')
UNION ALL SELECT 'applications of bench-w-3000', count(*) FROM application WHERE worker_id = 3000
UNION ALL SELECT 'approved cases of academy ZJGJ', count(*) FROM application WHERE academy_id = :academy AND approved_at IS NOT NULL
UNION ALL SELECT 'pending disbursements, open campaign', count(*) FROM disbursement d WHERE d.status = 'PENDING' AND d.campaign_id = :campaign;

\qecho
\qecho '## Q1 ReviewQueue first page, CITY stage, 杭州 330100 (largest queue of the demo units)'
EXPLAIN (ANALYZE, BUFFERS) SELECT a.* FROM application a
WHERE a.campaign_id = :campaign AND a.current_stage = 'CITY' AND a.stage_unit_id = :city AND a.status IN ('SUBMITTED', 'IN_REVIEW')
ORDER BY a.submitted_at, a.id LIMIT 21;

\qecho
\qecho '## Q2 ReviewQueue totalCount, CITY stage, 330100'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM application a
WHERE a.campaign_id = :campaign AND a.current_stage = 'CITY' AND a.stage_unit_id = :city AND a.status IN ('SUBMITTED', 'IN_REVIEW');

\qecho
\qecho '## Q3 ReviewQueue next page (after cursor), CITY stage, 330100'
EXPLAIN (ANALYZE, BUFFERS) SELECT a.* FROM application a
WHERE a.campaign_id = :campaign AND a.current_stage = 'CITY' AND a.stage_unit_id = :city AND a.status IN ('SUBMITTED', 'IN_REVIEW')
  AND (a.submitted_at, a.id) > (:'cur_at', :cur_id)
ORDER BY a.submitted_at, a.id LIMIT 21;

\qecho
\qecho '## Q4a ReviewQueue first page, COUNTY stage, 西湖区 330106'
EXPLAIN (ANALYZE, BUFFERS) SELECT a.* FROM application a
WHERE a.campaign_id = :campaign AND a.current_stage = 'COUNTY' AND a.stage_unit_id = :county AND a.status IN ('SUBMITTED', 'IN_REVIEW')
ORDER BY a.submitted_at, a.id LIMIT 21;
\qecho
\qecho '## Q4b ReviewQueue totalCount, COUNTY stage, 330106'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM application a
WHERE a.campaign_id = :campaign AND a.current_stage = 'COUNTY' AND a.stage_unit_id = :county AND a.status IN ('SUBMITTED', 'IN_REVIEW');
\qecho
\qecho '## Q4c ReviewQueue first page, TOWNSHIP stage, 北山街道 330106001'
EXPLAIN (ANALYZE, BUFFERS) SELECT a.* FROM application a
WHERE a.campaign_id = :campaign AND a.current_stage = 'TOWNSHIP' AND a.stage_unit_id = :township AND a.status IN ('SUBMITTED', 'IN_REVIEW')
ORDER BY a.submitted_at, a.id LIMIT 21;
\qecho
\qecho '## Q4d ReviewQueue first page, GRASSROOTS stage, 330106001001'
EXPLAIN (ANALYZE, BUFFERS) SELECT a.* FROM application a
WHERE a.campaign_id = :campaign AND a.current_stage = 'GRASSROOTS' AND a.stage_unit_id = :grassroots AND a.status IN ('SUBMITTED', 'IN_REVIEW')
ORDER BY a.submitted_at, a.id LIMIT 21;

\qecho
\qecho '## Q5 ReviewQueue page as a generic plan with the statuses bound as parameters (what a cached prepared statement may get)'
PREPARE rq(bigint, text, bigint, text, text) AS SELECT a.* FROM application a
WHERE a.campaign_id = $1 AND a.current_stage = $2 AND a.stage_unit_id = $3 AND a.status IN ($4, $5)
ORDER BY a.submitted_at, a.id LIMIT 21;
SET plan_cache_mode = force_generic_plan;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE rq(:campaign, 'CITY', :city, 'SUBMITTED', 'IN_REVIEW');
RESET plan_cache_mode;
DEALLOCATE rq;
\qecho
\qecho '## Q5x the same, statuses as literals in the SQL text, generic plan'
PREPARE rq2(bigint, text, bigint) AS SELECT a.* FROM application a
WHERE a.campaign_id = $1 AND a.current_stage = $2 AND a.stage_unit_id = $3 AND a.status IN ('SUBMITTED', 'IN_REVIEW')
ORDER BY a.submitted_at, a.id LIMIT 21;
SET plan_cache_mode = force_generic_plan;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE rq2(:campaign, 'CITY', :city);
RESET plan_cache_mode;
DEALLOCATE rq2;

\qecho
\qecho '## Q6 ReviewQueue nested fields, batched: workers and their org units of a page (21 ids)'
EXPLAIN (ANALYZE, BUFFERS) SELECT w.*, o.code, o.name FROM worker w JOIN org_unit o ON o.id = w.org_unit_id
WHERE w.id = ANY (ARRAY(SELECT a.worker_id FROM application a WHERE a.campaign_id = :campaign AND a.current_stage = 'CITY'
                         AND a.stage_unit_id = :city AND a.status IN ('SUBMITTED', 'IN_REVIEW') ORDER BY a.submitted_at, a.id LIMIT 21));

\qecho
\qecho '## Q7a MyApplications: the worker by subject'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM worker WHERE subject = 'bench-w-3000';
\qecho
\qecho '## Q7b MyApplications: applications of the worker, newest first'
EXPLAIN (ANALYZE, BUFFERS) SELECT a.* FROM application a WHERE a.worker_id = 3000 ORDER BY a.submitted_at DESC, a.id DESC;

\qecho
\qecho '## Q8a Courses of the open campaign by track and level, first page'
EXPLAIN (ANALYZE, BUFFERS) SELECT c.* FROM course c WHERE c.campaign_id = :campaign AND c.track = 'SKILL' AND c.target_level = 'SKILL_4'
ORDER BY c.id LIMIT 21;
\qecho
\qecho '## Q8b Courses of the open campaign by track and level, totalCount'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM course c WHERE c.campaign_id = :campaign AND c.track = 'SKILL' AND c.target_level = 'SKILL_4';
\qecho
\qecho '## Q8c Courses of the open campaign, no filter, first page'
EXPLAIN (ANALYZE, BUFFERS) SELECT c.* FROM course c WHERE c.campaign_id = :campaign ORDER BY c.id LIMIT 21;

\qecho
\qecho '## Q9a AcademyApplications (pull), academy ZJGJ, first page of 500 (+1) from the start'
EXPLAIN (ANALYZE, BUFFERS) SELECT a.* FROM application a WHERE a.academy_id = :academy AND a.approved_at IS NOT NULL
ORDER BY a.updated_at, a.id LIMIT 501;
\qecho
\qecho '## Q9b AcademyApplications (pull), academy ZJGJ, page of 500 (+1) from a watermark in the middle'
EXPLAIN (ANALYZE, BUFFERS) SELECT a.* FROM application a WHERE a.academy_id = :academy AND a.approved_at IS NOT NULL
  AND (a.updated_at, a.id) > (:'wm_at', :wm_id)
ORDER BY a.updated_at, a.id LIMIT 501;

\qecho
\qecho '## Q10a PendingDisbursements of the open campaign, first page'
EXPLAIN (ANALYZE, BUFFERS) SELECT d.* FROM disbursement d JOIN application a ON a.id = d.application_id
WHERE d.status = 'PENDING' AND d.campaign_id = :campaign AND a.org_path LIKE '/%' ORDER BY d.created_at, d.id LIMIT 21;
\qecho
\qecho '## Q10b PendingDisbursements of the open campaign, totalCount'
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM disbursement d JOIN application a ON a.id = d.application_id
WHERE d.status = 'PENDING' AND d.campaign_id = :campaign AND a.org_path LIKE '/%';
\qecho
\qecho '## Q10c PendingDisbursements of the 2025 campaign, first page'
EXPLAIN (ANALYZE, BUFFERS) SELECT d.* FROM disbursement d JOIN application a ON a.id = d.application_id
WHERE d.status = 'PENDING' AND d.campaign_id = 2 AND a.org_path LIKE '/%' ORDER BY d.created_at, d.id LIMIT 21;

\qecho
\qecho '## Q11 submit path: live application or earlier completion at the target level (one query)'
EXPLAIN (ANALYZE, BUFFERS) SELECT a.id, a.status FROM application a
WHERE a.worker_id = 3000 AND ((a.campaign_id = :campaign AND a.status NOT IN ('REJECTED', 'WITHDRAWN', 'CANCELLED'))
                              OR (a.status = 'COMPLETED' AND a.target_level = 'SKILL_3'));
\qecho
\qecho '## Q12 approve path: the pool of the nearest ancestor that has one'
EXPLAIN (ANALYZE, BUFFERS) SELECT p.* FROM quota_pool p
WHERE p.campaign_id = :campaign AND p.track = 'SKILL' AND p.org_unit_id = ANY ('{1,2,105,1050,10500}'::bigint[])
ORDER BY array_position('{1,2,105,1050,10500}'::bigint[], p.org_unit_id) DESC LIMIT 1;

\qecho
\qecho '## Q13a CampaignStats byStatus (not a list path: reads the whole campaign)'
EXPLAIN (ANALYZE, BUFFERS) SELECT a.status, count(*) FROM application a WHERE a.campaign_id = :campaign GROUP BY a.status;
\qecho
\qecho '## Q13b CampaignStats byPool, open cases per city and track (reads every open case)'
EXPLAIN (ANALYZE, BUFFERS) SELECT split_part(a.org_path, '/', 3) AS city, a.track, count(*) FILTER (WHERE a.status = 'SUBMITTED'),
       count(*) FILTER (WHERE a.status = 'IN_REVIEW')
FROM application a WHERE a.campaign_id = :campaign AND a.status IN ('SUBMITTED', 'IN_REVIEW') GROUP BY 1, 2;
