package dev.otabridge.sync;

/**
 * What the detector last saw of a device, and where its event numbering and current upgrade stand.
 * A removed device keeps its row (removed = true) so its event numbers never start over.
 */
record SyncState(
        String orgId,
        String assetId,
        String productKey,
        String deviceKey,
        String firmwareVersion,
        boolean isUpgrading,
        long eventSeq,
        Long upgradingSince,
        String versionBeforeUpgrade,
        boolean stallReported,
        boolean removed) {

    boolean upgradingNow() {
        return isUpgrading && !removed;
    }
}
