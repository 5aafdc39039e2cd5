package dev.otabridge.expression;

import java.util.List;

/** A WHERE condition with {@code ?} placeholders and the values bound to them, in order. */
public record SqlCondition(String sql, List<Object> parameters) {

    public SqlCondition {
        parameters = List.copyOf(parameters);
    }
}
