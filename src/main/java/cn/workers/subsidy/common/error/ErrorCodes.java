package cn.workers.subsidy.common.error;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
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
