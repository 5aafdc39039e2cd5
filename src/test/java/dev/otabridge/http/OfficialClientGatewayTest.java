package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.envision.apim.poseidon.config.PConfig;
import com.envision.apim.poseidon.core.Poseidon;
import com.envision.apim.poseidon.request.PoseidonRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EnOS's official Java client (com.envisioniot:apim-poseidon) against gateway mode: it sends its
 * opaque apim-accesstoken, the gateway adds its secret header (done here by the client's own
 * header call), and the client parses what comes back.
 */
class OfficialClientGatewayTest {

    private static final String SECRET = "gateway-shared-secret";

    @RegisterExtension
    static final BundleExtension BUNDLE =
            new BundleExtension(Map.of("ota.security.mode", "gateway", "ota.security.gateway.secret", SECRET));

    /** The shape the client fills: public fields, as EnOS's SDK responses have them. */
    public static class Page {
        public String sortedBy;
        public int pageNo;
        public int pageSize;
        public int totalSize;
    }

    public static class DeviceFirmware {
        public String orgId;
        public String assetId;
        public String productKey;
        public String deviceKey;
        public String firmwareVersion;
        public Boolean isUpgrading;
    }

    public static class DeviceAnswer {
        public int code;
        public String msg;
        public String requestId;
        public List<DeviceFirmware> data;
        public Page pagination;
    }

    public static class JobAnswer {
        public int code;
        public String msg;
        public List<Map<String, Object>> data;
        public Page pagination;
    }

    /** A search as EnOS's SDK builds one: action and orgId in the query, expression and pagination in the body. */
    static final class Search extends PoseidonRequest {
        private final String uri;

        Search(String uri, String action, String orgId, String expression, int pageSize) {
            this.uri = uri;
            queryParams().put("action", action);
            queryParams().put("orgId", orgId);
            bodyParams().put("expression", expression);
            bodyParams().put("pagination", Map.of("pageNo", 1, "pageSize", pageSize));
        }

        @Override
        public String baseUri() {
            return uri;
        }

        @Override
        public String method() {
            return "POST";
        }
    }

    private static Poseidon client(boolean throughGateway) {
        Poseidon client = Poseidon.config(PConfig.init()
                        .appKey("6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9")
                        .appSecret("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"))
                .url(BUNDLE.uri("/").toString().replaceAll("/$", ""));
        return throughGateway ? client.header("X-OTA-Gateway-Secret", SECRET) : client;
    }

    @Test
    void theOfficialClientSearchesDevicesThroughTheGateway() throws Exception {
        DeviceAnswer answer = client(true)
                .getResponse(
                        new Search(
                                "/connect-service/v2.1/ota-firmwares",
                                "searchDeviceUpgrade",
                                "yourOrgId",
                                "productKey='yourProductKey'",
                                5),
                        DeviceAnswer.class);
        assertEquals(0, answer.code, answer.msg);
        assertEquals("OK", answer.msg);
        assertNotNull(answer.requestId);
        assertEquals(5, answer.data.size());
        assertEquals("yourOrgId", answer.data.get(0).orgId);
        assertNotNull(answer.data.get(0).isUpgrading);
        assertEquals(1, answer.pagination.pageNo);
        assertEquals(5, answer.pagination.pageSize);
        assertEquals(7, answer.pagination.totalSize);
    }

    @Test
    void theOfficialClientSearchesJobsThroughTheGateway() throws Exception {
        JobAnswer answer = client(true)
                .getResponse(
                        new Search(
                                "/connect-service/v2.1/ota-jobs",
                                "search",
                                "yourOrgId",
                                "name like 'name' and firmwareName like 'firmware1'",
                                10),
                        JobAnswer.class);
        assertEquals(0, answer.code, answer.msg);
        assertEquals(1, answer.data.size());
        assertEquals("yourJobId", answer.data.get(0).get("jobId"));
        assertEquals(1, answer.pagination.totalSize);
    }

    @Test
    void withoutTheGatewaysHeaderTheClientIsRefusedInTheEnvelope() throws Exception {
        DeviceAnswer answer = client(false)
                .getResponse(
                        new Search("/connect-service/v2.1/ota-firmwares", "searchDeviceUpgrade", "yourOrgId", null, 5),
                        DeviceAnswer.class);
        assertEquals(99401, answer.code);
        assertTrue(answer.msg.contains("gateway"), answer.msg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-OTA-Gateway-Secret", "x-ota-gateway-secret", "apim-accesstoken"})
    void theGatewaysSecretInTheQueryStringIsRefusedNotTrusted(String name) throws Exception {
        JsonNode answer = new ObjectMapper()
                .readTree(BUNDLE.post(
                                "/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade" + "&orgId=yourOrgId&"
                                        + name + "=" + SECRET,
                                "{}")
                        .body());
        assertEquals(99400, answer.get("code").intValue());
        assertEquals(
                "Invalid Argument query:credentials belong in HTTP headers, not in the query string",
                answer.get("msg").textValue());
    }
}
