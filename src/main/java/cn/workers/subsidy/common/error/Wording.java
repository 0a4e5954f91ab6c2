package cn.workers.subsidy.common.error;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small helpers that keep the messages shown to clients readable and stable. */
public final class Wording {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private Wording() {
    }

    /** The word with its indefinite article: "an OPEN", "an INDUSTRY_UNION", "a DRAFT". */
    public static String a(Object word) {
        String w = String.valueOf(word);
        return (!w.isEmpty() && "AEIOUaeiou".indexOf(w.charAt(0)) >= 0 ? "an " : "a ") + w;
    }

    /**
     * A point in time as messages show it: in UTC, always to the second ("2026-11-15T02:00:00Z"), so the same
     * instant reads the same whatever offset it was stored or sent with, and whether or not its seconds are zero.
     */
    public static String instant(OffsetDateTime at) {
        return at == null ? "unknown" : at.withOffsetSameInstant(ZoneOffset.UTC).format(INSTANT);
    }
}
