package dev.otabridge.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Readies a delivery of the outbox event in the body: the event as the bindings read it, in the
 * property {@value #EVENT}, and its type in the header {@value #TYPE}, which a target URI may name
 * to route by type. Each target's copy is then shaped by {@link EventBindings}. Java rather than
 * Simple: Simple looks accessors up by reflection, for every event
 * (docs/decisions/0014-event-message-without-reflection.md).
 */
public final class EventMessage implements Processor {

    static final String EVENT = "publishedEvent";
    static final String TYPE = "OtaEventType";

    private final ObjectMapper json;

    public EventMessage(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) {
        OutboxEvent event = exchange.getMessage().getBody(OutboxEvent.class);
        exchange.setProperty(EVENT, PublishedEvent.of(json, event));
        exchange.getMessage().setHeader(TYPE, event.type());
        exchange.getMessage().setBody(event.payload());
    }
}
