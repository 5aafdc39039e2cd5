package dev.otabridge.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.ServiceStatus;

/**
 * True while the Camel context runs: the relay asks before each event and the sweep before each
 * chunk, so that a shutdown stops them between the two. Java rather than Simple's
 * {@code ${camelContext.status}}, which looks the getter up by reflection for every event
 * (docs/decisions/0014-event-message-without-reflection.md).
 */
public final class ContextRunning implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        return exchange.getContext().getStatus() == ServiceStatus.Started;
    }
}
