package dev.otabridge.search;

import dev.otabridge.expression.SqlCondition;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database's plans for the count and the page a search runs, for the benchmarks' record. */
public final class QueryPlans {

    private QueryPlans() {}

    /**
     * {@code explain} is the engine's prefix: "EXPLAIN" for PostgreSQL, "EXPLAIN PLAN FOR" for
     * HSQLDB, which takes no parameters there, so its values are written into the statement.
     */
    public static String of(JdbcTemplate jdbc, String explain, SqlSearch<?> search, SearchRequest request) {
        SqlCondition where = search.where(request);
        boolean inline = explain.startsWith("EXPLAIN PLAN");
        return "count:\n    "
                + String.join("\n    ", plan(jdbc, explain, search.countSql(where), where.parameters(), inline))
                + "\npage:\n    "
                + String.join(
                        "\n    ",
                        plan(jdbc, explain, search.pageSql(where), SqlSearch.pageParameters(where, request), inline));
    }

    private static List<String> plan(
            JdbcTemplate jdbc, String explain, String sql, List<Object> parameters, boolean inline) {
        if (!inline) {
            return jdbc.queryForList(explain + " " + sql, String.class, parameters.toArray());
        }
        StringBuilder statement = new StringBuilder();
        int p = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?' && p < parameters.size()) {
                Object value = parameters.get(p++);
                statement.append(
                        value instanceof String text ? "'" + text.replace("'", "''") + "'" : String.valueOf(value));
            } else {
                statement.append(c);
            }
        }
        return jdbc.queryForList(explain + " " + statement, String.class);
    }
}
