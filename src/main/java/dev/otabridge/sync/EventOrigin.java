package dev.otabridge.sync;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Who speaks in an event: its CloudEvents {@code source} and the {@code dataschema} URL where the
 * event's JSON Schema is served. Both must be absolute URIs, as CloudEvents 1.0 requires.
 */
public record EventOrigin(String source, String dataschema) {

    public EventOrigin {
        requireAbsolute("ota.sync.source", source);
        requireAbsolute("ota.public-url", dataschema);
    }

    private static void requireAbsolute(String setting, String value) {
        try {
            if (value == null || !new URI(value).isAbsolute()) {
                throw new IllegalArgumentException(setting + " must give an absolute URI, not '" + value + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + " is not a URI: " + e.getMessage(), e);
        }
    }
}
