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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Mirror mode end to end: bundle A (its own store, the token flow on) is the upstream of bundle B,
 * through a proxy that can fail. B mirrors A's devices and jobs page by page, serves them from its
 * own search, and turns what changes on A into events, through error answers and stalled calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class MirrorHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEVICES = 450;
    private static final int FLIPPED = 10;
    private static final int RATE = 16;
    /** m1 stays as loaded; the upgrades of m2 flip while the upstream fails: each test its own organization. */
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
                  {"accessKey": "mirror", "secret": "s-mirror", "orgIds": ["m1", "m2"], "permissions": ["Firmware/Read",
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
        load("m1", false);
        load("m2", false);
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
                Map.entry("ota.mirror.org-ids", "m1,m2"),
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

    /** Every device of {@code orgId} idle, except the first FLIPPED when {@code flippedUpgrading}. */
    private void load(String orgId, boolean flippedUpgrading) throws Exception {
        StringBuilder devices = new StringBuilder();
        for (int d = 0; d < DEVICES; d++) {
            devices.append(d == 0 ? "" : ",")
                    .append("{\"orgId\":\"")
                    .append(orgId)
                    .append("\",\"assetId\":\"dev")
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

    /** The ids of the {@code sequence}th event of the first {@code devices} devices of {@code orgId}. */
    private static Set<String> eventIds(String orgId, int devices, int sequence) {
        Set<String> ids = new HashSet<>();
        for (int d = 0; d < devices; d++) {
            ids.add(DeviceEvent.idFor(orgId, String.format("dev%03d", d), sequence));
        }
        return ids;
    }

    @Test
    void theMirrorServesEveryPageTheUpstreamHoldsAndWritesOnlyWhatChanged() throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> allPages(mirror, null, SEARCH_DEVICES).size() == DEVICES);
        assertEquals(allPages(upstream, reader(), SEARCH_DEVICES), allPages(mirror, null, SEARCH_DEVICES));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> allPages(mirror, null, SEARCH_JOBS).size() == 3);
        assertEquals(allPages(upstream, reader(), SEARCH_JOBS), allPages(mirror, null, SEARCH_JOBS));
        Set<String> m1Events = new HashSet<>(mirroredEventIds());
        m1Events.retainAll(eventIds("m1", DEVICES, 1));
        assertTrue(m1Events.isEmpty(), "idle devices seen for the first time are no transition");

        double written = mirror.metric("ota_mirror_rows_written_total{kind=\"devices\"");
        double read = mirror.metric("ota_mirror_rows_read_total{kind=\"devices\"");
        // a later pass reads every device of m1 again
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mirror.metric("ota_mirror_rows_read_total{kind=\"devices\"") >= read + DEVICES);
        assertEquals(
                written,
                mirror.metric("ota_mirror_rows_written_total{kind=\"devices\""),
                "and writes nothing that did not change");
    }

    @Test
    void upstreamTransitionsBecomeMirrorEventsThroughErrorsAndStalls() throws Exception {
        load("m2", true);
        await().atMost(Duration.ofSeconds(30)).until(() -> mirroredEventIds().containsAll(eventIds("m2", FLIPPED, 1)));

        double failures = mirror.metric("ota_mirror_failures_total");
        proxy.mode(FaultyProxy.Mode.UNAVAILABLE);
        load("m2", false);
        await().atMost(Duration.ofSeconds(30)).until(() -> mirror.metric("ota_mirror_failures_total") > failures);
        for (FaultyProxy.Mode failing : List.of(FaultyProxy.Mode.STALL, FaultyProxy.Mode.ENVELOPE_ERROR)) {
            int calls = proxy.calls().size();
            proxy.mode(failing);
            await().atMost(Duration.ofSeconds(30)).until(() -> proxy.calls().size() >= calls + 2);
        }
        Set<String> m2Events = new HashSet<>(mirroredEventIds());
        m2Events.removeAll(eventIds("m2", FLIPPED, 1));
        m2Events.retainAll(eventIds("m2", DEVICES, 2));
        assertTrue(m2Events.isEmpty(), "nothing new came through while the upstream failed");
        proxy.mode(FaultyProxy.Mode.PASS);

        // a device that starts upgrading after the others finished: once its event is there, every
        // write of the passes before it has been judged
        loadSentinel();
        Set<String> expected = new HashSet<>(eventIds("m2", FLIPPED, 1));
        expected.addAll(eventIds("m2", FLIPPED, 2));
        expected.add(DeviceEvent.idFor("m2", "sentinel", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> mirroredEventIds().containsAll(expected));
        Set<String> m2 = new HashSet<>(mirroredEventIds());
        m2.removeIf(id -> !id.equals(DeviceEvent.idFor("m2", "sentinel", 1))
                && !eventIds("m2", DEVICES, 1).contains(id)
                && !eventIds("m2", DEVICES, 2).contains(id));
        assertEquals(expected, m2, "each flip once, and nothing for the devices that did not change");
    }

    private void loadSentinel() throws Exception {
        String answer = admin().call(
                        "/ota-store/v1/records",
                        "{\"devices\":[{\"orgId\":\"m2\",\"assetId\":\"sentinel\",\"productKey\":\"p0\","
                                + "\"deviceKey\":\"ks\",\"firmwareVersion\":\"1.0\",\"isUpgrading\":true}]}")
                .body();
        assertTrue(answer.contains("\"code\":0"), answer);
    }

    /**
     * A bucket of RATE calls that refills at RATE a second: in any second, at most 2 × RATE calls (a full bucket, then
     * its refill).
     */
    @Test
    void theMirrorKeepsToItsRequestRate() {
        await().atMost(Duration.ofSeconds(30)).until(() -> proxy.calls().size() > 4 * RATE);
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
