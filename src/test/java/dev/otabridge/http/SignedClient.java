package dev.otabridge.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.api.QueryString;
import dev.otabridge.security.Signatures;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** An EnOS application as the documented token flow has it: get a token, sign every call. */
public final class SignedClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BundleEndpoint bundle;
    private final String appKey;
    private final String secret;
    String token;

    public SignedClient(BundleEndpoint bundle, String appKey, String secret) throws Exception {
        this.bundle = bundle;
        this.appKey = appKey;
        this.secret = secret;
        this.token = JSON.readTree(bundle.post("/apim-token-service/v2.0/token/get", tokenBody(""))
                        .body())
                .get("data")
                .get("accessToken")
                .textValue();
    }

    private SignedClient(BundleEndpoint bundle, String appKey, String secret, String token) {
        this.bundle = bundle;
        this.appKey = appKey;
        this.secret = secret;
        this.token = token;
    }

    /** The same application with the same token, calling another instance. */
    public SignedClient on(BundleEndpoint other) {
        return new SignedClient(other, appKey, secret, token);
    }

    String tokenBody(String extra) {
        String timestamp = String.valueOf(System.currentTimeMillis());
        return "{\"appKey\":\"" + appKey + "\",\"timestamp\":\"" + timestamp + "\",\"encryption\":\""
                + Signatures.encryption(appKey, timestamp, secret) + "\"" + extra + "}";
    }

    /** A signed POST (or GET when body is null), with the parts a test may tamper with. */
    public HttpResponse<String> call(String pathAndQuery, String body) throws Exception {
        String now = String.valueOf(System.currentTimeMillis());
        return call(pathAndQuery, body, token, now, pathAndQuery, body, now);
    }

    /** Signs {@code signedPath}, {@code signedBody} and {@code signedTimestamp}, but sends the others. */
    public HttpResponse<String> call(
            String pathAndQuery,
            String body,
            String sentToken,
            String timestamp,
            String signedPath,
            String signedBody,
            String signedTimestamp)
            throws Exception {
        int q = signedPath.indexOf('?');
        String signature = Signatures.request(
                token,
                QueryString.parse(q < 0 ? "" : signedPath.substring(q + 1)).all(),
                signedBody,
                signedTimestamp,
                secret);
        HttpRequest.Builder request = HttpRequest.newBuilder(bundle.uri(pathAndQuery))
                .header("apim-accesstoken", sentToken)
                .header("apim-timestamp", timestamp)
                .header("apim-signature", signature);
        request = body == null
                ? request.GET()
                : request.header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        return bundle.send(request);
    }
}
