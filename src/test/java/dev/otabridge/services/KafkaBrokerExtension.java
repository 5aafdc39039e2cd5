package dev.otabridge.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One {@link KafkaBroker} for a test class, in a folder of its own that goes with it. */
final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private KafkaBroker broker;

    KafkaBroker broker() {
        return broker;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("ota-kafka-");
        broker = KafkaBroker.start(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        broker.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
