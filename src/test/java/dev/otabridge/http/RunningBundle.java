package dev.otabridge.http;

import dev.otabridge.BundleConfiguration;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The whole bundle as it deploys (application.properties, YAML routes, Vert.x HTTP server,
 * file-based HSQLDB), started in this JVM on a free port and a data folder of the test's.
 */
public final class RunningBundle implements BundleEndpoint, AutoCloseable {

    private final Main main;
    private final URI base;
    private final URI management;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningBundle(Main main, URI base, URI management) {
        this.main = main;
        this.base = base;
        this.management = management;
    }

    public static RunningBundle start(Path dataDir, Map<String, String> overrides) throws Exception {
        return start(dataDir, overrides, Map.of());
    }

    /** With {@code beans} in the registry before the bundle's own are made (a test's tracer, say). */
    public static RunningBundle start(Path dataDir, Map<String, String> overrides, Map<String, Object> beans)
            throws Exception {
        int port = freePort();
        Main main = new Main();
        beans.forEach(main::bind);
        main.configure().addConfiguration(BundleConfiguration.class);
        main.addOverrideProperty("ota.data.dir", dataDir.toString());
        main.addOverrideProperty("ota.http.port", String.valueOf(port));
        // a port of its own, as by default, but free; a test may name it, or {{ota.http.port}}
        main.addOverrideProperty("ota.management.port", String.valueOf(freePort()));
        overrides.forEach(main::addOverrideProperty);
        main.start();
        String managementPort = main.getCamelContext().resolvePropertyPlaceholders("{{ota.management.port}}");
        return new RunningBundle(
                main, URI.create("http://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + managementPort));
    }

    @Override
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    @Override
    public URI management(String pathAndQuery) {
        return management.resolve(pathAndQuery);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
