package cn.workers.subsidy.quota;

import cn.workers.subsidy.common.paging.Paging;
import cn.workers.subsidy.common.error.Validation;
import cn.workers.subsidy.campaign.CampaignEntity;
import cn.workers.subsidy.campaign.CampaignService;
import cn.workers.subsidy.vocabulary.LedgerReason;
import cn.workers.subsidy.vocabulary.OrgPaths;
import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.common.Ids;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.common.paging.Connection;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.org.OrgUnitEntity;
import cn.workers.subsidy.org.OrgUnitService;
import cn.workers.subsidy.org.AdminScope;
import cn.workers.subsidy.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Quota pools: sized and moved by administrators (a province admin anywhere, any other admin between
 * pools inside their own subtree), read by anyone signed in.
 */
@ApplicationScoped
public class QuotaService {

    private final Paging paging;
    private final Validation validation;
    private final QuotaPoolRepository pools;
    private final QuotaLedgerRepository ledger;
    private final CampaignService campaigns;
    private final OrgUnitService orgUnits;
    private final AdminScope scope;

    QuotaService(QuotaPoolRepository pools, QuotaLedgerRepository ledger, CampaignService campaigns, OrgUnitService orgUnits,
            AdminScope scope, Validation validation, Paging paging) {
        this.paging = paging;
        this.validation = validation;
        this.pools = pools;
        this.ledger = ledger;
        this.campaigns = campaigns;
        this.orgUnits = orgUnits;
        this.scope = scope;
    }

    /** Creates or resizes the pool of a unit at the campaign's last review stage; never below its approved count. */
    @WithTransaction
    public Uni<QuotaPool> allocate(Caller caller, AllocateQuotaInput in) {
        validation.check(in);
        return scope.adminUnit(caller).flatMap(admin -> campaign(in.campaignId()).flatMap(campaign -> {
            requireFunded(campaign, in.track());
            return unit(in.orgUnitCode(), "orgUnitCode").flatMap(unit -> {
                AdminScope.requireCovers(admin, unit, "org unit " + unit.code);
                if (!campaign.lastStage().workedBy(unit.kind)) {
                    throw DomainException.validation("orgUnitCode", "this campaign's pools sit at the units of its last review stage, "
                            + campaign.lastStage() + ", not at a " + unit.kind);
                }
                return pools.allocate(campaign.id, unit.id, in.track(), in.allocated(), caller.subject());
            }).map(pool -> {
                if (pool == null) {
                    throw belowApproved("the pool has approved more than " + in.allocated() + " places");
                }
                return QuotaPool.of(pool);
            });
        }));
    }

    /** Moves places between two pools of one campaign and track, atomically; returns [from, to]. */
    @WithTransaction
    public Uni<List<QuotaPool>> transfer(Caller caller, TransferQuotaInput in) {
        validation.check(in);
        return scope.adminUnit(caller).flatMap(admin -> campaign(in.campaignId()).flatMap(campaign -> {
            if (in.fromOrgUnitCode().strip().equals(in.toOrgUnitCode().strip())) {
                throw DomainException.validation("toOrgUnitCode", "a transfer needs two different pools");
            }
            requireFunded(campaign, in.track());
            return unit(in.fromOrgUnitCode(), "fromOrgUnitCode").flatMap(from -> unit(in.toOrgUnitCode(), "toOrgUnitCode").flatMap(to -> {
                AdminScope.requireCovers(admin, from, "org unit " + from.code);
                AdminScope.requireCovers(admin, to, "org unit " + to.code);
                return pool(campaign, from, in, "fromOrgUnitCode").flatMap(fromPool -> pool(campaign, to, in, "toOrgUnitCode")
                        .flatMap(toPool -> pools.transfer(fromPool.id, toPool.id, in.places(), caller.subject())));
            })).map(moved -> {
                if (moved == null) {
                    throw belowApproved("the source pool cannot give " + in.places() + " places without dropping below its approved count");
                }
                return moved.stream().map(QuotaPool::of).toList();
            });
        }));
    }

    @WithSession
    public Uni<List<QuotaPool>> ofCampaign(String campaignId) {
        return campaign(campaignId).flatMap(c -> pools.ofCampaign(c.id)).map(list -> list.stream().map(QuotaPool::of).toList());
    }

