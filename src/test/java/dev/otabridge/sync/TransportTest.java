package dev.otabridge.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageDeliveryMode;

/** Each target kind's wire shape of one event, in both modes, as the CloudEvents bindings give it. */
class TransportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYLOAD = "{\"specversion\":\"1.0\",\"id\":\"5b0c3e0e-8a3f-3c61-9d7e-0f0d2b8c4a11\","
            + "\"source\":\"urn:ota-bridge:test\",\"type\":\"UPGRADE_STARTED\",\"subject\":\"o/ü-1\","
            + "\"time\":\"2026-11-22T03:41:12.345Z\",\"datacontenttype\":\"application/json\","
            + "\"dataschema\":\"http://127.0.0.1:8080/schemas/device-upgrade-event-1.json\","
            + "\"data\":{\"orgId\":\"o\",\"assetId\":\"ü-1\",\"isUpgrading\":true,\"sequence\":1}}";
    private static final PublishedEvent EVENT = PublishedEvent.of(
            JSON,
            new OutboxEvent(
                    1, "5b0c3e0e-8a3f-3c61-9d7e-0f0d2b8c4a11", "o", "ü-1", "UPGRADE_STARTED", PAYLOAD, 0, 0, null));

    private static Message written(Transport transport, CloudEventsMode mode) {
        Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();
        message.setHeader("OtaEventType", "UPGRADE_STARTED");
        message.setHeader("kafka.KEY", "left over");
        message.setHeader("CamelSomething", "internal");
        transport.write(message, EVENT, mode);
        return message;
    }

    @Test
    void theTransportIsTheTargetsScheme() {
        assertEquals(Transport.KAFKA, Transport.of("kafka:ota-events?brokers=x"));
        assertEquals(Transport.AMQP, Transport.of("spring-rabbitmq:ota.events?queues=q"));
        assertEquals(Transport.HTTP, Transport.of("https://receiver.example/hooks"));
        assertEquals(Transport.HTTP, Transport.of("HTTP://receiver.example/hooks"));
        assertEquals(Transport.CAMEL, Transport.of("mock:all"));
    }

    @Test
    void kafkaStructuredIsTheEventWithItsContentTypeKeyedByDevice() {
        Message m = written(Transport.KAFKA, CloudEventsMode.STRUCTURED);
        assertEquals(PAYLOAD, m.getBody(String.class));
        assertEquals(
                Map.of("content-type", "application/cloudevents+json; charset=UTF-8", "kafka.KEY", "o/ü-1"),
                m.getHeaders());
    }

    @Test
    void kafkaBinaryIsTheDataWithCeHeaders() throws Exception {
        Message m = written(Transport.KAFKA, CloudEventsMode.BINARY);
        assertEquals(JSON.readTree(PAYLOAD).get("data"), JSON.readTree(m.getBody(String.class)));
        assertEquals("application/json", m.getHeader("content-type"));
        assertEquals("5b0c3e0e-8a3f-3c61-9d7e-0f0d2b8c4a11", m.getHeader("ce_id"));
        assertEquals("o/ü-1", m.getHeader("ce_subject"));
        assertEquals("2026-11-22T03:41:12.345Z", m.getHeader("ce_time"));
        assertEquals(
                Set.of(
                        "content-type",
                        "ce_specversion",
                        "ce_id",
                        "ce_source",
                        "ce_type",
                        "ce_subject",
                        "ce_time",
                        "ce_dataschema",
                        "kafka.KEY"),
                Set.copyOf(m.getHeaders().keySet()));
    }

    @Test
    void amqpCarriesTheAttributesAsPropertiesAndInBinaryModeAsCloudEventsHeaders() {
        Message structured = written(Transport.AMQP, CloudEventsMode.STRUCTURED);
        assertArrayEquals(PAYLOAD.getBytes(StandardCharsets.UTF_8), structured.getBody(byte[].class));
        assertEquals("application/cloudevents+json", structured.getHeader("CamelSpringRabbitmqContentType"));
        assertEquals("5b0c3e0e-8a3f-3c61-9d7e-0f0d2b8c4a11", structured.getHeader("CamelSpringRabbitmqMessageId"));
        assertEquals("UPGRADE_STARTED", structured.getHeader("CamelSpringRabbitmqType"));
        assertEquals(MessageDeliveryMode.PERSISTENT, structured.getHeader("CamelSpringRabbitmqDeliveryMode"));
        assertEquals(
                Date.from(Instant.parse("2026-11-22T03:41:12.345Z")),
                structured.getHeader("CamelSpringRabbitmqTimestamp"));
        assertTrue(
                structured.getHeaders().keySet().stream().allMatch(h -> h.startsWith("CamelSpringRabbitmq")),
                "no application header in structured mode: " + structured.getHeaders());

        Message binary = written(Transport.AMQP, CloudEventsMode.BINARY);
        assertEquals("application/json", binary.getHeader("CamelSpringRabbitmqContentType"));
        assertEquals("UPGRADE_STARTED", binary.getHeader("cloudEvents:type"));
        assertEquals("o/ü-1", binary.getHeader("cloudEvents:subject"));
        assertEquals(
                7,
                binary.getHeaders().keySet().stream()
                        .filter(h -> h.startsWith("cloudEvents:"))
                        .count());
    }

    @Test
    void httpPostsTheEventAsUtf8Bytes() throws Exception {
        Message structured = written(Transport.HTTP, CloudEventsMode.STRUCTURED);
        assertArrayEquals(PAYLOAD.getBytes(StandardCharsets.UTF_8), structured.getBody(byte[].class));
        assertEquals(
                Map.of("Content-Type", "application/cloudevents+json; charset=UTF-8", "CamelHttpMethod", "POST"),
                structured.getHeaders());
        Message binary = written(Transport.HTTP, CloudEventsMode.BINARY);
        assertEquals("application/json", binary.getHeader("Content-Type"));
        assertEquals("1.0", binary.getHeader("ce-specversion"));
        assertEquals("http://127.0.0.1:8080/schemas/device-upgrade-event-1.json", binary.getHeader("ce-dataschema"));
    }

    @Test
    void anUnknownModeStopsTheStartNamingTheSetting() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> CloudEventsMode.named("json"));
        assertTrue(refused.getMessage().contains("ota.sync.cloudevents.mode"), refused.getMessage());
        assertEquals(CloudEventsMode.BINARY, CloudEventsMode.named("binary"));
    }
}
