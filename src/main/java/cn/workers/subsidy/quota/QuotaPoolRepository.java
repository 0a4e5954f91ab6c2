package cn.workers.subsidy.quota;

import cn.workers.subsidy.common.db.Sql;
import cn.workers.subsidy.vocabulary.LedgerReason;
import cn.workers.subsidy.vocabulary.Track;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/**
 * Quota pools. Every change is one conditional UPDATE (so {@code approved <= allocated} holds under
 * any concurrency, with the table's CHECK behind it) plus a ledger row whose delta is the change in
 * remaining places. Every method runs in the caller's session and transaction: none opens its own.
 * The pools returned by the changing methods are snapshots from {@code RETURNING}, not managed entities.
 */
@ApplicationScoped
public class QuotaPoolRepository implements PanacheRepository<QuotaPoolEntity> {

    private static final String COLUMNS = "id, campaign_id, org_unit_id, track, allocated, approved";

    private static QuotaPoolEntity row(Row r) {
        QuotaPoolEntity p = new QuotaPoolEntity();
        p.id = r.getLong("id");
        p.campaignId = r.getLong("campaign_id");
        p.orgUnitId = r.getLong("org_unit_id");
        p.track = Sql.enumOf(r, "track", Track.class);
        p.allocated = r.getInteger("allocated");
        p.approved = r.getInteger("approved");
        return p;
    }

    private static final Sql.Query<QuotaPoolEntity> TAKE_PLACE = Sql.query("UPDATE quota_pool SET approved = approved + 1"
            + " WHERE id = #{pool} AND approved < allocated RETURNING " + COLUMNS, QuotaPoolRepository::row);

    /** Takes one place; null when the pool has none left. */
    Uni<QuotaPoolEntity> takePlace(long poolId, long applicationId, String actorSubject, LedgerReason reason) {
        return TAKE_PLACE.oneOrNull(Sql.params("pool", poolId)).flatMap(pool -> ledger(pool, -1, reason, applicationId, actorSubject));
    }

    private static final Sql.Query<QuotaPoolEntity> GIVE_BACK = Sql.query("UPDATE quota_pool SET approved = approved - 1"
            + " WHERE id = #{pool} AND approved > 0 RETURNING " + COLUMNS, QuotaPoolRepository::row);

    /** Gives back one place; null when the pool has no approved place to give back. */
    Uni<QuotaPoolEntity> givePlaceBack(long poolId, long applicationId, String actorSubject, LedgerReason reason) {
        return GIVE_BACK.oneOrNull(Sql.params("pool", poolId)).flatMap(pool -> ledger(pool, 1, reason, applicationId, actorSubject));
    }

    /** The pools of a campaign and track held by any of these org units. */
    Uni<List<QuotaPoolEntity>> ofUnits(long campaignId, Track track, Collection<Long> orgUnitIds) {
        return list("campaignId = ?1 and track = ?2 and orgUnitId in ?3", campaignId, track, orgUnitIds);
    }

    public Uni<QuotaPoolEntity> find(long campaignId, long orgUnitId, Track track) {
        return find("campaignId = ?1 and orgUnitId = ?2 and track = ?3", campaignId, orgUnitId, track).firstResult();
    }

    public Uni<List<QuotaPoolEntity>> ofCampaign(long campaignId) {
        return list("campaignId", Sort.by("orgUnitId").and("track"), campaignId);
    }

    private static final Sql.Update CREATE_EMPTY = Sql.update("INSERT INTO quota_pool (campaign_id, org_unit_id, track, allocated)"
            + " VALUES (#{campaign}, #{unit}, #{track}, 0) ON CONFLICT (campaign_id, org_unit_id, track) DO NOTHING");
    private static final Sql.Query<QuotaPoolEntity> LOCK_ONE = Sql.query("SELECT " + COLUMNS + " FROM quota_pool"
            + " WHERE campaign_id = #{campaign} AND org_unit_id = #{unit} AND track = #{track} FOR UPDATE", QuotaPoolRepository::row);
    private static final Sql.Query<QuotaPoolEntity> RESIZE = Sql.query("UPDATE quota_pool SET allocated = #{allocated}"
            + " WHERE id = #{pool} AND approved <= #{allocated} RETURNING " + COLUMNS, QuotaPoolRepository::row);

