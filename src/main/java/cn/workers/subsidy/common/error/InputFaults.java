package cn.workers.subsidy.common.error;

import graphql.GraphQLContext;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.TypeUtil;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds which input a refused request got wrong, for {@code extensions.field} and a message a person can act
 * on. graphql-java refuses a bad variable with a message about the whole variable ("Variable 'input' has an
 * invalid value: ...") and a bad literal with one that prints the document's syntax tree
 * ({@code StringValue{value='...'}}). On that error path only, the variables are walked again against the
 * operation's declared types, the same way graphql-java coerces them, and the first fault is named: the input
 * field (or argument, or variable) and what it should have been. The value itself is never echoed.
 */
final class InputFaults {

    /** The input at fault: its leaf name (the contract's {@code extensions.field}), its path and the message. */
    record Fault(String field, String path, String message) {
    }

    private static final Pattern ARGUMENT = Pattern.compile("argument '([^']+)'");
    private static final Pattern EXPECTED_TYPE = Pattern.compile("is not a valid '([^']+)'");

    private InputFaults() {
    }

    /** The first fault in the request's variables, or null when none is found. */
    static Fault inVariables(GraphQLSchema schema, String query, String operationName, Map<String, Object> variables) {
        if (schema == null || query == null) {
            return null;
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException e) {
            return null;
        }
        OperationDefinition operation = null;
        for (OperationDefinition o : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName == null || operationName.equals(o.getName())) {
                operation = o;
                break;
            }
        }
        if (operation == null) {
            return null;
        }
        Map<String, Object> values = variables == null ? Map.of() : variables;
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            GraphQLType type = schema.getType(TypeUtil.unwrapAll(definition.getType()).getName());
            if (type == null) {
                continue;
            }
            GraphQLInputType declared = (GraphQLInputType) wrap(definition.getType(), type);
            String name = definition.getName();
            if (!values.containsKey(name) && definition.getDefaultValue() != null) {
                continue;
            }
            Fault f = check(declared, values.get(name), name, name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** The fault a literal validation error reports (WrongType: "argument 'input.year' ... is not a valid 'Int'"). */
    static Fault inLiteral(String validationMessage, String rule) {
        Matcher argument = ARGUMENT.matcher(validationMessage);
        if (!argument.find()) {
            return null;
        }
        String path = argument.group(1);
        Matcher type = EXPECTED_TYPE.matcher(validationMessage);
        String expected = type.find() && !type.group(1).startsWith("Unknown") ? type.group(1) : null;
        String message = "'" + path + "' is not a valid " + (expected == null ? "value" : expected)
                + (rule == null ? "" : ": " + rule);
        return new Fault(leaf(path), path, message);
    }

    private static GraphQLType wrap(graphql.language.Type<?> ast, GraphQLType named) {
        if (ast instanceof graphql.language.NonNullType n) {
            return GraphQLNonNull.nonNull(wrap(n.getType(), named));
        }
        if (ast instanceof graphql.language.ListType l) {
            return GraphQLList.list(wrap(l.getType(), named));
        }
        return named;
    }

    private static Fault check(GraphQLInputType type, Object value, String path, String field) {
        if (type instanceof GraphQLNonNull nonNull) {
            if (value == null) {
                return new Fault(field, path, "'" + path + "' is required (" + GraphQLTypeUtil.simplePrint(type) + ")");
            }
            return check((GraphQLInputType) nonNull.getWrappedType(), value, path, field);
        }
        if (value == null) {
            return null;
        }
        if (type instanceof GraphQLList list) {
            Collection<?> items = value instanceof Collection<?> c ? c : List.of(value);
            int i = 0;
            for (Object item : items) {
                Fault f = check((GraphQLInputType) list.getWrappedType(), item, path + "[" + i++ + "]", field);
                if (f != null) {
                    return f;
                }
            }
            return null;
        }
        if (type instanceof GraphQLScalarType scalar) {
            try {
                scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.ROOT);
                return null;
            } catch (ScalarRefusal.Value e) {
                return new Fault(field, path, "'" + path + "' is not a valid " + scalar.getName() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                return new Fault(field, path, "'" + path + "' is not a valid " + scalar.getName());
            }
        }
        if (type instanceof GraphQLEnumType e) {
            try {
                e.parseValue(value, GraphQLContext.getDefault(), Locale.ROOT);
                return null;
            } catch (RuntimeException refused) {
                return new Fault(field, path, "'" + path + "' is not one of " + e.getName() + " ("
                        + e.getValues().stream().map(GraphQLEnumValueDefinition::getName).collect(Collectors.joining(", ")) + ")");
            }
        }
        if (type instanceof GraphQLInputObjectType object) {
            if (!(value instanceof Map<?, ?> map)) {
                return new Fault(field, path, "'" + path + "' must be an object of type " + object.getName());
            }
            for (Object key : map.keySet()) {
                if (object.getField(String.valueOf(key)) == null) {
                    String name = printable(String.valueOf(key));
                    return new Fault(name, path + "." + name, object.getName() + " has no field '" + name + "'");
                }
            }
            for (GraphQLInputObjectField f : object.getFieldDefinitions()) {
                boolean present = map.containsKey(f.getName());
                if (!present && f.hasSetDefaultValue()) {
                    continue;
                }
                Fault fault = check(f.getType(), map.get(f.getName()), path + "." + f.getName(), f.getName());
                if (fault != null) {
                    return fault;
                }
            }
        }
        return null;
    }

    /** The last name of a path such as {@code input.standards[0].maxSubsidyFen}. */
    static String leaf(String path) {
        String p = path.replaceAll("\\[\\d+]", "");
        int dot = p.lastIndexOf('.');
        return dot >= 0 ? p.substring(dot + 1) : p;
    }

    /** A client-chosen name shown back: letters, digits and underscores only, at most 64 of them. */
    private static String printable(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9_]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }
}
