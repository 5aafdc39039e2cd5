package dev.otabridge.expression;

import java.util.Locale;

/**
 * A rejected expression. The message is meant for the caller: it names the token and its column
 * (1-based) and never carries SQL or data.
 */
public class ExpressionException extends RuntimeException {

    /** What kind of mistake it is, for metrics. */
    public enum Kind {
        SYNTAX,
        UNKNOWN_FIELD,
        OPERATOR_NOT_ALLOWED,
        VALUE,
        LIMIT;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final int column;
    private final Kind kind;

    public ExpressionException(int column, String detail) {
        this(Kind.SYNTAX, column, detail);
    }

    public ExpressionException(Kind kind, int column, String detail) {
        this(kind, column, detail + " at column " + column, null);
    }

    private ExpressionException(Kind kind, int column, String message, Void exact) {
        super(message, null, false, false);
        this.column = column;
        this.kind = kind;
    }

    /** EnOS answers a disallowed operator with this exact text (Search OTA Job document, code 99400). */
    static ExpressionException operatorNotAllowed(int column, Operator op, String allowed) {
        return new ExpressionException(
                Kind.OPERATOR_NOT_ALLOWED,
                column,
                "Do not allow operator op " + op.text() + ", allowed op " + allowed,
                null);
    }

    /** Column of the offending token, 1-based. */
    public int column() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    /** The EnOS disallowed-operator text, which is sent as is rather than as an "Invalid Argument". */
    public boolean isOperatorNotAllowed() {
        return kind == Kind.OPERATOR_NOT_ALLOWED;
    }
}
