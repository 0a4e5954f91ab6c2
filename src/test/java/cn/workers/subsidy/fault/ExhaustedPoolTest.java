package cn.workers.subsidy.fault;

import cn.workers.subsidy.common.error.ErrorCodes;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a tiny pool (2 connections, 2 waiters, 1 s to get a connection, 1 s statement timeout): a slow
 * statement is cancelled by PostgreSQL, and requests that find every connection taken get a clean
 * "retry later" answer (HTTP 503) within the bound, never a hang; the pool serves again once freed.
 */
@QuarkusTest
@TestProfile(ExhaustedPoolTest.TinyPool.class)
class ExhaustedPoolTest {

    public static class TinyPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.reactive.max-size", "2",
                    "subsidy.db.wait-queue-size", "2",
                    "subsidy.db.acquire-timeout", "1s",
                    "quarkus.datasource.reactive.additional-properties.statement_timeout", "1s");
        }
    }

    @Inject
    PoolProbe probe;

    @Inject
    Fixtures fx;

    @Test
    void aSlowStatementIsCancelledAtTheStatementTimeout() {
        assertEquals("1s", probe.showOnPool("statement_timeout"));

        long start = System.nanoTime();
        Throwable onPool = probe.sleepOnPool(3);
        long poolMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ErrorCodes.Unavailable.STATEMENT_TIMEOUT, ErrorCodes.unavailable(onPool), String.valueOf(onPool));
        assertTrue(poolMillis >= 900 && poolMillis < 2500, "cancelled after about 1 s, took " + poolMillis + " ms");

        start = System.nanoTime();
        Throwable inSession = probe.sleepInSession(3);
        long sessionMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ErrorCodes.Unavailable.STATEMENT_TIMEOUT, ErrorCodes.unavailable(inSession), String.valueOf(inSession));
        assertTrue(sessionMillis < 2500, "took " + sessionMillis + " ms");
        assertNull(probe.sleepOnPool(0.1), "a statement within the bound runs");
    }

    record Answer(int status, String retryAfter, String code, String message, long millis) {
    }

    @Test
    void requestsFindingThePoolExhaustedFailCleanlyAndQuickly() throws Exception {
        Fixtures.Tree t = fx.tree();
        String admin = Tokens.admin(Fixtures.unique("adm-"), t.provinceCode());
        Gql.op("Campaigns").as(admin).ok();

        probe.hold(2);
        List<Answer> answers = new ArrayList<>();
        try {
            ExecutorService threads = Executors.newFixedThreadPool(6);
            try {
                List<Callable<Answer>> calls = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    calls.add(() -> {
                        long start = System.nanoTime();
                        Response r = Gql.op("Campaigns").as(admin).post(Duration.ofSeconds(10));
                        return new Answer(r.statusCode(), r.header("Retry-After"), r.jsonPath().getString("errors[0].extensions.code"),
                                r.jsonPath().getString("errors[0].message"), (System.nanoTime() - start) / 1_000_000);
                    });
                }
                for (Future<Answer> f : threads.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                    answers.add(f.get());
                }
            } finally {
                threads.shutdownNow();
            }
        } finally {
            probe.release();
        }
        System.out.println("Exhausted pool answers: " + answers);
        for (Answer a : answers) {
            assertEquals(503, a.status(), answers.toString());
            assertEquals("5", a.retryAfter());
            assertEquals("INTERNAL", a.code());
            assertEquals("The service is temporarily unavailable; retry later", a.message());
            assertTrue(a.millis() < 2500, "answered within the 1 s acquisition bound (plus slack): " + answers);
        }
        assertTrue(answers.stream().anyMatch(a -> a.millis() < 700), "beyond the wait queue, refused at once: " + answers);
        assertTrue(answers.stream().anyMatch(a -> a.millis() >= 900), "in the wait queue, refused after the acquisition timeout: " + answers);

        Gql.op("Campaigns").as(admin).ok();
    }
}
