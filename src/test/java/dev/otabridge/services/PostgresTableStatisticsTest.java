package dev.otabridge.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.store.TableStatistics;
import dev.otabridge.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox's statistics on the machine's PostgreSQL (autovacuum off here): refreshed when a burst has grown the
 * table, not per write.
 */
@ServicesTest
class PostgresTableStatisticsTest {

    private static long plannerRows(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE oid = CAST('sync_outbox' AS regclass)",
                Long.class);
    }

    private static void addEvents(JdbcTemplate jdbc, int from, int count) {
        jdbc.update(
                "INSERT INTO sync_outbox (event_id, org_id, asset_id, event_type, payload, created_at, status, "
                        + "next_attempt_at)"
                        + " SELECT 'e' || n, 'o', 'a' || n, 'UPGRADE_STARTED', '{}', 0, 'PENDING', 0 FROM "
                        + "generate_series(?, ?) AS n",
                from,
                from + count - 1);
    }

    @Test
    void aTableThatDoubledIsAnalyzedAndOneThatGrewALittleIsNot() {
        try (HikariDataSource dataSource = TestDatabase.postgres()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("ANALYZE sync_outbox");
            TableStatistics statistics = TableStatistics.of(dataSource, "sync_outbox");

            addEvents(jdbc, 1, 4_000);
            statistics.wrote(4_000);
            assertTrue(plannerRows(jdbc) <= 0, "4,000 rows are below the least worth an analysis");

            addEvents(jdbc, 4_001, 2_000);
            statistics.wrote(2_000);
            assertEquals(6_000, plannerRows(jdbc), "6,000 rows written since the empty table was analyzed");

            addEvents(jdbc, 6_001, 5_000);
            statistics.wrote(5_000);
            assertEquals(6_000, plannerRows(jdbc), "5,000 more have not yet doubled a table of 6,000");

            addEvents(jdbc, 11_001, 1_000);
            statistics.wrote(1_000);
            assertEquals(12_000, plannerRows(jdbc), "6,000 written since: analyzed again");
        }
    }
}
