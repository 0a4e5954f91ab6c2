package cn.workers.subsidy.quota;

import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.common.db.SessionRows;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.List;

import cn.workers.subsidy.vocabulary.LedgerReason;
/**
 * Quota pools. Every change is one conditional UPDATE (so {@code approved <= allocated} holds under
 * any concurrency, with the table's CHECK behind it) plus a ledger row whose delta is the change in
 * remaining places. Every method runs in the caller's session and transaction: none opens its own.
 * The pools returned by the changing methods are snapshots from {@code RETURNING}, not managed entities.
 */
@ApplicationScoped
public class QuotaPoolRepository implements PanacheRepository<QuotaPoolEntity> {

    private static final String COLUMNS = "id, campaign_id, org_unit_id, track, allocated, approved";

    /** Takes one place for an application being approved; null when the pool has none left (QUOTA_EXHAUSTED). */
    public Uni<QuotaPoolEntity> takePlace(long poolId, long applicationId, String actorSubject) {
        return change("UPDATE quota_pool SET approved = approved + 1 WHERE id = $1 AND approved < allocated RETURNING " + COLUMNS,
                poolId, null).flatMap(pool -> ledger(pool, -1, LedgerReason.APPROVE, applicationId, actorSubject));
    }

    /**
     * Gives back the place an application held, for {@link LedgerReason#WITHDRAW} or
     * {@link LedgerReason#CANCEL}; null when the pool has no approved place to give back.
     */
    public Uni<QuotaPoolEntity> givePlaceBack(long poolId, long applicationId, String actorSubject, LedgerReason reason) {
        if (reason != LedgerReason.WITHDRAW && reason != LedgerReason.CANCEL) {
            return Uni.createFrom().failure(new IllegalArgumentException("a place is given back on WITHDRAW or CANCEL, not " + reason));
        }
        return change("UPDATE quota_pool SET approved = approved - 1 WHERE id = $1 AND approved > 0 RETURNING " + COLUMNS,
                poolId, null).flatMap(pool -> ledger(pool, 1, reason, applicationId, actorSubject));
    }

