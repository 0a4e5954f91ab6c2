package cn.workers.subsidy.common.error;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;

/** The one place that decides which contract code a failure answers with. */
public final class ErrorCodes {

    private ErrorCodes() {
    }

    public static ErrorCode of(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d.code();
            }
            if (t instanceof UnauthorizedException || t instanceof AuthenticationFailedException) {
                return ErrorCode.UNAUTHENTICATED;
            }
            if (t instanceof ForbiddenException) {
                return ErrorCode.FORBIDDEN;
            }
            if (t instanceof ConstraintViolationException) {
                return ErrorCode.VALIDATION;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return ErrorCode.INTERNAL;
    }

    public static String field(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d.field();
            }
            if (t instanceof ConstraintViolationException c && !c.getConstraintViolations().isEmpty()) {
                String path = c.getConstraintViolations().iterator().next().getPropertyPath().toString();
                int dot = path.lastIndexOf('.');
                return dot >= 0 ? path.substring(dot + 1) : path;
            }
        }
        return null;
    }
}
