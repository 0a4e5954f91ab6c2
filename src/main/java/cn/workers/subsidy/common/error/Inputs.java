package cn.workers.subsidy.common.error;

/**
 * The {@link PlainText} rules for single arguments that are not fields of an input record (a reason, a
 * comment, a payment reference): trimmed, bounded, printable. Failures are VALIDATION with the field.
 */
public final class Inputs {

    private Inputs() {
    }

    /** A required single-line text: trimmed, non-blank, at most {@code max} characters, no control characters. */
    public static String text(String field, String value, int max) {
        return checked(field, value, max, true, false);
    }

    /** An optional free text (comments, reasons): null stays null; newlines and tabs allowed. */
    public static String comment(String field, String value, int max) {
        return checked(field, value, max, false, true);
    }

    private static String checked(String field, String value, int max, boolean required, boolean multiline) {
        String problem = PlainTextValidator.problem(value, max, required, multiline);
        if (problem != null) {
            throw DomainException.validation(field, field + " " + problem);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
