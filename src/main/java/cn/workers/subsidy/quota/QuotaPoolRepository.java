package cn.workers.subsidy.quota;

import cn.workers.subsidy.campaign.Track;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;

/**
 * Quota pools. A place is taken and given back only by the conditional updates here, in the
 * caller's transaction, each with its ledger entry; the CHECK constraint approved <= allocated
 * stands behind them.
 */
@ApplicationScoped
public class QuotaPoolRepository implements PanacheRepository<QuotaPoolEntity> {

    /** Takes one place; null when the pool has none left. */
    public Uni<QuotaPoolEntity> takePlace(long poolId, long applicationId, String actorSubject) {
        return changeApproved(TAKE_PLACE, poolId).flatMap(pool -> pool == null ? Uni.createFrom().nullItem()
                : ledger(pool, -1, LedgerReason.APPROVE, applicationId, actorSubject).replaceWith(pool));
    }

    /** Gives one place back (withdrawal or cancellation of a case that held it). */
    public Uni<QuotaPoolEntity> givePlaceBack(long poolId, long applicationId, String actorSubject, LedgerReason reason) {
        return changeApproved(GIVE_PLACE_BACK, poolId).flatMap(pool -> {
            if (pool == null) {
                return Uni.createFrom().failure(new IllegalStateException("pool " + poolId + " holds no place to give back"));
            }
            return ledger(pool, +1, reason, applicationId, actorSubject).replaceWith(pool);
        });
    }

    /**
     * The pool covering a worker: of the org units on {@code orgPath} (ids from the root down), the
     * deepest one that has a pool for this campaign and track; null when none has.
     */
    public Uni<QuotaPoolEntity> poolCovering(long campaignId, Track track, String orgPath) {
        List<Long> ancestors = Arrays.stream(orgPath.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        return find("campaignId = ?1 and track = ?2 and orgUnitId in ?3", campaignId, track, ancestors).list()
                .map(pools -> pools.stream().max((a, b) -> Integer.compare(ancestors.indexOf(a.orgUnitId),
                        ancestors.indexOf(b.orgUnitId))).orElse(null));
    }

    private static final String TAKE_PLACE = "UPDATE quota_pool SET approved = approved + 1 WHERE id = ?1 AND approved < allocated"
            + " RETURNING id, campaign_id, org_unit_id, track, allocated, approved";
    private static final String GIVE_PLACE_BACK = "UPDATE quota_pool SET approved = approved - 1 WHERE id = ?1 AND approved > 0"
            + " RETURNING id, campaign_id, org_unit_id, track, allocated, approved";

    /**
     * Runs a guarded update and returns the pool's new figures as a detached object, read as scalars:
     * mapped to the entity, the session would hand back a copy it already holds, with the old figures.
     */
    private Uni<QuotaPoolEntity> changeApproved(String sql, long poolId) {
        return getSession().flatMap(s -> s.createNativeQuery(sql, Object[].class).setParameter(1, poolId).getResultList())
                .map(rows -> rows.isEmpty() ? null : figures(rows.get(0)));
    }

    static QuotaPoolEntity figures(Object[] row) {
        QuotaPoolEntity p = new QuotaPoolEntity();
        p.id = ((Number) row[0]).longValue();
        p.campaignId = ((Number) row[1]).longValue();
        p.orgUnitId = ((Number) row[2]).longValue();
        p.track = Track.valueOf(row[3].toString());
        p.allocated = ((Number) row[4]).intValue();
        p.approved = ((Number) row[5]).intValue();
        return p;
    }

    private Uni<Void> ledger(QuotaPoolEntity pool, int delta, LedgerReason reason, Long applicationId, String actor) {
        QuotaLedgerEntity e = new QuotaLedgerEntity();
        e.poolId = pool.id;
        e.at = java.time.OffsetDateTime.now();
        e.delta = delta;
        e.allocatedAfter = pool.allocated;
        e.approvedAfter = pool.approved;
        e.reason = reason;
        e.applicationId = applicationId;
        e.actorSubject = actor;
        return getSession().flatMap(s -> s.persist(e)).flatMap(x -> QuotaEvents.changed(pool));
    }
}
