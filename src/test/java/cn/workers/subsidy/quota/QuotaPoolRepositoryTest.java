package cn.workers.subsidy.quota;

import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.workers.subsidy.vocabulary.LedgerReason;
/** The pool operations that review and withdrawal call inside their own transactions. */
@QuarkusTest
class QuotaPoolRepositoryTest {

    @Inject
    QuotaPoolRepository pools;

    @Inject
    QuotaService quota;

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    /** Runs {@code work} in a fresh transaction on a Vert.x context, as a resolver would. */
    private static <T> T inTransaction(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable t) {
            throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
        }
    }

    private Object[] ledgerTop(long pool) {
        return db.row("SELECT delta, allocated_after, approved_after, reason, application_id, actor_subject FROM quota_ledger"
                + " WHERE pool_id = ? ORDER BY id DESC LIMIT 1", pool);
    }

    @Test
    void aPlaceIsTakenUntilNoneIsLeft() {
        Fixtures.Tree t = fx.tree();
        long pool = fx.pool(fx.openCampaign("CITY"), t.city(), "SKILL", 2);
        QuotaPoolEntity first = inTransaction(() -> pools.takePlace(pool, 101, "reviewer-a", LedgerReason.APPROVE));
        assertEquals(1, first.approved);
        assertEquals(1, first.remaining());
        assertEquals(List.of(-1, 2, 1, "APPROVE", 101L, "reviewer-a"), List.of(ledgerTop(pool)));
        assertEquals(2, inTransaction(() -> pools.takePlace(pool, 102, "reviewer-a", LedgerReason.APPROVE)).approved);
        assertNull(inTransaction(() -> pools.takePlace(pool, 103, "reviewer-a", LedgerReason.APPROVE)));
        assertEquals(2L, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        assertEquals(2L, db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ?", pool));
    }

    @Test
    void aPlaceIsGivenBackOnWithdrawOrCancel() {
        Fixtures.Tree t = fx.tree();
        long pool = fx.pool(fx.openCampaign("CITY"), t.city(), "EDUCATION", 5);
        db.update("UPDATE quota_pool SET approved = 2 WHERE id = ?", pool);
        assertEquals(1, inTransaction(() -> pools.givePlaceBack(pool, 7, "worker-x", LedgerReason.WITHDRAW)).approved);
        assertEquals(List.of(1, 5, 1, "WITHDRAW", 7L, "worker-x"), List.of(ledgerTop(pool)));
        assertEquals(0, inTransaction(() -> pools.givePlaceBack(pool, 8, "academy-y", LedgerReason.CANCEL)).approved);
        assertNull(inTransaction(() -> pools.givePlaceBack(pool, 9, "worker-x", LedgerReason.WITHDRAW)));
        assertEquals(2L, db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ?", pool));
    }

    @Test
    void theNearestAncestorWithAPoolCovers() {
        Fixtures.Tree t = fx.tree();
        long campaign = fx.openCampaign("GRASSROOTS,TOWNSHIP,COUNTY,CITY");
        String path = (String) db.one("SELECT path FROM org_unit WHERE id = ?", t.grassroots());
        assertNull(inTransaction(() -> quota.poolCovering(campaign, Track.SKILL, path)));

        long city = fx.pool(campaign, t.city(), "SKILL", 10);
        fx.pool(fx.openCampaign("CITY"), t.county(), "SKILL", 10);
        fx.pool(campaign, t.county(), "EDUCATION", 10);
        assertEquals(city, inTransaction(() -> quota.poolCovering(campaign, Track.SKILL, path)).id);

        long county = fx.pool(campaign, t.county(), "SKILL", 10);
        assertEquals(county, inTransaction(() -> quota.poolCovering(campaign, Track.SKILL, path)).id);
        String cityPath = (String) db.one("SELECT path FROM org_unit WHERE id = ?", t.city());
        assertEquals(city, inTransaction(() -> quota.poolCovering(campaign, Track.SKILL, cityPath)).id);
        Fixtures.Tree elsewhere = fx.treeUnder(t.province(), t.provinceCode());
        String otherPath = (String) db.one("SELECT path FROM org_unit WHERE id = ?", elsewhere.grassroots());
        assertNull(inTransaction(() -> quota.poolCovering(campaign, Track.SKILL, otherPath)));
    }

    @Test
    void racingApprovalsNeverOverfillAPool() throws Exception {
        Fixtures.Tree t = fx.tree();
        long pool = fx.pool(fx.openCampaign("CITY"), t.city(), "SKILL", 10);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(12);
        List<Future<QuotaPoolEntity>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                long application = 1000 + i;
                Callable<QuotaPoolEntity> job = () -> {
                    start.await();
                    return inTransaction(() -> pools.takePlace(pool, application, "racer", LedgerReason.APPROVE));
                };
                results.add(threads.submit(job));
            }
            start.countDown();
            int taken = 0;
            for (Future<QuotaPoolEntity> f : results) {
                if (f.get(60, TimeUnit.SECONDS) != null) {
                    taken++;
                }
            }
            assertEquals(10, taken);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(10L, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        assertEquals(10L, db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ? AND reason = 'APPROVE'", pool));
        assertNotNull(db.one("SELECT min(application_id) FROM quota_ledger WHERE pool_id = ?", pool));
    }
}
