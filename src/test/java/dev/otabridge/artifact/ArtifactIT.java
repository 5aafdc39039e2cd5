package dev.otabridge.artifact;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.http.ChildBundle;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged artifact as an operator runs it: {@code java -jar} on one file with the class-data
 * archive built beside it, configured from the environment, checked over HTTP, stopped with SIGTERM.
 */
class ArtifactIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void theJarRunsOnItsClassDataArchiveAnswersAndStopsGracefully() throws Exception {
        Path jar = Path.of(System.getProperty("ota.artifact"));
        assertTrue(Files.isRegularFile(jar), "no artifact at " + jar + ": run mvn verify");
        Path log = work.resolve("bundle.log");
        Path loaded = work.resolve("loaded-classes.txt");
        // -Xshare:on: a JVM that cannot map the archive refuses to start instead of starting without it
        ChildBundle bundle = ChildBundle.startJar(
                jar,
                work.resolve("data"),
                log,
                Map.of("OTA_LOG_FORMAT", "json"),
                "-Xshare:on",
                "-XX:SharedArchiveFile=ota-bridge.jsa",
                "-Xlog:class+load=info:file=" + loaded);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String ready = bundle.send(HttpRequest.newBuilder(
                                bundle.management("/observe/health/ready?exposureLevel=oneline")))
                        .body();
                assertEquals("UP", JSON.readTree(ready).get("status").textValue(), ready);
            });

            JsonNode search = JSON.readTree(bundle.post(
                            "/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId=yourOrgId",
                            "{\"expression\":\"productKey='yourProductKey'\",\"pagination\":{\"pageNo\":1,\"pageSiz"
                                    + "e\":5}}")
                    .body());
            assertEquals(0, search.get("code").intValue());
            assertEquals(5, search.get("data").size());

            String metrics = bundle.send(HttpRequest.newBuilder(bundle.management("/observe/metrics")))
                    .body();
            assertTrue(
                    metrics.contains("ota_api_requests_seconds_count{code=\"0\",endpoint=\"http-ota-firmwares\"} 1"),
                    metrics);

            JsonNode openApi = JSON.readTree(bundle.post("/openapi.json", null).body());
            assertTrue(openApi.get("paths").has("/connect-service/v2.1/ota-jobs"));
        } finally {
            Integer exit = bundle.terminate(Duration.ofSeconds(30));
            assertNotNull(exit, "the bundle did not stop within 30 s of SIGTERM");
            // 143 = 128 + SIGTERM: the JVM exits by the signal after camel-main's shutdown hook ran
            assertTrue(exit == 0 || exit == 143, "exit code " + exit);
        }
        List<JsonNode> lines = Files.readAllLines(log).stream()
                .filter(l -> !l.isBlank())
                .map(ArtifactIT::json)
                .toList();
        assertTrue(lines.size() > 10);
        assertTrue(
                lines.stream().anyMatch(l -> l.get("message")
                        .textValue()
                        .matches("Apache Camel .* \\(ota-bridge\\) shutdown in .*")),
                "no completed shutdown in the log");

        // the archive holds what the start loads: the bundle's classes and nearly all of its libraries'
        List<String> classes = Files.readAllLines(loaded);
        assertTrue(
                classes.stream().anyMatch(l -> l.contains(" dev.otabridge.Application source: shared objects file")),
                "the bundle's main class was not read from the archive");
        long shared = classes.stream()
                .filter(l -> l.contains("source: shared objects file"))
                .count();
        assertTrue(shared > 0.9 * classes.size(), shared + " of " + classes.size() + " classes from the archive");
    }

    /** Every line of the log is one JSON object, with OTA_LOG_FORMAT=json. */
    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }
}
