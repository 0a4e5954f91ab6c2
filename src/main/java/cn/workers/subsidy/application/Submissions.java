package cn.workers.subsidy.application;

import cn.workers.subsidy.campaign.Campaign;
import cn.workers.subsidy.campaign.CampaignService;
import cn.workers.subsidy.common.Ids;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.common.error.Validation;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.course.Course;
import cn.workers.subsidy.course.CourseEntity;
import cn.workers.subsidy.course.CourseService;
import cn.workers.subsidy.worker.WorkerEntity;
import cn.workers.subsidy.worker.WorkerService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A worker submits an application, or resubmits a returned one; every eligibility rule is checked here. */
@ApplicationScoped
public class Submissions {

    private final WorkerService workers;
    private final CampaignService campaigns;
    private final CourseService courses;
    private final SubmissionFactsRepository facts;
    private final ApplicationRepository applications;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private final Validation validation;

    Submissions(WorkerService workers, CampaignService campaigns, CourseService courses, SubmissionFactsRepository facts,
            ApplicationRepository applications, Lifecycle lifecycle, Clock clock, Validation validation) {
        this.workers = workers;
        this.campaigns = campaigns;
        this.courses = courses;
        this.facts = facts;
        this.applications = applications;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.validation = validation;
    }

    /**
     * Submits; the same worker sending the same clientRequestId again gets the same application back.
     * Three statements: the facts, the application with its history entry, the commit (the database
     * announces the new application itself).
     */
    @WithTransaction
    public Uni<Application> submit(Caller caller, SubmitApplicationInput in) {
        String requestId = validation.check(in).clientRequestId().strip();
        long campaignId = Ids.parse(in.campaignId(), "campaign");
        long courseId = Ids.parse(in.courseId(), "course");
        return facts.load(caller.subject(), campaignId, courseId, requestId).flatMap(f -> {
            if (f == null) {
                return missing(caller, campaignId, courseId);
            }
            if (f.sameRequest() != null) {
                return applications.findById(f.sameRequest()).map(Application::of);
            }
            int subsidy = judge(f, false);
            ApplicationEntity a = new ApplicationEntity();
            a.workerId = f.worker().id;
            a.campaignId = campaignId;
            a.clientRequestId = requestId;
            a.orgUnitId = f.unit().id;
            a.orgPath = f.unit().path;
            setCourse(a, f.worker(), f.course(), subsidy);
            return lifecycle.submit(a, f.campaign().firstStage(), caller)
                    .map(saved -> Application.of(saved).withLoaded(Campaign.of(f.campaign()), Course.of(f.course(), f.academy())));
        });
    }

    /** The application an earlier identical request created: the answer to a replay that lost the race. */
    @WithSession
    public Uni<Application> replay(Caller caller, SubmitApplicationInput in) {
        return profile(caller).flatMap(worker -> applications.findByClientRequest(worker.id, in.clientRequestId().strip()))
                .map(existing -> {
                    if (existing == null) {
                        throw new DomainException(ErrorCode.DUPLICATE_APPLICATION, "the worker already has a live application in this campaign");
                    }
                    return Application.of(existing);
                });
    }

    /** Resubmits a RETURNED application, optionally for another course of the same campaign, rechecking eligibility. */
    @WithTransaction
    public Uni<Application> resubmit(Caller caller, long id, int expectedVersion, String newCourseId) {
        Long courseId = newCourseId == null ? null : Ids.parse(newCourseId, "course");
        return profile(caller).flatMap(worker -> lifecycle.lock(id, expectedVersion, a -> a.workerId.equals(worker.id))
                .flatMap(app -> {
                    long course = courseId == null ? app.courseId : courseId;
                    return facts.load(caller.subject(), app.campaignId, course, null).flatMap(f -> {
                        if (f == null) {
                            return missing(caller, app.campaignId, course);
                        }
                        setCourse(app, f.worker(), f.course(), judge(f, true));
                        return lifecycle.resubmit(app, f.campaign().firstStage(), caller);
                    });
                })).map(Application::of);
    }

    private Uni<WorkerEntity> profile(Caller caller) {
        return workers.findBySubject(caller.subject()).map(w -> {
            if (w == null) {
                throw new DomainException(ErrorCode.PROFILE_INCOMPLETE, "complete your worker profile (updateMyProfile) first");
            }
            return w;
        });
    }

    /** Why no facts were found: no profile (PROFILE_INCOMPLETE), or no such campaign or course (NOT_FOUND). */
    private <T> Uni<T> missing(Caller caller, long campaignId, long courseId) {
        return profile(caller).flatMap(worker -> campaigns.findById(campaignId)).flatMap(campaign -> {
            if (campaign == null) {
                throw DomainException.notFound("campaign " + campaignId);
            }
            return courses.findById(courseId);
        }).map(course -> {
            if (course == null) {
                throw DomainException.notFound("course " + courseId);
            }
            throw new IllegalStateException("no submission facts for an existing worker, campaign " + campaignId + " and course " + courseId);
        });
    }

    /**
     * Every eligibility rule, in the order a worker can act on them; the subsidy the application would
     * get. A resubmission is itself the worker's live application in the campaign, so that rule is skipped.
     */
    private int judge(SubmissionFacts f, boolean resubmission) {
        Eligibility.check(f.worker(), f.campaign(), f.course(), OffsetDateTime.now(clock), LocalDate.now(clock));
        if (f.standardFen() == null) {
            throw new DomainException(ErrorCode.COURSE_MISMATCH, "the campaign sets no subsidy for this course's level", "courseId");
        }
        if (!resubmission && f.liveInCampaign() > 0) {
            throw new DomainException(ErrorCode.DUPLICATE_APPLICATION, "the worker already has a live application in this campaign");
        }
        if (f.completedAtLevel() > 0) {
            throw new DomainException(ErrorCode.ALREADY_SUBSIDIZED, "the worker was already subsidised for " + f.course().targetLevel.label());
        }
        return Eligibility.subsidy(f.standardFen(), f.course().tuitionFen);
    }

    private static void setCourse(ApplicationEntity a, WorkerEntity worker, CourseEntity course, int subsidy) {
        a.courseId = course.id;
        a.academyId = course.academyId;
        a.track = course.track;
        a.fromLevel = Eligibility.currentLevel(worker, course.track);
        a.targetLevel = course.targetLevel;
        a.subsidyFen = subsidy;
    }
}
