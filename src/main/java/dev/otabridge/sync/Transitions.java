package dev.otabridge.sync;

import java.time.Instant;

/**
 * The rules of the sync, free of storage: which event an observation makes against a device's
 * last state, and the state after it.
 *
 * <ul>
 * <li>not upgrading (or never seen, or removed) → upgrading: {@code UPGRADE_STARTED};</li>
 * <li>upgrading → not upgrading: {@code UPGRADE_FINISHED};</li>
 * <li>upgrading → removed: {@code UPGRADE_FINISHED} with {@code deviceRemoved};</li>
 * <li>anything else: no event; a device first seen not upgrading only gets a state.</li>
 * </ul>
 */
final class Transitions {

    /** The state after an observation, and the event it made (null for none). */
    record Outcome(SyncState next, DeviceEvent.Data event, DeviceEvent.Type type) {}

    private Transitions() {}

    static Outcome apply(SyncState before, Observation now, long detectedAt, boolean reconciled) {
        boolean was = before != null && before.upgradingNow();
        boolean is = now.upgradingNow();
        long seq = before == null ? 0 : before.eventSeq();
        String productKey = now.removed() && before != null ? before.productKey() : now.productKey();
        String deviceKey = now.removed() && before != null ? before.deviceKey() : now.deviceKey();
        String version = now.removed() && before != null ? before.firmwareVersion() : now.firmwareVersion();
        if (before == null && now.removed()) {
            return new Outcome(null, null, null);
        }
        if (!was && is) {
            SyncState next = new SyncState(
                    now.orgId(),
                    now.assetId(),
                    productKey,
                    deviceKey,
                    version,
                    true,
                    seq + 1,
                    detectedAt,
                    now.firmwareVersion(),
                    false,
                    false);
            String versionBefore =
                    before == null || before.removed() ? now.firmwareVersion() : before.firmwareVersion();
            return new Outcome(
                    next,
                    data(
                            next,
                            before == null ? null : false,
                            versionBefore,
                            now.firmwareVersion(),
                            detectedAt,
                            reconciled,
                            false),
                    DeviceEvent.Type.UPGRADE_STARTED);
        }
        if (was && !is) {
            SyncState next = new SyncState(
                    now.orgId(),
                    now.assetId(),
                    productKey,
                    deviceKey,
                    version,
                    false,
                    seq + 1,
                    null,
                    null,
                    false,
                    now.removed());
            DeviceEvent.Data event = new DeviceEvent.Data(
                    now.orgId(),
                    now.assetId(),
                    productKey,
                    deviceKey,
                    true,
                    false,
                    before.versionBeforeUpgrade(),
                    now.removed() ? null : now.firmwareVersion(),
                    iso(before.upgradingSince()),
                    iso(detectedAt),
                    next.eventSeq(),
                    reconciled,
                    now.removed());
            return new Outcome(next, event, DeviceEvent.Type.UPGRADE_FINISHED);
        }
        SyncState next = was
                ? new SyncState(
                        now.orgId(),
                        now.assetId(),
                        productKey,
                        deviceKey,
                        version,
                        true,
                        seq,
                        before.upgradingSince(),
                        before.versionBeforeUpgrade(),
                        before.stallReported(),
                        false)
                : new SyncState(
                        now.orgId(),
                        now.assetId(),
                        productKey,
                        deviceKey,
                        version,
                        now.isUpgrading(),
                        seq,
                        null,
                        null,
                        false,
                        now.removed());
        return new Outcome(next, null, null);
    }

    /** An upgrade that has run too long: reported once, until the upgrade ends. */
    static Outcome stalled(SyncState upgrading, long detectedAt) {
        SyncState next = new SyncState(
                upgrading.orgId(),
                upgrading.assetId(),
                upgrading.productKey(),
                upgrading.deviceKey(),
                upgrading.firmwareVersion(),
                true,
                upgrading.eventSeq() + 1,
                upgrading.upgradingSince(),
                upgrading.versionBeforeUpgrade(),
                true,
                false);
        return new Outcome(
                next,
                data(
                        next,
                        true,
                        upgrading.versionBeforeUpgrade(),
                        upgrading.firmwareVersion(),
                        detectedAt,
                        false,
                        false),
                DeviceEvent.Type.UPGRADE_STALLED);
    }

    private static DeviceEvent.Data data(
            SyncState next,
            Boolean previous,
            String before,
            String after,
            long detectedAt,
            boolean reconciled,
            boolean removed) {
        return new DeviceEvent.Data(
                next.orgId(),
                next.assetId(),
                next.productKey(),
                next.deviceKey(),
                previous,
                next.isUpgrading(),
                before,
                after,
                iso(next.upgradingSince()),
                iso(detectedAt),
                next.eventSeq(),
                reconciled,
                removed);
    }

    private static String iso(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
