package cn.workers.subsidy.application;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import cn.workers.subsidy.common.paging.Cursors;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.review.ReviewStage;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

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

    private static final String QUEUE_FILTER = "FROM application WHERE campaign_id = ?1 AND current_stage = ?2 AND stage_unit_id = ?3"
            + " AND status IN ('SUBMITTED', 'IN_REVIEW')";

    /** A page of the review queue of one stage unit, first come first served (keyset on submission time, id). */
    public Uni<List<ApplicationEntity>> queuePage(long campaignId, ReviewStage stage, long stageUnitId, PageRequest page) {
        String sql = "SELECT * " + QUEUE_FILTER + (page.hasCursor() ? " AND (submitted_at, id) > (?4, ?5)" : "")
                + " ORDER BY submitted_at, id";
        return getSession().flatMap(s -> {
            var q = s.createNativeQuery(sql, ApplicationEntity.class).setParameter(1, campaignId).setParameter(2, stage.name())
                    .setParameter(3, stageUnitId).setMaxResults(page.first() + 1);
            if (page.hasCursor()) {
                q.setParameter(4, Cursors.time(page, 0)).setParameter(5, page.longKey(1));
            }
            return q.getResultList();
        });
    }

    public Uni<Long> queueCount(long campaignId, ReviewStage stage, long stageUnitId) {
        return getSession().flatMap(s -> s.createNativeQuery("SELECT count(*) " + QUEUE_FILTER, Long.class)
                .setParameter(1, campaignId).setParameter(2, stage.name()).setParameter(3, stageUnitId).getSingleResult());
    }

    public Uni<List<ApplicationEntity>> findByIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }

    /** Reads the updated_at the database gave the row on its last write (V3 trigger) into the flushed entity. */
    public Uni<ApplicationEntity> stamped(ApplicationEntity app) {
        return getSession().flatMap(s -> s.createNativeQuery("SELECT updated_at FROM application WHERE id = ?1", OffsetDateTime.class)
                .setParameter(1, app.id).getSingleResult()).map(t -> {
                    app.updatedAt = t;
                    return app;
                });
    }
}
