package cn.workers.subsidy.application;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.access.Viewer;
import cn.workers.subsidy.worker.WorkerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reading applications: a worker's own list, and one application for anyone entitled to it. */
@ApplicationScoped
public class ApplicationQueries {

    private final ApplicationRepository applications;
    private final WorkerRepository workers;

    ApplicationQueries(ApplicationRepository applications, WorkerRepository workers) {
        this.applications = applications;
        this.workers = workers;
    }

    @WithSession
    public Uni<List<Application>> mine(Caller caller) {
        return workers.findBySubject(caller.subject()).flatMap(w -> w == null ? Uni.createFrom().item(List.<ApplicationEntity>of())
                : applications.forWorker(w.id)).map(list -> list.stream().map(Application::of).toList());
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
}
