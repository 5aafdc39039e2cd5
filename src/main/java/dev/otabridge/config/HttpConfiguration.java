package dev.otabridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.api.BoundedHttpServers;
import dev.otabridge.api.ConnectionLimits;
import dev.otabridge.api.Envelopes;
import dev.otabridge.api.FeedRequestReader;
import dev.otabridge.api.FleetRequestReader;
import dev.otabridge.api.RequestGate;
import dev.otabridge.api.SearchRequestReader;
import dev.otabridge.metrics.OtaMetrics;
import java.time.Duration;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;

/**
 * The HTTP edge ({@code ota.http.*}, {@code ota.management.*}): the request readers, the envelope
 * writer, and the Vert.x instance platform-http's servers are made by, with this bundle's connection
 * limits and request gate. Composed last: every other setting has been checked, so no failure
 * leaves Vert.x threads behind.
 */
public class HttpConfiguration implements CamelConfiguration {

    @PropertyInject("ota.http.port")
    private int httpPort;

    @PropertyInject("ota.management.port")
    private int managementPort;

    @PropertyInject("ota.http.max-connections")
    private int maxConnections;

    @PropertyInject("ota.http.idle-timeout-seconds")
    private long idleTimeoutSeconds;

    @PropertyInject("ota.http.header-timeout-seconds")
    private long headerTimeoutSeconds;

    @PropertyInject("ota.http.body-timeout-seconds")
    private long bodyTimeoutSeconds;

    @BindToRegistry("envelopes")
    public Envelopes envelopes(ObjectMapper json, OtaMetrics metrics) {
        return new Envelopes(json, metrics);
    }

    /** Search Device Upgrade's requests: its path serves action searchDeviceUpgrade. */
    @BindToRegistry("deviceUpgradeRequests")
    public SearchRequestReader deviceUpgradeRequests(ObjectMapper json) {
        return new SearchRequestReader(json, "searchDeviceUpgrade");
    }

    /** Search OTA Job's requests: its path serves action search. */
    @BindToRegistry("otaJobRequests")
    public SearchRequestReader otaJobRequests(ObjectMapper json) {
        return new SearchRequestReader(json, "search");
    }

    @BindToRegistry("fleetRequests")
    public FleetRequestReader fleetRequests() {
        return new FleetRequestReader();
    }

    @BindToRegistry("feedRequests")
    public FeedRequestReader feedRequests() {
        return new FeedRequestReader();
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        ConnectionLimits limits = new ConnectionLimits(
                maxConnections,
                Duration.ofSeconds(idleTimeoutSeconds),
                Duration.ofSeconds(headerTimeoutSeconds),
                Duration.ofSeconds(bodyTimeoutSeconds));
        Envelopes envelopes = context.getRegistry().lookupByNameAndType("envelopes", Envelopes.class);
        BoundedHttpServers servers = new BoundedHttpServers(limits, new RequestGate(context, envelopes));
        context.getRegistry().bind("vertx", servers.vertx());
        // platform-http logs a port it could not bind and runs on without it: here that stops the start
        context.addStartupListener((camel, alreadyStarted) -> {
            for (BoundedHttpServers.BindFailure failure : servers.bindFailures()) {
                String setting = failure.port() == httpPort
                        ? "ota.http.port"
                        : failure.port() == managementPort ? "ota.management.port" : "port";
                throw new IllegalStateException(setting + " " + failure.port() + " on " + failure.host()
                        + " cannot be bound: " + failure.reason());
            }
        });
        context.getManagementStrategy().addEventNotifier(new SimpleEventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.CamelContextStoppedEvent) {
                    servers.close();
                }
            }
        });
    }
}
