package cn.workers.subsidy.common.paging;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A validated {@code first}/{@code after} pair. {@code first} defaults to {@link PagingConfig#defaultSize} and
 * may not exceed {@link PagingConfig#maxSize} ({@code BATCH_TOO_LARGE}); {@code after} is an opaque cursor
 * holding the sort key of the last row seen (keyset pagination: stable while rows change).
 */
public record PageRequest(int first, List<String> after) {

    private static final String SEPARATOR = "\u001f";

    /** Built by {@link Paging}, which knows the configured sizes. */
    static PageRequest of(Integer first, String after, int defaultSize, int maxSize) {
        int size = first == null ? defaultSize : first;
        if (size > maxSize) {
            throw new DomainException(ErrorCode.BATCH_TOO_LARGE, "first may be at most " + maxSize, "first");
        }
        if (size < 1) {
            throw DomainException.validation("first", "first must be at least 1");
        }
        return new PageRequest(size, after == null || after.isEmpty() ? null : decode(after));
    }

    public boolean hasCursor() {
        return after != null;
    }

    /** The cursor's i-th key part. */
    public String key(int i) {
        if (after == null || i >= after.size()) {
            throw DomainException.validation("after", "the cursor does not belong to this list");
        }
        return after.get(i);
    }

    /** The cursor's i-th key part as a number; VALIDATION when it is not one. */
    public long longKey(int i) {
        try {
            return Long.parseLong(key(i));
        } catch (NumberFormatException e) {
            throw DomainException.validation("after", "the cursor does not belong to this list");
        }
    }

    public static String encode(Object... keys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(keys[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<String> decode(String cursor) {
        try {
            if (cursor.length() > 512) {
                throw new IllegalArgumentException();
            }
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return List.of(raw.split(SEPARATOR, -1));
        } catch (IllegalArgumentException e) {
            throw DomainException.validation("after", "after is not a cursor returned by this API");
        }
    }

}
