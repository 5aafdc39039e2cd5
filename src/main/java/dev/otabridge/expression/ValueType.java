package dev.otabridge.expression;

import java.util.Locale;

/** The type of a searchable field, which decides how a literal in an expression is read. */
public enum ValueType {
    /** Quoted string; compared exactly (=, in) or as a case-insensitive substring (like). */
    STRING,
    /** true or false, bare or quoted, any letter case: EnOS's own samples send it bare. */
    BOOLEAN;

    /**
     * Converts a literal to the field's value, or explains why it does not fit.
     *
     * @throws ExpressionException naming the field, the literal and its column
     */
    Object convert(String field, Token literal) {
        return switch (this) {
            case STRING -> {
                if (literal.kind() != Token.Kind.STRING) {
                    throw new ExpressionException(
                            ExpressionException.Kind.VALUE,
                            literal.column(),
                            field + " expects a quoted string, found " + literal.describe());
                }
                yield literal.text();
            }
            case BOOLEAN -> {
                String text = literal.text().toLowerCase(Locale.ROOT);
                if (literal.kind() == Token.Kind.STRING || literal.kind() == Token.Kind.WORD) {
                    if (text.equals("true")) {
                        yield Boolean.TRUE;
                    }
                    if (text.equals("false")) {
                        yield Boolean.FALSE;
                    }
                }
                throw new ExpressionException(
                        ExpressionException.Kind.VALUE,
                        literal.column(),
                        field + " expects true or false, found " + literal.describe());
            }
        };
    }
}
