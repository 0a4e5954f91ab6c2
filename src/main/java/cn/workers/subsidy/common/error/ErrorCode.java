package cn.workers.subsidy.common.error;

/** The stable codes of the client contract, sent as {@code extensions.code}. */
public enum ErrorCode {
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    VALIDATION,
    INVALID_ID_NUMBER,
    PROFILE_INCOMPLETE,
    CAMPAIGN_NOT_OPEN,
    AGE_OUT_OF_RANGE,
    EMPLOYMENT_NOT_ELIGIBLE,
    COURSE_MISMATCH,
    LEVEL_NOT_HIGHER,
    DUPLICATE_APPLICATION,
    ALREADY_SUBSIDIZED,
    VERSION_CONFLICT,
    ILLEGAL_TRANSITION,
    NO_QUOTA_POOL,
    QUOTA_EXHAUSTED,
    QUOTA_BELOW_APPROVED,
    BATCH_TOO_LARGE,
    QUERY_TOO_COMPLEX,
    /** Not a contract code: anything unexpected. The message is never shown. */
    INTERNAL
}
