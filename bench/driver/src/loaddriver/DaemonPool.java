package loaddriver;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixed thread pools of daemon threads named NAME-1, NAME-2, ...: they never keep the driver alive. */
final class DaemonPool {
    private DaemonPool() {
    }

    static ExecutorService fixed(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
