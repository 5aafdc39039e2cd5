package dev.otabridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class SearchRequestReaderTest {

    private static final String QUERY = "action=search&orgId=o1";

    private static SearchRequestReader reader(String action) {
        return new SearchRequestReader(new ObjectMapper(), action);
    }

    private String refusal(String query, String body) {
        ApiException e = assertThrows(ApiException.class, () -> reader("search").read(query, body));
        assertEquals(ApiException.INVALID_ARGUMENT, e.code());
        return e.getMessage();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noBodyMeansNoFilterAndTheDefaultPage(String body) {
        assertEquals(new SearchRequest("o1", null, 1, 10), reader("search").read(QUERY, body));
    }

    @Test
    void readsTheSeedsSampleRequest() {
        String body = "{\"expression\":\"productKey='yourProductKey'\",\"pagination\":{\"pageNo\":1,\"pageSize\":5}}";
        assertEquals(
                new SearchRequest("yourOrgId", "productKey='yourProductKey'", 1, 5),
                reader("searchDeviceUpgrade").read("action=searchDeviceUpgrade&orgId=yourOrgId", body));
    }

    @Test
    void queryParametersComeInAnyOrderAndPercentEncoded() {
        assertEquals(
                "o 1/ä",
                reader("search")
                        .read("orgId=o%201%2F%C3%A4&action=search", null)
                        .orgId());
        assertEquals(
                "o 1😀",
                reader("search")
                        .read("orgId=o+1%F0%9F%98%80&action=search", null)
                        .orgId());
    }

    @Test
    void unknownBodyKeysAreIgnoredAsTheOfficialClientAddsSome() {
        SearchRequest request = reader("search")
                .read(
                        QUERY,
                        "{\"action\":\"search\",\"orgId\":\"other\",\"projection\":[\"a\"],\"pagination\":{\"pageSiz"
                                + "e\":3,\""
                                + "sorters\":[]}}");
        assertEquals(new SearchRequest("o1", null, 1, 3), request);
    }

    @Test
    void emptyAndNullSortersAreAccepted() {
        assertEquals(
                3,
                reader("search")
                        .read(QUERY, "{\"pagination\":{\"pageSize\":3,\"sorters\":null}}")
                        .pageSize());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "action=search              | Invalid Argument orgId:orgId is missing",
                "action=search&orgId=       | Invalid Argument orgId:orgId is missing",
                "action=search&orgId=%20    | Invalid Argument orgId:orgId is missing",
                "action=search&orgId=a&orgId=b | Invalid Argument orgId:orgId is given more than once",
                "orgId=o1                   | Invalid Argument action:action is missing",
                "action=get&orgId=o1        | Invalid Argument action:action 'get' is not supported on this path; "
                        + "use search",
                "action=search&action=search&orgId=o1 | Invalid Argument action:action is given more than once",
                "action=search&orgId=%zz    | Invalid Argument query:malformed percent-encoding in the query string",
                "action=search&orgId=a%2    | Invalid Argument query:malformed percent-encoding in the query string",
                "action=search&orgId=a%FF   | Invalid Argument query:the query string is not UTF-8 once "
                        + "percent-decoded",
                "action=search&orgId=%ED%A0%80 | Invalid Argument query:the query string is not UTF-8 once "
                        + "percent-decoded",
                "action=search&orgId=a%C3   | Invalid Argument query:the query string is not UTF-8 once "
                        + "percent-decoded",
                "action=search&orgId=a%09b  | Invalid Argument orgId:orgId must be at most 64 printable characters",
                "action=search&orgId=a%0Ab  | Invalid Argument orgId:orgId must be at most 64 printable characters",
            })
    void queryProblems(String query, String message) {
        assertEquals(message, refusal(query, "{}"));
    }

    @Test
    void overlongOrgIdIsRefused() {
        assertEquals(
                "Invalid Argument orgId:orgId must be at most 64 printable characters",
                refusal("action=search&orgId=" + "o".repeat(65), null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{bad                                 | Invalid Argument body:malformed JSON at line 1, column 2",
                "{\"a\":1} trailing                     | Invalid Argument body:malformed JSON at line 1, column 17",
                "{\"a\":1} {}                           | Invalid Argument body:content after the JSON value at line "
                        + "1, column 9",
                "{\"expression\":\"a\",\"expression\":\"b\"} | Invalid Argument body:duplicate key at line 1, column "
                        + "31",
                "[1]                                  | Invalid Argument body:the request body must be a JSON object",
                "\"text\"                               | Invalid Argument body:the request body must be a JSON object",
                "{\"expression\":5}                     | Invalid Argument expression:expression must be a string",
                "{\"expression\":[\"a\"]}                 | Invalid Argument expression:expression must be a string",
                "{\"pagination\":5}                     | Invalid Argument pagination:pagination must be an object",
                "{\"pagination\":{\"pageSize\":0}}        | Invalid Argument pagination.pageSize:pageSize must be an "
                        + "integer from 1 to 200, found 0",
                "{\"pagination\":{\"pageSize\":201}}      | Invalid Argument pagination.pageSize:pageSize must be an "
                        + "integer from 1 to 200, found 201",
                "{\"pagination\":{\"pageSize\":-1}}       | Invalid Argument pagination.pageSize:pageSize must be an "
                        + "integer from 1 to 200, found -1",
                "{\"pagination\":{\"pageSize\":2.5}}      | Invalid Argument pagination.pageSize:pageSize must be an "
                        + "integer from 1 to 200, found 2.5",
                "{\"pagination\":{\"pageSize\":\"5\"}}      | Invalid Argument pagination.pageSize:pageSize must be "
                        + "an integer from 1 to 200, found \"5\"",
                "{\"pagination\":{\"pageNo\":0}}          | Invalid Argument pagination.pageNo:pageNo must be an "
                        + "integer from 1 up, found 0",
                "{\"pagination\":{\"pageNo\":2147483648}} | Invalid Argument pagination.pageNo:pageNo must be an "
                        + "integer from 1 up, found 2147483648",
                "{\"pagination\":{\"pageNo\":1e3}}        | Invalid Argument pagination.pageNo:pageNo must be an "
                        + "integer from 1 up, found 1000.0",
                "{\"pagination\":{\"sorters\":[{\"field\":\"x\"}]}} | Invalid Argument pagination.sorters:sorters is "
                        + "not supported by this API",
                "{\"pagination\":{\"sorters\":{}}}        | Invalid Argument pagination.sorters:sorters is not "
                        + "supported by this API",
            })
    void bodyProblems(String body, String message) {
        assertEquals(message, refusal(QUERY, body));
    }

    @Test
    void theLargestPageNumberStillComputesItsOffset() {
        SearchRequest last = reader("search").read(QUERY, "{\"pagination\":{\"pageNo\":2147483647,\"pageSize\":200}}");
        assertEquals(2_147_483_646L * 200, last.offset());
    }
}
