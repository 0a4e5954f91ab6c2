package cn.workers.subsidy.application;

import cn.workers.subsidy.common.db.Sql;
import cn.workers.subsidy.common.paging.Cursors;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.vocabulary.ApplicationStatus;
import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.ReviewStage;
import cn.workers.subsidy.vocabulary.Track;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The application table. Reads are HQL (Hibernate reuses their plans) or native selects that return
 * detached rows; every write is one of the native statements here, and only {@link Lifecycle} calls
 * them. Every write of an existing case is guarded by the version it read under its row lock.
 */
@ApplicationScoped
public class ApplicationRepository implements PanacheRepository<ApplicationEntity> {

    // every column, as row() reads them
    private static final String COLUMNS = "id, worker_id, campaign_id, course_id, academy_id, client_request_id, track, from_level,"
            + " target_level, subsidy_fen, status, current_stage, stage_unit_id, org_unit_id, org_path, quota_pool_id, version,"
            + " submitted_at, updated_at, approved_at";

    /** A detached application from a row of {@link #COLUMNS}: changing it writes nothing. */
    static ApplicationEntity row(Row r) {
        ApplicationEntity a = new ApplicationEntity();
        a.id = r.getLong("id");
        a.workerId = r.getLong("worker_id");
        a.campaignId = r.getLong("campaign_id");
        a.courseId = r.getLong("course_id");
        a.academyId = r.getLong("academy_id");
        a.clientRequestId = r.getString("client_request_id");
        a.track = Sql.enumOf(r, "track", Track.class);
        a.fromLevel = Sql.enumOf(r, "from_level", Level.class);
        a.targetLevel = Sql.enumOf(r, "target_level", Level.class);
        a.subsidyFen = r.getInteger("subsidy_fen");
        a.status = Sql.enumOf(r, "status", ApplicationStatus.class);
        a.currentStage = Sql.enumOf(r, "current_stage", ReviewStage.class);
        a.stageUnitId = r.getLong("stage_unit_id");
        a.orgUnitId = r.getLong("org_unit_id");
        a.orgPath = r.getString("org_path");
        a.quotaPoolId = r.getLong("quota_pool_id");
        a.version = r.getInteger("version");
        a.submittedAt = r.getOffsetDateTime("submitted_at");
        a.updatedAt = r.getOffsetDateTime("updated_at");
        a.approvedAt = r.getOffsetDateTime("approved_at");
        return a;
    }

    // ───────────── reads ─────────────

    public Uni<ApplicationEntity> findByClientRequest(long workerId, String clientRequestId) {
        return find("workerId = ?1 and clientRequestId = ?2", workerId, clientRequestId).firstResult();
    }

    public Uni<List<ApplicationEntity>> forWorker(long workerId) {
        return list("workerId = ?1 order by submittedAt desc, id desc", workerId);
    }

