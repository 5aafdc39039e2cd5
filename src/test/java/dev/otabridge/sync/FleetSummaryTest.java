package dev.otabridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** One organization's fleet, from the store, the detector's stall marks and the outbox's last hour. */
class FleetSummaryTest {

    private final SyncFixture sync = new SyncFixture(TestDatabase.fresh());
    private final FleetSummary summary =
            new FleetSummary(new DataSourceTransactionManager(sync.database), sync.outbox, sync.clock);

    @AfterEach
    void close() {
        sync.close();
    }

    private static DeviceFirmware device(String org, String asset, String product, String version, boolean upgrading) {
        return new DeviceFirmware(org, asset, product, "d-" + asset, version, upgrading);
    }

    @Test
    void countsDevicesAndUpgradesByProductAndVersionOfOneOrganization() {
        sync.write(
                device("o", "a1", "p", "1.0", true),
                device("o", "a2", "p", "1.0", false),
                device("o", "a3", "p", "1.1", false),
                device("o", "a4", "q", null, true),
                device("other", "a1", "p", "1.0", true));
        Fleet fleet = summary.of("o");
        assertEquals(4, fleet.devices());
        assertEquals(2, fleet.upgrading());
        assertEquals(
                List.of(
                        new Fleet.Group("p", "1.0", 2, 1),
                        new Fleet.Group("p", "1.1", 1, 0),
                        new Fleet.Group("q", null, 1, 1)),
                fleet.byProductAndVersion());
        assertFalse(fleet.groupsTruncated());
        assertEquals(0, summary.of("nobody").devices());
    }

    @Test
    void pastTheLargestAnswerTheGroupsAreCutButTheTotalsCountEveryDevice() {
        int devices = FleetSummary.MAX_GROUPS + 5;
        DeviceFirmware[] fleet = new DeviceFirmware[devices];
        for (int i = 0; i < devices; i++) {
            fleet[i] = device("o", "a" + i, "p", "v" + i, i % 2 == 0);
        }
        sync.write(fleet);
        Fleet summarized = summary.of("o");
        assertTrue(summarized.groupsTruncated());
        assertEquals(FleetSummary.MAX_GROUPS, summarized.byProductAndVersion().size());
        assertEquals(devices, summarized.devices());
        assertEquals((devices + 1) / 2, summarized.upgrading());
    }

    @Test
    void theStalledAreTheUpgradesTheDetectorReportedStalledAndStillRun() {
        sync.write(device("o", "slow", "p", "1.0", true), device("o", "done", "p", "1.0", true));
        sync.detector.tick();
        sync.clock.advance(Duration.ofMinutes(31));
        sync.detector.reportStalls();
        sync.write(device("o", "done", "p", "1.1", false));
        sync.detector.tick();
        List<Fleet.StalledUpgrade> stalled = summary.of("o").stalled();
        assertEquals(
                List.of("slow"),
                stalled.stream().map(Fleet.StalledUpgrade::assetId).toList());
        assertEquals("1.0", stalled.get(0).firmwareVersionBefore());
        assertEquals(List.of(), summary.of("other").stalled());
    }

    @Test
    void theLastHourCountsTheOrganizationsEventsOfTheLastHourOnly() {
        sync.write(device("o", "a1", "p", "1.0", true), device("other", "b1", "p", "1.0", true));
        sync.detector.tick();
        sync.clock.advance(Duration.ofMinutes(61));
        sync.write(device("o", "a1", "p", "1.1", false), device("o", "a2", "p", "1.0", true));
        sync.detector.tick();
        assertEquals(
                Map.of("UPGRADE_STARTED", 1L, "UPGRADE_FINISHED", 1L, "UPGRADE_STALLED", 0L),
                summary.of("o").lastHour());
        assertEquals(
                Map.of("UPGRADE_STARTED", 0L, "UPGRADE_FINISHED", 0L, "UPGRADE_STALLED", 0L),
                summary.of("other").lastHour());
    }

    @Test
    void theOutboxPartCountsTheOrganizationsPendingAndParkedEventsAndTheOldestPendingAge() {
        sync.write(
                device("o", "a1", "p", "1.0", true),
                device("o", "a2", "p", "1.0", true),
                device("o", "a3", "p", "1.0", true),
                device("other", "b1", "p", "1.0", true));
        sync.detector.tick();
        long detected = sync.clock.millis();
        sync.clock.advance(Duration.ofSeconds(90));
        assertEquals(
                new Outbox.Backlog(3, 0, Instant.ofEpochMilli(detected).toString(), 90),
                summary.of("o").outbox());

        List<OutboxEvent> heads = sync.outbox.nextBatch(10).stream()
                .filter(event -> event.orgId().equals("o"))
                .toList();
        sync.outbox.markDelivered(List.of(heads.get(0)));
        OutboxEvent last = heads.get(1);
        sync.outbox.failed(
                new OutboxEvent(
                        last.id(),
                        last.eventId(),
                        last.orgId(),
                        last.assetId(),
                        last.type(),
                        last.payload(),
                        2,
                        last.createdAt(),
                        last.traceParent()),
                new IllegalStateException("refused"));
        Outbox.Backlog backlog = summary.of("o").outbox();
        assertEquals(1, backlog.pending());
        assertEquals(1, backlog.parked());

        sync.outbox.markDelivered(List.of(heads.get(2)));
        assertEquals(new Outbox.Backlog(0, 1, null, 0), summary.of("o").outbox());
        assertEquals(1, summary.of("other").outbox().pending());
    }

    @Test
    void theLatestEventsAreTheOrganizationsNewestFirstWithTheCursorToReadAfter() {
        sync.write(device("o", "a1", "p", "1.0", true), device("other", "b1", "p", "1.0", true));
        sync.detector.tick();
        sync.write(device("o", "a1", "p", "1.1", false));
        sync.detector.tick();
        Fleet fleet = summary.of("o");
        assertEquals(
                List.of("UPGRADE_FINISHED", "UPGRADE_STARTED"),
                fleet.latestEvents().stream().map(entry -> entry.event().type()).toList());
        assertEquals(fleet.latestEvents().get(0).cursor(), fleet.cursor());
        assertTrue(fleet.latestEvents().stream()
                .allMatch(entry -> entry.event().data().orgId().equals("o")));
        Fleet none = summary.of("nobody");
        assertEquals(List.of(), none.latestEvents());
        assertEquals(0, none.cursor());
    }
}
