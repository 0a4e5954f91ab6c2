package cn.workers.subsidy.support;

import cn.workers.subsidy.common.security.PiiCipher;
import cn.workers.subsidy.worker.IdNumber;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Fixtures} without CDI: the same rows, written over plain JDBC, for integration tests whose
 * servers run as separate processes. Every call makes new rows with unique codes.
 */
public final class JdbcFixtures {

    private final String url;
    private final PiiCipher cipher;

    public JdbcFixtures(String jdbcUrl, PiiCipher cipher) {
        this.url = jdbcUrl;
        this.cipher = cipher;
    }

    public Connection connection() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    // ---------- queries ----------

    public long count(String sql, Object... params) {
        return ((Number) one(sql, params)).longValue();
    }

    public Object one(String sql, Object... params) {
        List<Object[]> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + rows.size());
        }
        return rows.get(0)[0];
    }

    public Object[] row(String sql, Object... params) {
        List<Object[]> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + rows.size());
        }
        return rows.get(0);
    }

    public List<Object[]> rows(String sql, Object... params) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<Object[]> out = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    // ---------- the world ----------

    public long orgUnit(String code, String name, String kind, Long parentId) {
        String parentPath = parentId == null ? "/" : (String) one("SELECT path FROM org_unit WHERE id = ?", parentId);
        long id = ((Number) one("INSERT INTO org_unit (code, name, kind, parent_id, path) VALUES (?, ?, ?, ?, ?) RETURNING id",
                code, name, kind, parentId, parentPath + "pending-" + code + "/")).longValue();
        update("UPDATE org_unit SET path = ? WHERE id = ?", parentPath + id + "/", id);
        return id;
    }

    /** A chain province → city → county → township → workplace union, with fresh codes. */
    public Fixtures.Tree tree() {
        String p = Fixtures.unique("P");
        long province = orgUnit(p, "省总工会 " + p, "PROVINCE", null);
        String c = Fixtures.unique("C");
        long city = orgUnit(c, "市总工会 " + c, "CITY", province);
        long county = orgUnit(c + "-K", "区总工会 " + c, "COUNTY", city);
        long township = orgUnit(c + "-T", "街道工会 " + c, "TOWNSHIP", county);
        long grassroots = orgUnit(c + "-G", "单位工会 " + c, "GRASSROOTS", township);
        return new Fixtures.Tree(province, city, county, township, grassroots, p, c, c + "-K", c + "-T", c + "-G");
    }

    /** An OPEN campaign, window open now, on both tracks, 3,000 yuan for every level. */
    public long openCampaign(String stages) {
        long id = ((Number) one("INSERT INTO campaign (year, name, opens_at, closes_at, status, tracks, review_stages,"
                + " enrollment_share_percent, created_by) VALUES (?, ?, ?, ?, 'OPEN', 'EDUCATION,SKILL', ?, 50, 'fixture') RETURNING id",
                LocalDate.now().getYear(), Fixtures.unique("年度行动 "), Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)),
                Timestamp.from(Instant.now().plus(30, ChronoUnit.DAYS)), stages)).longValue();
        for (String level : new String[] {"HIGH_SCHOOL", "ASSOCIATE", "BACHELOR", "MASTER", "SKILL_5", "SKILL_4", "SKILL_3", "SKILL_2", "SKILL_1"}) {
            update("INSERT INTO subsidy_standard (campaign_id, level, max_subsidy_fen) VALUES (?, ?, 300000)", id, level);
        }
        return id;
    }

    public long academy(long orgUnitId) {
        String code = Fixtures.unique("A");
        return ((Number) one("INSERT INTO academy (code, name, kind, parent_id, org_unit_id) VALUES (?, ?, 'HEADQUARTERS', NULL, ?) RETURNING id",
                code, "工匠学院 " + code, orgUnitId)).longValue();
    }

    public long course(long campaignId, long academyId, String track, String targetLevel, int tuitionFen, int capacity) {
        return ((Number) one("INSERT INTO course (campaign_id, academy_id, name, track, target_level, tuition_fen, capacity, starts_on,"
                + " external_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", campaignId, academyId, Fixtures.unique("课程 "), track,
                targetLevel, tuitionFen, capacity, java.sql.Date.valueOf(LocalDate.now().plusMonths(1)), Fixtures.unique("EXT-"))).longValue();
    }

    public long pool(long campaignId, long orgUnitId, String track, int allocated) {
        return ((Number) one("INSERT INTO quota_pool (campaign_id, org_unit_id, track, allocated) VALUES (?, ?, ?, ?) RETURNING id",
                campaignId, orgUnitId, track, allocated)).longValue();
    }

    /** A worker and the id of its row. */
    public record Worker(long id, String subject) {
    }

    /**
     * {@code n} complete, eligible worker profiles (frontline, enterprise, high school, no skill grade, aged
     * about 30) at a workplace union, in one transaction; ID numbers unique in the database.
     */
    public List<Worker> workers(String subjectPrefix, long grassrootsId, int n) {
        long base = count("SELECT count(*) FROM worker");
        List<Worker> out = new ArrayList<>();
        String sql = "INSERT INTO worker (subject, name, id_number_enc, id_number_hash, id_number_masked, birth_date, phone_enc,"
                + " phone_masked, union_member_no, employer, employer_kind, frontline, org_unit_id, education_level, skill_grade)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '某制造有限公司', 'ENTERPRISE', true, ?, 'HIGH_SCHOOL', NULL) RETURNING id";
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < n; i++) {
                    long k = base + i;
                    IdNumber id = idNumber(k);
                    String subject = subjectPrefix + i;
                    String phone = "139" + String.format("%08d", k);
                    bind(ps, new Object[] {subject, "职工" + subject, cipher.encrypt(id.value()), cipher.lookupHash(id.value()), id.masked(),
                            java.sql.Date.valueOf(id.birthDate()), cipher.encrypt(phone), phone.substring(0, 3) + "****" + phone.substring(7),
                            "UM-" + subject, grassrootsId});
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        out.add(new Worker(rs.getLong(1), subject));
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The k-th test ID number: born about 30 years ago, one day earlier every thousand numbers. */
    private static IdNumber idNumber(long k) {
        LocalDate birth = LocalDate.now().minusYears(30).minusDays(10 + k / 1000);
        String first17 = "330106" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", k % 1000);
        try {
            return IdNumber.parse(first17 + IdNumber.checkCharacter(first17), LocalDate.now());
        } catch (IdNumber.Invalid e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    /** Applications of these workers waiting IN_REVIEW at {@code stage} before {@code stageUnitId}, version 1; their ids. */
    public List<Long> applicationsInReview(List<Worker> workers, long campaignId, long courseId, String stage, long stageUnitId) {
        List<Long> ids = new ArrayList<>();
        String sql = "INSERT INTO application (worker_id, campaign_id, course_id, academy_id, client_request_id, track, from_level,"
                + " target_level, subsidy_fen, status, current_stage, stage_unit_id, org_unit_id, org_path)"
                + " SELECT w.id, c.campaign_id, c.id, c.academy_id, ?, c.track, NULL, c.target_level, 200000, 'IN_REVIEW', ?, ?, w.org_unit_id, o.path"
                + " FROM course c, worker w JOIN org_unit o ON o.id = w.org_unit_id WHERE c.id = ? AND w.id = ? AND c.campaign_id = ? RETURNING id";
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql);
                    PreparedStatement history = c.prepareStatement("INSERT INTO application_history (application_id, actor_subject,"
                            + " actor_role, action, from_status, to_status) VALUES (?, 'fixture', 'worker', 'SUBMIT', NULL, 'IN_REVIEW')")) {
                for (Worker w : workers) {
                    bind(ps, new Object[] {Fixtures.unique("req-"), stage, stageUnitId, courseId, w.id(), campaignId});
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        ids.add(rs.getLong(1));
                    }
                    history.setLong(1, ids.get(ids.size() - 1));
                    history.addBatch();
                }
                history.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }
}
