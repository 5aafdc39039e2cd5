package dev.otabridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.otabridge.search.SearchRequest;
import dev.otabridge.store.StoredText;

/**
 * Reads a search call as EnOS clients send it: {@code orgId} and {@code action} in the query
 * string, {@code expression} and {@code pagination} in a JSON body, other body keys ignored (the
 * official client adds some). Anything else is refused with a 99400 that names the parameter.
 */
public final class SearchRequestReader {

    public static final int DEFAULT_PAGE_SIZE = 10;
    public static final int MAX_PAGE_SIZE = 200;
    static final int MAX_ORG_ID_LENGTH = StoredText.ID_LENGTH;

    private final JsonBody json;
    private final String action;

    /** @param action the action its path serves, as EnOS names it: {@code searchDeviceUpgrade}, {@code search} */
    public SearchRequestReader(ObjectMapper json, String action) {
        this.json = new JsonBody(json);
        this.action = action;
    }

    /**
     * @param rawQuery the request's query string as received (the query, not headers, carries
     *                 orgId: an HTTP header of the same name must not stand in for it)
     * @param body     the raw request body, possibly null or empty
     */
    public SearchRequest read(String rawQuery, String body) {
        QueryString query = QueryString.parse(rawQuery);
        String givenAction = query.single("action");
        if (!action.equals(givenAction)) {
            throw ApiException.invalidArgument(
                    "action",
                    givenAction == null
                            ? "action is missing"
                            : "action '" + shorten(givenAction) + "' is not supported on this path; use " + action);
        }
        String orgId = query.single("orgId");
        if (orgId == null || orgId.isBlank()) {
            throw ApiException.invalidArgument("orgId", "orgId is missing");
        }
        if (orgId.length() > MAX_ORG_ID_LENGTH || StoredText.firstNotText(orgId) >= 0) {
            throw ApiException.invalidArgument(
                    "orgId", "orgId must be at most " + MAX_ORG_ID_LENGTH + " printable characters");
        }
        JsonNode root =
                body == null || body.isBlank() ? MissingNode.getInstance() : json.readObject(body, "the request body");
        String expression = expression(root.path("expression"));
        JsonNode pagination = root.path("pagination");
        if (!pagination.isMissingNode() && !pagination.isNull() && !pagination.isObject()) {
            throw ApiException.invalidArgument("pagination", "pagination must be an object");
        }
        JsonNode sorters = pagination.path("sorters");
        if (!sorters.isMissingNode() && !sorters.isNull() && !(sorters.isArray() && sorters.isEmpty())) {
            throw ApiException.invalidArgument("pagination.sorters", "sorters is not supported by this API");
        }
        int pageNo = integer(pagination.path("pageNo"), "pageNo", 1, 1, Integer.MAX_VALUE);
        int pageSize = integer(pagination.path("pageSize"), "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        return new SearchRequest(orgId, expression, pageNo, pageSize);
    }

    private static String expression(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalidArgument("expression", "expression must be a string");
        }
        return node.textValue();
    }

    private static int integer(JsonNode node, String name, int absent, int min, int max) {
        if (node.isMissingNode() || node.isNull()) {
            return absent;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw ApiException.invalidArgument(
                    "pagination." + name,
                    name + " must be an integer from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max)
                            + ", found " + shorten(node.toString()));
        }
        return node.intValue();
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
