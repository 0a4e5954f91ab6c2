package cn.workers.subsidy.application;

import cn.workers.subsidy.access.Viewer;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.vocabulary.ReviewStage;
import cn.workers.subsidy.worker.WorkerService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Reading applications: a worker's own list, one application for anyone entitled to it, and the
 * reads other features build on (the review queue, an academy's feed, cases by id, their history).
 * Methods without a session annotation run in the caller's session.
 */
@ApplicationScoped
public class ApplicationQueries {

    private final ApplicationRepository applications;
    private final HistoryRepository history;
    private final WorkerService workers;

    ApplicationQueries(ApplicationRepository applications, HistoryRepository history, WorkerService workers) {
        this.applications = applications;
        this.history = history;
        this.workers = workers;
    }

    @WithSession
    public Uni<List<Application>> mine(Caller caller) {
        return workers.idOf(caller.subject()).flatMap(id -> id == null ? Uni.createFrom().item(List.<ApplicationEntity>of())
                : applications.forWorker(id)).map(list -> list.stream().map(Application::of).toList());
    }

    /** NOT_FOUND both when it does not exist and when the viewer may not know it exists. */
    @WithSession
    public Uni<Application> one(Viewer viewer, long id) {
        return applications.findById(id).map(a -> {
            if (a == null || !viewer.canSee(a.workerId, a.orgPath, a.academyId, a.approvedAt != null)) {
                throw DomainException.notFound("application " + id);
            }
            return Application.of(a);
        });
    }

    /** The application as stored now, or null. */
    public Uni<Application> current(long id) {
        return applications.findById(id).map(a -> a == null ? null : Application.of(a));
    }

    /** Applications by id; missing ids are left out. */
    public Uni<List<ApplicationEntity>> byIds(Collection<Long> ids) {
        return applications.findByIds(ids);
    }

    /** The history of many applications, oldest first. */
    public Uni<List<HistoryEntity>> history(Collection<Long> applicationIds) {
        return history.forApplications(applicationIds);
    }

    /** A page of the cases waiting at one stage unit, and how many wait there in all. */
    public Uni<List<ApplicationEntity>> queuePage(long campaignId, ReviewStage stage, long stageUnitId, PageRequest page) {
        return applications.queuePage(campaignId, stage, stageUnitId, page);
    }

    public Uni<Long> queueCount(long campaignId, ReviewStage stage, long stageUnitId) {
        return applications.queueCount(campaignId, stage, stageUnitId);
    }

    /**
     * A page of an academy's ever-approved applications in (updated_at, id) order, changed at or after
     * {@code since}, below the sync horizon minus {@code margin} (see {@link ApplicationRepository#syncHorizon}).
     */
    public Uni<List<ApplicationEntity>> academyPage(long academyId, OffsetDateTime since, java.time.Duration margin, PageRequest page) {
        return applications.syncHorizon().flatMap(horizon -> applications.academyPage(academyId, since, horizon.minus(margin), page));
    }
}
