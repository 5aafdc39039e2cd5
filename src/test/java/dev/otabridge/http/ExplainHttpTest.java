package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The explain action over a socket, on the demo data: the syntax tree, the SQL with its values as
 * parameters only, the store's plans, and the count the search itself gives; a request the search
 * refuses is refused with the search's own answer.
 */
class ExplainHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPLAIN_DEVICES =
            "/ota-bridge/v1/explain/ota-firmwares?action=searchDeviceUpgrade&orgId=yourOrgId";

    @RegisterExtension
    static final BundleExtension BUNDLE = new BundleExtension();

    private static JsonNode call(String path, String body) throws Exception {
        return JSON.readTree(BUNDLE.post(path, body).body());
    }

    @Test
    void explainsTheTreeTheStatementsTheirPlansAndTheCount() throws Exception {
        String expression = "isUpgrading = false and (productKey = 'x;--' or firmwareVersion in ('1.0', '1.1.0'))";
        String body = JSON.createObjectNode()
                .put("expression", expression)
                .set("pagination", JSON.createObjectNode().put("pageNo", 1).put("pageSize", 10))
                .toString();
        JsonNode explained = call(EXPLAIN_DEVICES, body);
        assertEquals(0, explained.get("code").intValue(), explained.toString());
        JsonNode data = explained.get("data");

        JsonNode tree = data.get("parseTree");
        assertEquals("isUpgrading", tree.at("/and/0/field").textValue());
        assertEquals("=", tree.at("/and/0/operator").textValue());
        assertEquals(false, tree.at("/and/0/values/0").booleanValue());
        assertEquals("x;--", tree.at("/and/1/or/0/values/0").textValue());
        assertEquals("in", tree.at("/and/1/or/1/operator").textValue());

        for (String statement : new String[] {"count", "page"}) {
            String sql = data.get(statement).get("sql").textValue();
            assertTrue(sql.contains("?"), sql);
            assertFalse(sql.contains("x;--") || sql.contains("1.1.0"), "no value inlined: " + sql);
            assertTrue(data.get(statement).get("parameters").toString().contains("\"x;--\""));
            assertTrue(data.get(statement).get("plan").size() > 0, statement + " has a plan");
        }
        assertEquals("yourOrgId", data.at("/count/parameters/0").textValue());

        JsonNode searched = call(SearchApiHttpTest.DEVICES + "yourOrgId", body);
        assertEquals(0, searched.get("code").intValue(), searched.toString());
        assertEquals(
                searched.at("/pagination/totalSize").longValue(),
                data.get("matches").longValue());
    }

    /** The count is the organization's kept one: no key of the organization is counted. */
    @Test
    void withoutAnExpressionThereIsNoTreeAndEveryDeviceOfTheOrganizationMatches() throws Exception {
        JsonNode data = call(EXPLAIN_DEVICES, "{}").get("data");
        assertTrue(data.get("parseTree").isNull());
        assertEquals(
                "SELECT devices FROM device_count WHERE org_id = ?",
                data.at("/count/sql").textValue());
        assertEquals(
                call(SearchApiHttpTest.DEVICES + "yourOrgId", "{}")
                        .at("/pagination/totalSize")
                        .longValue(),
                data.get("matches").longValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"expression\": \"isUpgrading == true\"}",
                "{\"expression\": \"nosuchField = 'x'\"}",
                "{\"expression\": \"productKey like 5\"}",
                "{\"pagination\": {\"pageSize\": 1000}}"
            })
    void aRequestTheSearchRefusesIsRefusedWithTheSearchsOwnAnswer(String body) throws Exception {
        JsonNode explained = call(EXPLAIN_DEVICES, body);
        JsonNode searched = call(SearchApiHttpTest.DEVICES + "yourOrgId", body);
        assertEquals(99400, searched.get("code").intValue(), searched.toString());
        assertEquals(searched.get("code"), explained.get("code"));
        assertEquals(searched.get("msg"), explained.get("msg"));
        assertTrue(explained.get("data").isNull());
    }

    @Test
    void theJobsSearchIsExplainedToo() throws Exception {
        JsonNode explained = call(
                "/ota-bridge/v1/explain/ota-jobs?action=search&orgId=yourOrgId",
                "{\"expression\": \"name like 'demo'\"}");
        assertEquals(0, explained.get("code").intValue(), explained.toString());
        assertEquals("like", explained.at("/data/parseTree/operator").textValue());
        assertEquals(
                call(SearchApiHttpTest.JOBS + "yourOrgId", "{\"expression\": \"name like 'demo'\"}")
                        .at("/pagination/totalSize")
                        .longValue(),
                explained.at("/data/matches").longValue());
    }
}
