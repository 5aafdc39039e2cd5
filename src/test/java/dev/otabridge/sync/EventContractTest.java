package dev.otabridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document of every kind of target, in both modes, is valid AsyncAPI 3.0.0 and says what goes out. */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventSchema SCHEMA = new EventSchema(JSON, "https://ota.example.com");
    private static final String TARGETS = "kafka:ota-upgrade-events,"
            + "spring-rabbitmq:ota.events?queues=ota.${header.OtaEventType}&routingKey=${header.OtaEventType}"
            + "&connectionFactory=#rabbitConnectionFactory&password=hunter2,"
            + "https://hook:hunter2@receiver.example:8443/hooks/${header.OtaEventType}?token=hunter2";
    private static final EventContract.Brokers BROKERS =
            new EventContract.Brokers("kafka1:9092,kafka2:9092", "rabbit.example", 5672, "/");

    private static JsonNode document(CloudEventsMode mode) throws Exception {
        return JSON.readTree(new EventContract(JSON, SCHEMA, TARGETS, mode, true, BROKERS).document());
    }

    @Test
    void isValidAsyncApiInBothModes() throws Exception {
        JsonSchema asyncApi = ContractSchemas.asyncApi();
        for (CloudEventsMode mode : CloudEventsMode.values()) {
            assertEquals("", ContractSchemas.errors(asyncApi, document(mode)), mode.name());
        }
    }

    @Test
    void aBrokenDocumentIsCaughtByTheValidatorDownToTheBindings() throws Exception {
        JsonSchema asyncApi = ContractSchemas.asyncApi();
        JsonNode wrongAddress = document(CloudEventsMode.STRUCTURED);
        ((ObjectNode) wrongAddress.get("channels").get("target1")).put("address", 42);
        assertFalse(ContractSchemas.errors(asyncApi, wrongAddress).isEmpty(), "a channel's address is a string");
        JsonNode wrongAction = document(CloudEventsMode.STRUCTURED);
        ((ObjectNode) wrongAction.get("operations").get("sendTarget1")).put("action", "publish");
        assertFalse(ContractSchemas.errors(asyncApi, wrongAction).isEmpty(), "AsyncAPI 3 operations send or receive");
        JsonNode wrongBinding = document(CloudEventsMode.STRUCTURED);
        ((ObjectNode) wrongBinding
                        .get("channels")
                        .get("target2")
                        .get("bindings")
                        .get("amqp"))
                .put("is", "topic");
        assertFalse(
                ContractSchemas.errors(asyncApi, wrongBinding).isEmpty(), "an AMQP channel is a routingKey or queue");
    }

    @Test
    void channelsNameTheTopicExchangeAndPathButNoCredentialOrOption() throws Exception {
        JsonNode doc = document(CloudEventsMode.STRUCTURED);
        assertFalse(doc.toString().contains("hunter2"), doc.toPrettyString());
        assertFalse(doc.toString().contains("connectionFactory"), doc.toPrettyString());
        JsonNode channels = doc.get("channels");
        assertEquals(
                "ota-upgrade-events", channels.get("target1").get("address").textValue());
        assertEquals(
                "ota.events/{eventType}", channels.get("target2").get("address").textValue());
        assertEquals(
                "/hooks/{eventType}", channels.get("target3").get("address").textValue());
        assertTrue(channels.get("target2").get("parameters").has("eventType"));
        assertEquals(
                "kafka1:9092,kafka2:9092",
                doc.get("servers").get("kafka").get("host").textValue());
        assertEquals(
                "receiver.example:8443",
                doc.get("servers").get("target3").get("host").textValue());
    }

    @Test
    void eachTransportsMessageHasItsBindingsHeadersAndPayload() throws Exception {
        JsonNode structured =
                document(CloudEventsMode.STRUCTURED).get("components").get("messages");
        assertEquals(
                "application/cloudevents+json; charset=UTF-8",
                structured
                        .get("kafkaEvent")
                        .get("headers")
                        .get("properties")
                        .get("content-type")
                        .get("const")
                        .textValue());
        assertEquals(
                "application/cloudevents+json",
                structured.get("amqpEvent").get("contentType").textValue());
        assertEquals(
                0,
                structured.get("amqpEvent").get("headers").get("required").size(),
                "structured AMQP carries no application header but a traced bundle's traceparent");
        for (String message : List.of("kafkaEvent", "amqpEvent", "httpEvent")) {
            JsonNode headers = structured.get(message).get("headers");
            assertTrue(headers.get("properties").has("traceparent"), message);
            assertFalse(headers.get("required").toString().contains("traceparent"), "only when traced: " + message);
        }
        assertEquals(
                "#/components/schemas/DeviceUpgradeEvent",
                structured.get("httpEvent").get("payload").get("$ref").textValue());
        assertTrue(structured.get("httpEvent").get("headers").get("properties").has("webhook-signature"));

        JsonNode binary = document(CloudEventsMode.BINARY).get("components").get("messages");
        for (String attribute : PublishedEvent.ATTRIBUTES) {
            assertTrue(binary.get("kafkaEvent").get("headers").get("properties").has("ce_" + attribute), attribute);
            assertTrue(binary.get("amqpEvent").get("headers").get("properties").has("cloudEvents:" + attribute));
            assertTrue(binary.get("httpEvent").get("headers").get("properties").has("ce-" + attribute));
        }
        assertTrue(binary.get("kafkaEvent").get("headers").get("properties").has("ce_traceparent"));
        assertTrue(binary.get("amqpEvent").get("headers").get("properties").has("cloudEvents:traceparent"));
        assertFalse(binary.get("httpEvent")
                .get("headers")
                .get("required")
                .toString()
                .contains("traceparent"));
        assertEquals(
                "#/components/schemas/DeviceUpgradeEventData",
                binary.get("kafkaEvent").get("payload").get("$ref").textValue());
    }

    @Test
    void theEventSchemaDescribesEveryFieldOfTheEventRecord() throws Exception {
        JsonNode schema = JSON.readTree(SCHEMA.served());
        assertEquals(
                "https://ota.example.com/schemas/device-upgrade-event-1.json",
                schema.get("$id").textValue());
        assertEquals(
                java.util.List.of(DeviceEvent.class
                        .getAnnotation(com.fasterxml.jackson.annotation.JsonPropertyOrder.class)
                        .value()),
                java.util.List.copyOf(iterable(schema.get("properties").fieldNames())));
        assertEquals(
                java.util.List.of(DeviceEvent.Data.class
                        .getAnnotation(com.fasterxml.jackson.annotation.JsonPropertyOrder.class)
                        .value()),
                java.util.List.copyOf(iterable(
                        schema.get("definitions").get("data").get("properties").fieldNames())));
    }

    private static java.util.List<String> iterable(java.util.Iterator<String> names) {
        java.util.List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
