package cn.workers.subsidy.enrollment;

public enum SyncOutcome {
    APPLIED, UNCHANGED, STALE, REJECTED, NOT_FOUND
}
