package cn.workers.subsidy.review;

import cn.workers.subsidy.application.Application;
import cn.workers.subsidy.application.ApplicationConfig;
import cn.workers.subsidy.application.ApplicationEntity;
import cn.workers.subsidy.application.ApplicationQueries;
import cn.workers.subsidy.application.Lifecycle;
import cn.workers.subsidy.campaign.Campaign;
import cn.workers.subsidy.campaign.CampaignService;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.common.error.Inputs;
import cn.workers.subsidy.common.paging.Connection;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.org.OrgUnitService;
import cn.workers.subsidy.vocabulary.ReviewStage;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Union reviewers work their queue stage by stage. What only review knows is checked here (the
 * reviewer's subtree, stage and union); the transition itself, with the quota place at the final
 * approval, is the life cycle's.
 */
@ApplicationScoped
public class ReviewService {

    private final OrgUnitService orgUnits;
    private final CampaignService campaigns;
    private final ApplicationQueries applications;
    private final Lifecycle lifecycle;
    private final ApplicationConfig config;

    ReviewService(OrgUnitService orgUnits, CampaignService campaigns, ApplicationQueries applications, Lifecycle lifecycle,
            ApplicationConfig config) {
        this.orgUnits = orgUnits;
        this.campaigns = campaigns;
        this.applications = applications;
        this.lifecycle = lifecycle;
        this.config = config;
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
        String note = Inputs.comment("comment", comment, config.maxComment());
        return reviewer(caller).flatMap(r -> lockAtMyStage(r, id, expectedVersion)).flatMap(app -> campaigns.require(app.campaignId)
                // the campaign read here answers the case's campaign field too
                .flatMap(campaign -> lifecycle.approve(app, campaign, caller, note).map(a -> Application.of(a).withLoaded(Campaign.of(campaign), null))));
    }

    @WithTransaction
    public Uni<Application> sendBack(Caller caller, long id, int expectedVersion, String reason) {
        String why = Inputs.text("reason", reason, config.maxComment());
        return reviewer(caller).flatMap(r -> lockAtMyStage(r, id, expectedVersion))
                .flatMap(app -> lifecycle.sendBack(app, caller, why)).map(Application::of);
    }

    @WithTransaction
    public Uni<Application> reject(Caller caller, long id, int expectedVersion, String reason) {
        String why = Inputs.text("reason", reason, config.maxComment());
        return reviewer(caller).flatMap(r -> lockAtMyStage(r, id, expectedVersion))
                .flatMap(app -> lifecycle.reject(app, caller, why)).map(Application::of);
    }

    /**
     * Locks a case in the reviewer's subtree (NOT_FOUND otherwise), at the expected version, waiting at
     * the reviewer's own stage and union (ILLEGAL_TRANSITION otherwise: a case that waits nowhere, or
     * elsewhere, is not this reviewer's to decide).
     */
    private Uni<ApplicationEntity> lockAtMyStage(Reviewer r, long id, int expectedVersion) {
        return lifecycle.lock(id, expectedVersion, a -> r.inScope(a.orgPath)).map(app -> {
            if (app.currentStage != r.stage() || !r.unit().id.equals(app.stageUnitId)) {
                throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, app.currentStage == null
                        ? "cannot decide an application that is " + app.status
                        : "the case waits at the " + app.currentStage + " stage, which is not this reviewer's");
            }
            return app;
        });
    }

    private Uni<Reviewer> reviewer(Caller caller) {
        return orgUnits.scopeOf(caller).map(unit -> new Reviewer(caller, unit));
    }
}
