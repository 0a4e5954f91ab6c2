-- Province-scale bench data, set-based, on a freshly migrated schema. Run through bench/generate.sh,
-- which loads the workers' personal data (bench/PiiGen.java) into bench_gen.pii first and passes:
--   -v apps=N          applications in total (10000, 1000000, ...)
--   -v workers=W       workers (default 500000); bench_gen.pii must hold W rows
--   -v fresh=F         workers kept without any application, for the submit benchmarks (default 50000)
--   -v seed=S          salt of the pseudo-random choices (default 1)
--
-- What it builds (ids are set explicitly where that keeps the joins arithmetic):
--   org tree: province 330000; 11 cities 330100..331100; 4 provincial industry unions; 10 counties per
--     city (330101..); 10 townships per county (330106001..); 10 workplace unions per township
--     (330106001001..): 12,226 units, 11,000 of them workplace unions. Ids: province 1, city i
--     1+i, county 100.., township 1000.., workplace union 10000 + (city-1)*1000 + k*100 + t*10 + g.
--   academies: headquarters ZJGJ, a branch per city (ZJGJ-HZ ...), two training bases per city,
--     five colleges.
--   campaigns: 1 = 2024 ARCHIVED, 2 = 2025 CLOSED, 3 = this year's OPEN one (window open now),
--     all on both tracks with stages GRASSROOTS,TOWNSHIP,COUNTY,CITY and a standard per level;
--     courses at every level from the headquarters and branches, SKILL ones from the training bases,
--     EDUCATION ones from the colleges; a quota pool per campaign, city or industry union and track.
--   workers: subject bench-w-<id>, spread over the 11,000 workplace unions with the cities weighted;
--     the last F ids have no application at all and are eligible (bench.submit_target).
--   applications: 40% live in the open campaign (one per worker) spread over the review stages,
--     RETURNED, APPROVED, ENROLLED; 5% REJECTED/WITHDRAWN in the open campaign; 30% in 2025 and 25%
--     in 2024, mostly COMPLETED/ENROLLED with REJECTED, WITHDRAWN, CANCELLED. One history entry per
--     step a case went through; enrollments, disbursements and quota ledger entries that match.
--
-- Constraint checks stay on except foreign keys: the bulk inserts run with
-- session_replication_role = replica (no RI triggers) and every foreign key of the schema is then
-- checked set-based at the end (any orphan aborts the run). Secondary indexes of the big tables are
-- dropped before the load and recreated from their own definitions after it.
\set ON_ERROR_STOP on
\if :{?apps}
\else
  \echo 'usage: psql -v apps=N [-v workers=W] [-v fresh=F] [-v seed=S] -f bench/generate.sql (see bench/generate.sh)'
  \quit
\endif
\if :{?workers}
\else
  \set workers 500000
\endif
\if :{?fresh}
\else
  \set fresh 50000
\endif
\if :{?seed}
\else
  \set seed 1
\endif

\timing on
SET client_min_messages = warning;
SET synchronous_commit = off;
SET work_mem = '256MB';
SET maintenance_work_mem = '1GB';
SET max_parallel_maintenance_workers = 1;
SET session_replication_role = replica;

