package dev.otabridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On the embedded file store (V14_1) the tables that grow with the fleet and its events are CACHED:
 * on disk behind a bounded cache, not all on the heap (docs/decisions/0019-hsqldb-cached-tables.md).
 */
class HsqldbCachedTablesTest {

    private static final String CACHE_SETTINGS = "SELECT property_name, property_value"
            + " FROM information_schema.system_properties"
            + " WHERE property_name IN ('hsqldb.cache_rows', 'hsqldb.cache_size')";

    @TempDir
    Path folder;

    @Test
    void theTablesThatGrowWithTheFleetAreOnDiskAndTheSmallOnesInMemory() {
        try (HikariDataSource store = new HikariDataSource()) {
            store.setJdbcUrl("jdbc:hsqldb:file:" + folder.resolve("ota") + ";hsqldb.tx=mvcc;shutdown=true");
            store.setUsername("SA");
            store.setPassword("");
            StoreSetup.migrate(store);
            Map<String, String> types = new TreeMap<>();
            new JdbcTemplate(store)
                    .query(
                            "SELECT table_name, hsqldb_type FROM information_schema.system_tables"
                                    + " WHERE table_schem = 'PUBLIC' AND table_type = 'TABLE'",
                            row -> {
                                types.put(row.getString(1).toLowerCase(Locale.ROOT), row.getString(2));
                            });
            assertEquals(
                    new TreeMap<>(Map.ofEntries(
                            Map.entry("access_token", "MEMORY"),
                            Map.entry("device_change", "CACHED"),
                            Map.entry("device_count", "MEMORY"),
                            Map.entry("device_firmware", "CACHED"),
                            Map.entry("device_sync_state", "CACHED"),
                            Map.entry("flyway_schema_history", "MEMORY"),
                            Map.entry("ota_job", "CACHED"),
                            Map.entry("ota_job_text", "CACHED"),
                            Map.entry("store_change_counter", "MEMORY"),
                            Map.entry("sync_cursor", "MEMORY"),
                            Map.entry("sync_lease", "MEMORY"),
                            Map.entry("sync_outbox", "CACHED"))),
                    types);
            // the bound on the rows of those tables that the heap holds
            assertEquals(
                    Map.of("hsqldb.cache_rows", "500000", "hsqldb.cache_size", "131072"),
                    new JdbcTemplate(store)
                            .query(CACHE_SETTINGS, (row, n) -> Map.entry(row.getString(1), row.getString(2))).stream()
                                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
    }
}
