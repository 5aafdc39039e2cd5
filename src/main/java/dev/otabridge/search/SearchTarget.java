package dev.otabridge.search;

import dev.otabridge.expression.FieldTable;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;

/**
 * What one search API reads: its name (the action), its field table, its table with alias, the columns its rows are
 * made of, the order it pages in, and where an organization's count of rows is kept, if anywhere (a statement of
 * one parameter, the organization), which answers the totalSize of a search without an expression.
 */
public record SearchTarget<T>(
        String api,
        FieldTable fields,
        String table,
        String alias,
        String columns,
        PageOrder order,
        RowMapper<T> rows,
        Optional<String> keptCount) {}
