package cn.workers.subsidy.enrollment;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

import cn.workers.subsidy.vocabulary.SyncOutcome;
/** What a batch did: a count per outcome and one result per item, in the order sent. */
@Type("SyncResult")
public record SyncResult(@NonNull int applied, @NonNull int unchanged, @NonNull int stale, @NonNull int rejected,
        @NonNull int notFound, @NonNull List<@NonNull SyncItemResult> results) {

    public static SyncResult of(List<SyncItemResult> results) {
        int[] n = new int[SyncOutcome.values().length];
        results.forEach(r -> n[r.outcome().ordinal()]++);
        return new SyncResult(n[SyncOutcome.APPLIED.ordinal()], n[SyncOutcome.UNCHANGED.ordinal()], n[SyncOutcome.STALE.ordinal()],
                n[SyncOutcome.REJECTED.ordinal()], n[SyncOutcome.NOT_FOUND.ordinal()], results);
    }

    public int count(SyncOutcome outcome) {
        return switch (outcome) {
            case APPLIED -> applied;
            case UNCHANGED -> unchanged;
            case STALE -> stale;
            case REJECTED -> rejected;
            case NOT_FOUND -> notFound;
        };
    }
}
