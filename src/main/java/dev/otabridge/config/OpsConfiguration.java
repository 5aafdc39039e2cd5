package dev.otabridge.config;

import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.ops.StoreHealthCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;

/**
 * What an operator watches: the metrics /observe/metrics serves, the JVM's among them, and the store's health check.
 */
public class OpsConfiguration implements CamelConfiguration {

    private static final String METRICS_REGISTRY = "metricsRegistry";

    /**
     * camel-micrometer-prometheus's own registry when it has made it already, otherwise one under the
     * name it looks for, so both sides share it.
     */
    @BindToRegistry(METRICS_REGISTRY)
    public MeterRegistry metricsRegistry(Registry registry) {
        MeterRegistry existing = registry.lookupByNameAndType(METRICS_REGISTRY, MeterRegistry.class);
        return existing != null ? existing : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @BindToRegistry("otaMetrics")
    public OtaMetrics metrics(@BeanInject(METRICS_REGISTRY) MeterRegistry registry) {
        return new OtaMetrics(registry);
    }

    @BindToRegistry("storeHealthCheck")
    public StoreHealthCheck storeHealthCheck(DataSource dataSource) {
        return new StoreHealthCheck(dataSource);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(METRICS_REGISTRY, MeterRegistry.class);
        // the JVM's own: heap and its pools, garbage collection, threads, CPU
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                gcMetrics.close();
            }
        });
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }
}
