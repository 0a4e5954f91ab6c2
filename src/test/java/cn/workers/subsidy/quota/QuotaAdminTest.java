package cn.workers.subsidy.quota;

import cn.workers.subsidy.support.Callers;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Allocations and transfers by administrators, on a campaign whose pools sit at CITY level. */
@QuarkusTest
class QuotaAdminTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    Fixtures.Tree hz;
    Fixtures.Tree nb;
    long campaign;
    String admin;

    @BeforeEach
    void world() {
        hz = fx.tree();
        nb = fx.treeUnder(hz.province(), hz.provinceCode());
        campaign = fx.openCampaign("GRASSROOTS,TOWNSHIP,COUNTY,CITY");
        admin = Tokens.TEST.admin(Fixtures.unique("admin-"), hz.provinceCode());
    }

    static Map<String, Object> allocation(long campaign, String unit, String track, int allocated) {
        return Map.of("campaignId", String.valueOf(campaign), "orgUnitCode", unit, "track", track, "allocated", allocated);
    }

    static Map<String, Object> transfer(long campaign, String track, String from, String to, int places) {
        return Map.of("campaignId", String.valueOf(campaign), "track", track, "fromOrgUnitCode", from, "toOrgUnitCode", to, "places", places);
    }

    private JsonPath allocate(String token, Map<String, Object> input) {
        return Gql.op("AllocateQuota").as(token).var("input", input).send();
    }

    private JsonPath move(String token, Map<String, Object> input) {
        return Gql.op("TransferQuota").as(token).var("input", input).send();
    }

    private long pool(long unit, String track) {
        return ((Number) db.one("SELECT id FROM quota_pool WHERE campaign_id = ? AND org_unit_id = ? AND track = ?", campaign, unit, track)).longValue();
    }

    private Object[] state(long pool) {
        return db.row("SELECT allocated, approved, (SELECT count(*) FROM quota_ledger WHERE pool_id = ?) FROM quota_pool WHERE id = ?", pool, pool);
    }

    private static void assertRefused(JsonPath r, String code, String field) {
        assertEquals(code, r.getString("errors[0].extensions.code"), () -> r.prettify());
        assertEquals(field, r.getString("errors[0].extensions.field"), () -> r.prettify());
    }

    @Test
    void allocationCreatesThenResizesAPoolAndWritesTheLedger() {
        JsonPath r = allocate(admin, allocation(campaign, hz.cityCode(), "SKILL", 450));
        assertEquals(Map.of("id", String.valueOf(hz.city()), "code", hz.cityCode(), "name", "市总工会 " + hz.cityCode()),
                r.getMap("data.allocateQuota.orgUnit"));
        assertEquals(450, r.getInt("data.allocateQuota.allocated"));
        assertEquals(0, r.getInt("data.allocateQuota.approved"));
        assertEquals(450, r.getInt("data.allocateQuota.remaining"));
        assertEquals("SKILL", r.getString("data.allocateQuota.track"));
        long pool = Long.parseLong(r.getString("data.allocateQuota.id"));

        db.update("UPDATE quota_pool SET approved = 40 WHERE id = ?", pool);
        JsonPath resized = allocate(admin, allocation(campaign, hz.cityCode(), "SKILL", 400));
        assertEquals(String.valueOf(pool), resized.getString("data.allocateQuota.id"));
        assertEquals(360, resized.getInt("data.allocateQuota.remaining"));

        JsonPath ledger = Gql.op("QuotaLedger").as(Tokens.TEST.auditor(Fixtures.unique("au-"), hz.provinceCode())).var("poolId", String.valueOf(pool)).ok();
        List<Map<String, Object>> entries = ledger.getList("data.quotaLedger.edges.node");
        assertEquals(2, entries.size());
        assertEquals(-50, entries.get(0).get("delta"));
        assertEquals(400, entries.get(0).get("allocatedAfter"));
        assertEquals(40, entries.get(0).get("approvedAfter"));
        assertEquals("ALLOCATE", entries.get(0).get("reason"));
        assertEquals(null, entries.get(0).get("applicationId"));
        assertEquals(450, entries.get(1).get("delta"));
        assertEquals(((String) entries.get(1).get("at")).length() > 0, true);
        assertEquals(db.one("SELECT actor_subject FROM quota_ledger WHERE pool_id = ? ORDER BY id LIMIT 1", pool), entries.get(1).get("actorSubject"));
    }

    @Test
    void aPoolCannotShrinkBelowWhatItApproved() {
        allocate(admin, allocation(campaign, hz.cityCode(), "EDUCATION", 150));
        long pool = pool(hz.city(), "EDUCATION");
        db.update("UPDATE quota_pool SET approved = 120 WHERE id = ?", pool);
        Object[] before = state(pool);
        assertRefused(allocate(admin, allocation(campaign, hz.cityCode(), "EDUCATION", 119)), "QUOTA_BELOW_APPROVED", null);
        assertEquals(List.of(before), List.of(state(pool)));
        assertEquals(120, allocate(admin, allocation(campaign, hz.cityCode(), "EDUCATION", 120)).getInt("data.allocateQuota.allocated"));
    }

    @Test
    void allocationsAreChecked() {
        assertRefused(allocate(admin, allocation(campaign, hz.countyCode(), "SKILL", 10)), "VALIDATION", "orgUnitCode");
        assertRefused(allocate(admin, allocation(campaign, hz.provinceCode(), "SKILL", 10)), "VALIDATION", "orgUnitCode");
        assertRefused(allocate(admin, allocation(campaign, "NO-SUCH-UNIT", "SKILL", 10)), "VALIDATION", "orgUnitCode");
        assertRefused(allocate(admin, allocation(campaign, hz.cityCode(), "SKILL", -1)), "VALIDATION", "allocated");
        assertRefused(allocate(admin, allocation(987654321L, hz.cityCode(), "SKILL", 1)), "NOT_FOUND", null);
        db.update("UPDATE campaign SET tracks = 'EDUCATION' WHERE id = ?", campaign);
        assertRefused(allocate(admin, allocation(campaign, hz.cityCode(), "SKILL", 10)), "VALIDATION", "track");
        assertEquals(0L, db.count("SELECT count(*) FROM quota_pool WHERE campaign_id = ?", campaign));

        long industry = fx.orgUnit(Fixtures.unique("IU"), "产业工会", "INDUSTRY_UNION", hz.province());
        String industryCode = (String) db.one("SELECT code FROM org_unit WHERE id = ?", industry);
        assertEquals(industryCode, allocate(admin, allocation(campaign, industryCode, "EDUCATION", 20)).getString("data.allocateQuota.orgUnit.code"));
    }

    @Test
    void transfersMovePlacesAtomicallyAndReturnBothPools() {
        allocate(admin, allocation(campaign, hz.cityCode(), "SKILL", 100));
        allocate(admin, allocation(campaign, nb.cityCode(), "SKILL", 50));
        JsonPath r = move(admin, transfer(campaign, "SKILL", hz.cityCode(), nb.cityCode(), 30));
        assertEquals(List.of(hz.cityCode(), nb.cityCode()), r.getList("data.transferQuota.orgUnit.code"), () -> r.prettify());
        assertEquals(List.of(70, 80), r.getList("data.transferQuota.allocated"));
        assertEquals(List.of(70, 80), r.getList("data.transferQuota.remaining"));
        long from = pool(hz.city(), "SKILL");
        long to = pool(nb.city(), "SKILL");
        assertEquals(List.of("TRANSFER_OUT", -30), List.of(db.row("SELECT reason, delta FROM quota_ledger WHERE pool_id = ? ORDER BY id DESC LIMIT 1", from)));
        assertEquals(List.of("TRANSFER_IN", 30), List.of(db.row("SELECT reason, delta FROM quota_ledger WHERE pool_id = ? ORDER BY id DESC LIMIT 1", to)));

        JsonPath quotas = Gql.op("Quotas").as(Tokens.TEST.worker(Fixtures.unique("w-"))).var("campaignId", String.valueOf(campaign)).ok();
        assertEquals(List.of(hz.cityCode(), nb.cityCode()), quotas.getList("data.quotas.orgUnit.code"));
        assertEquals(List.of(70, 80), quotas.getList("data.quotas.allocated"));
    }

    @Test
    void aTransferCannotTakePlacesAlreadyApproved() {
        allocate(admin, allocation(campaign, hz.cityCode(), "SKILL", 100));
        allocate(admin, allocation(campaign, nb.cityCode(), "SKILL", 10));
        long from = pool(hz.city(), "SKILL");
        long to = pool(nb.city(), "SKILL");
        db.update("UPDATE quota_pool SET approved = 80 WHERE id = ?", from);
        Object[] fromBefore = state(from);
        Object[] toBefore = state(to);
        assertRefused(move(admin, transfer(campaign, "SKILL", hz.cityCode(), nb.cityCode(), 21)), "QUOTA_BELOW_APPROVED", null);
        assertEquals(List.of(fromBefore), List.of(state(from)));
        assertEquals(List.of(toBefore), List.of(state(to)));
        assertEquals(List.of(80, 30), move(admin, transfer(campaign, "SKILL", hz.cityCode(), nb.cityCode(), 20)).getList("data.transferQuota.allocated"));
    }

    @Test
    void transfersAreChecked() {
        allocate(admin, allocation(campaign, hz.cityCode(), "SKILL", 100));
        long from = pool(hz.city(), "SKILL");
        Object[] before = state(from);
        assertRefused(move(admin, transfer(campaign, "SKILL", hz.cityCode(), nb.cityCode(), 0)), "VALIDATION", "places");
        assertRefused(move(admin, transfer(campaign, "SKILL", hz.cityCode(), hz.cityCode(), 5)), "VALIDATION", "toOrgUnitCode");
        assertRefused(move(admin, transfer(campaign, "SKILL", hz.cityCode(), "NO-SUCH-UNIT", 5)), "VALIDATION", "toOrgUnitCode");
        assertRefused(move(admin, transfer(campaign, "SKILL", hz.cityCode(), nb.cityCode(), 5)), "NO_QUOTA_POOL", "toOrgUnitCode");
        assertRefused(move(admin, transfer(campaign, "EDUCATION", hz.cityCode(), nb.cityCode(), 5)), "NO_QUOTA_POOL", "fromOrgUnitCode");
        assertEquals(List.of(before), List.of(state(from)));
    }

    @Test
    void nobodyButAdministratorsChangesPools() {
        allocate(admin, allocation(campaign, hz.cityCode(), "SKILL", 100));
        allocate(admin, allocation(campaign, nb.cityCode(), "SKILL", 100));
        long pool = pool(hz.city(), "SKILL");
        Object[] before = state(pool);
        Callers.nonAdmins(hz.provinceCode(), "ZJGJ").forEach((role, token) -> {
            assertRefused(allocate(token, allocation(campaign, hz.cityCode(), "SKILL", 5)), "FORBIDDEN", null);
            assertRefused(move(token, transfer(campaign, "SKILL", hz.cityCode(), nb.cityCode(), 5)), "FORBIDDEN", null);
        });
        assertRefused(allocate(Tokens.TEST.admin("no-scope", null), allocation(campaign, hz.cityCode(), "SKILL", 5)), "FORBIDDEN", null);
        assertRefused(allocate(null, allocation(campaign, hz.cityCode(), "SKILL", 5)), "UNAUTHENTICATED", null);
        assertEquals(List.of(before), List.of(state(pool)));
    }

    @Test
    void ledgerPagesNewestFirstWithoutRepeats() {
        for (int size = 1; size <= 7; size++) {
            allocate(admin, allocation(campaign, hz.cityCode(), "SKILL", size * 10));
        }
        String pool = String.valueOf(pool(hz.city(), "SKILL"));
        String reviewer = Tokens.TEST.reviewer(Fixtures.unique("r-"), hz.cityCode());
        java.util.List<Object> after = new java.util.ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            JsonPath r = Gql.op("QuotaLedger").as(reviewer).var("poolId", pool).var("first", 3).varIfSet("after", cursor).ok();
            after.addAll(r.getList("data.quotaLedger.edges.node.allocatedAfter"));
            more = r.getBoolean("data.quotaLedger.pageInfo.hasNextPage");
            cursor = r.getString("data.quotaLedger.pageInfo.endCursor");
        }
        assertEquals(List.of(70, 60, 50, 40, 30, 20, 10), after);

        assertRefused(Gql.op("QuotaLedger").as(reviewer).var("poolId", pool).var("first", 501).send(), "BATCH_TOO_LARGE", "first");
        assertRefused(Gql.op("QuotaLedger").as(reviewer).var("poolId", pool).var("first", 0).send(), "VALIDATION", "first");
        assertRefused(Gql.op("QuotaLedger").as(reviewer).var("poolId", "123456789").send(), "NOT_FOUND", null);
        assertRefused(Gql.op("QuotaLedger").as(Tokens.TEST.worker(Fixtures.unique("w-"))).var("poolId", pool).send(), "FORBIDDEN", null);
        assertRefused(Gql.op("QuotaLedger").as(Tokens.TEST.academy(Fixtures.unique("c-"), "ZJGJ")).var("poolId", pool).send(), "FORBIDDEN", null);
    }
}
