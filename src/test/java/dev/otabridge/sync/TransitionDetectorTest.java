package dev.otabridge.sync;

import static dev.otabridge.sync.SyncFixture.device;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.store.TestDatabase;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The detector against a real store: what the write paths log becomes ordered, identifiable events. */
public class TransitionDetectorTest {

    private final SyncFixture sync = new SyncFixture(database());

    /** The store under test: HSQLDB here, PostgreSQL in the services profile. */
    protected HikariDataSource database() {
        return TestDatabase.fresh();
    }

    @AfterEach
    void close() {
        sync.close();
    }

    private List<String> types() {
        return sync.events().stream()
                .map(e -> e.get("type").textValue() + " "
                        + e.get("data").get("assetId").textValue())
                .toList();
    }

    @Test
    void everyTransitionWrittenBetweenTicksIsFoundEvenAFlipFlop() {
        sync.write(device("a", false, "1.0"), device("b", true, "1.0"));
        sync.write(device("a", true, "1.0"));
        sync.write(device("a", false, "2.0"));
        sync.write(device("a", true, "2.0"));
        assertEquals(4, sync.detector.tick());
        assertEquals(
                List.of("UPGRADE_STARTED b", "UPGRADE_STARTED a", "UPGRADE_FINISHED a", "UPGRADE_STARTED a"), types());
        assertEquals(0, sync.jdbc.queryForObject("SELECT COUNT(*) FROM device_change", Long.class));
    }

    @Test
    void aTickWithNoChangeReadsNothingAndWritesNothing() {
        sync.write(device("a", true, "1.0"));
        sync.detector.tick();
        assertEquals(0, sync.detector.tick());
        assertEquals(1, sync.events().size());
    }

    @Test
    void perDeviceSequencesCountUpAndIdsAreDistinct() {
        for (int i = 0; i < 5; i++) {
            sync.write(device("a", i % 2 == 0, "v" + i), device("b", i % 2 == 1, "v" + i));
        }
        sync.detector.tick();
        Set<String> ids = new HashSet<>();
        long[] last = {0, 0};
        for (JsonNode event : sync.events()) {
            assertTrue(ids.add(event.get("id").textValue()));
            int device = event.get("data").get("assetId").textValue().equals("a") ? 0 : 1;
            long seq = event.get("data").get("sequence").longValue();
            assertEquals(last[device] + 1, seq);
            last[device] = seq;
            assertEquals(
                    DeviceEvent.idFor("o", event.get("data").get("assetId").textValue(), seq),
                    event.get("id").textValue());
        }
        assertEquals(9, ids.size());
    }

    @Test
    void theFinishedEventCarriesTheVersionsAndTheCloudEventsAttributes() {
        sync.write(device("a", true, "1.0"));
        sync.detector.tick();
        sync.clock.advance(Duration.ofMinutes(5));
        sync.write(device("a", false, "2.0"));
        sync.detector.tick();
        JsonNode finished = sync.events().get(1);
        assertEquals("1.0", finished.get("specversion").textValue());
        assertEquals("urn:test", finished.get("source").textValue());
        assertEquals("o/a", finished.get("subject").textValue());
        assertEquals(EventSchema.URN, finished.get("dataschema").textValue());
        JsonNode data = finished.get("data");
        assertEquals("1.0", data.get("firmwareVersionBefore").textValue());
        assertEquals("2.0", data.get("firmwareVersionAfter").textValue());
        assertEquals("2023-11-14T22:13:20Z", data.get("upgradingSince").textValue());
        assertEquals("2023-11-14T22:18:20Z", data.get("detectedAt").textValue());
        assertEquals(finished.get("time").textValue(), data.get("detectedAt").textValue());
    }

    @Test
    void removingAnUpgradingDeviceFinishesIt() {
        sync.write(device("a", true, "1.0"));
        sync.remove("o", "a");
        sync.detector.tick();
        List<JsonNode> events = sync.events();
        assertEquals("UPGRADE_FINISHED", events.get(1).get("type").textValue());
        assertTrue(events.get(1).get("data").get("deviceRemoved").booleanValue());
    }

