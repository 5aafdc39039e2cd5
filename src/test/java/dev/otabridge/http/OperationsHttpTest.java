package dev.otabridge.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.sync.DeviceEvent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, metrics and the OpenAPI document, as an operator and a client team get them over HTTP. */
class OperationsHttpTest {

    @RegisterExtension
    static final BundleExtension BUNDLE = new BundleExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> get(String path) throws Exception {
        return BUNDLE.send(HttpRequest.newBuilder(BUNDLE.uri(path)).GET());
    }

    /** On the management server, a port of its own by default. */
    private static HttpResponse<String> observe(String path) throws Exception {
        return BUNDLE.send(HttpRequest.newBuilder(BUNDLE.management(path)).GET());
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortOnly() throws Exception {
        assertTrue(BUNDLE.management("/").getPort() != BUNDLE.uri("/").getPort());
        assertEquals(200, observe("/observe/health/live").statusCode());
        assertEquals(404, get("/observe/health/live").statusCode(), "not on the API's port");
        assertEquals(404, get("/observe/metrics").statusCode(), "not on the API's port");
    }

    @Test
    void readinessCoversTheStore() throws Exception {
        // consumers report DOWN until their first poll: a just-started bundle becomes ready within seconds
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String ready = observe("/observe/health/ready?exposureLevel=full").body();
            assertEquals("UP", JSON.readTree(ready).get("status").textValue(), ready);
        });
        JsonNode health = JSON.readTree(
                observe("/observe/health/ready?exposureLevel=full").body());
        List<String> checks = new ArrayList<>();
        health.get("checks")
                .forEach(c -> checks.add(
                        c.get("name").textValue() + "=" + c.get("status").textValue()));
        assertTrue(checks.contains("store=UP"), checks.toString());
        assertEquals(200, observe("/observe/health/live").statusCode());
    }

    @Test
    void metricsCountAnswersByEndpointAndCodeAndExpressionErrorsByKind() throws Exception {
        BUNDLE.post(SearchApiHttpTest.JOBS + "yourOrgId", "{\"expression\":\"status != 'x'\"}");
        BUNDLE.post(SearchApiHttpTest.DEVICES + "yourOrgId", "{}");
        String metrics = observe("/observe/metrics").body();
        assertTrue(
                metrics.contains("ota_api_requests_seconds_count{code=\"99400\",endpoint=\"http-ota-jobs\"}"), metrics);
        assertTrue(metrics.contains("ota_api_requests_seconds_count{code=\"0\",endpoint=\"http-ota-firmwares\"}"));
        assertTrue(metrics.contains("ota_api_requests_seconds_bucket{code=\"0\",endpoint=\"http-ota-firmwares\",le="));
        assertTrue(metrics.contains("ota_expression_errors_total{api=\"searchOtaJob\",kind=\"operator-not-allowed\"}"));
        assertTrue(metrics.contains("ota_sync_outbox{status=\"PENDING\"}"));
        assertTrue(metrics.contains("ota_sync_outbox{status=\"PARKED\"}"));
        assertTrue(metrics.contains("jvm_memory_used_bytes{area=\"heap\""), "the JVM's own metrics too");
        assertTrue(metrics.contains("jvm_gc_pause_seconds") || metrics.contains("jvm_gc_memory_allocated_bytes_total"));
    }

    @Test
    void theOpenApiDocumentHoldsToTheContract() throws Exception {
        JsonNode api = JSON.readTree(get("/openapi.json").body());
        assertTrue(api.get("openapi").textValue().startsWith("3."));
        for (String[] endpoint : new String[][] {
            {"/connect-service/v2.1/ota-firmwares", "searchDeviceUpgrade", "DeviceFirmware"},
            {"/connect-service/v2.1/ota-jobs", "search", "JobInfo"}
        }) {
            JsonNode post = api.get("paths").get(endpoint[0]).get("post");
            Set<String> required = new TreeSet<>();
            post.get("parameters").forEach(p -> {
                assertEquals("query", p.get("in").textValue());
                if (p.get("required").booleanValue()) {
                    required.add(p.get("name").textValue());
                }
                if (p.get("name").textValue().equals("action")) {
                    assertEquals(
                            "[\"" + endpoint[1] + "\"]",
                            p.get("schema").get("enum").toString());
                }
            });
            assertEquals(Set.of("action", "orgId"), required);
            JsonNode ok = post.get("responses").get("200");
            assertTrue(ok.get("description").textValue().contains("{code, msg, requestId, data, pagination}"));
            assertEquals(
                    "#/components/schemas/" + endpoint[2],
                    ok.get("content")
                            .get("application/json")
                            .get("schema")
                            .get("items")
                            .get("$ref")
                            .textValue());
        }
        assertEquals(
                Set.of("orgId", "assetId", "productKey", "deviceKey", "firmwareVersion", "isUpgrading"),
                fields(api, "DeviceFirmware"));
        assertTrue(
                fields(api, "JobInfo")
                        .containsAll(Set.of(
                                "orgId",
                                "productKey",
                                "jobId",
                                "name",
                                "firmwareId",
                                "firmwareVersion",
                                "firmwareName",
                                "type",
                                "enableUpgradeRequest",
                                "upgradePolicy",
                                "upgradeScope",
                                "upgradeTimeout",
                                "status",
                                "createTime")),
                fields(api, "JobInfo").toString());
        for (String path : List.of("/ota-store/v1/records", "/ota-sync/v1/events", "/ota-sync/v1/outbox")) {
            assertTrue(api.get("paths").has(path), path);
        }
        Map<String, JsonNode> feed = new TreeMap<>();
        api.get("paths")
                .get("/ota-sync/v1/events")
                .get("get")
                .get("parameters")
                .forEach(p -> feed.put(p.get("name").textValue(), p));
        assertEquals(Set.of("after", "limit", "orgId", "type", "productKey", "assetId", "wait"), feed.keySet());
        assertEquals(
                "#/components/schemas/FeedPage",
                api.at("/paths/~1ota-sync~1v1~1events/get/responses/200/content/application~1json/schema/$ref")
                        .textValue());
        assertEquals(Set.of("events", "nextCursor"), fields(api, "FeedPage"));
        assertTrue(fields(api, "Fleet").containsAll(Set.of("devices", "outbox", "latestEvents", "cursor")));
        assertEquals(
                Set.of("pending", "parked", "oldestPendingDetectedAt", "deliveryLagSeconds"), fields(api, "Backlog"));
        assertEquals(Set.of("cursor", "status", "event"), fields(api, "Entry"));
        assertTrue(fields(api, "DeviceEvent").containsAll(Set.of("id", "type", "subject", "dataschema", "data")));
        assertEquals(
                Arrays.stream(DeviceEvent.Type.values())
                        .map(Enum::name)
                        .toList()
                        .toString(),
                feed.get("type")
                        .get("schema")
                        .get("enum")
                        .toString()
                        .replace("\"", "")
                        .replace(",", ", "));
    }

    @Test
    void theFleetConsoleIsServedFromTheJarUnderAPolicyThatRunsOnlyItsOwnFiles() throws Exception {
        for (String[] file : new String[][] {
            {"/console", "index.html", "text/html; charset=utf-8"},
            {"/console/", "index.html", "text/html; charset=utf-8"},
            {"/console/console.js", "console.js", "text/javascript; charset=utf-8"},
            {"/console/console.css", "console.css", "text/css; charset=utf-8"}
        }) {
            HttpResponse<String> served = get(file[0]);
            assertEquals(200, served.statusCode(), file[0]);
            assertEquals(file[2], served.headers().firstValue("Content-Type").orElse(""));
            assertEquals(
                    "nosniff",
                    served.headers().firstValue("X-Content-Type-Options").orElse(""));
            String policy =
                    served.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.startsWith("default-src 'none'; script-src 'self';"), policy);
            try (var resource = getClass().getClassLoader().getResourceAsStream("console/" + file[1])) {
                assertEquals(
                        new String(resource.readAllBytes(), StandardCharsets.UTF_8).strip(),
                        served.body().strip());
            }
        }
        for (String other :
                List.of("/console/application.properties", "/console/index.html", "/application.properties")) {
            assertEquals(404, get(other).statusCode(), other);
        }
    }

    private static Set<String> fields(JsonNode api, String schema) {
        Set<String> names = new TreeSet<>();
        api.get("components")
                .get("schemas")
                .get(schema)
                .get("properties")
                .fieldNames()
                .forEachRemaining(names::add);
        return names;
    }
}
