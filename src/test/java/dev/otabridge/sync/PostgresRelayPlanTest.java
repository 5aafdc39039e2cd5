package dev.otabridge.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.services.ServicesTest;
import dev.otabridge.store.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the relay's next batch reads the pending heads' own index, not the outbox in id
 * order past every delivered event: checked on the plan of its very statement after a burst on top
 * of a delivered history, with fresh statistics (as after the detector's analysis).
 */
@ServicesTest
class PostgresRelayPlanTest {

    @Test
    void theNextBatchReadsOnlyThePendingHeads() {
        try (HikariDataSource dataSource = TestDatabase.postgres()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.update("INSERT INTO sync_outbox (event_id, org_id, asset_id, event_type, payload, created_at, status, next_attempt_at,"
                    + " is_head) SELECT 'e' || n, 'o', 'a' || n, 'UPGRADE_STARTED', '{}', 0, CASE WHEN n > 100000 THEN 'PENDING'"
                    + " ELSE 'DELIVERED' END, 0, n > 100000 FROM generate_series(1, 150000) AS n");
            jdbc.execute("ANALYZE sync_outbox");
            List<String> plan = jdbc.queryForList("EXPLAIN " + Outbox.NEXT_BATCH, String.class, Long.MAX_VALUE, 500);
            assertTrue(String.join("\n", plan).contains("sync_outbox_pending_heads"), String.join("\n", plan));
        }
    }
}
