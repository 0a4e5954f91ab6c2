package loaddriver;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * submit: a closed loop of SubmitApplication, each call by a fresh worker (submit_target.csv:
 * n,subject,campaign_id,course_id, a course that fits the worker), each target used once. Compared with
 * pgbench's submit.sql in the report.
 */
final class SubmitScenario {
    private SubmitScenario() {
    }

    static Stats run(RunContext c) throws Exception {
        List<String[]> targets = c.input().csv("submit_target.csv");
        // --submit-presign: how many of the targets' tokens to sign ahead (all of them by default)
        int need = Math.min(targets.size(), c.options().integer("submit-presign", targets.size()));
        List<Identity> workers = targets.subList(0, need).stream().map(t -> Identity.worker(t[1])).toList();
        AtomicInteger i = new AtomicInteger();
        Stats s = ClosedLoop.run(c, new Stats("submit"), () -> {
            int k = i.getAndIncrement();
            if (k >= targets.size()) {
                return null;
            }
            String[] t = targets.get(k);
            return new Call(c.tokens().get(Identity.worker(t[1])), "SubmitApplication", "{\"input\":{\"campaignId\":" + Json.str(t[2])
                    + ",\"courseId\":" + Json.str(t[3]) + ",\"clientRequestId\":" + Json.str("drv-" + t[0]) + "}}");
        }, () -> c.tokens().presign(workers));
        s.extra.put("targets_used", Math.min(i.get(), targets.size()) + "");
        return s;
    }
}
