package dev.otabridge.search;

import dev.otabridge.expression.SqlCondition;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database's plans for the count and the page a search runs, for the benchmarks' record. */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** {@code explain} is the engine's prefix: "EXPLAIN" for PostgreSQL, "EXPLAIN PLAN FOR" for HSQLDB. */
    public static String of(JdbcTemplate jdbc, String explain, SqlSearch<?> search, SearchRequest request) {
        SqlCondition where = search.where(request);
        List<String> count = jdbc.queryForList(explain + " " + search.countSql(where), String.class, where.parameters().toArray());
        List<String> page = jdbc.queryForList(explain + " " + search.pageSql(where), String.class,
                SqlSearch.pageParameters(where, request).toArray());
        return "count:\n    " + String.join("\n    ", count) + "\npage:\n    " + String.join("\n    ", page);
    }
}
