package dev.otabridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.services.ServicesTest;
import dev.otabridge.store.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the relay's next batch reads the batch it returns and nothing else, not the outbox
 * in id order past every delivered event: checked on the executed plan of its very statement after a
 * burst on top of a delivered history, with fresh statistics (as after the detector's analysis).
 * Either index that holds the pending heads in id order serves (V7's or V7_1's partial one); the
 * planner picks between them by estimates that vary from one sample of the table to the next. The
 * repair of heads a stopped process left behind reads only the events waiting behind a head.
 */
@ServicesTest
class PostgresRelayPlanTest {

    /**
     * Events 1 to {@code count} of device {@code device} (an SQL expression of n), delivered up to
     * {@code delivered} and pending after, heads where {@code head} holds; then fresh statistics.
     */
    private static void events(JdbcTemplate jdbc, String device, int delivered, int count, String head) {
        jdbc.update("INSERT INTO sync_outbox (event_id, org_id, asset_id, event_type, payload, created_at, status,"
                + " next_attempt_at, is_head) SELECT 'e' || n, 'o', " + device + ", 'UPGRADE_STARTED', '{}', 0,"
                + " CASE WHEN n > " + delivered + " THEN 'PENDING' ELSE 'DELIVERED' END, 0, " + head
                + " FROM generate_series(1, " + count + ") AS n");
        jdbc.execute("ANALYZE sync_outbox");
    }

    /** The repair of heads left behind reads the events waiting behind a head, not the outbox. */
    @Test
    void theRepairOfHeadsReadsOnlyTheEventsBehindAHead() {
        try (HikariDataSource dataSource = TestDatabase.postgres()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            // 150,000 delivered events, and the next events of ten of their devices, not heads
            events(jdbc, "'a' || (n % 150000)", 150000, 150010, "FALSE");
            String plan = String.join("\n", jdbc.queryForList("EXPLAIN ANALYZE " + OutboxHeads.REPAIR, String.class));
            assertTrue(plan.contains("sync_outbox_pending_non_heads"), plan);
            assertFalse(plan.contains("Seq Scan"), plan);
            assertEquals(10, jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox WHERE is_head", Integer.class));
        }
    }

    @Test
    void theNextBatchReadsOnlyThePendingHeads() {
        try (HikariDataSource dataSource = TestDatabase.postgres()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            events(jdbc, "'a' || n", 100000, 150000, "n > 100000");
            String plan = String.join(
                    "\n", jdbc.queryForList("EXPLAIN ANALYZE " + Outbox.NEXT_BATCH, String.class, Long.MAX_VALUE, 500));
            for (String readsMore : List.of("Rows Removed by Filter", "Sort", "Seq Scan", "sync_outbox_pkey")) {
                assertFalse(plan.contains(readsMore), plan);
            }
        }
    }
}
