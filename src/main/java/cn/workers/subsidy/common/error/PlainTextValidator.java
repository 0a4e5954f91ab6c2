package cn.workers.subsidy.common.error;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.regex.Pattern;

/** The check behind {@link PlainText}; the message says which of its rules failed. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");

    private PlainText rule;

    @Override
    public void initialize(PlainText rule) {
        this.rule = rule;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        String problem = problem(value, rule.max(), rule.required(), rule.multiline());
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    /** What is wrong with {@code value} under these rules, or null when nothing is. */
    static String problem(String value, int max, boolean required, boolean multiline) {
        if (value == null || value.isBlank()) {
            return required ? "is required" : null;
        }
        String v = value.strip();
        if (v.length() > max) {
            return "may have at most " + max + " characters";
        }
        if (CONTROL.matcher(v).find() || !multiline && v.indexOf('\n') >= 0) {
            return "contains control characters";
        }
        return null;
    }
}
