package cn.workers.subsidy.common.events;

import cn.workers.subsidy.application.ApplicationEvents;
import cn.workers.subsidy.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The change feed follows its subscriptions: notifications are decoded for listeners only, and reach all of them. */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    ChangeFeed feed;

    @Inject
    Db db;

    private void notifyChange(long id) {
        db.one("SELECT CAST(pg_notify(?, ?) AS text)", ApplicationEvents.APPLICATION_CHANGED,
                new JsonObject().put("id", id).put("workerId", 1).put("campaignId", 1).put("version", 1).encode());
    }

    @Test
    void subscriptionsAreCountedWhileTheyLastAndReceiveWhatIsCommitted() {
        int before = feed.applicationListeners();
        List<Long> first = new CopyOnWriteArrayList<>();
        List<Long> second = new CopyOnWriteArrayList<>();
        Cancellable a = feed.applications().subscribe().with(j -> first.add(j.getLong("id")));
        Cancellable b = feed.applications().subscribe().with(j -> second.add(j.getLong("id")));
        assertEquals(before + 2, feed.applicationListeners());

        notifyChange(-101);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.contains(-101L) && second.contains(-101L));

        a.cancel();
        assertEquals(before + 1, feed.applicationListeners());
        notifyChange(-102);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.contains(-102L));
        assertEquals(List.of(-101L), first.stream().filter(id -> id < -100).toList(), "a cancelled subscription hears nothing more");

        b.cancel();
        assertEquals(before, feed.applicationListeners());
    }
}
