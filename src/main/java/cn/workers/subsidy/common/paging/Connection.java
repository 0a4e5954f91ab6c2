package cn.workers.subsidy.common.paging;

import org.eclipse.microprofile.graphql.NonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a list in the Relay connection shape: edges with cursors, page info and, where the
 * list offers it, the total count.
 */
public class Connection<T> {

    private final Integer totalCount;
    private final List<@NonNull Edge<T>> edges;
    private final PageInfo pageInfo;

    public Connection(Integer totalCount, List<Edge<T>> edges, PageInfo pageInfo) {
        this.totalCount = totalCount;
        this.edges = edges;
        this.pageInfo = pageInfo;
    }

    /**
     * Builds a page from rows fetched with {@code limit first + 1}: the extra row only tells that
     * there is a next page.
     */
    public static <R, T> Connection<T> of(List<R> rows, PageRequest page, Integer totalCount,
            Function<R, String> cursor, Function<R, T> node) {
        boolean hasNext = rows.size() > page.first();
        List<R> visible = hasNext ? rows.subList(0, page.first()) : rows;
        List<Edge<T>> edges = new ArrayList<>(visible.size());
        for (R row : visible) {
            edges.add(new Edge<>(cursor.apply(row), node.apply(row)));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor();
        return new Connection<>(totalCount, edges, new PageInfo(hasNext, end));
    }

    public Integer getTotalCount() {
        return totalCount;
    }

    @NonNull
    public List<@NonNull Edge<T>> getEdges() {
        return edges;
    }

    @NonNull
    public PageInfo getPageInfo() {
        return pageInfo;
    }
}
