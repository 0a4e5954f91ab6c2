package cn.workers.subsidy.common.error;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text as people type it: at most {@link #max} characters once trimmed, no control characters (tabs and
 * line breaks only where {@link #multiline}), and not blank when {@link #required}. Checked by
 * {@link Validation}, which answers VALIDATION naming the field.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    int max();

    boolean required() default true;

    boolean multiline() default false;

    String message() default "is not plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
