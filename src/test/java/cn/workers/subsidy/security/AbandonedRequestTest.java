package cn.workers.subsidy.security;

import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client that goes away in the middle of a request (a browser tab closed, a load test stopped) must not
 * flood the log. A review queue page resolves the caller and the viewer for every edge's {@code worker}; once
 * the client had gone, each edge failed with "The current thread cannot be blocked" and logged a 30 KB stack
 * trace. Here 16 review queue requests are cut off mid-flight (the socket reset right after the request); the
 * server must finish or drop them without a single ERROR line, and keep serving.
 */
@QuarkusTest
class AbandonedRequestTest {

    @Inject
    Fixtures fx;

    static final class Errors extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                lines.add(r.getLoggerName() + ": " + r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void requestsAbandonedMidFlightEndQuietly() throws Exception {
        World w = World.create(fx, "GRASSROOTS,CITY");
        for (int i = 0; i < 60; i++) {
            long worker = fx.worker(Fixtures.unique("abandon-"), w.tree().grassroots());
            fx.application(worker, w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true);
        }
        String reviewer = Tokens.TEST.reviewer("abandon-rv", w.tree().grassrootsCode());
        Map<String, Object> variables = Map.of("campaignId", "" + w.campaign(), "stage", "GRASSROOTS", "first", 60);
        String body = new JsonObject().put("query", Gql.document("ReviewQueue")).put("operationName", "ReviewQueue")
                .put("variables", new JsonObject(variables)).encode();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String request = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer " + reviewer
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        // warm: the page answers in full while the client waits
        assertEquals(60, Gql.op("ReviewQueue").as(reviewer).vars(variables).ok().getList("data.reviewQueue.edges").size());

        Errors errors = new Errors();
        Logger root = Logger.getLogger("");
        root.addHandler(errors);
        try {
            for (int i = 0; i < 16; i++) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
                    socket.setSoLinger(true, 0); // close with a reset, as a client that vanishes does
                    OutputStream out = socket.getOutputStream();
                    out.write(request.getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes);
                    out.flush();
                    if (i % 2 == 1) {
                        socket.getInputStream().read(); // the first byte of the answer, then away
                    }
                }
            }
            // the abandoned requests are over once no HTTP request but the metrics scrape itself is open and no
            // database connection is in use; a full page answered afterwards shows the server unharmed
            Awaitility.await("the abandoned requests are over").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        String metrics = RestAssured.get("/q/metrics").asString();
                        return metric(metrics, "http_server_active_requests{url_scheme=\"http\"}") <= 1
                                && metric(metrics, "sql_pool_active{pool_name=\"__vertx.DEFAULT\",pool_type=\"sql\"}") == 0;
                    });
            assertEquals(60, Gql.op("ReviewQueue").as(reviewer).vars(variables).ok().getList("data.reviewQueue.edges").size());
        } finally {
            root.removeHandler(errors);
        }
        assertEquals(List.of(), errors.lines, "ERROR lines while 16 requests were abandoned");
    }

    private static double metric(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1))).orElse(0.0);
    }
}
