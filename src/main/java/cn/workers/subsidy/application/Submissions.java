package cn.workers.subsidy.application;

import cn.workers.subsidy.common.Ids;
import cn.workers.subsidy.campaign.CampaignEntity;
import cn.workers.subsidy.campaign.CampaignRepository;
import cn.workers.subsidy.campaign.SubsidyStandardRepository;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.common.error.Inputs;
import cn.workers.subsidy.course.CourseEntity;
import cn.workers.subsidy.course.CourseRepository;
import cn.workers.subsidy.org.OrgPaths;
import cn.workers.subsidy.org.OrgUnitRepository;
import cn.workers.subsidy.review.ReviewStage;
import cn.workers.subsidy.security.Caller;
import cn.workers.subsidy.worker.WorkerEntity;
import cn.workers.subsidy.worker.WorkerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A worker submits an application, or resubmits a returned one; every eligibility rule is checked here. */
@ApplicationScoped
public class Submissions {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final WorkerRepository workers;
    private final CampaignRepository campaigns;
    private final CourseRepository courses;
    private final SubsidyStandardRepository standards;
    private final ApplicationRepository applications;
    private final HistoryRepository history;
    private final OrgUnitRepository orgUnits;
    private final Transitions transitions;
    private final ApplicationEvents events;

    Submissions(WorkerRepository workers, CampaignRepository campaigns, CourseRepository courses, SubsidyStandardRepository standards,
            ApplicationRepository applications, HistoryRepository history, OrgUnitRepository orgUnits, Transitions transitions,
            ApplicationEvents events) {
        this.workers = workers;
        this.campaigns = campaigns;
        this.courses = courses;
        this.standards = standards;
        this.applications = applications;
        this.history = history;
        this.orgUnits = orgUnits;
        this.transitions = transitions;
        this.events = events;
    }

    /** Submits; the same worker sending the same clientRequestId again gets the same application back. */
    @WithTransaction
    public Uni<Application> submit(Caller caller, SubmitApplicationInput in) {
        String requestId = Inputs.text("clientRequestId", in.clientRequestId(), 100);
        long campaignId = Ids.parse(in.campaignId(), "campaign");
        long courseId = Ids.parse(in.courseId(), "course");
        return profile(caller).flatMap(worker -> applications.findByClientRequest(worker.id, requestId).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(Application.of(existing));
            }
            return campaignAndCourse(campaignId, courseId).flatMap(cc -> eligible(worker, cc.campaign(), cc.course(), null)
                    .flatMap(subsidy -> orgUnits.findById(worker.orgUnitId).flatMap(unit -> {
                        ApplicationEntity a = new ApplicationEntity();
                        a.workerId = worker.id;
                        a.campaignId = campaignId;
                        a.clientRequestId = requestId;
                        a.status = ApplicationStatus.SUBMITTED;
                        a.version = 1;
                        a.orgUnitId = unit.id;
                        a.orgPath = unit.path;
                        a.submittedAt = OffsetDateTime.now();
                        a.updatedAt = a.submittedAt;
                        setCourse(a, worker, cc.course(), subsidy);
                        ReviewStage first = cc.campaign().firstStage();
                        a.currentStage = first;
                        a.stageUnitId = OrgPaths.ancestorAt(unit.path, first.depth());
                        return applications.persistAndFlush(a).flatMap(applications::stamped)
                                .flatMap(saved -> history.append(saved.id, caller.subject(), Action.SUBMIT.role(), Action.SUBMIT, null,
                                        ApplicationStatus.SUBMITTED, null))
                                .flatMap(h -> events.changed(a))
                                .replaceWith(() -> Application.of(a));
                    })));
        }));
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
        return profile(caller).flatMap(worker -> transitions.lockForChange(id, expectedVersion, a -> a.workerId.equals(worker.id))
                .flatMap(app -> {
                    StateMachine.next(app.status, Action.RESUBMIT, false);
                    return campaignAndCourse(app.campaignId, courseId == null ? app.courseId : courseId)
                            .flatMap(cc -> eligible(worker, cc.campaign(), cc.course(), app.id).flatMap(subsidy -> {
                                setCourse(app, worker, cc.course(), subsidy);
                                ReviewStage first = cc.campaign().firstStage();
                                return transitions.apply(app, Action.RESUBMIT, ApplicationStatus.SUBMITTED, first,
                                        OrgPaths.ancestorAt(app.orgPath, first.depth()), caller, null);
                            }));
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

    record CampaignAndCourse(CampaignEntity campaign, CourseEntity course) {
    }

    private Uni<CampaignAndCourse> campaignAndCourse(long campaignId, long courseId) {
        return campaigns.findById(campaignId).flatMap(campaign -> {
            if (campaign == null) {
                throw DomainException.notFound("campaign " + campaignId);
            }
            return courses.findById(courseId).map(course -> {
                if (course == null) {
                    throw DomainException.notFound("course " + courseId);
                }
                return new CampaignAndCourse(campaign, course);
            });
        });
    }

    /** All eligibility checks; the subsidy the application would get. {@code self} is the application being resubmitted. */
    private Uni<Integer> eligible(WorkerEntity worker, CampaignEntity campaign, CourseEntity course, Long self) {
        Eligibility.check(worker, campaign, course, OffsetDateTime.now(), LocalDate.now(CHINA));
        return standards.find(campaign.id, course.targetLevel).flatMap(standard -> {
            if (standard == null) {
                throw new DomainException(ErrorCode.COURSE_MISMATCH, "the campaign sets no subsidy for this course's level", "courseId");
            }
            Uni<Long> live = self != null ? Uni.createFrom().item(0L)
                    : applications.count("workerId = ?1 and campaignId = ?2 and status not in ?3", worker.id, campaign.id,
                            ApplicationStatus.ENDED);
            return live.flatMap(n -> {
                if (n > 0) {
                    throw new DomainException(ErrorCode.DUPLICATE_APPLICATION, "the worker already has a live application in this campaign");
                }
                return applications.count("workerId = ?1 and targetLevel = ?2 and status = ?3", worker.id, course.targetLevel,
                        ApplicationStatus.COMPLETED);
            }).map(done -> {
                if (done > 0) {
                    throw new DomainException(ErrorCode.ALREADY_SUBSIDIZED, "the worker was already subsidised for " + course.targetLevel.label());
                }
                return Eligibility.subsidy(standard.maxSubsidyFen, course.tuitionFen);
            });
        });
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
