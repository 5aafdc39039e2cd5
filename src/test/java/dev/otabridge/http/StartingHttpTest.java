package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otabridge.services.ServicesTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle in a JVM of its own, asked over and over from its first moment: while it starts, a
 * documented path answers HTTP 503 (or nothing yet), never a 404 page; once it runs, the answer.
 */
@ServicesTest
class StartingHttpTest {

    @TempDir
    Path data;

    @Test
    void whileTheRoutesStartADocumentedPathAnswers503NeverA404() throws Exception {
        int port = ChildBundle.freePort();
        URI search = URI.create("http://127.0.0.1:" + port + SearchApiHttpTest.DEVICES + "yourOrgId");
        Set<Integer> statuses = new TreeSet<>();
        AtomicBoolean started = new AtomicBoolean();
        Thread asker = new Thread(() -> {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(200))
                    .build();
            while (!started.get()) {
                try {
                    HttpResponse<String> answer = http.send(
                            HttpRequest.newBuilder(search)
                                    .timeout(Duration.ofSeconds(5))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    synchronized (statuses) {
                        statuses.add(answer.statusCode());
                    }
                } catch (IOException notListeningYet) {
                    Thread.onSpinWait();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        asker.start();
        try (ChildBundle bundle = ChildBundle.start(
                data.resolve("store"), data.resolve("bundle.log"), Map.of("OTA_HTTP_PORT", String.valueOf(port)))) {
            assertEquals(
                    200,
                    bundle.post(SearchApiHttpTest.DEVICES + "yourOrgId", "{}").statusCode());
        } finally {
            started.set(true);
            asker.join();
        }
        synchronized (statuses) {
            assertTrue(Set.of(200, 503).containsAll(statuses), "answers seen while starting: " + statuses);
            // the port opens before the routes run, so the asker meets the start in progress
            assertTrue(statuses.contains(503), "answers seen while starting: " + statuses);
        }
    }
}
