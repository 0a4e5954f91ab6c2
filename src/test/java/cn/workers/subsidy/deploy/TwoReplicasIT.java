package cn.workers.subsidy.deploy;

import cn.workers.subsidy.common.security.PiiCiphers;
import cn.workers.subsidy.dev.EmbeddedDatabase;
import cn.workers.subsidy.support.Concurrently;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.GqlSocket;
import cn.workers.subsidy.support.ServerProcess;
import cn.workers.subsidy.support.StubIssuer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several replicas (issue 8): two server processes, built by {@code package} and run in the prod profile,
 * on one PostgreSQL. Final approvals split across both never oversubscribe a pool; a subscriber on one
 * replica sees quota changes made through the other (LISTEN/NOTIFY); stopping one replica gracefully
 * (SIGTERM) while load runs loses no acknowledged request.
 *
 * <p>The servers get the environment of docs/DEPLOYMENT.md: DB_*, PII_*, OIDC_AUTH_SERVER_URL and
 * OIDC_AUDIENCE, plus their loopback port (QUARKUS_HTTP_HOST/PORT) and QUARKUS_SHUTDOWN_TIMEOUT=5s instead of
 * 25 s (the drain's forced end then falls inside the load window, and the test stays short). The issuer is
 * {@link StubIssuer}, a loopback stand-in for the Keycloak realm that serves discovery and the JWKS and signs
 * the tokens, so token checking runs as in production, discovery included. Logs: {@code target/replicas-a.log},
 * {@code target/replicas-b.log}.
 *
 * <p>What Quarkus 3.34 does on SIGTERM, as seen here: it keeps answering requests that still arrive (each
 * answer carries "Connection: close") and waits for the number of open HTTP requests to reach zero, at most
 * quarkus.shutdown.timeout (a subscription's WebSocket does not count: SubscriptionUpgrades, GracefulStopIT), then
 * closes whatever is still in flight. A request cut off that way may have been committed: the client's retry with
 * the same clientRequestId gets that application back, never a second one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    private StubIssuer issuer;
    private EmbeddedDatabase db;
    private ServerProcess a;
    private ServerProcess b;
    private Db sql;
    private Fixtures fx;

    private Fixtures.Tree tree;
    private long campaign;
    private long academy;
    private long course;
    private long pool;

    @BeforeAll
    void startTwoReplicasOnOneDatabase() throws Exception {
        long t0 = System.nanoTime();
        issuer = StubIssuer.start();
        Files.createDirectories(Path.of("target"));
        db = EmbeddedDatabase.start(Files.createTempDirectory(Path.of("target"), "replicas-pg-").resolve("data").toAbsolutePath(), 0, false);
        String encryptionKey = ServerProcess.randomKey();
        String hashKey = ServerProcess.randomKey();
        Map<String, String> env = ServerProcess.prodEnvironment(db.port(), issuer.url(), encryptionKey, hashKey);
        // the drain is cut short at 5 s instead of production's 25 s: its forced end (see the load test) then
        // happens while load runs, and the test stays short
        env.put("QUARKUS_SHUTDOWN_TIMEOUT", "5s");
        // both at once: the second waits on Flyway's lock while the first migrates, then finds the schema current
        a = ServerProcess.start("a", ServerProcess.freePort(), env);
        b = ServerProcess.start("b", ServerProcess.freePort(), env);
        a.awaitReady(READY_TIMEOUT);
        b.awaitReady(READY_TIMEOUT);
        System.out.printf("TwoReplicasIT: PostgreSQL on %d, replicas a=%s b=%s ready after %d ms%n", db.port(), a.base(), b.base(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));

        sql = Db.at(EmbeddedDatabase.jdbcUrl(db.port()));
        fx = new Fixtures(sql, PiiCiphers.of(encryptionKey, hashKey));
        tree = fx.tree();
        campaign = fx.openCampaign("CITY");
        academy = fx.academy(tree.city(), "HEADQUARTERS", null);
        course = fx.course(campaign, academy, "EDUCATION", "ASSOCIATE", 250000, 10000);
        pool = fx.pool(campaign, tree.city(), "EDUCATION", 50);
    }

    @AfterAll
    void stopEverything() {
        ServerProcess.closeAll("TwoReplicasIT", b, a, issuer, db == null ? null : db::stop);
    }

    @Test
    @Order(0)
    void bothReplicasMigratedOneSchemaOnce() {
        long migrations;
        try (var files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(migrations, sql.count("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"),
                "every migration applied exactly once although both replicas started together");
        String token = issuer.reviewer("rv-warm", tree.cityCode());
        for (ServerProcess server : List.of(a, b)) {
            JsonObject me = Gql.op("Me").as(token).at(server.base()).answer().data("me");
            assertEquals("rv-warm", me.getString("subject"), "replica " + server.name() + " accepts the issuer's tokens");
        }
        assertEquals("UNAUTHENTICATED", Gql.op("Me").at(a.base()).answer().errorCode());
    }

    @Test
    @Order(1)
    void finalApprovalsSplitAcrossBothReplicasNeverOversubscribeAPool() throws Exception {
        List<Fixtures.Worker> workers = fx.workers(Fixtures.unique("race") + "-", tree.grassroots(), 150);
        List<Long> cases = fx.applicationsInReview(workers, campaign, course, "CITY", tree.city());
        String reviewer = issuer.reviewer("rv-city", tree.cityCode());

        Map<String, Map<String, Integer>> byServer = new ConcurrentHashMap<>();
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ServerProcess server = i % 2 == 0 ? a : b;
            long id = cases.get(i);
            calls.add(() -> {
                Gql.Answer answer = Gql.op("ApproveApplication").as(reviewer).vars(Map.of("id", "" + id, "expectedVersion", 1))
                        .at(server.base()).answer();
                String outcome = answer.errorCode() != null ? answer.errorCode() : answer.data("approveApplication").getString("status");
                byServer.computeIfAbsent(server.name(), k -> new ConcurrentHashMap<>()).merge(outcome, 1, Integer::sum);
                return outcome;
            });
        }
        long t0 = System.nanoTime();
        Map<String, Long> outcomes = Concurrently.run(24, calls).stream().collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting()));
        System.out.printf("TwoReplicasIT: 150 final approvals in %d ms, by replica %s%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
                byServer);

        assertEquals(Map.of("APPROVED", 50L, "QUOTA_EXHAUSTED", 100L), outcomes);
        for (String name : List.of("a", "b")) {
            assertTrue(byServer.getOrDefault(name, Map.of()).getOrDefault("APPROVED", 0) > 0,
                    "replica " + name + " took places too: " + byServer);
        }
        assertEquals(50L, sql.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        assertEquals(50L, sql.count("SELECT count(*) FROM application WHERE campaign_id = ? AND status = 'APPROVED'", campaign));
        assertEquals(100L, sql.count("SELECT count(*) FROM application WHERE campaign_id = ? AND status = 'IN_REVIEW' AND version = 1",
                campaign), "a refused approval changes nothing");
        assertEquals(50L, sql.count("SELECT count(*) FROM application WHERE quota_pool_id = ?", pool),
                "approved equals the number of applications holding a place");
        assertEquals(50L, sql.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ? AND reason = 'APPROVE'", pool),
                "one ledger entry per place taken");
        assertEquals(50L, sql.count("SELECT approved_after FROM quota_ledger WHERE pool_id = ? ORDER BY id DESC LIMIT 1", pool),
                "the newest ledger entry shows the pool's figures");
        assertEquals(0L, sql.count("SELECT count(*) FROM (SELECT approved_after FROM quota_ledger WHERE pool_id = ? AND reason = 'APPROVE'"
                + " GROUP BY approved_after HAVING count(*) > 1) d", pool), "every place taken once: approved_after 1..50 each once");
    }

    @Test
    @Order(2)
    void aSubscriberOnOneReplicaSeesQuotaChangesMadeThroughTheOther() throws Exception {
        String admin = issuer.admin("adm", tree.provinceCode());
        int next = 60;
        for (ServerProcess[] pair : new ServerProcess[][] {{a, b}, {b, a}}) {
            ServerProcess listener = pair[0];
            ServerProcess actor = pair[1];
            try (GqlSocket console = GqlSocket.connect(listener.base(), issuer.reviewer("console", tree.cityCode()), false)
                    .subscribe("q", "QuotaChanged", Map.of("campaignId", "" + campaign))) {
                // the subscription starts asynchronously after "subscribe": a change made before it is live is not
                // replayed, so change again (a new size each time) until one arrives, a few times at most
                Set<Integer> sizesSet = new HashSet<>();
                JsonObject seen = null;
                for (int attempt = 0; attempt < 5 && seen == null; attempt++) {
                    int size = next++;
                    sizesSet.add(size);
                    JsonObject changed = Gql.op("AllocateQuota").as(admin).var("input", Map.of("campaignId", "" + campaign,
                            "orgUnitCode", tree.cityCode(), "track", "EDUCATION", "allocated", size)).at(actor.base()).answer().data("allocateQuota");
                    assertEquals(size, changed.getInteger("allocated"));
                    seen = nextQuotaEvent(console, 6);
                }
                assertNotNull(seen, "a subscriber on replica " + listener.name() + " saw none of the changes made through "
                        + actor.name() + " (sizes " + sizesSet + ")");
                assertEquals("" + pool, seen.getString("id"));
                assertTrue(sizesSet.contains(seen.getInteger("allocated")), "the event carries a size set through " + actor.name() + ": " + seen);
                assertEquals(seen.getInteger("allocated") - seen.getInteger("approved"), seen.getInteger("remaining"));
                assertEquals(tree.cityCode(), seen.getJsonObject("orgUnit").getString("code"));
            }
        }
    }

    private static JsonObject nextQuotaEvent(GqlSocket socket, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonObject m = socket.next((int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
            if (m == null) {
                return null;
            }
            if ("next".equals(m.getString("type"))) {
                JsonObject payload = m.getJsonObject("payload");
                if (payload.getJsonArray("errors") != null) {
                    throw new AssertionError("subscription error: " + payload.encode());
                }
                return payload.getJsonObject("data").getJsonObject("quotaChanged");
            }
            if ("error".equals(m.getString("type")) || "closed".equals(m.getString("type"))) {
                throw new AssertionError("subscription ended: " + m.encode());
            }
        }
        return null;
    }

    /** One submission as the client saw it. */
    record Attempt(int worker, String server, long startedAt, long endedAt, Instant endedAtWall, String outcome, String applicationId,
            boolean closing, String detail) {
        boolean acknowledged() {
            return "ACK".equals(outcome);
        }
    }

    /**
     * The load: workers submit (each once, with its own clientRequestId), odd ones through b, even ones through a,
     * at a steady pace, before, during and after b's shutdown. The client never learns that b is stopping (the
     * worst case: a connection that keeps sending to a pod that left the Service); a request that got no
     * acknowledgement (no answer, 503) is retried, same clientRequestId, through a. SIGTERM reaches b once the
     * load is under way; b keeps answering during its drain (Quarkus answers "Connection: close" while it shuts
     * down), then closes; the load goes on until a has acknowledged more after b's exit.
     */
    @Test
    @Order(3)
    void stoppingOneReplicaGracefullyUnderLoadLosesNoAcknowledgedRequest() throws Exception {
        int pool = 1200;
        int threads = 10;
        long loadCampaign = fx.openCampaign("GRASSROOTS");
        long loadCourse = fx.course(loadCampaign, academy, "EDUCATION", "ASSOCIATE", 250000, 100000);
        List<Fixtures.Worker> workers = fx.workers(Fixtures.unique("load") + "-", tree.grassroots(), pool);

        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger cursor = new AtomicInteger();
        AtomicBoolean keepGoing = new AtomicBoolean(true);
        AtomicInteger aAcksAfterExit = new AtomicInteger();
        AtomicLong bExitedAt = new AtomicLong(Long.MAX_VALUE);
        ExecutorService load = Executors.newFixedThreadPool(threads);
        // the pace: a submission may start when it has a permit, and a ticker hands out one every 8 ms (at most
        // one per thread waiting), a steady 125 a second that spans b's shutdown without using up the workers
        Semaphore permits = new Semaphore(0);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            if (permits.availablePermits() < threads) {
                permits.release();
            }
        }, 0, 8, TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        try {
            for (int t = 0; t < threads; t++) {
                load.submit(() -> {
                    while (keepGoing.get()) {
                        if (!permits.tryAcquire(5, TimeUnit.SECONDS)) {
                            continue;
                        }
                        int i = cursor.getAndIncrement();
                        if (i >= pool) {
                            cursor.decrementAndGet();
                            break;
                        }
                        String token = issuer.worker(workers.get(i).subject());
                        Map<String, Object> input = Map.of("input", Map.of("campaignId", "" + loadCampaign, "courseId", "" + loadCourse,
                                "clientRequestId", "replica-load-" + i));
                        for (int attempt = 0; attempt < 6; attempt++) {
                            ServerProcess target = attempt == 0 && i % 2 == 1 ? b : a;
                            Attempt done = submit(i, target, token, input);
                            attempts.add(done);
                            if (done.acknowledged()) {
                                acknowledged.put(i, done.applicationId());
                                if (target == a && done.startedAt() > bExitedAt.get()) {
                                    aAcksAfterExit.incrementAndGet();
                                }
                                break;
                            }
                            if (!done.outcome().startsWith("CLEAN") && target == a) {
                                break; // an error answer from the replica that stays up is a failure of the test
                            }
                            a.awaitReady(Duration.ofSeconds(30)); // the retry goes to a: once it answers ready
                        }
                    }
                    return null;
                });
            }
            awaitCondition(() -> acknowledged.size() >= 30, Duration.ofSeconds(60), "30 acknowledged submissions before SIGTERM");
            int acksAtTerm = acknowledged.size();
            long termAt = System.nanoTime();
            b.terminate();
            Integer exit = b.awaitExit(Duration.ofSeconds(60));
            bExitedAt.set(System.nanoTime());
            long exitMillis = TimeUnit.NANOSECONDS.toMillis(bExitedAt.get() - termAt);
            awaitCondition(() -> aAcksAfterExit.get() >= 20 || cursor.get() >= pool, Duration.ofSeconds(60),
                    "20 submissions acknowledged by a after b exited");
            keepGoing.set(false);
            load.shutdown();
            assertTrue(load.awaitTermination(120, TimeUnit.SECONDS), "the load finished");
            long loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            int submitted = cursor.get();

            List<Attempt> all = new ArrayList<>(attempts);
            // an error answer is acceptable only from b once it is shutting down (the forced end of its drain may close
            // the database pools under a request whose connection is still open); the retry through a settles it
            List<Attempt> errorsWhileStopping = all.stream().filter(x -> !x.acknowledged() && !x.outcome().startsWith("CLEAN")
                    && x.server().equals("b") && x.endedAt() > termAt).toList();
            List<Attempt> unclean = all.stream().filter(x -> !x.acknowledged() && !x.outcome().startsWith("CLEAN")
                    && !errorsWhileStopping.contains(x)).toList();
            List<Attempt> toB = all.stream().filter(x -> x.server().equals("b")).toList();
            long bInFlightAtTerm = toB.stream().filter(x -> x.acknowledged() && x.startedAt() < termAt && x.endedAt() > termAt).count();
            List<Attempt> bDuringDrain = toB.stream().filter(x -> x.startedAt() > termAt && x.startedAt() < bExitedAt.get()).toList();
            long bAcksDuringDrain = bDuringDrain.stream().filter(Attempt::acknowledged).count();
            Map<String, Long> outcomes = all.stream().collect(Collectors.groupingBy(x -> x.server() + ":" + x.outcome(), TreeMap::new,
                    Collectors.counting()));
            System.out.printf("TwoReplicasIT: %d workers submitted in %d ms (%d threads); SIGTERM to b after %d acknowledgements; b exited"
                    + " (code %s) %d ms after SIGTERM; attempts %s; b: %d acknowledged in flight at SIGTERM, %d sent during its shutdown %s;"
                    + " a: %d acknowledged after b exited%n",
                    submitted, loadMillis, threads, acksAtTerm, exit, exitMillis, outcomes, bInFlightAtTerm, bDuringDrain.size(),
                    bDuringDrain.stream().collect(Collectors.groupingBy(x -> x.outcome() + (x.closing() ? "+Connection:close" : ""),
                            TreeMap::new, Collectors.counting())), aAcksAfterExit.get());

            assertNotNull(exit, "b ended within 60 s of SIGTERM:\n" + b.logTail(30));
            assertTrue(b.log().contains("stopped in"), "b went through Quarkus' orderly shutdown:\n" + b.logTail(30));
            assertTrue(cursor.get() < pool, "the load did not run out of workers before the end (" + pool + ")");
            assertTrue(bAcksDuringDrain > 0, "b answered requests that reached it while it shut down: " + bDuringDrain);
            assertTrue(aAcksAfterExit.get() > 0, "the load went on after b exited");
            assertEquals(List.of(), unclean, "every failure is clean: no answer (refused, closed) or 503, never an error answer"
                    + " (except from b while it stops)");
            assertEquals(submitted, acknowledged.size(), "every submission was acknowledged in the end (after retries)");

            // nothing acknowledged is lost, nothing is duplicated by the retries
            Map<Long, Long> byApplication = new TreeMap<>();
            for (Object[] row : sql.rows("SELECT id, worker_id FROM application WHERE campaign_id = ?", loadCampaign)) {
                byApplication.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
            }
            assertEquals(submitted, byApplication.size(), "one application per submitting worker, no more");
            assertEquals(submitted, new HashSet<>(byApplication.values()).size(), "no worker has two applications");
            for (Attempt ack : all.stream().filter(Attempt::acknowledged).toList()) {
                assertEquals(workers.get(ack.worker()).id(), byApplication.get(Long.parseLong(ack.applicationId())),
                        "acknowledged application " + ack.applicationId() + " (from " + ack.server() + ") is in the database, the worker's");
            }
            assertEquals(submitted, sql.count("SELECT count(*) FROM application_history h JOIN application p ON p.id = h.application_id"
                    + " WHERE p.campaign_id = ? AND h.action = 'SUBMIT' AND p.status = 'SUBMITTED'", loadCampaign),
                    "each SUBMITTED, with one SUBMIT history entry");
            // how many requests b committed without its answer reaching the client: the retry got them back, not a second one
            long committedUnanswered = 0;
            for (Attempt lost : toB.stream().filter(x -> x.outcome().equals("CLEAN_NO_ANSWER")).toList()) {
                Object[] app = sql.row("SELECT submitted_at FROM application WHERE campaign_id = ? AND worker_id = ?", loadCampaign,
                        workers.get(lost.worker()).id());
                Instant committed = app[0] instanceof java.sql.Timestamp ts ? ts.toInstant() : ((java.time.OffsetDateTime) app[0]).toInstant();
                if (committed.isBefore(lost.endedAtWall())) {
                    committedUnanswered++;
                }
            }
            System.out.printf("TwoReplicasIT: of b's %d unanswered requests, %d had been committed (the retry through a returned that"
                    + " application); error answers from b while it stopped: %d %s%n", toB.stream().filter(x -> x.outcome().equals("CLEAN_NO_ANSWER"))
                    .count(), committedUnanswered, errorsWhileStopping.size(), errorsWhileStopping.stream().map(Attempt::detail).distinct().toList());
            a.awaitReady(Duration.ofSeconds(10));
        } finally {
            keepGoing.set(false);
            ticker.shutdownNow();
            load.shutdownNow();
        }
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
    }

    private static Attempt submit(int worker, ServerProcess server, String token, Map<String, Object> variables) {
        long start = System.nanoTime();
        try {
            Gql.Answer answer = Gql.op("SubmitApplication").as(token).vars(variables).at(server.base()).timeout(Duration.ofSeconds(60)).post();
            long end = System.nanoTime();
            if (answer.ok()) {
                return new Attempt(worker, server.name(), start, end, Instant.now(), "ACK", answer.data("submitApplication").getString("id"),
                        answer.connectionClose(), null);
            }
            String outcome = answer.status() == 503 ? "CLEAN_503" : "ERROR_" + answer.status();
            return new Attempt(worker, server.name(), start, end, Instant.now(), outcome, null, answer.connectionClose(), answer.raw());
        } catch (IOException e) {
            return new Attempt(worker, server.name(), start, System.nanoTime(), Instant.now(), "CLEAN_NO_ANSWER", null, false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(worker, server.name(), start, System.nanoTime(), Instant.now(), "INTERRUPTED", null, false, null);
        }
    }
}
