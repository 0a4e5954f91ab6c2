package cn.workers.subsidy.common.error;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.InvalidSyntaxError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.validation.ValidationError;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The one place where failures become GraphQL errors. Every error of every response is rewritten
 * to carry a contract code in {@code extensions.code} (and {@code extensions.field} for input
 * errors); unexpected failures are logged here with their stack trace and answered with a bare
 * "Internal error", so no class name, stack trace or SQL ever reaches a client. A database that cannot
 * serve the request right now ({@link ErrorCodes#unavailable}) answers INTERNAL with a message that says
 * so, and {@link ServiceUnavailable} turns the HTTP status into 503.
 */
public class ErrorShapingInstrumentation extends SimplePerformantInstrumentation {

    private static final ErrorClassification EXECUTION = ErrorClassification.errorClassification("ExecutionError");
    private static final Logger LOG = Logger.getLogger(ErrorShapingInstrumentation.class);

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> shaped = new ArrayList<>(result.getErrors().size());
        for (GraphQLError error : result.getErrors()) {
            shaped.add(shape(error));
        }
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(shaped)));
    }

    static GraphQLError shape(GraphQLError error) {
        ErrorCode code;
        String message;
        String field = null;
        if (error instanceof ExceptionWhileDataFetching fetching) {
            Throwable failure = fetching.getException();
            code = ErrorCodes.of(failure);
            field = ErrorCodes.field(failure);
            ErrorCodes.Unavailable unavailable = code == ErrorCode.INTERNAL ? ErrorCodes.unavailable(failure) : null;
            message = switch (code) {
                case INTERNAL -> {
                    if (unavailable != null) {
                        // expected while the database is down or saturated: one line, no stack trace
                        LOG.warnf("%s at %s: %s", unavailable, fetching.getPath(), rootMessage(failure));
                        ServiceUnavailable.mark();
                        yield unavailable.message();
                    }
                    LOG.errorf(failure, "Unexpected failure at %s", fetching.getPath());
                    yield "Internal error";
                }
                case UNAUTHENTICATED -> "Authentication required";
                case FORBIDDEN -> failure instanceof DomainException ? failure.getMessage() : "Not allowed for the caller's role or scope";
                case VALIDATION -> ErrorCodes.message(failure) != null ? ErrorCodes.message(failure) : "Invalid input";
                default -> ErrorCodes.message(failure) != null ? ErrorCodes.message(failure) : "Refused";
            };
        } else if (error instanceof OneRootFieldInstrumentation.TooManyRootFields) {
            code = ErrorCode.VALIDATION;
            message = error.getMessage();
        } else if (error instanceof AbortExecutionException || tooBig(error)) {
            code = ErrorCode.QUERY_TOO_COMPLEX;
            message = "The query exceeds the allowed depth, complexity or size";
        } else if (error instanceof ValidationError || error instanceof InvalidSyntaxError
                || "ValidationError".equals(String.valueOf(error.getErrorType()))) {
            code = ErrorCode.VALIDATION;
            message = error.getMessage();
        } else {
            LOG.warnf("Unclassified GraphQL error %s: %s", error.getClass().getSimpleName(), error.getMessage());
            code = ErrorCode.INTERNAL;
            message = "Internal error";
        }
        io.micrometer.core.instrument.Metrics.counter("subsidy.graphql.errors", "code", code.name()).increment();
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        GraphqlErrorBuilder<?> b = GraphqlErrorBuilder.newError().message(message).extensions(extensions)
                .errorType(code == ErrorCode.VALIDATION || code == ErrorCode.QUERY_TOO_COMPLEX ? ErrorType.ValidationError : EXECUTION);
        if (error.getLocations() != null) {
            b.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            b.path(error.getPath());
        }
        return b.build();
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 8; depth++) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** The parser's token limits surface as syntax errors. */
    private static boolean tooBig(GraphQLError error) {
        String m = error.getMessage();
        return error instanceof InvalidSyntaxError && m != null && m.contains("tokens have been presented");
    }
}
