package dev.otabridge.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.sync.ContractSchemas;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event contract over a socket: /asyncapi.json is valid AsyncAPI 3.0.0 for the configured
 * targets and names no secret; an emitted event's dataschema is served by the bundle, and the event
 * validates against it.
 */
class EventContractHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void theAsyncApiDocumentAndTheSchemaEveryEventNamesAreServed() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(
                data,
                Map.of(
                        "ota.demo-data", "",
                        "ota.sync.detect-trigger", "trigger.repeatInterval=200&trigger.repeatCount=-1",
                        "ota.sync.relay.enabled", "true",
                        // nobody listens there: the events stay pending, which this test does not mind
                        "ota.sync.targets", "http://hook:hunter2@127.0.0.1:9/hooks/${header.OtaEventType}",
                        "ota.sync.webhook.secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))) {
            HttpResponse<String> asyncApi = bundle.send(HttpRequest.newBuilder(bundle.uri("/asyncapi.json")));
            assertEquals(200, asyncApi.statusCode());
            assertTrue(asyncApi.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode document = JSON.readTree(asyncApi.body());
            assertEquals("", ContractSchemas.errors(ContractSchemas.asyncApi(), document));
            assertEquals(
                    "/hooks/{eventType}",
                    document.at("/channels/target1/address").textValue());
            assertFalse(asyncApi.body().contains("hunter2"), "no credential in the contract");
            assertFalse(asyncApi.body().contains("whsec_"), "no secret in the contract");

            String loaded = bundle.post(
                            "/ota-store/v1/records",
                            "{\"devices\":[{\"orgId\":\"o\",\"assetId\":\"a\",\"productKey\":\"p\",\"deviceKey\":\"d\","
                                    + "\"isUpgrading\":true}]}")
                    .body();
            assertTrue(loaded.contains("\"code\":0"), loaded);
            JsonNode event = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> JSON.readTree(bundle.post("/ota-sync/v1/events?orgId=o", null)
                                            .body())
                                    .at("/data/events/0/event"),
                            e -> !e.isMissingNode());
            URI dataschema = URI.create(event.get("dataschema").textValue());
            assertEquals(bundle.uri("/schemas/device-upgrade-event-1.json"), dataschema);
            HttpResponse<String> schema = bundle.send(HttpRequest.newBuilder(dataschema));
            assertEquals(200, schema.statusCode());
            JsonNode served = JSON.readTree(schema.body());
            assertEquals(dataschema.toString(), served.get("$id").textValue());
            assertEquals("", ContractSchemas.errors(ContractSchemas.of(served), event));
        }
    }
}
