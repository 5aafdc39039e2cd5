package dev.otabridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransitionsTest {

    private static final long T0 = 1_000_000L;
    private static final long T1 = 2_000_000L;

    private static Observation device(boolean upgrading, String version) {
        return new Observation("o", "a", "p", "d", version, upgrading, false);
    }

    private static Observation removed() {
        return new Observation("o", "a", null, null, null, false, true);
    }

    private static SyncState state(boolean upgrading, long seq) {
        return new SyncState(
                "o",
                "a",
                "p",
                "d",
                "1.0",
                upgrading,
                seq,
                upgrading ? T0 : null,
                upgrading ? "1.0" : null,
                false,
                false);
    }

    @Test
    void aDeviceFirstSeenUpgradingStarts() {
        Transitions.Outcome outcome = Transitions.apply(null, device(true, "1.0"), T1, false);
        assertEquals(DeviceEvent.Type.UPGRADE_STARTED, outcome.type());
        assertNull(outcome.event().previousIsUpgrading());
        assertEquals(1, outcome.event().sequence());
        assertEquals(T1, outcome.next().upgradingSince());
        assertEquals("1.0", outcome.next().versionBeforeUpgrade());
    }

    @Test
    void aDeviceFirstSeenIdleOnlyGetsAState() {
        Transitions.Outcome outcome = Transitions.apply(null, device(false, "1.0"), T1, false);
        assertNull(outcome.event());
        assertEquals(0, outcome.next().eventSeq());
    }

    @Test
    void idleToUpgradingStartsWithTheCurrentVersionAsBefore() {
        Transitions.Outcome outcome = Transitions.apply(state(false, 4), device(true, "1.0"), T1, false);
        assertEquals(DeviceEvent.Type.UPGRADE_STARTED, outcome.type());
        assertEquals(false, outcome.event().previousIsUpgrading());
        assertEquals(5, outcome.event().sequence());
        assertEquals("1.0", outcome.event().firmwareVersionBefore());
    }

    @Test
    void upgradingToIdleFinishesWithTheVersionsBeforeAndAfter() {
        Transitions.Outcome outcome = Transitions.apply(state(true, 5), device(false, "2.0"), T1, false);
        assertEquals(DeviceEvent.Type.UPGRADE_FINISHED, outcome.type());
        DeviceEvent.Data data = outcome.event();
        assertEquals("1.0", data.firmwareVersionBefore());
        assertEquals("2.0", data.firmwareVersionAfter());
        assertEquals(true, data.previousIsUpgrading());
        assertFalse(data.isUpgrading());
        assertEquals(6, data.sequence());
        assertNull(outcome.next().upgradingSince());
    }

    @Test
    void aFinishedUpgradeThatKeptItsVersionSaysSo() {
        DeviceEvent.Data data = Transitions.apply(state(true, 1), device(false, "1.0"), T1, false)
                .event();
        assertEquals(data.firmwareVersionBefore(), data.firmwareVersionAfter());
    }

    @Test
    void anUpgradingDeviceRemovedFinishesAsRemovedAndKeepsItsNumbering() {
        Transitions.Outcome outcome = Transitions.apply(state(true, 2), removed(), T1, false);
        assertEquals(DeviceEvent.Type.UPGRADE_FINISHED, outcome.type());
        assertTrue(outcome.event().deviceRemoved());
        assertNull(outcome.event().firmwareVersionAfter());
        assertEquals("p", outcome.event().productKey());
        assertTrue(outcome.next().removed());
        assertEquals(3, outcome.next().eventSeq());
    }

    @Test
    void anIdleDeviceRemovedMakesNoEvent() {
        Transitions.Outcome outcome = Transitions.apply(state(false, 2), removed(), T1, false);
        assertNull(outcome.event());
        assertTrue(outcome.next().removed());
        assertEquals(2, outcome.next().eventSeq());
    }

    @Test
    void aRemovedDeviceThatComesBackUpgradingContinuesItsNumbering() {
        SyncState gone = Transitions.apply(state(true, 2), removed(), T1, false).next();
        Transitions.Outcome back = Transitions.apply(gone, device(true, "1.0"), T1, false);
        assertEquals(DeviceEvent.Type.UPGRADE_STARTED, back.type());
        assertEquals(4, back.event().sequence());
        assertFalse(back.next().removed());
    }

    @Test
    void noTransitionNoEventAndAnUpgradeKeepsItsStart() {
        Transitions.Outcome outcome = Transitions.apply(state(true, 1), device(true, "1.1"), T1, false);
        assertNull(outcome.event());
        assertEquals(T0, outcome.next().upgradingSince());
        assertEquals("1.0", outcome.next().versionBeforeUpgrade());
        assertEquals("1.1", outcome.next().firmwareVersion());
    }

    @Test
    void aStallIsReportedWithTheUpgradesStart() {
        Transitions.Outcome outcome = Transitions.stalled(state(true, 1), T1);
        assertEquals(DeviceEvent.Type.UPGRADE_STALLED, outcome.type());
        assertTrue(outcome.next().stallReported());
        assertEquals(2, outcome.event().sequence());
        assertEquals(
                java.time.Instant.ofEpochMilli(T0).toString(), outcome.event().upgradingSince());
    }

    @Test
    void reconciledEventsAreMarked() {
        assertTrue(Transitions.apply(state(false, 1), device(true, "1.0"), T1, true)
                .event()
                .reconciled());
    }

    @Test
    void eventIdsAreDeterministicPerDeviceAndSequence() {
        assertEquals(DeviceEvent.idFor("o", "a", 3), DeviceEvent.idFor("o", "a", 3));
        assertFalse(DeviceEvent.idFor("o", "a", 3).equals(DeviceEvent.idFor("o", "a", 4)));
        assertFalse(DeviceEvent.idFor("o", "ab", 1).equals(DeviceEvent.idFor("oa", "b", 1)));
    }
}
