package cn.workers.subsidy.common.paging;

import cn.workers.subsidy.common.error.DomainException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Typed parts of keyset cursors. */
public final class Cursors {

    private Cursors() {
    }

    public static OffsetDateTime time(PageRequest page, int i) {
        try {
            return OffsetDateTime.parse(page.key(i));
        } catch (DateTimeParseException e) {
            throw DomainException.validation("after", "the cursor does not belong to this list");
        }
    }
}
