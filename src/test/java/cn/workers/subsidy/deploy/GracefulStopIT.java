package cn.workers.subsidy.deploy;

import cn.workers.subsidy.dev.EmbeddedDatabase;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.GqlSocket;
import cn.workers.subsidy.support.ServerProcess;
import cn.workers.subsidy.support.StubIssuer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged server in the prod profile, as it is deployed (the production shutdown timeout of 25 s): after a
 * subscription has been opened and closed over WebSocket, SIGTERM stops it as soon as the work in flight is
 * done, not after the whole timeout, and without an ERROR line. (Quarkus counted the WebSocket's upgrade request
 * as in flight for good: every stop after one subscription waited the full 25 s and then logged an error.)
 * Also: prod answers no introspection unless switched on.
 */
class GracefulStopIT {

    @Test
    void aStopAfterASubscriptionTakesAsLongAsTheWorkInFlight() throws Exception {
        try (StubIssuer issuer = StubIssuer.start()) {
            Files.createDirectories(Path.of("target"));
            EmbeddedDatabase db = EmbeddedDatabase.start(Files.createTempDirectory(Path.of("target"), "graceful-pg-").resolve("data")
                    .toAbsolutePath(), 0, false);
            try (ServerProcess server = ServerProcess.start("graceful", Path.of("target", "graceful-stop.log"), ServerProcess.freePort(),
                    ServerProcess.prodEnvironment(db.port(), issuer.url(), ServerProcess.randomKey(), ServerProcess.randomKey()))) {
                server.awaitReady(Duration.ofSeconds(150));
                String worker = issuer.worker("graceful-worker");

                // prod: introspection is off by default, refused like any unknown field
                Gql.Answer introspection = Gql.query("IntrospectionQuery",
                        Files.readString(Path.of("src", "test", "resources", "introspection", "IntrospectionQuery.graphql")))
                        .as(worker).at(server.base()).answer();
                assertEquals("VALIDATION", introspection.errorCode(), introspection.raw());
                assertNull(introspection.body().getValue("data"), introspection.raw());

                // one subscription, opened, in use, and closed by the client
                try (GqlSocket socket = GqlSocket.connect(server.base(), worker, false)) {
                    socket.subscribe("1", "MyApplicationChanged", Map.of());
                    assertEquals("graceful-worker", Gql.op("Me").as(worker).at(server.base()).answer().data("me").getString("subject"));
                }
                assertEquals("graceful-worker", Gql.op("Me").as(worker).at(server.base()).answer().data("me").getString("subject"));

                long t0 = System.nanoTime();
                server.terminate();
                Integer exit = server.awaitExit(Duration.ofSeconds(60));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                System.out.printf("GracefulStopIT: stopped %d ms after SIGTERM (shutdown timeout 25 s), exit code %s%n", millis, exit);
                assertNotNull(exit, "the server stopped within 60 s:\n" + server.logTail(30));
                assertTrue(server.log().contains("stopped in"), "an orderly stop:\n" + server.logTail(30));
                assertTrue(millis < 10_000, "nothing was in flight, yet the stop took " + millis + " ms:\n" + server.logTail(30));
                List<String> errors = server.log().lines().filter(l -> l.contains("\"level\":\"ERROR\"") || l.contains(" ERROR ")).toList();
                assertEquals(List.of(), errors, "ERROR lines in the server's log");
            } finally {
                db.stop();
            }
        }
    }

}
