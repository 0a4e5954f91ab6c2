package loaddriver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every scenario by its name in --scenarios, in the default order. */
final class Scenarios {
    private static final Map<String, Scenario> ALL = new LinkedHashMap<>();

    static {
        ALL.put("me", WorkerReadScenarios::me);
        ALL.put("my-applications", WorkerReadScenarios::myApplications);
        ALL.put("courses", WorkerReadScenarios::courses);
        ALL.put("review-queue", ReviewQueueScenarios::reviewQueue);
        ALL.put("review-queue-full", ReviewQueueScenarios::reviewQueueFull);
        ALL.put("submit", SubmitScenario::run);
        ALL.put("approve", ApproveScenario::run);
        ALL.put("sync", SyncScenario::run);
        ALL.put("quota-fanout", QuotaFanoutScenario::run);
    }

    /** The closed-loop reads, which also pre-warm the server (--prewarm): they change no data. */
    static final List<String> READS = List.of("me", "my-applications", "courses", "review-queue", "review-queue-full");

    private Scenarios() {
    }

    /** All of them, comma-separated: the default of --scenarios. */
    static String all() {
        return String.join(",", ALL.keySet());
    }

    static Scenario named(String name) {
        Scenario s = ALL.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown scenario " + name);
        }
        return s;
    }
}
