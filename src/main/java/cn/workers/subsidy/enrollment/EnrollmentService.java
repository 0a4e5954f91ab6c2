package cn.workers.subsidy.enrollment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Enrollment records as other parts of the API read them. In the caller's session. */
@ApplicationScoped
public class EnrollmentService {

    private final EnrollmentRepository enrollments;

    EnrollmentService(EnrollmentRepository enrollments) {
        this.enrollments = enrollments;
    }

    /** The enrollment of each application, in the order given (null where there is none): one query. */
    public Uni<List<Enrollment>> ofApplications(List<Long> applicationIds) {
        return enrollments.forApplications(applicationIds).map(rows -> {
            Map<Long, EnrollmentEntity> byApp = rows.stream().collect(Collectors.toMap(e -> e.applicationId, e -> e));
            return applicationIds.stream().map(id -> Enrollment.of(byApp.get(id))).toList();
        });
    }
}
