package cn.workers.subsidy.support;

import cn.workers.subsidy.common.security.PiiCipher;
import cn.workers.subsidy.worker.IdNumber;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Test data written straight into PostgreSQL, so that each test builds exactly the world it needs
 * without depending on another feature's API or on another test. Every call makes new rows with
 * unique codes. Injected in a {@code @QuarkusTest}; integration tests whose servers run as processes
 * of their own make one over {@link Db#at(String)} with the servers' keys:
 * {@code new Fixtures(Db.at(url), PiiCiphers.of(key, hashKey))}.
 */
@Singleton
public class Fixtures {

    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() % 1_000_000);

    private final Db db;
    private final PiiCipher cipher;

    @Inject
    public Fixtures(Db db, PiiCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** Runs {@code work} with fixtures that write in one transaction: many rows at once, all or none. */
    public <T> T inOneTransaction(Function<Fixtures, T> work) {
        return db.transaction(tx -> work.apply(new Fixtures(tx, cipher)));
    }

    public static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    /** A chain province → city → county → township → workplace union, with fresh codes. */
    public record Tree(long province, long city, long county, long township, long grassroots,
            String provinceCode, String cityCode, String countyCode, String townshipCode, String grassrootsCode) {
    }

    public Tree tree() {
        String p = unique("P");
        long province = orgUnit(p, "省总工会 " + p, "PROVINCE", null);
        return treeUnder(province, p);
    }

    /** A new city with its chain down to a workplace union, under an existing province. */
    public Tree treeUnder(long province, String provinceCode) {
        String c = unique("C");
        long city = orgUnit(c, "市总工会 " + c, "CITY", province);
        long county = orgUnit(c + "-K", "区总工会 " + c, "COUNTY", city);
        long township = orgUnit(c + "-T", "街道工会 " + c, "TOWNSHIP", county);
        long grassroots = orgUnit(c + "-G", "单位工会 " + c, "GRASSROOTS", township);
        return new Tree(province, city, county, township, grassroots, provinceCode, c, c + "-K", c + "-T", c + "-G");
    }

    public long orgUnit(String code, String name, String kind, Long parentId) {
        String parentPath = parentId == null ? "/" : (String) db.one("SELECT path FROM org_unit WHERE id = ?", parentId);
        long id = ((Number) db.one("INSERT INTO org_unit (code, name, kind, parent_id, path) VALUES (?, ?, ?, ?, ?) RETURNING id",
                code, name, kind, parentId, parentPath + "pending-" + code + "/")).longValue();
        db.update("UPDATE org_unit SET path = ? WHERE id = ?", parentPath + id + "/", id);
        return id;
    }

    /** An OPEN campaign, window open now, on both tracks, with a standard of 3,000 yuan for every level. */
    public long openCampaign(String stages) {
        return campaign("OPEN", stages, Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS), null, null, 50);
    }

    public long campaign(String status, String stages, Instant opensAt, Instant closesAt, Integer minAge, Integer maxAge, int sharePercent) {
        long id = ((Number) db.one("INSERT INTO campaign (year, name, opens_at, closes_at, status, tracks, review_stages, min_age, max_age,"
                + " enrollment_share_percent, created_by) VALUES (?, ?, ?, ?, ?, 'EDUCATION,SKILL', ?, ?, ?, ?, 'fixture') RETURNING id",
                LocalDate.now().getYear(), unique("年度行动 "), Timestamp.from(opensAt), Timestamp.from(closesAt), status, stages,
                minAge, maxAge, sharePercent)).longValue();
        for (String level : new String[] {"HIGH_SCHOOL", "ASSOCIATE", "BACHELOR", "MASTER", "SKILL_5", "SKILL_4", "SKILL_3", "SKILL_2", "SKILL_1"}) {
            db.update("INSERT INTO subsidy_standard (campaign_id, level, max_subsidy_fen) VALUES (?, ?, 300000)", id, level);
        }
        return id;
    }

    public long academy(long orgUnitId, String kind, Long parentId) {
        return academy(unique("A"), orgUnitId, kind, parentId);
    }

    public long academy(String code, long orgUnitId, String kind, Long parentId) {
        return ((Number) db.one("INSERT INTO academy (code, name, kind, parent_id, org_unit_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
                code, "工匠学院 " + code, kind, parentId, orgUnitId)).longValue();
    }

    public String academyCode(long academyId) {
        return (String) db.one("SELECT code FROM academy WHERE id = ?", academyId);
    }

    /** A course for 100 people, starting in a month. */
    public long course(long campaignId, long academyId, String track, String targetLevel, int tuitionFen) {
        return course(campaignId, academyId, track, targetLevel, tuitionFen, 100);
    }

    public long course(long campaignId, long academyId, String track, String targetLevel, int tuitionFen, int capacity) {
        return ((Number) db.one("INSERT INTO course (campaign_id, academy_id, name, track, target_level, tuition_fen, capacity, starts_on,"
                + " external_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", campaignId, academyId, unique("课程 "), track,
                targetLevel, tuitionFen, capacity, java.sql.Date.valueOf(LocalDate.now().plusMonths(1)), unique("EXT-"))).longValue();
    }

    public long pool(long campaignId, long orgUnitId, String track, int allocated) {
        return ((Number) db.one("INSERT INTO quota_pool (campaign_id, org_unit_id, track, allocated) VALUES (?, ?, ?, ?) RETURNING id",
                campaignId, orgUnitId, track, allocated)).longValue();
    }

    /** A complete, eligible worker profile (frontline, enterprise, high school, no skill grade), aged 30. */
    public long worker(String subject, long grassrootsId) {
        return worker(subject, grassrootsId, IdNumbers.aged(30), "ENTERPRISE", true, "HIGH_SCHOOL", null);
    }

    public long worker(String subject, long grassrootsId, String idNumber, String employerKind, boolean frontline,
            String educationLevel, String skillGrade) {
        IdNumber id;
        try {
            id = IdNumber.parse(idNumber, LocalDate.now());
        } catch (IdNumber.Invalid e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String phone = "138" + String.format("%08d", SEQ.incrementAndGet() % 100_000_000);
        return ((Number) db.one("INSERT INTO worker (subject, name, id_number_enc, id_number_hash, id_number_masked, birth_date, phone_enc,"
                + " phone_masked, union_member_no, employer, employer_kind, frontline, org_unit_id, education_level, skill_grade)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                subject, "职工" + subject, cipher.encrypt(id.value()), cipher.lookupHash(id.value()), id.masked(),
                java.sql.Date.valueOf(id.birthDate()), cipher.encrypt(phone), phone.substring(0, 3) + "****" + phone.substring(7),
                unique("UM"), "某制造有限公司", employerKind, frontline, grassrootsId, educationLevel, skillGrade)).longValue();
    }

    /** A worker and the id of its row. */
    public record Worker(long id, String subject) {
    }

    /** {@code n} workers as {@link #worker(String, long)} makes them, subjects {@code prefix0..}, in one transaction. */
    public List<Worker> workers(String subjectPrefix, long grassrootsId, int n) {
        return inOneTransaction(tx -> IntStream.range(0, n)
                .mapToObj(i -> new Worker(tx.worker(subjectPrefix + i, grassrootsId), subjectPrefix + i)).toList());
    }

    /**
     * An application already waiting at {@code stage} (SUBMITTED at the first stage, IN_REVIEW later),
     * reviewed there by {@code stageUnitId}; one history entry for its submission.
     */
    public long application(long workerId, long campaignId, long courseId, String stage, long stageUnitId, boolean firstStage) {
        Object[] c = db.row("SELECT c.academy_id, c.track, c.target_level, w.org_unit_id, o.path FROM course c, worker w"
                + " JOIN org_unit o ON o.id = w.org_unit_id WHERE c.id = ? AND w.id = ?", courseId, workerId);
        String status = firstStage ? "SUBMITTED" : "IN_REVIEW";
        long id = ((Number) db.one("INSERT INTO application (worker_id, campaign_id, course_id, academy_id, client_request_id, track,"
                + " from_level, target_level, subsidy_fen, status, current_stage, stage_unit_id, org_unit_id, org_path)"
                + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 200000, ?, ?, ?, ?, ?) RETURNING id",
                workerId, campaignId, courseId, c[0], unique("req-"), c[1], c[2], status, stage, stageUnitId, c[3], c[4])).longValue();
        db.update("INSERT INTO application_history (application_id, actor_subject, actor_role, action, from_status, to_status)"
                + " VALUES (?, 'fixture', 'worker', 'SUBMIT', NULL, ?)", id, status);
        return id;
    }

    /** Applications of these workers waiting IN_REVIEW at {@code stage} before {@code stageUnitId}, version 1, in one transaction. */
    public List<Long> applicationsInReview(List<Worker> workers, long campaignId, long courseId, String stage, long stageUnitId) {
        return inOneTransaction(tx -> workers.stream().map(w -> tx.application(w.id(), campaignId, courseId, stage, stageUnitId, false))
                .toList());
    }

    /**
     * A new worker's application for {@code courseId}, finally approved with a place from
     * {@code poolId}: pool, ledger, history and version as a final approval leaves them.
     */
    public long approved(long campaignId, long courseId, long grassrootsId, long poolId) {
        return approvedFor(worker(unique("appr-"), grassrootsId), campaignId, courseId, poolId);
    }

    /** {@link #approved} for an existing worker. */
    public long approvedFor(long workerId, long campaignId, long courseId, long poolId) {
        long unit = ((Number) db.one("SELECT org_unit_id FROM worker WHERE id = ?", workerId)).longValue();
        long id = application(workerId, campaignId, courseId, "GRASSROOTS", unit, true);
        Object[] p = db.row("UPDATE quota_pool SET approved = approved + 1 WHERE id = ? RETURNING allocated, approved", poolId);
        db.update("INSERT INTO quota_ledger (pool_id, delta, allocated_after, approved_after, reason, application_id, actor_subject)"
                + " VALUES (?, -1, ?, ?, 'APPROVE', ?, 'fixture')", poolId, p[0], p[1], id);
        db.update("UPDATE application SET status = 'APPROVED', current_stage = NULL, stage_unit_id = NULL, quota_pool_id = ?,"
                + " approved_at = now(), version = 2 WHERE id = ?", poolId, id);
        db.update("INSERT INTO application_history (application_id, actor_subject, actor_role, action, from_status, to_status)"
                + " VALUES (?, 'fixture', 'reviewer', 'APPROVE', 'SUBMITTED', 'APPROVED')", id);
        return id;
    }
}
