package dev.otabridge.sync;

import java.util.Locale;

/**
 * How a message carries its event, in the terms of the CloudEvents protocol bindings: the whole
 * event as a JSON object in the body (structured), or the event's data as the body and its
 * attributes as the transport's headers (binary).
 */
public enum CloudEventsMode {
    STRUCTURED,
    BINARY;

    /** The mode {@code ota.sync.cloudevents.mode} names; anything else stops the start. */
    public static CloudEventsMode named(String setting) {
        for (CloudEventsMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(setting)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "ota.sync.cloudevents.mode must be structured or binary, not '" + setting + "'");
    }

    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }
}
