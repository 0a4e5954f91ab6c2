package cn.workers.subsidy.support;

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
        return Tokens.worker(workerSubject);
    }
}
