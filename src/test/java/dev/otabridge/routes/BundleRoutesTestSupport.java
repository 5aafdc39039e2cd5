package dev.otabridge.routes;

import static org.awaitility.Awaitility.await;

import dev.otabridge.BundleConfiguration;
import dev.otabridge.store.StoreSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The bundle as it deploys, on camel-main: its application.properties, BundleConfiguration and every
 * route file, advised before it starts. Each test gets a store of its own in memory, without demo
 * data, and the settings of {@link #settings()} over the file's.
 */
abstract class BundleRoutesTestSupport extends CamelMainTestSupport {

    /** The store's tables, for a test to set up and check rows, before, while and after the routes run. */
    protected JdbcTemplate jdbc;

    /** This test's settings, over application.properties. */
    protected Properties settings() {
        return new Properties();
    }

    /** The sync routes on fast test schedules (sweep and stall checks out of the way), relaying to {@code targets}. */
    protected static Properties syncSettings(String targets) {
        Properties p = new Properties();
        p.setProperty("ota.sync.enabled", "true");
        p.setProperty("ota.sync.detect-trigger", "trigger.repeatInterval=50&trigger.repeatCount=-1");
        p.setProperty("ota.sync.reconcile-trigger", "trigger.repeatInterval=3600000&trigger.repeatCount=-1");
        p.setProperty("ota.sync.stall-check-trigger", "trigger.repeatInterval=3600000&trigger.repeatCount=-1");
        p.setProperty("ota.sync.retention-trigger", "trigger.repeatInterval=3600000&trigger.repeatCount=-1");
        p.setProperty("ota.sync.relay.enabled", "true");
        p.setProperty("ota.sync.relay.period-millis", "50");
        p.setProperty("ota.sync.relay.batch-size", "100");
        p.setProperty("ota.sync.batch-size", "100");
        p.setProperty("ota.sync.targets", targets);
        return p;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(BundleConfiguration.class);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        String test = UUID.randomUUID().toString();
        Properties properties = new Properties();
        properties.setProperty("ota.db.url", "jdbc:hsqldb:mem:routes-" + test + ";hsqldb.tx=mvcc");
        properties.setProperty(
                "ota.data.dir", Path.of("target", "route-tests", test).toString());
        properties.setProperty("ota.demo-data", "");
        properties.setProperty("ota.http.port", "0");
        properties.setProperty("ota.management.port", "0");
        properties.putAll(settings());
        return properties;
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    /**
     * The bundle migrates its store while its routes load: once it has, a test may write rows before it starts them.
     */
    @BeforeEach
    void awaitTheStore() {
        // connections of its own to the store in memory, which outlives the bundle's pool
        jdbc = new JdbcTemplate(
                new DriverManagerDataSource(context.resolvePropertyPlaceholders("{{ota.db.url}}"), "SA", ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> StoreSetup.isCurrent(jdbc.getDataSource()));
    }
}
