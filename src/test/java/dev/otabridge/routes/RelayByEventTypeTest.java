package dev.otabridge.routes;

import dev.otabridge.ops.OtaMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.Records;
import dev.otabridge.store.TestDatabase;
import dev.otabridge.sync.Outbox;
import dev.otabridge.sync.TransitionDetector;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A target URI may name the event type, so each type can have a queue of its own. */
class RelayByEventTypeTest extends YamlRoutesTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HikariDataSource database = TestDatabase.fresh();

    @Override
    protected List<String> routeFiles() {
        return List.of("sync-detector.yaml", "sync-relay.yaml");
    }

    @Override
    protected Properties properties() {
        return syncProperties("mock:${header.OtaEventType},mock:all");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("transitionDetector", new TransitionDetector(database, JSON, Clock.systemUTC(), "urn:test", 100, Duration.ofHours(2), new OtaMetrics(new SimpleMeterRegistry())));
        registry.bind("outbox", new Outbox(database, JSON, Clock.systemUTC(), new Outbox.RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1)), new OtaMetrics(new SimpleMeterRegistry())));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void eachTypeGoesToItsOwnTargetAndAllToTheShared() throws Exception {
        context.start();
        MockEndpoint started = getMockEndpoint("mock:UPGRADE_STARTED");
        MockEndpoint finished = getMockEndpoint("mock:UPGRADE_FINISHED");
        MockEndpoint all = getMockEndpoint("mock:all");
        started.expectedHeaderReceived("OtaEventType", "UPGRADE_STARTED");
        started.expectedMessageCount(1);
        finished.expectedHeaderReceived("OtaEventType", "UPGRADE_FINISHED");
        finished.expectedMessageCount(1);
        all.expectedMessageCount(2);
        OtaStore store = new OtaStore(database, JSON);
        store.upsert(new Records(List.of(new DeviceFirmware("o", "a", "p", "d", "1", true)), List.of()));
        store.upsert(new Records(List.of(new DeviceFirmware("o", "a", "p", "d", "2", false)), List.of()));
        MockEndpoint.assertIsSatisfied(10, java.util.concurrent.TimeUnit.SECONDS, started, finished, all);
    }
}
