package cn.workers.subsidy.audit;

import cn.workers.subsidy.common.db.SessionRows;
import io.quarkus.hibernate.reactive.panache.Panache;
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
    private static final String HISTORY = """
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
                    WHERE a.campaign_id = $1 AND a.org_path LIKE $2 || '%'
                    WINDOW w AS (PARTITION BY a.id ORDER BY h.id)
                ) c
            )
            SELECT t.entries, t.chains, t.broken, f.failure, f.id, f.previous_id, f.application_id, NULL, f.at,
                   encode(f.expected, 'hex'), encode(f.stored, 'hex'), f.to_status, f.status
            FROM (SELECT count(id) AS entries, count(DISTINCT application_id) AS chains, count(failure) AS broken FROM judged) t
            LEFT JOIN LATERAL (
                SELECT failure, id, previous_id, application_id, at, to_status, status,
                       CASE failure WHEN 'CONTENT_CHANGED' THEN recomputed WHEN 'LINK_BROKEN' THEN previous_hash END AS expected,
                       CASE failure WHEN 'CONTENT_CHANGED' THEN hash WHEN 'LINK_BROKEN' THEN prev_hash END AS stored
                FROM judged WHERE failure IS NOT NULL ORDER BY id NULLS LAST, application_id LIMIT 1
            ) f ON true
            """;

    /** Every ledger chain of the campaign's pools held by units in the subtree. */
    private static final String LEDGER = """
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
                    WHERE p.campaign_id = $1 AND u.path LIKE $2 || '%'
                    WINDOW w AS (PARTITION BY p.id ORDER BY l.id)
                ) c
            )
            SELECT t.entries, t.chains, t.broken, f.failure, f.id, f.previous_id, f.application_id, f.pool_id, f.at,
                   encode(f.expected, 'hex'), encode(f.stored, 'hex'),
                   f.allocated_after || '/' || f.approved_after, f.allocated || '/' || f.approved
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

    /**
     * Raises this transaction's statement timeout (SET LOCAL): a whole campaign's verification may take
     * longer than the bound every request statement has.
     */
    public Uni<Void> allowStatementTime(Duration limit) {
        return Panache.getSession().flatMap(s -> SessionRows.list(s, "SELECT set_config('statement_timeout', $1, true)", limit.toMillis() + "ms"))
                .replaceWithVoid();
    }

    public Uni<ChainCheck> history(long campaignId, String subtreePath) {
        return check(HISTORY, AuditTable.HISTORY, campaignId, subtreePath);
    }

    public Uni<ChainCheck> ledger(long campaignId, String subtreePath) {
        return check(LEDGER, AuditTable.LEDGER, campaignId, subtreePath);
    }

    private Uni<ChainCheck> check(String sql, AuditTable table, long campaignId, String subtreePath) {
        return Panache.getSession().flatMap(s -> SessionRows.oneOrNull(s, sql, campaignId, subtreePath)).map(r -> new ChainCheck(integer(r[0]), integer(r[1]), integer(r[2]),
                r[3] == null ? null : link(table, r)));
    }

    private static BrokenLink link(AuditTable table, Object[] r) {
        AuditFailure failure = AuditFailure.valueOf(r[3].toString());
        return new BrokenLink(table, failure, id(r[4]), id(r[5]), id(r[6]), id(r[7]), time(r[8]),
                (String) r[9], (String) r[10], BrokenLink.detail(table, failure, (String) r[11], (String) r[12]));
    }

    private static int integer(Object o) {
        return ((Number) o).intValue();
    }

    private static String id(Object o) {
        return o == null ? null : o.toString();
    }

    private static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + o.getClass());
    }
}
