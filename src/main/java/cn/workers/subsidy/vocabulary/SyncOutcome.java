package cn.workers.subsidy.vocabulary;

public enum SyncOutcome {
    APPLIED, UNCHANGED, STALE, REJECTED, NOT_FOUND
}
