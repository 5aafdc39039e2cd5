package dev.otabridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The organizations' kept device counts against a count of their devices, however devices come and go. */
public class DeviceCountsTest {

    private final HikariDataSource database = database();
    private final OtaStore store = new OtaStore(new DataSourceTransactionManager(database), new ObjectMapper());
    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    /** The store under test: HSQLDB here, PostgreSQL in the services profile. */
    protected HikariDataSource database() {
        return TestDatabase.fresh();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static DeviceFirmware device(String orgId, String assetId) {
        return new DeviceFirmware(orgId, assetId, "p", "d-" + assetId, "1.0", false);
    }

    private Map<String, Long> kept() {
        Map<String, Long> kept = new LinkedHashMap<>();
        jdbc.query("SELECT org_id, devices FROM device_count ORDER BY org_id", rs -> {
            kept.put(rs.getString(1), rs.getLong(2));
        });
        return kept;
    }

    private Map<String, Long> counted() {
        Map<String, Long> counted = new LinkedHashMap<>();
        jdbc.query("SELECT org_id, COUNT(*) FROM device_firmware GROUP BY org_id ORDER BY org_id", rs -> {
            counted.put(rs.getString(1), rs.getLong(2));
        });
        return counted;
    }

    @Test
    void newDevicesCountAndReplacedOnesDoNotAndRemovedOnesNoLonger() {
        store.upsert(new Records(List.of(device("o1", "a"), device("o1", "b"), device("o2", "a")), List.of()));
        assertEquals(Map.of("o1", 2L, "o2", 1L), kept());
        // a replaced device, a device named twice in one load, one removed, one removed that was never there
        store.upsert(new Records(
                List.of(device("o1", "a"), device("o1", "c"), device("o1", "c")),
                List.of(),
                List.of(new Records.DeviceRef("o2", "a"), new Records.DeviceRef("o2", "never"))));
        assertEquals(Map.of("o1", 3L, "o2", 0L), kept());
        assertEquals(Map.of("o1", 3L), counted());
    }

    /**
     * A device named twice in one load is stored as its last entry and counted once, and the change
     * log keeps both, so the detector sees each state it passed through (on PostgreSQL the batch goes
     * out as one multi-row INSERT ... ON CONFLICT, which refuses to update a row twice).
     */
    @Test
    void aDeviceNamedTwiceInOneLoadIsStoredAsItsLastEntry() {
        store.upsert(new Records(
                List.of(
                        new DeviceFirmware("o1", "twice", "p", "d", "1.0", true),
                        new DeviceFirmware("o1", "twice", "p", "d", "2.0", false)),
                List.of()));
        assertEquals(
                List.of(Map.of("FIRMWARE_VERSION", "2.0", "IS_UPGRADING", false)),
                jdbc.queryForList("SELECT firmware_version AS \"FIRMWARE_VERSION\", is_upgrading AS \"IS_UPGRADING\""
                        + " FROM device_firmware WHERE asset_id = 'twice'"));
        assertEquals(
                List.of("1.0", "2.0"),
                jdbc.queryForList(
                        "SELECT firmware_version FROM device_change WHERE asset_id = 'twice' ORDER BY change_seq",
                        String.class));
        assertEquals(Map.of("o1", 1L), kept());
    }

    /** Writers side by side with overlapping new devices: each device counts once. */
    @Test
    void writersSideBySideCountEachNewDeviceOnce() throws Exception {
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            int first = writer * 50;
            writers.add(CompletableFuture.runAsync(() -> {
                for (int round = 0; round < 10; round++) {
                    List<DeviceFirmware> devices = new ArrayList<>();
                    for (int i = first + round * 10; i < first + round * 10 + 100; i++) {
                        devices.add(device("o", "a" + i));
                    }
                    store.upsert(new Records(devices, List.of()));
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertEquals(counted(), kept());
        assertEquals(Map.of("o", 340L), kept());
    }

    @Test
    void theRecountCorrectsWhatPlainSqlChangedBehindTheBundlesBack() {
        store.upsert(new Records(List.of(device("o1", "a"), device("o2", "a")), List.of()));
        jdbc.update("INSERT INTO device_firmware (org_id, asset_id, product_key, device_key, firmware_version,"
                + " is_upgrading) VALUES ('o1', 'b', 'p', 'd', '1.0', FALSE), ('o3', 'a', 'p', 'd', '1.0', FALSE)");
        jdbc.update("DELETE FROM device_firmware WHERE org_id = 'o2'");
        assertEquals(3, store.recountDevices());
        assertEquals(Map.of("o1", 2L, "o3", 1L), kept());
        assertEquals(0, store.recountDevices(), "a second recount finds nothing to correct");
    }

    /** On HSQLDB: the migration's own fill, on a store an earlier release left. */
    @Test
    void aStoreMigratedWithDevicesStartsWithTheirCounts() {
        try (HikariDataSource older = TestDatabase.freshUnmigrated()) {
            TestDatabase.migrateTo(older, "14.1");
            new JdbcTemplate(older)
                    .update("INSERT INTO device_firmware (org_id, asset_id, product_key, device_key, firmware_version,"
                            + " is_upgrading) VALUES ('o1', 'a', 'p', 'd', '1.0', FALSE), ('o1', 'b', 'p', 'd', '1.0',"
                            + " FALSE)");
            StoreSetup.migrate(older);
            assertEquals(2L, new JdbcTemplate(older).queryForObject(DeviceCounts.OF_ORGANIZATION, Long.class, "o1"));
        }
    }
}
