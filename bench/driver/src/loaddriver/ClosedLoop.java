package loaddriver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The closed loop: --concurrency virtual users, each sending its next call as soon as the previous one
 * answered, for the warm-up (not recorded) and then the measured window. Records the successful calls'
 * latencies, every outcome, the CPU of server, PostgreSQL and driver over the measured window (per
 * successful call) and the server's memory.
 */
final class ClosedLoop {

    /** Work before the loop starts, not measured (signing the tokens ahead). */
    @FunctionalInterface
    interface Prepare {
        void run() throws Exception;
    }

    private ClosedLoop() {
    }

    /** The call of a spread over a list: consecutive k land far apart (stride 7919, a prime). */
    static <T> T spread(List<T> items, int k) {
        return items.get(Math.floorMod(k * 7919, items.size()));
    }

    /** Probes with the first call, then prepares, then runs the loop; next answers null when the targets run out. */
    static Stats run(RunContext c, Stats s, Supplier<Call> next, Prepare prepare) throws Exception {
        return run(c, s, next, prepare, null);
    }

    /**
     * The same; rows, when given, counts the rows of each recorded successful answer (-1: not countable),
     * and their mean is recorded as rows_per_page.
     */
    static Stats run(RunContext c, Stats s, Supplier<Call> next, Prepare prepare, ToIntFunction<Outcome> rows) throws Exception {
        Call first = next.get();
        if (first == null) {
            s.status = "no-data";
            return s;
        }
        if (!c.probe(s, first)) {
            return s;
        }
        prepare.run();
        long warmEnd = System.nanoTime() + c.warmup() * 1_000_000_000L;
        long end = warmEnd + c.duration() * 1_000_000_000L;
        Cpu[] cpuAtWarmEnd = {null};
        Thread cpuMark = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, (warmEnd - System.nanoTime()) / 1_000_000));
                cpuAtWarmEnd[0] = Cpu.take(c.serverPid(), c.dbPid());
            } catch (InterruptedException e) {
                // stopped early
            }
        });
        cpuMark.setDaemon(true);
        cpuMark.start();
        AtomicInteger exhausted = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        try (RssSampler rss = new RssSampler(c.serverPid())) {
            for (int u = 0; u < c.concurrency(); u++) {
                Thread t = new Thread(() -> {
                    if (virtualUser(c.gql(), s, next, rows, warmEnd, end)) {
                        exhausted.incrementAndGet();
                    }
                }, s.scenario + "-" + u);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            long stopped = Math.min(System.nanoTime(), end);
            s.seconds = Math.max(0, (stopped - warmEnd) / 1e9);
            Cpu.into(s, cpuAtWarmEnd[0], Cpu.take(c.serverPid(), c.dbPid()), s.ok());
            if (s.rowsPages.get() > 0) {
                s.extra.put("rows_per_page", Stats.fixed(s.rowsSum.get() / (double) s.rowsPages.get(), 2));
            }
            rss.into(s);
        }
        if (exhausted.get() > 0) {
            s.extra.put("targets_exhausted", "true");
        }
        return s;
    }

    /** One virtual user until the end of the window; true when it stopped because the targets ran out. */
    private static boolean virtualUser(Gql gql, Stats s, Supplier<Call> next, ToIntFunction<Outcome> rows, long warmEnd, long end) {
        long[] buf = new long[1 << 16];
        int n = 0;
        boolean exhausted = false;
        while (System.nanoTime() < end) {
            Call c = next.get();
            if (c == null) {
                exhausted = true;
                break;
            }
            long t0 = System.nanoTime();
            Outcome r = gql.call(c);
            long t1 = System.nanoTime();
            if (t0 < warmEnd) {
                continue;
            }
            s.count(r.code());
            if (!r.ok()) {
                s.sampleError(r.code() + " " + r.message());
                continue;
            }
            if (rows != null) {
                int k = rows.applyAsInt(r);
                if (k >= 0) {
                    s.rowsSum.addAndGet(k);
                    s.rowsPages.incrementAndGet();
                }
            }
            if (n + 1 >= buf.length) {
                s.latencies.add(withCount(buf, n));
                buf = new long[1 << 16];
                n = 0;
            }
            buf[++n] = t1 - t0;
        }
        s.latencies.add(withCount(buf, n));
        return exhausted;
    }

    private static long[] withCount(long[] buf, int n) {
        buf[0] = n;
        return buf;
    }
}
