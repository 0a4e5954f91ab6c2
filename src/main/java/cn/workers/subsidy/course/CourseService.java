package cn.workers.subsidy.course;

import cn.workers.subsidy.common.paging.Paging;
import cn.workers.subsidy.common.error.Validation;
import cn.workers.subsidy.academy.AcademyEntity;
import cn.workers.subsidy.academy.AcademyService;
import cn.workers.subsidy.campaign.CampaignService;
import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.common.Ids;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.paging.Connection;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.org.AdminScope;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.vocabulary.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/** Courses: offered by admins and academies, listed to anyone signed in. */
@ApplicationScoped
public class CourseService {

    private final Paging paging;
    private final Validation validation;
    private final CourseRepository courses;
    private final CampaignService campaigns;
    private final AcademyService academies;
    private final AdminScope scope;

    CourseService(CourseRepository courses, CampaignService campaigns, AcademyService academies, AdminScope scope, Validation validation, Paging paging) {
        this.paging = paging;
        this.validation = validation;
        this.courses = courses;
        this.campaigns = campaigns;
        this.academies = academies;
        this.scope = scope;
    }

    @WithTransaction
    public Uni<Course> create(Caller caller, CourseInput in) {
        validation.check(in);
        return callerAcademy(caller)
                .flatMap(own -> campaigns.findById(Ids.parse(in.campaignId(), "campaign")).flatMap(campaign -> {
                    if (campaign == null) {
                        throw DomainException.notFound("campaign");
                    }
                    return academies.findByCode(in.academyCode() == null ? "" : in.academyCode().strip()).flatMap(academy -> {
                        if (academy == null) {
                            throw DomainException.validation("academyCode", "unknown academy " + in.academyCode());
                        }
                        CourseRules.requireMayOffer(caller, own, academy);
                        CourseEntity course = CourseRules.check(in, campaign, academy);
                        return courses.externalCodeTaken(academy.id, campaign.id, course.externalCode).flatMap(taken -> {
                            if (taken) {
                                throw DomainException.validation("externalCode",
                                        "the academy already has a course " + course.externalCode + " in this campaign");
                            }
                            return courses.persist(course).map(Course::of);
                        });
                    });
                }));
    }

    /** An admin needs a known org unit; an academy client needs a known academy (null for admins). */
    private Uni<AcademyEntity> callerAcademy(Caller caller) {
        if (caller.has(Roles.ADMIN)) {
            return scope.adminUnit(caller).map(unit -> (AcademyEntity) null);
        }
        return academies.callingAcademy(caller);
    }

    /** Courses by id; missing ids are left out. In the caller's session. */
    public Uni<List<CourseEntity>> findByIds(Collection<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : courses.list("id in ?1", ids);
    }

    /** The course, or null. In the caller's session. */
    public Uni<CourseEntity> findById(long id) {
        return courses.findById(id);
    }

    @WithSession
    public Uni<Connection<Course>> list(String campaignId, Track track, Level targetLevel, Integer first, String after) {
        return Uni.createFrom().item(() -> paging.request(first, after)).flatMap(page -> {
            long afterId = page.hasCursor() ? page.longKey(0) : 0;
            return campaigns.findById(Ids.parse(campaignId, "campaign")).flatMap(campaign -> {
                if (campaign == null) {
                    throw DomainException.notFound("campaign");
                }
                CourseRepository.Filter filter = new CourseRepository.Filter(campaign.id, track, targetLevel);
                return courses.count(filter).flatMap(total -> courses.page(filter, afterId, page.first() + 1)
                        .map(rows -> Connection.of(rows, page, total.intValue(), c -> PageRequest.encode(c.id), Course::of)));
            });
        });
    }
}
