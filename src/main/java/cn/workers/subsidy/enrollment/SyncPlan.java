package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.application.Lifecycle;
import cn.workers.subsidy.disbursement.Instalments;

import java.util.List;

/**
 * What a judged batch writes: the changed applications (final state and enrollment), every
 * transition step for the history, and the new instalments. Empty when nothing applied.
 */
record SyncPlan(List<SyncCase> changed, List<Lifecycle.Step> steps, List<Instalments.Due> instalments) {

    boolean isEmpty() {
        return changed.isEmpty();
    }
}
