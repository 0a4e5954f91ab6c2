package cn.workers.subsidy.common.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

/**
 * Resolves a field from the value its parent object carries ({@link Preloaded}) when there is one; the
 * field's own fetcher runs otherwise. Without it, a value at hand still went through the batched
 * field's whole machinery: SmallRye's per-field context, the data loader and its dispatch, a
 * {@code Uni}. Plain fields (record components) are left alone at once.
 */
public class PreloadedFieldsInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return fetcher;
        }
        DataFetchingEnvironment env = parameters.getEnvironment();
        if (env.getSource() instanceof Preloaded parent) {
            Object value = parent.preloaded(env.getFieldDefinition().getName());
            if (value != null) {
                return ignored -> value;
            }
        }
        return fetcher;
    }
}
