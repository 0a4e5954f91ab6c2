package cn.workers.subsidy.vocabulary;

import java.util.Arrays;
import java.util.List;

/** Reading the materialised org path '/1/7/42/99/130/': ids from the province down. */
public final class OrgPaths {

    private OrgPaths() {
    }

    public static List<Long> ids(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }

    /** The id of the ancestor at {@code depth} (0 = province), or null when the path is shorter. */
    public static Long ancestorAt(String path, int depth) {
        List<Long> ids = ids(path);
        return depth < ids.size() ? ids.get(depth) : null;
    }

    /** True when {@code inner} is {@code outer} or lies below it. */
    public static boolean within(String inner, String outer) {
        return inner != null && outer != null && inner.startsWith(outer);
    }
}
