package cn.workers.subsidy.common.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Bean Validation for inputs: the constraints on an input record's components ({@link PlainText},
 * {@code @Min}, {@code @Positive}, {@code @Pattern}, …) checked in the service that receives it. The
 * first violation, in the record's own field order, answers VALIDATION with {@code extensions.field}.
 */
@ApplicationScoped
public class Validation {

    private final Validator validator;

    Validation(Validator validator) {
        this.validator = validator;
    }

    /** {@code input} when every constraint holds; VALIDATION naming the first field at fault otherwise. */
    public <T> T check(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (violations.isEmpty()) {
            return input;
        }
        List<String> order = input.getClass().isRecord()
                ? Arrays.stream(input.getClass().getRecordComponents()).map(RecordComponent::getName).toList() : List.of();
        ConstraintViolation<T> first = violations.stream()
                .min(Comparator.comparingInt((ConstraintViolation<T> v) -> position(order, field(v))).thenComparing(Validation::field))
                .orElseThrow();
        String field = field(first);
        throw DomainException.validation(field, field + " " + first.getMessage());
    }

    private static int position(List<String> order, String field) {
        int i = order.indexOf(field);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static String field(ConstraintViolation<?> v) {
        String name = null;
        for (Path.Node node : v.getPropertyPath()) {
            name = node.getName();
        }
        return name;
    }
}
