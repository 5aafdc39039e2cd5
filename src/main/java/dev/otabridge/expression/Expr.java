package dev.otabridge.expression;

import java.util.List;

/** The syntax tree of a validated expression: only allowed fields, operators and typed values. */
public sealed interface Expr {

    record And(List<Expr> terms) implements Expr {
        public And {
            terms = List.copyOf(terms);
        }
    }

    record Or(List<Expr> terms) implements Expr {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    /**
     * {@code field op values}. Values are already of the field's type (String or Boolean); there
     * is one for = and like, one or more for in.
     */
    record Comparison(FieldRef field, Operator op, List<Object> values) implements Expr {
        public Comparison {
            values = List.copyOf(values);
        }

        public Object value() {
            return values.get(0);
        }
    }
}
