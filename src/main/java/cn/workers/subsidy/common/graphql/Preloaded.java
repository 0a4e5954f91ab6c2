package cn.workers.subsidy.common.graphql;

/**
 * An API object that can carry the values of some of its batched ({@code @Source}) fields, because the
 * service that built it had just read them (a submission reads its campaign and course to judge it).
 * {@link PreloadedFieldsInstrumentation} answers such a field with the value at hand instead of going
 * through the field's batch loader and its query.
 */
public interface Preloaded {

    /** The value of the schema field {@code field} of this object when it is at hand; null otherwise. */
    Object preloaded(String field);
}
