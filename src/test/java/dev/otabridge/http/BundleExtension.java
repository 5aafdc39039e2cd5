package dev.otabridge.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One running bundle, on a data folder of its own, for all the tests of a class. */
public final class BundleExtension implements BundleEndpoint, BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> settings;
    private Path data;
    private RunningBundle bundle;

    public BundleExtension() {
        this(Map.of());
    }

    /** A bundle with these settings over application.properties. */
    public BundleExtension(Map<String, String> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Files.createTempDirectory("ota-bridge-test");
        bundle = RunningBundle.start(data, settings);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        bundle.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Override
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return bundle.send(request);
    }

    @Override
    public URI uri(String pathAndQuery) {
        return bundle.uri(pathAndQuery);
    }

    @Override
    public URI management(String pathAndQuery) {
        return bundle.management(pathAndQuery);
    }
}
