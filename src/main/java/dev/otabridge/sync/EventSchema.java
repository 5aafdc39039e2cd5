package dev.otabridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON Schema of the events (version 1), served by the bundle at {@link #PATH}; every event's
 * {@code dataschema} is its URL. Events detected before the schema was served carry {@link #URN},
 * which names the same schema.
 */
public final class EventSchema {

    public static final String PATH = "/schemas/device-upgrade-event-1.json";
    public static final String URN = "urn:ota-bridge:device-upgrade-event:1";
    private static final String RESOURCE = "schemas/device-upgrade-event-1.json";

    private final String url;
    private final ObjectNode schema;

    /** @param publicUrl the address consumers reach the bundle at, without a trailing slash */
    public EventSchema(ObjectMapper json, String publicUrl) {
        this.url = publicUrl + PATH;
        try (InputStream in = EventSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            ObjectNode read = (ObjectNode) json.readTree(in);
            schema = json.createObjectNode()
                    .put("$schema", read.get("$schema").textValue())
                    .put("$id", url);
            schema.setAll(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    /** The document as served at {@link #PATH}, its {@code $id} the URL. */
    public String served() {
        return schema.toPrettyString();
    }

    /** The schema of the whole event without its {@code $schema} and {@code $id}, for embedding elsewhere. */
    public ObjectNode embeddable() {
        ObjectNode copy = schema.deepCopy();
        copy.remove("$schema");
        copy.remove("$id");
        return copy;
    }

    /** The schema of the event's {@code data}, which a binary-mode message carries alone. */
    public JsonNode dataSchema() {
        return schema.path("definitions").path("data").deepCopy();
    }
}
