package dev.otabridge.search;

import dev.otabridge.expression.FieldTable;
import org.springframework.jdbc.core.RowMapper;

/**
 * What one search API reads: its name (the action), its field table, its table with alias, the columns its rows are
 * made
 * of, and the order it pages in.
 */
public record SearchTarget<T>(
        String api,
        FieldTable fields,
        String table,
        String alias,
        String columns,
        PageOrder order,
        RowMapper<T> rows) {}
