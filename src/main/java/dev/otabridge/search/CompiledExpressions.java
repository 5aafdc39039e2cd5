package dev.otabridge.search;

import dev.otabridge.expression.ExpressionParser;
import dev.otabridge.expression.SqlCompiler;
import dev.otabridge.expression.SqlCondition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Expressions compiled to SQL conditions, the most recently used ones kept: a client paging through
 * one search, or polling with the same query, skips parsing and compiling. Only valid expressions
 * are kept; a refused one is parsed again each time, so every refusal is reported and counted.
 */
public final class CompiledExpressions {

    private final ExpressionParser parser;
    private final int capacity;
    private final Map<String, SqlCondition> recent;

    /** @param capacity how many expressions to keep; 0 keeps none */
    public CompiledExpressions(ExpressionParser parser, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("ota.expression.cache-size must be 0 or more");
        }
        this.parser = parser;
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SqlCondition> eldest) {
                return size() > CompiledExpressions.this.capacity;
            }
        };
    }

    /**
     * The condition an expression compiles to; empty for no expression.
     *
     * @throws dev.otabridge.expression.ExpressionException for an expression the API refuses
     */
    public Optional<SqlCondition> compile(String expression) {
        if (capacity == 0 || expression == null) {
            return parser.parse(expression).map(SqlCompiler::compile);
        }
        synchronized (recent) {
            SqlCondition known = recent.get(expression);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<SqlCondition> compiled = parser.parse(expression).map(SqlCompiler::compile);
        compiled.ifPresent(condition -> {
            synchronized (recent) {
                recent.put(expression, condition);
            }
        });
        return compiled;
    }

    int size() {
        synchronized (recent) {
            return recent.size();
        }
    }
}
