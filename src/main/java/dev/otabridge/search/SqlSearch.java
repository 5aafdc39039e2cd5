package dev.otabridge.search;

import dev.otabridge.expression.ExpressionException;
import dev.otabridge.expression.ExpressionLimits;
import dev.otabridge.expression.ExpressionParser;
import dev.otabridge.expression.ParseTree;
import dev.otabridge.expression.SqlCondition;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.store.StatementPlans;
import dev.otabridge.store.ValuePlannedStatements;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SingleColumnRowMapper;

/** Runs one search API: validates and compiles the expression, then counts and reads one page. */
public final class SqlSearch<T> {

    private final JdbcTemplate jdbc;
    private final SearchTarget<T> target;
    private final ExpressionParser parser;
    private final CompiledExpressions expressions;
    private final StatementPlans plans;
    private final OtaMetrics metrics;

    /** @param cacheSize how many compiled expressions to keep (0: none) */
    public SqlSearch(
            JdbcTemplate jdbc, SearchTarget<T> target, ExpressionLimits limits, int cacheSize, OtaMetrics metrics) {
        this.jdbc = jdbc;
        this.target = target;
        this.parser = new ExpressionParser(target.fields(), limits);
        this.expressions = new CompiledExpressions(parser, cacheSize);
        this.plans = StatementPlans.of(jdbc.getDataSource());
        this.metrics = metrics;
    }

    public SearchPage<T> run(SearchRequest request) {
        SqlCondition condition = where(request);
        long total = count(counting(request, condition));
        List<T> rows = List.of();
        if (request.offset() < total) {
            rows = jdbc.query(
                    ValuePlannedStatements.of(pageSql(condition), pageParameters(condition, request)), target.rows());
        }
        return new SearchPage<>(rows, request.pageNo(), request.pageSize(), total);
    }

    /** What {@link #run} would do with the request, refusing it as {@link #run} would. */
    public Explanation explain(SearchRequest request) {
        SqlCondition condition = where(request);
        Counting count = counting(request, condition);
        String page = pageSql(condition);
        List<Object> pageParameters = pageParameters(condition, request);
        return new Explanation(
                parser.parse(request.expression()).map(ParseTree::of).orElse(null),
                new Explanation.Statement(
                        count.sql(), count.parameters(), plans.plan(jdbc, count.sql(), count.parameters())),
                new Explanation.Statement(page, pageParameters, plans.plan(jdbc, page, pageParameters)),
                count(count));
    }

    /** The statement that answers totalSize, and its values. */
    record Counting(String sql, List<Object> parameters) {}

    /** The kept count without an expression, where the target keeps one; otherwise a count of the matching rows. */
    Counting counting(SearchRequest request, SqlCondition condition) {
        if (target.keptCount().isPresent() && compile(request.expression()).isEmpty()) {
            return new Counting(target.keptCount().get(), List.of(request.orgId()));
        }
        return new Counting(countSql(condition), condition.parameters());
    }

    /** A kept count without a row counts none. */
    private long count(Counting statement) {
        List<Long> counted = jdbc.query(
                ValuePlannedStatements.of(statement.sql(), statement.parameters()),
                new SingleColumnRowMapper<>(Long.class));
        return counted.isEmpty() ? 0 : counted.get(0);
    }

    String countSql(SqlCondition condition) {
        return "SELECT COUNT(*)" + from(condition);
    }

    String pageSql(SqlCondition condition) {
        return "SELECT " + target.columns() + from(condition) + " ORDER BY "
                + target.order().sql(condition.pinnedColumns()) + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    }

    static List<Object> pageParameters(SqlCondition condition, SearchRequest request) {
        List<Object> paged = new ArrayList<>(condition.parameters());
        paged.add(request.offset());
        paged.add(request.pageSize());
        return paged;
    }

    private String from(SqlCondition condition) {
        return " FROM " + target.table() + " " + target.alias() + " WHERE " + condition.sql();
    }

    /** The organization's rows, narrowed by the expression when there is one. */
    SqlCondition where(SearchRequest request) {
        String orgFilter = target.alias() + ".org_id = ?";
        Optional<SqlCondition> filter = compile(request.expression());
        if (filter.isEmpty()) {
            return new SqlCondition(orgFilter, List.of(request.orgId()));
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(request.orgId());
        parameters.addAll(filter.get().forOrganization(request.orgId()).parameters());
        return new SqlCondition(
                orgFilter + " AND " + filter.get().sql(),
                parameters,
                filter.get().pinnedColumns());
    }

    private Optional<SqlCondition> compile(String expression) {
        try {
            return expressions.compile(expression);
        } catch (ExpressionException e) {
            metrics.expressionRefused(target.api(), e.kind().label());
            throw e;
        }
    }
}
