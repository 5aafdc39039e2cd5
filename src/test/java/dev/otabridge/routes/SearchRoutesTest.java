package dev.otabridge.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.search.SearchPage;
import dev.otabridge.search.SearchRequest;
import dev.otabridge.store.DeviceFirmware;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.BeanDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * search-api.yaml and enos-envelope.yaml on the bundle's own configuration, with the searches themselves replaced by
 * mocks.
 */
class SearchRoutesTest extends BundleRoutesTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY =
            "{\"expression\":\"productKey='p'\",\"pagination\":{\"pageNo\":2,\"pageSize\":5}}";

    private MockEndpoint deviceSearch;
    private MockEndpoint jobSearch;

    @BeforeEach
    void adviseAndStart() throws Exception {
        // the search is a work route's last step (routes made from a template keep their ids' placeholders here)
        AdviceWith.adviceWith(
                context,
                "device-upgrade-search",
                a -> a.weaveByType(BeanDefinition.class).selectLast().replace().to("mock:device-search"));
        AdviceWith.adviceWith(
                context,
                "ota-job-search",
                a -> a.weaveByType(BeanDefinition.class).selectLast().replace().to("mock:job-search"));
        context.start();
        deviceSearch = getMockEndpoint("mock:device-search");
        jobSearch = getMockEndpoint("mock:job-search");
        deviceSearch.whenAnyExchangeReceived(e -> e.getMessage()
                .setBody(new SearchPage<>(List.of(new DeviceFirmware("o1", "a", "p", "d", "1.0", true)), 2, 5, 6)));
        jobSearch.whenAnyExchangeReceived(e -> e.getMessage().setBody(new SearchPage<>(List.of(), 1, 10, 0)));
    }

    private Exchange call(String route, String query, String body, Map<String, Object> headers) {
        return template.request("direct:" + route, e -> {
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
            e.getMessage().setHeader(Exchange.HTTP_QUERY, query);
            e.getMessage().setBody(body);
        });
    }

    private static JsonNode answer(Exchange exchange) throws Exception {
        return JSON.readTree(exchange.getMessage().getBody(String.class));
    }

    @Test
    void deviceSearchReadsTheRequestRunsTheSearchAndAnswersInTheEnvelope() throws Exception {
        deviceSearch.expectedBodiesReceived(new SearchRequest("o1", "productKey='p'", 2, 5));
        JsonNode answer = answer(call("search-device-upgrade", "action=searchDeviceUpgrade&orgId=o1", BODY, Map.of()));
        deviceSearch.assertIsSatisfied();
        assertEquals(0, answer.get("code").intValue());
        assertEquals("OK", answer.get("msg").textValue());
        assertEquals(36, answer.get("requestId").textValue().length());
        assertEquals(
                "{\"orgId\":\"o1\",\"assetId\":\"a\",\"productKey\":\"p\",\"deviceKey\":\"d\",\"firmwareVersion\":\""
                        + "1.0\",\"isUpgrading\":true}",
                answer.get("data").get(0).toString());
        assertEquals(
                "{\"sortedBy\":null,\"pageNo\":2,\"pageSize\":5,\"totalSize\":6}",
                answer.get("pagination").toString());
    }

    @Test
    void jobSearchServesTheSearchAction() throws Exception {
        jobSearch.expectedBodiesReceived(new SearchRequest("o1", null, 1, 10));
        JsonNode answer = answer(call("search-ota-jobs", "orgId=o1&action=search", "", Map.of()));
        jobSearch.assertIsSatisfied();
        assertEquals("[]", answer.get("data").toString());
        assertEquals(0, answer.get("pagination").get("totalSize").intValue());
    }

    @Test
    void theAnswerCarriesNoHeaderButItsContentType() {
        Exchange exchange = call(
                "search-device-upgrade",
                "action=searchDeviceUpgrade&orgId=o1",
                BODY,
                Map.of("Authorization", "Bearer secret", "X-Tenant", "o2", "orgId", "o2"));
        assertEquals(
                Map.of("Content-Type", "application/json; charset=utf-8"),
                exchange.getMessage().getHeaders());
    }

    @Test
    void anOrgIdHeaderDoesNotStandInForTheQueryParameter() throws Exception {
        deviceSearch.expectedBodiesReceived(new SearchRequest("o1", "productKey='p'", 2, 5));
        call("search-device-upgrade", "action=searchDeviceUpgrade&orgId=o1", BODY, Map.of("orgId", "o2"));
        deviceSearch.assertIsSatisfied();
    }

    @Test
    void aRefusedRequestNeverReachesTheSearch() throws Exception {
        deviceSearch.expectedMessageCount(0);
        jobSearch.expectedMessageCount(0);
        JsonNode missingOrg = answer(call("search-device-upgrade", "action=searchDeviceUpgrade", BODY, Map.of()));
        JsonNode wrongAction = answer(call("search-ota-jobs", "action=searchDeviceUpgrade&orgId=o1", BODY, Map.of()));
        MockEndpoint.assertIsSatisfied(deviceSearch, jobSearch);
        assertEquals(99400, missingOrg.get("code").intValue());
        assertEquals(
                "Invalid Argument orgId:orgId is missing", missingOrg.get("msg").textValue());
        assertTrue(missingOrg.get("data").isNull());
        assertNull(missingOrg.get("pagination"));
        assertEquals(
                "Invalid Argument action:action 'searchDeviceUpgrade' is not supported on this path; use search",
                wrongAction.get("msg").textValue());
    }

    @Test
    void anInternalFailureAnswers99500AndKeepsItsDetailsInside() throws Exception {
        deviceSearch.whenAnyExchangeReceived(e -> {
            throw new IllegalStateException("SELECT secret FROM device_firmware WHERE org_id = 'o2'");
        });
        Exchange exchange = call("search-device-upgrade", "action=searchDeviceUpgrade&orgId=o1", BODY, Map.of());
        String body = exchange.getMessage().getBody(String.class);
        JsonNode answer = JSON.readTree(body);
        assertEquals(99500, answer.get("code").intValue());
        assertEquals("Internal Server Error", answer.get("msg").textValue());
        assertFalse(body.contains("SELECT") || body.contains("o2") || body.contains("Exception"), body);
        assertNull(exchange.getException());
    }
}