    /**
     * The pool that covers a worker: of the org units in {@code orgPath} ('/1/7/42/99/', the worker's
     * unit and its ancestors), the deepest with a pool for this campaign and track; null when none has one.
     */
    public Uni<QuotaPoolEntity> poolCovering(long campaignId, Track track, String orgPath) {
        List<Long> chain = new ArrayList<>();
        for (String part : orgPath.split("/")) {
            if (!part.isEmpty()) {
                chain.add(Long.parseLong(part));
            }
        }
        if (chain.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return list("campaignId = ?1 and track = ?2 and orgUnitId in ?3", campaignId, track, chain).map(pools -> {
            QuotaPoolEntity deepest = null;
            for (QuotaPoolEntity p : pools) {
                if (deepest == null || chain.indexOf(p.orgUnitId) > chain.indexOf(deepest.orgUnitId)) {
                    deepest = p;
                }
            }
            return deepest;
        });
    }

    public Uni<QuotaPoolEntity> find(long campaignId, long orgUnitId, Track track) {
        return find("campaignId = ?1 and orgUnitId = ?2 and track = ?3", campaignId, orgUnitId, track).firstResult();
    }

    public Uni<List<QuotaPoolEntity>> ofCampaign(long campaignId) {
        return list("campaignId", Sort.by("orgUnitId").and("track"), campaignId);
    }

    /**
     * Sets a pool's size, creating the pool (at 0) first if needed; null when {@code allocated} is below
     * what the pool has approved (QUOTA_BELOW_APPROVED). Writes an ALLOCATE ledger row.
     */
    public Uni<QuotaPoolEntity> allocate(long campaignId, long orgUnitId, Track track, int allocated, String actorSubject) {
        return session().flatMap(s -> s.createNativeQuery("INSERT INTO quota_pool (campaign_id, org_unit_id, track, allocated)"
                        + " VALUES (:campaign, :unit, :track, 0) ON CONFLICT (campaign_id, org_unit_id, track) DO NOTHING")
                .setParameter("campaign", campaignId).setParameter("unit", orgUnitId).setParameter("track", track.name())
                .executeUpdate()
                .flatMap(ignored -> SessionRows.oneOrNull(s, "SELECT " + COLUMNS + " FROM quota_pool"
                        + " WHERE campaign_id = $1 AND org_unit_id = $2 AND track = $3 FOR UPDATE", campaignId, orgUnitId, track.name())))
                .map(QuotaPoolRepository::pool)
                .flatMap(before -> change("UPDATE quota_pool SET allocated = $2 WHERE id = $1 AND approved <= $2 RETURNING " + COLUMNS,
                        before.id, allocated)
                        .flatMap(after -> ledger(after, after == null ? 0 : after.allocated - before.allocated, LedgerReason.ALLOCATE, null,
                                actorSubject)));
    }

    /**
     * Moves {@code places} from one pool to another, both rows locked lower id first so that
     * transfers crossing each other cannot deadlock; null when the source would drop below its approved
     * count (QUOTA_BELOW_APPROVED). Returns [from, to] and writes TRANSFER_OUT and TRANSFER_IN rows.
     */
    public Uni<List<QuotaPoolEntity>> transfer(long fromPoolId, long toPoolId, int places, String actorSubject) {
        return lock(Math.min(fromPoolId, toPoolId)).flatMap(ignored -> lock(Math.max(fromPoolId, toPoolId)))
                .flatMap(ignored -> shift(fromPoolId, -places, LedgerReason.TRANSFER_OUT, actorSubject))
                .flatMap(from -> from == null ? Uni.createFrom().<List<QuotaPoolEntity>>nullItem()
                        : shift(toPoolId, places, LedgerReason.TRANSFER_IN, actorSubject).map(to -> List.of(from, to)));
    }

    private Uni<QuotaPoolEntity> shift(long poolId, int delta, LedgerReason reason, String actorSubject) {
        return change("UPDATE quota_pool SET allocated = allocated + $2 WHERE id = $1 AND allocated + $2 >= approved RETURNING " + COLUMNS,
                poolId, delta).flatMap(pool -> ledger(pool, delta, reason, null, actorSubject));
    }

    private Uni<Void> lock(long poolId) {
        return session().flatMap(s -> SessionRows.list(s, "SELECT id FROM quota_pool WHERE id = $1 FOR UPDATE", poolId)).replaceWithVoid();
    }

    /**
     * Runs a conditional UPDATE ... RETURNING on one pool ($1 its id, $2 {@code n} when given): the pool
     * after it, or null when the condition failed.
     */
    private Uni<QuotaPoolEntity> change(String sql, long poolId, Integer n) {
        return session().flatMap(s -> n == null ? SessionRows.oneOrNull(s, sql, poolId) : SessionRows.oneOrNull(s, sql, poolId, n))
                .map(row -> row == null ? null : pool(row));
    }

    /**
     * Appends the ledger row for a change that happened ({@code pool} not null) and passes the pool on.
     * Subscribers hear of the new figures from the database itself (V5 trigger, on commit).
     */
    private Uni<QuotaPoolEntity> ledger(QuotaPoolEntity pool, int delta, LedgerReason reason, Long applicationId, String actorSubject) {
        if (pool == null) {
            return Uni.createFrom().nullItem();
        }
        return session().flatMap(s -> s.createNativeQuery("INSERT INTO quota_ledger (pool_id, delta, allocated_after, approved_after,"
                        + " reason, application_id, actor_subject) VALUES (:pool, :delta, :allocated, :approved, :reason, :application, :actor)")
                .setParameter("pool", pool.id).setParameter("delta", delta).setParameter("allocated", pool.allocated)
                .setParameter("approved", pool.approved).setParameter("reason", reason.name())
                .setParameter("application", applicationId).setParameter("actor", actorSubject)
                .executeUpdate()).replaceWith(pool);
    }

    private Uni<Mutiny.Session> session() {
        return getSession();
    }

    private static QuotaPoolEntity pool(Object[] row) {
        QuotaPoolEntity p = new QuotaPoolEntity();
        p.id = ((Number) row[0]).longValue();
        p.campaignId = ((Number) row[1]).longValue();
        p.orgUnitId = ((Number) row[2]).longValue();
        p.track = Track.valueOf(row[3].toString());
        p.allocated = ((Number) row[4]).intValue();
        p.approved = ((Number) row[5]).intValue();
        return p;
    }
}