\echo '== checks'
CREATE FUNCTION pg_temp.fail(msg text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%', msg; END $$;
SELECT pg_temp.fail('the database is not empty: generate into a freshly migrated one (bench/db.sh reset DB)')
WHERE EXISTS (SELECT 1 FROM org_unit) OR EXISTS (SELECT 1 FROM worker) OR EXISTS (SELECT 1 FROM application);
SELECT pg_temp.fail(format('bench_gen.pii holds %s rows, %s workers asked', count(*), :workers))
FROM bench_gen.pii HAVING count(*) < :workers;
SELECT pg_temp.fail(format('fresh (%s) must be below workers (%s)', :fresh, :workers)) WHERE :fresh >= :workers;
-- one live application per worker and campaign: each campaign's rows go to distinct workers
SELECT pg_temp.fail(format('%s applications need %s workers besides the %s fresh ones: raise workers',
                           :apps, round(0.40 * :apps), :fresh))
WHERE round(0.40 * :apps) > :workers - :fresh;

-- Deterministic pseudo-random number in [0, 1) for (n, salt).
CREATE FUNCTION pg_temp.r(n bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (hashint8extended(n, salt) & 9007199254740991)::float8 / 9007199254740992.0 $$;
-- A random element of a text array.
CREATE FUNCTION pg_temp.pick(a text[], n bigint, salt bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT a[1 + floor(pg_temp.r(n, salt) * array_length(a, 1))::int] $$;

-- ───────────── org tree ─────────────
\echo '== org tree'
CREATE TEMP TABLE gen_city (idx int PRIMARY KEY, code text, short text, abbr text, weight int, cum int);
INSERT INTO gen_city (idx, code, short, abbr, weight) VALUES
    (1, '330100', '杭州', 'HZ', 20), (2, '330200', '宁波', 'NB', 16), (3, '330300', '温州', 'WZ', 13),
    (4, '330400', '嘉兴', 'JX', 9), (5, '330500', '湖州', 'HU', 5), (6, '330600', '绍兴', 'SX', 9),
    (7, '330700', '金华', 'JH', 11), (8, '330800', '衢州', 'QZ', 3), (9, '330900', '舟山', 'ZS', 2),
    (10, '331000', '台州', 'TZ', 9), (11, '331100', '丽水', 'LS', 3);
UPDATE gen_city c SET cum = s.cum FROM (SELECT idx, sum(weight) OVER (ORDER BY idx) AS cum FROM gen_city) s WHERE s.idx = c.idx;
-- percentile 0..99 -> city, for an equi-join
CREATE TEMP TABLE gen_city_pct AS
SELECT p AS pct, (SELECT min(idx) FROM gen_city WHERE cum > p) AS city FROM generate_series(0, 99) p;

INSERT INTO org_unit (id, code, name, kind, parent_id, path) OVERRIDING SYSTEM VALUE
VALUES (1, '330000', '浙江省总工会', 'PROVINCE', NULL, '/1/');

INSERT INTO org_unit (id, code, name, kind, parent_id, path) OVERRIDING SYSTEM VALUE
SELECT 1 + idx, code, short || '市总工会', 'CITY', 1, '/1/' || (1 + idx) || '/' FROM gen_city;

INSERT INTO org_unit (id, code, name, kind, parent_id, path) OVERRIDING SYSTEM VALUE
SELECT 12 + i, '3399' || lpad(i::text, 2, '0'),
       (ARRAY['浙江省机械冶金建材工会', '浙江省能源化学地质工会', '浙江省交通运输工会', '浙江省金融工会'])[i],
       'INDUSTRY_UNION', 1, '/1/' || (12 + i) || '/'
FROM generate_series(1, 4) i;

-- counties: id 100 + (city-1)*10 + k, code city + k + 1 (330101 .. 330110)
INSERT INTO org_unit (id, code, name, kind, parent_id, path) OVERRIDING SYSTEM VALUE
SELECT 100 + (c.idx - 1) * 10 + k,
       (c.code::int + k + 1)::text,
       CASE WHEN c.idx = 1 THEN (ARRAY['上城区', '下城区', '江干区', '拱墅区', '滨江区', '西湖区', '萧山区', '余杭区', '富阳区', '临安区'])[k + 1]
            ELSE c.short || '第' || (ARRAY['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'])[k + 1] || '区县' END || '总工会',
       'COUNTY', 1 + c.idx, '/1/' || (1 + c.idx) || '/' || (100 + (c.idx - 1) * 10 + k) || '/'
FROM gen_city c, generate_series(0, 9) k;

-- townships: id 1000 + ((city-1)*10 + k)*10 + t, code county * 1000 + t + 1 (330106001 ..)
INSERT INTO org_unit (id, code, name, kind, parent_id, path) OVERRIDING SYSTEM VALUE
SELECT 1000 + (co.id - 100) * 10 + t,
       co.code || lpad((t + 1)::text, 3, '0'),
       CASE WHEN co.code = '330106' AND t = 0 THEN '北山街道'
            ELSE replace(co.name, '总工会', '') || (ARRAY['城东', '城西', '城南', '城北', '新华', '湖滨', '文昌', '长安', '兴业', '绿城'])[t + 1] || '街道' END || '工会',
       'TOWNSHIP', co.id, co.path || (1000 + (co.id - 100) * 10 + t) || '/'
FROM org_unit co, generate_series(0, 9) t
WHERE co.kind = 'COUNTY';

-- workplace unions: id 10000 + (township-1000)*10 + g, code township * 1000 + g + 1 (330106001001 ..)
INSERT INTO org_unit (id, code, name, kind, parent_id, path) OVERRIDING SYSTEM VALUE
SELECT 10000 + (tw.id - 1000) * 10 + g,
       tw.code || lpad((g + 1)::text, 3, '0'),
       (SELECT short FROM gen_city WHERE idx = (tw.id - 1000) / 100 + 1)
           || pg_temp.pick(ARRAY['恒达', '永兴', '华鑫', '金龙', '天成', '宏远', '新锐', '众创', '富通', '博瑞', '瑞丰', '远航', '德力', '正泰', '海星', '万嘉'], 10000 + (tw.id - 1000) * 10 + g, :seed)
           || pg_temp.pick(ARRAY['精密机械', '纺织印染', '电子科技', '物流', '汽车零部件', '化工', '食品', '建设集团', '家居用品', '五金工具', '快递服务', '智能装备'], 10000 + (tw.id - 1000) * 10 + g, :seed + 1)
           || '有限公司工会',
       'GRASSROOTS', tw.id, tw.path || (10000 + (tw.id - 1000) * 10 + g) || '/'
FROM org_unit tw, generate_series(0, 9) g
WHERE tw.kind = 'TOWNSHIP';

-- ───────────── academies ─────────────
\echo '== academies'
INSERT INTO academy (id, code, name, kind, parent_id, org_unit_id) OVERRIDING SYSTEM VALUE
VALUES (1, 'ZJGJ', '浙江工匠学院', 'HEADQUARTERS', NULL, 1);
INSERT INTO academy (id, code, name, kind, parent_id, org_unit_id) OVERRIDING SYSTEM VALUE
SELECT 1 + idx, 'ZJGJ-' || abbr, short || '工匠学院', 'BRANCH', 1, 1 + idx FROM gen_city;
INSERT INTO academy (id, code, name, kind, parent_id, org_unit_id) OVERRIDING SYSTEM VALUE
SELECT 20 + (c.idx - 1) * 2 + j, 'ZJGJ-' || c.abbr || '-TB' || (j + 1),
       c.short || (ARRAY['先进制造', '数字经济'])[j + 1] || '实训基地', 'TRAINING_BASE', 1 + c.idx, 100 + (c.idx - 1) * 10 + j
FROM gen_city c, generate_series(0, 1) j;
INSERT INTO academy (id, code, name, kind, parent_id, org_unit_id) OVERRIDING SYSTEM VALUE
VALUES (50, 'ZJ-OU', '浙江开放大学', 'COLLEGE', NULL, 1),
       (51, 'ZJ-GYZY', '浙江工业职业技术学院', 'COLLEGE', NULL, 7),
       (52, 'ZJ-JDZY', '浙江机电职业技术学院', 'COLLEGE', NULL, 2),
       (53, 'ZJ-JTZY', '浙江交通职业技术学院', 'COLLEGE', NULL, 2),
       (54, 'ZJ-GSZY', '浙江工商职业技术学院', 'COLLEGE', NULL, 3);

-- ───────────── campaigns, standards, courses ─────────────
\echo '== campaigns, standards, courses'
INSERT INTO campaign (id, year, name, opens_at, closes_at, status, tracks, review_stages, min_age, max_age,
                      enrollment_share_percent, created_by, created_at) OVERRIDING SYSTEM VALUE
VALUES (1, 2024, '2024年职工学历与技能提升行动', '2024-03-01 08:00+08', '2024-06-30 18:00+08', 'ARCHIVED',
        'EDUCATION,SKILL', 'GRASSROOTS,TOWNSHIP,COUNTY,CITY', 18, 60, 0, 'bench-admin', '2024-02-01 09:00+08'),
       (2, 2025, '2025年职工学历与技能提升行动', '2025-03-01 08:00+08', '2025-06-30 18:00+08', 'CLOSED',
        'EDUCATION,SKILL', 'GRASSROOTS,TOWNSHIP,COUNTY,CITY', 18, 60, 56, 'bench-admin', '2025-02-01 09:00+08'),
       (3, extract(year FROM now())::int, extract(year FROM now())::int || '年职工学历与技能提升行动',
        date_trunc('day', now()) - interval '30 days', date_trunc('day', now()) + interval '365 days', 'OPEN',
        'EDUCATION,SKILL', 'GRASSROOTS,TOWNSHIP,COUNTY,CITY', 18, 60, 50, 'bench-admin', now() - interval '40 days');

CREATE TEMP TABLE gen_level (level text PRIMARY KEY, track text, rank int, label text, std_fen int);
INSERT INTO gen_level VALUES
    ('HIGH_SCHOOL', 'EDUCATION', 1, '中专学历', 150000), ('ASSOCIATE', 'EDUCATION', 2, '大专学历', 300000),
    ('BACHELOR', 'EDUCATION', 3, '本科学历', 400000), ('MASTER', 'EDUCATION', 4, '硕士学位', 600000),
    ('SKILL_5', 'SKILL', 1, '初级工', 80000), ('SKILL_4', 'SKILL', 2, '中级工', 100000),
    ('SKILL_3', 'SKILL', 3, '高级工', 150000), ('SKILL_2', 'SKILL', 4, '技师', 200000), ('SKILL_1', 'SKILL', 5, '高级技师', 300000);

INSERT INTO subsidy_standard (campaign_id, level, max_subsidy_fen)
SELECT c, level, std_fen - (3 - c) * 20000 FROM gen_level, generate_series(1, 3) c;

-- every campaign: headquarters and branches offer every level, training bases the SKILL levels,
-- colleges the EDUCATION levels
INSERT INTO course (campaign_id, academy_id, name, track, target_level, tuition_fen, capacity, starts_on, external_code)
SELECT c.id, a.id,
       CASE WHEN l.track = 'SKILL'
            THEN pg_temp.pick(ARRAY['数控车工', '电工', '焊工', '钳工', '汽车维修工', '养老护理员', '育婴员', '快递员', '网约配送员',
                                    '工业机器人系统运维员', '电子商务师', '中式烹调师'], a.id * 100 + l.rank, c.id) || '（' || l.label || '）培训班'
            ELSE l.label || '提升班（' || a.name || '）' END,
       l.track, l.level,
       (round(l.std_fen * (0.8 + 0.7 * pg_temp.r(c.id * 100000 + a.id * 100 + l.rank, :seed + 2)) / 100) * 100)::int,
       500 + (pg_temp.r(c.id * 100000 + a.id * 100 + l.rank, :seed + 3) * 1500)::int,
       (c.opens_at + interval '75 days')::date,
       a.code || '-' || c.year || '-' || l.level
FROM campaign c, academy a, gen_level l
WHERE a.kind IN ('HEADQUARTERS', 'BRANCH')
   OR (a.kind = 'TRAINING_BASE' AND l.track = 'SKILL')
   OR (a.kind = 'COLLEGE' AND l.track = 'EDUCATION')
ORDER BY c.id, l.track, l.level, a.id;

-- the courses a worker of a city chooses from, per (campaign, track, level): headquarters once, the
-- city's branch twice, the city's training bases (SKILL) or every college (EDUCATION)
CREATE TEMP TABLE gen_course_pick AS
SELECT campaign_id, city, track, target_level, (row_number() OVER w - 1)::int AS slot,
       count(*) OVER (PARTITION BY campaign_id, city, track, target_level)::int AS nslots,
       course_id, academy_id, tuition_fen
FROM (
    SELECT co.campaign_id, ci.idx AS city, co.track, co.target_level, co.id AS course_id, co.academy_id, co.tuition_fen
    FROM course co JOIN academy a ON a.id = co.academy_id CROSS JOIN gen_city ci CROSS JOIN generate_series(1, 2) dup
    WHERE (a.kind = 'HEADQUARTERS' AND dup = 1)
       OR (a.kind = 'BRANCH' AND a.id = 1 + ci.idx)
       OR (a.kind = 'TRAINING_BASE' AND a.parent_id = 1 + ci.idx AND dup = 1)
       OR (a.kind = 'COLLEGE' AND dup = 1)
) x
WINDOW w AS (PARTITION BY campaign_id, city, track, target_level ORDER BY course_id);
CREATE UNIQUE INDEX ON gen_course_pick (campaign_id, city, track, target_level, slot);
ANALYZE gen_course_pick;

-- ───────────── workers ─────────────
\echo '== workers'
CREATE TEMP TABLE gen_index_defs (tbl text, name text, def text);
INSERT INTO gen_index_defs
SELECT i.indrelid::regclass::text, c.relname, pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid IN ('worker'::regclass, 'application'::regclass, 'application_history'::regclass,
                     'enrollment'::regclass, 'disbursement'::regclass, 'quota_ledger'::regclass)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid);
SELECT format('DROP INDEX %I', name) FROM gen_index_defs \gexec

INSERT INTO worker (id, subject, name, id_number_enc, id_number_hash, id_number_masked, birth_date, phone_enc, phone_masked,
                    union_member_no, employer, employer_kind, frontline, org_unit_id, education_level, skill_grade,
                    created_at, updated_at) OVERRIDING SYSTEM VALUE
SELECT w.n, 'bench-w-' || w.n,
       pg_temp.pick(ARRAY['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
                          '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'], w.n, :seed + 10)
           || pg_temp.pick(ARRAY['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超',
                                 '秀兰', '霞', '平', '刚', '桂英', '建华', '建国', '志强', '海燕', '晓东', '国平', '丽华', '文斌', '春梅'], w.n, :seed + 11),
       p.id_number_enc, p.id_number_hash, p.id_number_masked, p.birth_date, p.phone_enc, p.phone_masked,
       'ZJ' || lpad(w.n::text, 10, '0'),
       replace(o.name, '工会', ''),
       CASE WHEN w.n > :workers - :fresh THEN (CASE WHEN w.r_emp < 0.88 THEN 'ENTERPRISE' ELSE 'NEW_EMPLOYMENT_FORM' END)
            WHEN w.r_emp < 0.85 THEN 'ENTERPRISE' WHEN w.r_emp < 0.97 THEN 'NEW_EMPLOYMENT_FORM' ELSE 'PUBLIC_INSTITUTION' END,
       w.n > :workers - :fresh OR pg_temp.r(w.n, :seed + 12) < 0.92,
       o.id,
       CASE WHEN w.r_edu < 0.55 THEN 'HIGH_SCHOOL' WHEN w.r_edu < 0.85 THEN 'ASSOCIATE'
            WHEN w.r_edu < 0.98 OR w.n > :workers - :fresh THEN 'BACHELOR' ELSE 'MASTER' END,
       CASE WHEN w.r_skill < 0.40 THEN NULL WHEN w.r_skill < 0.60 THEN 'SKILL_5' WHEN w.r_skill < 0.80 THEN 'SKILL_4'
            WHEN w.r_skill < 0.92 THEN 'SKILL_3' WHEN w.r_skill < 0.98 THEN 'SKILL_2' ELSE 'SKILL_1' END,
       now() - interval '1 day' * (30 + 1000 * pg_temp.r(w.n, :seed + 13)),
       now() - interval '1 day' * (30 * pg_temp.r(w.n, :seed + 14))
FROM (SELECT n, pg_temp.r(n, :seed + 15) AS r_emp, pg_temp.r(n, :seed + 16) AS r_edu, pg_temp.r(n, :seed + 17) AS r_skill,
             cp.city, floor(pg_temp.r(n, :seed + 19) * 1000)::int AS unit_in_city
      FROM generate_series(1, :workers) n
      JOIN gen_city_pct cp ON cp.pct = floor(pg_temp.r(n, :seed + 18) * 100)::int) w
JOIN bench_gen.pii p ON p.n = w.n
JOIN org_unit o ON o.id = 10000 + (w.city - 1) * 1000 + w.unit_in_city
ORDER BY w.n;

-- ───────────── applications (staged) ─────────────
\echo '== applications: staging'
-- part: 1 open campaign live, 2 open campaign ended, 3 campaign 2025, 4 campaign 2024
-- approvals: APPROVE steps taken (4 = final approval at CITY, holds or held a place);
-- tail: the actions after the approvals (ENROLL, COMPLETE, DROP, RETURN, REJECT, WITHDRAW)
CREATE UNLOGGED TABLE bench_gen.app0 AS
WITH plan AS (
    SELECT 1 AS part, j, 3 AS campaign_id, j AS worker_id, pg_temp.r(j, :seed + 21) AS rs
    FROM generate_series(1, round(0.40 * :apps)::int) j
    UNION ALL
    SELECT 2, j, 3, 1 + (j - 1 + 7777) % (:workers - :fresh), pg_temp.r(j, :seed + 22)
    FROM generate_series(1, round(0.05 * :apps)::int) j
    UNION ALL
    SELECT 3, j, 2, 1 + (j - 1 + 1000) % (:workers - :fresh), pg_temp.r(j, :seed + 23)
    FROM generate_series(1, round(0.30 * :apps)::int) j
    UNION ALL
    SELECT 4, j, 1, 1 + (j - 1 + 2000) % (:workers - :fresh), pg_temp.r(j, :seed + 24)
    FROM generate_series(1, :apps - round(0.40 * :apps)::int - round(0.05 * :apps)::int - round(0.30 * :apps)::int) j
), shaped AS (
    SELECT p.*,
           floor(pg_temp.r(p.part * 10000000 + p.j, :seed + 25) * 4)::int AS early_stage,   -- 0..3 for ends before the last stage
           CASE p.part
             WHEN 1 THEN CASE WHEN rs < 0.30 THEN 'SUBMITTED' WHEN rs < 0.48 THEN 'IN_REVIEW:1' WHEN rs < 0.62 THEN 'IN_REVIEW:2'
                              WHEN rs < 0.74 THEN 'IN_REVIEW:3' WHEN rs < 0.78 THEN 'RETURNED' WHEN rs < 0.90 THEN 'APPROVED' ELSE 'ENROLLED' END
             WHEN 2 THEN CASE WHEN rs < 0.50 THEN 'REJECTED' WHEN rs < 0.90 THEN 'WITHDRAWN' ELSE 'WITHDRAWN:approved' END
             WHEN 3 THEN CASE WHEN rs < 0.35 THEN 'COMPLETED' WHEN rs < 0.62 THEN 'ENROLLED' WHEN rs < 0.65 THEN 'APPROVED'
                              WHEN rs < 0.70 THEN 'CANCELLED' WHEN rs < 0.85 THEN 'REJECTED' ELSE 'WITHDRAWN' END
             ELSE CASE WHEN rs < 0.70 THEN 'COMPLETED' WHEN rs < 0.78 THEN 'CANCELLED' WHEN rs < 0.92 THEN 'REJECTED' ELSE 'WITHDRAWN' END
           END AS outcome
    FROM plan p
), levels AS (
    SELECT s.*, w.org_unit_id, (w.org_unit_id - 10000) / 1000 + 1 AS city,
           CASE w.education_level WHEN 'HIGH_SCHOOL' THEN 'ASSOCIATE' WHEN 'ASSOCIATE' THEN 'BACHELOR' WHEN 'BACHELOR' THEN 'MASTER' END AS next_edu,
           CASE coalesce(w.skill_grade, '-') WHEN '-' THEN 'SKILL_5' WHEN 'SKILL_5' THEN 'SKILL_4' WHEN 'SKILL_4' THEN 'SKILL_3'
                                             WHEN 'SKILL_3' THEN 'SKILL_2' WHEN 'SKILL_2' THEN 'SKILL_1' END AS next_skill,
           w.education_level, w.skill_grade,
           pg_temp.r(s.part * 10000000 + s.j, :seed + 26) < 0.70 AS prefers_skill
    FROM shaped s JOIN worker w ON w.id = s.worker_id
), tracked AS (
    SELECT l.*,
           CASE WHEN (l.prefers_skill AND l.next_skill IS NOT NULL) OR l.next_edu IS NULL THEN 'SKILL' ELSE 'EDUCATION' END AS track
    FROM levels l
)
SELECT t.part, t.j, t.campaign_id, t.worker_id, t.org_unit_id, t.city, t.track,
       CASE t.track WHEN 'SKILL' THEN t.skill_grade ELSE t.education_level END AS from_level,
       CASE t.track WHEN 'SKILL' THEN coalesce(t.next_skill, 'SKILL_1') ELSE t.next_edu END AS target_level,
       split_part(t.outcome, ':', 1) AS status,
       CASE WHEN t.outcome LIKE 'IN_REVIEW:%' THEN split_part(t.outcome, ':', 2)::int
            WHEN t.outcome = 'SUBMITTED' THEN 0
            WHEN t.outcome IN ('RETURNED', 'REJECTED', 'WITHDRAWN') THEN t.early_stage
            ELSE 4 END AS approvals,
       CASE split_part(t.outcome, ':', 1)
            WHEN 'ENROLLED' THEN ARRAY['ENROLL'] WHEN 'COMPLETED' THEN ARRAY['ENROLL', 'COMPLETE']
            WHEN 'CANCELLED' THEN ARRAY['ENROLL', 'DROP'] WHEN 'RETURNED' THEN ARRAY['RETURN']
            WHEN 'REJECTED' THEN ARRAY['REJECT'] WHEN 'WITHDRAWN' THEN ARRAY['WITHDRAW']
            ELSE ARRAY[]::text[] END AS tail,
       pg_temp.r(t.part * 10000000 + t.j, :seed + 27) AS r_course,
       pg_temp.r(t.part * 10000000 + t.j, :seed + 28) AS r_time,
       pg_temp.r(t.part * 10000000 + t.j, :seed + 29) AS r_time2
FROM tracked t;

CREATE UNLOGGED TABLE bench_gen.app AS
SELECT row_number() OVER (ORDER BY x.submitted_at, x.part, x.j)::bigint AS id, x.*,
       x.submitted_at + (x.updated_at - x.submitted_at) * (4.0 / greatest(x.version - 1, 1)) AS approved_step_at
FROM (
    SELECT a.*, cp.course_id, cp.academy_id,
           least(s.max_subsidy_fen, cp.tuition_fen) AS subsidy_fen,
           1 + a.approvals + cardinality(a.tail) AS version,
           s_at AS submitted_at,
           CASE WHEN a.approvals + cardinality(a.tail) = 0 THEN s_at
                ELSE s_at + (least(now() - interval '1 minute', s_at + c.span) - s_at) * (0.05 + 0.95 * a.r_time2) END AS updated_at,
           -- pool of the worker's city for the track, whether or not the case holds a place now
           (a.campaign_id - 1) * 100 + (a.city - 1) * 2 + CASE a.track WHEN 'SKILL' THEN 2 ELSE 1 END AS pool_id,
           CASE a.approvals WHEN 0 THEN 'GRASSROOTS' WHEN 1 THEN 'TOWNSHIP' WHEN 2 THEN 'COUNTY' ELSE 'CITY' END AS stage,
           CASE a.approvals WHEN 0 THEN a.org_unit_id WHEN 1 THEN 1000 + (a.org_unit_id - 10000) / 10
                            WHEN 2 THEN 100 + (a.org_unit_id - 10000) / 100 ELSE 1 + a.city END AS stage_unit
    FROM bench_gen.app0 a
    JOIN campaign cm ON cm.id = a.campaign_id
    JOIN subsidy_standard s ON s.campaign_id = a.campaign_id AND s.level = a.target_level
    JOIN gen_course_pick cp ON cp.campaign_id = a.campaign_id AND cp.city = a.city AND cp.track = a.track
                           AND cp.target_level = a.target_level
                           AND cp.slot = floor(a.r_course * cp.nslots)::int
    -- most cases arrive in the first days of the window; later steps take up to 'span'
    CROSS JOIN LATERAL (SELECT CASE WHEN a.campaign_id = 3
                                    THEN cm.opens_at + (least(now(), cm.closes_at) - cm.opens_at) * (a.r_time ^ 2) * 0.97
                                    ELSE cm.opens_at + (cm.closes_at - cm.opens_at) * (a.r_time ^ 2) END AS s_at,
                               CASE WHEN a.campaign_id = 3 THEN interval '30 days' ELSE interval '300 days' END AS span) c
) x;
ALTER TABLE bench_gen.app ADD PRIMARY KEY (id);
ANALYZE bench_gen.app;

-- ───────────── quota pools ─────────────
\echo '== quota pools'
-- id (campaign-1)*100 + (city-1)*2 + 1 (EDUCATION) / + 2 (SKILL); industry unions 50 + ...
INSERT INTO quota_pool (id, campaign_id, org_unit_id, track, allocated, approved) OVERRIDING SYSTEM VALUE
SELECT (cm.id - 1) * 100 + (u.slot - 1) * 2 + tr.bit,
       cm.id, u.org_id, tr.track,
       coalesce(h.holding, 0) + coalesce(h.released, 0) + coalesce(h.at_city, 0) + CASE WHEN cm.id = 3 THEN 2000 ELSE 100 END,
       coalesce(h.holding, 0)
FROM campaign cm
CROSS JOIN (SELECT idx AS slot, 1 + idx AS org_id FROM gen_city UNION ALL SELECT 25 + i, 12 + i FROM generate_series(1, 4) i) u
CROSS JOIN (VALUES ('EDUCATION', 1), ('SKILL', 2)) tr(track, bit)
LEFT JOIN (SELECT pool_id, count(*) FILTER (WHERE status IN ('APPROVED', 'ENROLLED', 'COMPLETED')) AS holding,
                  count(*) FILTER (WHERE approvals = 4 AND status IN ('CANCELLED', 'WITHDRAWN')) AS released,
                  count(*) FILTER (WHERE status = 'IN_REVIEW' AND approvals = 3) AS at_city
           FROM bench_gen.app GROUP BY pool_id) h ON h.pool_id = (cm.id - 1) * 100 + (u.slot - 1) * 2 + tr.bit;

-- ───────────── applications ─────────────
\echo '== applications'
INSERT INTO application (id, worker_id, campaign_id, course_id, academy_id, client_request_id, track, from_level, target_level,
                         subsidy_fen, status, current_stage, stage_unit_id, org_unit_id, org_path, quota_pool_id, version,
                         submitted_at, updated_at, approved_at) OVERRIDING SYSTEM VALUE
SELECT a.id, a.worker_id, a.campaign_id, a.course_id, a.academy_id, 'gen-' || a.part || '-' || a.j, a.track, a.from_level, a.target_level,
       a.subsidy_fen, a.status,
       CASE WHEN a.status IN ('SUBMITTED', 'IN_REVIEW') THEN a.stage END,
       CASE WHEN a.status IN ('SUBMITTED', 'IN_REVIEW') THEN a.stage_unit END,
       a.org_unit_id, o.path,
       CASE WHEN a.status IN ('APPROVED', 'ENROLLED', 'COMPLETED') THEN a.pool_id END,
       a.version, a.submitted_at, a.updated_at,
       CASE WHEN a.approvals = 4 THEN a.approved_step_at END
FROM bench_gen.app a JOIN org_unit o ON o.id = a.org_unit_id
ORDER BY a.id;

\echo '== application history'
-- step s of a case: 0 SUBMIT, 1..approvals APPROVE, then the tail; 'at' spreads the steps evenly
-- between submitted_at and updated_at
CREATE FUNCTION pg_temp.status_after(approvals int, tail text[], s int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN s = 0 THEN 'SUBMITTED'
                WHEN s <= approvals THEN CASE WHEN s = 4 THEN 'APPROVED' ELSE 'IN_REVIEW' END
                ELSE CASE tail[s - approvals] WHEN 'ENROLL' THEN 'ENROLLED' WHEN 'COMPLETE' THEN 'COMPLETED' WHEN 'DROP' THEN 'CANCELLED'
                                              WHEN 'RETURN' THEN 'RETURNED' WHEN 'REJECT' THEN 'REJECTED' WHEN 'WITHDRAW' THEN 'WITHDRAWN' END
           END $$;
CREATE TEMP TABLE gen_history AS
SELECT a.id AS application_id, s AS step,
       CASE WHEN a.version = 1 THEN a.submitted_at ELSE a.submitted_at + (a.updated_at - a.submitted_at) * (s::float8 / (a.version - 1)) END AS at,
       CASE WHEN s = 0 OR act = 'WITHDRAW' THEN 'bench-w-' || a.worker_id
            WHEN act IN ('ENROLL', 'COMPLETE', 'DROP') THEN 'bench-academy-' || a.academy_id
            ELSE 'bench-reviewer-' || CASE least(s, a.approvals + 1) WHEN 1 THEN a.org_unit_id WHEN 2 THEN 1000 + (a.org_unit_id - 10000) / 10
                                                           WHEN 3 THEN 100 + (a.org_unit_id - 10000) / 100 ELSE 1 + a.city END END::varchar(255) AS actor_subject,
       (CASE WHEN s = 0 OR act = 'WITHDRAW' THEN 'worker' WHEN act IN ('ENROLL', 'COMPLETE', 'DROP') THEN 'academy' ELSE 'reviewer' END)::varchar(16) AS actor_role,
       act::varchar(32) AS action,
       CASE WHEN s > 0 THEN pg_temp.status_after(a.approvals, a.tail, s - 1) END AS from_status,
       pg_temp.status_after(a.approvals, a.tail, s) AS to_status,
       CASE act WHEN 'RETURN' THEN '材料不全，请补充后重新提交' WHEN 'REJECT' THEN '不符合申报条件' WHEN 'WITHDRAW' THEN '个人原因' END AS comment
FROM bench_gen.app a
CROSS JOIN LATERAL generate_series(0, a.version - 1) s
CROSS JOIN LATERAL (SELECT CASE WHEN s = 0 THEN 'SUBMIT' WHEN s <= a.approvals THEN 'APPROVE' ELSE a.tail[s - a.approvals] END AS act) x;
CREATE UNIQUE INDEX ON gen_history (application_id, step);
ANALYZE gen_history;

-- The tamper-evidence chain of V4 (one per application): hash = audit_chain_hash(previous hash,
-- audit_history_content(row)), computed with the database's own functions, as its trigger would. The
-- trigger does not fire here (session_replication_role = replica), so a recursive query walks all
-- chains at once, one step per iteration. The row's id is not part of its content (0 stands in).
SET enable_hashjoin = off;
SET enable_mergejoin = off;
INSERT INTO application_history (application_id, at, actor_subject, actor_role, action, from_status, to_status, comment, prev_hash, hash)
WITH RECURSIVE chain AS (
    SELECT g.*, NULL::bytea AS prev_hash,
           audit_chain_hash(NULL, audit_history_content(ROW(0, g.application_id, g.at, g.actor_subject, g.actor_role, g.action,
                                                            g.from_status, g.to_status, g.comment, NULL, NULL)::application_history)) AS hash
    FROM gen_history g WHERE g.step = 0
    UNION ALL
    SELECT g.*, c.hash,
           audit_chain_hash(c.hash, audit_history_content(ROW(0, g.application_id, g.at, g.actor_subject, g.actor_role, g.action,
                                                              g.from_status, g.to_status, g.comment, NULL, NULL)::application_history))
    FROM chain c JOIN gen_history g ON g.application_id = c.application_id AND g.step = c.step + 1
)
SELECT application_id, at, actor_subject, actor_role, action, from_status, to_status, comment, prev_hash, hash
FROM chain ORDER BY application_id, step;
RESET enable_hashjoin;
RESET enable_mergejoin;
DROP TABLE gen_history;

-- ───────────── enrollments, disbursements, quota ledger ─────────────
\echo '== enrollments'
CREATE TEMP TABLE gen_enrolled AS
SELECT a.id, a.academy_id, a.campaign_id, a.status, a.subsidy_fen, a.updated_at, a.worker_id,
       a.approved_step_at + (a.updated_at - a.approved_step_at) * (1.0 / cardinality(a.tail)) AS enrolled_at,
       a.part, a.j
FROM bench_gen.app a
WHERE 'ENROLL' = ANY (a.tail);

INSERT INTO enrollment (application_id, academy_id, external_ref, status, enrolled_at, completed_at, dropped_at, certificate_no,
                        tuition_paid_fen, last_event_at)
SELECT e.id, e.academy_id, 'R' || lpad(e.id::text, 10, '0'),
       CASE e.status WHEN 'CANCELLED' THEN 'DROPPED' ELSE e.status END,
       e.enrolled_at,
       CASE WHEN e.status = 'COMPLETED' THEN e.updated_at END,
       CASE WHEN e.status = 'CANCELLED' THEN e.updated_at END,
       CASE WHEN e.status = 'COMPLETED' THEN 'ZJ' || lpad(e.id::text, 12, '0') END,
       c.tuition_fen,
       e.updated_at
FROM gen_enrolled e JOIN application a ON a.id = e.id JOIN course c ON c.id = a.course_id
ORDER BY e.id;

\echo '== disbursements'
-- campaign_id is the application's (V6); its trigger does not fire under session_replication_role = replica
INSERT INTO disbursement (application_id, campaign_id, stage, amount_fen, status, created_at, paid_at, reference, paid_by)
SELECT d.id, d.campaign_id, d.stage, d.amount, CASE WHEN d.paid THEN 'PAID' ELSE 'PENDING' END, d.created_at,
       CASE WHEN d.paid THEN least(now() - interval '1 minute', d.created_at + interval '1 day' * (1 + 20 * d.rp)) END,
       CASE WHEN d.paid THEN 'PAY-' || d.stage || '-' || d.id END,
       CASE WHEN d.paid THEN 'bench-finance' END
FROM (
    SELECT e.id, e.campaign_id, 'ENROLLMENT' AS stage, e.subsidy_fen * cm.enrollment_share_percent / 100 AS amount, e.enrolled_at AS created_at,
           pg_temp.r(e.id, :seed + 31) < CASE e.campaign_id WHEN 3 THEN 0.30 ELSE 0.97 END AS paid,
           pg_temp.r(e.id, :seed + 32) AS rp
    FROM gen_enrolled e JOIN campaign cm ON cm.id = e.campaign_id
    WHERE cm.enrollment_share_percent > 0
    UNION ALL
    SELECT e.id, e.campaign_id, 'COMPLETION', e.subsidy_fen - e.subsidy_fen * cm.enrollment_share_percent / 100, e.updated_at,
           pg_temp.r(e.id, :seed + 33) < CASE e.campaign_id WHEN 2 THEN 0.80 ELSE 0.99 END,
           pg_temp.r(e.id, :seed + 34)
    FROM gen_enrolled e JOIN campaign cm ON cm.id = e.campaign_id
    WHERE e.status = 'COMPLETED'
) d
ORDER BY d.created_at;

\echo '== quota ledger'
-- each pool: its allocation, then a place taken per final approval and given back per cancel or
-- withdrawal after approval; approved_after is the running count
CREATE TEMP TABLE gen_ledger AS
SELECT ev.pool_id, ev.at, ev.delta, p.allocated AS allocated_after,
       sum(CASE WHEN ev.reason = 'ALLOCATE' THEN 0 ELSE -ev.delta END)
           OVER (PARTITION BY ev.pool_id ORDER BY ev.at, ev.ord, ev.application_id ROWS UNBOUNDED PRECEDING)::int AS approved_after,
       ev.reason::varchar(32) AS reason, ev.application_id, ev.actor::varchar(255) AS actor_subject,
       row_number() OVER (PARTITION BY ev.pool_id ORDER BY ev.at, ev.ord, ev.application_id) AS step
FROM (
    SELECT p.id AS pool_id, cm.opens_at - interval '7 days' AS at, p.allocated AS delta, 'ALLOCATE' AS reason,
           NULL::bigint AS application_id, 'bench-admin' AS actor, 0 AS ord
    FROM quota_pool p JOIN campaign cm ON cm.id = p.campaign_id
    UNION ALL
    SELECT a.pool_id, a.approved_step_at, -1, 'APPROVE', a.id, 'bench-reviewer-' || (1 + a.city), 1
    FROM bench_gen.app a WHERE a.approvals = 4
    UNION ALL
    SELECT a.pool_id, a.updated_at, 1, CASE a.status WHEN 'CANCELLED' THEN 'CANCEL' ELSE 'WITHDRAW' END, a.id,
           CASE a.status WHEN 'CANCELLED' THEN 'bench-academy-' || a.academy_id ELSE 'bench-w-' || a.worker_id END, 2
    FROM bench_gen.app a WHERE a.approvals = 4 AND a.status IN ('CANCELLED', 'WITHDRAWN')
) ev
JOIN quota_pool p ON p.id = ev.pool_id;
CREATE UNIQUE INDEX ON gen_ledger (pool_id, step);
ANALYZE gen_ledger;
-- the V4 chain of each pool, as for the history above: one step per iteration, every pool at once
SET enable_hashjoin = off;
SET enable_mergejoin = off;
INSERT INTO quota_ledger (pool_id, at, delta, allocated_after, approved_after, reason, application_id, actor_subject, prev_hash, hash)
WITH RECURSIVE chain AS (
    SELECT g.*, NULL::bytea AS prev_hash,
           audit_chain_hash(NULL, audit_ledger_content(ROW(0, g.pool_id, g.at, g.delta, g.allocated_after, g.approved_after, g.reason,
                                                           g.application_id, g.actor_subject, NULL, NULL)::quota_ledger)) AS hash
    FROM gen_ledger g WHERE g.step = 1
    UNION ALL
    SELECT g.*, c.hash,
           audit_chain_hash(c.hash, audit_ledger_content(ROW(0, g.pool_id, g.at, g.delta, g.allocated_after, g.approved_after, g.reason,
                                                             g.application_id, g.actor_subject, NULL, NULL)::quota_ledger))
    FROM chain c JOIN gen_ledger g ON g.pool_id = c.pool_id AND g.step = c.step + 1
)
SELECT pool_id, at, delta, allocated_after, approved_after, reason, application_id, actor_subject, prev_hash, hash
FROM chain ORDER BY at, step, pool_id;
RESET enable_hashjoin;
RESET enable_mergejoin;
DROP TABLE gen_ledger;
SET session_replication_role = origin;

-- ───────────── sequences, indexes, checks ─────────────
\echo '== identity sequences'
SELECT setval(pg_get_serial_sequence('org_unit', 'id'), (SELECT max(id) FROM org_unit));
SELECT setval(pg_get_serial_sequence('academy', 'id'), (SELECT max(id) FROM academy));
SELECT setval(pg_get_serial_sequence('campaign', 'id'), (SELECT max(id) FROM campaign));
SELECT setval(pg_get_serial_sequence('quota_pool', 'id'), (SELECT max(id) FROM quota_pool));
SELECT setval(pg_get_serial_sequence('worker', 'id'), (SELECT max(id) FROM worker));
SELECT setval(pg_get_serial_sequence('application', 'id'), (SELECT max(id) FROM application));

\echo '== recreate secondary indexes'
SELECT def FROM gen_index_defs ORDER BY tbl, name \gexec

\echo '== checks: keys, quota, stage units'
DO $$
DECLARE
    fk record;
    orphans bigint;
    bad bigint;
BEGIN
    FOR fk IN
        SELECT c.conname, c.conrelid::regclass AS child, a.attname AS col, c.confrelid::regclass AS parent, pa.attname AS pcol
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND cardinality(c.conkey) = 1
    LOOP
        EXECUTE format('SELECT count(*) FROM %s x WHERE x.%I IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %s p WHERE p.%I = x.%I)',
                       fk.child, fk.col, fk.parent, fk.pcol, fk.col) INTO orphans;
        IF orphans > 0 THEN
            RAISE EXCEPTION 'foreign key %: % rows of % without a parent', fk.conname, orphans, fk.child;
        END IF;
    END LOOP;
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND cardinality(conkey) > 1) THEN
        RAISE EXCEPTION 'a multi-column foreign key exists: extend the check in bench/generate.sql';
    END IF;
    SELECT count(*) INTO bad FROM quota_pool p
    WHERE p.approved <> (SELECT count(*) FROM application a WHERE a.quota_pool_id = p.id);
    IF bad > 0 THEN RAISE EXCEPTION '% pools whose approved differs from the applications holding a place', bad; END IF;
    SELECT count(*) INTO bad FROM quota_pool p
    WHERE p.approved <> coalesce((SELECT l.approved_after FROM quota_ledger l WHERE l.pool_id = p.id ORDER BY l.at DESC, l.id DESC LIMIT 1), 0);
    IF bad > 0 THEN RAISE EXCEPTION '% pools whose ledger does not end at approved', bad; END IF;
    SELECT count(*) INTO bad FROM application a
    WHERE a.status IN ('SUBMITTED', 'IN_REVIEW')
      AND a.stage_unit_id <> (string_to_array(trim(BOTH '/' FROM a.org_path), '/')::bigint[])[
              CASE a.current_stage WHEN 'CITY' THEN 2 WHEN 'COUNTY' THEN 3 WHEN 'TOWNSHIP' THEN 4 ELSE 5 END];
    IF bad > 0 THEN RAISE EXCEPTION '% applications whose stage unit is not the ancestor at their stage', bad; END IF;
    SELECT count(*) INTO bad FROM application a WHERE NOT EXISTS (SELECT 1 FROM application_history h WHERE h.application_id = a.id);
    IF bad > 0 THEN RAISE EXCEPTION '% applications without history', bad; END IF;
    -- the V4 chains, recomputed link by link as the auditChain query does
    SELECT count(*) INTO bad FROM (
        SELECT h.hash, audit_chain_hash(lag(h.hash) OVER w, audit_history_content(h)) AS expected,
               h.prev_hash IS NOT DISTINCT FROM lag(h.hash) OVER w AS linked
        FROM application_history h WINDOW w AS (PARTITION BY h.application_id ORDER BY h.id)) x
    WHERE x.hash <> x.expected OR NOT x.linked;
    IF bad > 0 THEN RAISE EXCEPTION '% history rows whose hash chain does not verify', bad; END IF;
    SELECT count(*) INTO bad FROM (
        SELECT l.hash, audit_chain_hash(lag(l.hash) OVER w, audit_ledger_content(l)) AS expected,
               l.prev_hash IS NOT DISTINCT FROM lag(l.hash) OVER w AS linked
        FROM quota_ledger l WINDOW w AS (PARTITION BY l.pool_id ORDER BY l.id)) x
    WHERE x.hash <> x.expected OR NOT x.linked;
    IF bad > 0 THEN RAISE EXCEPTION '% ledger rows whose hash chain does not verify', bad; END IF;
END $$;

-- ───────────── what the benchmarks pick from ─────────────
\echo '== bench targets'
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
COMMENT ON SCHEMA bench IS 'bench/generate.sql: what the pgbench scripts and the load driver pick from; not part of the application';
CREATE TABLE bench.meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO bench.meta VALUES
    ('apps', :apps::text), ('workers', :workers::text), ('fresh', :fresh::text), ('seed', :seed::text),
    ('open_campaign_id', '3'), ('generated_at', now()::text),
    ('workers_with_open_application', round(0.40 * :apps)::text);

-- workers without any application (eligible: frontline, not a public institution, a level to rise to),
-- in random order, each with a course of the open campaign that fits them
CREATE TABLE bench.submit_target (n int PRIMARY KEY, worker_id bigint NOT NULL, subject text NOT NULL, campaign_id bigint NOT NULL,
                                  course_id bigint NOT NULL, track text NOT NULL, target_level text NOT NULL);
INSERT INTO bench.submit_target
SELECT row_number() OVER (ORDER BY pg_temp.r(w.id, :seed + 41)), w.id, w.subject, 3, cp.course_id, x.track, x.target
FROM worker w
CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.r(w.id, :seed + 42) < 0.7 AND coalesce(w.skill_grade, '') <> 'SKILL_1' THEN 'SKILL' ELSE 'EDUCATION' END AS track) t
CROSS JOIN LATERAL (SELECT t.track,
                           CASE t.track WHEN 'SKILL' THEN CASE coalesce(w.skill_grade, '-') WHEN '-' THEN 'SKILL_5' WHEN 'SKILL_5' THEN 'SKILL_4'
                                                              WHEN 'SKILL_4' THEN 'SKILL_3' WHEN 'SKILL_3' THEN 'SKILL_2' ELSE 'SKILL_1' END
                                        ELSE CASE w.education_level WHEN 'HIGH_SCHOOL' THEN 'ASSOCIATE' WHEN 'ASSOCIATE' THEN 'BACHELOR' ELSE 'MASTER' END
                           END AS target) x
JOIN gen_course_pick cp ON cp.campaign_id = 3 AND cp.city = (w.org_unit_id - 10000) / 1000 + 1 AND cp.track = x.track
                       AND cp.target_level = x.target AND cp.slot = floor(pg_temp.r(w.id, :seed + 43) * cp.nslots)::int
WHERE w.id > :workers - :fresh;

-- cases waiting at the last stage (CITY) of the open campaign, in random order: approve targets
CREATE TABLE bench.approve_target (n int PRIMARY KEY, application_id bigint NOT NULL, version int NOT NULL,
                                   city_code text NOT NULL, track text NOT NULL, pool_id bigint NOT NULL);
INSERT INTO bench.approve_target
SELECT row_number() OVER (ORDER BY pg_temp.r(a.id, :seed + 44)), a.id, a.version, o.code, a.track, ga.pool_id
FROM application a JOIN org_unit o ON o.id = a.stage_unit_id JOIN bench_gen.app ga ON ga.id = a.id
WHERE a.campaign_id = 3 AND a.status = 'IN_REVIEW' AND a.current_stage = 'CITY';

-- APPROVED cases of the open campaign without enrollment, per academy: SyncEnrollments targets
CREATE TABLE bench.sync_target (academy_code text NOT NULL, n int NOT NULL, application_id bigint NOT NULL,
                                PRIMARY KEY (academy_code, n));
INSERT INTO bench.sync_target
SELECT ac.code, row_number() OVER (PARTITION BY ac.code ORDER BY a.id), a.id
FROM application a JOIN academy ac ON ac.id = a.academy_id
WHERE a.campaign_id = 3 AND a.status = 'APPROVED';

-- review units with a non-empty queue in the open campaign, per stage
CREATE TABLE bench.review_target (stage text NOT NULL, org_code text NOT NULL, queue_size int NOT NULL, PRIMARY KEY (stage, org_code));
INSERT INTO bench.review_target
SELECT a.current_stage, o.code, count(*)
FROM application a JOIN org_unit o ON o.id = a.stage_unit_id
WHERE a.campaign_id = 3 AND a.status IN ('SUBMITTED', 'IN_REVIEW')
GROUP BY a.current_stage, o.code;

DROP SCHEMA bench_gen CASCADE;

\echo '== vacuum freeze analyze'
-- frozen and with hint bits set: a clone starts settled, no autovacuum or hint-bit writes during a run
VACUUM (FREEZE, ANALYZE);

\echo '== summary'
\timing off
SELECT 'org_unit' AS tbl, count(*) FROM org_unit UNION ALL SELECT 'academy', count(*) FROM academy
UNION ALL SELECT 'course', count(*) FROM course UNION ALL SELECT 'worker', count(*) FROM worker
UNION ALL SELECT 'application', count(*) FROM application UNION ALL SELECT 'application_history', count(*) FROM application_history
UNION ALL SELECT 'enrollment', count(*) FROM enrollment UNION ALL SELECT 'disbursement', count(*) FROM disbursement
UNION ALL SELECT 'quota_pool', count(*) FROM quota_pool UNION ALL SELECT 'quota_ledger', count(*) FROM quota_ledger;
SELECT campaign_id, status, coalesce(current_stage, '') AS stage, count(*) FROM application GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
SELECT pg_size_pretty(pg_database_size(current_database())) AS database_size;
