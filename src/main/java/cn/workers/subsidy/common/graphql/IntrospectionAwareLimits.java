package cn.workers.subsidy.common.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.validation.ValidationError;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A query limit (depth, complexity) that leaves a pure introspection operation to graphql-java's own
 * introspection guard. The standard introspection query that GraphiQL, graphql-codegen, Apollo and Postman
 * send ({@code getIntrospectionQuery()} of graphql-js) nests {@code ofType} nine levels deep and selects
 * several hundred fields: the limits for ordinary queries refused it, so no tool could read the schema.
 *
 * <p>An operation counts as introspection only when every selection at its root is a field named
 * {@code __schema}, {@code __type} or {@code __typename} (a fragment at the root does not count); any data
 * field brings the limits back. Such an operation is still bounded: graphql-java's
 * {@code GoodFaithIntrospection} (on by default) refuses more than one {@code __schema} or {@code __type},
 * repeated {@code __Type} cycles, more than 500 fields or a depth above 20, and the parser's token limit
 * ({@code GraphQLRequestGuard}) applies to every document. Where introspection is switched off (prod's
 * {@code field-visibility=no-introspection}) those fields do not exist and validation refuses them.
 */
public class IntrospectionAwareLimits extends SimplePerformantInstrumentation {

    private static final Set<String> INTROSPECTION_ROOTS = Set.of("__schema", "__type", "__typename");

    private final Instrumentation limit;

    public IntrospectionAwareLimits(Instrumentation limit) {
        this.limit = limit;
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return limit.createStateAsync(parameters);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        return limit.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        if (introspectionOnly(parameters.getExecutionContext().getOperationDefinition())) {
            return SimpleInstrumentationContext.noOp();
        }
        return limit.beginExecuteOperation(parameters, state);
    }

    static boolean introspectionOnly(OperationDefinition operation) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
            return false;
        }
        for (Selection<?> s : operation.getSelectionSet().getSelections()) {
            if (!(s instanceof Field f) || !INTROSPECTION_ROOTS.contains(f.getName())) {
                return false;
            }
        }
        return true;
    }
}
