package dev.otabridge.expression;

/**
 * A rejected expression. The message is meant for the caller: it names the token and its column
 * (1-based) and never carries SQL or data.
 */
public class ExpressionException extends RuntimeException {

    private final int column;
    private final boolean operatorNotAllowed;

    public ExpressionException(int column, String detail) {
        this(column, detail + " at column " + column, false);
    }

    private ExpressionException(int column, String message, boolean operatorNotAllowed) {
        super(message, null, false, false);
        this.column = column;
        this.operatorNotAllowed = operatorNotAllowed;
    }

    /** EnOS answers a disallowed operator with this exact text (Search OTA Job document, code 99400). */
    static ExpressionException operatorNotAllowed(int column, Operator op, String allowed) {
        return new ExpressionException(column, "Do not allow operator op " + op.text() + ", allowed op " + allowed, true);
    }

    /** Column of the offending token, 1-based. */
    public int column() {
        return column;
    }

    /** The EnOS disallowed-operator text, which is sent as is rather than as an "Invalid Argument". */
    public boolean isOperatorNotAllowed() {
        return operatorNotAllowed;
    }
}
