package cn.workers.subsidy.audit;

import cn.workers.subsidy.common.db.Sql;
import io.vertx.sqlclient.Row;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Recomputes the hash chains of a campaign inside one org subtree, set-based: one statement per table,
 * whatever the number of entries. Each entry is checked against the same SQL functions that the insert
 * triggers use (V4__audit_chain.sql): its hash against its content and stored prev_hash, its prev_hash
 * against the hash of the entry before it in its chain, and the newest entry against the live row
 * (the application's status, the pool's figures), which catches entries cut off the end of a chain.
 * Runs in the caller's session and transaction.
 */
@ApplicationScoped
public class AuditRepository {

    /** Every history chain of the campaign's applications in the subtree ({@code $2} is the subtree root's path). */
    private static final String HISTORY_SQL = """
            WITH judged AS (
                SELECT c.*, CASE
                        WHEN c.id IS NULL THEN 'HEAD_MISMATCH'
                        WHEN c.hash IS DISTINCT FROM c.recomputed THEN 'CONTENT_CHANGED'
                        WHEN c.prev_hash IS DISTINCT FROM c.previous_hash THEN 'LINK_BROKEN'
                        WHEN c.newest AND c.to_status IS DISTINCT FROM c.status THEN 'HEAD_MISMATCH'
                    END AS failure
                FROM (
                    SELECT a.id AS application_id, a.status, h.id, h.at, h.to_status, h.prev_hash, h.hash,
                           lag(h.id) OVER w AS previous_id, lag(h.hash) OVER w AS previous_hash,
                           lead(h.id) OVER w IS NULL AS newest,
                           audit_chain_hash(h.prev_hash, audit_history_content(h)) AS recomputed
                    FROM application a LEFT JOIN application_history h ON h.application_id = a.id
                    WHERE a.campaign_id = #{campaign} AND a.org_path LIKE #{subtree} || '%'
                    WINDOW w AS (PARTITION BY a.id ORDER BY h.id)
                ) c
            )
            SELECT t.entries, t.chains, t.broken, f.failure, f.id AS entry_id, f.previous_id, f.application_id, NULL::bigint AS pool_id,
                   f.at, encode(f.expected, 'hex') AS expected, encode(f.stored, 'hex') AS stored, f.to_status AS entry_state,
                   f.status AS live_state
            FROM (SELECT count(id) AS entries, count(DISTINCT application_id) AS chains, count(failure) AS broken FROM judged) t
            LEFT JOIN LATERAL (
                SELECT failure, id, previous_id, application_id, at, to_status, status,
                       CASE failure WHEN 'CONTENT_CHANGED' THEN recomputed WHEN 'LINK_BROKEN' THEN previous_hash END AS expected,
                       CASE failure WHEN 'CONTENT_CHANGED' THEN hash WHEN 'LINK_BROKEN' THEN prev_hash END AS stored
                FROM judged WHERE failure IS NOT NULL ORDER BY id NULLS LAST, application_id LIMIT 1
            ) f ON true
            """;

