package cn.workers.subsidy.dev;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dev profile's embedded defaults, so that {@code ./mvnw quarkus:dev} works on a machine with no
 * database and no Docker:
 * <ul>
 * <li>no database URL configured: starts a real PostgreSQL from the embedded binaries, data kept in
 * {@code .dev-data/postgres}; started once per JVM (hot reloads reuse it), stopped when the JVM exits;</li>
 * <li>no OIDC server configured: verifies tokens with the dev signing key that {@link DevTokenRoute}
 * signs with.</li>
 * </ul>
 * Called by {@link DevDefaultsConfigSourceFactory} in the dev profile only; not part of a production build.
 */
final class DevDefaults {

    private static final Logger LOG = Logger.getLogger(DevDefaults.class);
    /** Survives hot reloads: the classes are reloaded, the JVM's system properties are not. */
    private static final String STARTED_PORT = "subsidy.dev.embedded-db.started-port";

    private DevDefaults() {
    }

    static List<ConfigSource> configSources(ConfigSourceContext context) {
        Path dataDir = dataDir(context);
        Map<String, String> defaults = new HashMap<>();
        if (absent(context, "quarkus.datasource.reactive.url") && !"true".equals(value(context, "quarkus.datasource.devservices.enabled"))) {
            int port = ensureDatabase(dataDir, Integer.parseInt(valueOr(context, "subsidy.dev.db-port", "54329")));
            defaults.put("quarkus.datasource.reactive.url", EmbeddedDatabase.reactiveUrl(port));
            defaults.put("quarkus.datasource.jdbc.url", EmbeddedDatabase.jdbcUrl(port));
            defaults.put("quarkus.datasource.username", "postgres");
            defaults.put("quarkus.datasource.password", "postgres");
        }
        if (absent(context, "quarkus.oidc.auth-server-url") && absent(context, "quarkus.oidc.public-key")) {
            defaults.put("quarkus.oidc.public-key", DevSigningKey.publicKeyBase64(DevSigningKey.loadOrCreate(dataDir)));
        }
        return List.of(new PropertiesConfigSource(defaults, "subsidy-dev-defaults", 240));
    }

    private static synchronized int ensureDatabase(Path dataDir, int port) {
        String started = System.getProperty(STARTED_PORT);
        if (started != null) {
            return Integer.parseInt(started);
        }
        Path pgData = dataDir.resolve("postgres");
        if (EmbeddedDatabase.listening(port) && Files.exists(pgData.resolve("postmaster.pid"))) {
            LOG.infof("Reusing the dev PostgreSQL already running on port %d (data in %s)", port, pgData);
        } else {
            LOG.infof("Starting the embedded dev PostgreSQL on port %d, data in %s", port, pgData.toAbsolutePath());
            EmbeddedDatabase db = EmbeddedDatabase.start(pgData, port, true);
            Runtime.getRuntime().addShutdownHook(new Thread(db::stop, "dev-postgres-stop"));
        }
        System.setProperty(STARTED_PORT, Integer.toString(port));
        return port;
    }

    /** The dev data folder, relative to the project root (dev mode may run from target/). */
    static Path dataDir(ConfigSourceContext context) {
        return resolveDataDir(valueOr(context, "subsidy.dev.data-dir", ".dev-data"));
    }

    static Path resolveDataDir(String setting) {
        Path configured = Path.of(setting);
        if (configured.isAbsolute()) {
            return configured;
        }
        Path base = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        if (!Files.exists(base.resolve("pom.xml")) && base.getParent() != null && Files.exists(base.getParent().resolve("pom.xml"))) {
            base = base.getParent();
        }
        return base.resolve(configured);
    }

    private static boolean absent(ConfigSourceContext context, String name) {
        String v = value(context, name);
        return v == null || v.isBlank();
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v == null ? null : v.getValue();
    }

    private static String valueOr(ConfigSourceContext context, String name, String fallback) {
        String v = value(context, name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
