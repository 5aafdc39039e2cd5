package dev.otabridge.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings a store to the current schema and, on a first run, fills it with the demo data. */
public final class StoreSetup {

    private static final Logger LOG = LoggerFactory.getLogger(StoreSetup.class);

    private StoreSetup() {
    }

    /** Applies the migrations in {@code sql/} (packaged as db/migration) that the store lacks. */
    public static void migrate(DataSource dataSource) {
        int applied = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
        LOG.info("store schema is current ({} migration(s) applied now)", applied);
    }

    /**
     * Loads the classpath document {@code resource} when the store holds no device and no job, so a
     * fresh clone answers the API documents' sample requests. A blank resource turns this off.
     */
    public static void loadDemoData(String resource, OtaStore store, RecordsReader records) throws IOException {
        if (resource == null || resource.isBlank() || !store.isEmpty()) {
            return;
        }
        try (InputStream in = StoreSetup.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("demo data " + resource + " is not on the classpath");
            }
            Records.Loaded loaded = store.upsert(records.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            LOG.info("empty store: loaded the demo data from {} ({} devices, {} jobs)", resource, loaded.devices(), loaded.jobs());
        }
    }
}
