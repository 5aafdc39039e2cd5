package dev.otabridge.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An outbox event as the protocol bindings see it: its CloudEvents attributes, its data as JSON,
 * the whole event as JSON (structured mode), and the device it concerns (the Kafka key).
 */
public record PublishedEvent(Map<String, String> attributes, String data, String json, String device) {

    /** The context attributes every event has, in the order the bindings write them. */
    public static final String[] ATTRIBUTES = {"specversion", "id", "source", "type", "subject", "time", "dataschema"};

    /** CloudEvents' distributed tracing extension: the trace context the event was detected in, when traced. */
    public static final String TRACE_PARENT = "traceparent";

    public static PublishedEvent of(ObjectMapper mapper, OutboxEvent event) {
        try {
            JsonNode tree = mapper.readTree(event.payload());
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String name : ATTRIBUTES) {
                attributes.put(name, tree.path(name).asText());
            }
            if (tree.hasNonNull(TRACE_PARENT)) {
                attributes.put(TRACE_PARENT, tree.get(TRACE_PARENT).asText());
            }
            return new PublishedEvent(
                    attributes,
                    mapper.writeValueAsString(tree.path("data")),
                    event.payload(),
                    event.orgId() + "/" + event.assetId());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("event " + event.eventId() + " in the outbox is not JSON", e);
        }
    }

    public String id() {
        return attributes.get("id");
    }

    public String type() {
        return attributes.get("type");
    }

    public String time() {
        return attributes.get("time");
    }
}
