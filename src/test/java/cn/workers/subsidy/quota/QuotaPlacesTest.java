package cn.workers.subsidy.quota;

import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.support.Concurrently;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.vocabulary.LedgerReason;
import cn.workers.subsidy.vocabulary.Track;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

import static cn.workers.subsidy.support.Transactions.refusal;
import static cn.workers.subsidy.support.Transactions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The place rules of quota pools, at the service level: what the application life cycle calls in its own
 * transaction to find the pool that covers a worker, take a place and give one back ({@link QuotaService}),
 * and the conditional updates with their ledger rows behind them ({@link QuotaPoolRepository}). Each call
 * runs in a transaction of its own, as a resolver's would.
 */
@QuarkusTest
class QuotaPlacesTest {

    @Inject
    QuotaPoolRepository pools;

    @Inject
    QuotaService quota;

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    private Object[] ledgerTop(long pool) {
        return db.row("SELECT delta, allocated_after, approved_after, reason, application_id, actor_subject FROM quota_ledger"
                + " WHERE pool_id = ? ORDER BY id DESC LIMIT 1", pool);
    }

    @Test
    void aPlaceIsTakenWithItsLedgerRowUntilNoneIsLeftThenQuotaExhaustedWritesNothing() {
        Fixtures.Tree t = fx.tree();
        long pool = fx.pool(fx.openCampaign("CITY"), t.city(), "SKILL", 2);
        run(() -> quota.takePlace(pool, 101, "reviewer-a", LedgerReason.APPROVE));
        assertEquals(List.of(-1, 2, 1, "APPROVE", 101L, "reviewer-a"), List.of(ledgerTop(pool)));
        run(() -> quota.takePlace(pool, 102, "reviewer-a", LedgerReason.APPROVE));
        assertEquals(List.of(-1, 2, 2, "APPROVE", 102L, "reviewer-a"), List.of(ledgerTop(pool)));

        assertEquals(ErrorCode.QUOTA_EXHAUSTED, refusal(() -> quota.takePlace(pool, 103, "reviewer-a", LedgerReason.APPROVE)));
        assertEquals(2L, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        assertEquals(2L, db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ?", pool), "a refused place leaves no ledger row");
    }

    @Test
    void aPlaceIsGivenBackUnderTheTransitionsReasonAndNeverBelowZero() {
        Fixtures.Tree t = fx.tree();
        long pool = fx.pool(fx.openCampaign("CITY"), t.city(), "EDUCATION", 5);
        db.update("UPDATE quota_pool SET approved = 2 WHERE id = ?", pool);
        run(() -> quota.givePlaceBack(pool, 7, "worker-x", LedgerReason.WITHDRAW));
        assertEquals(List.of(1, 5, 1, "WITHDRAW", 7L, "worker-x"), List.of(ledgerTop(pool)));
        run(() -> quota.givePlaceBack(pool, 8, "academy-y", LedgerReason.CANCEL));
        assertEquals(List.of(1, 5, 0, "CANCEL", 8L, "academy-y"), List.of(ledgerTop(pool)));

        assertThrows(IllegalStateException.class, () -> run(() -> quota.givePlaceBack(pool, 9, "worker-x", LedgerReason.WITHDRAW)),
                "a pool with nothing approved has no place to give back: a broken invariant, not a refusal");
        assertEquals(0L, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        assertEquals(2L, db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ?", pool));
    }

    @Test
    void theNearestAncestorWithAPoolCovers() {
        Fixtures.Tree t = fx.tree();
        long campaign = fx.openCampaign("GRASSROOTS,TOWNSHIP,COUNTY,CITY");
        String path = (String) db.one("SELECT path FROM org_unit WHERE id = ?", t.grassroots());
        assertNull(run(() -> quota.poolCovering(campaign, Track.SKILL, path)));

        long city = fx.pool(campaign, t.city(), "SKILL", 10);
        fx.pool(fx.openCampaign("CITY"), t.county(), "SKILL", 10);
        fx.pool(campaign, t.county(), "EDUCATION", 10);
        assertEquals(city, run(() -> quota.poolCovering(campaign, Track.SKILL, path)).id);

        long county = fx.pool(campaign, t.county(), "SKILL", 10);
        assertEquals(county, run(() -> quota.poolCovering(campaign, Track.SKILL, path)).id);
        String cityPath = (String) db.one("SELECT path FROM org_unit WHERE id = ?", t.city());
        assertEquals(city, run(() -> quota.poolCovering(campaign, Track.SKILL, cityPath)).id);
        Fixtures.Tree elsewhere = fx.treeUnder(t.province(), t.provinceCode());
        String otherPath = (String) db.one("SELECT path FROM org_unit WHERE id = ?", elsewhere.grassroots());
        assertNull(run(() -> quota.poolCovering(campaign, Track.SKILL, otherPath)));
    }

    @Test
    void racingApprovalsNeverOverfillAPool() throws Exception {
        Fixtures.Tree t = fx.tree();
        long pool = fx.pool(fx.openCampaign("CITY"), t.city(), "SKILL", 10);
        List<QuotaPoolEntity> taken = Concurrently.times(60, 12,
                i -> run(() -> pools.takePlace(pool, 1000 + i, "racer", LedgerReason.APPROVE)));
        assertEquals(10, taken.stream().filter(Objects::nonNull).count());
        assertEquals(10L, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        assertEquals(10L, db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ? AND reason = 'APPROVE'", pool));
        assertNotNull(db.one("SELECT min(application_id) FROM quota_ledger WHERE pool_id = ?", pool));
    }

    @Test
    void poolForNamesTheCoveringPoolOrRefusesWithNoQuotaPool() {
        Fixtures.Tree t = fx.tree();
        long campaign = fx.openCampaign("GRASSROOTS,CITY");
        String path = (String) db.one("SELECT path FROM org_unit WHERE id = ?", t.grassroots());
        assertEquals(ErrorCode.NO_QUOTA_POOL, refusal(() -> quota.poolFor(campaign, Track.EDUCATION, path)));
        long city = fx.pool(campaign, t.city(), "EDUCATION", 5);
        assertEquals(city, run(() -> quota.poolFor(campaign, Track.EDUCATION, path)));
        assertEquals(ErrorCode.NO_QUOTA_POOL, refusal(() -> quota.poolFor(campaign, Track.SKILL, path)), "a pool of the other track does not cover");
    }
}
