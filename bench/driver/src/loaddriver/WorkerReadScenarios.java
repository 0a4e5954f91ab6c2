package loaddriver;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * me, my-applications and courses: closed loops of workers reading, spread over the workers that hold three
 * applications at every dataset size (the same people at 10k and 1M, so the sizes compare like with like).
 */
final class WorkerReadScenarios {
    private WorkerReadScenarios() {
    }

    /** Me. */
    static Stats me(RunContext c) throws Exception {
        return ownReads(c, "me", "Me");
    }

    /** MyApplications: each worker has three (2024, 2025 and the open campaign). */
    static Stats myApplications(RunContext c) throws Exception {
        Stats s = ownReads(c, "my-applications", "MyApplications");
        s.extra.put("workers", c.input().workerSubjects().size() + "");
        return s;
    }

    /** Courses(campaign, track, level, first 20), over every track and level of the open campaign (courses.csv). */
    static Stats courses(RunContext c) throws Exception {
        List<String> subjects = c.input().workerSubjects();
        List<String[]> read = c.input().csv("courses.csv"); // track,level
        List<String[]> combos = read.isEmpty() ? Collections.singletonList(new String[] {"SKILL", "SKILL_4"}) : read;
        AtomicInteger i = new AtomicInteger();
        return ClosedLoop.run(c, new Stats("courses"), () -> {
            int k = i.getAndIncrement();
            String[] tl = combos.get(Math.floorMod(k * 31, combos.size()));
            return new Call(c.tokens().get(Identity.worker(ClosedLoop.spread(subjects, k))), "Courses",
                    "{\"campaignId\":" + Json.str(c.input().campaignId()) + ",\"track\":" + Json.str(tl[0]) + ",\"targetLevel\":" + Json.str(tl[1])
                            + ",\"first\":20}");
        }, () -> presign(c, subjects));
    }

    /** An operation without variables about the caller. */
    private static Stats ownReads(RunContext c, String scenario, String operation) throws Exception {
        List<String> subjects = c.input().workerSubjects();
        AtomicInteger i = new AtomicInteger();
        return ClosedLoop.run(c, new Stats(scenario),
                () -> new Call(c.tokens().get(Identity.worker(ClosedLoop.spread(subjects, i.getAndIncrement()))), operation, null),
                () -> presign(c, subjects));
    }

    private static void presign(RunContext c, List<String> subjects) throws InterruptedException {
        c.tokens().presign(subjects.stream().map(Identity::worker).toList());
    }
}
