package cn.workers.subsidy.common.graphql;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Fetches the plain fields of output objects (a record component, a getter, a public field): the
 * value, then SmallRye's own transformation and adaptation of it, exactly as SmallRye's default
 * field fetcher does, but without rebuilding SmallRye's request {@code Context} for every field.
 *
 * <p>SmallRye's default fetcher clones that context and computes the field's selected sub-fields as
 * JSON for each field of each object, so that application code could inject {@code Context}. Our
 * code never reads the context in a plain field; that work was the largest single cost of a list
 * (about an eighth of the server's CPU for a 20-row review queue). The operations ({@code @Query},
 * {@code @Mutation} and {@code @Source} fields) keep Quarkus' fetchers, context included.
 *
 * <p>Registered through {@code META-INF/services/io.smallrye.graphql.spi.DataFetcherService}; every
 * other kind of fetcher is left to the next service (null).
 */
public class PlainFieldFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return new PlainFieldFetcher<>(field, owner);
    }

    static final class PlainFieldFetcher<T> implements PlugableDataFetcher<T>, TrivialDataFetcher<T> {

        private final Field field;
        private final Reference owner;
        private final FieldHelper helper;
        private volatile MethodHandle accessor;

        PlainFieldFetcher(Field field, Reference owner) {
            this.field = field;
            this.owner = owner;
            this.helper = new FieldHelper(field);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(DataFetchingEnvironment env) throws Exception {
            Object value;
            try {
                value = (Object) accessor().invokeExact((Object) env.getSource());
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            try {
                return (T) helper.transformOrAdaptResponse(value, env);
            } catch (AbstractDataFetcherException e) {
                // as SmallRye's fetcher: a value that cannot be transformed is given as it is
                return (T) value;
            }
        }

        /** Resolved on first use, with the class loader SmallRye uses for the application's classes. */
        private MethodHandle accessor() throws ReflectiveOperationException {
            MethodHandle h = accessor;
            if (h == null) {
                Class<?> c = ClassloadingService.get().loadClass(owner.getClassName());
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                if (field.getMethodName() != null) {
                    Method m = c.getMethod(field.getMethodName());
                    m.setAccessible(true);
                    h = lookup.unreflect(m);
                } else {
                    java.lang.reflect.Field f = c.getField(field.getPropertyName());
                    f.setAccessible(true);
                    h = lookup.unreflectGetter(f);
                }
                h = h.asType(MethodType.methodType(Object.class, Object.class));
                accessor = h;
            }
            return h;
        }
    }
}
