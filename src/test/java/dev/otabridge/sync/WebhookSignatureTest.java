package dev.otabridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification, with its published signature. */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void signsAsTheSpecificationsExample() {
        Map<String, String> headers = WebhookSignature.of(SPEC_SECRET)
                .headers(
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertEquals("msg_p5jXN8AQM9LWM0D4loKWxJek", headers.get("webhook-id"));
        assertEquals("1614265330", headers.get("webhook-timestamp"));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", headers.get("webhook-signature"));
    }

    @Test
    void signsOncePerSecretSoAReceiverCanRotate() {
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String signatures = WebhookSignature.of(SPEC_SECRET + ", " + other)
                .headers("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}".getBytes())
                .get("webhook-signature");
        String[] each = signatures.split(" ");
        assertEquals(2, each.length, signatures);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", each[0]);
        assertTrue(each[1].startsWith("v1,") && !each[1].equals(each[0]), signatures);
    }

    @Test
    void noSecretSignsNothing() {
        assertNull(WebhookSignature.of(""));
        assertNull(WebhookSignature.of("  "));
    }

    @Test
    void aSecretThatIsNotAStandardWebhooksSecretStopsTheStartNamingTheSetting() {
        for (String bad : new String[] {
            "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "whsec_not base64!",
            "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[16])
        }) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> WebhookSignature.of(bad));
            assertTrue(refused.getMessage().startsWith("ota.sync.webhook.secret"), refused.getMessage());
            assertTrue(!refused.getMessage().contains(bad), "the secret itself is not in the message");
        }
    }
}
