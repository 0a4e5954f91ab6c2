package loaddriver;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * approve: a closed loop of final approvals (ApproveApplication at CITY, which takes a quota place) by the
 * CITY reviewer of each case's city, with the case's version from the data (approve_target.csv), each case
 * once. The last {@link #KEPT_FOR_FANOUT} cases are left for quota-fanout. Compared with pgbench's
 * approve.sql in the report.
 */
final class ApproveScenario {
    /** How many of the approve targets, at the end of the list, belong to quota-fanout. */
    static final int KEPT_FOR_FANOUT = 1000;

    private ApproveScenario() {
    }

    static Stats run(RunContext c) throws Exception {
        List<String[]> targets = c.input().approveTargets();
        int usable = Math.max(0, targets.size() - KEPT_FOR_FANOUT);
        AtomicInteger i = new AtomicInteger();
        Stats s = ClosedLoop.run(c, new Stats("approve"), () -> {
            int k = i.getAndIncrement();
            return k >= usable ? null : call(c, targets.get(k), "bench");
        }, () -> { });
        s.extra.put("targets_used", Math.min(i.get(), usable) + "");
        return s;
    }

    /** The approval of one target (n,application_id,version,city_code) by its city's reviewer. */
    static Call call(RunContext c, String[] target, String comment) {
        return new Call(c.tokens().get(Identity.reviewer(target[3])), "ApproveApplication",
                "{\"id\":" + Json.str(target[1]) + ",\"expectedVersion\":" + target[2] + ",\"comment\":" + Json.str(comment) + "}");
    }
}
