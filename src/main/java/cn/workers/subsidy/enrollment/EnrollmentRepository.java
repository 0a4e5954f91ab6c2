package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.common.db.Sql;
import io.vertx.sqlclient.Row;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import cn.workers.subsidy.vocabulary.EnrollmentStatus;
@ApplicationScoped
public class EnrollmentRepository implements PanacheRepositoryBase<EnrollmentEntity, Long> {

    /** First key of the advisory locks taken here ("SYNC"); the second is the academy id (folded to 32 bits). */
    private static final int SYNC_LOCK_SPACE = 0x53594E43;

    /**
     * Serialises the batches of one academy until the end of the transaction: its external
     * references are checked in memory against what is recorded, which must not change meanwhile.
     * Other academies' batches run in parallel.
     */
    private static final Sql.Query<Long> LOCK_ACADEMY = Sql.query(
            "SELECT count(*) AS n FROM (SELECT pg_advisory_xact_lock(#{space}, #{academy})) AS locked", r -> r.getLong("n"));

    public Uni<Void> lockAcademy(long academyId) {
        return LOCK_ACADEMY.list(Sql.params("space", SYNC_LOCK_SPACE, "academy", Long.hashCode(academyId))).replaceWithVoid();
    }

    private static final String COLUMNS = "application_id, academy_id, external_ref, status, enrolled_at, completed_at, dropped_at,"
            + " certificate_no, tuition_paid_fen, last_event_at";

    private static final Sql.Query<EnrollmentEntity> FOR_SYNC = Sql.query("SELECT " + COLUMNS + " FROM enrollment"
            + " WHERE application_id IN (SELECT CAST(jsonb_array_elements_text(CAST(CAST(#{ids} AS text) AS jsonb)) AS bigint))"
            + " UNION SELECT " + COLUMNS + " FROM enrollment"
            + " WHERE academy_id = #{academy} AND external_ref IN (SELECT jsonb_array_elements_text(CAST(CAST(#{refs} AS text) AS jsonb)))",
            EnrollmentRepository::row);

    /**
     * The enrollments of these applications and those of the academy that use any of these external
     * references, in one query (the lists travel as one JSON parameter each, whatever their size).
     * Detached copies for the batch to judge by: the batch writes with {@link #upsertAll}.
     */
    public Uni<List<EnrollmentEntity>> forSync(long academyId, Collection<Long> applicationIds, Collection<String> refs) {
        if (applicationIds.isEmpty() && refs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String ids = new JsonArray(List.copyOf(applicationIds)).encode();
        String externalRefs = new JsonArray(List.copyOf(refs)).encode();
        return FOR_SYNC.list(Sql.params("ids", ids, "academy", academyId, "refs", externalRefs));
    }

    private static EnrollmentEntity row(Row r) {
        EnrollmentEntity e = new EnrollmentEntity();
        e.applicationId = r.getLong("application_id");
        e.academyId = r.getLong("academy_id");
        e.externalRef = r.getString("external_ref");
        e.status = Sql.enumOf(r, "status", EnrollmentStatus.class);
        e.enrolledAt = r.getOffsetDateTime("enrolled_at");
        e.completedAt = r.getOffsetDateTime("completed_at");
        e.droppedAt = r.getOffsetDateTime("dropped_at");
        e.certificateNo = r.getString("certificate_no");
        e.tuitionPaidFen = r.getInteger("tuition_paid_fen");
        e.lastEventAt = r.getOffsetDateTime("last_event_at");
        return e;
    }

    /** The enrollments of these applications (at most one each). */
    public Uni<List<EnrollmentEntity>> forApplications(Collection<Long> applicationIds) {
        return applicationIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("applicationId in ?1", applicationIds);
    }

    private static final Sql.Update UPSERT = Sql.update("INSERT INTO enrollment (application_id, academy_id, external_ref, status, enrolled_at, completed_at,"
            + " dropped_at, certificate_no, tuition_paid_fen, last_event_at)"
            + " SELECT x.application_id, #{academy}, x.external_ref, x.status, x.enrolled_at, x.completed_at, x.dropped_at, x.certificate_no,"
            + " x.tuition_paid_fen, x.last_event_at FROM jsonb_to_recordset(CAST(CAST(#{rows} AS text) AS jsonb)) AS x(application_id bigint,"
            + " external_ref text, status text, enrolled_at timestamptz, completed_at timestamptz, dropped_at timestamptz,"
            + " certificate_no text, tuition_paid_fen int, last_event_at timestamptz)"
            + " ON CONFLICT (application_id) DO UPDATE SET status = EXCLUDED.status, enrolled_at = EXCLUDED.enrolled_at,"
            + " completed_at = EXCLUDED.completed_at, dropped_at = EXCLUDED.dropped_at, certificate_no = EXCLUDED.certificate_no,"
            + " tuition_paid_fen = EXCLUDED.tuition_paid_fen, last_event_at = EXCLUDED.last_event_at"
            + " WHERE enrollment.academy_id = EXCLUDED.academy_id AND enrollment.external_ref = EXCLUDED.external_ref");

    /** Writes the enrollments of a batch in one statement (created, or moved on under the same external reference). */
    public Uni<Integer> upsertAll(long academyId, List<SyncCase> cases) {
        JsonArray rows = new JsonArray();
        for (SyncCase c : cases) {
            EnrollmentState e = c.enrollment;
            rows.add(new JsonObject().put("application_id", c.id).put("external_ref", e.externalRef()).put("status", e.status().name())
                    .put("enrolled_at", text(e.enrolledAt())).put("completed_at", text(e.completedAt()))
                    .put("dropped_at", text(e.droppedAt())).put("certificate_no", e.certificateNo())
                    .put("tuition_paid_fen", e.tuitionPaidFen()).put("last_event_at", text(e.lastEventAt())));
        }
        return UPSERT.execute(Sql.params("rows", rows.encode(), "academy", academyId));
    }

    private static String text(java.time.OffsetDateTime t) {
        return t == null ? null : t.toString();
    }
}