    /** A pool's ledger, newest first, keyset-paged by entry id. */
    @WithSession
    public Uni<Connection<QuotaLedgerEntry>> ledger(String poolId, Integer first, String after) {
        return Uni.createFrom().item(() -> paging.request(first, after)).flatMap(page -> {
            long beforeId = page.hasCursor() ? page.longKey(0) : Long.MAX_VALUE;
            return pools.findById(Ids.parse(poolId, "quota pool")).flatMap(pool -> {
                if (pool == null) {
                    throw DomainException.notFound("quota pool");
                }
                return ledger.page(pool.id, beforeId, page.first() + 1)
                        .map(rows -> Connection.of(rows, page, null, e -> PageRequest.encode(e.id), QuotaLedgerEntry::of));
            });
        });
    }

    private Uni<CampaignEntity> campaign(String id) {
        return campaigns.require(id);
    }

    // ───────────── places: called by the application life cycle, in its transaction ─────────────

    /**
     * The pool that covers a worker's union for a campaign and track: of the units on {@code orgPath} (the
     * worker's union and its ancestors), the deepest with a pool; NO_QUOTA_POOL when none has one.
     */
    public Uni<Long> poolFor(long campaignId, Track track, String orgPath) {
        return poolCovering(campaignId, track, orgPath).map(pool -> {
            if (pool == null) {
                throw new DomainException(ErrorCode.NO_QUOTA_POOL, "no quota pool covers this worker's union for the " + track + " track");
            }
            return pool.id;
        });
    }

    /**
     * Takes a place of the pool for an application, with its ledger entry; QUOTA_EXHAUSTED when the pool is
     * full (the caller's transaction then fails and nothing of it stays).
     */
    public Uni<Void> takePlace(long poolId, long applicationId, String actor, LedgerReason reason) {
        return pools.takePlace(poolId, applicationId, actor, reason).map(taken -> {
            if (taken == null) {
                throw new DomainException(ErrorCode.QUOTA_EXHAUSTED, "the quota pool has no place left");
            }
            return null;
        });
    }

    /** Gives back the place an application held; a pool with nothing approved is a broken invariant. */
    public Uni<Void> givePlaceBack(long poolId, long applicationId, String actor, LedgerReason reason) {
        return pools.givePlaceBack(poolId, applicationId, actor, reason).map(pool -> {
            if (pool == null) {
                throw new IllegalStateException("pool " + poolId + " has no approved place to give back for application " + applicationId);
            }
            return null;
        });
    }

    /** The pool that covers a worker's union: the deepest unit on its path with a pool of this campaign and track; null when none. */
    Uni<QuotaPoolEntity> poolCovering(long campaignId, Track track, String orgPath) {
        List<Long> chain = OrgPaths.ids(orgPath);
        if (chain.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return pools.ofUnits(campaignId, track, chain).map(found -> {
            QuotaPoolEntity deepest = null;
            for (QuotaPoolEntity p : found) {
                if (deepest == null || chain.indexOf(p.orgUnitId) > chain.indexOf(deepest.orgUnitId)) {
                    deepest = p;
                }
            }
            return deepest;
        });
    }

    private Uni<OrgUnitEntity> unit(String code, String field) {
        return orgUnits.findByCode(code.strip()).map(u -> {
            if (u == null) {
                throw DomainException.validation(field, "unknown org unit " + code);
            }
            return u;
        });
    }

    private Uni<QuotaPoolEntity> pool(CampaignEntity campaign, OrgUnitEntity unit, TransferQuotaInput in, String field) {
        return pools.find(campaign.id, unit.id, in.track()).map(p -> {
            if (p == null) {
                throw new DomainException(ErrorCode.NO_QUOTA_POOL, "org unit " + unit.code + " has no " + in.track() + " pool in this campaign", field);
            }
            return p;
        });
    }

    private static void requireFunded(CampaignEntity campaign, Track track) {
        if (!campaign.tracks().contains(track)) {
            throw DomainException.validation("track", "the campaign does not fund the " + track + " track");
        }
    }

    private static DomainException belowApproved(String message) {
        return new DomainException(ErrorCode.QUOTA_BELOW_APPROVED, message);
    }
}
