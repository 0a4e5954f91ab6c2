package cn.workers.subsidy.support;

import java.util.Map;

/**
 * A small world for application tests: an org chain, an OPEN campaign reviewed at the given stages,
 * an academy with one course per track and a worker with a complete eligible profile.
 */
public record World(Fixtures.Tree tree, long campaign, long academy, String academyCode, long educationCourse, long skillCourse,
        long worker, String workerSubject) {

    public static World create(Fixtures fx, String stages) {
        Fixtures.Tree t = fx.tree();
        long campaign = fx.openCampaign(stages);
        long academy = fx.academy(t.city(), "HEADQUARTERS", null);
        long edu = fx.course(campaign, academy, "EDUCATION", "ASSOCIATE", 250000);
        long skill = fx.course(campaign, academy, "SKILL", "SKILL_4", 500000);
        String subject = Fixtures.unique("worker-");
        long worker = fx.worker(subject, t.grassroots());
        return new World(t, campaign, academy, fx.academyCode(academy), edu, skill, worker, subject);
    }

    public String workerToken() {
        return Tokens.TEST.worker(workerSubject);
    }

    /** SubmitApplication's input variable. */
    public static Map<String, Object> submitInput(long campaign, long course, String clientRequestId) {
        return Map.of("campaignId", "" + campaign, "courseId", "" + course, "clientRequestId", clientRequestId);
    }

    /** SubmitApplication by worker {@code subject} for {@code course}, ready to send (ok(), send(), errorCode(), answer()). */
    public Gql submission(String subject, long course, String clientRequestId) {
        return Gql.op("SubmitApplication").as(Tokens.TEST.worker(subject)).var("input", submitInput(campaign, course, clientRequestId));
    }

    /** This world's worker submits for the education course through the API; the new application's id. */
    public long submit() {
        return submit(workerSubject);
    }

    /** Worker {@code subject} (with a profile in this world) submits for the education course through the API; the application's id. */
    public long submit(String subject) {
        return Long.parseLong(submission(subject, educationCourse, Fixtures.unique("r")).ok().getString("data.submitApplication.id"));
    }
}
