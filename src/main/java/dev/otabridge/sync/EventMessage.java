package dev.otabridge.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns the outbox event in the body into the message every target gets: the event's JSON as the
 * body, its id, type and device as the headers {@value #ID}, {@value #TYPE} and {@value #SUBJECT},
 * and the device again as {@value #KAFKA_KEY}, so that Kafka puts one device's events on one
 * partition, in order. Java rather than Simple's {@code ${body.eventId}}: each of those looks the
 * accessor up by reflection, for every event (docs/decisions/0014-event-message-without-reflection.md).
 */
public final class EventMessage implements Processor {

    static final String ID = "OtaEventId";
    static final String TYPE = "OtaEventType";
    static final String SUBJECT = "OtaSubject";
    static final String KAFKA_KEY = "kafka.KEY";

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        OutboxEvent event = message.getBody(OutboxEvent.class);
        String device = event.orgId() + "/" + event.assetId();
        message.setHeader(ID, event.eventId());
        message.setHeader(TYPE, event.type());
        message.setHeader(SUBJECT, device);
        message.setHeader(KAFKA_KEY, device);
        message.setBody(event.payload());
    }
}
