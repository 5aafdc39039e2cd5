package dev.otabridge.expression;

import dev.otabridge.store.StoredText;
import java.util.Locale;

/** A lexical token with the 1-based column where it starts. */
record Token(Kind kind, String text, int column) {

    enum Kind {
        /** A field name, a keyword (and, or, in, like, not, is, null) or a bare value such as true. */
        WORD,
        /** A single- or double-quoted literal; text holds the content without the quotes. */
        STRING,
        /** =, !=, <>, <, >, <=, >= */
        COMPARATOR,
        LPAREN,
        RPAREN,
        COMMA,
        END
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean is(Kind expected) {
        return kind == expected;
    }

    /** The token as an error message shows it; long literals are shortened so a message stays readable. */
    String describe() {
        return switch (kind) {
            case END -> "end of expression";
            case STRING -> "string '" + shorten(text) + "'";
            default -> "'" + shorten(text) + "'";
        };
    }

    String lowerText() {
        return text.toLowerCase(Locale.ROOT);
    }

    private static String shorten(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(40).forEach(cp -> shown.append(StoredText.shown(cp)));
        return text.codePointCount(0, text.length()) > 40 ? shown + "..." : shown.toString();
    }
}
