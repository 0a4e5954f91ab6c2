package cn.workers.subsidy.application.api;

import cn.workers.subsidy.campaign.Campaign;
import cn.workers.subsidy.campaign.CampaignEntity;
import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.course.Course;
import cn.workers.subsidy.course.CourseEntity;
import cn.workers.subsidy.disbursement.Disbursement;
import cn.workers.subsidy.disbursement.DisbursementEntity;
import cn.workers.subsidy.enrollment.Enrollment;
import cn.workers.subsidy.enrollment.EnrollmentEntity;
import cn.workers.subsidy.access.Viewers;
import cn.workers.subsidy.worker.Worker;
import cn.workers.subsidy.worker.WorkerLoader;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.workers.subsidy.application.HistoryEntry;
import cn.workers.subsidy.application.HistoryLoader;
import cn.workers.subsidy.application.Application;
/**
 * The related objects of an application, each loaded for a whole list of applications at once
 * (one query per field, whatever the page size) and shown as the viewer may see them.
 */
@GraphQLApi
public class ApplicationFieldsApi {

    private final Viewers viewers;
    private final WorkerLoader workerLoader;
    private final HistoryLoader historyLoader;

    private final Reads reads;

    ApplicationFieldsApi(Viewers viewers, WorkerLoader workerLoader, HistoryLoader historyLoader, Reads reads) {
        this.reads = reads;
        this.viewers = viewers;
        this.workerLoader = workerLoader;
        this.historyLoader = historyLoader;
    }

    /** The applicant: full phone and ID number only for the owner and the academy of the approved course. */
    public Uni<List<@NonNull Worker>> worker(@Source List<Application> applications) {
        return viewers.current().flatMap(viewer -> workerLoader.load(applications.stream().map(Application::workerId).toList())
                .map(byId -> applications.stream().map(a -> {
                    WorkerLoader.Loaded w = byId.get(a.workerId());
                    return viewer.seesPersonalData(a.workerId(), a.academyId(), a.approvedOnce()) ? w.full() : w.masked();
                }).toList()));
    }

    public Uni<List<@NonNull Campaign>> campaign(@Source List<Application> applications) {
        Set<Long> ids = applications.stream().map(Application::campaignId).collect(Collectors.toSet());
        return reads.read(s -> s.createQuery("from CampaignEntity where id in ?1", CampaignEntity.class).setParameter(1, ids).getResultList())
                .map(rows -> {
                    Map<Long, Campaign> byId = rows.stream().collect(Collectors.toMap(c -> c.id, Campaign::of));
                    return applications.stream().map(a -> byId.get(a.campaignId())).toList();
                });
    }

    public Uni<List<@NonNull Course>> course(@Source List<Application> applications) {
        Set<Long> ids = applications.stream().map(Application::courseId).collect(Collectors.toSet());
        return reads.read(s -> s.createQuery("from CourseEntity where id in ?1", CourseEntity.class).setParameter(1, ids).getResultList())
                .map(rows -> {
                    Map<Long, Course> byId = rows.stream().collect(Collectors.toMap(c -> c.id, Course::of));
                    return applications.stream().map(a -> byId.get(a.courseId())).toList();
                });
    }

    public Uni<List<Enrollment>> enrollment(@Source List<Application> applications) {
        List<Long> ids = applications.stream().map(Application::key).toList();
        return reads.read(s -> s.createQuery("from EnrollmentEntity where applicationId in ?1", EnrollmentEntity.class)
                .setParameter(1, ids).getResultList()).map(rows -> {
                    Map<Long, EnrollmentEntity> byApp = rows.stream().collect(Collectors.toMap(e -> e.applicationId, e -> e));
                    return applications.stream().map(a -> Enrollment.of(byApp.get(a.key()))).toList();
                });
    }

    /** The instalments, enrollment share first. */
    public Uni<List<@NonNull List<@NonNull Disbursement>>> disbursements(@Source List<Application> applications) {
        List<Long> ids = applications.stream().map(Application::key).toList();
        return reads.read(s -> s.createQuery("from DisbursementEntity where applicationId in ?1 order by id", DisbursementEntity.class)
                .setParameter(1, ids).getResultList()).map(rows -> {
                    Map<Long, List<Disbursement>> byApp = rows.stream().collect(Collectors.groupingBy(d -> d.applicationId,
                            Collectors.mapping(Disbursement::of, Collectors.toList())));
                    return applications.stream().map(a -> byApp.getOrDefault(a.key(), List.of())).toList();
                });
    }

    /** Every transition, oldest first. */
    public Uni<List<@NonNull List<@NonNull HistoryEntry>>> history(@Source List<Application> applications) {
        return historyLoader.load(applications.stream().map(Application::key).toList()).map(rows -> {
            Map<Long, List<HistoryEntry>> byApp = rows.stream().collect(Collectors.groupingBy(h -> h.applicationId,
                    Collectors.mapping(HistoryEntry::of, Collectors.toList())));
            List<List<HistoryEntry>> out = new ArrayList<>(applications.size());
            for (Application a : applications) {
                out.add(byApp.getOrDefault(a.key(), List.of()));
            }
            return out;
        });
    }
}
