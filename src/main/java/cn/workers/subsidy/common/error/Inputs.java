package cn.workers.subsidy.common.error;

import java.util.regex.Pattern;

/** Checks shared by every input: bounded, printable text. Failures are VALIDATION with the field. */
public final class Inputs {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");

    private Inputs() {
    }

    /** A required single-line text: trimmed, non-blank, at most {@code max} characters, no control characters. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.validation(field, field + " is required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw DomainException.validation(field, field + " may have at most " + max + " characters");
        }
        if (CONTROL.matcher(v).find() || v.indexOf('\n') >= 0) {
            throw DomainException.validation(field, field + " contains control characters");
        }
        return v;
    }

    /** An optional free text (comments, reasons): null stays null; newlines and tabs allowed. */
    public static String comment(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw DomainException.validation(field, field + " may have at most " + max + " characters");
        }
        if (CONTROL.matcher(v).find()) {
            throw DomainException.validation(field, field + " contains control characters");
        }
        return v;
    }
}
