package cn.workers.subsidy.audit;

import org.eclipse.microprofile.graphql.Description;

/** Why a link of a chain does not hold. */
@Description("CONTENT_CHANGED: the entry's content no longer matches its hash. LINK_BROKEN: the entry's previous hash is not the "
        + "hash of the entry before it (an entry was removed, inserted or re-hashed). HEAD_MISMATCH: the newest entry does not "
        + "match the live application or pool (entries were cut off the end, or the row changed without an entry).")
public enum AuditFailure {
    CONTENT_CHANGED,
    LINK_BROKEN,
    HEAD_MISMATCH
}
