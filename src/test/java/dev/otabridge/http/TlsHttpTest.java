package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented TLS settings: the bundle answers over HTTPS with its key, and no longer in plain HTTP. */
class TlsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "changeit-tls";

    @TempDir
    Path dir;

    private static HttpClient trusting(Path store) throws Exception {
        return HttpClient.newBuilder()
                .sslContext(SelfSignedKey.trusting(store, PASSWORD))
                .build();
    }

    @Test
    void theBundleAnswersOverHttpsOnly() throws Exception {
        Path store = SelfSignedKey.create(dir, PASSWORD);
        try (RunningBundle bundle = RunningBundle.start(
                dir.resolve("data"),
                Map.of(
                        "camel.ssl.enabled", "true",
                        "camel.ssl.key-store", "file:" + store,
                        "camel.ssl.key-store-type", "PKCS12",
                        "camel.ssl.keystore-password", PASSWORD,
                        "camel.server.use-global-ssl-context-parameters", "true",
                        "camel.management.use-global-ssl-context-parameters", "true"))) {
            URI https = URI.create(bundle.uri(SearchApiHttpTest.DEVICES + "yourOrgId")
                    .toString()
                    .replace("http://", "https://"));
            HttpResponse<String> answer = trusting(store)
                    .send(
                            HttpRequest.newBuilder(https)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertEquals(0, JSON.readTree(answer.body()).get("code").intValue());
            assertThrows(IOException.class, () -> bundle.post(SearchApiHttpTest.DEVICES + "yourOrgId", "{}"));
        }
    }
}
