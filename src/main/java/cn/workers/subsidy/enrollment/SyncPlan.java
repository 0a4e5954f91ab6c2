package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.application.Transitions;
import cn.workers.subsidy.disbursement.Instalments;

import java.util.List;

/**
 * What a judged batch writes: the changed applications (final state and enrollment), every
 * transition step for the history, and the new instalments. Empty when nothing applied.
 */
record SyncPlan(List<SyncCase> changed, List<Transitions.Step> steps, List<Instalments.Due> instalments) {

    /** The cases whose quota place goes back, in pool order (two batches giving back to the same pools never deadlock). */
    List<SyncCase> placesToGiveBack() {
        return changed.stream().filter(c -> c.releasesPlace)
                .sorted((a, b) -> a.poolId.equals(b.poolId) ? Long.compare(a.id, b.id) : Long.compare(a.poolId, b.poolId)).toList();
    }

    boolean isEmpty() {
        return changed.isEmpty();
    }
}
