package dev.otabridge.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP server holds no connection for a client that sends too slowly, and no more connections than its cap. */
class ConnectionLimitsHttpTest {

    private static final String SEARCH = "POST " + SearchApiHttpTest.DEVICES + "yourOrgId HTTP/1.1\r\nHost: test\r\n";

    @TempDir
    Path data;

    /** Whether the server has closed the socket: a read answers end of stream instead of waiting. */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(50);
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                int read = in.read();
                if (read < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static Socket send(RunningBundle bundle, String bytes) throws IOException {
        Socket socket = new Socket("127.0.0.1", bundle.uri("/").getPort());
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    @Test
    void halfSentRequestsAreClosedAndTheServerGoesOnAnswering() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(
                data, Map.of("ota.http.header-timeout-seconds", "1", "ota.http.body-timeout-seconds", "1"))) {
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                slow.add(send(
                        bundle,
                        i % 2 == 0
                                ? SEARCH
                                : SEARCH + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"pagi"));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                for (Socket socket : slow) {
                    if (!closedByServer(socket)) {
                        return false;
                    }
                }
                return true;
            });
            for (Socket socket : slow) {
                socket.close();
            }
            assertEquals(
                    200,
                    bundle.post(SearchApiHttpTest.DEVICES + "yourOrgId", "{}").statusCode());
        }
    }

    @Test
    void aKeptAliveConnectionWaitsForItsNextRequestOnlyAsLongAsTheHeaderTimeout() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, Map.of("ota.http.header-timeout-seconds", "1"))) {
            Socket socket = send(bundle, SEARCH + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            socket.setSoTimeout(5_000);
            assertTrue(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)
                    .startsWith("HTTP/1.1 200"));
            await().atMost(Duration.ofSeconds(10)).until(() -> closedByServer(socket));
            socket.close();
        }
    }

    @Test
    void connectionsOverTheCapAreClosedAtOnceAndAFreedPlaceServesAgain() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, Map.of("ota.http.max-connections", "3"))) {
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(send(bundle, ""));
            }
            Socket over = send(bundle, "");
            await().atMost(Duration.ofSeconds(5)).until(() -> closedByServer(over));
            for (Socket socket : held) {
                assertTrue(!closedByServer(socket), "the three within the cap stay open");
            }
            held.get(0).close();
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                try {
                    return bundle.post(SearchApiHttpTest.DEVICES + "yourOrgId", "{}")
                                    .statusCode()
                            == 200;
                } catch (IOException closedWhileTheSlotWasStillTaken) {
                    return false;
                }
            });
            for (Socket socket : held) {
                socket.close();
            }
            over.close();
        }
    }
}
