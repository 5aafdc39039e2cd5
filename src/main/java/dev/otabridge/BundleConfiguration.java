package dev.otabridge;

import dev.otabridge.config.CommonConfiguration;
import dev.otabridge.config.HttpConfiguration;
import dev.otabridge.config.MirrorConfiguration;
import dev.otabridge.config.OpsConfiguration;
import dev.otabridge.config.SearchConfiguration;
import dev.otabridge.config.SecurityConfiguration;
import dev.otabridge.config.StoreConfiguration;
import dev.otabridge.config.SyncConfiguration;
import dev.otabridge.config.TracingConfiguration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelBeanPostProcessor;
import org.apache.camel.support.PluginHelper;

/**
 * The bundle's beans, one configuration class per concern, each binding its beans from its own
 * {@code ota.*} settings (their defaults live in application.properties alone). A concern's beans
 * may take those of the concerns before it; Camel stops the services they add in reverse order.
 */
public class BundleConfiguration implements CamelConfiguration {

    private static final List<Supplier<CamelConfiguration>> CONCERNS = List.of(
            CommonConfiguration::new,
            StoreConfiguration::new,
            OpsConfiguration::new,
            TracingConfiguration::new,
            SearchConfiguration::new,
            SecurityConfiguration::new,
            SyncConfiguration::new,
            MirrorConfiguration::new,
            HttpConfiguration::new);

    @Override
    public void configure(CamelContext context) throws Exception {
        CamelBeanPostProcessor beans = PluginHelper.getBeanPostProcessor(context);
        for (Supplier<CamelConfiguration> concern : CONCERNS) {
            CamelConfiguration configuration = concern.get();
            String name = configuration.getClass().getName();
            beans.postProcessBeforeInitialization(configuration, name);
            beans.postProcessAfterInitialization(configuration, name);
            configuration.configure(context);
        }
    }
}
