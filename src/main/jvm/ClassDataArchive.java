import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the artifact's class-data archive (AppCDS) beside it: `mvn package` runs this file with
 * the source launcher. It starts the jar once, from the jar's folder and on a new data folder, as
 * docs/operations.md starts it, until both searches have answered, then stops it with SIGTERM; the
 * JVM writes the classes it loaded to ota-bridge.jsa as it exits. Arguments: the jar, jvm.options.
 */
public final class ClassDataArchive {

    private static final Duration START_WITHIN = Duration.ofSeconds(120);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(60);
    private static final List<String> SEARCHES = List.of(
            "/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId=yourOrgId",
            "/connect-service/v2.1/ota-jobs?action=search&orgId=yourOrgId");
    private static final String BODY =
            "{\"expression\":\"productKey = 'yourProductKey'\",\"pagination\":{\"pageNo\":1,\"pageSize\":10}}";

    private ClassDataArchive() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path options = Path.of(args[1]).toAbsolutePath();
        // the archive names the jar as the JVM was given it: relative, so that the pair can move together
        String jarName = jar.getFileName().toString();
        Path archive = jar.resolveSibling(jarName.replaceFirst("\\.jar$", ".jsa"));
        Files.deleteIfExists(archive);
        Path data = Files.createTempDirectory("ota-bridge-class-data");
        Path log = jar.resolveSibling("class-data-archive.log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "@" + options,
                        "-XX:ArchiveClassesAtExit=" + archive.getFileName(),
                        "-jar",
                        jarName)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the embedded defaults, whatever the building shell has set
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("OTA_") || name.startsWith("CAMEL_"));
        environment.put("OTA_DATA_DIR", data.toString());
        environment.put("OTA_HTTP_PORT", String.valueOf(port));
        environment.put("OTA_MANAGEMENT_PORT", String.valueOf(freePort()));
        Process bundle = builder.start();
        try {
            for (String search : SEARCHES) {
                awaitAnswer(bundle, URI.create("http://127.0.0.1:" + port + search), log);
            }
        } finally {
            bundle.destroy();
            if (!bundle.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                bundle.destroyForcibly();
                throw new IllegalStateException("the bundle did not stop within " + STOP_WITHIN + "; see " + log);
            }
            deleteTree(data);
        }
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new IllegalStateException("the JVM wrote no class-data archive at " + archive + "; see " + log);
        }
        System.out.println("class-data archive: " + archive + " (" + Files.size(archive) / (1 << 20) + " MiB)");
    }

    private static void awaitAnswer(Process bundle, URI search, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(search)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
        Instant deadline = Instant.now().plus(START_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!bundle.isAlive()) {
                throw new IllegalStateException("the bundle exited with " + bundle.exitValue() + "; see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).body().startsWith("{\"code\":0,")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens a moment after the JVM starts
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no answer from " + search + " within " + START_WITHIN + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
