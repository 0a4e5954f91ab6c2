package cn.workers.subsidy.common.error;

/**
 * A refused operation: carries the contract code (and for {@link ErrorCode#VALIDATION} the input
 * field at fault). Its message is shown to the client, so it never holds personal data or internals.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public DomainException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public DomainException(ErrorCode code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public static DomainException validation(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION, message, field);
    }

    public static DomainException notFound(String what) {
        return new DomainException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static DomainException forbidden(String message) {
        return new DomainException(ErrorCode.FORBIDDEN, message);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
