package cn.workers.subsidy.review;

import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.GqlSocket;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** MyApplicationChanged: a worker hears of each committed transition of their own applications, and only of those. */
@QuarkusTest
class ApplicationSubscriptionTest {

    @Inject
    Fixtures fx;

    @Test
    void workerHearsTheirOwnTransitionsOnly() throws Exception {
        World mine = World.create(fx, "GRASSROOTS,CITY");
        World other = World.create(fx, "GRASSROOTS,CITY");
        long id = mine.submit();
        try (GqlSocket owner = GqlSocket.connect(mine.workerToken(), false).subscribe("1", "MyApplicationChanged", Map.of());
                GqlSocket stranger = GqlSocket.connect(other.workerToken(), true).subscribe("1", "MyApplicationChanged", Map.of())) {
            Gql.op("ApproveApplication").as(Tokens.TEST.reviewer("rv", mine.tree().grassrootsCode()))
                    .vars(Map.of("id", "" + id, "expectedVersion", 1)).ok();
            JsonObject changed = owner.nextData(15).getJsonObject("myApplicationChanged");
            assertEquals("" + id, changed.getString("id"));
            assertEquals("IN_REVIEW", changed.getString("status"));
            assertEquals("CITY", changed.getString("currentStage"));
            assertEquals(2, changed.getInteger("version"));
            assertEquals(mine.campaign() + "", changed.getJsonObject("campaign").getString("id"));

            // the other worker's own change arrives, and nothing of the first worker's came before it
            long theirs = other.submit();
            JsonObject first = stranger.nextData(15).getJsonObject("myApplicationChanged");
            assertEquals("" + theirs, first.getString("id"));
            assertNotEquals("" + id, first.getString("id"));
        }
    }

    @Test
    void subscriptionsNeedAWorkerToken() throws Exception {
        World w = World.create(fx, "GRASSROOTS");
        try (GqlSocket anonymous = GqlSocket.connect(null, false).subscribe("1", "MyApplicationChanged", Map.of())) {
            JsonObject m = anonymous.next(15);
            assertEquals("UNAUTHENTICATED", code(m), String.valueOf(m));
        }
        try (GqlSocket reviewer = GqlSocket.connect(Tokens.TEST.reviewer("rv", w.tree().grassrootsCode()), false)
                .subscribe("1", "MyApplicationChanged", Map.of())) {
            JsonObject m = reviewer.next(15);
            assertEquals("FORBIDDEN", code(m), String.valueOf(m));
        }
    }

    /** The error code of an "error" message or of a "next" message carrying errors. */
    static String code(JsonObject m) {
        if (m == null) {
            return null;
        }
        Object payload = m.getValue("payload");
        io.vertx.core.json.JsonArray errors = payload instanceof io.vertx.core.json.JsonArray a ? a
                : payload instanceof JsonObject o ? o.getJsonArray("errors") : null;
        return errors == null || errors.isEmpty() ? m.encode() : errors.getJsonObject(0).getJsonObject("extensions").getString("code");
    }
}
