package dev.otabridge.routes;

import dev.otabridge.ops.OtaMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.Records;
import dev.otabridge.store.TestDatabase;
import dev.otabridge.sync.Outbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.sync.TransitionDetector;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * sync-detector.yaml and sync-relay.yaml: the Quartz ticks call the detector (mocked) and survive
 * its failures; the relay publishes real outbox events to mock targets and marks them delivered
 * only when every target took them.
 */
class SyncRoutesTest extends YamlRoutesTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HikariDataSource database = TestDatabase.fresh();
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final OtaStore store = new OtaStore(database, JSON);
    private final TransitionDetector detector = new TransitionDetector(database, JSON, Clock.systemUTC(), "urn:test", 100, Duration.ofHours(2), new OtaMetrics(new SimpleMeterRegistry()));

    @Override
    protected List<String> routeFiles() {
        return List.of("sync-detector.yaml", "sync-relay.yaml");
    }

    @Override
    protected Properties properties() {
        return syncProperties("mock:target-a,mock:target-b");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("transitionDetector", detector);
        registry.bind("outbox", new Outbox(database, JSON, Clock.systemUTC(), new Outbox.RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1)), new OtaMetrics(new SimpleMeterRegistry())));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private void write(String assetId, boolean upgrading) {
        store.upsert(new Records(List.of(new DeviceFirmware("o", assetId, "p", "d", "1.0", upgrading)), List.of()));
    }

    private long delivered() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox WHERE status = 'DELIVERED'", Long.class);
    }

    @Test
    void theDetectorTicksAndAFailedTickDoesNotStopTheNext() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AdviceWith.adviceWith(context, "detect-transitions", a -> a.weaveById("detect").replace().to("mock:detect"));
        context.getRouteController().stopRoute("relay-outbox");
        context.start();
        MockEndpoint detect = getMockEndpoint("mock:detect");
        detect.whenAnyExchangeReceived(e -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
        });
        detect.expectedMinimumMessageCount(3);
        detect.assertIsSatisfied(5_000);
        assertTrue(context.getRouteController().getRouteStatus("detect-transitions").isStarted());
    }

    @Test
    void everyTargetGetsEachEventOnceAndTheOutboxKnowsIt() throws Exception {
        context.start();
        MockEndpoint a = getMockEndpoint("mock:target-a");
        MockEndpoint b = getMockEndpoint("mock:target-b");
        a.expectedMessageCount(3);
        b.expectedMessageCount(3);
        write("x", true);
        write("x", false);
        write("y", true);
        MockEndpoint.assertIsSatisfied(10, java.util.concurrent.TimeUnit.SECONDS, a, b);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivered() == 3);
        List<String> xTypes = a.getReceivedExchanges().stream()
                .filter(e -> e.getMessage().getHeader("OtaSubject", String.class).equals("o/x"))
                .map(e -> e.getMessage().getHeader("OtaEventType", String.class)).toList();
        assertEquals(List.of("UPGRADE_STARTED", "UPGRADE_FINISHED"), xTypes);
        String body = a.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertTrue(body.startsWith("{\"specversion\":\"1.0\",\"id\":\"" + a.getReceivedExchanges().get(0).getMessage().getHeader("OtaEventId")), body);
    }

    @Test
    void aTargetThatFailsHoldsBackItsDeviceUntilTheRetrySucceeds() throws Exception {
        context.start();
        MockEndpoint b = getMockEndpoint("mock:target-b");
        AtomicInteger failures = new AtomicInteger();
        b.whenAnyExchangeReceived(e -> {
            if (e.getMessage().getHeader("OtaSubject", String.class).equals("o/x") && failures.getAndIncrement() < 2) {
                throw new IllegalStateException("broker said no");
            }
        });
        write("x", true);
        write("x", false);
        write("y", true);
        await().atMost(Duration.ofSeconds(15)).until(() -> delivered() == 3);
        List<String> x = b.getReceivedExchanges().stream().filter(e -> e.getMessage().getHeader("OtaSubject").equals("o/x"))
                .map(e -> e.getMessage().getHeader("OtaEventType", String.class)).toList();
        assertEquals(List.of("UPGRADE_STARTED", "UPGRADE_STARTED", "UPGRADE_STARTED", "UPGRADE_FINISHED"), x);
        assertEquals(1, b.getReceivedExchanges().stream().filter(e -> e.getMessage().getHeader("OtaSubject").equals("o/y")).count());
        // target-a took the retried event again: at least once, always under the same id
        assertEquals(1, getMockEndpoint("mock:target-a").getReceivedExchanges().stream()
                .filter(e -> e.getMessage().getHeader("OtaEventType").equals("UPGRADE_STARTED") && e.getMessage().getHeader("OtaSubject").equals("o/x"))
                .map(e -> e.getMessage().getHeader("OtaEventId")).distinct().count());
        assertEquals(List.of(3, 1), jdbc.queryForList("SELECT attempts FROM sync_outbox WHERE asset_id = 'x' ORDER BY id", Integer.class));
    }
}
