package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.academy.AcademyService;
import cn.workers.subsidy.application.Application;
import cn.workers.subsidy.application.ApplicationQueries;
import cn.workers.subsidy.common.paging.Connection;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

/**
 * The pull side of academy synchronisation: the calling academy's applications that were ever
 * approved (APPROVED or later, CANCELLED and WITHDRAWN after approval included), in (updatedAt, id)
 * order, up to the sync horizon minus a margin. Below that horizon the order is final: no
 * transaction still running can commit a row that sorts before a row already handed out, so an
 * academy that resumes from its last cursor never misses or repeats a change.
 */
@ApplicationScoped
public class AcademyFeed {

    private final AcademyService academies;
    private final ApplicationQueries applications;
    private final SyncConfig config;

    AcademyFeed(AcademyService academies, ApplicationQueries applications, SyncConfig config) {
        this.academies = academies;
        this.applications = applications;
        this.config = config;
    }

    @WithSession
    public Uni<Connection<Application>> page(Caller caller, OffsetDateTime updatedSince, PageRequest page) {
        return academies.callingAcademy(caller).flatMap(academy -> applications.academyPage(academy.id, updatedSince,
                        config.horizonMargin(), page))
                .map(rows -> Connection.of(rows, page, null, a -> PageRequest.encode(a.updatedAt, a.id), Application::of));
    }
}
