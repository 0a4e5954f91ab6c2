package cn.workers.subsidy.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders every overlay under {@code k8s/overlays} with {@code kubectl kustomize} and checks the
 * objects against the application they deploy: the probes hit health endpoints the app serves, the
 * container port is the app's HTTP port, every environment variable feeds a real configuration key
 * (and every required one is set), secrets are only referenced, the pod runs locked down, and the
 * shutdown timings fit together.
 * <p>
 * Needs a {@code kubectl} (any version from 1.14: the kustomizations use only features that
 * Debian's kubectl 1.20 / kustomize v2.0.3 renders the same as current ones). It is taken from
 * {@code $KUBECTL} or the {@code PATH}; {@code .ci/install-k8s-tools.sh} installs Debian's
 * {@code kubernetes-client} when none is there. Without it this test fails: it never skips.
 */
class KustomizeManifestsTest {

    static final Path K8S = Path.of("k8s");
    static final Path OVERLAYS = K8S.resolve("overlays");
    static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    /** Health endpoints the app serves (SmallRye Health); {@link ProbeEndpointsTest} asserts that each one answers UP. */
    public static final Set<String> SERVED_HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    /** Environment variables read by the runtime rather than by Quarkus configuration. */
    static final Map<String, String> RUNTIME_ENV = Map.of(
            "JAVA_MAX_MEM_RATIO", "run-java.sh of the UBI base image: -XX:MaxRAMPercentage",
            "JAVA_INITIAL_MEM_RATIO", "run-java.sh of the UBI base image: -XX:InitialRAMPercentage",
            "JAVA_OPTS_APPEND", "run-java.sh of the UBI base image: extra JVM options",
            "JAVA_TOOL_OPTIONS", "read by the JVM itself");

    /** Kustomization fields rendered identically by kustomize v2.0.3 (Debian's kubectl) and v5. */
    static final Set<String> PORTABLE_KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "bases",
            "patchesStrategicMerge", "images", "configMapGenerator", "generatorOptions");

    static final String APP_CONTAINER = "skill-subsidy";
    static final Pattern SECRET_LOOKING = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL|_KEY)$");
    static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private static final Map<String, List<Map<String, Object>>> RENDERED = new TreeMap<>();
    private static Properties properties;

    @BeforeAll
    static void renderEveryOverlay() throws IOException {
        properties = new Properties();
        try (Reader r = Files.newBufferedReader(PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(r);
        }
        List<Path> overlays;
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            overlays = dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
        }
        assertFalse(overlays.isEmpty(), "no overlay with a kustomization.yaml under " + OVERLAYS);
        String kubectl = kubectl();
        for (Path overlay : overlays) {
            RENDERED.put(overlay.getFileName().toString(), render(kubectl, overlay));
        }
    }

    // ───────────── the kustomizations themselves ─────────────

    @Test
    void prodAndDevOverlaysExist() {
        assertTrue(RENDERED.keySet().containsAll(Set.of("dev", "prod")), "overlays found: " + RENDERED.keySet());
    }

    @Test
    void kustomizationsUseOnlyPortableFeatures() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files("kustomization.yaml")) {
            Map<String, Object> k = map(yaml().load(Files.readString(file)));
            for (String field : k.keySet()) {
                if (!PORTABLE_KUSTOMIZATION_FIELDS.contains(field)) {
                    problems.add(file + ": field '" + field + "' is not rendered the same by kustomize v2.0.3 (Debian's kubectl)"
                            + " and v5; portable fields: " + new TreeSet<>(PORTABLE_KUSTOMIZATION_FIELDS));
                }
            }
            for (Object resource : list(k.get("resources"))) {
                if (!Files.isRegularFile(file.getParent().resolve(str(resource)))) {
                    problems.add(file + ": resource '" + resource + "' is not a file; kustomize v2.0.3 takes directories only"
                            + " under 'bases'");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void noSecretIsCommitted() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(".yaml")) {
            for (Object doc : yaml().loadAll(Files.readString(file))) {
                Map<String, Object> m = map(doc);
                if ("Secret".equals(m.get("kind"))) {
                    problems.add(file + " defines a Secret: secrets are created by operators or CloudNativePG, never committed");
                }
                if (m.containsKey("secretGenerator")) {
                    problems.add(file + " has a secretGenerator: secret values must not be committed");
                }
            }
        }
        forEachOverlay((overlay, objects) -> {
            for (Map<String, Object> o : objects) {
                if ("Secret".equals(o.get("kind"))) {
                    problems.add(overlay + ": renders Secret " + name(o));
                }
            }
        });
        assertNoProblems(problems);
    }

    // ───────────── the container against the application ─────────────

    @Test
    void containerPortIsTheAppHttpPortAndTheServiceReachesIt() {
        int appPort = appHttpPort();
        List<String> problems = new ArrayList<>();
        forEachOverlay((overlay, objects) -> {
            Map<String, Object> container = appContainer(overlay);
            List<Object> ports = list(container.get("ports"));
            if (ports.stream().map(p -> map(p).get("containerPort")).noneMatch(p -> Integer.valueOf(appPort).equals(p))) {
                problems.add(overlay + ": no containerPort " + appPort + " (the app's quarkus.http.port) in " + ports);
            }
            for (Object p : ports) {
                if (!Integer.valueOf(appPort).equals(map(p).get("containerPort"))) {
                    problems.add(overlay + ": container port " + p + " is not served by the app");
                }
            }
            Map<String, String> podLabels = podLabels(overlay);
            for (Map<String, Object> service : ofKind(objects, "Service")) {
                Map<String, String> selector = stringMap(get(service, "spec.selector"));
                if (!podLabels.entrySet().containsAll(selector.entrySet())) {
                    continue;
                }
                for (Object p : list(get(service, "spec.ports"))) {
                    Integer target = resolvePort(container, map(p).get("targetPort"));
                    if (target == null || target != appPort) {
                        problems.add(overlay + ": Service " + name(service) + " port " + p + " does not reach container port " + appPort);
                    }
                }
                return;
            }
            problems.add(overlay + ": no Service selects the pods " + podLabels);
        });
        assertNoProblems(problems);
    }

    @Test
    void probesHitHealthEndpointsTheAppServes() {
        int appPort = appHttpPort();
        Map<String, String> expected = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");
        List<String> problems = new ArrayList<>();
        forEachOverlay((overlay, objects) -> {
            Map<String, Object> container = appContainer(overlay);
            for (Map.Entry<String, String> probe : expected.entrySet()) {
                Object path = get(container, probe.getKey() + ".httpGet.path");
                Integer port = resolvePort(container, get(container, probe.getKey() + ".httpGet.port"));
                if (path == null) {
                    problems.add(overlay + ": no HTTP " + probe.getKey());
                    continue;
                }
                if (!SERVED_HEALTH_PATHS.contains(path)) {
                    problems.add(overlay + ": " + probe.getKey() + " path " + path + " is not served by the app " + SERVED_HEALTH_PATHS);
                } else if (!probe.getValue().equals(path)) {
                    problems.add(overlay + ": " + probe.getKey() + " should use " + probe.getValue() + ", not " + path);
                }
                if (port == null || port != appPort) {
                    problems.add(overlay + ": " + probe.getKey() + " port does not resolve to " + appPort);
                }
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void everyEnvironmentVariableFeedsTheConfigurationAndEveryRequiredOneIsSet() {
        Set<String> referenced = referencedEnvNames(false);
        Set<String> required = referencedEnvNames(true);
        List<String> problems = new ArrayList<>();
        forEachOverlay((overlay, objects) -> {
            Map<String, String> env = environment(overlay, objects, problems);
            for (String name : env.keySet()) {
                if (!referenced.contains(name) && !name.startsWith("QUARKUS_") && !RUNTIME_ENV.containsKey(name)) {
                    problems.add(overlay + ": environment variable " + name + " is read by nothing: it is not ${" + name
                            + "} in application.properties, not a QUARKUS_* key and not a runtime variable " + RUNTIME_ENV.keySet());
                }
            }
            for (String name : required) {
                if (!env.containsKey(name)) {
                    problems.add(overlay + ": the prod profile needs ${" + name + "} (no default) but the Deployment does not set it");
                }
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void secretsAreReferencedNeverWrittenInline() {
        List<String> problems = new ArrayList<>();
        forEachOverlay((overlay, objects) -> {
            Map<String, Object> container = appContainer(overlay);
            for (Object e : list(container.get("env"))) {
                Map<String, Object> var = map(e);
                String name = str(var.get("name"));
                if (SECRET_LOOKING.matcher(name).matches() && get(var, "valueFrom.secretKeyRef") == null) {
                    problems.add(overlay + ": " + name + " must come from a secretKeyRef");
                }
            }
            for (Object source : list(container.get("envFrom"))) {
                Object ref = get(source, "configMapRef.name");
                if (ref == null) {
                    continue;
                }
                Map<String, Object> configMap = one(objects, "ConfigMap", str(ref));
                for (String key : stringMap(configMap.get("data")).keySet()) {
                    if (SECRET_LOOKING.matcher(key).matches()) {
                        problems.add(overlay + ": ConfigMap " + ref + " holds " + key + ", which belongs in a Secret");
                    }
                }
            }
            Map<String, Object> pii = secretRef(container, "PII_ENCRYPTION_KEY");
            Map<String, Object> hash = secretRef(container, "PII_HASH_KEY");
            if (pii == null || hash == null) {
                problems.add(overlay + ": PII_ENCRYPTION_KEY and PII_HASH_KEY must come from a secretKeyRef");
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void databaseSettingsPointAtTheCloudNativePgCluster() {
        List<String> problems = new ArrayList<>();
        forEachOverlay((overlay, objects) -> {
            List<Map<String, Object>> clusters = objects.stream()
                    .filter(o -> "Cluster".equals(o.get("kind")) && str(o.get("apiVersion")).startsWith("postgresql.cnpg.io/"))
                    .toList();
            if (clusters.size() != 1) {
                problems.add(overlay + ": expected one CloudNativePG Cluster, found " + clusters.size());
                return;
            }
            Map<String, Object> cluster = clusters.get(0);
            String clusterName = name(cluster);
            String database = str(get(cluster, "spec.bootstrap.initdb.database"));
            if (get(cluster, "spec.bootstrap.initdb.owner") == null || get(cluster, "spec.storage.size") == null) {
                problems.add(overlay + ": Cluster " + clusterName + " needs bootstrap.initdb.owner and storage.size");
            }
            Map<String, Object> container = appContainer(overlay);
            for (String[] credential : new String[][] {{"DB_USERNAME", "username"}, {"DB_PASSWORD", "password"}}) {
                Map<String, Object> ref = secretRef(container, credential[0]);
                if (ref == null || !(clusterName + "-app").equals(ref.get("name")) || !credential[1].equals(ref.get("key"))) {
                    problems.add(overlay + ": " + credential[0] + " must come from secret " + clusterName + "-app key " + credential[1]
                            + " (generated by CloudNativePG), got " + ref);
                }
            }
            Map<String, String> env = environment(overlay, objects, new ArrayList<>());
            String host = Pattern.quote(clusterName + "-rw") + "(\\.[a-z0-9.-]+)?(:5432)?";
            Pattern reactive = Pattern.compile("postgresql://" + host + "/" + Pattern.quote(database) + "(\\?.*)?");
            Pattern jdbc = Pattern.compile("jdbc:postgresql://" + host + "/" + Pattern.quote(database) + "(\\?.*)?");
            if (env.get("DB_REACTIVE_URL") == null || !reactive.matcher(env.get("DB_REACTIVE_URL")).matches()) {
                problems.add(overlay + ": DB_REACTIVE_URL " + env.get("DB_REACTIVE_URL") + " is not the read-write service "
                        + clusterName + "-rw and database " + database);
            }
            if (env.get("DB_JDBC_URL") == null || !jdbc.matcher(env.get("DB_JDBC_URL")).matches()) {
                problems.add(overlay + ": DB_JDBC_URL " + env.get("DB_JDBC_URL") + " is not the read-write service "
                        + clusterName + "-rw and database " + database);
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void podRunsNonRootWithAReadOnlyRootFilesystem() {
        List<String> problems = new ArrayList<>();
        forEachOverlay((overlay, objects) -> {
            Map<String, Object> pod = map(get(deployment(overlay), "spec.template.spec"));
            Map<String, Object> container = appContainer(overlay);
            Object podUser = get(pod, "securityContext.runAsUser");
            Object containerUser = get(container, "securityContext.runAsUser");
            require(problems, overlay, Boolean.TRUE.equals(get(pod, "securityContext.runAsNonRoot"))
                    || Boolean.TRUE.equals(get(container, "securityContext.runAsNonRoot")), "runAsNonRoot: true");
            require(problems, overlay, !Integer.valueOf(0).equals(podUser) && !Integer.valueOf(0).equals(containerUser), "a non-zero runAsUser");
            require(problems, overlay, "RuntimeDefault".equals(get(pod, "securityContext.seccompProfile.type"))
                    || "RuntimeDefault".equals(get(container, "securityContext.seccompProfile.type")), "seccompProfile RuntimeDefault");
            require(problems, overlay, Boolean.TRUE.equals(get(container, "securityContext.readOnlyRootFilesystem")),
                    "readOnlyRootFilesystem: true");
            require(problems, overlay, Boolean.FALSE.equals(get(container, "securityContext.allowPrivilegeEscalation")),
                    "allowPrivilegeEscalation: false");
            require(problems, overlay, list(get(container, "securityContext.capabilities.drop")).contains("ALL"), "capabilities drop ALL");
            String tmpVolume = list(container.get("volumeMounts")).stream().map(KustomizeManifestsTest::map)
                    .filter(m -> "/tmp".equals(m.get("mountPath"))).map(m -> str(m.get("name"))).findFirst().orElse(null);
            boolean tmpIsEmptyDir = list(pod.get("volumes")).stream().map(KustomizeManifestsTest::map)
                    .anyMatch(v -> v.get("name").equals(tmpVolume) && v.containsKey("emptyDir"));
            require(problems, overlay, tmpIsEmptyDir, "an emptyDir mounted at /tmp (the only writable path)");
            require(problems, overlay, Boolean.FALSE.equals(pod.get("automountServiceAccountToken")), "automountServiceAccountToken: false");
        });
        assertNoProblems(problems);
    }

    @Test
    void resourcesAndJvmHeapAreSized() {
        List<String> problems = new ArrayList<>();
        forEachOverlay((overlay, objects) -> {
            Map<String, Object> container = appContainer(overlay);
            for (String path : List.of("resources.requests.cpu", "resources.requests.memory", "resources.limits.cpu", "resources.limits.memory")) {
                require(problems, overlay, get(container, path) != null, path);
            }
            Map<String, String> env = environment(overlay, objects, new ArrayList<>());
            boolean heapSized = env.containsKey("JAVA_MAX_MEM_RATIO") || Stream.of("JAVA_OPTS_APPEND", "JAVA_TOOL_OPTIONS")
                    .map(env::get).anyMatch(v -> v != null && v.contains("MaxRAMPercentage"));
            require(problems, overlay, heapSized, "the JVM heap sized from the memory limit (JAVA_MAX_MEM_RATIO or -XX:MaxRAMPercentage)");
        });
        assertNoProblems(problems);
    }

    @Test
    void shutdownDrainsWithinTheGracePeriodAndRolloutsKeepCapacity() {
        long shutdownSeconds = parseDuration(properties.getProperty("%prod.quarkus.shutdown.timeout",
                properties.getProperty("quarkus.shutdown.timeout", "0s"))).toSeconds();
        assertTrue(shutdownSeconds > 0, "quarkus.shutdown.timeout must be set: without it in-flight requests are cut at SIGTERM");
        List<String> problems = new ArrayList<>();
        forEachOverlay((overlay, objects) -> {
            Map<String, Object> deployment = deployment(overlay);
            Map<String, Object> container = appContainer(overlay);
            long preStop = preStopSleepSeconds(container);
            require(problems, overlay, preStop > 0, "a preStop sleep, so endpoints drain before SIGTERM");
            Object grace = get(deployment, "spec.template.spec.terminationGracePeriodSeconds");
            long graceSeconds = grace instanceof Number n ? n.longValue() : 30;
            require(problems, overlay, graceSeconds > preStop + shutdownSeconds, "terminationGracePeriodSeconds (" + graceSeconds
                    + ") above preStop sleep (" + preStop + ") + quarkus.shutdown.timeout (" + shutdownSeconds + ")");
            require(problems, overlay, "RollingUpdate".equals(get(deployment, "spec.strategy.type"))
                    && Integer.valueOf(0).equals(get(deployment, "spec.strategy.rollingUpdate.maxUnavailable")),
                    "a RollingUpdate with maxUnavailable 0");
        });
        assertNoProblems(problems);
    }

    @Test
    void autoscalerAndDisruptionBudgetFitTheDeployment() {
        List<String> problems = new ArrayList<>();
        forEachOverlay((overlay, objects) -> {
            Map<String, Object> deployment = deployment(overlay);
            Map<String, String> podLabels = podLabels(overlay);
            List<Map<String, Object>> hpas = ofKind(objects, "HorizontalPodAutoscaler").stream()
                    .filter(h -> "Deployment".equals(get(h, "spec.scaleTargetRef.kind")) && name(deployment).equals(get(h, "spec.scaleTargetRef.name")))
                    .toList();
            if (hpas.size() != 1) {
                problems.add(overlay + ": expected one HorizontalPodAutoscaler for Deployment " + name(deployment) + ", found " + hpas.size());
                return;
            }
            Map<String, Object> hpa = hpas.get(0);
            int min = ((Number) get(hpa, "spec.minReplicas")).intValue();
            int max = ((Number) get(hpa, "spec.maxReplicas")).intValue();
            require(problems, overlay, min >= 1 && min <= max, "HPA 1 <= minReplicas <= maxReplicas");
            require(problems, overlay, list(get(hpa, "spec.metrics")).stream()
                    .anyMatch(m -> "cpu".equals(get(m, "resource.name"))), "an HPA cpu metric");
            Object replicas = get(deployment, "spec.replicas");
            require(problems, overlay, replicas == null || ((Number) replicas).intValue() >= min,
                    "Deployment replicas absent (the HPA owns them) or at least the HPA's minReplicas");
            List<Map<String, Object>> pdbs = ofKind(objects, "PodDisruptionBudget").stream()
                    .filter(p -> podLabels.entrySet().containsAll(stringMap(get(p, "spec.selector.matchLabels")).entrySet()))
                    .toList();
            if (pdbs.size() != 1) {
                problems.add(overlay + ": expected one PodDisruptionBudget selecting the pods, found " + pdbs.size());
                return;
            }
            Object minAvailable = get(pdbs.get(0), "spec.minAvailable");
            if (minAvailable instanceof Number n) {
                require(problems, overlay, n.intValue() < min, "PDB minAvailable (" + n + ") below the HPA's minReplicas (" + min
                        + "), or no node could ever be drained");
            }
            if ("prod".equals(overlay)) {
                require(problems, overlay, min >= 3, "prod: at least 3 replicas (HPA minReplicas)");
                require(problems, overlay, Integer.valueOf(2).equals(minAvailable), "prod: PDB minAvailable 2");
                Object instances = ofKind(objects, "Cluster").stream().map(c -> get(c, "spec.instances")).findFirst().orElse(null);
                require(problems, overlay, instances instanceof Number n && n.intValue() >= 3, "prod: a PostgreSQL cluster of 3 instances");
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void networkPolicyAdmitsOnlyTheAppPortAndAllowsWhatTheAppCalls() {
        int appPort = appHttpPort();
        List<String> problems = new ArrayList<>();
        forEachOverlay((overlay, objects) -> {
            Map<String, String> podLabels = podLabels(overlay);
            Map<String, Object> container = appContainer(overlay);
            List<Map<String, Object>> policies = ofKind(objects, "NetworkPolicy").stream()
                    .filter(p -> podLabels.entrySet().containsAll(stringMap(get(p, "spec.podSelector.matchLabels")).entrySet()))
                    .toList();
            if (policies.size() != 1) {
                problems.add(overlay + ": expected one NetworkPolicy selecting the pods, found " + policies.size());
                return;
            }
            Map<String, Object> policy = policies.get(0);
            List<Object> types = list(get(policy, "spec.policyTypes"));
            require(problems, overlay, types.contains("Ingress") && types.contains("Egress"), "NetworkPolicy for Ingress and Egress");
            for (Object rule : list(get(policy, "spec.ingress"))) {
                require(problems, overlay, !list(get(rule, "from")).isEmpty(), "every ingress rule limited to named peers");
                List<Object> ports = list(get(rule, "ports"));
                require(problems, overlay, !ports.isEmpty() && ports.stream()
                        .allMatch(p -> Integer.valueOf(appPort).equals(resolvePort(container, get(p, "port")))),
                        "ingress only to port " + appPort + " (rule " + rule + ")");
            }
            Set<Object> egressPorts = list(get(policy, "spec.egress")).stream().flatMap(r -> list(get(r, "ports")).stream())
                    .map(p -> get(p, "port")).collect(Collectors.toSet());
            require(problems, overlay, egressPorts.containsAll(Set.of(53, 5432)), "egress to DNS (53) and PostgreSQL (5432)");
            require(problems, overlay, egressPorts.contains(443) || egressPorts.contains(8080), "egress to the OIDC issuer (443 or 8080)");
        });
        assertNoProblems(problems);
    }

    // ───────────── rendering ─────────────

    static String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("kubectl not found (neither $KUBECTL nor on the PATH). KustomizeManifestsTest renders k8s/overlays/* with"
                + " `kubectl kustomize`; install it with .ci/install-k8s-tools.sh (Debian package kubernetes-client) or set KUBECTL.");
    }

    static List<Map<String, Object>> render(String kubectl, Path overlay) throws IOException {
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl, "kustomize", overlay.toString())
                    .redirectError(err.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl kustomize " + overlay + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                fail("kubectl kustomize " + overlay + " failed (exit " + process.exitValue() + "):\n" + Files.readString(err));
            }
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object doc : yaml().loadAll(out)) {
                if (doc != null) {
                    objects.add(map(doc));
                }
            }
            assertFalse(objects.isEmpty(), "kubectl kustomize " + overlay + " rendered nothing");
            return objects;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    // ───────────── the application's side ─────────────

    static int appHttpPort() {
        return Integer.parseInt(properties.getProperty("%prod.quarkus.http.port", properties.getProperty("quarkus.http.port", "8080")).trim());
    }

    /** Environment variable names used as ${NAME} in values of the prod profile; only those without a default if {@code requiredOnly}. */
    static Set<String> referencedEnvNames(boolean requiredOnly) {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue;
            }
            if (requiredOnly && !key.startsWith("%prod.") && properties.containsKey("%prod." + key)) {
                continue;
            }
            Matcher m = ENV_REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                if (!requiredOnly || m.group(2) == null) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** Quarkus duration syntax: ISO-8601 ({@code PT25S}), a number of seconds, or a number with ms/s/m/h/d. */
    static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(v);
        if (!m.matches()) {
            return fail("cannot read the duration '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }

    // ───────────── the rendered objects ─────────────

    interface OverlayCheck {
        void check(String overlay, List<Map<String, Object>> objects);
    }

    static void forEachOverlay(OverlayCheck check) {
        RENDERED.forEach(check::check);
    }

    static Map<String, Object> deployment(String overlay) {
        return one(RENDERED.get(overlay), "Deployment", "skill-subsidy");
    }

    static Map<String, Object> appContainer(String overlay) {
        List<Map<String, Object>> containers = list(get(deployment(overlay), "spec.template.spec.containers")).stream()
                .map(KustomizeManifestsTest::map).filter(c -> APP_CONTAINER.equals(c.get("name"))).toList();
        assertEquals(1, containers.size(), overlay + ": the Deployment needs one container named " + APP_CONTAINER);
        return containers.get(0);
    }

    static Map<String, String> podLabels(String overlay) {
        return stringMap(get(deployment(overlay), "spec.template.metadata.labels"));
    }

    /** Every environment variable of the app container with its value (or a description of its source). */
    static Map<String, String> environment(String overlay, List<Map<String, Object>> objects, List<String> problems) {
        Map<String, Object> container = appContainer(overlay);
        Map<String, String> env = new LinkedHashMap<>();
        for (Object source : list(container.get("envFrom"))) {
            Object configMap = get(source, "configMapRef.name");
            if (configMap != null) {
                String prefix = str(map(source).getOrDefault("prefix", ""));
                stringMap(one(objects, "ConfigMap", str(configMap)).get("data")).forEach((k, v) -> env.put(prefix + k, v));
            } else {
                problems.add(overlay + ": envFrom " + source + " hides which variables it sets; list secret keys with secretKeyRef");
            }
        }
        for (Object e : list(container.get("env"))) {
            Map<String, Object> var = map(e);
            Object value = var.containsKey("value") ? var.get("value") : "<from " + var.get("valueFrom") + ">";
            env.put(str(var.get("name")), str(value));
        }
        return env;
    }

    static Map<String, Object> secretRef(Map<String, Object> container, String envName) {
        return list(container.get("env")).stream().map(KustomizeManifestsTest::map).filter(v -> envName.equals(v.get("name")))
                .map(v -> get(v, "valueFrom.secretKeyRef")).filter(r -> r != null).map(KustomizeManifestsTest::map)
                .findFirst().orElse(null);
    }

    static Integer resolvePort(Map<String, Object> container, Object port) {
        if (port instanceof Number n) {
            return n.intValue();
        }
        return list(container.get("ports")).stream().map(KustomizeManifestsTest::map).filter(p -> p.get("name") != null && p.get("name").equals(port))
                .map(p -> ((Number) p.get("containerPort")).intValue()).findFirst().orElse(null);
    }

    static long preStopSleepSeconds(Map<String, Object> container) {
        Object sleep = get(container, "lifecycle.preStop.sleep.seconds");
        if (sleep instanceof Number n) {
            return n.longValue();
        }
        String command = list(get(container, "lifecycle.preStop.exec.command")).stream().map(String::valueOf).collect(Collectors.joining(" "));
        Matcher m = Pattern.compile("\\bsleep\\s+(\\d+)\\b").matcher(command);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static Map<String, Object> one(List<Map<String, Object>> objects, String kind, String name) {
        List<Map<String, Object>> found = ofKind(objects, kind).stream().filter(o -> name.equals(name(o))).toList();
        assertEquals(1, found.size(), "expected one " + kind + " named " + name);
        return found.get(0);
    }

    static String name(Map<String, Object> object) {
        return str(get(object, "metadata.name"));
    }

    static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(K8S)) {
            return all.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    // ───────────── plain YAML trees ─────────────

    static Object get(Object node, String dottedPath) {
        Object current = node;
        for (String part : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(part);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> ? (List<Object>) node : List.of();
    }

    static Map<String, String> stringMap(Object node) {
        Map<String, String> out = new LinkedHashMap<>();
        map(node).forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        return out;
    }

    static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static void require(List<String> problems, String overlay, boolean condition, String what) {
        if (!condition) {
            problems.add(overlay + ": needs " + what);
        }
    }

    static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }
}
