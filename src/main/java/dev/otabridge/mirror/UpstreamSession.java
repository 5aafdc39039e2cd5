package dev.otabridge.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.api.QueryString;
import dev.otabridge.security.Signatures;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * This bundle as an EnOS application of the upstream: it gets an access token with its app key and
 * secret, signs every call with it, and gets a new one before the old one expires or as soon as
 * the upstream says it is no longer valid.
 */
public final class UpstreamSession {

    /** The upstream's answers that mean "get a new token": EnOS's expired token, this bundle's unauthenticated. */
    private static final java.util.Set<Integer> TOKEN_REFUSED = java.util.Set.of(1203, 99401);

    private final String appKey;
    private final String secret;
    private final Clock clock;
    private final ObjectMapper json;
    private volatile String token;
    private volatile long renewAt;

    public UpstreamSession(String appKey, String secret, Clock clock, ObjectMapper json) {
        this.appKey = appKey;
        this.secret = secret;
        this.clock = clock;
        this.json = json;
    }

    public boolean needsToken() {
        return token == null || clock.millis() >= renewAt;
    }

    /** The body of a token request: {"appKey", "timestamp", "encryption"}. */
    public String tokenRequest() throws IOException {
        String timestamp = String.valueOf(clock.millis());
        Map<String, String> request = new LinkedHashMap<>();
        request.put("appKey", appKey);
        request.put("timestamp", timestamp);
        request.put("encryption", Signatures.encryption(appKey, timestamp, secret));
        return json.writeValueAsString(request);
    }

    /** Keeps the token of a successful answer until four fifths of its lifetime have passed. */
    public void acceptToken(String answer) throws IOException {
        JsonNode root = json.readTree(answer);
        int status = root.path("status").asInt(-1);
        JsonNode data = root.path("data");
        if (status != 0 || !data.hasNonNull("accessToken")) {
            throw new UpstreamRefused("token", status, root.path("msg").asText(""));
        }
        long lifetimeMillis = data.path("expire").asLong(7200) * 1000;
        renewAt = clock.millis() + lifetimeMillis * 4 / 5;
        token = data.get("accessToken").textValue();
    }

    /** Adds the token, timestamp and signature of the call about to be sent: its query and its body. */
    public void sign(Exchange exchange) {
        String timestamp = String.valueOf(clock.millis());
        String query = exchange.getMessage().getHeader(Exchange.HTTP_QUERY, "", String.class);
        String body = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setHeader("apim-accesstoken", token);
        exchange.getMessage().setHeader("apim-timestamp", timestamp);
        exchange.getMessage()
                .setHeader(
                        "apim-signature",
                        Signatures.request(token, QueryString.parse(query).all(), body, timestamp, secret));
    }

    /** Passes an answer with code 0; anything else is refused, and a refused token is dropped first. */
    public String check(String answer) throws IOException {
        JsonNode root = json.readTree(answer);
        int code = root.path("code").asInt(-1);
        if (code != 0) {
            if (TOKEN_REFUSED.contains(code)) {
                token = null;
            }
            throw new UpstreamRefused("the upstream API", code, root.path("msg").asText(""));
        }
        return answer;
    }
}
