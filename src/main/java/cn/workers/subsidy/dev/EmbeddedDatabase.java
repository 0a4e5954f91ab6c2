package cn.workers.subsidy.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server started from the embedded binaries on Maven Central. Used by the dev
 * profile's self-starting default and by the test fixtures; left out of the production build.
 */
public final class EmbeddedDatabase {

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** Starts a server on the given data directory; keeps the data when {@code keepData} is set. */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean keepData) {
        return start(dataDir, port, keepData, !keepData, true);
    }

    /**
     * A throwaway server (no fsync) that can be stopped and started again on the same data and port, as a
     * test that takes the database away needs: initialised only when {@code dataDir} holds no cluster yet,
     * never deleted by {@link #stop()}, and stopped at JVM exit only by whoever owns it (no hook of its own).
     */
    public static EmbeddedDatabase restartable(Path dataDir, int port) {
        return start(dataDir, port, false, false, false);
    }

    private static EmbeddedDatabase start(Path dataDir, int port, boolean durable, boolean fresh, boolean stopAtExit) {
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(fresh)
                    .setRegisterShutdownHook(stopAtExit)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            return new EmbeddedDatabase(pg, pg.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** True when something accepts connections on 127.0.0.1:port. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public static String reactiveUrl(int port) {
        return "postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Stops the server (pg_ctl stop, fast mode: open sessions are ended, committed work is kept). */
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
