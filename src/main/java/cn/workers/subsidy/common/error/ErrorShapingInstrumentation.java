package cn.workers.subsidy.common.error;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.InvalidSyntaxError;
import graphql.execution.AbortExecutionException;
import graphql.execution.InputMapDefinesTooManyFieldsException;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.introspection.GoodFaithIntrospection;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationErrorType;
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
import java.util.regex.Pattern;

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
            shaped.add(shape(error, parameters));
        }
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(shaped)));
    }

    static GraphQLError shape(GraphQLError error) {
        return shape(error, null);
    }

    static GraphQLError shape(GraphQLError error, InstrumentationExecutionParameters request) {
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
        } else if (error instanceof AbortExecutionException || tooBig(error)
                || error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            code = ErrorCode.QUERY_TOO_COMPLEX;
            message = "The query exceeds the allowed depth, complexity or size";
        } else if (error instanceof CoercingParseValueException || error instanceof NonNullableValueCoercedAsNullException
                || error instanceof InputMapDefinesTooManyFieldsException) {
            // a variable that does not fit its declared type: name the input inside it that is wrong
            code = ErrorCode.VALIDATION;
            InputFaults.Fault fault = request == null ? null : InputFaults.inVariables(request.getSchema(),
                    request.getExecutionInput().getQuery(), request.getExecutionInput().getOperationName(),
                    request.getExecutionInput().getVariables());
            field = fault == null ? null : fault.field();
            message = fault == null ? "A variable has a value that does not fit its type" : fault.message();
        } else if (error instanceof ValidationError || error instanceof InvalidSyntaxError
                || "ValidationError".equals(String.valueOf(error.getErrorType()))) {
            code = ErrorCode.VALIDATION;
            message = error.getMessage();
            if (error instanceof ValidationError v && v.getValidationErrorType() == ValidationErrorType.WrongType) {
                // a literal of the document that does not fit its type: its message prints the syntax tree
                InputFaults.Fault fault = InputFaults.inLiteral(message, rule(message));
                if (fault != null) {
                    field = fault.field();
                    message = fault.message();
                }
            }
        } else {
            LOG.warnf("Unclassified GraphQL error %s: %s", error.getClass().getSimpleName(), error.getMessage());
            code = ErrorCode.INTERNAL;
            message = "Internal error";
        }
        message = withoutInternals(message, code);
        count(code);
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

    /** Counts an answered error in {@code subsidy_graphql_errors_total{code}}, wherever it was answered. */
    static void count(ErrorCode code) {
        io.micrometer.core.instrument.Metrics.counter("subsidy.graphql.errors", "code", code.name()).increment();
    }

    /**
     * The last line of defence: a message that would show the engine's internals (a Java class or package
     * name, a syntax-tree node such as {@code StringValue{...}}, a stack frame, SmallRye's message keys) is
     * replaced by a plain one. Messages written by the domain and by this class never match.
     */
    static String withoutInternals(String message, ErrorCode code) {
        if (message == null || INTERNALS.matcher(message).find()) {
            return switch (code) {
                case VALIDATION -> "Invalid input";
                case QUERY_TOO_COMPLEX -> "The query exceeds the allowed depth, complexity or size";
                case INTERNAL -> "Internal error";
                default -> "Refused";
            };
        }
        return message;
    }

    private static final Pattern INTERNALS = Pattern.compile(
            "[A-Za-z]Value\\{|Exception|SRGQL|Unknown Scalar Type|\\bat [a-z][\\w$]*\\.[\\w$.]+\\(|"
                    + "\\b(java|javax|jakarta|io|org|com|cn|graphql|sun|jdk)\\.[a-z][\\w]*\\.|\\t");

    /** What the strict scalars said a literal should have been ("expected ..."), from a WrongType message. */
    private static String rule(String validationMessage) {
        int at = validationMessage.lastIndexOf(" - expected ");
        return at < 0 ? null : validationMessage.substring(at + 3);
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
