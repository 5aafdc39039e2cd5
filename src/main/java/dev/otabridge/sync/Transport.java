package dev.otabridge.sync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.springframework.amqp.core.MessageDeliveryMode;

/**
 * The kinds of target and how each carries an event, by its CloudEvents protocol binding: Kafka,
 * AMQP (RabbitMQ, as the AMQP binding writes application properties), HTTP, and any other Camel
 * endpoint, which gets the HTTP binding's header names. The one place where the wire shape of an
 * event is decided: the relay writes it and the AsyncAPI document describes it from here.
 */
public enum Transport {
    KAFKA("Kafka", "ce_", "content-type", "application/cloudevents+json; charset=UTF-8"),
    AMQP("RabbitMQ (AMQP 0-9-1)", "cloudEvents:", null, "application/cloudevents+json"),
    HTTP("HTTP webhook", "ce-", "Content-Type", "application/cloudevents+json; charset=UTF-8"),
    CAMEL("Camel endpoint", "ce-", "Content-Type", "application/cloudevents+json; charset=UTF-8");

    /** What the binding's content type is in binary mode: the event's datacontenttype. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    private final String title;
    private final String attributePrefix;
    private final String contentTypeHeader;
    private final String structuredContentType;

    Transport(String title, String attributePrefix, String contentTypeHeader, String structuredContentType) {
        this.title = title;
        this.attributePrefix = attributePrefix;
        this.contentTypeHeader = contentTypeHeader;
        this.structuredContentType = structuredContentType;
    }

    /** The transport of an endpoint URI, by its scheme. */
    public static Transport of(String uri) {
        String scheme = uri.substring(0, Math.max(0, uri.indexOf(':'))).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "kafka" -> KAFKA;
            case "spring-rabbitmq" -> AMQP;
            case "http", "https" -> HTTP;
            default -> CAMEL;
        };
    }

    public String title() {
        return title;
    }

    public String contentType(CloudEventsMode mode) {
        return mode == CloudEventsMode.STRUCTURED ? structuredContentType : DATA_CONTENT_TYPE;
    }

    /**
     * The headers a consumer sees, named as the binding names them. AMQP's content type, message
     * id, type and timestamp are message properties, not headers: see {@link #write}.
     */
    public Map<String, String> headers(PublishedEvent event, CloudEventsMode mode) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentTypeHeader != null) {
            headers.put(contentTypeHeader, contentType(mode));
        }
        if (mode == CloudEventsMode.BINARY) {
            event.attributes().forEach((name, value) -> headers.put(attributePrefix + name, value));
        }
        return headers;
    }

    /** Makes {@code message} exactly the event's message on this transport: body and headers, nothing else. */
    public void write(Message message, PublishedEvent event, CloudEventsMode mode) {
        message.removeHeaders("*");
        String body = mode == CloudEventsMode.STRUCTURED ? event.json() : event.data();
        headers(event, mode).forEach(message::setHeader);
        switch (this) {
            case KAFKA -> {
                message.setBody(body);
                // consumed by camel-kafka as the record key, never sent as a header
                message.setHeader(KafkaConstants.KEY, event.device());
            }
            case AMQP -> {
                // camel-spring-rabbitmq turns these into AMQP 0-9-1 properties
                message.setBody(body.getBytes(StandardCharsets.UTF_8));
                message.setHeader(SpringRabbitMQConstants.CONTENT_TYPE, contentType(mode));
                message.setHeader(SpringRabbitMQConstants.MESSAGE_ID, event.id());
                message.setHeader(SpringRabbitMQConstants.TYPE, event.type());
                message.setHeader(SpringRabbitMQConstants.DELIVERY_MODE, MessageDeliveryMode.PERSISTENT);
                message.setHeader(SpringRabbitMQConstants.TIMESTAMP, Date.from(Instant.parse(event.time())));
            }
            case HTTP -> {
                message.setBody(body.getBytes(StandardCharsets.UTF_8));
                message.setHeader(Exchange.HTTP_METHOD, "POST");
            }
            case CAMEL -> message.setBody(body);
        }
    }
}
