package dev.otabridge.expression;

/**
 * Every operator EnOS's grammar knows. Fields allow only a few of them; the others are still
 * recognised so that a caller hears "operator not allowed" instead of a bare syntax error.
 */
public enum Operator {
    EQ("="),
    NE("!="),
    LT("<"),
    GT(">"),
    LE("<="),
    GE(">="),
    IN("in"),
    NOT_IN("not in"),
    LIKE("like"),
    NOT_LIKE("not like"),
    IS_NULL("is null"),
    IS_NOT_NULL("is not null");

    private final String text;

    Operator(String text) {
        this.text = text;
    }

    /** The operator as EnOS writes it in its error messages. */
    public String text() {
        return text;
    }

    /** How many values the operator takes: none, one, or a parenthesised list. */
    public Arity arity() {
        return switch (this) {
            case IS_NULL, IS_NOT_NULL -> Arity.NONE;
            case IN, NOT_IN -> Arity.LIST;
            default -> Arity.ONE;
        };
    }

    public enum Arity {
        NONE,
        ONE,
        LIST
    }
}
