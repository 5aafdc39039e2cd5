package dev.otabridge.sync;

import org.springframework.jdbc.core.JdbcTemplate;

/** The detector's lock row: who writes or passes on a device's events holds it until its transaction ends. */
final class DetectorLock {

    private DetectorLock() {}

    /**
     * Takes the detector's lock row until the transaction ends: detector work on several nodes or
     * schedules at once would judge the same change twice. The relay does not take it; it locks only
     * the devices whose heads it passes on ({@link Outbox#markDelivered}).
     */
    static void take(JdbcTemplate jdbc) {
        jdbc.update("UPDATE sync_cursor SET value = value WHERE name = 'detector'");
    }
}
