package cn.workers.subsidy.common;

import cn.workers.subsidy.common.error.DomainException;

/** GraphQL IDs are strings on the wire and database keys inside: an ID that is not one of ours names nothing. */
public final class Ids {

    private Ids() {
    }

    /** The key behind {@code id}; NOT_FOUND ("{what} not found") when it cannot be one of ours. */
    public static long parse(String id, String what) {
        if (id != null && !id.isEmpty() && id.length() <= 19) {
            try {
                long value = Long.parseLong(id);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // falls through to NOT_FOUND
            }
        }
        throw DomainException.notFound(what);
    }
}
