package cn.workers.subsidy.application;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.common.db.SessionRows;
import cn.workers.subsidy.common.paging.Cursors;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.vocabulary.ReviewStage;
import jakarta.persistence.LockModeType;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
@ApplicationScoped
public class ApplicationRepository implements PanacheRepository<ApplicationEntity> {

    /** Loads the application with a row lock held to the end of the transaction: transitions on one case serialise here. */
    public Uni<ApplicationEntity> lock(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<ApplicationEntity> findByClientRequest(long workerId, String clientRequestId) {
        return find("workerId = ?1 and clientRequestId = ?2", workerId, clientRequestId).firstResult();
    }

    public Uni<List<ApplicationEntity>> forWorker(long workerId) {
        return list("workerId = ?1 order by submittedAt desc, id desc", workerId);
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

    public Uni<List<ApplicationEntity>> findByIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }

    /** Reads the updated_at the database gave the row on its last write (V3 trigger) into the flushed entity. */
    public Uni<ApplicationEntity> stamped(ApplicationEntity app) {
        return getSession().flatMap(s -> s.createSelectionQuery("select updatedAt from ApplicationEntity where id = ?1", OffsetDateTime.class)
                .setParameter(1, app.id).getSingleResult()).map(t -> {
                    app.updatedAt = t;
                    return app;
                });
    }

    // One round trip: the application and its SUBMIT history entry (whose hash chain the database computes,
    // V4). submitted_at and updated_at are the database's (column default and V3 trigger) and come back.
    private static final String INSERT_SUBMITTED = "WITH a AS (INSERT INTO application (worker_id, campaign_id, course_id, academy_id,"
            + " client_request_id, track, from_level, target_level, subsidy_fen, status, current_stage, stage_unit_id, org_unit_id, org_path)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'SUBMITTED', $10, $11, $12, $13) RETURNING id, submitted_at, updated_at),"
            + " h AS (INSERT INTO application_history (application_id, actor_subject, actor_role, action, from_status, to_status)"
            + " SELECT a.id, $14, $15, $16, NULL, 'SUBMITTED' FROM a)"
            + " SELECT id, submitted_at, updated_at FROM a";

    /**
     * Inserts a new SUBMITTED application, with its history entry by {@code actorSubject}, in one
     * statement, and fills in the id and the times the database gave it.
     */
    public Uni<ApplicationEntity> insertSubmitted(ApplicationEntity a, String actorSubject) {
        return getSession().flatMap(s -> SessionRows.oneOrNull(s, INSERT_SUBMITTED, a.workerId, a.campaignId, a.courseId, a.academyId,
                        a.clientRequestId, a.track.name(), a.fromLevel == null ? null : a.fromLevel.name(), a.targetLevel.name(),
                        a.subsidyFen, a.currentStage.name(), a.stageUnitId, a.orgUnitId, a.orgPath, actorSubject,
                        Action.SUBMIT.role(), Action.SUBMIT.name()))
                .map(r -> {
                    a.id = (Long) r[0];
                    a.submittedAt = (OffsetDateTime) r[1];
                    a.updatedAt = (OffsetDateTime) r[2];
                    return a;
                });
    }

    private static final OffsetDateTime BEGINNING = OffsetDateTime.parse("2000-01-01T00:00:00Z");

    /**
     * The sync horizon: the start of the oldest transaction still running in this database, or now
     * when none is. updated_at is the writing transaction's start (V3__sync_watermark.sql), so no
     * commit still to come can carry an updated_at below it. Run it as a statement of its own
     * before the page query: that one's snapshot then holds every transaction that started earlier.
     */
    public Uni<OffsetDateTime> syncHorizon() {
        return getSession().flatMap(s -> SessionRows.oneOrNull(s, "SELECT least(clock_timestamp(), min(xact_start)) FROM pg_stat_activity"
                + " WHERE pid <> pg_backend_pid() AND datname = current_database()")).map(r -> (OffsetDateTime) r[0]);
    }

    // every column, in the order row() reads them
    private static final String COLUMNS = "id, worker_id, campaign_id, course_id, academy_id, client_request_id, track, from_level,"
            + " target_level, subsidy_fen, status, current_stage, stage_unit_id, org_unit_id, org_path, quota_pool_id, version,"
            + " submitted_at, updated_at, approved_at";

    private static final String ACADEMY_FEED = "SELECT " + COLUMNS + " FROM application WHERE academy_id = $1 AND approved_at IS NOT NULL"
            + " AND updated_at < $2 AND updated_at >= $3 AND (updated_at, id) > ($4, $5) ORDER BY updated_at, id LIMIT $6";

    /**
     * A page of an academy's ever-approved applications in (updated_at, id) order, changed at or
     * after {@code since} (null: from the beginning) and before {@code horizon}; detached copies.
     */
    public Uni<List<ApplicationEntity>> academyPage(long academyId, OffsetDateTime since, OffsetDateTime horizon, PageRequest page) {
        OffsetDateTime afterTime = page.hasCursor() ? Cursors.time(page, 0) : BEGINNING;
        long afterId = page.hasCursor() ? page.longKey(1) : 0L;
        return getSession().flatMap(s -> SessionRows.list(s, ACADEMY_FEED, academyId, horizon, since == null ? BEGINNING : since,
                        afterTime, afterId, (long) page.first() + 1))
                .map(rows -> rows.stream().map(ApplicationRepository::row).toList());
    }

    private static final String LOCK_ALL = "SELECT " + COLUMNS + " FROM application"
            + " WHERE id IN (SELECT CAST(jsonb_array_elements_text(CAST(CAST($1 AS text) AS jsonb)) AS bigint)) ORDER BY id FOR UPDATE";

    /**
     * Locks many applications at once, in id order (so that two batches never deadlock), and
     * returns detached copies for the batch to judge by: changing them writes nothing.
     */
    public Uni<List<ApplicationEntity>> lockAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String json = new JsonArray(List.copyOf(ids)).encode();
        return getSession().flatMap(s -> SessionRows.list(s, LOCK_ALL, json))
                .map(rows -> rows.stream().map(ApplicationRepository::row).toList());
    }