    /** Every ledger chain of the campaign's pools held by units in the subtree. */
    private static final String LEDGER_SQL = """
            WITH judged AS (
                SELECT c.*, CASE
                        WHEN c.id IS NULL THEN CASE WHEN c.allocated <> 0 OR c.approved <> 0 THEN 'HEAD_MISMATCH' END
                        WHEN c.hash IS DISTINCT FROM c.recomputed THEN 'CONTENT_CHANGED'
                        WHEN c.prev_hash IS DISTINCT FROM c.previous_hash THEN 'LINK_BROKEN'
                        WHEN c.newest AND (c.allocated_after, c.approved_after) IS DISTINCT FROM (c.allocated, c.approved)
                            THEN 'HEAD_MISMATCH'
                    END AS failure
                FROM (
                    SELECT p.id AS pool_id, p.allocated, p.approved, l.id, l.at, l.application_id, l.allocated_after,
                           l.approved_after, l.prev_hash, l.hash,
                           lag(l.id) OVER w AS previous_id, lag(l.hash) OVER w AS previous_hash,
                           lead(l.id) OVER w IS NULL AS newest,
                           audit_chain_hash(l.prev_hash, audit_ledger_content(l)) AS recomputed
                    FROM quota_pool p JOIN org_unit u ON u.id = p.org_unit_id
                    LEFT JOIN quota_ledger l ON l.pool_id = p.id
                    WHERE p.campaign_id = #{campaign} AND u.path LIKE #{subtree} || '%'
                    WINDOW w AS (PARTITION BY p.id ORDER BY l.id)
                ) c
            )
            SELECT t.entries, t.chains, t.broken, f.failure, f.id AS entry_id, f.previous_id, f.application_id, f.pool_id, f.at,
                   encode(f.expected, 'hex') AS expected, encode(f.stored, 'hex') AS stored,
                   f.allocated_after || '/' || f.approved_after AS entry_state, f.allocated || '/' || f.approved AS live_state
            FROM (SELECT count(id) AS entries, count(DISTINCT pool_id) AS chains, count(failure) AS broken FROM judged) t
            LEFT JOIN LATERAL (
                SELECT failure, id, previous_id, application_id, pool_id, at, allocated_after, approved_after, allocated, approved,
                       CASE failure WHEN 'CONTENT_CHANGED' THEN recomputed WHEN 'LINK_BROKEN' THEN previous_hash END AS expected,
                       CASE failure WHEN 'CONTENT_CHANGED' THEN hash WHEN 'LINK_BROKEN' THEN prev_hash END AS stored
                FROM judged WHERE failure IS NOT NULL ORDER BY id NULLS LAST, pool_id LIMIT 1
            ) f ON true
            """;

    /** The outcome for one table: entries and chains checked, entries failing, and the first failure (null when none). */
    public record ChainCheck(int entries, int chains, int broken, BrokenLink first) {
    }

    private static final Sql.Query<ChainCheck> HISTORY = Sql.query(HISTORY_SQL, r -> check(AuditTable.HISTORY, r));
    private static final Sql.Query<ChainCheck> LEDGER = Sql.query(LEDGER_SQL, r -> check(AuditTable.LEDGER, r));
    private static final Sql.Query<String> STATEMENT_TIME = Sql.query("SELECT set_config('statement_timeout', #{limit}, true) AS timeout",
            r -> r.getString("timeout"));

    /**
     * Raises this transaction's statement timeout (SET LOCAL): a whole campaign's verification may take
     * longer than the bound every request statement has.
     */
    public Uni<Void> allowStatementTime(Duration limit) {
        return STATEMENT_TIME.list(Sql.params("limit", limit.toMillis() + "ms")).replaceWithVoid();
    }

    public Uni<ChainCheck> history(long campaignId, String subtreePath) {
        return HISTORY.oneOrNull(Sql.params("campaign", campaignId, "subtree", subtreePath));
    }

    public Uni<ChainCheck> ledger(long campaignId, String subtreePath) {
        return LEDGER.oneOrNull(Sql.params("campaign", campaignId, "subtree", subtreePath));
    }

    private static ChainCheck check(AuditTable table, Row r) {
        return new ChainCheck(r.getLong("entries").intValue(), r.getLong("chains").intValue(), r.getLong("broken").intValue(),
                r.getString("failure") == null ? null : link(table, r));
    }

    private static BrokenLink link(AuditTable table, Row r) {
        AuditFailure failure = AuditFailure.valueOf(r.getString("failure"));
        OffsetDateTime at = r.getOffsetDateTime("at");
        return new BrokenLink(table, failure, id(r.getLong("entry_id")), id(r.getLong("previous_id")), id(r.getLong("application_id")),
                id(r.getLong("pool_id")), at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC), r.getString("expected"),
                r.getString("stored"), BrokenLink.detail(table, failure, r.getString("entry_state"), r.getString("live_state")));
    }

    private static String id(Long id) {
        return id == null ? null : id.toString();
    }
}
