package cn.workers.subsidy.support;

import cn.workers.subsidy.dev.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tests' PostgreSQL: a real server from the embedded binaries, started fresh on a free port,
 * or the one named by {@code TEST_DB_JDBC_URL} (with {@code TEST_DB_USER}, {@code TEST_DB_PASSWORD})
 * when a machine's service should be used. Flyway cleans and migrates it at start in the test profile.
 * The embedded server can be stopped and started again ({@link #stopServer()}, {@link #startServer()}):
 * same data, same port, as a database that goes away and comes back.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase db;
    private static Path dataDir;
    private static int port;

    @Override
    public Map<String, String> start() {
        if (!embedded()) {
            String external = System.getenv("TEST_DB_JDBC_URL");
            return Map.of(
                    "quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.reactive.url", external.replaceFirst("^jdbc:", ""),
                    "quarkus.datasource.username", env("TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", env("TEST_DB_PASSWORD", "postgres"));
        }
        startEmbedded();
        return Map.of(
                "quarkus.datasource.jdbc.url", EmbeddedDatabase.jdbcUrl(port),
                "quarkus.datasource.reactive.url", EmbeddedDatabase.reactiveUrl(port),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** False when the tests run against an external server ({@code TEST_DB_JDBC_URL}), which they must not stop. */
    public static boolean embedded() {
        String external = System.getenv("TEST_DB_JDBC_URL");
        return external == null || external.isBlank();
    }

    static synchronized void startEmbedded() {
        if (dataDir != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("subsidy-test-pg");
            db = EmbeddedDatabase.restartable(dir.resolve("data"), 0);
            dataDir = dir.resolve("data");
            port = db.port();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopServer();
                delete(dir);
            }, "test-postgres-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the embedded server (pg_ctl stop, fast mode): open sessions end, committed data stays. No-op when stopped. */
    public static synchronized void stopServer() {
        requireEmbedded();
        if (db != null) {
            db.stop();
            db = null;
        }
    }

    /** Starts the embedded server again on the same data directory and port. No-op when running. */
    public static synchronized void startServer() {
        requireEmbedded();
        if (db == null) {
            db = EmbeddedDatabase.restartable(dataDir, port);
        }
    }

    public static synchronized boolean running() {
        return db != null;
    }

    private static void requireEmbedded() {
        if (dataDir == null) {
            throw new IllegalStateException("no embedded test server was started (TEST_DB_JDBC_URL names an external one)");
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no failure
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public void stop() {
        // kept for the whole test JVM: several Quarkus restarts share one server; stopped by the shutdown hook
    }
}
