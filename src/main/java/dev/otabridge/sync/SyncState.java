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

    /**
     * A device's key: devices in this key's order are the order the detector writes their states
     * in and the relay locks them in.
     */
    static String key(String orgId, String assetId) {
        return orgId + "\u0000" + assetId;
    }
}
