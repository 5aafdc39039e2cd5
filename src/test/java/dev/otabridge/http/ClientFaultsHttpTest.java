package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a client gets wrong below the API (the query's percent-encoding, a chunk size, an oversized
 * body or header, a disconnect mid-request) is answered, or the connection closed, and logged at
 * most once as a WARN line without a trace, a query value or a secret.
 */
class ClientFaultsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cr3t-in-the-url";

    @RegisterExtension
    // the management server on the API's port: its paths answer malformed queries there too
    static final BundleExtension BUNDLE = new BundleExtension(Map.of("ota.management.port", "{{ota.http.port}}"));

    /** Sends raw bytes and answers what came back (empty when the server closed without answering). */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", BUNDLE.uri("/").getPort())) {
            socket.setSoTimeout(5_000);
            StringBuilder answer = new StringBuilder();
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                byte[] buffer = new byte[400];
                for (int n;
                        answer.length() < 400 && (n = socket.getInputStream().read(buffer)) > 0; ) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (SocketTimeoutException | SocketException closedOrReset) {
                // what arrived before is the answer
            }
            return answer.toString();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                SearchApiHttpTest.DEVICES + "a&x=%ZZ",
                "/observe/health?x=%ZZ",
                "/ota-sync/v1/events?after=%E0%A4"
            })
    void aMalformedQueryOnADocumentedPathIsAnEnvelope(String path) throws Exception {
        try (LogCapture log = new LogCapture()) {
            String response = raw("POST " + path + "&apim-signature=" + SECRET
                    + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
            assertTrue(response.startsWith("HTTP/1.1 200 "), response);
            JsonNode answer = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertEquals(99400, answer.get("code").intValue());
            assertTrue(answer.get("msg").textValue().startsWith("Invalid Argument query:"), answer.toString());
            assertTrue(answer.get("data").isNull());
            assertEquals(List.of(), log.lines());
        }
    }

    @Test
    void faultsBelowTheApiKeepTheirPlainStatusAndLogAtMostOneLineEach() throws Exception {
        try (LogCapture log = new LogCapture()) {
            String tooLarge = raw("POST /ota-store/v1/records?token=" + SECRET
                    + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n" + "Content-Length: 9000000\r\n\r\n"
                    + "x".repeat(1_000));
            assertTrue(tooLarge.startsWith("HTTP/1.1 413 "), tooLarge);
            assertFalse(tooLarge.contains("<html"), tooLarge);
            String headers = raw("GET /observe/health?token=" + SECRET + " HTTP/1.1\r\nHost: t\r\nX-Big: "
                    + "a".repeat(20_000) + "\r\n\r\n");
            assertTrue(headers.startsWith("HTTP/1.1 431 "), headers);
            String unknown = raw("GET /nowhere?token=" + SECRET + " HTTP/1.1\r\nHost: t\r\n\r\n");
            assertTrue(unknown.startsWith("HTTP/1.1 404 ") && !unknown.contains("<html"), unknown);
            String badChunk = raw("POST /ota-store/v1/records?token=" + SECRET
                    + " HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n");
            assertFalse(badChunk.contains("Exception"), badChunk);
            try (Socket gone = new Socket("127.0.0.1", BUNDLE.uri("/").getPort())) {
                gone.getOutputStream()
                        .write(("POST " + SearchApiHttpTest.DEVICES + "yourOrgId&token=" + SECRET
                                        + " HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n{\"a")
                                .getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(
                    200,
                    BUNDLE.post(SearchApiHttpTest.DEVICES + "yourOrgId", "{}").statusCode(),
                    "the server answers on");
            List<LogCapture.Line> lines = log.lines();
            assertTrue(lines.size() <= 5, "at most one line per fault: " + lines);
            for (LogCapture.Line line : lines) {
                assertEquals(Level.WARN, line.level(), line.toString());
                assertFalse(line.traced(), "no stack trace: " + line);
                assertFalse(line.text().contains(SECRET) || line.text().contains("token="), "no query value: " + line);
            }
        }
    }
}
