package dev.otabridge.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A running bundle as an HTTP client sees it, wherever it runs: in the test JVM or in a JVM of its own. */
public interface BundleEndpoint {

    URI uri(String pathAndQuery);

    /** On the management server: /observe/health, /observe/metrics. */
    URI management(String pathAndQuery);

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException;

    /** GET when {@code body} is null, otherwise a JSON POST. */
    default HttpResponse<String> post(String pathAndQuery, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery));
        return send(
                body == null
                        ? request.GET()
                        : request.header("Content-Type", "application/json; charset=utf-8")
                                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The first sample of the metric line that starts with {@code prefix} on /observe/metrics, or 0. */
    default double metric(String prefix) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(management("/observe/metrics")).GET())
                .body()
                .lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }
}
