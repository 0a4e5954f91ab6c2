package cn.workers.subsidy.support;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The database itself holds the invariants, whatever code writes to it. */
@QuarkusTest
class SchemaConstraintsTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    @Test
    void historyAndLedgerAreAppendOnly() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        long app = fx.application(w.worker(), w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true);
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 3);
        db.update("INSERT INTO quota_ledger (pool_id, delta, allocated_after, approved_after, reason, actor_subject) VALUES (?, 3, 3, 0, 'ALLOCATE', 't')", pool);

        assertThrows(IllegalStateException.class, () -> db.update("UPDATE application_history SET comment = 'edited' WHERE application_id = ?", app));
        assertThrows(IllegalStateException.class, () -> db.update("DELETE FROM application_history WHERE application_id = ?", app));
        assertThrows(IllegalStateException.class, () -> db.update("UPDATE quota_ledger SET delta = 99 WHERE pool_id = ?", pool));
        assertThrows(IllegalStateException.class, () -> db.update("DELETE FROM quota_ledger WHERE pool_id = ?", pool));
        assertEquals(1, db.count("SELECT count(*) FROM application_history WHERE application_id = ? AND comment IS NULL", app));
    }

    @Test
    void poolCannotApproveBeyondAllocation() {
        Fixtures.Tree t = fx.tree();
        long campaign = fx.openCampaign("CITY");
        long pool = fx.pool(campaign, t.city(), "SKILL", 1);
        db.update("UPDATE quota_pool SET approved = 1 WHERE id = ?", pool);
        assertThrows(IllegalStateException.class, () -> db.update("UPDATE quota_pool SET approved = 2 WHERE id = ?", pool));
        assertThrows(IllegalStateException.class, () -> db.update("UPDATE quota_pool SET allocated = 0 WHERE id = ?", pool));
        assertEquals(1L, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
    }

    @Test
    void oneLiveApplicationPerWorkerAndCampaign() {
        World w = World.create(fx, "GRASSROOTS");
        fx.application(w.worker(), w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true);
        assertThrows(IllegalStateException.class,
                () -> fx.application(w.worker(), w.campaign(), w.skillCourse(), "GRASSROOTS", w.tree().grassroots(), true));
    }

    @Test
    void aPlaceIsHeldExactlyWhileApprovedEnrolledOrCompleted() {
        World w = World.create(fx, "GRASSROOTS");
        long app = fx.application(w.worker(), w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true);
        assertThrows(IllegalStateException.class, () -> db.update(
                "UPDATE application SET status = 'APPROVED', current_stage = NULL, stage_unit_id = NULL WHERE id = ?", app));
    }
}
