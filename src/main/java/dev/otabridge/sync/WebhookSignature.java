package dev.otabridge.sync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (standardwebhooks.com): {@code webhook-signature} is {@code v1,}
 * and the base64 HMAC-SHA256 of {@code id.timestamp.body}, once per secret, so a receiver can move
 * to a new secret while the old one still verifies.
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private static final String SETTING = "ota.sync.webhook.secret";
    private static final String PREFIX = "whsec_";

    private final List<SecretKeySpec> keys;

    private WebhookSignature(List<SecretKeySpec> keys) {
        this.keys = keys;
    }

    /**
     * The signer of {@code ota.sync.webhook.secret}: comma-separated secrets of the form
     * {@code whsec_} + base64 of 24 to 64 random bytes; null when the setting is blank.
     */
    public static WebhookSignature of(String secrets) {
        if (secrets == null || secrets.isBlank()) {
            return null;
        }
        List<SecretKeySpec> keys = new ArrayList<>();
        for (String secret : secrets.split(",")) {
            String trimmed = secret.trim();
            if (!trimmed.startsWith(PREFIX)) {
                throw new IllegalArgumentException(SETTING + ": each secret starts with " + PREFIX);
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(SETTING + ": a secret is not base64 after " + PREFIX, e);
            }
            if (key.length < 24 || key.length > 64) {
                throw new IllegalArgumentException(
                        SETTING + ": a secret holds " + key.length + " bytes, where 24 to 64 are required");
            }
            keys.add(new SecretKeySpec(key, "HmacSHA256"));
        }
        return new WebhookSignature(List.copyOf(keys));
    }

    /** The three headers of one delivery attempt of event {@code id} with this body. */
    public Map<String, String> headers(String id, long epochSecond, byte[] body) {
        String timestamp = Long.toString(epochSecond);
        List<String> signatures = new ArrayList<>();
        try {
            for (SecretKeySpec key : keys) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
                signatures.add("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id);
        headers.put(TIMESTAMP, timestamp);
        headers.put(SIGNATURE, String.join(" ", signatures));
        return headers;
    }
}
