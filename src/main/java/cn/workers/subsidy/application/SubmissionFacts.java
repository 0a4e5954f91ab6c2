package cn.workers.subsidy.application;

import cn.workers.subsidy.academy.AcademyEntity;
import cn.workers.subsidy.campaign.CampaignEntity;
import cn.workers.subsidy.course.CourseEntity;
import cn.workers.subsidy.org.OrgUnitEntity;
import cn.workers.subsidy.worker.WorkerEntity;


/**
 * Everything a submission is judged on, read in one query ({@link SubmissionFactsRepository}): the
 * worker, the campaign, the course and its academy, the worker's org unit, the subsidy standard of
 * the course's level (null when the campaign sets none) and what the worker's other applications say.
 *
 * @param sameRequest   the application an earlier request with the same clientRequestId created, or null
 * @param liveInCampaign the worker's applications in this campaign that have not ended
 * @param completedAtLevel the worker's COMPLETED applications for the course's target level
 */
public record SubmissionFacts(WorkerEntity worker, CampaignEntity campaign, CourseEntity course, AcademyEntity academy,
        OrgUnitEntity unit, Integer standardFen, Long sameRequest, long liveInCampaign, long completedAtLevel) {

    static SubmissionFacts of(Object[] row) {
        return new SubmissionFacts((WorkerEntity) row[0], (CampaignEntity) row[1], (CourseEntity) row[2], (AcademyEntity) row[3],
                (OrgUnitEntity) row[4], row[5] == null ? null : ((Number) row[5]).intValue(), row[6] == null ? null : ((Number) row[6]).longValue(),
                ((Number) row[7]).longValue(), ((Number) row[8]).longValue());
    }
}
