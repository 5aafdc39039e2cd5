package dev.otabridge.expression;

import dev.otabridge.store.StoredText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits an expression into tokens. Quotes have no escape, as in EnOS: a value holding a single
 * quote is written in double quotes and the other way round; a backslash is an ordinary character.
 * Columns count characters (code points), so a letter outside the BMP before a token moves it by one.
 */
final class Lexer {

    private static final Set<String> COMPARATORS = Set.of("=", "!=", "<>", "<", ">", "<=", ">=");

    private Lexer() {}

    static List<Token> tokenize(String source) {
        int[] text = source.codePoints().toArray();
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length) {
            int c = text[i];
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int close = i + 1;
                while (close < text.length && text[close] != c) {
                    close++;
                }
                if (close == text.length) {
                    throw new ExpressionException(column, "unterminated string starting with " + (char) c);
                }
                Token string = new Token(Token.Kind.STRING, new String(text, i + 1, close - i - 1), column);
                requireText(string, text, i + 1, close);
                tokens.add(string);
                i = close + 1;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(
                        c == '(' ? Token.Kind.LPAREN : c == ')' ? Token.Kind.RPAREN : Token.Kind.COMMA,
                        String.valueOf((char) c),
                        column));
                i++;
            } else if (isOperatorChar(c)) {
                int end = i;
                while (end < text.length && isOperatorChar(text[end])) {
                    end++;
                }
                String operator = new String(text, i, end - i);
                if (operator.equals("!")) {
                    throw new ExpressionException(column, "unexpected character '!'");
                }
                if (!COMPARATORS.contains(operator)) {
                    throw new ExpressionException(
                            column,
                            "unknown operator '" + operator + "'; the comparison operators are = != <> < > <= >=");
                }
                tokens.add(new Token(Token.Kind.COMPARATOR, operator, column));
                i = end;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < text.length && isWordChar(text[end])) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.WORD, new String(text, i, end - i), column));
                i = end;
            } else {
                throw new ExpressionException(column, "unexpected character '" + StoredText.shown(c) + "'");
            }
        }
        tokens.add(new Token(Token.Kind.END, "", text.length + 1));
        return tokens;
    }

    /**
     * No stored value holds a control character or half of a surrogate pair (the loader refuses
     * them), and PostgreSQL cannot even compare a NUL: such a string is refused where it stands.
     */
    private static void requireText(Token string, int[] text, int from, int to) {
        for (int at = from; at < to; at++) {
            if (StoredText.isNotText(text[at])) {
                throw new ExpressionException(
                        ExpressionException.Kind.VALUE,
                        string.column(),
                        string.describe() + " holds "
                                + StoredText.shown(text[at]) + " at column " + (at + 1)
                                + ": no stored value holds control characters or lone surrogates;"
                                + " the string starts");
            }
        }
    }

    private static boolean isOperatorChar(int c) {
        return c == '=' || c == '<' || c == '>' || c == '!';
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }
}
