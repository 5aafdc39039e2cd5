package dev.otabridge.expression;

import java.util.List;

/** A WHERE condition with {@code ?} placeholders and the values bound to them, in order. */
public record SqlCondition(String sql, List<Object> parameters) {

    public SqlCondition {
        parameters = List.copyOf(parameters);
    }

    /** {@code ?, ?, ?}: the placeholders of an IN list of {@code count} values (at least one). */
    public static String placeholders(int count) {
        return "?, ".repeat(count - 1) + "?";
    }
}
