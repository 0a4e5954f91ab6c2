package loaddriver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * review-queue and review-queue-full: closed loops of ReviewQueue(campaign, stage, first N) by reviewers whose
 * token's org_unit is the unit itself (review_units.csv). Both record rows_per_page, the mean number of edges
 * of a successful answer, so the report shows how full the pages were.
 */
final class ReviewQueueScenarios {
    private ReviewQueueScenarios() {
    }

    /** A queue to read: the stage and the reviewer's unit. */
    private record Queue(String stage, String unitCode) {
    }

    /** Up to --review-units-per-stage (100) fixed units per stage, GRASSROOTS to CITY (the same codes at every size), first 20. */
    static Stats reviewQueue(RunContext c) throws Exception {
        Map<String, List<String>> byStage = c.input().reviewUnits();
        if (byStage.isEmpty()) {
            return Stats.noData("review-queue");
        }
        List<Queue> queues = new ArrayList<>();
        Random r = new Random(7);
        int perStage = c.options().integer("review-units-per-stage", 100);
        for (Map.Entry<String, List<String>> e : byStage.entrySet()) {
            List<String> codes = new ArrayList<>(e.getValue());
            Collections.shuffle(codes, r);
            for (String code : codes.subList(0, Math.min(perStage, codes.size()))) {
                queues.add(new Queue(e.getKey(), code));
            }
        }
        return reviewLoop(c, "review-queue", queues, 20);
    }

    /**
     * Reviewers of the CITY stage only (every city), first 8: at 10k the CITY queues hold 8 to 81 cases,
     * at 1M up to about 9,700, so the pages are equally full at both sizes and only the scale of the data
     * differs. (At 10k most GRASSROOTS and TOWNSHIP queues hold 0 to 2 cases, which makes review-queue's
     * pages much emptier at 10k than at 1M.)
     */
    static Stats reviewQueueFull(RunContext c) throws Exception {
        List<String> cities = c.input().reviewUnits().getOrDefault("CITY", List.of());
        if (cities.isEmpty()) {
            return Stats.noData("review-queue-full");
        }
        return reviewLoop(c, "review-queue-full", cities.stream().map(code -> new Queue("CITY", code)).toList(), 8);
    }

    private static Stats reviewLoop(RunContext c, String name, List<Queue> queues, int first) throws Exception {
        AtomicInteger i = new AtomicInteger();
        Stats s = ClosedLoop.run(c, new Stats(name), () -> {
            Queue q = ClosedLoop.spread(queues, i.getAndIncrement());
            return new Call(c.tokens().get(Identity.reviewer(q.unitCode())), "ReviewQueue",
                    "{\"campaignId\":" + Json.str(c.input().campaignId()) + ",\"stage\":" + Json.str(q.stage()) + ",\"first\":" + first + "}");
        }, () -> c.tokens().presign(queues.stream().map(q -> Identity.reviewer(q.unitCode())).toList()),
                r -> Json.at(r.json(), "data", "reviewQueue", "edges") instanceof List<?> edges ? edges.size() : -1);
        s.extra.put("reviewers", queues.size() + "");
        s.extra.put("first", first + "");
        return s;
    }
}
