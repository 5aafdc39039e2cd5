package dev.otabridge.sync;

import org.springframework.jdbc.core.JdbcTemplate;

/** The detector's lock row: who writes or passes on a device's events holds it until its transaction ends. */
final class DetectorLock {

    private DetectorLock() {}

    /**
     * Takes the detector's lock row until the transaction ends. Detector work on several nodes or
     * schedules at once would judge the same change twice; the relay takes it too when it passes a
     * device's head on, so that an event written meanwhile sees the head it is written behind.
     */
    static void take(JdbcTemplate jdbc) {
        jdbc.update("UPDATE sync_cursor SET value = value WHERE name = 'detector'");
    }
}
