package cn.workers.subsidy.common.paging;

import org.eclipse.microprofile.graphql.NonNull;

public class Edge<T> {

    private final String cursor;
    private final T node;

    public Edge(String cursor, T node) {
        this.cursor = cursor;
        this.node = node;
    }

    @NonNull
    public String getCursor() {
        return cursor;
    }

    @NonNull
    public T getNode() {
        return node;
    }
}
