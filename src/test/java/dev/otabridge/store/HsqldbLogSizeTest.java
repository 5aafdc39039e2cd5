package dev.otabridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded store checkpoints only after 200 MB of log (V9_1): at the default 50 MB a burst of
 * transitions stalled on checkpoints of the whole store (docs/decisions/0012-hsqldb-log-size.md).
 */
class HsqldbLogSizeTest {

    @Test
    void theStoreCheckpointsAfter200MegabytesOfLog() {
        try (HikariDataSource store = TestDatabase.fresh()) {
            assertEquals(
                    "200",
                    new JdbcTemplate(store)
                            .queryForObject(
                                    "SELECT property_value FROM information_schema.system_properties"
                                            + " WHERE property_name = 'hsqldb.log_size'",
                                    String.class));
        }
    }
}
