package cn.workers.subsidy.application;

import cn.workers.subsidy.campaign.CampaignEntity;
import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.course.CourseEntity;
import cn.workers.subsidy.vocabulary.EmployerKind;
import cn.workers.subsidy.worker.WorkerEntity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;

/**
 * The eligibility rules of DESIGN.md that need no query: each failure its own contract code, checked
 * in the order a worker can act on them. The checks against other applications (one live
 * application, never subsidised twice) are the service's, with database constraints behind them.
 */
public final class Eligibility {

    private Eligibility() {
    }

    public static void check(WorkerEntity worker, CampaignEntity campaign, CourseEntity course, OffsetDateTime now, LocalDate today) {
        if (!campaign.acceptsApplications(now)) {
            throw new DomainException(ErrorCode.CAMPAIGN_NOT_OPEN, "the campaign is not open for applications now");
        }
        int age = Period.between(worker.birthDate, today).getYears();
        if (campaign.minAge != null && age < campaign.minAge || campaign.maxAge != null && age > campaign.maxAge) {
            throw new DomainException(ErrorCode.AGE_OUT_OF_RANGE, "the campaign is for workers aged "
                    + (campaign.minAge == null ? "" : campaign.minAge) + "–" + (campaign.maxAge == null ? "" : campaign.maxAge));
        }
        if (!worker.frontline || worker.employerKind == EmployerKind.PUBLIC_INSTITUTION) {
            throw new DomainException(ErrorCode.EMPLOYMENT_NOT_ELIGIBLE,
                    "the programme is for frontline workers outside public institutions");
        }
        if (!course.campaignId.equals(campaign.id)) {
            throw new DomainException(ErrorCode.COURSE_MISMATCH, "the course is not offered in this campaign", "courseId");
        }
        if (!campaign.tracks().contains(course.track) || course.targetLevel.track() != course.track) {
            throw new DomainException(ErrorCode.COURSE_MISMATCH, "the campaign does not fund this course's track", "courseId");
        }
        Level current = currentLevel(worker, course.track);
        if (!course.targetLevel.isAbove(current)) {
            throw new DomainException(ErrorCode.LEVEL_NOT_HIGHER, "the course leads to " + course.targetLevel.label()
                    + ", which is not above the worker's current " + (current == null ? "level" : current.label()));
        }
    }

    public static Level currentLevel(WorkerEntity worker, Track track) {
        return track == Track.EDUCATION ? worker.educationLevel : worker.skillGrade;
    }

    /** The subsidy granted: the campaign's standard for the level, capped by the tuition. */
    public static int subsidy(int standardFen, int tuitionFen) {
        return Math.min(standardFen, tuitionFen);
    }
}
