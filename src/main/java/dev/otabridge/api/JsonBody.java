package dev.otabridge.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Locale;
import org.apache.camel.Header;

/**
 * Parses request bodies strictly: a duplicated key or trailing content is refused rather than
 * guessed at. The caller hears where the JSON broke, not the parser's own words.
 */
public final class JsonBody {

    private final ObjectMapper json;

    public JsonBody(ObjectMapper json) {
        this.json = strict(json);
    }

    /** A copy of {@code json} that refuses a duplicated key and content after the value. */
    public static ObjectMapper strict(ObjectMapper json) {
        return json.copy()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Refuses form and multipart bodies: the HTTP server reads those as form fields, so their JSON
     * would silently vanish. Any other content type, or none, is read as JSON, as EnOS clients send.
     *
     * @throws ApiException a 99400 on parameter {@code Content-Type}
     */
    public static void requireJsonContentType(@Header("Content-Type") String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
            throw ApiException.invalidArgument(
                    "Content-Type", "send the body as application/json, not " + type.split(";")[0]);
        }
    }

    /**
     * @param what how the message names the document, such as "the request body"
     * @throws ApiException a 99400 on parameter {@code body}
     */
    public JsonNode readObject(String body, String what) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String problem = e.getOriginalMessage().startsWith("Duplicate field")
                    ? "duplicate key"
                    : e instanceof MismatchedInputException
                                    && e.getOriginalMessage().startsWith("Trailing token")
                            ? "content after the JSON value"
                            : "malformed JSON";
            throw ApiException.invalidArgument("body", problem + where);
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalidArgument("body", what + " must be a JSON object");
        }
        return root;
    }
}
