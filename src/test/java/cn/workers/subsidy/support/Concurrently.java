package cn.workers.subsidy.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Races calls against each other: all are queued on a pool of threads and released together, and their
 * results come back in the calls' order. A call that throws fails the race with its exception (wrapped in
 * an ExecutionException); a race that has not ended within five minutes fails with a TimeoutException.
 */
public final class Concurrently {

    private static final Duration BOUND = Duration.ofMinutes(5);

    private Concurrently() {
    }

    /** A call that knows its number, 0 to n - 1. */
    @FunctionalInterface
    public interface Numbered<T> {
        T call(int i) throws Exception;
    }

    /** {@code n} calls on {@code n} threads at once, each given its number. */
    public static <T> List<T> times(int n, Numbered<T> call) throws Exception {
        return times(n, n, call);
    }

    /** {@code n} calls on {@code threads} threads, each given its number. */
    public static <T> List<T> times(int n, int threads, Numbered<T> call) throws Exception {
        return run(threads, IntStream.range(0, n).<Callable<T>>mapToObj(i -> () -> call.call(i)).toList());
    }

    /** The calls on {@code threads} threads (the rest queue behind them), released together. */
    public static <T> List<T> run(int threads, List<? extends Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + BOUND.toNanos();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
