package dev.otabridge.services;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import dev.otabridge.http.InMemoryTracing;
import dev.otabridge.http.RunningBundle;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A traced bundle's events on a real Kafka broker, RabbitMQ and a webhook receiver: each message
 * carries its delivery's {@code traceparent}, a span under the one its transition was detected in,
 * and the CloudEvents distributed-tracing extension names that detection span.
 */
@ServicesTest
class TracedEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "ota-traced";

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path data;

    @RegisterExtension
    final InMemoryTracing tracing = new InMemoryTracing();

    @Test
    void everyDeliveryIsASpanUnderItsDetectionAndCarriesBothContexts() throws Exception {
        String secret = WebhookReceiver.newSecret();
        UpgradeFlips workload = new UpgradeFlips("traced", 3);
        try (Rabbit rabbit = new Rabbit();
                WebhookReceiver hooks = WebhookReceiver.verifyingWith(secret)) {
            Map<String, String> settings =
                    UpgradeFlips.relayTo("kafka:" + TOPIC + "," + rabbit.target() + "," + hooks.url("/hooks/traced"));
            settings.put("ota.kafka.brokers", KAFKA.broker().bootstrap());
            settings.put("ota.sync.cloudevents.mode", "binary");
            settings.put("ota.sync.webhook.secret", secret);
            settings.put("ota.tracing.enabled", "true");
            try (RunningBundle bundle = RunningBundle.start(data, settings, tracing.beans())) {
                workload.flip((path, body) -> bundle.post(path, body).body(), 0, 1);
                int events = workload.devices();
                await().atMost(Duration.ofSeconds(60))
                        .until(() ->
                                delivered(bundle) == events && hooks.verified().size() == events);
                Map<String, String> detectedIn = detectedIn(bundle, workload.orgId());
                assertEquals(events, detectedIn.size());

                List<Map<String, String>> received = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record :
                        KAFKA.broker().readFromStart(TOPIC, events, ByteArrayDeserializer.class)) {
                    Map<String, String> headers = new HashMap<>();
                    record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                    received.add(Map.of(
                            "transport", "kafka",
                            "id", headers.get("ce_id"),
                            "traceparent", headers.get("traceparent"),
                            "detection", headers.get("ce_traceparent")));
                }
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> rabbit.messages().size() >= events);
                for (GetResponse message : rabbit.messages()) {
                    Map<String, Object> headers = message.getProps().getHeaders();
                    received.add(Map.of(
                            "transport", "amqp",
                            "id", message.getProps().getMessageId(),
                            "traceparent", String.valueOf(headers.get("traceparent")),
                            "detection", String.valueOf(headers.get("cloudEvents:traceparent"))));
                }
                for (WebhookReceiver.Delivery delivery : hooks.verified()) {
                    received.add(Map.of(
                            "transport", "webhook",
                            "id", delivery.headers().get("ce-id"),
                            "traceparent", delivery.headers().get("traceparent"),
                            "detection", delivery.headers().get("ce-traceparent")));
                }
                assertEquals(3 * events, received.size());
                for (Map<String, String> message : received) {
                    assertDeliveredUnderItsDetection(message, detectedIn);
                }
            }
        }
    }

    private void assertDeliveredUnderItsDetection(Map<String, String> message, Map<String, String> detectedIn) {
        String detection = detectedIn.get(message.get("id"));
        assertEquals(detection, message.get("detection"), "the CloudEvents traceparent is the detection's: " + message);
        String[] detected = detection.split("-");
        SpanData detectionSpan = tracing.span(detected[2]).orElseThrow();
        assertEquals("detect-bean", detectionSpan.getName(), "the detection step of a detection tick");
        assertEquals(
                "quartz",
                tracing.span(detectionSpan.getParentSpanId())
                        .map(SpanData::getName)
                        .orElse(null),
                "the detection step is under its Quartz tick's span: "
                        + InMemoryTracing.names(tracing.ofTrace(detectionSpan.getTraceId())));

        String[] delivery = message.get("traceparent").split("-");
        assertEquals(detected[1], delivery[1], "the delivery is in the detection's trace: " + message);
        List<SpanData> trace = tracing.ofTrace(detected[1]);
        SpanData sent = await().atMost(Duration.ofSeconds(10))
                .until(() -> tracing.span(delivery[2]), java.util.Optional::isPresent)
                .orElseThrow();
        assertTrue(
                tracing.descendsFrom(sent, detectionSpan.getSpanId()),
                message.get("transport") + "'s send is under the detection: " + InMemoryTracing.names(trace));
    }

    /** Each event's id, and the trace context it was detected in, from the feed. */
    private static Map<String, String> detectedIn(RunningBundle bundle, String orgId) throws Exception {
        Map<String, String> contexts = new HashMap<>();
        for (JsonNode entry : JSON.readTree(
                        bundle.post("/ota-sync/v1/events?orgId=" + orgId, null).body())
                .at("/data/events")) {
            contexts.put(
                    entry.at("/event/id").textValue(),
                    entry.at("/event/traceparent").textValue());
        }
        return contexts;
    }

    private static long delivered(RunningBundle bundle) throws Exception {
        return JSON.readTree(bundle.post("/ota-sync/v1/outbox", null).body())
                .at("/data/DELIVERED")
                .longValue();
    }
}
