package dev.otabridge.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.MovableClock;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.Records;
import dev.otabridge.store.StoreSetup;
import dev.otabridge.store.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The reconciliation sweep beside the detector's ticks, as the bundle schedules them (ticks every
 * second, a sweep every 10 s, here even two sweeps due at once): with 10,000 devices and 20,000
 * changes waiting, every transition is detected within a minute, and none is left to the sweep.
 */
public class SweepAlongsideDetectionTest {

    private static final int DEVICES = 10_000;
    private static final int PER_LOAD = 1_000;

    private final HikariDataSource database = database();
    private final ScheduledExecutorService schedules = Executors.newScheduledThreadPool(3);

    protected HikariDataSource database() {
        return TestDatabase.fresh();
    }

    @AfterEach
    void close() throws Exception {
        schedules.shutdownNow();
        assertTrue(schedules.awaitTermination(30, TimeUnit.SECONDS), "a sweep stops within the test's shutdown");
        database.close();
    }

    private static void load(OtaStore store, boolean upgrading) {
        for (int from = 0; from < DEVICES; from += PER_LOAD) {
            List<DeviceFirmware> devices = new ArrayList<>();
            for (int i = from; i < from + PER_LOAD; i++) {
                devices.add(new DeviceFirmware(
                        "org" + i % 3, String.format("asset%05d", i), "p", "d" + i, "1.0", upgrading));
            }
            store.upsert(new Records(devices, List.of()));
        }
    }

    /** 1 when the job threw (a scheduled task that throws is never run again), else 0. */
    private static int ran(Runnable job) {
        try {
            job.run();
            return 0;
        } catch (RuntimeException e) {
            e.printStackTrace();
            return 1;
        }
    }

    @Test
    void everyTransitionIsDetectedWithinAMinuteWhileSweepsRun() {
        StoreSetup.migrate(database);
        ObjectMapper json = new ObjectMapper();
        OtaStore store = new OtaStore(new DataSourceTransactionManager(database), json);
        TransitionDetector detector = new TransitionDetector(
                new DataSourceTransactionManager(database),
                json,
                new MovableClock(),
                new EventOrigin("urn:test", EventSchema.URN),
                1000,
                Duration.ofHours(2),
                new OtaMetrics(new SimpleMeterRegistry()));
        JdbcTemplate jdbc = new JdbcTemplate(database);
        load(store, false);
        detector.tick();
        AtomicInteger sweeps = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        schedules.scheduleWithFixedDelay(() -> failures.addAndGet(ran(detector::tick)), 0, 1, TimeUnit.SECONDS);
        for (int sweeper = 0; sweeper < 2; sweeper++) {
            schedules.scheduleAtFixedRate(
                    () -> {
                        failures.addAndGet(ran(() ->
                                detector.sweep(() -> !Thread.currentThread().isInterrupted())));
                        sweeps.incrementAndGet();
                    },
                    0,
                    10,
                    TimeUnit.SECONDS);
        }
        load(store, true);
        load(store, false);
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox", Integer.class) == 2 * DEVICES);
        assertEquals(
                DEVICES,
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM sync_outbox WHERE event_type = 'UPGRADE_STARTED'", Integer.class));
        assertEquals(
                0,
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM sync_outbox WHERE payload LIKE '%\"reconciled\":true%'", Integer.class),
                "no change is left to the sweep");
        assertTrue(sweeps.get() >= 2, "sweeps ran meanwhile: " + sweeps);
        assertEquals(0, failures.get(), "no tick or sweep failed");
    }
}