    public Uni<List<ApplicationEntity>> findByIds(Collection<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /**
     * The review queue of one stage unit: the literal statuses match the partial index
     * application_review_queue_idx. HQL rather than SQL so that Hibernate reuses the plans.
     */
    private static final String QUEUE_FILTER = "from ApplicationEntity where campaignId = ?1 and currentStage = ?2 and stageUnitId = ?3"
            + " and status in (cn.workers.subsidy.vocabulary.ApplicationStatus.SUBMITTED,"
            + " cn.workers.subsidy.vocabulary.ApplicationStatus.IN_REVIEW)";

    /** A page of the review queue of one stage unit, first come first served (keyset on submission time, id). */
    public Uni<List<ApplicationEntity>> queuePage(long campaignId, ReviewStage stage, long stageUnitId, PageRequest page) {
        String hql = QUEUE_FILTER + (page.hasCursor() ? " and (submittedAt, id) > (?4, ?5)" : "") + " order by submittedAt, id";
        return getSession().flatMap(s -> {
            var q = s.createSelectionQuery(hql, ApplicationEntity.class).setParameter(1, campaignId).setParameter(2, stage)
                    .setParameter(3, stageUnitId).setMaxResults(page.first() + 1);
            if (page.hasCursor()) {
                q.setParameter(4, Cursors.time(page, 0)).setParameter(5, page.longKey(1));
            }
            return q.getResultList();
        });
    }

    public Uni<Long> queueCount(long campaignId, ReviewStage stage, long stageUnitId) {
        return getSession().flatMap(s -> s.createSelectionQuery("select count(*) " + QUEUE_FILTER, Long.class)
                .setParameter(1, campaignId).setParameter(2, stage).setParameter(3, stageUnitId).getSingleResult());
    }

    private static final Sql.Query<OffsetDateTime> SYNC_HORIZON = Sql.query("SELECT least(clock_timestamp(), min(xact_start)) AS horizon"
            + " FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()", r -> r.getOffsetDateTime("horizon"));

    /**
     * The sync horizon: the start of the oldest transaction still running in this database, or now
     * when none is. updated_at is the writing transaction's start (V3__sync_watermark.sql), so no
     * commit still to come can carry an updated_at below it. Run it as a statement of its own
     * before the page query: that one's snapshot then holds every transaction that started earlier.
     */
    public Uni<OffsetDateTime> syncHorizon() {
        return SYNC_HORIZON.oneOrNull(Sql.params());
    }

    private static final OffsetDateTime BEGINNING = OffsetDateTime.parse("2000-01-01T00:00:00Z");

    private static final Sql.Query<ApplicationEntity> ACADEMY_FEED = Sql.query("SELECT " + COLUMNS + " FROM application"
            + " WHERE academy_id = #{academy} AND approved_at IS NOT NULL AND updated_at < #{horizon} AND updated_at >= #{since}"
            + " AND (updated_at, id) > (#{afterTime}, #{afterId}) ORDER BY updated_at, id LIMIT #{limit}", ApplicationRepository::row);

    /**
     * A page of an academy's ever-approved applications in (updated_at, id) order, changed at or
     * after {@code since} (null: from the beginning) and before {@code horizon}; detached copies.
     */
    public Uni<List<ApplicationEntity>> academyPage(long academyId, OffsetDateTime since, OffsetDateTime horizon, PageRequest page) {
        return ACADEMY_FEED.list(Sql.params("academy", academyId, "horizon", horizon, "since", since == null ? BEGINNING : since,
                "afterTime", page.hasCursor() ? Cursors.time(page, 0) : BEGINNING, "afterId", page.hasCursor() ? page.longKey(1) : 0L,
                "limit", (long) page.first() + 1));
    }

    // ───────────── locks ─────────────

    private static final Sql.Query<ApplicationEntity> LOCK = Sql.query("SELECT " + COLUMNS + " FROM application WHERE id = #{id} FOR UPDATE",
            ApplicationRepository::row);

    /** The application with its row locked to the end of the transaction (a detached copy), or null. */
    Uni<ApplicationEntity> lock(long id) {
        return LOCK.oneOrNull(Sql.params("id", id));
    }

    private static final Sql.Query<ApplicationEntity> LOCK_ALL = Sql.query("SELECT " + COLUMNS + " FROM application"
            + " WHERE id IN (SELECT CAST(jsonb_array_elements_text(CAST(CAST(#{ids} AS text) AS jsonb)) AS bigint)) ORDER BY id FOR UPDATE",
            ApplicationRepository::row);

    /** Locks many applications at once, in id order (two batches never deadlock); detached copies. */
    Uni<List<ApplicationEntity>> lockAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return LOCK_ALL.list(Sql.params("ids", new JsonArray(List.copyOf(ids)).encode()));
    }

    // ───────────── writes (Lifecycle only) ─────────────

    /** What a write gives back: the database's times. */
    record Written(long id, int version, OffsetDateTime submittedAt, OffsetDateTime updatedAt, OffsetDateTime approvedAt) {
        static Written of(Row r) {
            return new Written(r.getLong("id"), r.getInteger("version"), r.getOffsetDateTime("submitted_at"),
                    r.getOffsetDateTime("updated_at"), r.getOffsetDateTime("approved_at"));
        }
    }

    // The application and its SUBMIT history entry (whose hash chain the database computes, V4) in one round trip.
    // submitted_at and updated_at are the database's (column default and V3 trigger) and come back.
    private static final Sql.Query<Written> INSERT_SUBMITTED = Sql.query("WITH a AS (INSERT INTO application (worker_id, campaign_id,"
            + " course_id, academy_id, client_request_id, track, from_level, target_level, subsidy_fen, status, current_stage, stage_unit_id,"
            + " org_unit_id, org_path) VALUES (#{worker}, #{campaign}, #{course}, #{academy}, #{clientRequestId}, #{track}, #{fromLevel},"
            + " #{targetLevel}, #{subsidy}, #{status}, #{stage}, #{stageUnit}, #{orgUnit}, #{orgPath})"
            + " RETURNING id, version, submitted_at, updated_at, approved_at),"
            + " h AS (INSERT INTO application_history (application_id, actor_subject, actor_role, action, from_status, to_status)"
            + " SELECT a.id, #{actor}, #{role}, #{action}, NULL, #{status} FROM a)"
            + " SELECT id, version, submitted_at, updated_at, approved_at FROM a", Written::of);

