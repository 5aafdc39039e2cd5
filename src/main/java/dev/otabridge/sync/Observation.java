package dev.otabridge.sync;

/** One state of a device as a write path recorded it (the change log) or as the store holds it (the sweep). */
record Observation(
        String orgId,
        String assetId,
        String productKey,
        String deviceKey,
        String firmwareVersion,
        boolean isUpgrading,
        boolean removed) {

    boolean upgradingNow() {
        return isUpgrading && !removed;
    }
}
