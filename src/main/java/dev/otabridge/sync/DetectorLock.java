package dev.otabridge.sync;

import org.springframework.jdbc.core.JdbcTemplate;

/** The detector's lock row: who writes a device's events holds it until its transaction ends. */
final class DetectorLock {

    private DetectorLock() {}

    /**
     * Takes the detector's lock row until the transaction ends. Detector work on several nodes or
     * schedules at once would judge the same change twice. The relay never takes it
     * ({@link OutboxHeads}).
     */
    static void take(JdbcTemplate jdbc) {
        jdbc.update("UPDATE sync_cursor SET value = value WHERE name = 'detector'");
    }
}
