package dev.otabridge.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings a store to the current schema. */
public final class StoreSetup {

    private static final Logger LOG = LoggerFactory.getLogger(StoreSetup.class);

    private StoreSetup() {}

    /**
     * Applies the migrations that the store lacks: {@code sql/common} (packaged as
     * db/migration/common) on every database, then those for the database at hand
     * ({@code sql/hsqldb}, {@code sql/postgresql}): engine settings, and indexes that use one
     * engine's features.
     */
    public static void migrate(DataSource dataSource) {
        int realigned = RewordedMigrations.realign(dataSource);
        if (realigned > 0) {
            LOG.info(
                    "{} migration(s) whose comments were reworded since this store ran them take their new checksum",
                    realigned);
        }
        int applied = migrations(dataSource).load().migrate().migrationsExecuted;
        LOG.info("store schema is current ({} migration(s) applied now)", applied);
    }

    /**
     * The driver settings a store's connections get: PostgreSQL's driver sends a batch of INSERTs
     * as multi-row INSERTs (the outbox, the change log, job texts), not as one statement per row
     * (docs/decisions/0021-multi-row-inserts-on-postgresql.md). Settings in the URL still win.
     */
    public static Properties driverProperties(String url) {
        Properties properties = new Properties();
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        return properties;
    }

    /** Whether the store has every migration applied: a start in progress has set it up. */
    public static boolean isCurrent(DataSource dataSource) {
        return migrations(dataSource).load().info().pending().length == 0;
    }

    /** Where a store's migrations come from: the shared ones, its engine's, and those written in Java. */
    static FluentConfiguration migrations(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(
                        "classpath:db/migration/common",
                        "classpath:db/migration/" + vendor(dataSource),
                        "classpath:dev/otabridge/store/migration");
    }

    /** The folder of engine-specific migrations: hsqldb, postgresql. */
    static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return product.startsWith("HSQL") ? "hsqldb" : product.toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("the store cannot be reached: " + e.getMessage(), e);
        }
    }
}
