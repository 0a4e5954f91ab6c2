package cn.workers.subsidy.vocabulary;

/** Why a pool changed: an administrator's allocation or transfer, or the transition that took or freed a place. */
public enum LedgerReason {
    ALLOCATE, TRANSFER_IN, TRANSFER_OUT, APPROVE, WITHDRAW, CANCEL, REJECT, TAKE_AT_SUBMISSION, PROMOTE, OBJECTION_UPHELD
}
