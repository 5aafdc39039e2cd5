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
}
