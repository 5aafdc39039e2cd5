package dev.otabridge.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A traced bundle over a socket, its spans kept in memory: a search continues the caller's W3C
 * trace, and its parse, SQL and envelope steps are spans under the request's.
 */
class TracingHttpTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @TempDir
    Path data;

    @RegisterExtension
    final InMemoryTracing tracing = new InMemoryTracing();

    @Test
    void aSearchContinuesTheCallersTraceWithItsParseSqlAndEnvelopeSteps() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, Map.of("ota.tracing.enabled", "true"), tracing.beans())) {
            String answer = bundle.send(HttpRequest.newBuilder(bundle.uri(
                                    "/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId=yourOrgId"))
                            .header("Content-Type", "application/json")
                            .header("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-01")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"expression\":\"isUpgrading = true\"}")))
                    .body();
            assertTrue(answer.contains("\"code\":0"), answer);

            List<SpanData> trace = await().atMost(Duration.ofSeconds(10))
                    .until(() -> tracing.ofTrace(TRACE), spans -> spans.stream()
                            .anyMatch(s -> s.getName().startsWith("/connect-service")));
            List<SpanData> requests = trace.stream()
                    .filter(s -> s.getParentSpanId().equals(CALLER_SPAN))
                    .toList();
            assertEquals(1, requests.size(), InMemoryTracing.names(trace));
            SpanData request = requests.get(0);
            assertEquals("/connect-service/v2.1/ota-firmwares", request.getName());
            for (String step : List.of(
                    "read-device-upgrade-search-bean",
                    "run-device-upgrade-search-bean",
                    "envelope-search-device-upgrade-bean")) {
                assertTrue(
                        trace.stream()
                                .anyMatch(
                                        s -> s.getName().equals(step) && tracing.descendsFrom(s, request.getSpanId())),
                        step + " under the request's span: " + InMemoryTracing.names(trace));
            }
            assertTrue(
                    trace.stream().allMatch(s -> s == request || tracing.descendsFrom(s, request.getSpanId())),
                    "every span of the trace is under the request's: " + InMemoryTracing.names(trace));
        }
    }

    @Test
    void untracedNoSpanIsMadeAndNoEventCarriesATraceContext() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, Map.of(), tracing.beans())) {
            assertTrue(
                    bundle.post("/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId=yourOrgId", "{}")
                            .body()
                            .contains("\"code\":0"));
            String feed = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> bundle.post("/ota-sync/v1/events?orgId=yourOrgId", null)
                                    .body(),
                            events -> events.contains("\"UPGRADE_STARTED\""));
            assertTrue(!feed.contains("traceparent"), feed);
            assertEquals(List.of(), tracing.finished());
        }
    }
}
