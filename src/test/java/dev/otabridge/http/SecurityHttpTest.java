package dev.otabridge.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Token mode over HTTP: who may call what for which organization, and what a forged call gets. */
class SecurityHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG_A = "yourOrgId";
    private static final String ORG_B = "o15475466766371";

    @RegisterExtension
    static final BundleExtension BUNDLE = new BundleExtension(Map.of(
            "ota.security.accounts-file", accountsFile().toString(),
            "ota.security.token-ttl-seconds", "3",
            "ota.security.rate-limit-per-second", "20"));

    private static Path accountsFile() {
        try {
            Path file = Files.createTempFile("accounts", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    {"accounts": [
                      {"accessKey": "reader", "secret": "s-reader", "orgIds": ["yourOrgId"],
                          "permissions": ["Firmware/Read"]},
                      {"accessKey": "ota-reader", "secret": "s-ota", "orgIds": ["yourOrgId", "o15475466766371"],
                          "permissions": ["Firmware/Read OTA"]},
                      {"accessKey": "admin", "secret": "s-admin", "orgIds": [], "permissions": ["OtaBridge/Admin"]},
                      {"accessKey": "nobody", "secret": "s-nobody", "orgIds": ["yourOrgId"], "permissions": []},
                      {"accessKey": "events", "secret": "s-events", "orgIds": ["yourOrgId"],
                          "permissions": ["Firmware/Read Events"]},
                      {"accessKey": "busy", "secret": "s-busy", "orgIds": ["yourOrgId"],
                          "permissions": ["Firmware/Read"]}
                    ]}""");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode envelope(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode());
        return JSON.readTree(response.body());
    }

    private static String request(String action, String org) {
        return switch (action) {
            case "devices" -> SearchApiHttpTest.DEVICES + org;
            case "jobs" -> SearchApiHttpTest.JOBS + org;
            case "load" -> "/ota-store/v1/records";
            case "explain" -> "/ota-bridge/v1/explain/ota-firmwares?action=searchDeviceUpgrade&orgId=" + org;
            case "orgfeed" -> "/ota-sync/v1/events?after=0&orgId=" + org;
            case "fleet" -> "/ota-sync/v1/fleet?orgId=" + org;
            default -> "/ota-sync/v1/events?after=0";
        };
    }

    private static String body(String action) {
        return switch (action) {
            case "devices", "jobs", "explain" -> "{\"pagination\":{\"pageSize\":1}}";
            case "load" ->
                "{\"devices\":[{\"orgId\":\"adminOrg\",\"assetId\":\"a1\",\"productKey\":\"p\",\"deviceKey\":\"d\""
                        + ",\"isUpgrading\":false}]}";
            default -> null;
        };
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "reader     | devices | yourOrgId       | 0     | ",
                "reader     | devices | o15475466766371 | 99403 | Denied resource: orgId o15475466766371",
                "reader     | jobs    | yourOrgId       | 99403 | Denied resource: Firmware/Read OTA",
                "reader     | load    | yourOrgId       | 99403 | Denied resource: OtaBridge/Admin",
                "reader     | feed    | yourOrgId       | 99403 | Denied resource: Firmware/Read Events",
                "ota-reader | devices | yourOrgId       | 99403 | Denied resource: Firmware/Read",
                "ota-reader | jobs    | yourOrgId       | 0     | ",
                "ota-reader | jobs    | o15475466766371 | 0     | ",
                "ota-reader | jobs    | someoneElse     | 99403 | Denied resource: orgId someoneElse",
                "ota-reader | load    | yourOrgId       | 99403 | Denied resource: OtaBridge/Admin",
                "admin      | devices | yourOrgId       | 99403 | Denied resource: Firmware/Read",
                "admin      | jobs    | o15475466766371 | 99403 | Denied resource: Firmware/Read OTA",
                "admin      | load    | yourOrgId       | 0     | ",
                "admin      | explain | yourOrgId       | 0     | ",
                "reader     | explain | yourOrgId       | 99403 | Denied resource: OtaBridge/Admin",
                "events     | explain | yourOrgId       | 99403 | Denied resource: OtaBridge/Admin",
                "admin      | feed    | yourOrgId       | 0     | ",
                "admin      | orgfeed | someoneElse     | 0     | ",
                "events     | orgfeed | yourOrgId       | 0     | ",
                "events     | fleet   | yourOrgId       | 0     | ",
                "events     | fleet   | o15475466766371 | 99403 | Denied resource: orgId o15475466766371",
                "reader     | fleet   | yourOrgId       | 99403 | Denied resource: Firmware/Read Events",
                "admin      | fleet   | someoneElse     | 0     | ",
                "events     | orgfeed | o15475466766371 | 99403 | Denied resource: orgId o15475466766371",
                "events     | feed    | yourOrgId       | 99403 | Denied resource: the events of every organization",
                "events     | load    | yourOrgId       | 99403 | Denied resource: OtaBridge/Admin",
                "events     | devices | yourOrgId       | 99403 | Denied resource: Firmware/Read",
                "nobody     | devices | yourOrgId       | 99403 | Denied resource: Firmware/Read",
                "nobody     | jobs    | yourOrgId       | 99403 | Denied resource: Firmware/Read OTA",
                "nobody     | load    | yourOrgId       | 99403 | Denied resource: OtaBridge/Admin",
                "nobody     | feed    | yourOrgId       | 99403 | Denied resource: Firmware/Read Events",
            })
    void accountsOrganizationsAndActions(String account, String action, String org, int code, String message)
            throws Exception {
        SignedClient client = new SignedClient(BUNDLE, account, secretOf(account));
        JsonNode answer = envelope(client.call(request(action, org), body(action)));
        assertEquals(code, answer.get("code").intValue(), answer.toString());
        if (message != null) {
            assertEquals(message, answer.get("msg").textValue());
            assertTrue(answer.get("data").isNull());
        }
        if (code == 0 && action.equals("jobs")) {
            answer.get("data").forEach(job -> assertEquals(org, job.get("orgId").textValue()));
        }
        if (code == 0 && action.equals("orgfeed")) {
            answer.get("data")
                    .get("events")
                    .forEach(e -> assertEquals(
                            org, e.get("event").get("data").get("orgId").textValue()));
        }
    }

    private static String secretOf(String account) {
        return Map.of(
                        "reader",
                        "s-reader",
                        "ota-reader",
                        "s-ota",
                        "admin",
                        "s-admin",
                        "nobody",
                        "s-nobody",
                        "events",
                        "s-events",
                        "busy",
                        "s-busy")
                .get(account);
    }

    @Test
    void anUnsignedCallIsRefused() throws Exception {
        JsonNode answer = envelope(BUNDLE.post(SearchApiHttpTest.DEVICES + ORG_A, "{}"));
        assertEquals(99401, answer.get("code").intValue());
        assertEquals(
                "Unauthorized: apim-accesstoken, apim-timestamp and apim-signature headers are required",
                answer.get("msg").textValue());
    }

    @Test
    void tamperingWithAnySignedPartIsRefused() throws Exception {
        SignedClient client = new SignedClient(BUNDLE, "reader", "s-reader");
        String path = SearchApiHttpTest.DEVICES + ORG_A;
        String body = "{\"expression\":\"isUpgrading = true\"}";
        String now = String.valueOf(System.currentTimeMillis());
        assertEquals(
                0,
                envelope(client.call(path, body, client.token, now, path, body, now))
                        .get("code")
                        .intValue());
        List<HttpResponse<String>> forged = List.of(
                client.call(path, "{\"expression\":\"isUpgrading = false\"}", client.token, now, path, body, now),
                client.call(SearchApiHttpTest.DEVICES + ORG_B, body, client.token, now, path, body, now),
                client.call(path + "&extra=1", body, client.token, now, path, body, now),
                client.call(path, body, client.token, String.valueOf(Long.parseLong(now) + 1), path, body, now));
        for (HttpResponse<String> response : forged) {
            JsonNode answer = envelope(response);
            assertEquals(99401, answer.get("code").intValue(), answer.toString());
            assertEquals(
                    "Unauthorized: apim-signature does not match the request",
                    answer.get("msg").textValue());
        }
        JsonNode otherToken = envelope(client.call(path, body, "f".repeat(64), now, path, body, now));
        assertEquals("Unauthorized: unknown accessToken", otherToken.get("msg").textValue());
    }

    @Test
    void aTokenInTheQueryStringIsRefusedEvenWithAValidSignedCall() throws Exception {
        SignedClient client = new SignedClient(BUNDLE, "reader", "s-reader");
        String path = SearchApiHttpTest.DEVICES + ORG_A + "&apim-accesstoken=" + client.token;
        JsonNode answer = envelope(client.call(path, "{}"));
        assertEquals(99400, answer.get("code").intValue());
        assertEquals(
                "Invalid Argument query:credentials belong in HTTP headers, not in the query string",
                answer.get("msg").textValue());
    }

    @Test
    void aStaleTimestampIsRefused() throws Exception {
        SignedClient client = new SignedClient(BUNDLE, "reader", "s-reader");
        String path = SearchApiHttpTest.DEVICES + ORG_A;
        String old = String.valueOf(System.currentTimeMillis() - 600_000);
        JsonNode answer = envelope(client.call(path, "{}", client.token, old, path, "{}", old));
        assertEquals(
                "Unauthorized: apim-timestamp is outside the allowed clock skew",
                answer.get("msg").textValue());
    }

    @Test
    void aTokenIsRefreshedBeforeItExpiresButNotAfter() throws Exception {
        SignedClient client = new SignedClient(BUNDLE, "reader", "s-reader");
        String path = SearchApiHttpTest.DEVICES + ORG_A;
        JsonNode refreshed = JSON.readTree(BUNDLE.post(
                        "/apim-token-service/v2.0/token/refresh",
                        client.tokenBody(",\"accessToken\":\"" + client.token + "\""))
                .body());
        assertEquals(0, refreshed.get("status").intValue(), refreshed.toString());
        client.token = refreshed.get("data").get("accessToken").textValue();
        assertEquals(0, envelope(client.call(path, "{}")).get("code").intValue());
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> envelope(client.call(path, "{}")).get("msg").textValue(),
                        "Unauthorized: accessToken expired: refresh it or get a new one"::equals);
        JsonNode late = JSON.readTree(BUNDLE.post(
                        "/apim-token-service/v2.0/token/refresh",
                        client.tokenBody(",\"accessToken\":\"" + client.token + "\""))
                .body());
        assertEquals(1203, late.get("status").intValue(), late.toString());
        assertEquals(
                "Unauthorized: accessToken expired: refresh it or get a new one",
                envelope(client.call(path, "{}")).get("msg").textValue());
    }

    @Test
    void anAccountOverItsRateIsToldSo() throws Exception {
        SignedClient client = new SignedClient(BUNDLE, "busy", "s-busy");
        int refused = 0;
        int answered = 0;
        for (int i = 0; i < 80; i++) {
            int code = envelope(client.call(SearchApiHttpTest.DEVICES + ORG_A, "{}"))
                    .get("code")
                    .intValue();
            refused += code == 99429 ? 1 : 0;
            answered += code == 0 ? 1 : 0;
        }
        assertTrue(answered >= 20, "the first 20 fit the burst: " + answered);
        assertTrue(refused > 0, "80 calls at full speed exceed 20 a second");
        assertEquals(80, refused + answered);
    }

    @Test
    void tokenRequestsWithMistakesGetTheTokenServiceCodes() throws Exception {
        JsonNode unknown = JSON.readTree(BUNDLE.post(
                        "/apim-token-service/v2.0/token/get",
                        "{\"appKey\":\"ghost\",\"timestamp\":\"" + System.currentTimeMillis()
                                + "\",\"encryption\":\"x\"}")
                .body());
        assertEquals(1002, unknown.get("status").intValue());
        JsonNode wrong = JSON.readTree(BUNDLE.post(
                        "/apim-token-service/v2.0/token/get",
                        "{\"appKey\":\"reader\",\"timestamp\":\"" + System.currentTimeMillis()
                                + "\",\"encryption\":\"x\"}")
                .body());
        assertEquals(1003, wrong.get("status").intValue());
        assertFalse(wrong.toString().contains("s-reader"));
    }
}
