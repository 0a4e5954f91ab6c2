package cn.workers.subsidy.review;

import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.GqlSocket;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import cn.workers.subsidy.common.events.ChangeFeed;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Duration;
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

    /**
     * A front end subscribes at login, before the worker has a profile: the subscription stays open (no
     * "complete", no error) and delivers the worker's first application once there is one.
     */
    @Test
    void aWorkerWithoutAProfileStaysSubscribedAndHearsTheFirstApplication() throws Exception {
        World w = World.create(fx, "GRASSROOTS,CITY");
        String subject = Fixtures.unique("no-profile-yet-");
        String token = Tokens.TEST.worker(subject);
        int listening = feedListeners();
        try (GqlSocket socket = GqlSocket.connect(token, false).subscribe("1", "MyApplicationChanged", Map.of())) {
            // the subscription starts asynchronously: it is live once it follows the change feed
            Awaitility.await("the subscription follows the change feed").atMost(Duration.ofSeconds(15))
                    .until(() -> feedListeners() > listening);
            // another worker's application is announced meanwhile: not theirs, and it must not end the stream
            Gql.op("SubmitApplication").as(w.workerToken()).var("input", Map.of("campaignId", "" + w.campaign(),
                    "courseId", "" + w.educationCourse(), "clientRequestId", "other-first")).ok();
            fx.worker(subject, w.tree().grassroots());
            String id = Gql.op("SubmitApplication").as(token).var("input", Map.of("campaignId", "" + w.campaign(),
                    "courseId", "" + w.educationCourse(), "clientRequestId", "late-profile")).ok().getString("data.submitApplication.id");
            JsonObject m = socket.next(20);
            assertEquals("next", m == null ? null : m.getString("type"), "the subscription is still open and delivers: " + m);
            JsonObject changed = m.getJsonObject("payload").getJsonObject("data").getJsonObject("myApplicationChanged");
            assertEquals(id, changed.getString("id"));
            assertEquals("SUBMITTED", changed.getString("status"));
        }
    }

    /** How many subscriptions follow application changes on this server (ChangeFeed's own count). */
    static int feedListeners() throws ReflectiveOperationException {
        Object feed = ClientProxy.unwrap(Arc.container().instance(ChangeFeed.class).get());
        Method count = ChangeFeed.class.getDeclaredMethod("listeners", String.class);
        count.setAccessible(true);
        return (Integer) count.invoke(feed, cn.workers.subsidy.application.ApplicationEvents.APPLICATION_CHANGED);
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