    Uni<Written> insert(ApplicationEntity a, String actor, Action action) {
        return INSERT_SUBMITTED.oneOrNull(Sql.params("worker", a.workerId, "campaign", a.campaignId, "course", a.courseId,
                "academy", a.academyId, "clientRequestId", a.clientRequestId, "track", a.track, "fromLevel", a.fromLevel,
                "targetLevel", a.targetLevel, "subsidy", a.subsidyFen, "status", a.status, "stage", a.currentStage,
                "stageUnit", a.stageUnitId, "orgUnit", a.orgUnitId, "orgPath", a.orgPath, "actor", actor, "role", action.role(),
                "action", action));
    }

    // One transition of one locked case: its new state (version + 1, only from the version it was read at) and the
    // history entry, in one round trip. approved_at is set from the database's clock on the final approval.
    private static final Sql.Query<Written> WRITE_STEP = Sql.query("WITH a AS (UPDATE application SET status = #{to},"
            + " current_stage = #{stage}, stage_unit_id = #{stageUnit}, quota_pool_id = #{pool}, course_id = #{course},"
            + " academy_id = #{academy}, track = #{track}, from_level = #{fromLevel}, target_level = #{targetLevel},"
            + " subsidy_fen = #{subsidy}, version = version + 1,"
            + " approved_at = CASE WHEN #{approving} THEN clock_timestamp() ELSE approved_at END"
            + " WHERE id = #{id} AND version = #{version} RETURNING id, version, submitted_at, updated_at, approved_at),"
            + " h AS (INSERT INTO application_history (application_id, actor_subject, actor_role, action, from_status, to_status, comment)"
            + " SELECT a.id, #{actor}, #{role}, #{action}, #{from}, #{to}, #{comment} FROM a)"
            + " SELECT id, version, submitted_at, updated_at, approved_at FROM a", Written::of);

    /** Writes {@code next} (read at {@code readVersion}) and its history entry; null when the version moved on meanwhile. */
    Uni<Written> writeStep(ApplicationEntity next, int readVersion, ApplicationStatus from, boolean approving, String actor,
            Action action, String comment) {
        return WRITE_STEP.oneOrNull(Sql.params("id", next.id, "version", readVersion, "to", next.status, "stage", next.currentStage,
                "stageUnit", next.stageUnitId, "pool", next.quotaPoolId, "course", next.courseId, "academy", next.academyId,
                "track", next.track, "fromLevel", next.fromLevel, "targetLevel", next.targetLevel, "subsidy", next.subsidyFen,
                "approving", approving, "actor", actor, "role", action.role(), "action", action, "from", from, "comment", comment));
    }

    private static final Sql.Update WRITE_OUTCOMES = Sql.update("UPDATE application a SET status = x.status, version = x.version,"
            + " subsidy_fen = x.subsidy_fen, current_stage = NULL, stage_unit_id = NULL,"
            + " quota_pool_id = CASE WHEN x.releases_place THEN NULL ELSE a.quota_pool_id END"
            + " FROM jsonb_to_recordset(CAST(CAST(#{rows} AS text) AS jsonb))"
            + " AS x(id bigint, status text, version int, subsidy_fen int, releases_place boolean)"
            + " WHERE a.id = x.id AND a.version < x.version");

    /** Writes the final state of many locked applications in one statement; the number of rows written. */
    Uni<Integer> writeOutcomes(List<Lifecycle.Outcome> outcomes) {
        JsonArray rows = new JsonArray();
        for (Lifecycle.Outcome o : outcomes) {
            rows.add(new JsonObject().put("id", o.id()).put("status", o.status().name()).put("version", o.version())
                    .put("subsidy_fen", o.subsidyFen()).put("releases_place", o.releasesPlace()));
        }
        return WRITE_OUTCOMES.execute(Sql.params("rows", rows.encode()));
    }
}
