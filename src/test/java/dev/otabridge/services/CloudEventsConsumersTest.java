package dev.otabridge.services;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import dev.otabridge.http.RunningBundle;
import dev.otabridge.sync.CloudEventsMode;
import dev.otabridge.sync.ContractSchemas;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.core.message.impl.BaseGenericBinaryMessageReaderImpl;
import io.cloudevents.core.message.impl.GenericStructuredMessageReader;
import io.cloudevents.core.message.impl.MessageUtils;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Consumers written with the CloudEvents Java SDK read every event from every kind of target, in
 * both modes, with no code of the bundle's: Kafka with the SDK's deserializer, RabbitMQ with the
 * SDK's message readers by the AMQP binding's rules, and a webhook receiver with the SDK's HTTP
 * reader, which verifies every signature with the Standard Webhooks library. Every attribute and
 * the data equal the event as detected (the feed's copy), every event validates against the schema
 * its dataschema URL serves, and no header of the bundle's own reaches a consumer.
 */
@ServicesTest
class CloudEventsConsumersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FLIPS = 2;
    private static final Set<String> ATTRIBUTES =
            Set.of("specversion", "id", "source", "type", "subject", "time", "dataschema");

    @TempDir
    Path dir;

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @ParameterizedTest
    @EnumSource(CloudEventsMode.class)
    void everyConsumerReadsEveryEventWithTheSdk(CloudEventsMode mode) throws Exception {
        String name = mode.setting();
        String secret = WebhookReceiver.newSecret();
        UpgradeFlips workload = new UpgradeFlips("ce-" + name, 6);
        String topic = "ota-cloudevents-" + name;
        try (Rabbit rabbit = new Rabbit();
                WebhookReceiver hooks = WebhookReceiver.verifyingWith(secret)) {
            Map<String, String> settings =
                    UpgradeFlips.relayTo("kafka:" + topic + "," + rabbit.target() + "," + hooks.url("/hooks/" + name));
            settings.put("ota.kafka.brokers", KAFKA.broker().bootstrap());
            settings.put("ota.sync.cloudevents.mode", name);
            settings.put("ota.sync.webhook.secret", secret);
            try (RunningBundle bundle = RunningBundle.start(dir.resolve(name), settings)) {
                workload.flip((path, body) -> bundle.post(path, body).body(), 0, FLIPS);
                Set<String> expected = workload.expectedIds(FLIPS);
                await().atMost(Duration.ofSeconds(60)).until(() -> outbox(bundle, "DELIVERED") == expected.size());
                Map<String, JsonNode> detected = detected(bundle, workload.orgId());
                assertEquals(expected, detected.keySet());
                JsonSchema schema =
                        servedSchema(bundle, detected.values().iterator().next());

                List<CloudEvent> fromKafka = readKafka(topic, expected.size(), mode);
                List<CloudEvent> fromRabbit = readRabbit(rabbit, expected.size(), mode);
                List<CloudEvent> fromWebhooks = readWebhooks(hooks, mode);
                assertEquals(0, hooks.refused(), "every delivery carried a valid signature");
                for (List<CloudEvent> read : List.of(fromKafka, fromRabbit, fromWebhooks)) {
                    assertEquals(expected.size(), read.size(), "each event once, none lost");
                    for (CloudEvent event : read) {
                        assertSameAsDetected(detected.get(event.getId()), event, schema);
                    }
                }
            }
        }
    }

    @Test
    void aReceiverWithAnotherSecretRefusesEveryDeliveryUntilTheBundleSignsWithItToo() throws Exception {
        String old = WebhookReceiver.newSecret();
        String rotated = WebhookReceiver.newSecret();
        UpgradeFlips workload = new UpgradeFlips("ce-rotation", 3);
        try (WebhookReceiver hooks = WebhookReceiver.verifyingWith(rotated)) {
            Map<String, String> settings = UpgradeFlips.relayTo(hooks.url("/hooks/rotation"));
            settings.put("ota.sync.webhook.secret", old);
            try (RunningBundle bundle = RunningBundle.start(dir.resolve("old"), settings)) {
                workload.flip((path, body) -> bundle.post(path, body).body(), 0, 1);
                await().atMost(Duration.ofSeconds(30)).until(() -> hooks.refused() >= 6);
                assertEquals(0, hooks.verified().size(), "a signature with another secret is refused");
                assertEquals(3, outbox(bundle, "PENDING"), "a refused delivery is not delivered");
            }
            // the same store, now signing with the old and the new secret: the receiver verifies by the new one
            settings.put("ota.sync.webhook.secret", old + "," + rotated);
            try (RunningBundle bundle = RunningBundle.start(dir.resolve("old"), settings)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> outbox(bundle, "DELIVERED") == 3);
                assertEquals(
                        workload.expectedIds(1),
                        hooks.verified().stream()
                                .map(d -> d.headers().get("webhook-id"))
                                .collect(Collectors.toSet()));
                WebhookReceiver.Delivery first = hooks.verified().get(0);
                assertEquals(2, first.headers().get("webhook-signature").split(" ").length);
            }
        }
    }

    private static void assertSameAsDetected(JsonNode detected, CloudEvent event, JsonSchema schema) throws Exception {
        assertEquals(
                detected.get("specversion").textValue(), event.getSpecVersion().toString());
        assertEquals(detected.get("source").textValue(), event.getSource().toString());
        assertEquals(detected.get("type").textValue(), event.getType());
        assertEquals(detected.get("subject").textValue(), event.getSubject());
        assertEquals(
                Instant.parse(detected.get("time").textValue()), event.getTime().toInstant());
        assertEquals(detected.get("datacontenttype").textValue(), event.getDataContentType());
        assertEquals(
                detected.get("dataschema").textValue(), event.getDataSchema().toString());
        CloudEventData data = event.getData();
        JsonNode read = JSON.readTree(data.toBytes());
        assertEquals(detected.get("data"), read, "the data as detected");
        assertEquals(Set.of(), event.getExtensionNames(), "no extension the bundle did not document");
        assertEquals("", ContractSchemas.errors(schema, detected));
    }

    private static List<CloudEvent> readKafka(String topic, int count, CloudEventsMode mode) {
        List<ConsumerRecord<String, CloudEvent>> records =
                KAFKA.broker().readFromStart(topic, count, CloudEventDeserializer.class);
        Set<String> expectedHeaders =
                mode == CloudEventsMode.STRUCTURED ? Set.of("content-type") : withPrefix("ce_", "content-type");
        for (ConsumerRecord<String, CloudEvent> record : records) {
            Set<String> headers = new TreeSet<>();
            for (Header header : record.headers()) {
                headers.add(header.key());
            }
            assertEquals(expectedHeaders, headers, "the Kafka binding's headers and nothing else");
            assertEquals(record.value().getSubject(), record.key(), "keyed by device");
        }
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static List<CloudEvent> readRabbit(Rabbit rabbit, int count, CloudEventsMode mode) {
        await().atMost(Duration.ofSeconds(30)).until(() -> rabbit.messages().size() >= count);
        List<CloudEvent> events = new ArrayList<>();
        for (GetResponse message : rabbit.messages()) {
            AMQP.BasicProperties properties = message.getProps();
            Map<String, Object> headers = properties.getHeaders() == null ? Map.of() : properties.getHeaders();
            assertEquals(
                    mode == CloudEventsMode.STRUCTURED ? Set.of() : withPrefix("cloudEvents:"),
                    new TreeSet<>(headers.keySet()),
                    "the AMQP binding's headers and nothing else");
            assertEquals(2, properties.getDeliveryMode(), "persistent");
            CloudEvent event = amqpReader(message).toEvent();
            assertEquals(event.getId(), properties.getMessageId());
            assertEquals(event.getType(), properties.getType());
            assertEquals(
                    event.getTime().toEpochSecond(),
                    properties.getTimestamp().toInstant().getEpochSecond());
            events.add(event);
        }
        return events;
    }

    /**
     * The AMQP binding's rules on an AMQP 0-9-1 message, with the SDK's readers: content_type tells
     * structured from binary; in binary mode the attributes are the cloudEvents:-prefixed headers.
     */
    private static MessageReader amqpReader(GetResponse message) {
        AMQP.BasicProperties properties = message.getProps();
        Map<String, Object> headers = properties.getHeaders() == null ? Map.of() : properties.getHeaders();
        return MessageUtils.parseStructuredOrBinaryMessage(
                properties::getContentType,
                format -> new GenericStructuredMessageReader(format, message.getBody()),
                () -> headers.containsKey("cloudEvents:specversion")
                        ? headers.get("cloudEvents:specversion").toString()
                        : null,
                version ->
                        new BaseGenericBinaryMessageReaderImpl<String, Object>(
                                version, BytesCloudEventData.wrap(message.getBody())) {
                            @Override
                            protected boolean isContentTypeHeader(String key) {
                                return key.equals("content-type");
                            }

                            @Override
                            protected boolean isCloudEventsHeader(String key) {
                                return key.startsWith("cloudEvents:");
                            }

                            @Override
                            protected String toCloudEventsKey(String key) {
                                return key.substring("cloudEvents:".length());
                            }

                            @Override
                            protected void forEachHeader(BiConsumer<String, Object> visitor) {
                                visitor.accept("content-type", properties.getContentType());
                                headers.forEach(visitor);
                            }

                            @Override
                            protected String toCloudEventsValue(Object value) {
                                return value.toString();
                            }
                        });
    }

    private static List<CloudEvent> readWebhooks(WebhookReceiver hooks, CloudEventsMode mode) {
        List<CloudEvent> events = new ArrayList<>();
        for (WebhookReceiver.Delivery delivery : hooks.verified()) {
            Set<String> ours = delivery.headers().keySet().stream()
                    .filter(h -> h.startsWith("ce-") || h.startsWith("webhook-"))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = new TreeSet<>(Set.of("webhook-id", "webhook-timestamp", "webhook-signature"));
            if (mode == CloudEventsMode.BINARY) {
                expected.addAll(withPrefix("ce-"));
            }
            assertEquals(expected, ours, "the HTTP binding's and Standard Webhooks' headers");
            for (String header : delivery.headers().keySet()) {
                assertTrue(
                        !header.startsWith("kafka.")
                                && !header.startsWith("spring_")
                                && !header.startsWith("camel")
                                && !header.startsWith("ota"),
                        "an internal header reached a webhook: " + header);
            }
            CloudEvent event = HttpMessageFactory.createReader(delivery.headers(), delivery.body())
                    .toEvent();
            assertEquals(event.getId(), delivery.headers().get("webhook-id"));
            events.add(event);
        }
        return events;
    }

    private static Set<String> withPrefix(String prefix, String... more) {
        Set<String> names = new TreeSet<>(Set.of(more));
        ATTRIBUTES.forEach(a -> names.add(prefix + a));
        return names;
    }

    /** The events as detected, by id: the feed's copies, never shaped by a binding. */
    private static Map<String, JsonNode> detected(RunningBundle bundle, String orgId) throws Exception {
        Map<String, JsonNode> events = new HashMap<>();
        for (JsonNode entry : JSON.readTree(bundle.post("/ota-sync/v1/events?limit=1000&orgId=" + orgId, null)
                        .body())
                .at("/data/events")) {
            events.put(entry.get("event").get("id").textValue(), entry.get("event"));
        }
        return events;
    }

    private static JsonSchema servedSchema(RunningBundle bundle, JsonNode event) throws Exception {
        URI dataschema = URI.create(event.get("dataschema").textValue());
        return ContractSchemas.of(
                JSON.readTree(bundle.send(HttpRequest.newBuilder(dataschema)).body()));
    }

    private static long outbox(RunningBundle bundle, String status) throws Exception {
        return JSON.readTree(bundle.post("/ota-sync/v1/outbox", null).body())
                .get("data")
                .get(status)
                .longValue();
    }
}
