package cn.workers.subsidy.vocabulary;

/** Why a pool changed. */
public enum LedgerReason {
    ALLOCATE, TRANSFER_IN, TRANSFER_OUT, APPROVE, WITHDRAW, CANCEL
}
