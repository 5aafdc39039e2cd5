package dev.otabridge.services;

import dev.otabridge.Application;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The bundle in a JVM of its own, so a test can kill it with SIGKILL mid-work. */
final class ChildBundle implements AutoCloseable {

    private final Process process;
    private final URI base;

    private ChildBundle(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static ChildBundle start(Path data, Path log, Map<String, String> environment) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Application.class.getName())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = new HashMap<>(environment);
        env.put("OTA_DATA_DIR", data.toString());
        env.put("OTA_HTTP_PORT", String.valueOf(port));
        builder.environment().putAll(env);
        ChildBundle child = new ChildBundle(builder.start(), URI.create("http://127.0.0.1:" + port));
        child.awaitReady(Duration.ofSeconds(60));
        return child;
    }

    private void awaitReady(Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the child bundle exited with " + process.exitValue());
            }
            try {
                if (post("/ota-sync/v1/outbox", null).statusCode() >= 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the child bundle did not answer within " + within);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        request = body == null ? request.GET() : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws Exception {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

}
