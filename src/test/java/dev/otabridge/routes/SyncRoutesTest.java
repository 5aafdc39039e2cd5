package dev.otabridge.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * sync-detector.yaml and sync-relay.yaml: the Quartz ticks call the detector (mocked) and survive
 * its failures; the relay publishes real outbox events to mock targets and marks them delivered
 * only when every target took them.
 */
class SyncRoutesTest extends SyncRoutesTestSupport {

    @Override
    protected String targets() {
        return "mock:target-a,mock:target-b";
    }

    @Test
    void theDetectorTicksAndAFailedTickDoesNotStopTheNext() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AdviceWith.adviceWith(context, "detect-transitions", a -> a.weaveById("detect")
                .replace()
                .to("mock:detect"));
        context.start();
        MockEndpoint detect = getMockEndpoint("mock:detect");
        detect.whenAnyExchangeReceived(e -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
        });
        detect.expectedMinimumMessageCount(3);
        detect.assertIsSatisfied(5_000);
        assertTrue(context.getRouteController()
                .getRouteStatus("detect-transitions")
                .isStarted());
    }

    @Test
    void theSweepRouteFindsAChangeMadeBehindTheBundlesBack() throws Exception {
        jdbc.update("INSERT INTO device_firmware (org_id, asset_id, product_key, device_key, firmware_version, "
                + "is_upgrading)"
                + " VALUES ('o', 'by-sql', 'p', 'd', '1.0', TRUE)");
        context.start();
        MockEndpoint a = getMockEndpoint("mock:target-a");
        a.expectedMessageCount(1);
        MockEndpoint.assertIsSatisfied(10, java.util.concurrent.TimeUnit.SECONDS, a);
        String event = a.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertTrue(event.contains("\"type\":\"UPGRADE_STARTED\"") && event.contains("\"reconciled\":true"), event);
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
                .filter(e -> attribute(e, "subject").equals("o/x"))
                .map(e -> attribute(e, "type"))
                .toList();
        assertEquals(List.of("UPGRADE_STARTED", "UPGRADE_FINISHED"), xTypes);
        String body = a.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertTrue(
                body.startsWith("{\"specversion\":\"1.0\",\"id\":\""
                        + attribute(a.getReceivedExchanges().get(0), "id")),
                body);
    }

    @Test
    void aTargetThatFailsHoldsBackItsDeviceUntilTheRetrySucceeds() throws Exception {
        context.start();
        MockEndpoint b = getMockEndpoint("mock:target-b");
        AtomicInteger failures = new AtomicInteger();
        b.whenAnyExchangeReceived(e -> {
            if (attribute(e, "subject").equals("o/x") && failures.getAndIncrement() < 2) {
                throw new IllegalStateException("broker said no");
            }
        });
        write("x", true);
        write("x", false);
        write("y", true);
        await().atMost(Duration.ofSeconds(15)).until(() -> delivered() == 3);
        List<String> x = b.getReceivedExchanges().stream()
                .filter(e -> attribute(e, "subject").equals("o/x"))
                .map(e -> attribute(e, "type"))
                .toList();
        assertEquals(List.of("UPGRADE_STARTED", "UPGRADE_STARTED", "UPGRADE_STARTED", "UPGRADE_FINISHED"), x);
        assertEquals(
                1,
                b.getReceivedExchanges().stream()
                        .filter(e -> attribute(e, "subject").equals("o/y"))
                        .count());
        // target-a took the retried event again: at least once, always under the same id
        assertEquals(
                1,
                getMockEndpoint("mock:target-a").getReceivedExchanges().stream()
                        .filter(e -> attribute(e, "type").equals("UPGRADE_STARTED")
                                && attribute(e, "subject").equals("o/x"))
                        .map(e -> attribute(e, "id"))
                        .distinct()
                        .count());
        assertEquals(
                List.of(3, 1),
                jdbc.queryForList("SELECT attempts FROM sync_outbox WHERE asset_id = 'x' ORDER BY id", Integer.class));
    }

    @Test
    void anIdleRelayTakesOneBatchATickAndStopsAtOnce() throws Exception {
        AdviceWith.adviceWith(context, "relay-outbox", a -> a.weaveById("relay-pass-take-due-events")
                .after()
                .to("mock:taken"));
        List<Long> takenAt = new CopyOnWriteArrayList<>();
        getMockEndpoint("mock:taken").whenAnyExchangeReceived(e -> takenAt.add(System.nanoTime()));
        context.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> takenAt.size() >= 6);
        // each empty pass waits out the relay delay these tests configure (syncSettings) before the next
        long fiveGaps = takenAt.get(5) - takenAt.get(0);
        assertTrue(
                fiveGaps >= Duration.ofMillis(240).toNanos(),
                "an idle relay spun: 6 passes in " + fiveGaps / 1_000_000 + " ms");
        long stopping = System.nanoTime();
        context.stop();
        assertTrue((System.nanoTime() - stopping) / 1e9 < 5, "an idle relay held up shutdown");
    }

    @Test
    void onShutdownTheRelayStopsBetweenEventsAndTheRestWaitInTheOutbox() throws Exception {
        context.start();
        MockEndpoint a = getMockEndpoint("mock:target-a");
        a.whenAnyExchangeReceived(e -> Thread.sleep(300));
        for (int i = 0; i < 10; i++) {
            write("slow" + i, true);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !a.getReceivedExchanges().isEmpty());
        context.stop();
        int published = a.getReceivedExchanges().size();
        assertTrue(published < 10, "the relay went on after shutdown began: " + published);
        assertEquals(published, delivered(), "every event a target took is marked delivered, no other");
        assertEquals(
                10 - published,
                jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox WHERE status = 'PENDING'", Long.class));
    }
}
