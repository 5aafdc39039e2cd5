package dev.otabridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JSON Schema validation by networknt's validator: AsyncAPI's published 3.0.0 schema (a test
 * resource) for the AsyncAPI document, and the bundle's own event schema for events.
 */
public final class ContractSchemas {

    private static final JsonSchemaFactory DRAFT_7 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private ContractSchemas() {}

    /** AsyncAPI 3.0.0's schema. */
    public static JsonSchema asyncApi() throws IOException {
        try (InputStream in = ContractSchemas.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.json")) {
            return DRAFT_7.getSchema(in);
        }
    }

    /** A schema given as a document, such as the one the bundle serves. */
    public static JsonSchema of(JsonNode schema) {
        return DRAFT_7.getSchema(schema);
    }

    /** The validation errors, one per line; empty when valid. */
    public static String errors(JsonSchema schema, JsonNode document) {
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n"));
    }
}
