package dev.otabridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.MovableClock;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.Records;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A migrated store, its write path, a detector and an outbox over it, a clock the test moves, and a switch that takes
 * the database away.
 */
final class SyncFixture implements AutoCloseable {

    final ObjectMapper json = new ObjectMapper();
    final HikariDataSource database;
    final SwitchableDataSource switchable;
    final MovableClock clock = new MovableClock();
    final OtaStore store;
    final TransitionDetector detector;
    final Outbox outbox;
    final JdbcTemplate jdbc;

    SyncFixture(HikariDataSource database) {
        this.database = database;
        this.switchable = new SwitchableDataSource(database);
        this.store = new OtaStore(new DataSourceTransactionManager(database), json);
        OtaMetrics metrics = new OtaMetrics(new SimpleMeterRegistry());
        this.detector = new TransitionDetector(
                new DataSourceTransactionManager(switchable),
                json,
                clock,
                new EventOrigin("urn:test", EventSchema.URN),
                4,
                Duration.ofMinutes(30),
                metrics);
        this.outbox = new Outbox(
                new DataSourceTransactionManager(database),
                json,
                clock,
                new Outbox.RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4)),
                Duration.ofSeconds(10),
                metrics);
        this.jdbc = new JdbcTemplate(database);
    }

    void write(DeviceFirmware... devices) {
        store.upsert(new Records(List.of(devices), List.of()));
    }

    void remove(String orgId, String assetId) {
        store.upsert(new Records(List.of(), List.of(), List.of(new Records.DeviceRef(orgId, assetId))));
    }

    static DeviceFirmware device(String assetId, boolean upgrading, String version) {
        return new DeviceFirmware("o", assetId, "p", "d-" + assetId, version, upgrading);
    }

    /** Every event in the outbox, in detection order. */
    List<JsonNode> events() {
        return jdbc.queryForList("SELECT payload FROM sync_outbox ORDER BY id", String.class).stream()
                .map(this::tree)
                .toList();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        database.close();
    }

    static final class SwitchableDataSource extends DelegatingDataSource {
        private volatile boolean down;

        SwitchableDataSource(HikariDataSource target) {
            super(target);
        }

        void down(boolean down) {
            this.down = down;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("connection refused (the test took the database away)");
            }
            return super.getConnection();
        }
    }
}
