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
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented TLS settings: the bundle answers over HTTPS with its key, and no longer in plain HTTP. */
class TlsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "changeit-tls";

    @TempDir
    Path dir;

    private Path keyStore() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "ota-bridge",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException(
                    "keytool failed: " + new String(keytool.getInputStream().readAllBytes()));
        }
        return store;
    }

    private static HttpClient trusting(Path store) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(store)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    @Test
    void theBundleAnswersOverHttpsOnly() throws Exception {
        Path store = keyStore();
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
