package dev.otabridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * device_count (V10) is what a devices search without an expression answers as totalSize, so it
 * must equal the rows of device_firmware per organization after any write: the bundle's own, and
 * plain SQL behind its back. HSQLDB here, PostgreSQL in the services profile.
 */
public class DeviceCountTest {

    /** The store under test, without a schema: HSQLDB here, PostgreSQL in the services profile. */
    protected HikariDataSource unmigrated() {
        return TestDatabase.freshUnmigrated();
    }

    /** A store migrated up to {@code version}, or fully for null. */
    private HikariDataSource database(String version) {
        HikariDataSource dataSource = unmigrated();
        if (version == null) {
            StoreSetup.migrate(dataSource);
        } else {
            TestDatabase.migrateTo(dataSource, version);
        }
        return dataSource;
    }

    private static DeviceFirmware device(String org, String asset) {
        return new DeviceFirmware(org, asset, "p", "k-" + asset, "1.0", false);
    }

    private static Map<String, Long> kept(JdbcTemplate jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT org_id, devices FROM device_count WHERE devices <> 0", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private static Map<String, Long> counted(JdbcTemplate jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT org_id, COUNT(*) FROM device_firmware GROUP BY org_id", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    @Test
    public void theCountFollowsTheBundlesWritesAndPlainSql() {
        try (HikariDataSource dataSource = database(null)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            OtaStore store = new OtaStore(dataSource, new ObjectMapper());
            store.upsert(new Records(List.of(device("o1", "a"), device("o1", "b"), device("o1", "c"), device("o2", "d")), List.of()));
            // an upsert of a known device changes nothing; a removal counts down
            store.upsert(new Records(List.of(device("o1", "a")), List.of(), List.of(new Records.DeviceRef("o1", "b"))));
            assertEquals(Map.of("o1", 2L, "o2", 1L), kept(jdbc));

            jdbc.update("INSERT INTO device_firmware (org_id, asset_id, product_key, device_key, firmware_version, is_upgrading)"
                    + " VALUES ('o3', 'e', 'p', 'k-e', '1.0', FALSE), ('o3', 'f', 'p', 'k-f', '1.0', TRUE)");
            jdbc.update("DELETE FROM device_firmware WHERE org_id = 'o2'");
            jdbc.update("UPDATE device_firmware SET org_id = 'o4' WHERE org_id = 'o3' AND asset_id = 'e'");
            jdbc.update("UPDATE device_firmware SET is_upgrading = TRUE WHERE org_id = 'o1'");
            assertEquals(Map.of("o1", 2L, "o3", 1L, "o4", 1L), kept(jdbc));
            assertEquals(counted(jdbc), kept(jdbc));
        }
    }

    @Test
    public void aStoreThatHadDevicesBeforeTheCountIsCountedWhenItMigrates() {
        try (HikariDataSource dataSource = database("9")) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.update("INSERT INTO device_firmware (org_id, asset_id, product_key, device_key, firmware_version, is_upgrading)"
                    + " VALUES ('o1', 'a', 'p', 'k-a', '1.0', FALSE), ('o1', 'b', 'p', 'k-b', NULL, TRUE), ('o2', 'c', 'p', 'k-c', '1.0', FALSE)");
            StoreSetup.migrate(dataSource);
            assertEquals(Map.of("o1", 2L, "o2", 1L), kept(jdbc));

            new OtaStore(dataSource, new ObjectMapper()).upsert(new Records(List.of(device("o2", "d")), List.of()));
            assertEquals(Map.of("o1", 2L, "o2", 2L), kept(jdbc));
        }
    }
}
