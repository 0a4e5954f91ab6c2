package cn.workers.subsidy.api;

import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.dev.EmbeddedDatabase;
import cn.workers.subsidy.common.security.PiiCiphers;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.ServerProcess;
import cn.workers.subsidy.support.StubIssuer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hostile-input generator, not a list: for every operation of {@code graphql/operations/}, jqwik generates
 * variables from the types that {@code graphql/schema.graphql} declares for them, and from their edges: numbers at
 * and beyond the Int range, fractions, numbers in strings; empty, blank, huge,
 * control-character, bidi and injection-shaped strings (up to 60,000 characters); wrong enum names; nulls where non-null; missing and
 * unknown input fields; deep (up to 950 levels) and wide (1,000+ items) nesting; every wrong JSON type. Each is
 * sent to the packaged server (prod profile, real signed tokens of the role the operation wants, now and then of
 * another role or none) on its own PostgreSQL. For every answer:
 * <ul>
 * <li>the HTTP status is below 500;</li>
 * <li>every error carries a contract code, never INTERNAL;</li>
 * <li>no error message names a Java class or package, prints a syntax-tree node ({@code StringValue{...}}) or a
 * stack frame;</li>
 * <li>a refused mutation (errors, no data) leaves every table as it was (row counts and the newest row version,
 * {@code xmin}, of each table).</li>
 * </ul>
 * 10,000 requests per run, seeded (the same seed generates the same requests); jqwik shrinks a failure to a small
 * request and prints it with the seed. The run's time and the codes answered are printed at the end.
 */
class HostileInputIT {

    private static final Pattern INTERNALS = Pattern.compile("Value\\{|Exception|SRGQL|Unknown Scalar Type|DataFetchingException|\\tat |"
            + "\\b(java|javax|jakarta|io|org|com|cn|graphql)\\.[a-z]+\\.");
    private static final Set<String> CONTRACT_CODES = EnumSet.complementOf(EnumSet.of(ErrorCode.INTERNAL)).stream()
            .map(Enum::name).collect(Collectors.toUnmodifiableSet());
    private static final List<String> TABLES = List.of("org_unit", "academy", "worker", "campaign", "subsidy_standard", "course", "quota_pool",
            "quota_ledger", "application", "application_history", "enrollment", "disbursement");
    private static final String FINGERPRINT = TABLES.stream()
            .map(t -> "(SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM " + t + ")")
            .collect(Collectors.joining(" || ' ' || ", "SELECT ", ""));

    private static StubIssuer issuer;
    private static EmbeddedDatabase db;
    private static ServerProcess server;
    private static Fixtures fx;
    private static Db dbAccess;
    /** One connection for the fingerprints (a new connection per query cost more than the request itself). */
    private static java.sql.Connection watcher;
    private static java.sql.PreparedStatement fingerprint;
    private static HttpClient client;
    private static World world;
    private static long startedAt;
    private static final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private static final AtomicInteger requests = new AtomicInteger();
    private static final Map<String, java.util.concurrent.atomic.AtomicLong> nanosByOperation = new ConcurrentHashMap<>();

    /** The ids and tokens of a small world of the test's own: the generated ids are these, or ones that cannot exist. */
    record World(List<String> ids, Map<String, String> tokens) {
    }

    /** One generated request: an operation, its variables (or a body that is not even that), and who sends it. */
    record Hostile(String operation, boolean mutation, Object variables, String role) {
        @Override
        public String toString() {
            String vars = String.valueOf(variables);
            return operation + " as " + role + " with " + (vars.length() > 600 ? vars.substring(0, 600) + "... (" + vars.length() + " chars)" : vars);
        }
    }