    @Test
    void aPlainSqlUpdateIsFoundByTheSweepAndMarkedReconciled() {
        sync.write(device("a", false, "1.0"), device("b", true, "1.0"));
        sync.detector.tick();
        sync.jdbc.update("UPDATE device_firmware SET is_upgrading = TRUE WHERE asset_id = 'a'");
        sync.jdbc.update("DELETE FROM device_firmware WHERE asset_id = 'b'");
        sync.jdbc.update("INSERT INTO device_firmware (org_id, asset_id, product_key, device_key, firmware_version, "
                + "is_upgrading)"
                + " VALUES ('o', 'c', 'p', 'd', '1.0', TRUE)");
        assertEquals(0, sync.detector.tick());
        assertEquals(3, sync.detector.sweep());
        List<JsonNode> reconciled = sync.events().subList(1, 4);
        assertEquals(
                Set.of("UPGRADE_STARTED a", "UPGRADE_FINISHED b", "UPGRADE_STARTED c"),
                Set.copyOf(reconciled.stream()
                        .map(e -> e.get("type").textValue() + " "
                                + e.get("data").get("assetId").textValue())
                        .toList()));
        reconciled.forEach(e -> assertTrue(e.get("data").get("reconciled").booleanValue()));
        assertEquals(0, sync.detector.sweep());
    }

    @Test
    void aSweepToldToStopEndsAfterItsChunkAndTheNextCoversTheRest() {
        for (int i = 0; i < 10; i++) {
            sync.jdbc.update(
                    "INSERT INTO device_firmware (org_id, asset_id, product_key, device_key, firmware_version, "
                            + "is_upgrading)"
                            + " VALUES ('o', ?, 'p', 'd', '1.0', TRUE)",
                    "a" + i);
        }
        AtomicInteger asked = new AtomicInteger();
        assertEquals(
                4,
                sync.detector.sweep(() -> asked.incrementAndGet() < 2),
                "one chunk of the fixture's batch size, then it stops");
        assertEquals(6, sync.detector.sweep());
        assertEquals(0, sync.detector.sweep());
    }

    @Test
    void theSweepLeavesDevicesWithUnreadChangesToTheTick() {
        sync.write(device("a", true, "1.0"));
        assertEquals(0, sync.detector.sweep());
        assertEquals(1, sync.detector.tick());
        assertTrue(!sync.events().get(0).get("data").get("reconciled").booleanValue());
    }

    @Test
    void aLongUpgradeIsReportedStalledOnce() {
        sync.write(device("a", true, "1.0"), device("b", true, "1.0"));
        sync.detector.tick();
        sync.clock.advance(Duration.ofMinutes(20));
        sync.write(device("b", false, "2.0"));
        sync.detector.tick();
        assertEquals(0, sync.detector.reportStalls());
        sync.clock.advance(Duration.ofMinutes(11));
        assertEquals(1, sync.detector.reportStalls());
        assertEquals(0, sync.detector.reportStalls());
        assertEquals("UPGRADE_STALLED a", types().get(3));
        sync.write(device("a", false, "1.0"), device("a", true, "1.0"));
        sync.detector.tick();
        sync.clock.advance(Duration.ofMinutes(31));
        assertEquals(1, sync.detector.reportStalls());
    }

    @Test
    void aTickWithoutTheDatabaseChangesNothingAndTheNextCatchesUp() {
        sync.write(device("a", true, "1.0"));
        sync.switchable.down(true);
        assertThrows(Exception.class, sync.detector::tick);
        assertEquals(1, sync.jdbc.queryForObject("SELECT COUNT(*) FROM device_change", Long.class));
        sync.switchable.down(false);
        assertEquals(1, sync.detector.tick());
    }

    @Test
    void batchesFollowEachOtherUntilTheLogIsRead() {
        for (int i = 0; i < 10; i++) {
            sync.write(device("d" + i, true, "1.0"));
        }
        assertEquals(10, sync.detector.tick());
        assertEquals(10, sync.jdbc.queryForObject("SELECT value FROM sync_cursor WHERE name = 'detector'", Long.class));
    }
}
