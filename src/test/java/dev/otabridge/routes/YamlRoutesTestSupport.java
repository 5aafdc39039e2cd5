package dev.otabridge.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;

/**
 * Runs the bundle's own YAML route files, as the bundle packages them, in a test context that is
 * advised before it starts. Subclasses bind the beans (real or stand-ins) the routes call.
 */
abstract class YamlRoutesTestSupport extends CamelTestSupport {

    /** The route files under routes/, as packaged on the classpath. */
    protected abstract List<String> routeFiles();

    /** Placeholders the routes use, such as {{ota.inbox.dir}}. */
    protected Properties properties() {
        return new Properties();
    }

    /** The sync routes on fast test schedules (sweep and stall checks out of the way), relaying to {@code targets}. */
    protected static Properties syncProperties(String targets) {
        Properties p = new Properties();
        p.setProperty("ota.sync.enabled", "true");
        p.setProperty("ota.sync.detect-trigger", "trigger.repeatInterval=50&trigger.repeatCount=-1");
        p.setProperty("ota.sync.reconcile-trigger", "trigger.repeatInterval=3600000&trigger.repeatCount=-1");
        p.setProperty("ota.sync.stall-check-trigger", "trigger.repeatInterval=3600000&trigger.repeatCount=-1");
        p.setProperty("ota.sync.retention-trigger", "trigger.repeatInterval=3600000&trigger.repeatCount=-1");
        p.setProperty("ota.sync.retention-days", "30");
        p.setProperty("ota.sync.relay.enabled", "true");
        p.setProperty("ota.sync.relay.period-millis", "50");
        p.setProperty("ota.sync.relay.batch-size", "100");
        p.setProperty("ota.sync.targets", targets);
        return p;
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Properties properties = properties();
        context.getPropertiesComponent().setOverrideProperties(properties);
        context.getRestConfiguration().setComponent("platform-http");
        context.getRestConfiguration().setInlineRoutes(false);
        MainHttpServer server = new MainHttpServer();
        server.setPort(0);
        server.setHost("127.0.0.1");
        context.addService(server);
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        List<RoutesBuilder> builders = new ArrayList<>();
        for (String file : routeFiles()) {
            builders.addAll(PluginHelper.getRoutesLoader(context)
                    .findRoutesBuilders(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/" + file)));
        }
        return builders.toArray(new RoutesBuilder[0]);
    }
}
