package cn.workers.subsidy.review;

import cn.workers.subsidy.application.Action;
import cn.workers.subsidy.application.Application;
import cn.workers.subsidy.application.ApplicationEntity;
import cn.workers.subsidy.application.ApplicationRepository;
import cn.workers.subsidy.vocabulary.ApplicationStatus;
import cn.workers.subsidy.application.StateMachine;
import cn.workers.subsidy.application.Transitions;
import cn.workers.subsidy.campaign.Campaign;
import cn.workers.subsidy.campaign.CampaignEntity;
import cn.workers.subsidy.campaign.CampaignRepository;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.common.error.Inputs;
import cn.workers.subsidy.common.paging.Connection;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.vocabulary.OrgPaths;
import cn.workers.subsidy.org.OrgUnitRepository;
import cn.workers.subsidy.quota.QuotaPoolRepository;
import cn.workers.subsidy.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.ReviewStage;
/**
 * Union reviewers work their queue stage by stage. The final approval takes a quota place in the
 * same transaction that moves the case to APPROVED; if no place can be taken nothing changes.
 */
@ApplicationScoped
public class ReviewService {

    private final OrgUnitRepository orgUnits;
    private final CampaignRepository campaigns;
    private final ApplicationRepository applications;
    private final QuotaPoolRepository pools;
    private final Transitions transitions;

    ReviewService(OrgUnitRepository orgUnits, CampaignRepository campaigns, ApplicationRepository applications,
            QuotaPoolRepository pools, Transitions transitions) {
        this.orgUnits = orgUnits;
        this.campaigns = campaigns;
        this.applications = applications;
        this.pools = pools;
        this.transitions = transitions;
    }

    /** The cases waiting for the reviewer's union at {@code stage}; FORBIDDEN for a stage that is not theirs. */
    @WithSession
    public Uni<Connection<Application>> queue(Caller caller, long campaignId, ReviewStage stage, PageRequest page) {
        return reviewer(caller).flatMap(r -> {
            if (r.stage() != stage) {
                throw DomainException.forbidden("a reviewer at a " + r.unit().kind + " union works the " + r.stage() + " stage");
            }
            return applications.queuePage(campaignId, stage, r.unit().id, page)
                    .flatMap(rows -> applications.queueCount(campaignId, stage, r.unit().id)
                            .map(total -> Connection.of(rows, page, total.intValue(),
                                    a -> PageRequest.encode(a.submittedAt, a.id), Application::of)));
        });
    }

    @WithTransaction
    public Uni<Application> approve(Caller caller, long id, int expectedVersion, String comment) {
        String note = Inputs.comment("comment", comment, 2000);
        return reviewer(caller).flatMap(r -> lockAtMyStage(r, id, expectedVersion, Action.APPROVE).flatMap(app ->
                campaigns.findById(app.campaignId).flatMap(campaign -> {
                    ReviewStage next = campaign.stageAfter(app.currentStage);
                    Uni<ApplicationEntity> moved;
                    if (next != null) {
                        StateMachine.next(app.status, Action.APPROVE, false);
                        moved = transitions.apply(app, Action.APPROVE, ApplicationStatus.IN_REVIEW, next,
                                OrgPaths.ancestorAt(app.orgPath, next.depth()), caller, note);
                    } else {
                        moved = finalApproval(caller, campaign, app, note);
                    }
                    // the campaign read here answers the case's campaign field too
                    return moved.map(a -> Application.of(a).withLoaded(Campaign.of(campaign), null));
                })));
    }

    /**
     * The last stage's approval: the case moves to APPROVED holding a place of the pool that covers it. The
     * case is written first and the place taken last, so the pool's row lock (taken by the conditional
     * update, and what every final approval of that pool queues on) is held only for the ledger entry and
     * the commit. An exhausted pool fails the transaction, and the case's change is rolled back with it.
     */
    private Uni<ApplicationEntity> finalApproval(Caller caller, CampaignEntity campaign, ApplicationEntity app, String note) {
        ApplicationStatus to = StateMachine.next(app.status, Action.APPROVE, true);
        return pools.poolCovering(campaign.id, app.track, app.orgPath).flatMap(pool -> {
            if (pool == null) {
                throw new DomainException(ErrorCode.NO_QUOTA_POOL, "no quota pool covers this worker's union for the "
                        + app.track + " track");
            }
            app.quotaPoolId = pool.id;
            app.approvedAt = OffsetDateTime.now();
            return transitions.apply(app, Action.APPROVE, to, null, null, caller, note)
                    .flatMap(approved -> pools.takePlace(pool.id, app.id, caller.subject()))
                    .map(taken -> {
                        if (taken == null) {
                            throw new DomainException(ErrorCode.QUOTA_EXHAUSTED, "the quota pool has no place left");
                        }
                        return app;
                    });
        });
    }

    @WithTransaction
    public Uni<Application> sendBack(Caller caller, long id, int expectedVersion, String reason) {
        String why = Inputs.text("reason", reason, 2000);
        return reviewer(caller).flatMap(r -> lockAtMyStage(r, id, expectedVersion, Action.RETURN))
                .flatMap(app -> transitions.apply(app, Action.RETURN, StateMachine.next(app.status, Action.RETURN, false), null, null,
                        caller, why)).map(Application::of);
    }

    @WithTransaction
    public Uni<Application> reject(Caller caller, long id, int expectedVersion, String reason) {
        String why = Inputs.text("reason", reason, 2000);
        return reviewer(caller).flatMap(r -> lockAtMyStage(r, id, expectedVersion, Action.REJECT))
                .flatMap(app -> transitions.apply(app, Action.REJECT, StateMachine.next(app.status, Action.REJECT, false), null, null,
                        caller, why)).map(Application::of);
    }

    /**
     * Locks a case in the reviewer's subtree (NOT_FOUND otherwise), at the expected version, waiting
     * at the reviewer's own stage and union (ILLEGAL_TRANSITION otherwise).
     */
    private Uni<ApplicationEntity> lockAtMyStage(Reviewer r, long id, int expectedVersion, Action action) {
        return transitions.lockForChange(id, expectedVersion, a -> r.inScope(a.orgPath)).map(app -> {
            StateMachine.next(app.status, action, false);
            if (app.currentStage != r.stage() || !app.stageUnitId.equals(r.unit().id)) {
                throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, "the case waits at the " + app.currentStage
                        + " stage, which is not this reviewer's");
            }
            return app;
        });
    }

    private Uni<Reviewer> reviewer(Caller caller) {
        return orgUnits.scopeOf(caller).map(unit -> new Reviewer(caller, unit));
    }
}