    /**
     * Sets a pool's size, creating the pool (at 0) first if needed; null when {@code allocated} is below
     * what the pool has approved (QUOTA_BELOW_APPROVED). Writes an ALLOCATE ledger row.
     */
    Uni<QuotaPoolEntity> allocate(long campaignId, long orgUnitId, Track track, int allocated, String actorSubject) {
        var key = Sql.params("campaign", campaignId, "unit", orgUnitId, "track", track);
        return CREATE_EMPTY.execute(key).flatMap(ignored -> LOCK_ONE.oneOrNull(key))
                .flatMap(before -> RESIZE.oneOrNull(Sql.params("pool", before.id, "allocated", allocated))
                        .flatMap(after -> ledger(after, after == null ? 0 : after.allocated - before.allocated, LedgerReason.ALLOCATE, null,
                                actorSubject)));
    }

    private static final Sql.Query<Long> LOCK = Sql.query("SELECT id FROM quota_pool WHERE id = #{pool} FOR UPDATE", r -> r.getLong("id"));
    private static final Sql.Query<QuotaPoolEntity> SHIFT = Sql.query("UPDATE quota_pool SET allocated = allocated + #{delta}"
            + " WHERE id = #{pool} AND allocated + #{delta} >= approved RETURNING " + COLUMNS, QuotaPoolRepository::row);

    /**
     * Moves {@code places} from one pool to another, both rows locked lower id first so that
     * transfers crossing each other cannot deadlock; null when the source would drop below its approved
     * count (QUOTA_BELOW_APPROVED). Returns [from, to] and writes TRANSFER_OUT and TRANSFER_IN rows.
     */
    Uni<List<QuotaPoolEntity>> transfer(long fromPoolId, long toPoolId, int places, String actorSubject) {
        return LOCK.list(Sql.params("pool", Math.min(fromPoolId, toPoolId)))
                .flatMap(ignored -> LOCK.list(Sql.params("pool", Math.max(fromPoolId, toPoolId))))
                .flatMap(ignored -> shift(fromPoolId, -places, LedgerReason.TRANSFER_OUT, actorSubject))
                .flatMap(from -> from == null ? Uni.createFrom().<List<QuotaPoolEntity>>nullItem()
                        : shift(toPoolId, places, LedgerReason.TRANSFER_IN, actorSubject).map(to -> List.of(from, to)));
    }

    private Uni<QuotaPoolEntity> shift(long poolId, int delta, LedgerReason reason, String actorSubject) {
        return SHIFT.oneOrNull(Sql.params("pool", poolId, "delta", delta)).flatMap(pool -> ledger(pool, delta, reason, null, actorSubject));
    }

    private static final Sql.Update LEDGER = Sql.update("INSERT INTO quota_ledger (pool_id, delta, allocated_after, approved_after,"
            + " reason, application_id, actor_subject) VALUES (#{pool}, #{delta}, #{allocated}, #{approved}, #{reason}, #{application}, #{actor})");

    /**
     * Appends the ledger row for a change that happened ({@code pool} not null) and passes the pool on.
     * Subscribers hear of the new figures from the database itself (V5 trigger, on commit).
     */
    private Uni<QuotaPoolEntity> ledger(QuotaPoolEntity pool, int delta, LedgerReason reason, Long applicationId, String actorSubject) {
        if (pool == null) {
            return Uni.createFrom().nullItem();
        }
        return LEDGER.execute(Sql.params("pool", pool.id, "delta", delta, "allocated", pool.allocated, "approved", pool.approved,
                "reason", reason, "application", applicationId, "actor", actorSubject)).replaceWith(pool);
    }
}
