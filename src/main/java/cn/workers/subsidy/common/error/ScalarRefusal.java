package cn.workers.subsidy.common.error;

import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;

/**
 * A scalar input value refused by the strict scalars ({@code common.graphql.StrictScalars}). The message is
 * written for the client: it says what the value should have been, never the value, never a class name.
 */
public final class ScalarRefusal {

    private ScalarRefusal() {
    }

    /** A refused variable value. */
    public static final class Value extends CoercingParseValueException {
        public Value(String message) {
            super(message);
        }
    }

    /** A refused literal of the document. */
    public static final class Literal extends CoercingParseLiteralException {
        public Literal(String message) {
            super(message);
        }
    }
}