    @BeforeContainer
    static void startServer() throws Exception {
        issuer = StubIssuer.start();
        Files.createDirectories(Path.of("target"));
        db = EmbeddedDatabase.start(Files.createTempDirectory(Path.of("target"), "hostile-pg-").resolve("data").toAbsolutePath(), 0, false);
        String encryptionKey = ServerProcess.randomKey();
        String hashKey = ServerProcess.randomKey();
        server = ServerProcess.start("hostile", Path.of("target", "hostile-input.log"), ServerProcess.freePort(),
                ServerProcess.prodEnvironment(db.port(), issuer.url(), encryptionKey, hashKey));
        server.awaitReady(Duration.ofSeconds(150));
        dbAccess = Db.at(EmbeddedDatabase.jdbcUrl(db.port()));
        fx = new Fixtures(dbAccess, PiiCiphers.of(encryptionKey, hashKey));
        Fixtures.Tree tree = fx.tree();
        long campaign = fx.openCampaign("GRASSROOTS,CITY");
        long academy = fx.academy(tree.city(), "HEADQUARTERS", null);
        String academyCode = (String) dbAccess.one("SELECT code FROM academy WHERE id = ?", academy);
        long course = fx.course(campaign, academy, "EDUCATION", "ASSOCIATE", 250000, 100);
        long pool = fx.pool(campaign, tree.city(), "EDUCATION", 10);
        List<Fixtures.Worker> workers = fx.workers(Fixtures.unique("hostile") + "-", tree.grassroots(), 3);
        List<Long> applications = fx.applicationsInReview(workers.subList(1, 3), campaign, course, "GRASSROOTS", tree.grassroots());
        List<String> ids = new ArrayList<>(List.of("" + campaign, "" + academy, "" + course, "" + pool));
        applications.forEach(a -> ids.add("" + a));
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("worker", issuer.worker(workers.get(0).subject()));
        tokens.put("reviewer", issuer.reviewer("hostile-reviewer", tree.grassrootsCode()));
        tokens.put("admin", issuer.admin("hostile-admin", tree.provinceCode()));
        tokens.put("finance", issuer.token("hostile-finance", List.of("finance"), tree.provinceCode(), null));
        tokens.put("auditor", issuer.token("hostile-auditor", List.of("auditor"), tree.provinceCode(), null));
        tokens.put("academy", issuer.token("hostile-academy", List.of("academy"), null, academyCode));
        world = new World(ids, tokens);
        watcher = java.sql.DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(db.port()), "postgres", "postgres");
        fingerprint = watcher.prepareStatement(FINGERPRINT);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        startedAt = System.nanoTime();
    }

    @AfterContainer
    static void stopServer() {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
        System.out.printf("HostileInputIT: %d requests in %d ms (%.1f ms each); answers: %s%n", requests.get(), millis,
                requests.get() == 0 ? 0.0 : (double) millis / requests.get(), new TreeMap<>(answered));
        System.out.println("HostileInputIT: server time by operation (ms): " + nanosByOperation.entrySet().stream()
                .sorted(Map.Entry.comparingByValue((x, y) -> Long.compare(y.get(), x.get())))
                .map(e -> e.getKey() + "=" + TimeUnit.NANOSECONDS.toMillis(e.getValue().get())).collect(Collectors.joining(", ")));
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (java.sql.SQLException e) {
            System.err.println("HostileInputIT: " + e);
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.stop();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Property(tries = 10_000, seed = "20261204", shrinking = ShrinkingMode.BOUNDED)
    void everyHostileRequestGetsACodedAnswerAndARefusalChangesNothing(@ForAll("hostileRequests") Hostile request) throws Exception {
        String before = request.mutation() ? fingerprint() : null;
        JsonObject payload = new JsonObject().put("query", document(request.operation())).put("operationName", request.operation());
        String body = request.variables() instanceof Map<?, ?> || request.variables() == null
                ? payload.put("variables", request.variables()).encode()
                : payload.encode().replaceFirst("\\}$", ",\"variables\":" + io.vertx.core.json.Json.encode(request.variables()) + "}");
        HttpRequest.Builder http = HttpRequest.newBuilder(server.base().resolve("/graphql")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        String token = world.tokens().get(request.role());
        if (token != null) {
            http.header("Authorization", "Bearer " + token);
        }
        long sent = System.nanoTime();
        HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
        nanosByOperation.computeIfAbsent(request.operation(), k -> new java.util.concurrent.atomic.AtomicLong())
                .addAndGet(System.nanoTime() - sent);
        requests.incrementAndGet();
        assertTrue(response.statusCode() < 500, () -> "HTTP " + response.statusCode() + ": " + response.body());
        JsonObject answer = new JsonObject(response.body());
        JsonArray errors = answer.getJsonArray("errors");
        if (errors == null || errors.isEmpty()) {
            answered.computeIfAbsent("data", k -> new AtomicInteger()).incrementAndGet();
            assertEquals(200, response.statusCode(), response.body());
            return;
        }
        for (Object e : errors) {
            JsonObject error = (JsonObject) e;
            JsonObject extensions = error.getJsonObject("extensions");
            String code = extensions == null ? null : extensions.getString("code");
            answered.computeIfAbsent(String.valueOf(code), k -> new AtomicInteger()).incrementAndGet();
            assertNotNull(code, () -> "an error without a code: " + response.body());
            assertTrue(CONTRACT_CODES.contains(code), () -> "not a contract code (" + code + "): " + response.body());
            String message = String.valueOf(error.getString("message"));
            assertFalse(INTERNALS.matcher(message).find(), () -> "the message shows internals: " + message);
        }
        JsonObject data = answer.getJsonObject("data");
        boolean refused = data == null || data.fieldNames().stream().allMatch(f -> data.getValue(f) == null);
        if (request.mutation() && refused) {
            String after = fingerprint();
            assertEquals(before, after, () -> "a refused " + request.operation() + " changed the database: " + response.body());
        }
    }

    private static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry("UpdateMyProfile", "worker"), Map.entry("SubmitApplication", "worker"), Map.entry("ResubmitApplication", "worker"),
            Map.entry("WithdrawApplication", "worker"), Map.entry("MyApplications", "worker"), Map.entry("MyApplicationChanged", "worker"),
            Map.entry("Me", "worker"), Map.entry("Campaigns", "worker"), Map.entry("Courses", "worker"), Map.entry("ApplicationDetail", "worker"),
            Map.entry("ReviewQueue", "reviewer"), Map.entry("ApproveApplication", "reviewer"), Map.entry("ReturnApplication", "reviewer"),
            Map.entry("RejectApplication", "reviewer"), Map.entry("QuotaChanged", "reviewer"),
            Map.entry("AcademyApplications", "academy"), Map.entry("SyncEnrollments", "academy"),
            Map.entry("PendingDisbursements", "finance"), Map.entry("MarkDisbursementPaid", "finance"), Map.entry("AuditChain", "auditor"));

    @Provide
    Arbitrary<Hostile> hostileRequests() throws IOException {
        TypeDefinitionRegistry schema = new SchemaParser().parse(Files.readString(Path.of("graphql", "schema.graphql")));
        List<Arbitrary<Hostile>> perOperation = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("graphql", "operations"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replace(".graphql", "");
                Document document = Parser.parse(Files.readString(file));
                OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
                boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
                List<Arbitrary<Map.Entry<String, Object>>> vars = new ArrayList<>();
                for (VariableDefinition v : operation.getVariableDefinitions()) {
                    vars.add(field(schema, v.getName(), v.getType()));
                }
                Arbitrary<Object> variables = vars.isEmpty() ? Arbitraries.just(Map.of())
                        : Combinators.combine(vars).as(HostileInputIT::toMap);
                // now and then the variables are not an object at all
                Arbitrary<Object> shaped = Arbitraries.frequencyOf(Tuple.of(97, variables),
                        Tuple.of(3, Arbitraries.of(List.of(1, 2), "variables", 42, true).map(o -> (Object) o)));
                String role = ROLES.getOrDefault(name, "admin");
                Arbitrary<String> who = Arbitraries.frequencyOf(Tuple.of(85, Arbitraries.just(role)),
                        Tuple.of(10, Arbitraries.of("worker", "reviewer", "admin", "finance", "auditor", "academy")),
                        Tuple.of(5, Arbitraries.just("anonymous")));
                perOperation.add(Combinators.combine(shaped, who).as((vs, r) -> new Hostile(name, mutation, vs, r)));
            }
        }
        assertTrue(perOperation.size() >= 30, "every operation file is a source of requests");
        return Arbitraries.oneOf(perOperation);
    }

    private static final Object OMITTED = new Object();

    private static Object toMap(List<Map.Entry<String, Object>> entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entries) {
            if (e.getValue() != OMITTED) {
                map.put(e.getKey(), e.getValue());
            }
        }
        return map;
    }

    /** A named value of a type (a variable or an input field): usually present, now and then left out. */
    private static Arbitrary<Map.Entry<String, Object>> field(TypeDefinitionRegistry schema, String name, Type<?> type) {
        return Arbitraries.frequencyOf(Tuple.of(90, value(schema, type, 0)), Tuple.of(10, Arbitraries.just(OMITTED)))
                .map(v -> new java.util.AbstractMap.SimpleImmutableEntry<>(name, v));
    }

    /** JSON values for a schema type: right ones, edge ones and wrong ones. */
    static Arbitrary<Object> value(TypeDefinitionRegistry schema, Type<?> type, int depth) {
        if (type instanceof NonNullType nonNull) {
            return Arbitraries.frequencyOf(Tuple.of(93, value(schema, nonNull.getType(), depth)), Tuple.of(7, nothing()));
        }
        if (type instanceof ListType list) {
            Arbitrary<Object> item = value(schema, list.getType(), depth + 1);
            return Arbitraries.frequencyOf(
                    Tuple.of(60, item.list().ofMaxSize(4).map(l -> (Object) l)),
                    Tuple.of(2, item.map(v -> (Object) Collections.nCopies(1001, io.vertx.core.json.Json.encode(v).length() < 200 ? v : 1))),
                    Tuple.of(8, item),
                    Tuple.of(6, deepArray()),
                    Tuple.of(8, wrongType()),
                    Tuple.of(4, Arbitraries.just((Object) List.of())),
                    Tuple.of(4, nothing()));
        }
        String name = ((TypeName) type).getName();
        return switch (name) {
            case "Int" -> ints();
            case "String" -> strings();
            case "ID" -> ids();
            case "Boolean" -> Arbitraries.frequencyOf(Tuple.of(70, Arbitraries.of(true, false).map(b -> (Object) b)),
                    Tuple.of(30, Arbitraries.of("true", 1, 0, "yes").map(o -> (Object) o)), Tuple.of(10, wrongType()));
            case "DateTime" -> dateTimes();
            case "Date" -> dates();
            default -> {
                var definition = schema.getType(name).orElseThrow(() -> new IllegalStateException("no type " + name));
                if (definition instanceof EnumTypeDefinition e) {
                    yield enums(e.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList());
                }
                if (definition instanceof InputObjectTypeDefinition input && depth < 4) {
                    List<Arbitrary<Map.Entry<String, Object>>> fields = new ArrayList<>();
                    for (InputValueDefinition f : input.getInputValueDefinitions()) {
                        fields.add(field(schema, f.getName(), f.getType()));
                    }
                    Arbitrary<Object> object = Combinators.combine(fields).as(HostileInputIT::toMap);
                    yield Arbitraries.frequencyOf(Tuple.of(85, object),
                            Tuple.of(7, object.map(o -> {
                                Map<String, Object> withUnknown = new LinkedHashMap<>((Map<String, Object>) o);
                                withUnknown.put("bogus\u0000field", 1);
                                return (Object) withUnknown;
                            })),
                            Tuple.of(8, wrongType()));
                }
                yield wrongType();
            }
        };
    }

    private static Arbitrary<Object> nothing() {
        return Arbitraries.just(null);
    }

    private static Arbitrary<Object> ints() {
        return Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.integers().between(-3, 600).map(i -> (Object) i)),
                Tuple.of(15, Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE, 0, -1, 1, 500, 501, 1000, 1001).map(i -> (Object) i)),
                Tuple.of(15, Arbitraries.of(1L << 31, -(1L << 31) - 1, (1L << 32) + 7, (1L << 32) + 2027, Long.MAX_VALUE, Long.MIN_VALUE)
                        .map(l -> (Object) l)),
                Tuple.of(10, Arbitraries.of(new BigInteger("1" + "0".repeat(40)), new BigDecimal("1.5"), new BigDecimal("1E+400"), 7.0, -0.0,
                        1e300).map(n -> (Object) n)),
                Tuple.of(10, Arbitraries.of("7", "", "0x10", "1e3", "NaN").map(s -> (Object) s)),
                Tuple.of(10, wrongType()),
                Tuple.of(5, nothing()));
    }

    private static Arbitrary<Object> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.strings().withCharRange('a', 'z').withChars("张三李四工会学院 -_0123456789").ofMinLength(1).ofMaxLength(24)
                        .map(s -> (Object) s)),
                Tuple.of(10, Arbitraries.of("", " ", "\t", "\n", "   \u3000").map(s -> (Object) s)),
                Tuple.of(3, Arbitraries.integers().between(1_000, 60_000).map(n -> (Object) "长".repeat(n))),
                Tuple.of(15, Arbitraries.strings().withChars("\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u007f\u0085\u200b\u202e\ufeffab")
                        .ofMinLength(1).ofMaxLength(12).map(s -> (Object) s)),
                Tuple.of(10, Arbitraries.of("\uD83D\uDE00\uD83D\uDCB0", "\uD800", "\u202Egnp.exe", "a\u0000b", "Ω≈ç√∫", "𠀀𠀁𠀂")
                        .map(s -> (Object) s)),
                Tuple.of(10, Arbitraries.of("'; DROP TABLE worker; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "%00%0d%0a",
                        "../../etc/passwd", "{\"$ne\": null}", "330106001001' OR '1'='1").map(s -> (Object) s)),
                Tuple.of(10, wrongType()),
                Tuple.of(5, nothing()));
    }

    private static Arbitrary<Object> ids() {
        return Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.of(world == null ? List.of("1") : world.ids()).map(s -> (Object) s)),
                Tuple.of(20, Arbitraries.of("0", "-1", "abc", "1; DROP TABLE application", "9223372036854775808", "99999999999999999999999",
                        "1e3", " 1", "1.0", "", "\u0000", "０１").map(s -> (Object) s)),
                Tuple.of(10, Arbitraries.longs().between(1_000_000_000_000L, Long.MAX_VALUE).map(l -> (Object) ("" + l))),
                Tuple.of(10, Arbitraries.of(7, 1L << 40, -5).map(n -> (Object) n)),
                Tuple.of(15, wrongType()),
                Tuple.of(5, nothing()));
    }

    private static Arbitrary<Object> dateTimes() {
        return Arbitraries.frequencyOf(
                Tuple.of(35, Arbitraries.integers().between(-400, 400).map(days -> (Object) OffsetDateTime.now(ZoneOffset.ofHours(8))
                        .plusDays(days).withNano(0).toString())),
                Tuple.of(30, Arbitraries.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
                        "2027-02-30T00:00:00Z", "2027-01-01T00:00:00", "2027-01-01", "2027-01-01T24:00:00Z", "yesterday", "", "now",
                        "2027-01-01T00:00:00+25:00", "1970-01-01T00:00:00.123456789123Z").map(s -> (Object) s)),
                Tuple.of(10, Arbitraries.of(1_700_000_000, 1_700_000_000_000L).map(n -> (Object) n)),
                Tuple.of(15, strings()),
                Tuple.of(10, wrongType()));
    }

    private static Arbitrary<Object> dates() {
        return Arbitraries.frequencyOf(
                Tuple.of(35, Arbitraries.integers().between(-400, 400).map(days -> (Object) java.time.LocalDate.now().plusDays(days).toString())),
                Tuple.of(30, Arbitraries.of("0001-01-01", "9999-12-31", "+10000-01-01", "2027-02-30", "2027-13-01", "2027-1-1", "tomorrow", "",
                        "2027-01-01T00:00:00Z").map(s -> (Object) s)),
                Tuple.of(15, strings()),
                Tuple.of(10, wrongType()));
    }

    private static Arbitrary<Object> enums(List<String> values) {
        return Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.of(values).map(s -> (Object) s)),
                Tuple.of(20, Arbitraries.of(values).map(s -> (Object) s.toLowerCase())),
                Tuple.of(10, Arbitraries.of("ROBOT", "", " EDUCATION", "__typename", "A".repeat(10_000)).map(s -> (Object) s)),
                Tuple.of(10, wrongType()));
    }

    /** A JSON value of some other type than asked for. */
    private static Arbitrary<Object> wrongType() {
        return Arbitraries.of(0, -1, 3.14, true, false, "x", List.of(), List.of(1, "a"), Map.of(), Map.of("a", 1), Map.of("", List.of()))
                .map(o -> (Object) o);
    }

    /** Arrays nested 2 to 950 levels deep (JSON writers and parsers stop at 1,000). */
    private static Arbitrary<Object> deepArray() {
        return Arbitraries.integers().between(2, 950).map(depth -> {
            Object v = "deep";
            for (int i = 0; i < depth; i++) {
                v = new ArrayList<>(Arrays.asList(v));
            }
            return v;
        });
    }

    private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();

    private static String document(String operation) {
        return DOCUMENTS.computeIfAbsent(operation, o -> {
            try {
                return Files.readString(Path.of("graphql", "operations", o + ".graphql"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String fingerprint() throws java.sql.SQLException {
        try (java.sql.ResultSet rs = fingerprint.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

}
