package dev.otabridge.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.otabridge.sync.DeviceEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The workload of the delivery tests: {@code devices} devices go idle → upgrading → idle → ..., one
 * write through the store's loading endpoint per flip, so each flip is one transition per device.
 * What must come out is known in advance: one event id per (device, sequence).
 */
record UpgradeFlips(String orgId, int devices) {

    @FunctionalInterface
    interface Poster {
        String post(String path, String body) throws Exception;
    }

    /**
     * A bundle's settings for these tests: no demo data, fast detection, relaying to {@code target} with short retries.
     */
    static Map<String, String> relayTo(String target) {
        Map<String, String> settings = new HashMap<>();
        settings.put("ota.demo-data", "");
        settings.put("ota.sync.detect-trigger", "trigger.repeatInterval=200&trigger.repeatCount=-1");
        settings.put("ota.sync.relay.enabled", "true");
        settings.put("ota.sync.relay.period-millis", "100");
        settings.put("ota.sync.targets", target);
        settings.put("ota.sync.retry.first-delay-millis", "200");
        settings.put("ota.sync.retry.max-delay-millis", "2000");
        return settings;
    }

    void flip(Poster bundle, int fromFlip, int toFlip) throws Exception {
        for (int flip = fromFlip; flip < toFlip; flip++) {
            StringBuilder batch = new StringBuilder();
            for (int d = 0; d < devices; d++) {
                batch.append(d == 0 ? "" : ",")
                        .append("{\"orgId\":\"")
                        .append(orgId)
                        .append("\",\"assetId\":\"dev")
                        .append(d)
                        .append("\",\"productKey\":\"p\",\"deviceKey\":\"k\",\"firmwareVersion\":\"v")
                        .append(flip / 2)
                        .append("\",\"isUpgrading\":")
                        .append(flip % 2 == 0)
                        .append("}");
            }
            String answer = bundle.post("/ota-store/v1/records", "{\"devices\":[" + batch + "]}");
            assertTrue(answer.contains("\"code\":0"), answer);
        }
    }

    Set<String> expectedIds(int flips) {
        Set<String> ids = new HashSet<>();
        for (int d = 0; d < devices; d++) {
            for (int seq = 1; seq <= flips; seq++) {
                ids.add(DeviceEvent.idFor(orgId, "dev" + d, seq));
            }
        }
        return ids;
    }

    static Set<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.get("id").textValue()).collect(Collectors.toSet());
    }

    /**
     * Exactly the expected ids, and each device's events in order: a redelivered duplicate may repeat the last one
     * only.
     */
    static void assertExactlyInDeviceOrder(Set<String> expected, List<JsonNode> received) {
        assertEquals(expected, ids(received));
        Map<String, Long> lastSeq = new HashMap<>();
        for (JsonNode event : received) {
            String device = event.get("subject").textValue();
            long seq = event.get("data").get("sequence").longValue();
            long last = lastSeq.getOrDefault(device, 0L);
            assertTrue(seq == last || seq == last + 1, device + " went from " + last + " to " + seq);
            lastSeq.put(device, seq);
        }
    }
}
