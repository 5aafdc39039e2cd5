package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both search APIs over a real socket, against the bundle's real store with its demo data. */
class SearchApiHttpTest {

    static final String DEVICES = "/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId=";
    static final String JOBS = "/connect-service/v2.1/ota-jobs?action=search&orgId=";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final BundleExtension BUNDLE = new BundleExtension();

    static JsonNode ok(String pathAndQuery, String body) throws Exception {
        HttpResponse<String> response = BUNDLE.post(pathAndQuery, body);
        assertEquals(200, response.statusCode());
        JsonNode answer = JSON.readTree(response.body());
        assertEquals(0, answer.get("code").intValue(), response.body());
        assertEquals("OK", answer.get("msg").textValue());
        return answer;
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void seedSampleSearchDeviceUpgrade() throws Exception {
        JsonNode answer = ok(
                DEVICES + "yourOrgId",
                "{\"expression\": \"productKey='yourProductKey'\", \"pagination\": {\"pageNo\": 1, \"pageSize\": 5}}");
        assertEquals(List.of("code", "msg", "requestId", "data", "pagination"), keys(answer));
        assertEquals(5, answer.get("data").size());
        for (JsonNode device : answer.get("data")) {
            assertEquals(
                    List.of("orgId", "assetId", "productKey", "deviceKey", "firmwareVersion", "isUpgrading"),
                    keys(device));
            assertEquals("yourProductKey", device.get("productKey").textValue());
            assertTrue(device.get("isUpgrading").isBoolean());
        }
        assertEquals(
                "{\"sortedBy\":null,\"pageNo\":1,\"pageSize\":5,\"totalSize\":7}",
                answer.get("pagination").toString());
    }

    @Test
    void seedSampleResponseOrgAnswersItsNineDevices() throws Exception {
        JsonNode answer = ok(DEVICES + "o15475466766371", "{\"pagination\": {\"pageNo\": 1, \"pageSize\": 5}}");
        assertEquals(9, answer.get("pagination").get("totalSize").intValue());
        assertEquals(5, answer.get("data").size());
    }

    @Test
    void seedSampleSearchOtaJobExamples() throws Exception {
        JsonNode first = ok(
                JOBS + "yourOrgId",
                "{\"expression\":\"productKey='yourProductKey'\",\"pagination\":{\"pageNo\":1,\"pageSize\":5}}");
        assertEquals(2, first.get("pagination").get("totalSize").intValue());
        JsonNode job = first.get("data").get(0);
        assertEquals(
                List.of(
                        "orgId",
                        "productKey",
                        "jobId",
                        "name",
                        "firmwareId",
                        "firmwareVersion",
                        "firmwareName",
                        "type",
                        "enableUpgradeRequest",
                        "upgradePolicy",
                        "upgradeScope",
                        "upgradeTimeout",
                        "startSchedule",
                        "endSchedule",
                        "status",
                        "createTime",
                        "retryPolicy",
                        "schedulePolicy",
                        "maximumConcurrency"),
                keys(job));
        assertEquals("yourJobId", job.get("jobId").textValue());
        assertEquals(
                "{\"defaultValue\":\"name\",\"i18nValue\":{\"en_US\":\"name\",\"zh_CN\":\"中文名\",\"es_ES\":\"nombre\""
                        + ",\"ja_JP\":\"名前\"}}",
                job.get("name").toString());
        assertEquals(
                "{\"type\":\"total\",\"versionNumbers\":[\"1.0\"],\"deviceKeys\":null,\"attributes\":null,\"tags\":n"
                        + "ull,\"assetTrees\":null}",
                job.get("upgradeScope").toString());
        assertTrue(job.get("startSchedule").isNull());
        assertEquals(1591171274788L, job.get("createTime").longValue());

        JsonNode second = ok(
                JOBS + "yourOrgId",
                "{\"expression\": \"firmwareName like 'firmware1'\", \"pagination\": {\"pageNo\": 1, \"pageSize\": "
                        + "5}}");
        assertEquals(2, second.get("pagination").get("totalSize").intValue());
        JsonNode third =
                ok(JOBS + "yourOrgId", "{\"expression\": \"name like 'name' and firmwareName like 'firmware1'\"}");
        assertEquals(1, third.get("data").size());
        assertEquals(
                "{\"sortedBy\":null,\"pageNo\":1,\"pageSize\":10,\"totalSize\":1}",
                third.get("pagination").toString());
    }

    @Test
    void jobsComeNewestFirst() throws Exception {
        JsonNode answer = ok(JOBS + "yourOrgId", "");
        long previous = Long.MAX_VALUE;
        for (JsonNode job : answer.get("data")) {
            assertTrue(job.get("createTime").longValue() <= previous);
            previous = job.get("createTime").longValue();
        }
        assertEquals(3, answer.get("data").size());
    }

    @Test
    void pagesNeitherRepeatNorSkipARow() throws Exception {
        Set<String> seen = new HashSet<>();
        int total = ok(DEVICES + "o15475466766371", "{}")
                .get("pagination")
                .get("totalSize")
                .intValue();
        for (int page = 1; page <= 5; page++) {
            JsonNode answer =
                    ok(DEVICES + "o15475466766371", "{\"pagination\":{\"pageNo\":" + page + ",\"pageSize\":2}}");
            for (JsonNode device : answer.get("data")) {
                assertTrue(seen.add(device.get("assetId").textValue()), "repeated " + device);
            }
        }
        assertEquals(total, seen.size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "isUpgrading = false AND productKey = 'yourProductKey'",
                "isUpgrading = 'TRUE' or productKey in ('otherProductKey')",
                "(productKey = \"yourProductKey\")",
            })
    void enosSampleExpressionsAnswer(String expression) throws Exception {
        JsonNode answer = ok(
                DEVICES + "yourOrgId",
                JSON.createObjectNode().put("expression", expression).toString());
        assertTrue(answer.get("pagination").get("totalSize").intValue() > 0);
    }

    @Test
    void requestHeadersAreNeverEchoed() throws Exception {
        HttpResponse<String> response = BUNDLE.send(HttpRequest.newBuilder(BUNDLE.uri(DEVICES + "yourOrgId"))
                .header("X-Secret-Token", "s3cr3t")
                .header("orgId", "o15475466766371")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        Map<String, List<String>> headers = response.headers().map();
        assertFalse(
                headers.keySet().stream()
                        .anyMatch(h -> h.equalsIgnoreCase("x-secret-token") || h.equalsIgnoreCase("orgid")),
                headers.toString());
        assertFalse(headers.values().stream().flatMap(List::stream).anyMatch(v -> v.contains("s3cr3t")));
        assertEquals(
                List.of("application/json; charset=utf-8"), response.headers().allValues("Content-Type"));
        JsonNode answer = JSON.readTree(response.body());
        for (JsonNode device : answer.get("data")) {
            assertEquals("yourOrgId", device.get("orgId").textValue());
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/connect-service/v2.1/nothing?action=search&orgId=o | 404",
                "/ota-jobs?action=search&orgId=o                      | 404",
            })
    void unknownPathsAreNotFound(String path, int status) throws Exception {
        assertEquals(status, BUNDLE.post(path, "{}").statusCode());
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        HttpResponse<String> response = BUNDLE.send(
                HttpRequest.newBuilder(BUNDLE.uri(JOBS + "yourOrgId")).GET());
        assertEquals(405, response.statusCode());
    }

    @Test
    void oversizedBodiesAreRefusedBeforeAnyRoute() throws Exception {
        String huge = "{\"expression\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        assertEquals(413, BUNDLE.post(JOBS + "yourOrgId", huge).statusCode());
    }

    @Test
    void anUnknownBodyKeyIsIgnoredAndAnEmptyBodyIsTheDefaultPage() throws Exception {
        JsonNode answer = ok(JOBS + "yourOrgId", "{\"action\":\"search\",\"somethingNew\":{\"a\":1}}");
        assertEquals(10, answer.get("pagination").get("pageSize").intValue());
        HttpResponse<String> empty = BUNDLE.send(
                HttpRequest.newBuilder(BUNDLE.uri(JOBS + "yourOrgId")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(0, JSON.readTree(empty.body()).get("code").intValue());
    }

    @Test
    void aFormBodyIsRefusedRatherThanReadAsEmpty() throws Exception {
        HttpResponse<String> response = BUNDLE.send(HttpRequest.newBuilder(BUNDLE.uri(JOBS + "yourOrgId"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pagination\":{\"pageSize\":1}}")));
        JsonNode answer = JSON.readTree(response.body());
        assertEquals(200, response.statusCode());
        assertEquals(
                "Invalid Argument Content-Type:send the body as application/json, not "
                        + "application/x-www-form-urlencoded",
                answer.get("msg").textValue());
    }

    @Test
    void aLoadOverHttpIsSearchableAtOnce() throws Exception {
        JsonNode loaded = ok(
                "/ota-store/v1/records",
                "{\"devices\":[{\"orgId\":\"httpOrg\",\"assetId\":\"h1\",\"productKey\":\"hp\","
                        + "\"deviceKey\":\"hd\",\"firmwareVersion\":\"9\",\"isUpgrading\":true}]}");
        assertEquals(
                "{\"devices\":1,\"jobs\":0,\"removedDevices\":0}",
                loaded.get("data").toString());
        assertNull(loaded.get("pagination"));
        JsonNode found = ok(DEVICES + "httpOrg", "{\"expression\":\"isUpgrading = true\"}");
        assertEquals("h1", found.get("data").get(0).get("assetId").textValue());
    }
}
