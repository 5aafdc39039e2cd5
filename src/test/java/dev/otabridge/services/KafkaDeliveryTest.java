package dev.otabridge.services;

import static dev.otabridge.services.UpgradeFlips.assertExactlyInDeviceOrder;
import static dev.otabridge.services.UpgradeFlips.ids;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.http.RunningBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync relaying to a real Kafka broker (KRaft, started by the test from Maven Central's Kafka
 * artifacts): every transition arrives under its own id, keyed by device, each device's events on
 * one partition in order; a broker stopped mid-stream loses nothing.
 */
@ServicesTest
class KafkaDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FLIPS = 4;

    @TempDir
    Path dir;

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static Map<String, String> relayTo(String topic) {
        Map<String, String> settings = UpgradeFlips.relayTo("kafka:" + topic);
        settings.put("ota.kafka.brokers", KAFKA.broker().bootstrap());
        return settings;
    }

    /** Reads a topic from its beginning, every partition, as a consumer of the events would. */
    private final class TopicReader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

        TopicReader(String topic) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KAFKA.broker().bootstrap(),
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class.getName(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                    "read_committed"));
            List<TopicPartition> partitions = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                partitions.clear();
                consumer.partitionsFor(topic, Duration.ofSeconds(2))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                return !partitions.isEmpty();
            });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        List<ConsumerRecord<String, String>> read() {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return List.copyOf(records);
        }

        List<JsonNode> events() throws Exception {
            List<JsonNode> events = new ArrayList<>();
            for (ConsumerRecord<String, String> record : read()) {
                events.add(JSON.readTree(record.value()));
            }
            return events;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static void assertKeyedByDeviceOnePartitionEach(List<ConsumerRecord<String, String>> records)
            throws Exception {
        Map<String, Integer> partitionOf = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = JSON.readTree(record.value());
            assertEquals(event.get("subject").textValue(), record.key(), "the record key is the device");
            Integer first = partitionOf.putIfAbsent(record.key(), record.partition());
            assertTrue(first == null || first == record.partition(), record.key() + " is on two partitions");
            assertEquals(
                    "application/cloudevents+json; charset=UTF-8",
                    new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8),
                    "a structured CloudEvent");
        }
        assertTrue(partitionOf.values().stream().distinct().count() > 1, "the devices spread over the partitions");
    }

    @Test
    void everyTransitionArrivesOnceKeyedByDeviceAndInOrder() throws Exception {
        UpgradeFlips workload = new UpgradeFlips("kafka-org", 12);
        String topic = "ota-events-ordered";
        try (RunningBundle bundle = RunningBundle.start(dir.resolve("bundle1"), relayTo(topic))) {
            workload.flip((path, body) -> bundle.post(path, body).body(), 0, FLIPS);
            try (TopicReader reader = new TopicReader(topic)) {
                Set<String> expected = workload.expectedIds(FLIPS);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> ids(reader.events()).containsAll(expected));
                // every event acknowledged and marked: nothing is left that could be sent again
                await().atMost(Duration.ofSeconds(30)).until(() -> outbox(bundle, "PENDING") == 0);
                List<JsonNode> events = reader.events();
                // a record is the device's in partition order, and read in that order within a partition
                assertExactlyInDeviceOrder(expected, events);
                assertEquals(expected.size(), events.size(), "no duplicates without a failure");
                assertKeyedByDeviceOnePartitionEach(reader.read());
            }
        }
    }

    @Test
    void aBrokerStoppedMidStreamLosesNothing() throws Exception {
        UpgradeFlips workload = new UpgradeFlips("kafka-outage", 12);
        String topic = "ota-events-outage";
        try (RunningBundle bundle = RunningBundle.start(dir.resolve("bundle2"), relayTo(topic));
                TopicReader reader = new TopicReader(topic)) {
            UpgradeFlips.Poster poster = (path, body) -> bundle.post(path, body).body();
            workload.flip(poster, 0, 2);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ids(reader.events()).containsAll(workload.expectedIds(2)));
            KAFKA.broker().stop();
            workload.flip(poster, 2, FLIPS);
            Set<String> expected = workload.expectedIds(FLIPS);
            // every transition detected while the broker is away, and some waiting for it
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> outbox(bundle, "PENDING") + outbox(bundle, "DELIVERED") == expected.size()
                            && outbox(bundle, "PENDING") > 0);
            KAFKA.broker().startAgain();
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> ids(reader.events()).containsAll(expected));
            assertExactlyInDeviceOrder(expected, reader.events());
        }
    }

    /** How many of the bundle's outbox events are in {@code status}. */
    private static long outbox(RunningBundle bundle, String status) throws Exception {
        return JSON.readTree(bundle.post("/ota-sync/v1/outbox", null).body())
                .get("data")
                .get(status)
                .longValue();
    }
}
