package dev.otabridge.sync;

import java.util.List;
import java.util.Map;

/**
 * One organization's fleet at a glance: how many devices, how many upgrading, by product and
 * firmware version; the upgrades the detector reported stalled and still running; the upgrades
 * started, finished and stalled in the last hour; its undelivered events; and its latest events,
 * newest first, with the feed cursor to read the next ones after.
 */
public record Fleet(
        String orgId,
        long devices,
        long upgrading,
        List<Group> byProductAndVersion,
        boolean groupsTruncated,
        List<StalledUpgrade> stalled,
        Map<String, Long> lastHour,
        Outbox.Backlog outbox,
        List<FeedPage.Entry> latestEvents,
        long cursor) {

    /** The devices of one product on one firmware version (null: not reported). */
    public record Group(String productKey, String firmwareVersion, long devices, long upgrading) {}

    /** An upgrade still running after it was reported stalled. */
    public record StalledUpgrade(
            String assetId, String productKey, String firmwareVersionBefore, String upgradingSince) {}
}
