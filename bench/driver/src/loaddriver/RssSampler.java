package loaddriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Samples the server's resident memory (VmRSS of /proc/PID/status) every 250 ms while a scenario runs. */
final class RssSampler implements AutoCloseable {
    private final Path status;
    private final List<Long> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** pid null: samples nothing. */
    RssSampler(String pid) {
        this.status = pid == null ? null : Path.of("/proc", pid, "status");
        this.thread = new Thread(() -> {
            while (running && status != null) {
                long kb = rssKb(status);
                if (kb > 0) {
                    samples.add(kb);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private static long rssKb(Path status) {
        try {
            for (String l : Files.readAllLines(status)) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The largest and the median sample so far into s (0 when there is none). */
    void into(Stats s) {
        List<Long> l = new ArrayList<>(samples);
        Collections.sort(l);
        s.rssMaxKb = l.isEmpty() ? 0 : l.get(l.size() - 1);
        s.rssMedianKb = l.isEmpty() ? 0 : l.get(l.size() / 2);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
