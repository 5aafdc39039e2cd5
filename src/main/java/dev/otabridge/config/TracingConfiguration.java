package dev.otabridge.config;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Tracing, when {@code ota.tracing.enabled}: the OpenTelemetry SDK as the standard {@code OTEL_*}
 * variables and {@code otel.*} system properties configure it, whose tracer and propagators Camel's
 * OpenTelemetry tracer takes from the registry. A tracer bound already (a test's in-memory one) is
 * kept. Off, nothing of the SDK is loaded.
 */
public class TracingConfiguration implements CamelConfiguration {

    /** Defaults the OTEL_* variables override: the bundle's name, and spans only (metrics are Prometheus's). */
    private static final Map<String, String> DEFAULTS =
            Map.of("otel.service.name", "ota-bridge", "otel.metrics.exporter", "none", "otel.logs.exporter", "none");

    @Override
    public void configure(CamelContext context) throws Exception {
        if (!Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{ota.tracing.enabled}}"))
                || context.getRegistry().findSingleByType(Tracer.class) != null) {
            return;
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> DEFAULTS)
                .build()
                .getOpenTelemetrySdk();
        context.getRegistry().bind("openTelemetryTracer", sdk.getTracer("camel"));
        context.getRegistry().bind("openTelemetryPropagators", sdk.getPropagators());
        // on a graceful stop, the spans still buffered are exported
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                sdk.close();
            }
        });
    }
}
