package cn.workers.subsidy.common.events;

import cn.workers.subsidy.application.ApplicationEvents;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.World;
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

    @Inject
    Fixtures fx;

    private void notifyChange(long id) {
        db.one("SELECT CAST(pg_notify(?, ?) AS text)", ApplicationEvents.APPLICATION_CHANGED,
                new JsonObject().put("id", id).put("workerId", 1).put("campaignId", 1).put("version", 1).encode());
    }

    @Test
    void subscriptionsAreCountedWhileTheyLastAndReceiveWhatIsCommitted() {
        int before = feed.listeners(ApplicationEvents.APPLICATION_CHANGED);
        List<Long> first = new CopyOnWriteArrayList<>();
        List<Long> second = new CopyOnWriteArrayList<>();
        Cancellable a = feed.channel(ApplicationEvents.APPLICATION_CHANGED).subscribe().with(j -> first.add(j.getLong("id")));
        Cancellable b = feed.channel(ApplicationEvents.APPLICATION_CHANGED).subscribe().with(j -> second.add(j.getLong("id")));
        assertEquals(before + 2, feed.listeners(ApplicationEvents.APPLICATION_CHANGED));

        notifyChange(-101);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.contains(-101L) && second.contains(-101L));

        a.cancel();
        assertEquals(before + 1, feed.listeners(ApplicationEvents.APPLICATION_CHANGED));
        notifyChange(-102);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.contains(-102L));
        assertEquals(List.of(-101L), first.stream().filter(id -> id < -100).toList(), "a cancelled subscription hears nothing more");

        b.cancel();
        assertEquals(before, feed.listeners(ApplicationEvents.APPLICATION_CHANGED));
    }

    @Test
    void theDatabaseAnnouncesEveryWriterChanges() {
        // V5: the triggers notify, so a change made outside the services (a fix in psql) reaches subscribers too
        World w = World.create(fx, "GRASSROOTS");
        long app = fx.application(w.worker(), w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true);
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 5);
        List<JsonObject> apps = new CopyOnWriteArrayList<>();
        List<JsonObject> pools = new CopyOnWriteArrayList<>();
        Cancellable a = feed.channel(ApplicationEvents.APPLICATION_CHANGED).subscribe().with(apps::add);
        Cancellable q = feed.channel(cn.workers.subsidy.quota.QuotaEvents.QUOTA_CHANGED).subscribe().with(pools::add);
        try {
            db.update("UPDATE application SET version = version + 1 WHERE id = ?", app);
            db.update("UPDATE application SET subsidy_fen = subsidy_fen WHERE id = ?", app); // the version stays: no news
            db.update("UPDATE quota_pool SET allocated = 7 WHERE id = ?", pool);
            await().atMost(Duration.ofSeconds(10)).until(() -> apps.stream().anyMatch(j -> j.getLong("id") == app)
                    && pools.stream().anyMatch(j -> j.getLong("poolId") == pool));
            JsonObject changed = apps.stream().filter(j -> j.getLong("id") == app).findFirst().orElseThrow();
            assertEquals(w.worker(), changed.getLong("workerId"));
            assertEquals(2, changed.getInteger("version"));
            assertEquals(7, pools.stream().filter(j -> j.getLong("poolId") == pool).findFirst().orElseThrow().getInteger("allocated"));
            assertEquals(1, apps.stream().filter(j -> j.getLong("id") == app).count(), "a write that keeps the version is not announced");
        } finally {
            a.cancel();
            q.cancel();
        }
    }
}
