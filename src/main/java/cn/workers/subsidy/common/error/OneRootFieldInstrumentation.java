package cn.workers.subsidy.common.error;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import graphql.language.Field;
import graphql.language.Selection;

/**
 * One data field at the root of each operation (introspection fields aside). The root fields of a
 * query are resolved concurrently on one Vert.x context, whose database session cannot be shared;
 * every client operation of the contract asks for one root field, and a client that needs two
 * sends two requests. Refused as VALIDATION before anything runs.
 */
public class OneRootFieldInstrumentation extends SimplePerformantInstrumentation {

    /** Marks the refusal so that {@link ErrorShapingInstrumentation} answers VALIDATION. */
    public static final class TooManyRootFields extends AbortExecutionException {
        TooManyRootFields() {
            super("Ask for one root field per request (aliases count); send further fields as separate requests");
        }
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        int data = 0;
        for (Selection<?> s : parameters.getExecutionContext().getOperationDefinition().getSelectionSet().getSelections()) {
            if (!(s instanceof Field f && f.getName().startsWith("__"))) {
                data++;
            }
        }
        if (data > 1) {
            throw new TooManyRootFields();
        }
        return SimpleInstrumentationContext.noOp();
    }
}
