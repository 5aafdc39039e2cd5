package dev.otabridge.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.expression.ExpressionLimits;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.services.ServicesTest;
import dev.otabridge.store.StoreSetup;
import dev.otabridge.store.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * On PostgreSQL a search is planned for its values however often it runs: its statements are never
 * prepared on the server, where PostgreSQL would switch to one plan for any values. The same
 * statement run through a plain JdbcTemplate is, from its fifth run on: the control.
 */
@ServicesTest
class PostgresSearchPlanningTest {

    private static final String SEARCHES =
            "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM ota_job j%'";

    @Test
    void aSearchRunTenTimesIsNeverPreparedOnTheServer() throws Exception {
        try (HikariDataSource database = TestDatabase.postgres();
                Connection connection = database.getConnection()) {
            StoreSetup.migrate(database);
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            SqlSearch<?> jobs = new SqlSearch<>(
                    jdbc,
                    SearchTargets.otaJobs(new ObjectMapper()),
                    ExpressionLimits.DEFAULT,
                    10,
                    new OtaMetrics(new SimpleMeterRegistry()));
            SearchRequest request = new SearchRequest("o1", "name like 'x' and status = 'started'", 1, 50);
            for (int run = 0; run < 10; run++) {
                jobs.run(request);
            }
            assertEquals(0L, jdbc.queryForObject(SEARCHES, Long.class));

            String count = jobs.countSql(jobs.where(request));
            for (int run = 0; run < 10; run++) {
                jdbc.queryForObject(
                        count, Long.class, jobs.where(request).parameters().toArray());
            }
            assertEquals(1L, jdbc.queryForObject(SEARCHES, Long.class));
        }
    }

    @Test
    void theExplainActionGivesPostgresqlsPlanForTheValuesAndTheCountTheSearchGives() throws Exception {
        try (HikariDataSource database = TestDatabase.postgres()) {
            StoreSetup.migrate(database);
            JdbcTemplate jdbc = new JdbcTemplate(database);
            SqlSearch<?> jobs = new SqlSearch<>(
                    jdbc,
                    SearchTargets.otaJobs(new ObjectMapper()),
                    ExpressionLimits.DEFAULT,
                    0,
                    new OtaMetrics(new SimpleMeterRegistry()));
            SearchRequest request = new SearchRequest("o1", "name like 'x' and status = 'started'", 1, 50);
            Explanation explained = jobs.explain(request);
            assertEquals(jobs.run(request).totalSize(), explained.matches());
            String plan = String.join("\n", explained.page().plan());
            assertTrue(plan.contains("Scan") && plan.contains("cost="), plan);
            assertTrue(!explained.page().sql().contains("'started'"), "values stay parameters");
            assertEquals(0L, jdbc.queryForObject(SEARCHES, Long.class), "explaining prepares nothing on the server");
        }
    }
}
