package dev.otabridge.services;

import static dev.otabridge.services.UpgradeFlips.assertExactlyInDeviceOrder;
import static dev.otabridge.services.UpgradeFlips.ids;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.http.ChildBundle;
import dev.otabridge.http.RunningBundle;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync against the machine's RabbitMQ, with things broken on purpose: N transitions made through
 * the store's write path must arrive as exactly N distinct event ids, each device's in order,
 * whatever happens to the broker or the bundle in between.
 */
@ServicesTest
class RabbitMqDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEVICES = 12;
    private static final UpgradeFlips WORKLOAD = new UpgradeFlips("it", DEVICES);
    private static final int FLIPS = 4;

    @TempDir
    Path data;

    private final Rabbit rabbit = new Rabbit();

    @AfterEach
    void cleanUp() throws Exception {
        Rabbit.brokerUp();
        rabbit.close();
    }

    /** Waits until every expected id arrived, then checks nothing else did and each device's events came in order. */
    private void assertAllArrivedInOrder(Set<String> expected) throws Exception {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> ids(rabbit.drain()).containsAll(expected));
        assertExactlyInDeviceOrder(expected, rabbit.drain());
    }

    @Test
    void everyTransitionArrivesOnceUnderItsOwnIdInDeviceOrder() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, UpgradeFlips.relayTo(rabbit.target()))) {
            WORKLOAD.flip((path, body) -> bundle.post(path, body).body(), 0, FLIPS);
            assertAllArrivedInOrder(WORKLOAD.expectedIds(FLIPS));
            assertEquals(DEVICES * FLIPS, rabbit.drain().size(), "no duplicates without a failure");
        }
    }

    @Test
    void aBrokerOutageInTheMiddleLosesNothing() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, UpgradeFlips.relayTo(rabbit.target()))) {
            UpgradeFlips.Poster poster = (path, body) -> bundle.post(path, body).body();
            WORKLOAD.flip(poster, 0, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> rabbit.drain().size() >= DEVICES);
            double failures = bundle.metric("ota_sync_delivery_failures_total{parked=\"false\"");
            Rabbit.brokerDown();
            WORKLOAD.flip(poster, 2, FLIPS);
            // the relay has tried and failed while the broker was down
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> bundle.metric("ota_sync_delivery_failures_total{parked=\"false\"") > failures);
            Rabbit.brokerUp();
            assertAllArrivedInOrder(WORKLOAD.expectedIds(FLIPS));
        }
    }

    @Test
    void anEventTheBrokerRefusesIsNotTakenForDelivered() throws Exception {
        rabbit.declareRejectingQueue(DEVICES);
        String target = "spring-rabbitmq:" + rabbit.exchange
                + "?routingKey=upgrade&skipDeclareQueue=true&skipDeclareExchange=true"
                + "&confirm=enabled&connectionFactory=#rabbitConnectionFactory";
        try (RunningBundle bundle = RunningBundle.start(data, UpgradeFlips.relayTo(target))) {
            WORKLOAD.flip((path, body) -> bundle.post(path, body).body(), 0, 2);
            Function<String, Long> count = status -> {
                try {
                    String feed = bundle.send(HttpRequest.newBuilder(bundle.uri("/ota-sync/v1/events?limit=1000"))
                                    .GET())
                            .body();
                    return JSON.readTree(feed).get("data").get("events").findValues("status").stream()
                            .filter(s -> s.textValue().equals(status))
                            .count();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            await().atMost(Duration.ofSeconds(30)).until(() -> count.apply("DELIVERED") == DEVICES);
            // the broker has refused the second round, which the relay counted
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> bundle.metric("ota_sync_delivery_failures_total{parked=\"false\"") >= DEVICES);
            assertEquals(
                    DEVICES, count.apply("PENDING"), "the queue is full: the broker's nack must keep them pending");
            rabbit.purge();
            await().atMost(Duration.ofSeconds(30)).until(() -> count.apply("DELIVERED") == 2 * DEVICES);
        }
    }

    @Test
    void killedBetweenDetectionAndPublishTheRestartedBundleDeliversEverything() throws Exception {
        Path log = data.resolve("child.log");
        Map<String, String> detectOnly = new HashMap<>();
        UpgradeFlips.relayTo(rabbit.target())
                .forEach((k, v) ->
                        detectOnly.put(k.toUpperCase().replace('.', '_').replace('-', '_'), v));
        detectOnly.put("OTA_SYNC_RELAY_ENABLED", "false");
        ChildBundle first = ChildBundle.start(data.resolve("store"), log, detectOnly);
        try {
            WORKLOAD.flip((path, body) -> first.post(path, body).body(), 0, FLIPS);
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            first.post("/ota-sync/v1/outbox", null).body().contains("\"PENDING\":" + DEVICES * FLIPS));
        } finally {
            first.kill();
        }
        assertTrue(ids(rabbit.drain()).isEmpty(), "nothing was published before the kill");
        Map<String, String> relay = new HashMap<>(detectOnly);
        relay.put("OTA_SYNC_RELAY_ENABLED", "true");
        try (ChildBundle second = ChildBundle.start(data.resolve("store"), log, relay)) {
            assertAllArrivedInOrder(WORKLOAD.expectedIds(FLIPS));
        }
    }

    @Test
    void killedWhilePublishingTheRestartedBundleDeliversTheRest() throws Exception {
        Path log = data.resolve("child.log");
        Map<String, String> env = new HashMap<>();
        UpgradeFlips.relayTo(rabbit.target())
                .forEach((k, v) -> env.put(k.toUpperCase().replace('.', '_').replace('-', '_'), v));
        ChildBundle first = ChildBundle.start(data.resolve("store"), log, env);
        try {
            WORKLOAD.flip((path, body) -> first.post(path, body).body(), 0, FLIPS);
            await().atMost(Duration.ofSeconds(30)).until(() -> !rabbit.drain().isEmpty());
        } finally {
            first.kill();
        }
        try (ChildBundle second = ChildBundle.start(data.resolve("store"), log, env)) {
            assertAllArrivedInOrder(WORKLOAD.expectedIds(FLIPS));
        }
    }
}
