package cn.workers.subsidy.support;

import cn.workers.subsidy.dev.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The tests' PostgreSQL: a real server from the embedded binaries, started fresh on a free port,
 * or the one named by {@code TEST_DB_JDBC_URL} (with {@code TEST_DB_USER}, {@code TEST_DB_PASSWORD})
 * when a machine's service should be used. Flyway cleans and migrates it at start in the test profile.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase db;
    private static int port;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("TEST_DB_JDBC_URL");
        if (external != null && !external.isBlank()) {
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

    static synchronized void startEmbedded() {
        if (db != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("subsidy-test-pg");
            db = EmbeddedDatabase.start(dir.resolve("data"), 0, false);
            port = db.port();
            Runtime.getRuntime().addShutdownHook(new Thread(db::stop, "test-postgres-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
