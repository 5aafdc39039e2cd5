package dev.otabridge.search;

import dev.otabridge.expression.FieldTable;
import org.springframework.jdbc.core.RowMapper;

/**
 * What one search API reads: its name (the action), its field table, its table with alias, the columns its rows are made
 * of, the order it pages in, and, where the store keeps one, the statement reading an organization's
 * number of rows (its one parameter the organization; null: rows are counted).
 */
public record SearchTarget<T>(String api, FieldTable fields, String table, String alias, String columns, PageOrder order,
        String organizationTotal, RowMapper<T> rows) {
}
