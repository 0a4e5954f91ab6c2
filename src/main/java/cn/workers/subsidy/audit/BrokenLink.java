package cn.workers.subsidy.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/**
 * The first entry whose link does not hold. For CONTENT_CHANGED the hashes are the one recomputed from
 * the stored content and the one stored; for LINK_BROKEN the hash of the entry before and the stored
 * previous hash; none for HEAD_MISMATCH. {@code entryId} is null only when a chain has no entry at all.
 */
@Type("BrokenLink")
@Description("The first entry of a chain that fails verification.")
public record BrokenLink(@NonNull AuditTable table, @NonNull AuditFailure reason, @Id String entryId,
        @Id @Description("The entry before it in the same chain, if any.") String previousEntryId,
        @Id String applicationId, @Id String poolId, OffsetDateTime at,
        @Description("Hex SHA-256 the entry should carry.") String expectedHash,
        @Description("Hex SHA-256 found in the database.") String storedHash,
        @NonNull String detail) {

    static String detail(AuditTable table, AuditFailure reason, String newest, String live) {
        return switch (reason) {
            case CONTENT_CHANGED -> "the entry's content does not match its hash: it was edited after it was written";
            case LINK_BROKEN -> "the entry's previous hash is not the hash of the entry before it: an entry was removed, "
                    + "inserted or re-hashed";
            case HEAD_MISMATCH -> table == AuditTable.HISTORY
                    ? (newest == null ? "the application has no history entry at all"
                            : "the newest entry ends at " + newest + " but the application is " + live)
                    : (newest == null ? "the pool has no ledger entry but holds allocated/approved " + live
                            : "the newest entry shows allocated/approved " + newest + " but the pool holds " + live);
        };
    }
}
