package dev.otabridge.services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.store.DeviceCountTest;
import dev.otabridge.store.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The per-organization device count on the machine's PostgreSQL: its own triggers and first count (V10_1). */
@ServicesTest
class PostgresDeviceCountTest extends DeviceCountTest {

    @Override
    protected HikariDataSource unmigrated() {
        return TestDatabase.postgresUnmigrated();
    }

    /** An operator's psql session has its own search_path; its writes must count, not fail in the trigger. */
    @Test
    void aWriteFromASessionWithAnotherSearchPathIsCounted() throws Exception {
        try (HikariDataSource store = TestDatabase.postgres()) {
            JdbcTemplate jdbc = new JdbcTemplate(store);
            String schema = jdbc.queryForObject("SELECT current_schema()", String.class);
            try (Connection other = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                 Statement statement = other.createStatement()) {
                statement.execute("SET search_path TO public");
                statement.executeUpdate("INSERT INTO " + schema + ".device_firmware (org_id, asset_id, product_key, device_key,"
                        + " firmware_version, is_upgrading) VALUES ('o1', 'a', 'p', 'k', '1.0', FALSE)");
            }
            assertEquals(1L, jdbc.queryForObject("SELECT devices FROM device_count WHERE org_id = 'o1'", Long.class));
        }
    }
}
