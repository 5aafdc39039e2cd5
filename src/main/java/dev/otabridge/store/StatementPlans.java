package dev.otabridge.store;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SingleColumnRowMapper;

/**
 * The store's plan for a parameterised statement, as the engine's EXPLAIN gives it. PostgreSQL plans
 * it for the given values, as it runs it ({@link ValuePlannedStatements}). HSQLDB's EXPLAIN PLAN
 * takes no parameters and plans from the statement's shape, not its values, so each parameter is
 * replaced by a neutral literal of its type: no value of a caller's ever becomes SQL text.
 */
public enum StatementPlans {
    POSTGRESQL,
    HSQLDB;

    public static StatementPlans of(DataSource dataSource) {
        return StoreSetup.vendor(dataSource).equals("hsqldb") ? HSQLDB : POSTGRESQL;
    }

    /** @param sql a statement the bundle made, its values all parameters */
    public List<String> plan(JdbcTemplate jdbc, String sql, List<Object> parameters) {
        if (this == POSTGRESQL) {
            return jdbc.query(
                    ValuePlannedStatements.of("EXPLAIN " + sql, parameters), new SingleColumnRowMapper<>(String.class));
        }
        return jdbc.queryForList("EXPLAIN PLAN FOR " + neutral(sql, parameters), String.class);
    }

    private static String neutral(String sql, List<Object> parameters) {
        StringBuilder statement = new StringBuilder();
        int parameter = 0;
        boolean quoted = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                Object value = parameters.get(parameter++);
                statement.append(value instanceof Boolean ? "TRUE" : value instanceof Number ? "0" : "'x'");
            } else {
                statement.append(c);
            }
        }
        return statement.toString();
    }
}
