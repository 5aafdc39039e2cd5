package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad and hostile input over HTTP: every answer is an HTTP 200 envelope, a 99400 that names the
 * problem or a correct (possibly empty) result of the caller's own organization, never a 99500,
 * never a stack trace or SQL; and the store is the same afterwards.
 */
class BadInputHttpTest {

    private static final String DEVICES = SearchApiHttpTest.DEVICES;
    private static final String JOBS = SearchApiHttpTest.JOBS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ORGS = List.of("yourOrgId", "o15475466766371");

    @RegisterExtension
    static final BundleExtension BUNDLE = new BundleExtension();

    private String storeBefore;

    /** Everything the APIs can see of the store, every organization, every row. */
    private static String store() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String org : ORGS) {
            for (String api : List.of(DEVICES, JOBS)) {
                all.append(BUNDLE.post(api + org, "{\"pagination\":{\"pageSize\":200}}")
                        .body()
                        .replaceAll("\"requestId\":\"[^\"]+\"", ""));
            }
        }
        return all.toString();
    }

    @BeforeEach
    void snapshot() throws Exception {
        storeBefore = store();
    }

    @AfterEach
    void storeUnchanged() throws Exception {
        assertEquals(storeBefore, store());
    }

    /** An HTTP 200 envelope that shows nothing internal: no words of a trace or of SQL the caller did not send. */
    private static JsonNode envelope(String request, HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode());
        String body = response.body();
        for (String leak : List.of(
                "Exception",
                "\tat ",
                "SELECT",
                "FROM",
                "WHERE",
                "device_firmware",
                "ota_job",
                "org_id",
                "hsqldb",
                "java.")) {
            assertFalse(body.contains(leak) && !request.contains(leak), "answer leaks '" + leak + "': " + body);
        }
        JsonNode answer = JSON.readTree(body);
        assertTrue(answer.get("data").isNull() || answer.get("code").intValue() == 0, body);
        return answer;
    }

    private static String refusal(String pathAndQuery, String body) throws Exception {
        JsonNode answer = envelope(body, BUNDLE.post(pathAndQuery, body));
        assertEquals(99400, answer.get("code").intValue(), answer.toString());
        assertTrue(answer.get("data").isNull());
        assertEquals(36, answer.get("requestId").textValue().length());
        return answer.get("msg").textValue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/connect-service/v2.1/ota-jobs?action=search             | {}   | Invalid Argument orgId:orgId is "
                        + "missing",
                "/connect-service/v2.1/ota-firmwares?orgId=o              | {}   | Invalid Argument action:action is "
                        + "missing",
                "/connect-service/v2.1/ota-firmwares?action=create&orgId=o | {}  | Invalid Argument action:action "
                        + "'create' is not supported on this path; use searchDeviceUpgrade",
                "/connect-service/v2.1/ota-jobs?action=search&orgId=o     | {x   | Invalid Argument body:malformed "
                        + "JSON at line 1, column 2",
                "/connect-service/v2.1/ota-jobs?action=search&orgId=o     | {\"pagination\":{\"pageSize\":500}} | "
                        + "Invalid Argument pagination.pageSize:pageSize must be an integer from 1 to 200, found 500",
                "/connect-service/v2.1/ota-jobs?action=search&orgId=o     | {\"pagination\":{\"pageNo\":\"1\"}} | "
                        + "Invalid Argument pagination.pageNo:pageNo must be an integer from 1 up, found \"1\"",
                "/connect-service/v2.1/ota-jobs?action=search&orgId=o     | "
                        + "{\"pagination\":{\"sorters\":[{\"field\":\"createTime\",\"order\":\"ASC\"}]}} | Invalid "
                        + "Argument pagination.sorters:sorters is not supported by this API",
                "/connect-service/v2.1/ota-jobs?action=search&orgId=o     | {\"expression\":\"status != 'started'\"} "
                        + "| Do not allow operator op !=, allowed op [=]",
                "/connect-service/v2.1/ota-jobs?action=search&orgId=o     | {\"expression\":\"name = 'x'\"} | Do not "
                        + "allow operator op =, allowed op [like]",
                "/connect-service/v2.1/ota-jobs?action=search&orgId=o     | {\"expression\":\"owner = 'x'\"} | "
                        + "Invalid Argument expression:unknown field 'owner'; allowed fields: productKey, "
                        + "firmwareId, firmwareVersion, type, status, name, name.defaultValue, "
                        + "name.<locale>, firmwareName, firmwareName.defaultValue, firmwareName.<locale> at column 1",
                "/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId=o | "
                        + "{\"expression\":\"isUpgrading = maybe\"} | Invalid Argument expression:isUpgrading "
                        + "expects true or false, found 'maybe' at column 15",
                "/ota-store/v1/records                                   | "
                        + "{\"devices\":[{\"orgId\":\"yourOrgId\",\"assetId\":\"demoAsset01\",\"productKey\":\"chang"
                        + "ed\",\"deviceKey\":\"d\",\"isUpgrading\":true},{\"orgId\":\"o\"}]} | Invalid "
                        + "Argument devices[1].assetId:assetId is missing",
                "/ota-store/v1/records                                   | "
                        + "{\"jobs\":[{\"orgId\":\"yourOrgId\",\"jobId\":\"yourJobId\"}]} | Invalid Argument "
                        + "jobs[0].name:name is missing; it is {\"defaultValue\": \"...\", \"i18nValue\": "
                        + "{...}}",
            })
    void everyKindOfBadInputIsA99400ThatNamesTheProblem(String pathAndQuery, String body, String message)
            throws Exception {
        assertEquals(message, refusal(pathAndQuery, body));
    }

    @Test
    void limitsAnswerBeforeTheDatabase() throws Exception {
        String longExpression = "productKey = '" + "x".repeat(20_000) + "'";
        assertTrue(refusal(
                        DEVICES + "yourOrgId",
                        JSON.createObjectNode()
                                .put("expression", longExpression)
                                .toString())
                .startsWith("Invalid Argument expression:expression is longer than the 16384 characters allowed"));
        String deep = "(".repeat(40) + "productKey='a'" + ")".repeat(40);
        assertTrue(refusal(
                        DEVICES + "yourOrgId",
                        JSON.createObjectNode().put("expression", deep).toString())
                .contains("parentheses nest deeper than the 16 levels allowed"));
        StringBuilder list = new StringBuilder("productKey in ('0'");
        for (int i = 1; i <= 1000; i++) {
            list.append(",'").append(i).append("'");
        }
        assertTrue(refusal(
                        DEVICES + "yourOrgId",
                        JSON.createObjectNode().put("expression", list + ")").toString())
                .contains("more than the 1000 values allowed in one in-list"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "productKey = 'x' OR '1'='1'",
                "productKey = 'x'; DROP TABLE device_firmware",
                "productKey = 'x' -- ",
                "productKey = 'x' /* */",
                "productKey = \"x' OR orgId <> '\"",
                "productKey = 'yourProductKey' OR 1=1",
                "productKey in (SELECT product_key FROM device_firmware)",
                "productKey = 'a\\' OR 1=1 --'",
                "firmwareVersion = '\u0000'",
                "productKey = '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ 中文'",
                "productKey = '%' or productKey = '_'",
                "productKey = ''",
                "isUpgrading = true or isUpgrading = false",
                "productKey = \"'\" or productKey = '\"'",
                "productKey = 'x' union select * from ota_job",
                "productKey = 'x' OR org_id = 'o15475466766371'",
            })
    void hostileExpressionsAreRefusedOrAnswerOnlyTheCallersRows(String expression) throws Exception {
        String body = JSON.createObjectNode().put("expression", expression).toString();
        JsonNode answer = envelope(body, BUNDLE.post(DEVICES + "yourOrgId", body));
        int code = answer.get("code").intValue();
        assertTrue(code == 0 || code == 99400, answer.toString());
        if (code == 0) {
            answer.get("data")
                    .forEach(row -> assertEquals("yourOrgId", row.get("orgId").textValue()));
        }
    }

    @Test
    void likePatternsMatchLiterallyOverHttp() throws Exception {
        for (String pattern : List.of("%", "_", "\\", "%'--")) {
            String body = JSON.createObjectNode()
                    .put("expression", "name like \"" + pattern + "\"")
                    .toString();
            JsonNode answer = envelope(body, BUNDLE.post(JOBS + "yourOrgId", body));
            assertEquals(0, answer.get("code").intValue());
            assertEquals(0, answer.get("pagination").get("totalSize").intValue(), pattern);
        }
    }

    @Test
    void randomHostileFragmentsNeverBreakTheServer() throws Exception {
        List<String> fragments = List.of(
                "productKey",
                "name",
                "name.zh_CN",
                "isUpgrading",
                "=",
                "in",
                "like",
                "and",
                "or",
                "not",
                "(",
                ")",
                ",",
                "'",
                "\"",
                "'x'",
                "\"y\"",
                "true",
                ";",
                "--",
                "/*",
                "*/",
                "%",
                "_",
                "\\",
                "DROP",
                "SELECT",
                "1=1",
                "\u0000",
                "\n",
                "中文",
                "𝔘",
                "!=",
                "<>",
                "is",
                "null",
                "'%_'",
                "orgId");
        Random random = new Random(7L);
        for (int i = 0; i < 500; i++) {
            StringBuilder expression = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                expression
                        .append(fragments.get(random.nextInt(fragments.size())))
                        .append(random.nextBoolean() ? " " : "");
            }
            String api = random.nextBoolean() ? DEVICES : JOBS;
            String body = JSON.createObjectNode()
                    .put("expression", expression.toString())
                    .toString();
            JsonNode answer = envelope(body, BUNDLE.post(api + "yourOrgId", body));
            int code = answer.get("code").intValue();
            assertTrue(code == 0 || code == 99400, expression + " -> " + answer);
            if (code == 0) {
                answer.get("data")
                        .forEach(row ->
                                assertEquals("yourOrgId", row.get("orgId").textValue(), expression.toString()));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {DEVICES + "yourOrgId", JOBS + "yourOrgId", "/ota-store/v1/records"})
    void bytesThatAreNotUtf8AreRefusedNotReplaced(String path) throws Exception {
        byte[] body =
                "{\"expression\":\"productKey = 'x\u00ff'\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = BUNDLE.send(java.net.http.HttpRequest.newBuilder(BUNDLE.uri(path))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
        JsonNode answer = envelope(path, response);
        assertEquals(99400, answer.get("code").intValue(), answer.toString());
        assertEquals(
                "Invalid Argument body:the body is not UTF-8 (byte 31 of 34)",
                answer.get("msg").textValue());
    }

    @Test
    void aTokenRequestThatIsNotUtf8IsAnsweredByTheTokenService() throws Exception {
        byte[] body = "{\"appKey\":\"x\u00ff\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpResponse<String> response =
                BUNDLE.send(java.net.http.HttpRequest.newBuilder(BUNDLE.uri("/apim-token-service/v2.0/token/get"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
        JsonNode answer = JSON.readTree(response.body());
        assertEquals(1004, answer.get("status").intValue(), answer.toString());
        assertEquals("apim-token-service", answer.get("business").textValue());
        assertEquals(
                "invalid parameter: Invalid Argument body:the body is not UTF-8 (byte 13 of 15)",
                answer.get("msg").textValue());
    }

    @Test
    void aLoadOfValuesNoSearchCouldReadBackIsRefusedWhole() throws Exception {
        for (String value : List.of("o\\u0009x", "o\\u0000", "o\\ud800", "o\\nx")) {
            String document =
                    "{\"devices\":[{\"orgId\":\"yourOrgId\",\"assetId\":\"fresh\",\"productKey\":\"p\",\"deviceKey\""
                            + ":\"d\",\"isUpgrading\":false},"
                            + "{\"orgId\":\"" + value
                            + "\",\"assetId\":\"a\",\"productKey\":\"p\",\"deviceKey\":\"d\",\"isUpgrading\":false}]}";
            JsonNode answer = envelope(document, BUNDLE.post("/ota-store/v1/records", document));
            assertEquals(99400, answer.get("code").intValue(), answer.toString());
            assertTrue(
                    answer.get("msg").textValue().startsWith("Invalid Argument devices[1].orgId:orgId holds \\u"),
                    answer.toString());
        }
    }
}
