package cn.workers.subsidy.common.graphql;

import cn.workers.subsidy.common.error.ScalarRefusal;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Input scalars as the GraphQL specification reads them, checked before anything runs. SmallRye's
 * own coercings accept more than they can carry: an {@code Int} of 4294967303 reached a Java {@code int}
 * as 7, a {@code DateTime} of "yesterday" went through to the argument conversion and failed there. These
 * wrappers refuse such a value while the request is coerced (variables) or validated (literals), so
 * graphql-java answers it as a validation error that names the input, and nothing runs. Accepted values go
 * on to SmallRye's coercing unchanged; output values are not touched.
 *
 * <ul>
 * <li>{@code Int}: a whole number within the signed 32-bit range (a JSON number, or an integer literal);
 * no strings, no fractions.</li>
 * <li>{@code DateTime}: an ISO-8601 date-time with an offset ({@code 2027-01-01T00:00:00+08:00} or
 * {@code ...Z}), year 1 to 9999.</li>
 * <li>{@code Date}: an ISO-8601 date ({@code 2027-09-01}), year 1 to 9999.</li>
 * </ul>
 */
public final class StrictScalars {

    static final String INT_RULE = "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    static final String DATE_TIME_RULE = "an ISO-8601 date-time with an offset, such as 2027-01-01T09:00:00+08:00";
    static final String DATE_RULE = "an ISO-8601 date, such as 2027-09-01";

    private StrictScalars() {
    }

    /** The schema with its Int, DateTime and Date scalars checked strictly on input. */
    public static GraphQLSchema apply(GraphQLSchema schema) {
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType node, TraverserContext<GraphQLSchemaElement> context) {
                Coercing<?, ?> strict = switch (node.getName()) {
                    case "Int" -> new Checked(node.getCoercing(), StrictScalars::checkInt, StrictScalars::checkIntLiteral);
                    case "DateTime" -> new Checked(node.getCoercing(), v -> checkText(v, StrictScalars::dateTime, DATE_TIME_RULE),
                            l -> checkTextLiteral(l, StrictScalars::dateTime, DATE_TIME_RULE));
                    case "Date" -> new Checked(node.getCoercing(), v -> checkText(v, StrictScalars::date, DATE_RULE),
                            l -> checkTextLiteral(l, StrictScalars::date, DATE_RULE));
                    default -> null;
                };
                if (strict == null || node.getCoercing() instanceof Checked) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, node.transform(b -> b.coercing(strict)));
            }
        });
    }

    static void checkInt(Object value) {
        boolean ok;
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            ok = true;
        } else if (value instanceof Long l) {
            ok = l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
        } else if (value instanceof BigInteger b) {
            ok = b.bitLength() < 32;
        } else if (value instanceof BigDecimal d) {
            ok = whole(d);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            ok = !Double.isNaN(d) && !Double.isInfinite(d) && whole(BigDecimal.valueOf(d));
        } else {
            ok = false;
        }
        if (!ok) {
            throw new ScalarRefusal.Value("expected " + INT_RULE);
        }
    }

    private static boolean whole(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        // 1E+1000000000 has no fraction either: its digit count is looked at before it is ever expanded
        return stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 10 && stripped.toBigInteger().bitLength() < 32;
    }

    static void checkIntLiteral(Object literal) {
        if (!(literal instanceof IntValue i) || i.getValue().bitLength() >= 32) {
            throw new ScalarRefusal.Literal("expected " + INT_RULE);
        }
    }

    private static void checkText(Object value, java.util.function.Predicate<String> valid, String rule) {
        if (!(value instanceof String s) || !valid.test(s)) {
            throw new ScalarRefusal.Value("expected " + rule);
        }
    }

    private static void checkTextLiteral(Object literal, java.util.function.Predicate<String> valid, String rule) {
        if (!(literal instanceof StringValue s) || !valid.test(s.getValue())) {
            throw new ScalarRefusal.Literal("expected " + rule);
        }
    }

    static boolean dateTime(String s) {
        if (s.length() > 64) {
            return false;
        }
        try {
            int year = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).getYear();
            return year >= 1 && year <= 9999;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean date(String s) {
        if (s.length() > 32) {
            return false;
        }
        try {
            int year = LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).getYear();
            return year >= 1 && year <= 9999;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** A coercing that checks an input value (or literal) first, then lets the original coercing convert it. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class Checked implements Coercing<Object, Object> {

        private final Coercing original;
        private final java.util.function.Consumer<Object> valueCheck;
        private final java.util.function.Consumer<Object> literalCheck;

        Checked(Coercing<?, ?> original, java.util.function.Consumer<Object> valueCheck, java.util.function.Consumer<Object> literalCheck) {
            this.original = original;
            this.valueCheck = valueCheck;
            this.literalCheck = literalCheck;
        }

        @Override
        public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            return original.serialize(dataFetcherResult, context, locale);
        }

        @Override
        @Deprecated
        public Object serialize(Object dataFetcherResult) {
            return original.serialize(dataFetcherResult);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
            valueCheck.accept(input);
            return original.parseValue(input, context, locale);
        }

        @Override
        @Deprecated
        public Object parseValue(Object input) {
            valueCheck.accept(input);
            return original.parseValue(input);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                throws CoercingParseLiteralException {
            literalCheck.accept(input);
            return original.parseLiteral(input, variables, context, locale);
        }

        @Override
        @Deprecated
        public Object parseLiteral(Object input) {
            literalCheck.accept(input);
            return original.parseLiteral(input);
        }

        @Override
        public Value valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return original.valueToLiteral(input, context, locale);
        }
    }
}
