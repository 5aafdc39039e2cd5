package dev.otabridge.api;

import dev.otabridge.store.OtaStore;
import dev.otabridge.store.Records;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sample fleet a fresh store starts with, read like any load document. */
public final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private DemoData() {}

    /**
     * Loads the classpath document {@code resource} when the store holds no device and no job, so a
     * fresh clone answers the API documents' sample requests. A blank resource turns this off.
     */
    public static void load(String resource, OtaStore store, RecordsReader records) throws IOException {
        if (resource == null || resource.isBlank() || !store.isEmpty()) {
            return;
        }
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("demo data " + resource + " is not on the classpath");
            }
            Records.Loaded loaded = store.upsert(records.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            LOG.info(
                    "empty store: loaded the demo data from {} ({} devices, {} jobs)",
                    resource,
                    loaded.devices(),
                    loaded.jobs());
        }
    }
}
