package dev.otabridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.api.DemoData;
import dev.otabridge.api.RecordsReader;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.StoreSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The store ({@code ota.db.*}): its pool, its one transaction manager, its schema and, on a first
 * run, the demo data ({@code ota.demo-data}).
 */
public class StoreConfiguration implements CamelConfiguration {

    @PropertyInject("ota.demo-data")
    private String demoData;

    @BindToRegistry("otaDataSource")
    public HikariDataSource dataSource(
            @PropertyInject("ota.db.url") String url,
            @PropertyInject("ota.db.user") String user,
            @PropertyInject("ota.db.password") String password,
            @PropertyInject("ota.db.pool-size") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ota-store");
        config.setJdbcUrl(url);
        config.setDataSourceProperties(StoreSetup.driverProperties(url));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }

    /** The only one: every transaction of the bundle is on this one database. */
    @BindToRegistry("transactionManager")
    public DataSourceTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @BindToRegistry("otaStore")
    public OtaStore store(DataSourceTransactionManager transactions, ObjectMapper json) {
        return new OtaStore(transactions, json);
    }

    @BindToRegistry("records")
    public RecordsReader records(ObjectMapper json) {
        return new RecordsReader(json);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        HikariDataSource dataSource =
                context.getRegistry().lookupByNameAndType("otaDataSource", HikariDataSource.class);
        // closed when Camel stops, after the routes and every service added after this one
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                dataSource.close();
            }
        });
        setUpWhileRoutesLoad(
                context,
                dataSource,
                context.getRegistry().lookupByNameAndType("otaStore", OtaStore.class),
                context.getRegistry().lookupByNameAndType("records", RecordsReader.class));
    }

    /**
     * Migrates the store and loads the demo data on a thread of its own while Camel loads and starts
     * the routes (docs/decisions/0001-store-set-up-beside-route-loading.md); the routes' consumers
     * start only once the store is ready, and a store that cannot be set up stops the start.
     */
    private void setUpWhileRoutesLoad(
            CamelContext context, DataSource dataSource, OtaStore store, RecordsReader records) throws Exception {
        CompletableFuture<Void> ready = CompletableFuture.runAsync(
                () -> {
                    StoreSetup.migrate(dataSource);
                    try {
                        DemoData.load(demoData, store, records);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                task -> new Thread(task, "store-setup").start());
        // called before the routes' consumers start: no request or tick reaches a store not yet migrated
        context.addStartupListener((camel, alreadyStarted) -> {
            try {
                ready.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        });
    }
}
