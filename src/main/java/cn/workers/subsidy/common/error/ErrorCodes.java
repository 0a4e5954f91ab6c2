package cn.workers.subsidy.common.error;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import jakarta.validation.ConstraintViolationException;

import java.io.IOException;
import java.sql.SQLException;

/** The one place that decides which contract code a failure answers with. */
public final class ErrorCodes {

    private ErrorCodes() {
    }

    /**
     * SQLSTATEs of class 22 that only a client's value can cause: a NUL or an unpaired surrogate in a text
     * (22021, 22P05: PostgreSQL cannot store them), a value too long or out of range for its column (22001,
     * 22003, 22008), a text that is no number or date (22P02, 22007). The statement failed and its transaction
     * rolled back: a malformed input, answered VALIDATION instead of INTERNAL.
     */
    private static final java.util.Set<String> BAD_DATA = java.util.Set.of("22021", "22P05", "22001", "22003", "22008", "22P02", "22007");

    private static boolean badData(Throwable t) {
        String state = sqlState(t);
        return state != null && BAD_DATA.contains(state);
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
            // a scalar refused while a resolver's arguments are converted (the strict scalars refuse most earlier)
            if (t instanceof graphql.schema.CoercingParseLiteralException || t instanceof graphql.schema.CoercingParseValueException) {
                return ErrorCode.VALIDATION;
            }
            if (badData(t)) {
                return ErrorCode.VALIDATION;
            }
            if (constraintOf(t) != null) {
                ConstraintRule rule = ConstraintRule.of(constraintOf(t));
                if (rule != null) {
                    return rule.code();
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return ErrorCode.INTERNAL;
    }

    /** True when the failure is a unique violation (SQLSTATE 23505) of any constraint. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())
                    || t instanceof org.hibernate.exception.ConstraintViolationException c
                    && (c.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE
                    || "23505".equals(c.getSQLState()) || String.valueOf(c.getMessage()).contains("(23505)"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why the database cannot serve a request right now, or null when the failure is something else.
     * Such a failure still answers {@link ErrorCode#INTERNAL} (the contract has no code for it), with
     * the reason's message instead of "Internal error", and the HTTP answer is 503 with Retry-After:
     * nothing was changed, and the same request may succeed later (a submission retried with the same
     * clientRequestId never creates a second application).
     */
    public enum Unavailable {
        /** PostgreSQL refuses or drops connections: stopped, restarting, failing over, unreachable. */
        DATABASE_DOWN("The service is temporarily unavailable; retry later"),
        /** Every pooled connection is busy: the wait queue is full or the wait for a connection timed out. */
        POOL_EXHAUSTED("The service is temporarily unavailable; retry later"),
        /** A statement ran into the statement timeout (or a lock or idle-transaction timeout) and was cancelled. */
        STATEMENT_TIMEOUT("The request took too long and was cancelled; retry later");

        private final String message;

        Unavailable(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    public static Unavailable unavailable(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException) {
                return null;
            }
            String state = sqlState(t);
            if (state != null) {
                return switch (state) {
                    // query_canceled (statement_timeout), lock_not_available (lock_timeout), idle_in_transaction_session_timeout
                    case "57014", "55P03", "25P03" -> Unavailable.STATEMENT_TIMEOUT;
                    // admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down, in recovery)
                    case "57P01", "57P02", "57P03" -> Unavailable.DATABASE_DOWN;
                    default -> state.startsWith("08") ? Unavailable.DATABASE_DOWN // connection exceptions
                            : state.startsWith("53") ? Unavailable.POOL_EXHAUSTED // insufficient resources, too many connections
                            : null;
                };
            }
            if (t instanceof ConnectionPoolTooBusyException) {
                return Unavailable.POOL_EXHAUSTED;
            }
            String message = String.valueOf(t.getMessage());
            boolean vertx = t instanceof VertxException || t instanceof NoStackTraceThrowable;
            // the pool's acquisition timeout: a bare "Timeout" (Vert.x 4.5), "Timeout waiting for connection" elsewhere
            if (vertx && (message.equals("Timeout") || message.startsWith("Timeout waiting for connection"))) {
                return Unavailable.POOL_EXHAUSTED;
            }
            // refused, reset, closed channels: on the request path only the database is reached over the network
            if (t instanceof ClosedConnectionException || t instanceof IOException || vertx && message.contains("connection has been closed")) {
                return Unavailable.DATABASE_DOWN;
            }
        }
        return null;
    }

    /** The SQLSTATE of a database error, from the driver's exception or the one Hibernate converted it into. */
    static String sqlState(Throwable t) {
        if (t instanceof DatabaseException d) {
            return d.getSqlState();
        }
        if (t instanceof SQLException s) {
            return s.getSQLState();
        }
        if (t instanceof org.hibernate.JDBCException j) {
            return j.getSQLState();
        }
        return null;
    }

    /** The name of the database constraint a failure violated, from the driver's or Hibernate's exception. */
    static String constraintOf(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getConstraint();
        }
        if (t instanceof org.hibernate.exception.ConstraintViolationException c) {
            return c.getConstraintName();
        }
        return null;
    }

    /** The message shown for a refused write: the domain's own, or the constraint rule's. */
    public static String message(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof DomainException) {
                return t.getMessage();
            }
            if (badData(t)) {
                return "Invalid input: a value cannot be stored as given (a NUL or other unstorable character, a value out of range)";
            }
            if (ConstraintRule.of(constraintOf(t)) != null) {
                return ConstraintRule.of(constraintOf(t)).message();
            }
        }
        return null;
    }

    /**
     * The database constraints that stand behind business rules, and the contract code each one
     * answers with when a race gets past the service's own check.
     */
    enum ConstraintRule {
        ONE_LIVE_APPLICATION("application_one_live_per_campaign", ErrorCode.DUPLICATE_APPLICATION, null,
                "the worker already has a live application in this campaign"),
        POOL_WITHIN_ALLOCATION("quota_pool_approved_within_allocated", ErrorCode.QUOTA_EXHAUSTED, null,
                "the quota pool has no place left"),
        ID_NUMBER_TAKEN("worker_id_number_hash_key", ErrorCode.VALIDATION, "idNumber",
                "this ID number is registered to another account"),
        ORG_UNIT_CODE("org_unit_code_key", ErrorCode.VALIDATION, "code", "an org unit with this code exists"),
        ACADEMY_CODE("academy_code_key", ErrorCode.VALIDATION, "code", "an academy with this code exists"),
        COURSE_CODE("course_academy_id_campaign_id_external_code_key", ErrorCode.VALIDATION, "externalCode",
                "the academy already has a course with this external code in the campaign");

        private final String constraint;
        private final ErrorCode code;
        private final String field;
        private final String message;

        ConstraintRule(String constraint, ErrorCode code, String field, String message) {
            this.constraint = constraint;
            this.code = code;
            this.field = field;
            this.message = message;
        }

        static ConstraintRule of(String constraint) {
            for (ConstraintRule r : values()) {
                if (r.constraint.equals(constraint)) {
                    return r;
                }
            }
            return null;
        }

        ErrorCode code() {
            return code;
        }

        String field() {
            return field;
        }

        String message() {
            return message;
        }
    }

    public static String field(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d.field();
            }
            if (ConstraintRule.of(constraintOf(t)) != null) {
                return ConstraintRule.of(constraintOf(t)).field();
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
