package cn.workers.subsidy.fault;

import cn.workers.subsidy.common.error.ErrorCodes;
import cn.workers.subsidy.common.error.ErrorShapingInstrumentation;
import cn.workers.subsidy.support.Concurrently;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a tiny pool (2 connections, 2 waiters, 3 s to get a connection, 1 s statement timeout): a slow
 * statement is cancelled by PostgreSQL, and requests that find every connection taken get a clean
 * "retry later" answer (HTTP 503) within the bound, never a hang: those beyond the wait queue at once,
 * the queued ones after the acquisition timeout. The pool serves again once freed.
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
                    "subsidy.db.acquire-timeout", "3s",
                    "quarkus.datasource.reactive.additional-properties.statement_timeout", "1s",
                    // the metric gauges read through the same pool (every second in the test profile): with the
                    // pool held they would take the two waiter places before the requests under test arrive
                    "subsidy.metrics.refresh", "1h");
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
        Throwable onPool = probe.sleepOnPool(5);
        long poolMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ErrorCodes.Unavailable.STATEMENT_TIMEOUT, ErrorCodes.unavailable(onPool), String.valueOf(onPool));
        assertTrue(poolMillis >= 900 && poolMillis < 4000, "cancelled after about 1 s, not after 5: took " + poolMillis + " ms");

        start = System.nanoTime();
        Throwable inSession = probe.sleepInSession(5);
        long sessionMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ErrorCodes.Unavailable.STATEMENT_TIMEOUT, ErrorCodes.unavailable(inSession), String.valueOf(inSession));
        assertTrue(sessionMillis < 4000, "took " + sessionMillis + " ms");
        System.out.println("Statement timeout 1 s: cancelled after " + poolMillis + " ms (pool), " + sessionMillis + " ms (session)");
        assertNull(probe.sleepOnPool(0.1), "a statement within the bound runs");
    }

    record Answer(int status, String retryAfter, String code, String message, long millis) {
    }

    @Test
    void requestsFindingThePoolExhaustedFailCleanlyAndQuickly() throws Exception {
        Fixtures.Tree t = fx.tree();
        String admin = Tokens.TEST.admin(Fixtures.unique("adm-"), t.provinceCode());
        Gql.op("Campaigns").as(admin).ok();

        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger shaping = Logger.getLogger(ErrorShapingInstrumentation.class.getName());
        shaping.addHandler(capture);
        probe.hold(2);
        List<Answer> answers;
        try {
            answers = Concurrently.times(6, i -> {
                long start = System.nanoTime();
                Gql.Answer r = Gql.op("Campaigns").as(admin).timeout(Duration.ofSeconds(15)).answer();
                return new Answer(r.status(), r.header("Retry-After"), r.json().getString("errors[0].extensions.code"),
                        r.json().getString("errors[0].message"), (System.nanoTime() - start) / 1_000_000);
            });
        } finally {
            probe.release();
            shaping.removeHandler(capture);
        }
        System.out.println("Exhausted pool answers: " + answers);
        for (Answer a : answers) {
            assertEquals(503, a.status(), answers.toString());
            assertEquals("5", a.retryAfter());
            assertEquals("INTERNAL", a.code());
            assertEquals("The service is temporarily unavailable; retry later", a.message());
            assertTrue(a.millis() < 3_000 + 4_000, "answered within the 3 s acquisition bound (plus slack for a busy machine): " + answers);
        }
        List<String> exhausted = warnings.stream().filter(w -> w.startsWith("POOL_EXHAUSTED at [campaigns]")).toList();
        assertEquals(6, exhausted.size(), warnings.toString());
        assertTrue(exhausted.stream().anyMatch(w -> w.contains("ConnectionPoolTooBusyException")), "beyond the wait queue: " + exhausted);
        assertTrue(exhausted.stream().anyMatch(w -> w.endsWith("NoStackTraceThrowable: Timeout")), "queued, then timed out: " + exhausted);

        Gql.op("Campaigns").as(admin).ok();
    }
}
