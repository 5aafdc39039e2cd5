package dev.otabridge.services;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.http.ChildBundle;
import dev.otabridge.http.SelfSignedKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https webhook is verified: a receiver whose certificate the JVM does not trust gets nothing,
 * the event waits in the outbox, and the bundle delivers it once started with a trust store that
 * holds the receiver's certificate (the JVM's own javax.net.ssl.trustStore, as docs/events.md says).
 */
@ServicesTest
class WebhookTlsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "changeit-hook";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path dir;

    @Test
    void aCertificateTheJvmDoesNotTrustGetsNothingUntilItIsTrusted() throws Exception {
        Path key = SelfSignedKey.create(dir, PASSWORD);
        Path data = Files.createDirectories(dir.resolve("data"));
        try (WebhookReceiver hooks = WebhookReceiver.verifyingWith(SECRET, SelfSignedKey.serving(key, PASSWORD))) {
            Map<String, String> environment = new HashMap<>();
            environment.put("OTA_DEMO_DATA", "");
            environment.put("OTA_SYNC_DETECT_TRIGGER", "trigger.repeatInterval=200&trigger.repeatCount=-1");
            environment.put("OTA_SYNC_RELAY_ENABLED", "true");
            environment.put("OTA_SYNC_TARGETS", hooks.url("/hooks/tls"));
            environment.put("OTA_SYNC_WEBHOOK_SECRET", SECRET);
            environment.put("OTA_SYNC_RETRY_FIRST_DELAY_MILLIS", "200");
            environment.put("OTA_SYNC_RETRY_MAX_DELAY_MILLIS", "1000");
            try (ChildBundle bundle = ChildBundle.start(data, dir.resolve("untrusted.log"), environment)) {
                new UpgradeFlips("tls", 1)
                        .flip((path, body) -> bundle.post(path, body).body(), 0, 1);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> bundle.metric("ota_sync_delivery_failures_total") >= 3);
                assertEquals(0, hooks.verified().size() + hooks.refused(), "no request reached the receiver");
                assertEquals(1, outbox(bundle, "PENDING"));
                assertTrue(
                        Files.readString(dir.resolve("untrusted.log")).contains("PKIX path building failed"),
                        "the bundle refused the receiver's certificate");
            }
            environment.put(
                    "JAVA_TOOL_OPTIONS",
                    "-Djavax.net.ssl.trustStore=" + key + " -Djavax.net.ssl.trustStorePassword=" + PASSWORD
                            + " -Djavax.net.ssl.trustStoreType=PKCS12");
            try (ChildBundle bundle = ChildBundle.start(data, dir.resolve("trusted.log"), environment)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> outbox(bundle, "DELIVERED") == 1);
                assertEquals(1, hooks.verified().size(), "delivered over TLS, signed");
            }
        }
    }

    private static long outbox(ChildBundle bundle, String status) throws Exception {
        return JSON.readTree(bundle.post("/ota-sync/v1/outbox", null).body())
                .get("data")
                .get(status)
                .longValue();
    }
}
