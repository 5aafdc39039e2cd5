package dev.otabridge.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens. Quotes have no escape, as in EnOS: a value holding a single
 * quote is written in double quotes and the other way round; a backslash is an ordinary character.
 */
final class Lexer {

    private Lexer() {
    }

    static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int close = source.indexOf(c, i + 1);
                if (close < 0) {
                    throw new ExpressionException(column, "unterminated string starting with " + c);
                }
                tokens.add(new Token(Token.Kind.STRING, source.substring(i + 1, close), column));
                i = close + 1;
            } else if (c == '(') {
                tokens.add(new Token(Token.Kind.LPAREN, "(", column));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Token.Kind.RPAREN, ")", column));
                i++;
            } else if (c == ',') {
                tokens.add(new Token(Token.Kind.COMMA, ",", column));
                i++;
            } else if (c == '=' || c == '<' || c == '>' || c == '!') {
                int end = i + 1;
                if (end < source.length() && (source.charAt(end) == '=' || (c == '<' && source.charAt(end) == '>'))) {
                    end++;
                }
                String text = source.substring(i, end);
                if (text.equals("!")) {
                    throw new ExpressionException(column, "unexpected character '!'");
                }
                tokens.add(new Token(Token.Kind.COMPARATOR, text, column));
                i = end;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < source.length() && isWordChar(source.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.WORD, source.substring(i, end), column));
                i = end;
            } else {
                String shown = Character.isISOControl(c) ? String.format("\\u%04x", (int) c)
                        : source.substring(i, i + Character.charCount(source.codePointAt(i)));
                throw new ExpressionException(column, "unexpected character '" + shown + "'");
            }
        }
        tokens.add(new Token(Token.Kind.END, "", source.length() + 1));
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }
}
