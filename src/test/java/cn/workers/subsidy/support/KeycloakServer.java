package cn.workers.subsidy.support;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak server from the distribution on Maven Central ({@code org.keycloak:keycloak-quarkus-dist},
 * unpacked by the {@code keycloak-e2e} Maven profile), started with {@code kc.sh start-dev --import-realm} on
 * loopback ports of its own, with the project's realm file. Its data folder is emptied first, so every run
 * imports the realm file as it is now. Output in {@code target/keycloak-e2e.log}.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static KeycloakServer start(Path home, Path realmFile) {
        if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home.toAbsolutePath()
                    + ": run with -Pkeycloak-e2e, which unpacks org.keycloak:keycloak-quarkus-dist into target/keycloak");
        }
        int port = ServerProcess.freePort();
        int management = ServerProcess.freePort();
        Path log = Path.of("target", "keycloak-e2e.log");
        try {
            Path data = home.resolve("data");
            if (Files.exists(data)) {
                try (Stream<Path> files = Files.walk(data)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(data.resolve("import"));
            Files.copy(realmFile, data.resolve("import").resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin").resolve("kc.sh").toAbsolutePath().toString(),
                    "start-dev", "--import-realm", "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + management)
                    .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("KEYCLOAK_") || k.startsWith("QUARKUS_")
                    || k.equals("JAVA_OPTS") || k.equals("JAVA_TOOL_OPTIONS"));
            // the JDK that runs the tests (17 works for Keycloak 26.5; 21 is what Keycloak recommends)
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            ServerProcess.register(process);
            return new KeycloakServer(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        }
    }

    /** The realm's issuer URL: what the server gets as OIDC_AUTH_SERVER_URL, and what Keycloak writes into iss. */
    public String realmUrl() {
        return "http://127.0.0.1:" + port + "/realms/subsidy";
    }

    /** Waits for the realm's discovery document (the realm is imported before the server listens). */
    public KeycloakServer awaitReady(Duration timeout) {
        try {
            org.awaitility.Awaitility.await("Keycloak ready").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(this::ready);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Keycloak not ready within " + timeout + ":\n" + logTail(40));
        }
        return this;
    }

    /** True once the realm's discovery document answers; fails at once when Keycloak has exited. */
    private boolean ready() throws InterruptedException {
        if (!process.isAlive()) {
            throw new AssertionError("Keycloak exited with " + process.exitValue() + ":\n" + logTail(40));
        }
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    /** A person's access token: password grant on the public client (direct access grants). */
    public String password(String clientId, String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password));
    }

    /** A machine client's access token: client credentials grant on a confidential client. */
    public String clientCredentials(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("Keycloak refused " + form.get("grant_type") + " for " + form.getOrDefault("username",
                        form.get("client_id")) + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return new JsonObject(r.body()).getString("access_token");
        } catch (IOException e) {
            throw new AssertionError("no answer from Keycloak's token endpoint", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The claims of a token (its payload, not verified: the server verifies). */
    public static JsonObject claims(String token) {
        String payload = token.split("\\.")[1];
        return new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM to kc.sh (which passes it to Keycloak's JVM); then kills whatever is left. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
