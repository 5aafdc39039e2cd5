package dev.otabridge.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.api.QueryString;
import dev.otabridge.mirror.MirrorTask;
import dev.otabridge.security.Signatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * upstream-mirror.yaml on the bundle's own configuration, with the upstream mocked: paging, signing, token reuse and
 * renewal, retries, giving up.
 */
class MirrorRoutesTest extends BundleRoutesTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_PATH = "/apim-token-service/v2.0/token/get";
    private static final int UPSTREAM_DEVICES = 250;

    private final List<Exchange> calls = new ArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    /** How many of the next device-page calls fail, and how. */
    private final AtomicInteger failuresLeft = new AtomicInteger();

    private volatile String failure = "";

    @Override
    protected Properties settings() {
        Properties p = new Properties();
        p.setProperty("ota.mirror.enabled", "false");
        p.setProperty("ota.mirror.trigger", "trigger.repeatInterval=3600000&trigger.repeatCount=-1");
        p.setProperty("ota.mirror.url", "http://upstream.invalid");
        p.setProperty("ota.mirror.app-key", "key");
        p.setProperty("ota.mirror.secret", "secret");
        p.setProperty("ota.mirror.org-ids", "m1");
        p.setProperty("ota.mirror.jobs", "true");
        p.setProperty("ota.mirror.page-size", "200");
        p.setProperty("ota.mirror.requests-per-second", "1000");
        p.setProperty("ota.mirror.retry.max-retries", "2");
        p.setProperty("ota.mirror.retry.first-delay-millis", "10");
        p.setProperty("ota.mirror.retry.max-delay-millis", "20");
        return p;
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        AdviceWith.adviceWith(context, "send-upstream", a -> a.weaveById("http-upstream")
                .replace()
                .to("mock:upstream"));
        MockEndpoint upstream = getMockEndpoint("mock:upstream");
        upstream.whenAnyExchangeReceived(this::answer);
        context.start();
    }

    /** The upstream: a token to whoever asks, devices in pages of the requested size, no jobs. */
    private void answer(Exchange exchange) throws Exception {
        calls.add(exchange.copy());
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        if (path.equals(TOKEN_PATH)) {
            exchange.getMessage()
                    .setBody("{\"status\":0,\"msg\":\"SUCCESS\",\"data\":{\"accessToken\":\"t"
                            + tokensIssued.incrementAndGet() + "\",\"expire\":7200}}");
            return;
        }
        if (path.contains("ota-firmwares") && failuresLeft.getAndDecrement() > 0) {
            if (failure.equals("unavailable")) {
                throw new java.io.IOException("connection refused");
            }
            exchange.getMessage().setBody("{\"code\":" + failure + ",\"msg\":\"no\",\"data\":null}");
            return;
        }
        JsonNode pagination =
                JSON.readTree(exchange.getMessage().getBody(String.class)).get("pagination");
        int pageNo = pagination.get("pageNo").intValue();
        int pageSize = pagination.get("pageSize").intValue();
        StringBuilder data = new StringBuilder();
        if (path.contains("ota-firmwares")) {
            for (int d = (pageNo - 1) * pageSize; d < Math.min(pageNo * pageSize, UPSTREAM_DEVICES); d++) {
                data.append(data.length() == 0 ? "" : ",")
                        .append("{\"orgId\":\"elsewhere\",\"assetId\":\"a")
                        .append(d)
                        .append("\",\"productKey\":\"p\",\"deviceKey\":\"k\",\"firmwareVersion\":\"1\",\"isUpgradin"
                                + "g\":false}");
            }
        }
        int total = path.contains("ota-firmwares") ? UPSTREAM_DEVICES : 0;
        exchange.getMessage()
                .setBody("{\"code\":0,\"msg\":\"OK\",\"requestId\":\"r\",\"data\":[" + data
                        + "],\"pagination\":{\"pageNo\":" + pageNo + ",\"pageSize\":" + pageSize + ",\"totalSize\":"
                        + total + "}}");
    }

    private void mirror(MirrorTask.Kind kind) {
        template.sendBody("direct:mirror-task", new MirrorTask("m1", kind));
    }

    private long storedDevices() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM device_firmware WHERE org_id = 'm1'", Long.class);
    }

    private List<String> paths() {
        return calls.stream()
                .map(c -> c.getMessage().getHeader(Exchange.HTTP_PATH, String.class))
                .toList();
    }

    @Test
    void aTaskReadsEveryPageSignedWithOneTokenIntoItsOrganization() throws Exception {
        mirror(MirrorTask.Kind.DEVICES);
        assertEquals(
                List.of(TOKEN_PATH, "/connect-service/v2.1/ota-firmwares", "/connect-service/v2.1/ota-firmwares"),
                paths());
        for (Exchange page : calls.subList(1, 3)) {
            String query = page.getMessage().getHeader(Exchange.HTTP_QUERY, String.class);
            assertEquals("action=searchDeviceUpgrade&orgId=m1", query);
            String timestamp = page.getMessage().getHeader("apim-timestamp", String.class);
            assertEquals("t1", page.getMessage().getHeader("apim-accesstoken"));
            assertEquals(
                    Signatures.request(
                            "t1",
                            QueryString.parse(query).all(),
                            page.getMessage().getBody(String.class),
                            timestamp,
                            "secret"),
                    page.getMessage().getHeader("apim-signature"));
        }
        assertEquals(
                UPSTREAM_DEVICES,
                storedDevices(),
                "rows claiming another organization are written to the one asked for");
        mirror(MirrorTask.Kind.JOBS);
        assertEquals(1, tokensIssued.get(), "the token is reused while it lives");
    }

    @Test
    void aFailedCallIsRepeatedWholeAndARefusedTokenIsReplaced() throws Exception {
        failure = "99401";
        failuresLeft.set(1);
        mirror(MirrorTask.Kind.DEVICES);
        assertEquals(UPSTREAM_DEVICES, storedDevices());
        assertEquals(2, tokensIssued.get(), "the refused token was dropped and a new one got");
        Exchange retried = calls.get(3);
        assertEquals("t2", retried.getMessage().getHeader("apim-accesstoken"));
        assertTrue(
                retried.getMessage().getHeader("CamelRedeliveryCounter", Integer.class) > 0,
                "a redelivery, not a new call");
    }

    @Test
    void aTaskThatKeepsFailingIsGivenUpAfterItsRetriesAndChangesNothing() throws Exception {
        failure = "unavailable";
        failuresLeft.set(100);
        mirror(MirrorTask.Kind.DEVICES);
        assertEquals(
                List.of(
                        TOKEN_PATH,
                        "/connect-service/v2.1/ota-firmwares",
                        "/connect-service/v2.1/ota-firmwares",
                        "/connect-service/v2.1/ota-firmwares"),
                paths(),
                "the first call and two retries");
        assertEquals(0, storedDevices());
    }
}
