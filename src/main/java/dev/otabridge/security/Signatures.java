package dev.otabridge.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** EnOS's SHA-256 signatures, and their comparison in constant time. */
public final class Signatures {

    private Signatures() {}

    /** Token service: {@code encryption} = hex SHA-256 of appKey + timestamp + appSecret. */
    public static String encryption(String appKey, String timestamp, String appSecret) {
        return sha256(appKey + timestamp + appSecret);
    }

    /**
     * API call: {@code apim-signature} = hex SHA-256 of accessToken + paramsData + timestamp +
     * appSecret, paramsData being the query parameters sorted by name, each as name then value,
     * followed by the raw body.
     */
    public static String request(
            String accessToken, Map<String, List<String>> query, String body, String timestamp, String appSecret) {
        StringBuilder params = new StringBuilder();
        new TreeMap<>(query)
                .forEach((name, values) ->
                        values.forEach(value -> params.append(name).append(value)));
        params.append(body == null ? "" : body);
        return sha256(accessToken + params + timestamp + appSecret);
    }

    /** Equal or not, in time that does not depend on where they differ. */
    public static boolean same(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
