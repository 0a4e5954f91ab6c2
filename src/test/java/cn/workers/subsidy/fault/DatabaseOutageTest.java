package cn.workers.subsidy.fault;

import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.GqlSocket;
import cn.workers.subsidy.support.PostgresResource;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stops while workers are submitting, and starts again. While it is down the server answers
 * every request quickly with a clear "retry later" (503), readiness is DOWN and liveness UP; once it is
 * back the server recovers by itself (no restart), the change feed listens again, every submission that
 * was acknowledged is in the database, and every failed one, retried with its clientRequestId, yields
 * exactly one application.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final Duration REQUEST_BOUND = Duration.ofSeconds(10);
    private static final int SENDERS = 6;
    private static final Set<String> RETRY_LATER = Set.of("The service is temporarily unavailable; retry later",
            "The request took too long and was cancelled; retry later");

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    /** One submission as the client saw it; {@code startedAt} in System.nanoTime(). */
    record Attempt(String subject, String requestId, long startedAt, long millis, int status, String applicationId, String code,
            String message) {

        boolean acknowledged() {
            return status == 200 && applicationId != null;
        }
    }

    private Attempt submit(World w, String subject, String requestId) {
        long start = System.nanoTime();
        Gql.Answer r = w.submission(subject, w.educationCourse(), requestId).timeout(REQUEST_BOUND).answer();
        JsonPath body = r.json();
        return new Attempt(subject, requestId, start, (System.nanoTime() - start) / 1_000_000, r.status(),
                body.getString("data.submitApplication.id"), body.getString("errors[0].extensions.code"), body.getString("errors[0].message"));
    }

    private static Response health(String path) {
        return RestAssured.given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 30_000))).get(path);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    @Test
    void theServerAnswersClearlyWhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
        Assumptions.assumeTrue(PostgresResource.embedded(),
                "TEST_DB_JDBC_URL names an external PostgreSQL server, which this test must not stop");
        World w = World.create(fx, "GRASSROOTS,CITY");
        String admin = Tokens.TEST.admin(Fixtures.unique("adm-"), w.tree().provinceCode());
        AtomicInteger allocated = new AtomicInteger(10);
        Gql.op("AllocateQuota").as(admin).var("input", Map.of("campaignId", "" + w.campaign(), "orgUnitCode", w.tree().cityCode(),
                "track", "EDUCATION", "allocated", allocated.get())).ok();
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String subject = Fixtures.unique("outage-");
            fx.worker(subject, w.tree().grassroots());
            workers.add(subject);
        }

        Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        Map<String, Long> measured = new java.util.LinkedHashMap<>();
        try (GqlSocket feed = GqlSocket.connect(admin, false).subscribe("q", "QuotaChanged", Map.of("campaignId", "" + w.campaign()))) {
            // up to 40 submissions a second from 6 threads (a tick is skipped while all 6 are busy, so nothing queues
            // up behind them), each worker once with a clientRequestId of their own
            AtomicInteger busy = new AtomicInteger();
            ticker.scheduleAtFixedRate(() -> {
                if (busy.get() >= SENDERS || next.get() >= workers.size()) {
                    return;
                }
                int i = next.getAndIncrement();
                busy.incrementAndGet();
                senders.submit(() -> {
                    try {
                        attempts.add(submit(w, workers.get(i), "web-" + i));
                    } finally {
                        busy.decrementAndGet();
                    }
                });
            }, 0, 25, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> attempts.stream().filter(Attempt::acknowledged).count() >= 20);

            long stopping = System.nanoTime();
            PostgresResource.stopServer();
            measured.put("pg_ctl stop ms", millisSince(stopping));
            long down = System.nanoTime();

            await().atMost(Duration.ofSeconds(60)).until(() -> attempts.stream().filter(a -> a.startedAt() > down).count() >= 20);
            long asked = System.nanoTime();
            Response ready = health("/q/health/ready");
            measured.put("readiness answer while down ms", millisSince(asked));
            assertEquals(503, ready.statusCode(), ready.asString());
            assertEquals("DOWN", ready.jsonPath().getString("status"));
            Response live = health("/q/health/live");
            assertEquals(200, live.statusCode(), live.asString());
            assertEquals("UP", live.jsonPath().getString("status"));

            long starting = System.nanoTime();
            PostgresResource.startServer();
            measured.put("pg_ctl start ms", millisSince(starting));
            long up = System.nanoTime();
            measured.put("down ms", (up - down) / 1_000_000);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> health("/q/health/ready").statusCode() == 200);
            measured.put("restart to readiness UP ms", millisSince(up));
            await().atMost(Duration.ofSeconds(60)).until(() -> attempts.stream().anyMatch(a -> a.startedAt() > up && a.acknowledged())
                    || next.get() >= workers.size());

            // the change feed's LISTEN connection comes back on its own: a subscriber sees changes again
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                int n = allocated.incrementAndGet();
                Gql.op("AllocateQuota").as(admin).var("input", Map.of("campaignId", "" + w.campaign(), "orgUnitCode", w.tree().cityCode(),
                        "track", "EDUCATION", "allocated", n)).ok();
                return sawAllocation(feed, n);
            });
            measured.put("restart to change feed delivering ms", millisSince(up));
        } finally {
            ticker.shutdownNow();
            ticker.awaitTermination(10, TimeUnit.SECONDS);
            senders.shutdown();
            assertTrue(senders.awaitTermination(60, TimeUnit.SECONDS), "every submission answered");
            if (!PostgresResource.running()) {
                PostgresResource.startServer();
            }
        }

        List<Attempt> all = new ArrayList<>(attempts);
        List<Attempt> acked = all.stream().filter(Attempt::acknowledged).toList();
        List<Attempt> failed = all.stream().filter(a -> !a.acknowledged()).toList();
        List<Long> failedMillis = failed.stream().map(Attempt::millis).sorted().toList();
        measured.put("attempts", (long) all.size());
        measured.put("acknowledged", (long) acked.size());
        measured.put("failed", (long) failed.size());
        if (!failedMillis.isEmpty()) {
            measured.put("failed answer median ms", failedMillis.get(failedMillis.size() / 2));
            measured.put("failed answer max ms", failedMillis.get(failedMillis.size() - 1));
        }
        System.out.println("Database outage: " + measured);

        assertTrue(failed.size() >= 20, "requests ran while the database was down: " + measured);
        for (Attempt a : failed) {
            assertEquals(503, a.status(), a.toString());
            assertEquals("INTERNAL", a.code(), a.toString());
            assertTrue(RETRY_LATER.contains(a.message()), "a clear message: " + a);
            assertTrue(a.millis() < 5_000, "answered quickly, not hanging: " + a);
        }

        // every acknowledged submission is in the database, with its worker and clientRequestId
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> db.count("SELECT 1") == 1);
        for (Attempt a : acked) {
            assertEquals(1, db.count("SELECT count(*) FROM application a JOIN worker w ON w.id = a.worker_id"
                    + " WHERE a.id = ? AND a.client_request_id = ? AND w.subject = ?", Long.parseLong(a.applicationId()), a.requestId(),
                    a.subject()), "acknowledged but missing: " + a);
        }
        // retried with the same clientRequestId: the acknowledged ones answer the same application, the failed ones get theirs
        for (Attempt a : all) {
            Attempt again = submit(w, a.subject(), a.requestId());
            assertTrue(again.acknowledged(), again.toString());
            if (a.acknowledged()) {
                assertEquals(a.applicationId(), again.applicationId());
            }
        }
        Map<String, Long> perWorker = db.column("SELECT w.subject FROM application a JOIN worker w ON w.id = a.worker_id"
                + " WHERE a.campaign_id = ?", w.campaign()).stream().map(Object::toString)
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(all.size(), perWorker.size(), "one application for every worker who tried");
        assertTrue(perWorker.values().stream().allMatch(n -> n == 1), "never two: " + perWorker);

        JsonPath audit = Gql.op("AuditChain").as(Tokens.TEST.auditor(Fixtures.unique("au-"), w.tree().provinceCode()))
                .var("campaignId", "" + w.campaign()).ok();
        assertTrue(audit.getBoolean("data.auditChain.intact"), "the history chains survived the outage: " + audit.prettify());
        assertNotNull(measured.get("restart to readiness UP ms"));
    }

    /** True when the feed delivers the pool at {@code allocated} within a few seconds (older events are skipped). */
    private static boolean sawAllocation(GqlSocket feed, int allocated) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline) {
            JsonObject m = feed.next(1);
            JsonObject data = m != null && "next".equals(m.getString("type")) ? m.getJsonObject("payload").getJsonObject("data") : null;
            if (data != null && data.getJsonObject("quotaChanged") != null) {
                if (data.getJsonObject("quotaChanged").getInteger("allocated") == allocated) {
                    return true;
                }
            }
        }
        return false;
    }
}