    /** A detached application from a row of {@link #COLUMNS}. */
    private static ApplicationEntity row(Object[] r) {
        ApplicationEntity a = new ApplicationEntity();
        a.id = (Long) r[0];
        a.workerId = (Long) r[1];
        a.campaignId = (Long) r[2];
        a.courseId = (Long) r[3];
        a.academyId = (Long) r[4];
        a.clientRequestId = (String) r[5];
        a.track = Track.valueOf((String) r[6]);
        a.fromLevel = r[7] == null ? null : Level.valueOf((String) r[7]);
        a.targetLevel = Level.valueOf((String) r[8]);
        a.subsidyFen = (Integer) r[9];
        a.status = ApplicationStatus.valueOf((String) r[10]);
        a.currentStage = r[11] == null ? null : ReviewStage.valueOf((String) r[11]);
        a.stageUnitId = (Long) r[12];
        a.orgUnitId = (Long) r[13];
        a.orgPath = (String) r[14];
        a.quotaPoolId = (Long) r[15];
        a.version = (Integer) r[16];
        a.submittedAt = (OffsetDateTime) r[17];
        a.updatedAt = (OffsetDateTime) r[18];
        a.approvedAt = (OffsetDateTime) r[19];
        return a;
    }

    private static final String WRITE_OUTCOMES = "UPDATE application a SET status = x.status, version = x.version,"
            + " subsidy_fen = x.subsidy_fen, current_stage = NULL, stage_unit_id = NULL,"
            + " quota_pool_id = CASE WHEN x.releases_place THEN NULL ELSE a.quota_pool_id END"
            + " FROM jsonb_to_recordset(CAST(CAST(?1 AS text) AS jsonb))"
            + " AS x(id bigint, status text, version int, subsidy_fen int, releases_place boolean)"
            + " WHERE a.id = x.id AND a.version < x.version";

    /** Writes the final state of many locked applications in one statement; the number of rows written. */
    public Uni<Integer> writeOutcomes(List<Transitions.Outcome> outcomes) {
        JsonArray rows = new JsonArray();
        for (Transitions.Outcome o : outcomes) {
            rows.add(new JsonObject().put("id", o.id()).put("status", o.status().name()).put("version", o.version())
                    .put("subsidy_fen", o.subsidyFen()).put("releases_place", o.releasesPlace()));
        }
        return getSession().flatMap(s -> s.createNativeQuery(WRITE_OUTCOMES).setParameter(1, rows.encode()).executeUpdate());
    }
}
