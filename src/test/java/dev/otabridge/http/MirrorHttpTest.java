package dev.otabridge.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.sync.DeviceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Mirror mode end to end: bundle A (its own store, the token flow on) is the upstream of bundle B,
 * through a proxy that can fail. B mirrors A's devices and jobs page by page, serves them from its
 * own search, and turns what changes on A into events, through error answers and stalled calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class MirrorHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEVICES = 450;
    private static final int FLIPPED = 10;
    private static final int RATE = 8;
    private static final String SEARCH_DEVICES =
            "/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId=m1";
    private static final String SEARCH_JOBS = "/connect-service/v2.1/ota-jobs?action=search&orgId=m1";

    private Path dir;
    private RunningBundle upstream;
    private RunningBundle mirror;
    private FaultyProxy proxy;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("ota-mirror");
        Path accounts = dir.resolve("accounts.json");
        Files.writeString(accounts, """
                {"accounts": [
                  {"accessKey": "mirror", "secret": "s-mirror", "orgIds": ["m1"], "permissions": ["Firmware/Read",
                      "Firmware/Read OTA"]},
                  {"accessKey": "admin", "secret": "s-admin", "orgIds": [], "permissions": ["OtaBridge/Admin"]}
                ]}""");
        upstream = RunningBundle.start(
                dir.resolve("a"),
                Map.of(
                        "camel.main.name", "upstream",
                        "ota.demo-data", "",
                        "ota.security.accounts-file", accounts.toString(),
                        // short-lived tokens: the mirror must renew its own many times during the test
                        "ota.security.token-ttl-seconds", "2",
                        "ota.security.rate-limit-per-second", "1000"));
        load(false);
        String jobs =
                "{\"jobs\":[" + String.join(",", List.of(job("j1", 1000), job("j2", 2000), job("j3", 3000))) + "]}";
        assertTrue(admin().call("/ota-store/v1/records", jobs).body().contains("\"code\":0"));

        proxy = new FaultyProxy(upstream.uri("/"));
        Map<String, String> settings = new HashMap<>(Map.ofEntries(
                Map.entry("camel.main.name", "mirror"),
                Map.entry("ota.demo-data", ""),
                Map.entry("ota.sync.detect-trigger", "trigger.repeatInterval=200&trigger.repeatCount=-1"),
                Map.entry("ota.mirror.enabled", "true"),
                Map.entry("ota.mirror.url", proxy.url()),
                Map.entry("ota.mirror.app-key", "mirror"),
                Map.entry("ota.mirror.secret", "s-mirror"),
                Map.entry("ota.mirror.org-ids", "m1"),
                Map.entry("ota.mirror.trigger", "trigger.repeatInterval=300&trigger.repeatCount=-1"),
                Map.entry("ota.mirror.requests-per-second", String.valueOf(RATE)),
                Map.entry("ota.mirror.timeout-millis", "1000"),
                Map.entry("ota.mirror.retry.max-retries", "3"),
                Map.entry("ota.mirror.retry.first-delay-millis", "100"),
                Map.entry("ota.mirror.retry.max-delay-millis", "400")));
        settings.putAll(mirrorSettings());
        mirror = RunningBundle.start(dir.resolve("b"), settings);
    }

    /** More settings for the mirror, bundle B: where its events go. */
    protected Map<String, String> mirrorSettings() {
        return Map.of();
    }

    @AfterAll
    protected void stop() throws Exception {
        mirror.close();
        proxy.close();
        upstream.close();
    }

    private static String job(String id, long created) {
        return "{\"orgId\":\"m1\",\"productKey\":\"p\",\"jobId\":\"" + id + "\",\"name\":{\"defaultValue\":\"job " + id
                + "\",\"i18nValue\":{\"zh_CN\":\"任务 " + id + "\"}},\"firmwareId\":\"f1\",\"firmwareVersion\":\"2.0\","
                + "\"firmwareName\":{\"defaultValue\":\"fw\",\"i18nValue\":{}},\"type\":\"upgrade\",\"enableUpgradeR"
                + "equest\":false,"
                + "\"upgradePolicy\":null,\"upgradeScope\":null,\"upgradeTimeout\":7200,\"status\":\"started\",\"cre"
                + "ateTime\":"
                + created + "}";
    }

    /** A new token each time: the upstream's tokens live two seconds. */
    private SignedClient admin() throws Exception {
        return new SignedClient(upstream, "admin", "s-admin");
    }

    private SignedClient reader() throws Exception {
        return new SignedClient(upstream, "mirror", "s-mirror");
    }

    /** Every device idle, except the first FLIPPED when {@code flippedUpgrading}. */
    private void load(boolean flippedUpgrading) throws Exception {
        StringBuilder devices = new StringBuilder();
        for (int d = 0; d < DEVICES; d++) {
            devices.append(d == 0 ? "" : ",")
                    .append("{\"orgId\":\"m1\",\"assetId\":\"dev")
                    .append(String.format("%03d", d))
                    .append("\",\"productKey\":\"p")
                    .append(d % 3)
                    .append("\",\"deviceKey\":\"k")
                    .append(d)
                    .append("\",\"firmwareVersion\":\"1.")
                    .append(d % 4)
                    .append("\",\"isUpgrading\":")
                    .append(flippedUpgrading && d < FLIPPED)
                    .append("}");
        }
        String answer = admin().call("/ota-store/v1/records", "{\"devices\":[" + devices + "]}")
                .body();
        assertTrue(answer.contains("\"code\":0"), answer);
    }

    /** Every page of a search, data only: what A answers signed, what B answers open. */
    private static List<JsonNode> allPages(BundleEndpoint bundle, SignedClient signed, String search) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            String body = "{\"pagination\":{\"pageNo\":" + page + ",\"pageSize\":200}}";
            String answer = signed == null
                    ? bundle.post(search, body).body()
                    : signed.call(search, body).body();
            JSON.readTree(answer).get("data").forEach(rows::add);
        }
        return rows;
    }

    /** The ids of the events bundle B made: in its outbox here, in its queue where it relays. */
    protected Set<String> mirroredEventIds() throws Exception {
        JsonNode feed = JSON.readTree(
                mirror.post("/ota-sync/v1/events?limit=1000", null).body());
        Set<String> ids = new HashSet<>();
        feed.get("data")
                .get("events")
                .forEach(e -> ids.add(e.get("event").get("id").textValue()));
        return ids;
    }

    private static Set<String> flippedIds(int sequence) {
        Set<String> ids = new HashSet<>();
        for (int d = 0; d < FLIPPED; d++) {
            ids.add(DeviceEvent.idFor("m1", String.format("dev%03d", d), sequence));
        }
        return ids;
    }

    @Test
    @Order(1)
    void theMirrorServesEveryPageTheUpstreamHolds() throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> allPages(mirror, null, SEARCH_DEVICES).size() == DEVICES);
        assertEquals(allPages(upstream, reader(), SEARCH_DEVICES), allPages(mirror, null, SEARCH_DEVICES));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> allPages(mirror, null, SEARCH_JOBS).size() == 3);
        assertEquals(allPages(upstream, reader(), SEARCH_JOBS), allPages(mirror, null, SEARCH_JOBS));
        assertTrue(mirroredEventIds().isEmpty(), "idle devices seen for the first time are no transition");

        double written = metric("ota_mirror_rows_written_total{kind=\"devices\"");
        double read = metric("ota_mirror_rows_read_total{kind=\"devices\"");
        Thread.sleep(1_500);
        assertTrue(
                metric("ota_mirror_rows_read_total{kind=\"devices\"") > read, "later passes read the upstream again");
        assertEquals(
                written,
                metric("ota_mirror_rows_written_total{kind=\"devices\""),
                "and write nothing that did not change");
    }

    private double metric(String prefix) throws Exception {
        return mirror.post("/observe/metrics", null)
                .body()
                .lines()
                .filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }

    @Test
    @Order(2)
    void upstreamTransitionsBecomeMirrorEventsThroughErrorsAndStalls() throws Exception {
        load(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> mirroredEventIds().containsAll(flippedIds(1)));

        proxy.mode(FaultyProxy.Mode.UNAVAILABLE);
        load(false);
        Thread.sleep(1_500);
        proxy.mode(FaultyProxy.Mode.STALL);
        Thread.sleep(2_500);
        proxy.mode(FaultyProxy.Mode.ENVELOPE_ERROR);
        Thread.sleep(1_500);
        assertEquals(flippedIds(1), mirroredEventIds(), "nothing new came through while the upstream failed");
        assertTrue(metric("ota_mirror_failures_total") > 0, "a task was given up after its retries, and counted");
        proxy.mode(FaultyProxy.Mode.PASS);

        Set<String> expected = new HashSet<>(flippedIds(1));
        expected.addAll(flippedIds(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> mirroredEventIds().containsAll(expected));
        Thread.sleep(1_000);
        assertEquals(expected, mirroredEventIds(), "each flip once, and nothing for the devices that did not change");
    }

    /**
     * A bucket of RATE calls that refills at RATE a second: in any second, at most 2 × RATE calls (a full bucket, then
     * its refill).
     */
    @Test
    @Order(3)
    void theMirrorKeepsToItsRequestRate() {
        List<Long> calls = proxy.calls();
        assertTrue(calls.size() > 4 * RATE, "enough calls to judge: " + calls.size());
        for (int i = 0; i + 2 * RATE < calls.size(); i++) {
            long window = calls.get(i + 2 * RATE) - calls.get(i);
            assertTrue(window >= 950, (2 * RATE + 1) + " calls within " + window + " ms");
        }
        long seconds = (calls.get(calls.size() - 1) - calls.get(0)) / 1000 + 1;
        assertTrue(calls.size() <= RATE * (seconds + 1), calls.size() + " calls in " + seconds + " s");
    }
}
