package dev.otabridge.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.Records;
import dev.otabridge.store.TestDatabase;
import dev.otabridge.sync.ContextRunning;
import dev.otabridge.sync.EventMessage;
import dev.otabridge.sync.Outbox;
import dev.otabridge.sync.TransitionDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The sync routes over a real store, with the real detector and outbox, relaying to {@link #targets()}. */
abstract class SyncRoutesTestSupport extends YamlRoutesTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    protected final HikariDataSource database = TestDatabase.fresh();
    protected final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final OtaStore store = new OtaStore(new DataSourceTransactionManager(database), JSON);

    /** The relay's targets, comma-separated endpoint URIs. */
    protected abstract String targets();

    @Override
    protected List<String> routeFiles() {
        return List.of("sync-detector.yaml", "sync-relay.yaml");
    }

    @Override
    protected Properties properties() {
        return syncProperties(targets());
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        OtaMetrics metrics = new OtaMetrics(new SimpleMeterRegistry());
        registry.bind(
                "transitionDetector",
                new TransitionDetector(
                        new DataSourceTransactionManager(database),
                        JSON,
                        Clock.systemUTC(),
                        "urn:test",
                        100,
                        Duration.ofHours(2),
                        metrics));
        registry.bind(
                "outbox",
                new Outbox(
                        new DataSourceTransactionManager(database),
                        JSON,
                        Clock.systemUTC(),
                        new Outbox.RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1)),
                        Duration.ofSeconds(10),
                        metrics));
        registry.bind("eventMessage", new EventMessage());
        registry.bind("contextRunning", new ContextRunning());
        // one relay thread: the route tests assert what each mock received and in which order, and a
        // CI run once saw a mock miss exchanges under parallel delivery (not reproduced since; the
        // services tests cover the parallel relay against real brokers)
        registry.bind("relayThreads", context.getExecutorServiceManager().newFixedThreadPool(this, "relay", 1));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** A device write through the store's write path, as the HTTP load and the inbox make it. */
    protected void write(String assetId, boolean upgrading) {
        store.upsert(new Records(List.of(new DeviceFirmware("o", assetId, "p", "d", "1.0", upgrading)), List.of()));
    }
}
