package dev.otabridge.http;

import static org.awaitility.Awaitility.await;

import dev.otabridge.Application;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundle in a JVM of its own: started from the test classpath, or as the packaged artifact with
 * {@code java -jar}; a test can stop it with SIGTERM or kill it with SIGKILL mid-work.
 */
public final class ChildBundle implements BundleEndpoint, AutoCloseable {

    private final Process process;
    private final URI base;
    private final URI management;

    private ChildBundle(Process process, URI base, URI management) {
        this.process = process;
        this.base = base;
        this.management = management;
    }

    public static ChildBundle start(Path data, Path log, Map<String, String> environment) throws Exception {
        return start(
                Path.of(""),
                data,
                log,
                environment,
                List.of("-cp", System.getProperty("java.class.path"), Application.class.getName()));
    }

    /**
     * The packaged artifact as docs/operations.md runs it: {@code java -jar} from the jar's folder, where
     * its class-data archive finds it, with these JVM options besides jvm.options'.
     */
    public static ChildBundle startJar(
            Path jar, Path data, Path log, Map<String, String> environment, String... jvmOptions) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(jvmOptions));
        arguments.addAll(List.of("-jar", jar.getFileName().toString()));
        return start(jar.toAbsolutePath().getParent(), data, log, environment, arguments);
    }

    /** A free port for a child bundle, when a test must know it before the child starts (OTA_HTTP_PORT). */
    public static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ChildBundle start(
            Path directory, Path data, Path log, Map<String, String> environment, List<String> javaArguments)
            throws Exception {
        int port = environment.containsKey("OTA_HTTP_PORT")
                ? Integer.parseInt(environment.get("OTA_HTTP_PORT"))
                : freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the JVM settings of `mvn exec:exec` and of the README's java -jar (tests run in the project's folder)
        command.add("@" + Path.of("src", "main", "jvm", "jvm.options").toAbsolutePath());
        command.addAll(javaArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = new HashMap<>(environment);
        env.put("OTA_DATA_DIR", data.toAbsolutePath().toString());
        env.put("OTA_HTTP_PORT", String.valueOf(port));
        env.putIfAbsent("OTA_MANAGEMENT_PORT", String.valueOf(freePort()));
        builder.environment().putAll(env);
        ChildBundle child = new ChildBundle(
                builder.start(),
                URI.create("http://127.0.0.1:" + port),
                URI.create("http://127.0.0.1:" + env.get("OTA_MANAGEMENT_PORT")));
        child.awaitReady(Duration.ofSeconds(180));
        return child;
    }

    private void awaitReady(Duration within) {
        await().atMost(within)
                // as often as the benchmark asks the minimal camel-main app it compares the start with
                .pollInterval(Duration.ofMillis(100))
                .failFast("the child bundle exited", () -> !process.isAlive())
                .until(this::answers);
    }

    /** The API's port answers 404 until the routes are up: a real answer means ready. */
    private boolean answers() {
        try {
            return post("/ota-sync/v1/outbox", null).statusCode() == 200;
        } catch (java.io.IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    @Override
    public URI management(String pathAndQuery) {
        return management.resolve(pathAndQuery);
    }

    @Override
    public HttpResponse<String> send(HttpRequest.Builder request) throws java.io.IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The process id, to tell which instance of a cluster holds a lease. */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws Exception {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * SIGTERM, as an orchestrator stops a service; answers the exit code, or null if it did not exit within {@code
     * within}.
     */
    public Integer terminate(Duration within) throws Exception {
        process.destroy();
        return process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? process.exitValue()
                : null;
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
