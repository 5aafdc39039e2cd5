package dev.otabridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.api.RecordsReader;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.mirror.UpstreamMirror;
import dev.otabridge.mirror.UpstreamSession;
import dev.otabridge.store.OtaStore;
import dev.otabridge.sync.Lease;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Mirror mode ({@code ota.mirror.*}): what to read from the upstream EnOS API and how to sign the
 * calls. The routes that use these beans start only when ota.mirror.enabled is true.
 */
public class MirrorConfiguration implements CamelConfiguration {

    @PropertyInject("ota.mirror.enabled")
    private boolean enabled;

    @PropertyInject("ota.mirror.url")
    private String url;

    @PropertyInject("ota.mirror.app-key")
    private String appKey;

    /** Of several instances on one store, the one holding the mirror lease pulls. */
    @BindToRegistry("upstreamMirror")
    public UpstreamMirror upstreamMirror(
            @PropertyInject("ota.mirror.org-ids") String orgIds,
            @PropertyInject("ota.mirror.jobs") boolean jobs,
            @PropertyInject("ota.mirror.page-size") int pageSize,
            @PropertyInject("ota.mirror.lease-seconds") long leaseSeconds,
            DataSource dataSource,
            OtaStore store,
            RecordsReader records,
            ObjectMapper json,
            OtaMetrics metrics,
            Clock clock) {
        Lease lease = new Lease(dataSource, "mirror", Duration.ofSeconds(leaseSeconds), clock);
        return new UpstreamMirror(orgIds, jobs, pageSize, dataSource, store, records, json, metrics, lease);
    }

    @BindToRegistry("upstreamSession")
    public UpstreamSession upstreamSession(
            @PropertyInject("ota.mirror.secret") String secret, Clock clock, ObjectMapper json) {
        return new UpstreamSession(appKey, secret, clock, json);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        UpstreamMirror mirror = context.getRegistry().lookupByNameAndType("upstreamMirror", UpstreamMirror.class);
        if (enabled && (url.isBlank() || appKey.isBlank() || !mirror.configured())) {
            throw new IllegalArgumentException(
                    "ota.mirror.enabled is true: ota.mirror.url, ota.mirror.app-key and ota.mirror.org-ids must be "
                            + "set");
        }
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                mirror.releaseLease();
            }
        });
    }
}
