package cn.workers.subsidy.audit;

import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tamper evidence: every history and ledger entry is chained by hash, per application and per pool. A
 * case walked through the API verifies intact; rows edited, deleted or re-hashed behind the server's
 * back (past the append-only triggers) are caught, and the first broken link is named.
 */
@QuarkusTest
class AuditChainTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    /** A campaign after some real traffic: a pool, three cases (approved, approved then withdrawn, waiting), a re-allocation. */
    record Walk(World world, long pool, long approved, long withdrawn, long waiting) {
    }

    private Walk walk() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        String admin = Tokens.TEST.admin(Fixtures.unique("adm-"), w.tree().provinceCode());
        long pool = allocate(admin, w.campaign(), w.tree().cityCode(), 5);
        long approved = w.submit(w.workerSubject());
        long withdrawn = w.submit(worker(w));
        long waiting = w.submit(worker(w));
        String grassroots = Tokens.TEST.reviewer(Fixtures.unique("rv-"), w.tree().grassrootsCode());
        String city = Tokens.TEST.reviewer(Fixtures.unique("rv-"), w.tree().cityCode());
        for (long id : List.of(approved, withdrawn)) {
            ok("ApproveApplication", grassroots, Map.of("id", "" + id, "expectedVersion", 1, "comment", "同意，材料齐全"));
            ok("ApproveApplication", city, Map.of("id", "" + id, "expectedVersion", 2, "comment", "同意 | 'quoted'"));
        }
        String withdrawer = (String) db.one("SELECT w.subject FROM application a JOIN worker w ON w.id = a.worker_id WHERE a.id = ?", withdrawn);
        ok("WithdrawApplication", Tokens.TEST.worker(withdrawer), Map.of("id", "" + withdrawn, "expectedVersion", 3, "reason", "换课程"));
        allocate(admin, w.campaign(), w.tree().cityCode(), 6);
        return new Walk(w, pool, approved, withdrawn, waiting);
    }

    private String worker(World w) {
        String subject = Fixtures.unique("worker-");
        fx.worker(subject, w.tree().grassroots());
        return subject;
    }

    private static long allocate(String admin, long campaign, String unitCode, int places) {
        return Long.parseLong(Gql.op("AllocateQuota").as(admin).var("input", Map.of("campaignId", "" + campaign, "orgUnitCode", unitCode,
                "track", "EDUCATION", "allocated", places)).ok().getString("data.allocateQuota.id"));
    }

    private static void ok(String operation, String token, Map<String, ?> vars) {
        Gql.op(operation).as(token).vars(vars).ok();
    }

    private static JsonPath audit(String token, long campaign) {
        return Gql.op("AuditChain").as(token).var("campaignId", "" + campaign).ok();
    }

    private static String provinceAuditor(Walk walk) {
        return Tokens.TEST.auditor(Fixtures.unique("au-"), walk.world().tree().provinceCode());
    }

    private List<Long> history(long application) {
        List<Long> ids = new ArrayList<>();
        db.column("SELECT id FROM application_history WHERE application_id = ? ORDER BY id", application).forEach(o -> ids.add(((Number) o).longValue()));
        return ids;
    }

    private String hex(String table, String column, long id) {
        return (String) db.one("SELECT encode(" + column + ", 'hex') FROM " + table + " WHERE id = ?", id);
    }

    @Test
    void aWalkedCampaignVerifiesIntact() {
        Walk walk = walk();
        JsonPath r = audit(provinceAuditor(walk), walk.world().campaign());
        long history = db.count("SELECT count(*) FROM application_history h JOIN application a ON a.id = h.application_id"
                + " WHERE a.campaign_id = ?", walk.world().campaign());
        long ledger = db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ?", walk.pool());
        assertEquals(3 + 4 + 1, history, "history entries of the walk");
        assertEquals(5, ledger, "ledger entries of the walk: two allocations, two approvals, one withdrawal");
        assertEquals("" + walk.world().campaign(), r.getString("data.auditChain.campaignId"));
        assertEquals(history + ledger, r.getLong("data.auditChain.checkedEntries"));
        assertEquals(3 + 1, r.getInt("data.auditChain.checkedChains"));
        assertEquals(0, r.getInt("data.auditChain.brokenEntries"));
        assertTrue(r.getBoolean("data.auditChain.intact"), r.prettify());
        assertNull(r.get("data.auditChain.firstBrokenLink"));
    }

    /** The stored hash is sha256(previous hash || canonical text), recomputed here outside the database. */
    @Test
    void hashesAreSha256OverThePreviousHashAndTheCanonicalText() throws Exception {
        Walk walk = walk();
        List<Long> rows = history(walk.approved());
        Object[] first = db.row("SELECT prev_hash, hash, audit_history_content(h), at, actor_subject FROM application_history h WHERE id = ?",
                rows.get(0));
        String at = ((java.sql.Timestamp) first[3]).toInstant().atOffset(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'"));
        assertEquals("application_history/v1|'" + walk.approved() + "'|'" + at + "'|'" + first[4] + "'|'worker'|'SUBMIT'|NULL|'SUBMITTED'|NULL",
                first[2], "the canonical text of a history entry");
        assertNull(first[0], "a chain's first entry has no previous hash");
        assertEquals(HexFormat.of().formatHex(sha256(new byte[0], (String) first[2])), HexFormat.of().formatHex((byte[]) first[1]));

        Object[] third = db.row("SELECT prev_hash, hash, audit_history_content(h) FROM application_history h WHERE id = ?", rows.get(2));
        assertEquals(HexFormat.of().formatHex((byte[]) db.one("SELECT hash FROM application_history WHERE id = ?", rows.get(1))),
                HexFormat.of().formatHex((byte[]) third[0]), "prev_hash is the hash of the application's previous entry");
        assertTrue(((String) third[2]).endsWith("|'同意 | ''quoted'''"), "a comment's separators and quotes stay inside its literal: " + third[2]);
        assertEquals(HexFormat.of().formatHex(sha256((byte[]) third[0], (String) third[2])), HexFormat.of().formatHex((byte[]) third[1]));

        long newest = ((Number) db.one("SELECT max(id) FROM quota_ledger WHERE pool_id = ?", walk.pool())).longValue();
        Object[] ledger = db.row("SELECT prev_hash, hash, audit_ledger_content(l) FROM quota_ledger l WHERE id = ?", newest);
        assertTrue(((String) ledger[2]).startsWith("quota_ledger/v1|'" + walk.pool() + "'|'"), (String) ledger[2]);
        assertTrue(((String) ledger[2]).endsWith("|'1'|'6'|'1'|'ALLOCATE'|NULL|'" + db.one("SELECT actor_subject FROM quota_ledger WHERE id = ?", newest)
                + "'"), "delta, allocated and approved after, reason, no application, actor: " + ledger[2]);
        assertEquals(HexFormat.of().formatHex(sha256((byte[]) ledger[0], (String) ledger[2])), HexFormat.of().formatHex((byte[]) ledger[1]));
    }

    private static byte[] sha256(byte[] prev, String content) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(prev);
        d.update(content.getBytes(StandardCharsets.UTF_8));
        return d.digest();
    }

    @Test
    void aWriterCannotChooseItsOwnHashes() {
        Walk walk = walk();
        db.update("INSERT INTO application_history (application_id, actor_subject, actor_role, action, from_status, to_status, prev_hash, hash)"
                + " VALUES (?, 'x', 'worker', 'SUBMIT', 'SUBMITTED', 'SUBMITTED', '\\x00', '\\x00')", walk.waiting());
        long id = history(walk.waiting()).get(1);
        assertEquals(hex("application_history", "hash", history(walk.waiting()).get(0)), hex("application_history", "prev_hash", id));
        assertNotEquals("00", hex("application_history", "hash", id));
        assertTrue(audit(provinceAuditor(walk), walk.world().campaign()).getBoolean("data.auditChain.intact"));
    }

    @Test
    void anEditedCommentIsCaughtAndTheEarliestEditNamed() {
        Walk walk = walk();
        List<Long> rows = history(walk.approved());
        String stored = hex("application_history", "hash", rows.get(1));
        db.tamper("UPDATE application_history SET comment = '不同意' WHERE id = ?", rows.get(2));
        db.tamper("UPDATE application_history SET comment = '同意' WHERE id = ?", rows.get(1));
        assertThrows(IllegalStateException.class, () -> db.update("UPDATE application_history SET comment = 'x' WHERE id = ?", rows.get(1)),
                "outside the tampering transaction the table is append-only again");

        JsonPath r = audit(provinceAuditor(walk), walk.world().campaign());
        assertEquals(false, r.getBoolean("data.auditChain.intact"));
        assertEquals(2, r.getInt("data.auditChain.brokenEntries"));
        Map<String, Object> link = r.getMap("data.auditChain.firstBrokenLink");
        assertEquals("HISTORY", link.get("table"));
        assertEquals("CONTENT_CHANGED", link.get("reason"));
        assertEquals("" + rows.get(1), link.get("entryId"));
        assertEquals("" + rows.get(0), link.get("previousEntryId"));
        assertEquals("" + walk.approved(), link.get("applicationId"));
        assertNull(link.get("poolId"));
        assertEquals(stored, link.get("storedHash"));
        assertNotEquals(stored, link.get("expectedHash"));
        assertEquals(64, ((String) link.get("expectedHash")).length());
        assertEquals(OffsetDateTime.parse((String) link.get("at")).toInstant(),
                ((java.sql.Timestamp) db.one("SELECT at FROM application_history WHERE id = ?", rows.get(1))).toInstant());
    }

    @Test
    void anEditedLedgerDeltaIsCaught() {
        Walk walk = walk();
        long approval = ((Number) db.one("SELECT id FROM quota_ledger WHERE pool_id = ? AND reason = 'APPROVE' AND application_id = ?",
                walk.pool(), walk.withdrawn())).longValue();
        String stored = hex("quota_ledger", "hash", approval);
        db.tamper("UPDATE quota_ledger SET delta = -2 WHERE id = ?", approval);

        JsonPath r = audit(provinceAuditor(walk), walk.world().campaign());
        assertEquals(false, r.getBoolean("data.auditChain.intact"));
        assertEquals(1, r.getInt("data.auditChain.brokenEntries"));
        Map<String, Object> link = r.getMap("data.auditChain.firstBrokenLink");
        assertEquals("LEDGER", link.get("table"));
        assertEquals("CONTENT_CHANGED", link.get("reason"));
        assertEquals("" + approval, link.get("entryId"));
        assertEquals("" + walk.pool(), link.get("poolId"));
        assertEquals("" + walk.withdrawn(), link.get("applicationId"));
        assertEquals(stored, link.get("storedHash"));
        assertNotEquals(stored, link.get("expectedHash"));
    }

    @Test
    void aDeletedEntryShowsAsABrokenLinkAtTheNext() {
        Walk walk = walk();
        List<Long> rows = history(walk.withdrawn());
        assertEquals(4, rows.size());
        String before = hex("application_history", "hash", rows.get(0));
        String deleted = hex("application_history", "hash", rows.get(1));
        db.tamper("DELETE FROM application_history WHERE id = ?", rows.get(1));

        JsonPath r = audit(provinceAuditor(walk), walk.world().campaign());
        assertEquals(1, r.getInt("data.auditChain.brokenEntries"), r.prettify());
        Map<String, Object> link = r.getMap("data.auditChain.firstBrokenLink");
        assertEquals("HISTORY", link.get("table"));
        assertEquals("LINK_BROKEN", link.get("reason"));
        assertEquals("" + rows.get(2), link.get("entryId"));
        assertEquals("" + rows.get(0), link.get("previousEntryId"));
        assertEquals("" + walk.withdrawn(), link.get("applicationId"));
        assertEquals(before, link.get("expectedHash"), "the link should point at the entry now before it");
        assertEquals(deleted, link.get("storedHash"), "it still points at the deleted entry");
    }

    /** The attacker edits an entry and recomputes its hash, but cannot fix the next entry's link without re-hashing it too. */
    @Test
    void aReHashedEntryIsCaughtAtTheNextLink() {
        Walk walk = walk();
        List<Long> rows = history(walk.approved());
        String original = hex("application_history", "hash", rows.get(1));
        db.tamper("UPDATE application_history SET comment = '不同意' WHERE id = ?", rows.get(1));
        db.tamper("UPDATE application_history h SET hash = audit_chain_hash(h.prev_hash, audit_history_content(h)) WHERE id = ?", rows.get(1));
        String forged = hex("application_history", "hash", rows.get(1));
        assertNotEquals(original, forged);

        JsonPath r = audit(provinceAuditor(walk), walk.world().campaign());
        assertEquals(1, r.getInt("data.auditChain.brokenEntries"), r.prettify());
        Map<String, Object> link = r.getMap("data.auditChain.firstBrokenLink");
        assertEquals("LINK_BROKEN", link.get("reason"));
        assertEquals("" + rows.get(2), link.get("entryId"));
        assertEquals("" + rows.get(1), link.get("previousEntryId"));
        assertEquals(forged, link.get("expectedHash"));
        assertEquals(original, link.get("storedHash"));
    }

    /** Cutting entries off the end leaves every remaining link intact; the live rows give it away. */
    @Test
    void entriesCutOffTheEndAreCaughtAgainstTheLiveRows() {
        Walk walk = walk();
        List<Long> rows = history(walk.approved());
        db.tamper("DELETE FROM application_history WHERE id = ?", rows.get(2));
        long newestLedger = ((Number) db.one("SELECT max(id) FROM quota_ledger WHERE pool_id = ?", walk.pool())).longValue();
        db.tamper("DELETE FROM quota_ledger WHERE id = ?", newestLedger);

        JsonPath r = audit(provinceAuditor(walk), walk.world().campaign());
        assertEquals(2, r.getInt("data.auditChain.brokenEntries"), r.prettify());
        Map<String, Object> link = r.getMap("data.auditChain.firstBrokenLink");
        assertEquals("HISTORY", link.get("table"), "the earlier of the two");
        assertEquals("HEAD_MISMATCH", link.get("reason"));
        assertEquals("" + rows.get(1), link.get("entryId"));
        assertEquals("the newest entry ends at IN_REVIEW but the application is APPROVED", link.get("detail"));
        assertNull(link.get("expectedHash"));

        db.tamper("DELETE FROM application_history WHERE application_id = ?", walk.approved());
        r = audit(provinceAuditor(walk), walk.world().campaign());
        assertEquals(2, r.getInt("data.auditChain.brokenEntries"), r.prettify());
        link = r.getMap("data.auditChain.firstBrokenLink");
        assertEquals("LEDGER", link.get("table"), "the ledger's failure is the only one with a time now");
        assertEquals("the newest entry shows allocated/approved 5/1 but the pool holds 6/1", link.get("detail"));
    }

    @Test
    void onlyAuditorsInsideTheirScopeMayVerify() {
        Walk walk = walk();
        long campaign = walk.world().campaign();
        Fixtures.Tree t = walk.world().tree();
        for (String token : List.of(Tokens.TEST.worker(walk.world().workerSubject()), Tokens.TEST.reviewer("rv", t.cityCode()),
                Tokens.TEST.admin("adm", t.provinceCode()), Tokens.TEST.finance("fin", t.provinceCode()), Tokens.TEST.academy("ac", walk.world().academyCode()),
                Tokens.TEST.auditor("au-none", null), Tokens.TEST.auditor("au-nowhere", Fixtures.unique("NOWHERE")))) {
            assertEquals("FORBIDDEN", Gql.op("AuditChain").as(token).var("campaignId", "" + campaign).errorCode());
        }
        assertEquals("UNAUTHENTICATED", Gql.op("AuditChain").var("campaignId", "" + campaign).errorCode());
        assertEquals("NOT_FOUND", Gql.op("AuditChain").as(provinceAuditor(walk)).var("campaignId", "999999999").errorCode());
        assertEquals("NOT_FOUND", Gql.op("AuditChain").as(provinceAuditor(walk)).var("campaignId", "x").errorCode());
    }

    @Test
    void anAuditorOfACitySeesOnlyTheirSubtree() {
        Walk walk = walk();
        World w = walk.world();
        Fixtures.Tree other = fx.treeUnder(w.tree().province(), w.tree().provinceCode());
        String admin = Tokens.TEST.admin(Fixtures.unique("adm-"), w.tree().provinceCode());
        allocate(admin, w.campaign(), other.cityCode(), 3);
        String subject = Fixtures.unique("worker-");
        fx.worker(subject, other.grassroots());
        w.submit(subject);
        db.tamper("UPDATE application_history SET actor_role = 'admin' WHERE id = ?", history(walk.waiting()).get(0));

        JsonPath mine = audit(Tokens.TEST.auditor(Fixtures.unique("au-"), w.tree().cityCode()), w.campaign());
        assertEquals(13, mine.getInt("data.auditChain.checkedEntries"));
        assertEquals(4, mine.getInt("data.auditChain.checkedChains"));
        assertEquals("" + walk.waiting(), mine.getString("data.auditChain.firstBrokenLink.applicationId"));

        JsonPath theirs = audit(Tokens.TEST.auditor(Fixtures.unique("au-"), other.cityCode()), w.campaign());
        assertEquals(2, theirs.getInt("data.auditChain.checkedEntries"), theirs.prettify());
        assertEquals(2, theirs.getInt("data.auditChain.checkedChains"));
        assertTrue(theirs.getBoolean("data.auditChain.intact"));

        JsonPath county = audit(Tokens.TEST.auditor(Fixtures.unique("au-"), other.countyCode()), w.campaign());
        assertEquals(1, county.getInt("data.auditChain.checkedEntries"), "the county sees its case but not the city's pool");

        JsonPath all = audit(Tokens.TEST.auditor(Fixtures.unique("au-"), w.tree().provinceCode()), w.campaign());
        assertEquals(15, all.getInt("data.auditChain.checkedEntries"));
        assertEquals(6, all.getInt("data.auditChain.checkedChains"));
        assertEquals(1, all.getInt("data.auditChain.brokenEntries"));
    }
}
