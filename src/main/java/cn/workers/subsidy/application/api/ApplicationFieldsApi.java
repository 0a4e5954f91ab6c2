package cn.workers.subsidy.application.api;

import cn.workers.subsidy.access.Viewers;
import cn.workers.subsidy.application.Application;
import cn.workers.subsidy.application.ApplicationQueries;
import cn.workers.subsidy.application.HistoryEntry;
import cn.workers.subsidy.campaign.Campaign;
import cn.workers.subsidy.campaign.CampaignService;
import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.course.Course;
import cn.workers.subsidy.course.CourseService;
import cn.workers.subsidy.disbursement.Disbursement;
import cn.workers.subsidy.disbursement.DisbursementService;
import cn.workers.subsidy.worker.Worker;
import cn.workers.subsidy.worker.WorkerService;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The related objects of an application, each loaded for a whole list of applications at once
 * (one query per field, whatever the page size, in a session of its own) and shown as the viewer may
 * see them. Fields that features above this one add to Application (its enrollment, its documents)
 * are resolved in those features' api packages.
 */
@GraphQLApi
public class ApplicationFieldsApi {

    private final Viewers viewers;
    private final Reads reads;
    private final WorkerService workers;
    private final CampaignService campaigns;
    private final CourseService courses;
    private final DisbursementService disbursements;
    private final ApplicationQueries queries;

    ApplicationFieldsApi(Viewers viewers, Reads reads, WorkerService workers, CampaignService campaigns, CourseService courses,
            DisbursementService disbursements, ApplicationQueries queries) {
        this.viewers = viewers;
        this.reads = reads;
        this.workers = workers;
        this.campaigns = campaigns;
        this.courses = courses;
        this.disbursements = disbursements;
        this.queries = queries;
    }

    /** The applicant: full phone and ID number only for the owner and the academy of the approved course. */
    public Uni<List<@NonNull Worker>> worker(@Source List<Application> applications) {
        return viewers.current().flatMap(viewer -> reads.inSession(() -> workers.load(applications.stream().map(Application::workerId).toList()))
                .map(byId -> applications.stream().map(a -> {
                    WorkerService.Loaded w = byId.get(a.workerId());
                    return viewer.seesPersonalData(a.workerId(), a.academyId(), a.approvedOnce()) ? w.full() : w.masked();
                }).toList()));
    }

    public Uni<List<@NonNull Campaign>> campaign(@Source List<Application> applications) {
        Set<Long> ids = applications.stream().map(Application::campaignId).collect(Collectors.toSet());
        return reads.inSession(() -> campaigns.findByIds(ids)).map(rows -> {
            Map<Long, Campaign> byId = rows.stream().collect(Collectors.toMap(c -> c.id, Campaign::of));
            return applications.stream().map(a -> byId.get(a.campaignId())).toList();
        });
    }

    public Uni<List<@NonNull Course>> course(@Source List<Application> applications) {
        Set<Long> ids = applications.stream().map(Application::courseId).collect(Collectors.toSet());
        return reads.inSession(() -> courses.findByIds(ids)).map(rows -> {
            Map<Long, Course> byId = rows.stream().collect(Collectors.toMap(c -> c.id, Course::of));
            return applications.stream().map(a -> byId.get(a.courseId())).toList();
        });
    }

    /** The instalments, enrollment share first. */
    public Uni<List<@NonNull List<@NonNull Disbursement>>> disbursements(@Source List<Application> applications) {
        List<Long> ids = applications.stream().map(Application::key).toList();
        return reads.inSession(() -> disbursements.forApplications(ids)).map(rows -> {
            Map<Long, List<Disbursement>> byApp = rows.stream().collect(Collectors.groupingBy(d -> d.applicationId,
                    Collectors.mapping(Disbursement::of, Collectors.toList())));
            return applications.stream().map(a -> byApp.getOrDefault(a.key(), List.of())).toList();
        });
    }

    /** Every transition, oldest first. */
    public Uni<List<@NonNull List<@NonNull HistoryEntry>>> history(@Source List<Application> applications) {
        return reads.inSession(() -> queries.history(applications.stream().map(Application::key).toList())).map(rows -> {
            Map<Long, List<HistoryEntry>> byApp = rows.stream().collect(Collectors.groupingBy(h -> h.applicationId,
                    Collectors.mapping(HistoryEntry::of, Collectors.toList())));
            return applications.stream().map(a -> byApp.getOrDefault(a.key(), List.of())).toList();
        });
    }
}
