package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel's consoles on the management server, opt-in: off, neither answers; on, the developer
 * console lists the routes and Jolokia reads a route's statistics over HTTP, but changes nothing.
 */
class ConsolesHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROUTE_BEAN =
            "org.apache.camel:context=ota-bridge,type=routes,name=%22device-upgrade-search%22";

    @TempDir
    Path data;

    private static HttpResponse<String> get(BundleEndpoint bundle, String path) throws Exception {
        return bundle.send(HttpRequest.newBuilder(bundle.management(path)).GET());
    }

    @Test
    void offByDefault() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, Map.of("ota.demo-data", ""))) {
            assertEquals(404, get(bundle, "/q/dev").statusCode());
            assertEquals(404, get(bundle, "/observe/jolokia/version").statusCode());
            assertEquals(200, get(bundle, "/observe/health/live").statusCode(), "the management server runs");
        }
    }

    @Test
    void onTheyShowTheRoutesAndTheirStatisticsAndJolokiaOnlyReads() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(
                data, Map.of("ota.console.dev.enabled", "true", "ota.console.jolokia.enabled", "true"))) {
            assertTrue(get(bundle, "/q/dev").body().contains("route:"), "the console lists its consoles");
            assertTrue(get(bundle, "/q/dev/route").body().contains("device-upgrade-search"));

            String search =
                    bundle.post(SearchApiHttpTest.DEVICES + "yourOrgId", "{}").body();
            assertTrue(search.contains("\"code\":0"), search);
            JsonNode exchanges = JSON.readTree(get(bundle, "/observe/jolokia/read/" + ROUTE_BEAN + "/ExchangesTotal")
                    .body());
            assertEquals(200, exchanges.get("status").intValue(), exchanges.toString());
            assertTrue(exchanges.get("value").longValue() >= 1, exchanges.toString());

            JsonNode stop = JSON.readTree(
                    get(bundle, "/observe/jolokia/exec/" + ROUTE_BEAN + "/stop").body());
            assertEquals(403, stop.get("status").intValue(), stop.toString());
            assertTrue(bundle.context()
                    .getRouteController()
                    .getRouteStatus("device-upgrade-search")
                    .isStarted());
        }
    }
}
