package loaddriver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The figures of one scenario and its RESULT line. Latencies (ns) of the successful recorded calls come in
 * blocks, one or more per virtual user: {@code block[0]} holds how many of {@code block[1..]} are used. p50,
 * p99 and max are nearest-rank percentiles of all of them; throughput is the successful calls per second of
 * the recorded window.
 */
final class Stats {
    final String scenario;
    final List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
    /** Calls by outcome code: "OK", the contract's codes, "HTTP_nnn", "IO:...". */
    final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    /** Scenario-specific key=value pairs of the RESULT line, in order. */
    final Map<String, String> extra = new LinkedHashMap<>();
    /** Error messages shown on stderr after the RESULT line. */
    final List<String> sampleErrors = new CopyOnWriteArrayList<>();
    /** Rows (e.g. edges) summed over the recorded successful answers, and how many answers were counted. */
    final AtomicLong rowsSum = new AtomicLong();
    final AtomicLong rowsPages = new AtomicLong();
    /** ok, failed, unsupported or no-data. */
    String status = "ok";
    double seconds;
    long rssMaxKb;
    long rssMedianKb;

    Stats(String scenario) {
        this.scenario = scenario;
    }

    /** A scenario that found nothing to work on in the input. */
    static Stats noData(String scenario) {
        Stats s = new Stats(scenario);
        s.status = "no-data";
        return s;
    }

    void count(String code) {
        outcomes.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
    }

    long ok() {
        AtomicLong n = outcomes.get("OK");
        return n == null ? 0 : n.get();
    }

    /** Keeps the message of a failed call, up to three. */
    void sampleError(String message) {
        if (sampleErrors.size() < 3) {
            sampleErrors.add(message);
        }
    }

    /** reason="TEXT" in the RESULT line (double quotes inside become single ones). */
    void reason(String text) {
        extra.put("reason", "\"" + text.replace('"', '\'') + "\"");
    }

    void unsupported(String why) {
        status = "unsupported";
        reason(why);
    }

    /** A figure with this many decimals, for {@link #extra}. */
    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    long[] sorted() {
        int n = 0;
        synchronized (latencies) {
            for (long[] a : latencies) {
                n += (int) a[0];
            }
            long[] all = new long[n];
            int k = 0;
            for (long[] a : latencies) {
                System.arraycopy(a, 1, all, k, (int) a[0]);
                k += (int) a[0];
            }
            Arrays.sort(all);
            return all;
        }
    }

    /** The nearest-rank percentile p (0..1) of sorted nanoseconds, in milliseconds; NaN when empty. */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** RESULT label=... run=... scenario=... status=... ok=... errors=... and the extras; "failed" when nothing succeeded. */
    String line(String label, String run) {
        long[] s = sorted();
        long ok = ok();
        long errors = outcomes.entrySet().stream().filter(e -> !e.getKey().equals("OK")).mapToLong(e -> e.getValue().get()).sum();
        if ("ok".equals(status) && ok == 0 && errors > 0) {
            status = "failed";
        }
        StringBuilder b = new StringBuilder("RESULT label=").append(label).append(" run=").append(run).append(" scenario=").append(scenario).append(" status=").append(status);
        b.append(String.format(Locale.ROOT, " ok=%d errors=%d seconds=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f rss_max_mb=%.0f rss_median_mb=%.0f",
                ok, errors, seconds, seconds > 0 ? ok / seconds : 0, pct(s, 0.50), pct(s, 0.99), pct(s, 1.0),
                rssMaxKb / 1024.0, rssMedianKb / 1024.0));
        extra.forEach((k, v) -> b.append(' ').append(k).append('=').append(v.replace(' ', '_')));
        if (errors > 0) {
            b.append(" error_codes=");
            b.append(String.join(",", outcomes.entrySet().stream().filter(e -> !e.getKey().equals("OK"))
                    .map(e -> e.getKey() + ":" + e.getValue().get()).toList()));
        }
        return b.toString();
    }
}
