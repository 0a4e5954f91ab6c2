package loaddriver;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * sync: SyncEnrollments by the academy with the most APPROVED cases (sync_target.csv:
 * academy_code,n,application_id), every item an ENROLLED event on a case of its own. After a warm-up that is
 * not timed (500 single-item calls and one batch), --sync-items (1,000) single-item calls one after the
 * other, then --sync-batches (3) calls of --sync-items items each; the figure is the single calls' total
 * time against the median batch call (batch_speedup).
 */
final class SyncScenario {
    private static final int WARM_SINGLES = 500;

    private SyncScenario() {
    }

    static Stats run(RunContext c) throws Exception {
        Stats s = new Stats("sync");
        List<String[]> rows = c.input().csv("sync_target.csv");
        int items = c.options().integer("sync-items", 1000);
        int batches = c.options().integer("sync-batches", 3);
        int needed = 1 + WARM_SINGLES + items + items + batches * items;
        if (rows.size() < needed) {
            s.status = "no-data";
            s.reason("needs " + needed + " APPROVED cases of one academy, has " + rows.size());
            return s;
        }
        String academy = rows.get(0)[0];
        String token = c.tokens().get(Identity.academy(academy));
        String at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.MILLIS).toString();
        Gql gql = c.gql();
        // probe with the first case
        if (!c.probe(s, new Call(token, "SyncEnrollments", variables(rows.subList(0, 1), at)))) {
            return s;
        }
        // warm-up, not timed: single calls and one batch on cases of their own, so that neither side is
        // measured while the JIT still compiles its path
        int next = 1;
        for (int k = 0; k < WARM_SINGLES; k++, next++) {
            gql.call(token, "SyncEnrollments", variables(rows.subList(next, next + 1), at));
        }
        gql.call(token, "SyncEnrollments", variables(rows.subList(next, next + items), at));
        next += items;
        try (RssSampler rss = new RssSampler(c.serverPid())) {
            List<String[]> singles = rows.subList(next, next + items);
            next += items;
            long[] lat = new long[items + 1];
            long applied = 0;
            long t0 = System.nanoTime();
            for (int k = 0; k < items; k++) {
                long a = System.nanoTime();
                Outcome r = gql.call(token, "SyncEnrollments", variables(singles.subList(k, k + 1), at));
                lat[k + 1] = System.nanoTime() - a;
                s.count(r.code());
                if (!r.ok()) {
                    s.sampleError(r.code() + " " + r.message());
                } else if (applied(r) >= 0) {
                    applied += applied(r);
                }
            }
            long singlesNs = System.nanoTime() - t0;
            lat[0] = items;
            s.latencies.add(lat);
            // the batch: several calls of `items` other cases each, one after the other; their median is the figure
            // (a single call is one sample of a noisy machine, the 1,000 single calls are a thousand)
            long[] batchNs = new long[batches];
            long batchApplied = 0;
            boolean batchOk = true;
            for (int b = 0; b < batches; b++) {
                List<String[]> many = rows.subList(next + items * b, next + items * (b + 1));
                long b0 = System.nanoTime();
                Outcome r = gql.call(token, "SyncEnrollments", variables(many, at));
                batchNs[b] = System.nanoTime() - b0;
                long n = r.ok() ? applied(r) : -1;
                if (n >= 0) {
                    batchApplied += n;
                } else {
                    batchOk = false;
                    s.sampleErrors.add("batch: " + r.code() + " " + r.message());
                }
            }
            long[] sorted = batchNs.clone();
            Arrays.sort(sorted);
            long medianNs = sorted[batches / 2];
            s.seconds = (singlesNs + Arrays.stream(batchNs).sum()) / 1e9;
            s.extra.put("singles_total_ms", Stats.fixed(singlesNs / 1e6, 1));
            s.extra.put("singles_applied", applied + "");
            s.extra.put("batch_ms", Stats.fixed(medianNs / 1e6, 1));
            s.extra.put("batch_calls_ms", "\"" + String.join(",", Arrays.stream(batchNs).mapToObj(n -> Stats.fixed(n / 1e6, 1)).toList()) + "\"");
            s.extra.put("batch_ok", batchOk + "");
            s.extra.put("batch_applied", batchApplied + "");
            s.extra.put("batch_speedup", Stats.fixed((double) singlesNs / medianNs, 1));
            rss.into(s);
        }
        return s;
    }

    /** {"items":[{applicationId, externalRef DRV-id, status ENROLLED, occurredAt}, ...]} for these rows. */
    private static String variables(List<String[]> rows, String occurredAt) {
        StringBuilder b = new StringBuilder("{\"items\":[");
        for (int k = 0; k < rows.size(); k++) {
            String id = rows.get(k)[2];
            b.append(k > 0 ? "," : "").append("{\"applicationId\":").append(Json.str(id)).append(",\"externalRef\":")
                    .append(Json.str("DRV-" + id)).append(",\"status\":\"ENROLLED\",\"occurredAt\":").append(Json.str(occurredAt)).append('}');
        }
        return b.append("]}").toString();
    }

    /** data.syncEnrollments.applied of a successful answer, -1 when it is not there. */
    private static long applied(Outcome r) {
        return Json.at(r.json(), "data", "syncEnrollments", "applied") instanceof Double d ? d.longValue() : -1;
    }
}
