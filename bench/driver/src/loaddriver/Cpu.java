package loaddriver;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time, in milliseconds, of the three parties that share the machine's cores: the server JVM
 * (--server-pid), the bench PostgreSQL cluster (--db-pid, the postmaster) and this driver. -1 when
 * unknown. /proc/PID/stat times are in USER_HZ (100 per second on Linux): 10 ms resolution.
 */
record Cpu(long server, long db, long driver) {

    static Cpu take(String serverPid, String dbPid) {
        return new Cpu(processMs(serverPid), clusterMs(dbPid), driverMs());
    }

    /** Puts "NAME=ms per request" into s.extra for each party measured at both ends of the window. */
    static void into(Stats s, Cpu from, Cpu to, long ok) {
        if (from == null || to == null || ok <= 0) {
            return;
        }
        put(s, "server_cpu_ms_per_req", from.server, to.server, ok);
        put(s, "db_cpu_ms_per_req", from.db, to.db, ok);
        put(s, "driver_cpu_ms_per_req", from.driver, to.driver, ok);
    }

    private static void put(Stats s, String key, long a, long b, long ok) {
        if (a >= 0 && b >= 0) {
            s.extra.put(key, Stats.fixed((b - a) / (double) ok, 2));
        }
    }

    /** utime + stime of one process in milliseconds, -1 when unknown. */
    static long processMs(String pid) {
        long[] t = statTicks(pid);
        return t == null ? -1 : (t[1] + t[2]) * 10;
    }

    /** The driver JVM's own process CPU time (every thread: virtual users, HTTP client, samplers). */
    static long driverMs() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                long ns = os.getProcessCpuTime();
                return ns < 0 ? -1 : ns / 1_000_000;
            }
        } catch (RuntimeException | LinkageError e) {
            // not a HotSpot-style JVM: unknown
        }
        return -1;
    }

    /**
     * CPU time of the PostgreSQL cluster: the postmaster's utime + stime, plus utime + stime of every
     * process whose parent is the postmaster (backends, checkpointer, walwriter, io workers, autovacuum),
     * listed again at every sample since backends come and go, plus the postmaster's cutime + cstime.
     * The children are found by scanning /proc (every process's ppid), not from a cached list.
     *
     * <p>Backends that exit during the window: their live figures vanish from the scan, but once the
     * postmaster has reaped them (waitpid) the kernel adds their whole CPU time to the postmaster's
     * cutime/cstime, so it is still counted. What can be lost is a backend that exited and was not yet
     * reaped when the window closed (milliseconds), and the CPU of processes whose parent is not the
     * postmaster (none in PostgreSQL). The server's pool keeps its connections for the whole window, so
     * the churn is limited to autovacuum workers anyway. A child reaped while the scan runs would be
     * counted twice (live and in cutime) or not at all: the scan is repeated when the postmaster's
     * cutime + cstime changed during it.
     */
    static long clusterMs(String postmasterPid) {
        if (postmasterPid == null || postmasterPid.isBlank()) {
            return -1;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            long[] pm = statTicks(postmasterPid);
            if (pm == null) {
                return -1;
            }
            long children = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    String name = p.getFileName().toString();
                    if (name.isEmpty() || !Character.isDigit(name.charAt(0)) || name.equals(postmasterPid)) {
                        continue;
                    }
                    long[] c = statTicks(name);
                    if (c != null && c[0] == Long.parseLong(postmasterPid)) {
                        children += c[1] + c[2] + c[3] + c[4];
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            long[] pm2 = statTicks(postmasterPid);
            if (pm2 == null) {
                return -1;
            }
            if (pm2[3] + pm2[4] == pm[3] + pm[4] || attempt == 4) {
                return (pm2[1] + pm2[2] + pm2[3] + pm2[4] + children) * 10;
            }
        }
        return -1;
    }

    /** {ppid, utime, stime, cutime, cstime} of /proc/PID/stat in ticks, null when the process is unknown or gone. */
    static long[] statTicks(String pid) {
        if (pid == null) {
            return null;
        }
        try {
            String st = Files.readString(Path.of("/proc", pid, "stat"));
            // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
            String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
