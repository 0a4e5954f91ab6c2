package cn.workers.subsidy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code target/quarkus-app/quarkus-run.jar}) run as its own process in the prod
 * profile, configured only by the environment variables of docs/DEPLOYMENT.md, on a loopback port of its
 * own, its output in a log file under target/. For the integration tests ({@code *IT}, failsafe), which
 * run after {@code package}.
 */
public final class ServerProcess implements AutoCloseable {

    /** Every process started here, killed when the test JVM exits however it exits. */
    private static final List<Process> STARTED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (STARTED) {
                for (Process p : STARTED) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            }
        }, "server-process-reaper"));
    }

    /** Registers a process (and its children) to be killed when the test JVM exits, however it exits. */
    static void register(Process process) {
        synchronized (STARTED) {
            STARTED.add(process);
        }
    }

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The runnable jar that {@code package} built. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("subsidy.it.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: integration tests run after package (./mvnw verify)");
        }
        return jar;
    }

    /** A free TCP port on the loopback interface (never 8080 or 5432: those come from the ephemeral range). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code java -jar quarkus-run.jar} (prod profile: nothing selects another) with these
     * environment variables, listening on 127.0.0.1:{@code port}. Inherited QUARKUS_* and the settings'
     * variables are dropped so that only what the test sets configures the server.
     */
    public static ServerProcess start(String name, int port, Map<String, String> env) {
        return start(name, Path.of("target", "replicas-" + name + ".log"), port, env);
    }

    /** As {@link #start(String, int, Map)}, the output going to {@code log}. */
    public static ServerProcess start(String name, Path log, int port, Map<String, String> env) {
        List<String> command = List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar().toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("DB_") || k.startsWith("OIDC_")
                || k.startsWith("PII_") || k.equals("JAVA_TOOL_OPTIONS"));
        environment.putAll(env);
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            register(process);
            return new ServerProcess(name, process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start server " + name, e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** A fresh 256-bit key, base64: what PII_ENCRYPTION_KEY and PII_HASH_KEY take. */
    public static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * Closes each of these (nulls skipped) in order, whatever the others do: what an integration test's
     * {@code @AfterAll} calls for its servers and issuer. A failure to close is printed, not thrown.
     */
    public static void closeAll(String owner, AutoCloseable... things) {
        for (AutoCloseable c : things) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println(owner + ": could not close " + c + ": " + e);
            }
        }
    }

    /** The environment of the prod profile for one database and one issuer (docs/DEPLOYMENT.md, section 3). */
    public static Map<String, String> prodEnvironment(int dbPort, String issuerUrl, String encryptionKey, String hashKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_REACTIVE_URL", "postgresql://127.0.0.1:" + dbPort + "/postgres");
        env.put("DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres");
        env.put("DB_USERNAME", "postgres");
        env.put("DB_PASSWORD", "postgres");
        env.put("OIDC_AUTH_SERVER_URL", issuerUrl);
        env.put("OIDC_AUDIENCE", "skill-subsidy");
        env.put("PII_ENCRYPTION_KEY", encryptionKey);
        env.put("PII_HASH_KEY", hashKey);
        return env;
    }


    /** Waits until /q/health/ready answers 200; fails early with the log's tail when the process dies. */
    public ServerProcess awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        try {
            org.awaitility.Awaitility.await("server " + name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .until(() -> ready(client));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("server " + name + " not ready within " + timeout + ":\n" + logTail(40));
        }
        return this;
    }

    /** True once /q/health/ready answers 200; fails at once when the process has exited. */
    private boolean ready(HttpClient client) throws InterruptedException {
        if (!process.isAlive()) {
            throw new AssertionError("server " + name + " exited with " + process.exitValue() + " before it was ready:\n" + logTail(40));
        }
        try {
            return client.send(HttpRequest.newBuilder(base().resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    /** SIGTERM, as Kubernetes sends it: Quarkus refuses new requests and drains the ones in flight. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code, or null if it did not end in time. */
    public Integer awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public String logTail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Stops gracefully, then forcibly if it has not ended within 30 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (awaitExit(Duration.ofSeconds(30)) == null) {
                process.destroyForcibly();
                awaitExit(Duration.ofSeconds(10));
            }
        }
        synchronized (STARTED) {
            STARTED.remove(process);
        }
    }
}
