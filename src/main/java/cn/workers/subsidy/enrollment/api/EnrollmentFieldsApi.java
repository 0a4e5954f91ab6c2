package cn.workers.subsidy.enrollment.api;

import cn.workers.subsidy.application.Application;
import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.enrollment.Enrollment;
import cn.workers.subsidy.enrollment.EnrollmentService;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

/** Application.enrollment: the academy's record of many applications in one query (null where there is none). */
@GraphQLApi
public class EnrollmentFieldsApi {

    private final Reads reads;
    private final EnrollmentService enrollments;

    EnrollmentFieldsApi(Reads reads, EnrollmentService enrollments) {
        this.reads = reads;
        this.enrollments = enrollments;
    }

    public Uni<List<Enrollment>> enrollment(@Source List<Application> applications) {
        List<Long> ids = applications.stream().map(Application::key).toList();
        return reads.inSession(() -> enrollments.ofApplications(ids));
    }
}
