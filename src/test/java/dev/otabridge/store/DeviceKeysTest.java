package dev.otabridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Both forms select exactly the named devices of one organization; HSQLDB gets the form it answers by key. */
class DeviceKeysTest {

    private final HikariDataSource database = TestDatabase.fresh();
    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void eachFormSelectsTheNamedDevicesOfTheOrganizationOnly() {
        List<DeviceFirmware> devices = new ArrayList<>();
        for (String org : List.of("o1", "o2")) {
            for (int i = 0; i < 5; i++) {
                devices.add(new DeviceFirmware(org, "a" + i, "p", "d" + i, "1.0", false));
            }
        }
        new OtaStore(new DataSourceTransactionManager(database), new ObjectMapper())
                .upsert(new Records(devices, List.of()));
        for (DeviceKeys form : DeviceKeys.values()) {
            List<Object> parameters = new ArrayList<>();
            String condition = form.condition("d.", "o2", List.of("a1", "a3", "missing"), parameters);
            List<String> found = jdbc.queryForList(
                    "SELECT d.org_id || '/' || d.asset_id FROM device_firmware d WHERE " + condition + " ORDER BY 1",
                    String.class,
                    parameters.toArray());
            assertEquals(List.of("o2/a1", "o2/a3"), found, form.name());
        }
    }

    /** The database compiles a statement per text: lists of 5 to 8 devices share one, padded with the last. */
    @Test
    void listsOfSeveralLengthsShareOneStatementText() {
        for (DeviceKeys form : DeviceKeys.values()) {
            Set<String> texts = new HashSet<>();
            for (int count = 5; count <= 8; count++) {
                List<String> assets = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    assets.add("a" + i);
                }
                texts.add(form.condition("", "o", assets, new ArrayList<>()));
            }
            assertEquals(1, texts.size(), form.name() + ": " + texts);
            List<Object> parameters = new ArrayList<>();
            form.condition("", "o", List.of("a", "b", "c"), parameters);
            assertEquals(
                    List.of("a", "b", "c", "c"),
                    parameters.stream().filter(p -> !p.equals("o")).toList());
        }
    }

    @Test
    void hsqldbLooksDevicesUpByKeyEvenBesideAStatusCondition() {
        assertEquals(DeviceKeys.DEVICE_PAIRS, DeviceKeys.of(database));
        List<Object> parameters = new ArrayList<>();
        String condition = DeviceKeys.DEVICE_PAIRS.condition("", "o", List.of("a", "b"), parameters);
        String plan = String.join(
                "\n",
                jdbc.queryForList(
                        "EXPLAIN PLAN FOR SELECT org_id FROM sync_outbox WHERE status <> 'DELIVERED' AND "
                                + condition.replace("?", "'x'"),
                        String.class));
        assertTrue(plan.contains("SYNC_OUTBOX_BY_DEVICE"), plan);
        plan = String.join(
                "\n",
                jdbc.queryForList(
                        "EXPLAIN PLAN FOR SELECT org_id FROM device_sync_state WHERE " + condition.replace("?", "'x'"),
                        String.class));
        // the named devices are read first and each looked up in the table: no scan of the organization
        int named = plan.indexOf("table=SYSTEM_SUBQUERY");
        assertTrue(named >= 0 && named < plan.indexOf("table=DEVICE_SYNC_STATE"), plan);
    }
}
