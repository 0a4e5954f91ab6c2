package cn.workers.subsidy.quota;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.LedgerReason;
/** One change to a pool: {@code delta} is the change in remaining places. */
@Type("QuotaLedgerEntry")
public record QuotaLedgerEntry(@NonNull OffsetDateTime at, @NonNull int delta, @NonNull int allocatedAfter, @NonNull int approvedAfter,
        @NonNull LedgerReason reason, @Id String applicationId, @NonNull String actorSubject) {

    public static QuotaLedgerEntry of(QuotaLedgerEntity e) {
        return new QuotaLedgerEntry(e.at, e.delta, e.allocatedAfter, e.approvedAfter, e.reason,
                e.applicationId == null ? null : e.applicationId.toString(), e.actorSubject);
    }
}
