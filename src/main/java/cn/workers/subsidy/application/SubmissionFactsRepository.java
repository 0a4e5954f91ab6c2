package cn.workers.subsidy.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one read of a submission (see {@link SubmissionFacts}): a single round trip instead of one per
 * entity and check. HQL, so that Hibernate reuses the query's plan (native selects are planned anew
 * on every call). No row when the worker has no profile or the campaign or course does not exist:
 * the caller then finds out which, with the precise error.
 */
@ApplicationScoped
public class SubmissionFactsRepository {

    private static final String FACTS = """
            select w, c, co, ac, o,
                (select s.maxSubsidyFen from SubsidyStandardEntity s where s.key.campaignId = c.id and s.key.level = co.targetLevel),
                (select max(a.id) from ApplicationEntity a where a.workerId = w.id and a.clientRequestId = ?4),
                (select count(a) from ApplicationEntity a where a.workerId = w.id and a.campaignId = c.id
                    and a.status not in (cn.workers.subsidy.vocabulary.ApplicationStatus.REJECTED,
                        cn.workers.subsidy.vocabulary.ApplicationStatus.WITHDRAWN, cn.workers.subsidy.vocabulary.ApplicationStatus.CANCELLED)),
                (select count(a) from ApplicationEntity a where a.workerId = w.id and a.targetLevel = co.targetLevel
                    and a.status = cn.workers.subsidy.vocabulary.ApplicationStatus.COMPLETED)
            from WorkerEntity w, CampaignEntity c, CourseEntity co, AcademyEntity ac, OrgUnitEntity o
            where w.subject = ?1 and c.id = ?2 and co.id = ?3 and ac.id = co.academyId and o.id = w.orgUnitId""";

    /** The facts, or null when the worker, the campaign or the course is missing. Runs in the caller's session. */
    public Uni<SubmissionFacts> load(String subject, long campaignId, long courseId, String clientRequestId) {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(FACTS, Object[].class).setParameter(1, subject)
                .setParameter(2, campaignId).setParameter(3, courseId).setParameter(4, clientRequestId).getSingleResultOrNull())
                .map(row -> row == null ? null : SubmissionFacts.of(row));
    }
}
