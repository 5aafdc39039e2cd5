package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event feed over a socket: a long poll is answered as soon as a change it waits for is detected. */
class EventFeedHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void aLongPollOfOneDeviceIsAnsweredWithItsEventOnceDetected() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(
                data,
                Map.of(
                        "ota.demo-data", "",
                        "ota.sync.detect-trigger", "trigger.repeatInterval=200&trigger.repeatCount=-1"))) {
            long started = System.nanoTime();
            CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(() -> {
                try {
                    return JSON.readTree(bundle.post("/ota-sync/v1/events?orgId=o&assetId=a&wait=10", null)
                            .body());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String loaded = bundle.post(
                            "/ota-store/v1/records",
                            "{\"devices\":[{\"orgId\":\"o\",\"assetId\":\"a\",\"productKey\":\"p\",\"deviceKey\":\"d\","
                                    + "\"isUpgrading\":true}]}")
                    .body();
            assertTrue(loaded.contains("\"code\":0"), loaded);
            JsonNode answer = poll.get(10, TimeUnit.SECONDS);
            assertEquals(0, answer.get("code").intValue(), answer.toString());
            JsonNode events = answer.get("data").get("events");
            assertEquals(1, events.size(), answer.toString());
            assertEquals(
                    "UPGRADE_STARTED", events.get(0).get("event").get("type").textValue());
            assertTrue(
                    System.nanoTime() - started < Duration.ofSeconds(9).toNanos(),
                    "answered when the event came, not when the wait ran out");
        }
    }

    @Test
    void theFleetSummaryOfTheDemoOrganizationCountsItsDevicesOverASocket() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, Map.of())) {
            JsonNode fleet = JSON.readTree(
                    bundle.post("/ota-sync/v1/fleet?orgId=yourOrgId", null).body());
            assertEquals(0, fleet.get("code").intValue(), fleet.toString());
            JsonNode demo = JSON.readTree(
                    bundle.post("/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId=yourOrgId", "{}")
                            .body());
            assertEquals(
                    demo.at("/pagination/totalSize").longValue(),
                    fleet.at("/data/devices").longValue());
            long grouped = 0;
            for (JsonNode group : fleet.at("/data/byProductAndVersion")) {
                grouped += group.get("devices").longValue();
            }
            assertEquals(fleet.at("/data/devices").longValue(), grouped, "every device is in one group");
            assertEquals(
                    99400,
                    JSON.readTree(bundle.post("/ota-sync/v1/fleet", null).body())
                            .get("code")
                            .intValue());
        }
    }
}
